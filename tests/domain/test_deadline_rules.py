"""Council deadline rules: defaults, citations, overrides, storage, and the seed agenda plans
reproduced row by row (domain.md §8.1-8.3)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time

import pytest

from clerkdesk.domain.calendar import Jurisdiction, WorkingCalendar
from clerkdesk.domain.deadline_rules import (
    RULE_KEYS,
    DeadlineRule,
    Method,
    RuleSet,
    after_event_deadline,
    deadline_status,
    default_rules,
    meeting_deadlines,
    parse_time_of_day,
)
from clerkdesk.domain.deadlines import LONDON, Reading
from clerkdesk.errors import ValidationError

ENGLAND = WorkingCalendar()
WALES = WorkingCalendar(jurisdiction=Jurisdiction.WALES)
CCC_2019 = default_rules()
# CCC 2016 in practice: nine clear working days for drafts (stated "eight"), six for despatch.
CCC_2016 = CCC_2019.with_overrides(
    {"draft_reports": {"days": 9}, "agenda_publication": {"days": 6}}
)
PCC_2021 = CCC_2019.with_overrides({"draft_reports": {"days": 12, "time_of_day": None}})


def d(text: str) -> date:
    return date.fromisoformat(text)


def by_key(meeting, rules=CCC_2019, calendar=ENGLAND, **flags):
    return {dl.key: dl for dl in meeting_deadlines(meeting, rules, calendar, **flags)}


# domain.md §8.3 / seed 000 lines 4989-5025: (meeting, draft reports, agenda despatch).
# None marks a cell whose printed year is a typo (05/08/18 for a 2019 meeting).
CCC_2019_PLAN = [
    ("2019-07-09", "2019-06-27", "2019-07-01"),
    ("2019-08-13", "2019-08-01", None),
    ("2019-10-08", "2019-09-26", "2019-09-30"),
    ("2019-11-12", "2019-10-31", "2019-11-04"),
    ("2019-12-04", "2019-11-22", "2019-11-26"),  # the Wednesday meeting
    ("2020-01-21", "2020-01-09", "2020-01-13"),
    ("2020-02-18", "2020-02-06", "2020-02-10"),
    ("2020-03-10", "2020-02-27", "2020-03-02"),
    ("2020-05-26", "2020-05-13", "2020-05-15"),  # Spring bank holiday 25 May skipped
]


@pytest.mark.parametrize(("meeting", "draft", "despatch"), CCC_2019_PLAN)
def test_ccc_2019_agenda_plan_rows(meeting, draft, despatch):
    found = by_key(datetime.combine(d(meeting), time(14), tzinfo=LONDON))
    assert found["draft_reports"].due_date == d(draft)
    assert found["draft_reports"].due_at == datetime.combine(d(draft), time(10), tzinfo=LONDON)
    if despatch is not None:
        assert found["despatch"].due_date == d(despatch)


def test_ccc_2019_year_typo_row_is_right_once_the_year_is_corrected():
    # "[21/04/20] Provisional Meeting ... 07/04/19 09/04/19": Easter Monday 13 Apr skipped.
    found = by_key(d("2020-04-21"))
    assert found["draft_reports"].due_date == d("2020-04-07")
    assert found["despatch"].due_date == d("2020-04-09")
    assert found["agenda_publication"].due_date == d("2020-04-13")  # the bank holiday itself


# seed 001 lines 4504-4560: (meeting, draft reports, agenda despatch); 12/07/16 and
# [11/10/15] excluded as garbled, as in domain.md §8.3.
CCC_2016_PLAN = [
    ("2016-03-08", "2016-02-23", "2016-02-26"),
    ("2016-04-19", "2016-04-05", "2016-04-08"),
    ("2016-05-24", "2016-05-10", "2016-05-13"),
    ("2016-06-21", "2016-06-07", "2016-06-10"),
    ("2016-08-16", "2016-08-02", "2016-08-05"),
    ("2016-09-13", "2016-08-30", "2016-09-02"),
    ("2016-11-08", "2016-10-25", "2016-10-28"),
    ("2016-12-06", "2016-11-22", "2016-11-25"),
    ("2017-01-17", "2017-01-03", "2017-01-06"),
    ("2017-02-14", "2017-01-31", "2017-02-03"),
    ("2017-03-14", "2017-02-28", "2017-03-03"),
    ("2017-04-11", "2017-03-28", "2017-03-31"),
    ("2017-06-06", "2017-05-22", "2017-05-25"),  # Spring bank holiday 29 May skipped
]


@pytest.mark.parametrize(("meeting", "draft", "despatch"), CCC_2016_PLAN)
def test_ccc_2016_agenda_plan_rows_with_committee_overrides(meeting, draft, despatch):
    found = by_key(d(meeting), CCC_2016)
    assert found["draft_reports"].due_date == d(draft)
    assert found["despatch"].due_date == d(despatch)


def test_ccc_2016_stated_eight_days_is_one_working_day_later_than_the_plan():
    stated = CCC_2019.with_overrides({"draft_reports": {"days": 8}})
    assert by_key(d("2016-03-08"), stated)["draft_reports"].due_date == d("2016-02-24")


@pytest.mark.parametrize(
    ("meeting", "draft", "final"),
    [("2021-07-15", "2021-06-28", "2021-07-05"), ("2021-09-06", None, "2021-08-24")],
)
def test_pcc_work_programme_rows(meeting, draft, final):
    # domain.md §8.3-8.4: "15 JULY 2021 Draft Report 28 June Final Report 5 July"; the
    # final-report default is Peterborough's 7 clear working days.
    found = by_key(d(meeting), PCC_2021)
    assert found["final_reports"].due_date == d(final)
    assert "Peterborough" in found["final_reports"].source
    if draft is not None:
        assert found["draft_reports"].due_date == d(draft)


def test_deadlines_for_9_july_2019():
    found = by_key(datetime(2019, 7, 9, 14, 0, tzinfo=LONDON))
    assert list(found) == [
        "draft_reports", "final_reports", "agenda_publication", "despatch", "public_speaking",
    ]  # fmt: skip
    assert found["public_speaking"].due_at.isoformat() == "2019-07-04T12:00:00+01:00"
    agenda = found["agenda_publication"]
    assert agenda.due_date == d("2019-07-01") and agenda.due_at is None
    assert agenda.other_reading.latest_publication == d("2019-07-03")
    assert "s.100B(3)" in agenda.source
    assert "the calendar reading would allow Wednesday 3 July 2019" in agenda.explanation
    draft = found["draft_reports"]
    assert draft.result.rule == "7 clear working days before the meeting, by 10:00"
    assert "seven clear working days" in draft.explanation


def test_agenda_publication_on_a_sunday_with_despatch_on_the_friday():
    found = by_key(d("2020-05-26"))
    assert found["agenda_publication"].due_date == d("2020-05-17")
    assert found["despatch"].due_date == d("2020-05-15")


def test_a_committee_counting_calendar_days_sees_the_working_reading_beside():
    calendar_counting = CCC_2019.with_overrides({"agenda_publication": {"reading": "calendar"}})
    agenda = by_key(d("2019-07-09"), calendar_counting)["agenda_publication"]
    assert agenda.due_date == d("2019-07-03")
    assert agenda.other_reading.reading is Reading.WORKING
    assert agenda.other_reading.latest_publication == d("2019-07-01")


def test_key_decision_and_private_meeting_notices_when_asked_for():
    found = by_key(d("2019-07-09"), key_decision=True, private_meeting=True)
    assert found["key_decision_notice"].result.latest_publication == d("2019-06-10")
    assert found["key_decision_notice"].result.reading is Reading.CALENDAR
    assert found["private_meeting_notice"].due_date == d("2019-06-10")
    assert found["private_meeting_final_notice"].due_date == d("2019-07-01")
    assert "key_decision_notice" not in by_key(d("2019-07-09"))


def test_meeting_time_is_read_in_uk_time():
    # 23:30 UTC on 8 Jul 2019 is 00:30 BST on 9 Jul.
    found = by_key(datetime(2019, 7, 8, 23, 30, tzinfo=UTC))
    assert found["despatch"].due_date == d("2019-07-01")


@pytest.mark.parametrize(
    ("meeting", "due"), [("2019-05-21", "2019-06-05"), ("2016-02-09", "2016-02-23")]
)
def test_petition_response_due_dates(meeting, due):
    # domain.md §5: the seed petitions, counting the 27 May 2019 bank holiday.
    deadline = after_event_deadline("petition_response", d(meeting), CCC_2019, ENGLAND)
    assert deadline.due_date == d(due)
    assert "within 10 working days" in deadline.source


def test_call_in_period():
    # PCC: 3 working days after publication, not including the date of publication.
    deadline = after_event_deadline("call_in", d("2021-07-02"), CCC_2019, ENGLAND)
    assert deadline.due_date == d("2021-07-07")
    assert "seed 003 line 22" in deadline.source
    with pytest.raises(ValidationError, match="not counted from an event"):
        after_event_deadline("draft_reports", d("2021-07-02"), CCC_2019, ENGLAND)


def test_recompute_when_the_calendar_changes():
    stale = WorkingCalendar(ignored_bank_holidays=frozenset({d("2022-09-19")}))
    updated = stale.with_extra_holiday(d("2022-09-19"), "State Funeral")
    old = by_key(d("2022-09-21"), calendar=stale)
    new = by_key(d("2022-09-21"), calendar=updated)
    assert old["despatch"].due_date == d("2022-09-13")
    assert new["despatch"].due_date == d("2022-09-12")
    assert "State Funeral (added locally)" in new["despatch"].explanation


def test_status_of_a_deadline():
    speaking = by_key(d("2019-07-09"))["public_speaking"]  # 12:00 Thu 4 Jul 2019
    assert deadline_status(speaking, d("2019-07-10"), done=True) == "done"
    assert deadline_status(speaking, d("2019-07-04"), done=False) == "due"
    assert deadline_status(speaking, d("2019-07-05"), done=False) == "overdue"
    assert deadline_status(speaking, datetime(2019, 7, 4, 11, 59, tzinfo=LONDON), False) == "due"
    assert deadline_status(speaking, datetime(2019, 7, 4, 12, 1), False) == "overdue"
    assert deadline_status(speaking, datetime(2019, 7, 4, 10, 30, tzinfo=UTC), False) == "due"
    despatch = by_key(d("2019-07-09"))["despatch"]
    assert deadline_status(despatch, datetime(2019, 7, 1, 23, 0, tzinfo=LONDON), False) == "due"
    assert deadline_status(despatch, datetime(2019, 7, 2, 0, 1, tzinfo=LONDON), False) == "overdue"


def test_wales_has_its_own_agenda_period_and_no_borrowed_english_rules():
    wales = default_rules(Jurisdiction.WALES)
    assert wales.agenda_publication.days == 3 != CCC_2019.agenda_publication.days
    assert "Wales" in wales.agenda_publication.source
    assert by_key(d("2019-07-09"), wales, WALES)["agenda_publication"].due_date == d("2019-07-03")
    for key in ("key_decision_notice", "private_meeting_notice", "private_meeting_final_notice"):
        assert getattr(wales, key) is None
    with pytest.raises(ValidationError, match="No 'key decision notice' rule is set"):
        meeting_deadlines(d("2019-07-09"), wales, WALES, key_decision=True)


def test_wales_council_can_enter_its_own_rule():
    own = default_rules("wales").with_overrides(
        {"key_decision_notice": {"label": "Notice", "method": "clear_days_before", "days": 28,
                                 "reading": "calendar", "source": "Our constitution, Part 4"}}
    )  # fmt: skip
    notice = by_key(d("2019-07-09"), own, WALES, key_decision=True)["key_decision_notice"]
    assert notice.source == "Our constitution, Part 4"


def test_rules_and_calendar_must_be_for_the_same_nation():
    with pytest.raises(
        ValidationError, match="rules are for Wales but the calendar is for England"
    ):
        meeting_deadlines(d("2019-07-09"), default_rules("wales"), ENGLAND)


@pytest.mark.parametrize(
    ("jurisdiction", "key", "days"),
    [
        ("england", "agenda_publication", 4),
        ("england", "key_decision_notice", 27),
        ("england", "private_meeting_final_notice", 3),
        ("wales", "agenda_publication", 2),
    ],
)
def test_statutory_minimums_cannot_be_lowered(jurisdiction, key, days):
    with pytest.raises(ValidationError, match="below the statutory minimum"):
        default_rules(jurisdiction).with_overrides({key: {"days": days}})


def test_statutory_rules_cannot_be_switched_off_in_england():
    with pytest.raises(ValidationError, match="required by statute"):
        CCC_2019.with_overrides({"key_decision_notice": None})
    with pytest.raises(ValidationError, match="required by statute"):
        CCC_2019.with_overrides({"agenda_publication": None})


def test_committee_overrides_merge_and_say_so():
    committee = CCC_2019.with_overrides(
        {"draft_reports": {"days": 8, "time_of_day": "09:30"}, "final_reports": None}
    )
    assert committee.draft_reports.days == 8
    assert committee.draft_reports.time_of_day == time(9, 30)
    assert committee.draft_reports.source.startswith(
        "Committee setting (days 8, time_of_day 09:30)"
    )
    assert "seed 000" in committee.draft_reports.source  # the council default is still cited
    assert committee.final_reports is None
    assert "final_reports" not in by_key(d("2019-07-09"), committee)
    assert CCC_2019.draft_reports.days == 7  # the council's rules are unchanged


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"drafts": {"days": 3}}, "Unknown deadline rule 'drafts'"),
        ({"draft_reports": {"dayz": 3}}, "Unknown deadline rule setting"),
        ({"draft_reports": {"days": -2}}, "between 0 and 3660"),
        ({"draft_reports": {"time_of_day": "10am"}}, "not a time of day"),
        ({"draft_reports": {"reading": "lunar"}}, "lunar"),
        ({"petition_response": {"method": "clear_days_before"}}, "cannot be used"),
        ({"draft_reports": {"method": "working_days_after"}}, "cannot be used"),
        ({"agenda_publication": {"method": "working_days_before"}}, "cannot be used"),
        ({"public_speaking": {"days": 0}}, "between 1 and 3660"),
    ],
)
def test_bad_overrides_are_refused_clearly(overrides, message):
    with pytest.raises(ValidationError, match=message):
        CCC_2019.with_overrides(overrides)


@pytest.mark.parametrize("jurisdiction", ["england", "wales"])
def test_rules_round_trip_through_json(jurisdiction):
    rules = default_rules(jurisdiction).with_overrides({"final_reports": None})
    stored = json.loads(json.dumps(rules.to_dict()))
    assert stored["rules"]["draft_reports"]["time_of_day"] == "10:00"
    assert stored["rules"]["final_reports"] is None
    assert RuleSet.from_dict(stored) == rules


def test_rules_missing_from_storage_take_the_defaults():
    stored = {"jurisdiction": "england", "rules": {"draft_reports": None}}
    rules = RuleSet.from_dict(stored)
    assert rules.draft_reports is None
    assert rules.public_speaking == CCC_2019.public_speaking


@pytest.mark.parametrize(
    "stored",
    [
        {},
        {"jurisdiction": "scotland"},
        {"jurisdiction": "england", "rules": {"speeches": None}},
        {"jurisdiction": "england", "rules": {"draft_reports": {"days": 3}}},
        {"jurisdiction": "england", "rules": {"agenda_publication": {
            "label": "A", "method": "clear_days_before", "days": 2, "source": "s"}}},
    ],
)  # fmt: skip
def test_bad_stored_rules_are_refused(stored):
    with pytest.raises(ValidationError):
        RuleSet.from_dict(stored)


def test_every_default_rule_cites_its_source():
    for jurisdiction in Jurisdiction:
        rules = default_rules(jurisdiction)
        for key in RULE_KEYS:
            rule = getattr(rules, key)
            if rule is not None:
                assert len(rule.source) > 20, key
                assert rule.describe()


def test_rule_descriptions():
    assert CCC_2019.public_speaking.describe() == "3 working days before the meeting, by 12:00"
    assert CCC_2019.key_decision_notice.describe() == "28 clear days before the meeting"
    assert CCC_2019.petition_response.describe() == (
        "within 10 working days after the event (event day excluded)"
    )
    assert CCC_2019.call_in.method is Method.WORKING_DAYS_AFTER


def test_rule_needs_label_and_source():
    with pytest.raises(ValidationError, match="label and a source"):
        DeadlineRule("", Method.CLEAR_DAYS_BEFORE, 5, "s")


@pytest.mark.parametrize("text", ["24:00", "12.00", "noon", "7:5", ""])
def test_parse_time_of_day_refuses_nonsense(text):
    with pytest.raises(ValidationError, match="not a time of day"):
        parse_time_of_day(text)


def test_parse_time_of_day():
    assert parse_time_of_day("9:30") == time(9, 30)
    assert parse_time_of_day("23:59") == time(23, 59)
