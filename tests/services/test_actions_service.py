"""The action service over a real SQLite file: creation from minute values and by hand,
progress, status transitions, the audit log, and the committee's action log."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from clerkdesk.domain.action_log import ActionLogSettings
from clerkdesk.domain.actions import Action, ActionStatus, Month, Responsible
from clerkdesk.domain.due import DueState
from clerkdesk.domain.meetings import london_datetime
from clerkdesk.domain.people import PersonKind
from clerkdesk.errors import NotFoundError, ValidationError
from clerkdesk.services.registry import Services
from clerkdesk.store.audit_repo import AuditRepository

MAY_21, JUL_1 = date(2019, 5, 21), date(2019, 7, 1)


@pytest.fixture
def cyp(make):
    make.council()
    return make.committee(name="Children and Young People Committee", code="CYP")


@pytest.fixture
def may(make, cyp):
    return make.meeting(committee=cyp, start=london_datetime(MAY_21, 14))


@pytest.fixture
def officers(make):
    def officer(forenames, surname, post):
        return make.person(kind=PersonKind.OFFICER, title="", forenames=forenames,
                           surname=surname, post=post)

    return {
        "wendi": officer("Wendi", "Ogle-Welbourn", "Executive Director, People and Communities"),
        "helene": officer("Helene", "Carr", "Head of Service – Children's Commissioning"),
    }


def audit(services, action_id):
    return [(e.action, e.summary) for e in AuditRepository(services.store.db).for_entity(
        "action", action_id)]


def test_an_action_is_created_from_the_minutes_values(services, cyp, may, officers):
    action = services.actions.create_from_minute(
        cyp.id, may.id, None, 217, "Community Short Breaks for Disabled Children and Young People",
        "", [officers["wendi"].id, officers["helene"].id],
        "To advise the Committee when the Executive Director exercises her delegated authority.",
    )
    assert action.raised_on == MAY_21 and action.minute_number == "217"
    assert action.officers_text == "Wendi Ogle-Welbourn/ Helene Carr"
    assert action.responsible[1] == Responsible(
        officers["helene"].id, "Helene Carr", "Head of Service – Children's Commissioning"
    )
    assert services.actions.for_meeting(may.id) == [action]
    assert audit(services, action.id) == [("add", f"minute 217: {action.text[:80]}")]


def test_posts_from_a_minute_marker_split_at_the_slash(services, cyp, may):
    # "(Action: Strategic Finance Business Partner/ Democratic Services Officer)", seed 000
    action = services.actions.create_from_minute(
        cyp.id, may.id, 4711, "218", "Finance and Performance Report: Outturn 2018/19",
        "KD2019/001", "Strategic Finance Business Partner/ Democratic Services Officer",
        "Monitor reserves.",
    )
    assert [r.post for r in action.responsible] == [
        "Strategic Finance Business Partner", "Democratic Services Officer",
    ]
    assert action.minute_id == 4711  # kept as a plain number: no minutes table needed
    assert action.item_heading == "Finance and Performance Report: Outturn 2018/19 (KD2019/001)"
    assert services.actions.for_minute(4711) == [action]


def test_several_actions_on_one_minute_keep_their_order(services, cyp, may):
    texts = ["First action.", "Second action.", "Third action."]
    for text in texts:
        services.actions.create_from_minute(cyp.id, may.id, None, "218", "Finance", "", "TBA", text)
    services.actions.create_from_minute(cyp.id, may.id, None, "217", "Breaks", "", "TBA", "Other")
    rows = services.actions.log_for_committee(cyp.id, JUL_1).rows
    assert [(row.minute_number, row.action.text) for row in rows] == [
        ("217", "Other"), ("218", "First action."), ("", "Second action."), ("", "Third action."),
    ]


def test_a_meeting_of_another_committee_is_refused(services, make, cyp):
    other = make.meeting(committee=make.committee(name="Audit", code="AUD"))
    with pytest.raises(ValidationError, match="not a meeting of the Children and Young People"):
        services.actions.create_from_minute(cyp.id, other.id, None, 1, "X", "", "TBA", "Do it")


def test_an_unknown_person_is_refused(services, cyp, may):
    with pytest.raises(NotFoundError, match="no person with id 999"):
        services.actions.create_from_minute(cyp.id, may.id, None, 1, "X", "", [999], "Do it")


def test_an_action_raised_by_hand_outside_a_meeting(services, cyp, officers):
    action = services.actions.create(
        Action(None, cyp.id, date(2019, 6, 3), "Chase the Schools Forum for its reply.",
               responsible=(Responsible(officers["wendi"].id), Responsible(post="TBA")),
               target_date=date(2019, 6, 28))
    )
    assert action.meeting_id is None and action.raised_on == date(2019, 6, 3)
    assert action.officers_text == "Wendi Ogle-Welbourn/ TBA"
    log = services.actions.log_for_committee(cyp.id, JUL_1)
    assert [g.heading for g in log.groups] == ["Actions raised outside meetings"]


def test_progress_updates_keep_their_own_dates_and_survive_reopening(services, cyp, may,
                                                                     db_path):
    action = services.actions.create_from_minute(
        cyp.id, may.id, None, 208, "Placement Sufficiency", "", "Lou Williams", "Seminar."
    )
    services.actions.add_update(action.id, JUL_1, "Members briefing is being arranged.")
    services.actions.add_update(action.id, MAY_21, "Date to be confirmed.")
    services.close()
    with Services.open(db_path) as reopened:
        stored = reopened.actions.get(action.id)
        assert stored.progress_text() == (
            "21.05.19: Date to be confirmed. 01.07.19: Members briefing is being arranged."
        )
        assert stored.last_updated == JUL_1


def test_an_update_can_be_corrected_or_removed(services, cyp, may):
    action = services.actions.create_from_minute(cyp.id, may.id, None, 139, "Carers", "",
                                                 "Will Patten", "Advise.")
    # The year typed wrong, as in seed 000 line 334 ("08.01.18" in a 2019 log)
    action = services.actions.add_update(action.id, date(2018, 7, 8), "Expected in September.")
    assert action.warnings()
    update_id = action.updates[0].id
    fixed = services.actions.correct_update(action.id, update_id, date(2019, 7, 8),
                                            "Expected in September 2019.")
    assert fixed.progress_text() == "08.07.19: Expected in September 2019."
    assert fixed.updates[0].id == update_id and fixed.warnings() == []
    assert services.actions.remove_update(action.id, update_id).updates == ()
    with pytest.raises(ValidationError, match="does not belong"):
        services.actions.remove_update(action.id, update_id)
    assert [what for what, _ in audit(services, action.id)] == [
        "add", "progress", "correct progress", "remove progress",
    ]


def test_status_transitions_through_the_service(services, cyp, may):
    action = services.actions.create_from_minute(cyp.id, may.id, None, 183, "Framework",
                                                 "KD2018/072", "Wendi", "Advise.")
    action = services.actions.set_status(action.id, ActionStatus.EXPECTED, Month(2019, 6))
    assert action.status_text == "Expected completion date: June 2019"
    action = services.actions.complete(action.id, date(2019, 6, 20))
    assert action.status is ActionStatus.COMPLETED and action.expected_completion is None
    with pytest.raises(ValidationError, match="already closed on 20 June 2019"):
        services.actions.complete(action.id, date(2019, 6, 21))
    with pytest.raises(ValidationError, match="reopen it"):
        services.actions.add_update(action.id, date(2019, 6, 21), "More")
    action = services.actions.reopen(action.id, ActionStatus.ON_GOING)
    assert (action.status, action.completed_on) == (ActionStatus.ON_GOING, None)
    assert [what for what, _ in audit(services, action.id)] == [
        "add", "status", "complete", "reopen",
    ]


def test_editing_details_cannot_slip_in_a_status_or_updates(services, cyp, may):
    action = services.actions.create_from_minute(
        cyp.id, may.id, None, 219, "Free School", "", "Clare Buckingham", "Provide a note."
    )
    sneaky = replace(action, text="Provide a note on the lease.", status=ActionStatus.COMPLETED,
                     completed_on=JUL_1, responsible=("Clare Buckingham", "TBA"))
    saved = services.actions.update(sneaky)
    assert saved.text == "Provide a note on the lease."
    assert saved.status is ActionStatus.NOT_STATED and saved.completed_on is None
    assert saved.officers_text == "Clare Buckingham/ TBA"


def test_the_log_prints_the_people_tables_spelling_and_keeps_a_deleted_persons_name(
    services, cyp, may, officers
):
    action = services.actions.create_from_minute(cyp.id, may.id, None, 217, "Breaks", "",
                                                 [officers["helene"].id], "Advise.")
    services.people.update(replace(officers["helene"], surname="Carr-Smith"))
    assert services.actions.get(action.id).officers_text == "Helene Carr-Smith"
    services.people.delete(officers["helene"].id)
    kept = services.actions.get(action.id)
    assert kept.officers_text == "Helene Carr" and kept.responsible[0].person_id is None


def test_a_rescheduled_meeting_moves_its_actions_heading(services, cyp, may):
    services.actions.create_from_minute(cyp.id, may.id, None, 217, "Breaks", "", "TBA", "Do.")
    services.meetings.update(replace(may, start=london_datetime(date(2019, 5, 22), 14),
                                     end=None))
    log = services.actions.log_for_committee(cyp.id, JUL_1)
    assert log.groups[0].heading == "Minutes of the meeting on 22 May 2019"


# ----- the log: carry forward and drop off -----------------------------------------------------


@pytest.fixture
def two_actions(services, cyp, may):
    done = services.actions.create_from_minute(cyp.id, may.id, None, 220, "Agenda Plan", "",
                                               "Richenda Greenhill", "Add to plan.")
    services.actions.complete(done.id, date(2019, 6, 14))
    open_one = services.actions.create_from_minute(cyp.id, may.id, None, 219, "Free School", "",
                                                   "Clare Buckingham", "Note.")
    return done, open_one


def listed(services, committee_id, as_of):
    return [row.action.minute_number for row in
            services.actions.log_for_committee(committee_id, as_of).rows]


def test_completed_actions_show_once_after_completion_then_drop(services, cyp, two_actions):
    assert listed(services, cyp.id, JUL_1) == ["219", "220"]
    services.actions.record_log_issued(cyp.id, JUL_1)
    assert services.actions.issued_log_dates(cyp.id) == [JUL_1]
    assert listed(services, cyp.id, JUL_1) == ["219", "220"]  # re-rendering the same log
    assert listed(services, cyp.id, date(2019, 9, 2)) == ["219"]  # the next one drops it


def test_without_issued_logs_nothing_is_dropped(services, cyp, two_actions):
    assert listed(services, cyp.id, date(2020, 9, 1)) == ["219", "220"]


def test_the_council_can_show_closed_actions_for_longer(services, cyp, two_actions):
    saved = services.actions.save_log_settings(ActionLogSettings(logs_showing_closed=2))
    assert saved == ActionLogSettings(2) == services.actions.log_settings()
    services.actions.record_log_issued(cyp.id, JUL_1)
    assert listed(services, cyp.id, date(2019, 9, 2)) == ["219", "220"]
    services.actions.record_log_issued(cyp.id, date(2019, 9, 2))
    assert listed(services, cyp.id, date(2019, 10, 7)) == ["219"]


def test_earlier_log_dates_can_be_given_directly(services, cyp, two_actions):
    log = services.actions.log_for_committee(cyp.id, date(2019, 9, 2), [JUL_1])
    assert [row.action.minute_number for row in log.rows] == ["219"]


def test_the_default_setting_is_stored_nowhere_until_saved(services, cyp):
    assert services.actions.log_settings() == ActionLogSettings(1)
    assert services.store.db["action_log_settings"].count == 0
    with pytest.raises(ValidationError):
        services.actions.save_log_settings(ActionLogSettings(-1))


def test_a_log_is_recorded_against_a_meeting_of_that_committee_only(services, make, cyp, may):
    other = make.meeting(committee=make.committee(name="Audit", code="AUD"))
    with pytest.raises(ValidationError, match="not a meeting of the Children"):
        services.actions.record_log_issued(cyp.id, JUL_1, other.id)
    services.actions.record_log_issued(cyp.id, JUL_1, may.id)


def test_due_lists_open_actions_by_target_date(services, cyp, may):
    def with_target(minute, target):
        action = services.actions.create_from_minute(cyp.id, may.id, None, minute, "Item", "",
                                                     "TBA", f"Action {minute}")
        return services.actions.update(replace(action, target_date=target))

    with_target(1, date(2019, 6, 28))  # overdue on Mon 1 July
    with_target(2, date(2019, 7, 3))  # second working day after Mon 1 July: due soon
    with_target(3, date(2019, 7, 4))  # not yet
    with_target(4, None)
    done = with_target(5, date(2019, 6, 1))
    services.actions.complete(done.id, date(2019, 6, 1))
    due = services.actions.due(today=JUL_1)
    assert [(d.action.minute_number, d.state) for d in due] == [
        ("1", DueState.OVERDUE), ("2", DueState.DUE_SOON),
    ]


def test_a_deleted_action_is_gone_and_audited(services, cyp, may):
    action = services.actions.create_from_minute(cyp.id, may.id, None, 1, "X", "", "TBA", "Do")
    services.actions.delete(action.id)
    with pytest.raises(NotFoundError):
        services.actions.get(action.id)
    assert audit(services, action.id)[-1][0] == "delete"
