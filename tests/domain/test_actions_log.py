"""The action log: grouping by meeting, carry-forward and drop-off (domain.md §7, pitfall 7).

The main test rebuilds the Cambridgeshire CYP log of summer 2019 (seed 000 lines 322-355)
from its actions plus the ones the log no longer shows.
"""

from __future__ import annotations

from datetime import date
from itertools import count

import pytest

from clerkdesk.domain.action_log import (
    ActionLogSettings,
    build_action_log,
    in_log,
    minute_sort_key,
)
from clerkdesk.domain.actions import (
    Action,
    ActionStatus,
    ActionUpdate,
    Month,
    Responsible,
)
from clerkdesk.errors import ValidationError

SEP_11, OCT_9 = date(2018, 9, 11), date(2018, 10, 9)
MAR_12, MAY_21 = date(2019, 3, 12), date(2019, 5, 21)
MEETING_IDS = {SEP_11: 1, OCT_9: 2, MAR_12: 3, MAY_21: 4}
JUL_1 = date(2019, 7, 1)
# The log that went to the 21 May meeting, and one before it.
EARLIER_LOGS = (date(2019, 3, 4), date(2019, 5, 13))

_ids = count(1)


def act(raised, minute, title, officers, text, *, updates=(), status=ActionStatus.NOT_STATED,
        completed_on=None, expected=None, ref="", position=0):
    return Action(
        id=next(_ids), committee_id=1, raised_on=raised, meeting_id=MEETING_IDS[raised],
        minute_number=minute, item_title=title, forward_plan_ref=ref,
        responsible=tuple(Responsible(name=name) for name in officers.split("/ ")),
        text=text, updates=tuple(ActionUpdate(day, note) for day, note in updates),
        status=status, completed_on=completed_on, expected_completion=expected,
        position=position,
    )


def summer_2019_actions() -> list[Action]:
    on_going, completed = ActionStatus.ON_GOING, ActionStatus.COMPLETED
    return [
        act(SEP_11, "139", "Recommissioning of Young Carers Services across Cambridgeshire and "
            "Peterborough", "Will Patten/ Oliver Hayward/ Richenda Greenhill",
            "The Service Director for Commissioning to advise when he has exercised delegated "
            "authority to commit funding at the time of the award of the contract.",
            ref="KD2018/064", status=ActionStatus.EXPECTED, expected=Month(2019, 9),
            updates=[(date(2019, 1, 8), "It is expected that the contract will be awarded in "
                      "September 2019.")]),
        # Completed last year and reported then: gone from the 2019 log.
        act(SEP_11, "140", "Finance and Performance Report", "Martin Wade", "Glossary.",
            status=completed, completed_on=date(2018, 10, 1)),
        act(OCT_9, "183", "Construction Consultants Framework", "Wendi Ogle-Welbourn",
            "The Executive Director to advise when she has exercised delegated authority to "
            "award the contract.", ref="KD2018/072", status=ActionStatus.EXPECTED,
            expected=Month(2019, 6), updates=[(date(2019, 1, 7), "It is expected that the "
            "contract will be awarded in June 2019, subject to there being no challenges "
            "during the procurement process.")]),
        # Minute 207, reported at the May meeting as no longer required: gone in July.
        act(MAR_12, "207", "Schools Funding", "Jon Lewis", "Report back.",
            status=ActionStatus.NO_LONGER_REQUIRED, completed_on=date(2019, 5, 13)),
        act(MAR_12, "208", "Placement Sufficiency for Looked After Children: Six Month Update",
            "Lou Williams/ Sarah-Jane Smedmor", "To deliver a session on Corporate Parenting at "
            "a future Members' Seminar. Cllr Bywater to chair the session.", status=on_going,
            updates=[(MAY_21, "Date to be confirmed."), (JUL_1, "Members briefing regarding "
            "children in care is being arranged with the support of the Corporate Parenting "
            "Sub Committee.")]),
        act(MAY_21, "217", "Community Short Breaks for Disabled Children and Young People",
            "Helene Carr", "The Chairman asked that officers consider the terminology used in "
            "future reports to ensure greater clarity.", position=1),
        act(MAY_21, "217", "Community Short Breaks for Disabled Children and Young People",
            "Wendi Ogle-Welbourn/ Helene Carr", "To advise the Committee when the Executive "
            "Director exercises here delegated authority ...", status=on_going, position=2,
            updates=[(JUL_1, "Likely to be September/ October 2019.")]),
        act(MAY_21, "218", "Finance and Performance Report: Outturn 2018/19", "Martin Wade",
            "The Chairman stated that it would be important to work collectively ...",
            status=completed, completed_on=JUL_1, position=1,
            updates=[(JUL_1, "School balances are to be discussed at the next Schools Forum "
                      "on the 12 July 2019.")]),
        act(MAY_21, "218", "Finance and Performance Report: Outturn 2018/19", "Jon Lewis",
            "A Member asked for more information about the funding of out of school tuition.",
            position=2),
        act(MAY_21, "219", "Free School Proposals", "Clare Buckingham", "Officers undertook to "
            "look into this question and provide a note.", status=on_going,
            updates=[(JUL_1, "Legal advice awaited.")]),
        act(MAY_21, "220", "Agenda Plan, Appointments and Training Plan", "Richenda Greenhill",
            "The Members' Seminar item on 14 June 2019 ... would be added to the Committee "
            "training plan.", status=completed, completed_on=date(2019, 6, 14)),
    ]


def test_the_summer_2019_log_is_rebuilt_row_for_row():
    log = build_action_log(1, summer_2019_actions(), JUL_1, EARLIER_LOGS, 1)
    assert [group.heading for group in log.groups] == [
        "Minutes of the meeting on 11 September 2018",
        "Minutes of the meeting on 9 October 2018",
        "Minutes of the meeting on 12 March 2019",
        "Minutes of the meeting on 21 May 2019",
    ]
    table = [
        (row.minute_number, row.item_heading[:30], row.officers_text, row.status_text)
        for row in log.rows
    ]
    assert table == [
        ("139", "Recommissioning of Young Carer", "Will Patten/ Oliver Hayward/ Richenda "
         "Greenhill", "Expected completion date: September 2019"),
        ("183", "Construction Consultants Frame", "Wendi Ogle-Welbourn",
         "Expected completion date: June 2019"),
        ("208", "Placement Sufficiency for Look", "Lou Williams/ Sarah-Jane Smedmor", "On-going"),
        ("217", "Community Short Breaks for Dis", "Helene Carr", ""),
        ("", "", "Wendi Ogle-Welbourn/ Helene Carr", "On-going"),  # continuation row
        ("218", "Finance and Performance Report", "Martin Wade", "Completed"),
        ("", "", "Jon Lewis", ""),
        ("219", "Free School Proposals", "Clare Buckingham", "On-going"),
        ("220", "Agenda Plan, Appointments and ", "Richenda Greenhill", "Completed"),
    ]
    assert log.rows[0].item_heading.endswith("(KD2018/064)")
    assert log.rows[2].progress_text == (
        "21.05.19: Date to be confirmed. 01.07.19: Members briefing regarding children in care "
        "is being arranged with the support of the Corporate Parenting Sub Committee."
    )
    assert log.last_updated == JUL_1


def test_last_updated_is_never_earlier_than_an_update_the_log_prints():
    # The seed log said "last updated on 5 June 2019" but printed 01.07.19 updates. A log
    # dated 5 June leaves those updates out; one that prints them is dated by them.
    june = build_action_log(1, summer_2019_actions(), date(2019, 6, 5), EARLIER_LOGS, 1)
    printed = [update.on for row in june.rows for update in row.updates]
    assert max(printed) <= june.last_updated <= date(2019, 6, 5)
    assert "01.07.19" not in " ".join(row.progress_text for row in june.rows)
    july = build_action_log(1, summer_2019_actions(), date(2019, 7, 8), EARLIER_LOGS, 1)
    assert july.last_updated == JUL_1


def test_an_action_closed_after_the_log_date_is_still_open_in_that_log():
    june = build_action_log(1, summer_2019_actions(), date(2019, 6, 5), EARLIER_LOGS, 1)
    row_218 = next(row for row in june.rows if row.action.minute_number == "218")
    assert row_218.status_text == ""  # completed on 1 July: open on 5 June
    assert row_218.updates == ()


def action_closed_on(day: date, raised: date = MAR_12) -> Action:
    return act(raised, "300", "Item", "Officer", "Do it.", status=ActionStatus.COMPLETED,
               completed_on=day)


@pytest.mark.parametrize(
    ("earlier_logs", "shown_times", "listed"),
    [
        ((), 1, True),  # never reported yet: shown
        ((date(2019, 4, 30),), 1, True),  # the earlier log predates the completion
        ((date(2019, 5, 1),), 1, False),  # reported once (closed the day that log was dated)
        ((date(2019, 5, 10),), 1, False),  # reported once
        ((date(2019, 5, 10),), 2, True),  # the council shows closed actions twice
        ((date(2019, 5, 10), date(2019, 6, 10)), 2, False),
        ((), 0, False),  # the council drops closed actions at once
        ((date(2019, 7, 1),), 1, True),  # a log dated today is this log, not an earlier one
    ],
)
def test_a_closed_action_drops_off_after_the_set_number_of_logs(earlier_logs, shown_times,
                                                                 listed):
    closed = action_closed_on(date(2019, 5, 1))
    assert in_log(closed, JUL_1, earlier_logs, shown_times) is listed


def test_open_actions_carry_forward_however_many_logs_have_gone():
    open_action = act(SEP_11, "139", "Item", "Officer", "Do it.", status=ActionStatus.ON_GOING)
    many = [date(2018, 10, 1), date(2019, 1, 1), date(2019, 3, 1), date(2019, 5, 13)]
    assert in_log(open_action, JUL_1, many, 1)


def test_actions_from_after_the_log_date_are_not_in_it():
    later = act(MAY_21, "221", "Item", "Officer", "Do it.")
    assert not in_log(later, date(2019, 5, 20), (), 1)
    assert in_log(later, MAY_21, (), 1)


def test_actions_raised_outside_meetings_share_one_group_at_the_end():
    by_hand = [
        Action(id=100 + n, committee_id=1, raised_on=day, text=f"Chase {n}")
        for n, day in enumerate([date(2019, 6, 3), date(2019, 4, 2)])
    ]
    meeting_action = act(MAY_21, "219", "Free School Proposals", "Clare Buckingham", "Note.")
    log = build_action_log(1, [*by_hand, meeting_action], JUL_1)
    assert [g.heading for g in log.groups] == [
        "Minutes of the meeting on 21 May 2019",
        "Actions raised outside meetings",
    ]
    assert [row.action.text for row in log.groups[1].rows] == ["Chase 1", "Chase 0"]


def test_an_empty_log_has_no_last_updated_date():
    log = build_action_log(1, [], JUL_1)
    assert log.groups == () and log.rows == [] and log.last_updated is None


@pytest.mark.parametrize(
    ("numbers", "ordered"),
    [(["220", "139.", "129& 139", "", "21"], ["21", "129& 139", "139.", "220", ""])],
)
def test_minute_numbers_sort_by_their_first_number(numbers, ordered):
    assert sorted(numbers, key=minute_sort_key) == ordered


@pytest.mark.parametrize("value", [-1, 13, 1.5, True, "1"])
def test_log_setting_must_be_a_small_whole_number(value):
    with pytest.raises(ValidationError):
        ActionLogSettings(value).validate()
    ActionLogSettings(0).validate()
    ActionLogSettings().validate()
    assert ActionLogSettings().logs_showing_closed == 1
