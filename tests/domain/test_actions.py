"""Actions: officers, dated progress updates, statuses and their transitions (domain.md §7)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from clerkdesk.domain.actions import (
    Action,
    ActionStatus,
    ActionUpdate,
    Month,
    Responsible,
    completed,
    reopened,
    with_status,
    with_update,
)
from clerkdesk.errors import ValidationError

MAY_21 = date(2019, 5, 21)


def action(**overrides) -> Action:
    defaults = {
        "id": None,
        "committee_id": 1,
        "raised_on": MAY_21,
        "meeting_id": 10,
        "minute_number": "208",
        "item_title": "Placement Sufficiency for Looked After Children: Six Month Update",
        "text": "To deliver a session on Corporate Parenting at a future Members' Seminar.",
        "responsible": (Responsible(name="Lou Williams"), Responsible(name="Sarah-Jane Smedmor")),
    }
    return Action(**{**defaults, **overrides})


def test_several_officers_print_with_the_seed_separator():
    officers = (
        Responsible(person_id=4, name="Will Patten", post="Service Director: Commissioning"),
        Responsible(name="Oliver Hayward"),
        Responsible(post="Democratic Services Officer"),
    )
    assert action(responsible=officers).officers_text == (
        "Will Patten/ Oliver Hayward/ Democratic Services Officer"
    )


def test_the_person_is_printed_rather_than_the_post_the_minutes_named():
    officer = Responsible(person_id=7, name="Helene Carr",
                          post="Head of Service – Children's Commissioning")
    assert officer.log_text == "Helene Carr"
    assert Responsible(post="TBA").log_text == "TBA"


def test_item_heading_carries_the_forward_plan_reference_in_brackets():
    recommissioning = action(
        minute_number="139",
        item_title="Recommissioning of Young Carers Services across Cambridgeshire and "
        "Peterborough",
        forward_plan_ref="KD2018/064",
    )
    assert recommissioning.item_heading == (
        "Recommissioning of Young Carers Services across Cambridgeshire and Peterborough "
        "(KD2018/064)"
    )
    assert action(forward_plan_ref="").item_heading == action().item_title


def test_updates_render_day_month_two_digit_year_and_accumulate_in_date_order():
    # seed 000 line 343, written in the opposite order to show they are sorted by date
    with_two = with_update(
        with_update(
            action(),
            date(2019, 7, 1),
            "Members briefing regarding children in care is being arranged with the support "
            "of the Corporate Parenting Sub Committee.",
        ),
        MAY_21,
        "Date to be confirmed.",
    )
    assert with_two.progress_text() == (
        "21.05.19: Date to be confirmed. 01.07.19: Members briefing regarding children in care "
        "is being arranged with the support of the Corporate Parenting Sub Committee."
    )
    assert with_two.progress_text(as_of=date(2019, 6, 5)) == "21.05.19: Date to be confirmed."


def test_updates_on_the_same_day_keep_the_order_they_were_written():
    day = date(2019, 7, 1)
    changed = with_update(with_update(action(), day, "Zebra first."), day, "Aardvark second.")
    assert [u.text for u in changed.updates] == ["Zebra first.", "Aardvark second."]


def test_last_updated_is_the_latest_update_never_earlier_than_any_update():
    changed = with_update(with_update(action(), date(2019, 7, 1), "b"), date(2019, 6, 3), "a")
    assert changed.last_updated == date(2019, 7, 1)
    assert all(changed.last_updated >= u.on for u in changed.updates)
    assert action().last_updated == MAY_21  # nothing since it was raised
    closed = completed(changed, date(2019, 7, 8))
    assert closed.last_updated == date(2019, 7, 8)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("September 2019", Month(2019, 9)), ("2019-06", Month(2019, 6)),
     ("  june   2019 ", Month(2019, 6))],
)
def test_target_months_parse_and_print_as_the_log_writes_them(text, expected):
    assert Month.parse(text) == expected
    assert str(Month(2019, 9)) == "September 2019"
    assert Month(2019, 9).iso == "2019-09"


@pytest.mark.parametrize("text", ["Sept 2019", "2019-13", "next spring", ""])
def test_a_month_that_is_not_one_is_refused(text):
    with pytest.raises(ValidationError):
        Month.parse(text)


def test_expected_completion_status_prints_its_month():
    expected = with_status(action(), ActionStatus.EXPECTED, Month(2019, 9))
    assert expected.status_text == "Expected completion date: September 2019"
    with pytest.raises(ValidationError, match="needs the month"):
        with_status(action(), ActionStatus.EXPECTED)


@pytest.mark.parametrize(
    ("status", "text"),
    [(ActionStatus.ON_GOING, "On-going"), (ActionStatus.IN_PROGRESS, "In progress"),
     (ActionStatus.NOT_STATED, "")],
)
def test_open_statuses_print_as_the_seed_logs_do(status, text):
    assert with_status(action(), status).status_text == text


def test_complete_then_reopen():
    done = completed(action(status=ActionStatus.ON_GOING), date(2019, 7, 1))
    assert done.status is ActionStatus.COMPLETED and done.completed_on == date(2019, 7, 1)
    assert done.is_closed and done.closed_by(date(2019, 7, 1))
    assert not done.closed_by(date(2019, 6, 30))
    again = reopened(done)
    assert again.status is ActionStatus.IN_PROGRESS and again.completed_on is None


def test_no_longer_required_closes_too():
    dropped = completed(action(), date(2019, 5, 21), ActionStatus.NO_LONGER_REQUIRED)
    assert dropped.is_closed and dropped.status_text == "No longer required"


def test_expected_month_is_cleared_when_the_action_completes():
    expected = with_status(action(), ActionStatus.EXPECTED, Month(2019, 6))
    assert completed(expected, date(2019, 6, 20)).expected_completion is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda a: with_status(a, ActionStatus.COMPLETED), "Use 'complete'"),
        (lambda a: completed(a, date(2019, 7, 1), ActionStatus.ON_GOING), "does not close"),
        (lambda a: reopened(a), "open already"),
        (lambda a: completed(a, date(2019, 5, 20)), "before the day it was raised"),
    ],
)
def test_transitions_refused_from_an_open_action(change, message):
    with pytest.raises(ValidationError, match=message):
        change(action())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda a: completed(a, date(2019, 8, 1)), "already closed on 1 July 2019"),
        (lambda a: with_status(a, ActionStatus.ON_GOING), "reopen it"),
        (lambda a: with_update(a, date(2019, 8, 1), "more"), "reopen it"),
        (lambda a: reopened(a, ActionStatus.COMPLETED), "open status"),
    ],
)
def test_transitions_refused_from_a_closed_action(change, message):
    with pytest.raises(ValidationError, match=message):
        change(completed(action(), date(2019, 7, 1)))


def test_validation_reports_every_problem_at_once():
    broken = action(
        text=" ",
        responsible=(Responsible(),),
        status=ActionStatus.COMPLETED,
        expected_completion=Month(2019, 9),
        updates=(ActionUpdate(date(2019, 6, 1), ""),),
    )
    with pytest.raises(ValidationError) as raised:
        broken.validate()
    assert len(raised.value.problems) == 5


def test_a_status_gap_is_refused_both_ways():
    with pytest.raises(ValidationError, match="Only a completed"):
        action(completed_on=date(2019, 7, 1)).validate()


def test_an_update_dated_before_the_action_is_kept_but_flagged():
    # seed 000 line 334: "08.01.18:" in the row of an action from 11 September 2018
    raised = date(2018, 9, 11)
    quirk = with_update(action(raised_on=raised), date(2018, 1, 8), "It is expected that ...")
    assert quirk.progress_text().startswith("08.01.18: ")
    assert quirk.warnings() == [
        "The update dated 08.01.18 is earlier than the action (11.09.18); is the year right?"
    ]
    assert replace(quirk, updates=()).warnings() == []
