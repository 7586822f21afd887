"""The statutory clock over the database: per-meeting deadlines, recorded publication and
compliance, recompute on calendar change, committee overrides, dashboard, calculator."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from clerkdesk.domain.deadline_rules import default_rules
from clerkdesk.domain.deadlines import LONDON
from clerkdesk.domain.meetings import london_datetime
from clerkdesk.errors import ValidationError


def d(text: str) -> date:
    return date.fromisoformat(text)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LONDON)


@pytest.fixture
def cyp(make):
    make.council()
    return make.committee(name="Children and Young People Committee", code="CYP")


def meeting_on(make, committee, day: str, hour: int = 14):
    return make.meeting(committee=committee, start=london_datetime(d(day), hour))


def by_key(services, meeting, today="2019-06-01"):
    return {row.key: row for row in services.deadlines.for_meeting(meeting.id, d(today)).rows}


@pytest.mark.parametrize(
    ("meeting", "draft", "despatch"),
    [
        ("2019-07-09", "2019-06-27", "2019-07-01"),
        ("2020-05-26", "2020-05-13", "2020-05-15"),  # Spring bank holiday 25 May skipped
        ("2019-12-04", "2019-11-22", "2019-11-26"),  # the Wednesday meeting
    ],
)
def test_meeting_deadlines_reproduce_the_seed_agenda_plan(services, make, cyp, meeting, draft,
                                                          despatch):
    rows = by_key(services, meeting_on(make, cyp, meeting))
    assert rows["draft_reports"].deadline.due_at == datetime.combine(d(draft), time(10), LONDON)
    assert rows["despatch"].deadline.due_date == d(despatch)
    assert "seed 000" in rows["draft_reports"].explanation  # the working cites its source


def test_status_due_overdue_and_done(services, make, cyp):
    meeting = meeting_on(make, cyp, "2019-07-09")
    rows = by_key(services, meeting, today="2019-06-28")
    assert rows["draft_reports"].status == "overdue"
    assert rows["despatch"].status == "due"
    services.deadlines.mark_done(meeting.id, "draft_reports", at=at("2019-06-27T09:30"))
    services.deadlines.record_publication(meeting.id, at("2019-07-01T16:00"))
    rows = by_key(services, meeting, today="2019-07-02")
    assert rows["draft_reports"].status == "done"
    assert rows["despatch"].status == rows["agenda_publication"].status == "done"
    assert rows["despatch"].done_at == at("2019-07-01T16:00")
    assert rows["public_speaking"].status == "due"  # 12:00 Thu 4 Jul 2019


def test_publication_deadlines_cannot_be_ticked_off(services, make, cyp):
    meeting = meeting_on(make, cyp, "2019-07-09")
    with pytest.raises(ValidationError, match="recording the agenda's publication"):
        services.deadlines.mark_done(meeting.id, "despatch")


def test_recording_a_publication_in_time(services, make, cyp):
    meeting = meeting_on(make, cyp, "2019-07-09")
    compliance = services.deadlines.record_publication(meeting.id, at("2019-07-01T16:00"))
    assert compliance.met and compliance.shortfall == 0
    assert compliance.achieved.clear_working_days == 5
    assert compliance.achieved.clear_calendar_days == 7
    assert "Requirement of 5 clear working days: met" in compliance.explanation


def test_recording_a_late_publication_flags_the_shortfall(services, make, cyp):
    meeting = meeting_on(make, cyp, "2019-07-09")
    compliance = services.deadlines.record_publication(meeting.id, at("2019-07-03T09:00"))
    assert not compliance.met
    assert compliance.achieved.clear_working_days == 3
    assert compliance.shortfall == 2
    assert "2 short of the period" in compliance.summary
    assert "NOT met" in compliance.explanation
    stored = services.deadlines.for_meeting(meeting.id, d("2019-07-04"))
    assert stored.compliance is not None and not stored.compliance.met
    audit = services.deadlines._audit.for_entity("meeting", meeting.id)
    assert audit[-1].action == "record publication"


def test_publication_after_the_meeting_started_is_refused(services, make, cyp):
    meeting = meeting_on(make, cyp, "2019-07-09")
    with pytest.raises(ValidationError, match="after the meeting started"):
        services.deadlines.record_publication(meeting.id, at("2019-07-09T15:00"))


def test_newly_announced_bank_holiday_flags_a_published_agenda(services, make, cyp):
    # rules.md §0 item 6: meeting Wed 21 Sep 2022, agenda published Tue 13 Sep 2022. Before
    # the State Funeral holiday (Mon 19 Sep) was known it had 5 clear working days.
    services.deadlines.ignore_bank_holiday(d("2022-09-19"), today=d("2022-09-09"))
    meeting = meeting_on(make, cyp, "2022-09-21", hour=10)
    assert by_key(services, meeting, "2022-09-09")["despatch"].deadline.due_date == d(
        "2022-09-13")
    compliance = services.deadlines.record_publication(meeting.id, at("2022-09-13T12:00"))
    assert compliance.met
    flagged = services.deadlines.add_extra_holiday(
        d("2022-09-19"), "State Funeral of Queen Elizabeth II", today=d("2022-09-12"))
    assert [f.meeting.id for f in flagged] == [meeting.id]
    assert flagged[0].compliance.achieved.clear_working_days == 4
    assert flagged[0].compliance.shortfall == 1
    assert "State Funeral" in flagged[0].compliance.explanation
    recomputed = by_key(services, meeting, "2022-09-12")["despatch"].deadline
    assert recomputed.due_date == d("2022-09-12")
    assert services.deadlines.calendar().ignored_bank_holidays == frozenset()


def test_a_local_closure_recomputes_and_flags_only_future_meetings(services, make, cyp):
    past = meeting_on(make, cyp, "2019-07-09")
    future = meeting_on(make, cyp, "2019-12-10")
    services.deadlines.record_publication(past.id, at("2019-07-01T16:00"))
    services.deadlines.record_publication(future.id, at("2019-12-02T16:00"))
    flagged = services.deadlines.add_local_closure(d("2019-12-05"), "Office move",
                                                   today=d("2019-11-01"))
    assert [f.meeting.id for f in flagged] == [future.id]
    assert "local closure: Office move" in flagged[0].compliance.explanation
    assert services.deadlines.calendar().local_closure_label(d("2019-12-05")) == "Office move"


def test_committee_overrides_change_its_deadlines_only(services, make, cyp):
    other = make.committee(code="AH")
    services.deadlines.save_committee_overrides(cyp.id, {"draft_reports": {"days": 9},
                                                         "agenda_publication": {"days": 6}})
    ccc_2016 = meeting_on(make, cyp, "2016-03-08")
    rows = by_key(services, ccc_2016, "2016-02-01")
    # seed 001: 8 March 2016 meeting, despatch 26/02/16 (six clear working days)
    assert rows["despatch"].deadline.due_date == d("2016-02-26")
    assert "Committee setting" in rows["draft_reports"].explanation
    assert by_key(services, meeting_on(make, other, "2016-03-08"), "2016-02-01")[
        "despatch"].deadline.due_date == d("2016-02-29")
    with pytest.raises(ValidationError, match="statutory minimum"):
        services.deadlines.save_committee_overrides(cyp.id, {"agenda_publication": {"days": 2}})


def test_council_rules_are_saved_with_the_council(services, make, cyp):
    rules = default_rules().with_overrides({"final_reports": None})
    services.deadlines.save_council_rules(rules)
    assert services.deadlines.council_rules().final_reports is None
    meeting = meeting_on(make, cyp, "2019-07-09")
    assert "final_reports" not in by_key(services, meeting)


def test_key_decision_item_adds_the_notice_deadline(services, make, cyp):
    from clerkdesk.domain.agenda import AgendaItem

    meeting = meeting_on(make, cyp, "2019-07-09")
    services.agenda.add_item(AgendaItem(None, meeting.id, "Schools funding", key_decision=True,
                                        forward_plan_ref="KD2019/031"))
    rows = by_key(services, meeting)
    assert rows["key_decision_notice"].deadline.due_date == d("2019-06-10")


def test_dashboard_buckets(services, make, cyp):
    soon = meeting_on(make, cyp, "2019-07-09")
    later = meeting_on(make, cyp, "2019-09-10")
    rows = services.deadlines.dashboard(d("2019-06-27"))
    found = {(r.meeting.id, r.row.key): r.bucket for r in rows}
    assert found[(soon.id, "draft_reports")] == "today"
    assert found[(soon.id, "despatch")] == "soon"
    assert (later.id, "despatch") not in found  # beyond the next 10 working days
    assert services.deadlines.dashboard(d("2019-06-28"))[0].bucket == "overdue"
    for key in ("draft_reports", "final_reports"):
        services.deadlines.mark_done(soon.id, key)
    assert all(r.bucket != "overdue" for r in services.deadlines.dashboard(d("2019-06-28")))


def test_calculator_shows_its_working(services, make):
    make.council()
    rules = services.deadlines.council_rules()
    despatch = services.deadlines.calculate(d("2019-07-09"), rules.agenda_publication)
    assert despatch.due_date == d("2019-07-01")
    assert "Calendar reading would allow Wednesday 3 July 2019" in despatch.explanation
    draft = services.deadlines.calculate(d("2020-05-26"), rules.draft_reports)
    assert draft.due_at == datetime(2020, 5, 13, 10, tzinfo=LONDON)
    assert draft.answer == "Latest: 10:00 on Wednesday 13 May 2020"
    petition = services.deadlines.calculate(d("2019-05-21"), rules.petition_response)
    assert petition.due_date == d("2019-06-05")
    assert "Monday 27 May 2019: bank holiday: Spring Bank Holiday" in petition.explanation
    notice = services.deadlines.calculate_after_publication(d("2021-07-02"), 28)
    assert notice.due_date == d("2021-08-02")


def test_demo_has_deadlines_in_every_state_and_a_plan_per_committee(demo):
    from tests.conftest import DEMO_TODAY

    rows = demo.deadlines.dashboard(DEMO_TODAY)
    buckets = {row.bucket for row in rows}
    assert {"overdue", "soon"} <= buckets
    upcoming = demo.meetings.search(start_from=DEMO_TODAY)
    statuses = {row.status for m in upcoming[:6]
                for row in demo.deadlines.for_meeting(m.id, DEMO_TODAY).rows}
    assert statuses == {"done", "due", "overdue"}
    published = [demo.deadlines.for_meeting(m.id, DEMO_TODAY).compliance for m in upcoming]
    assert any(c is not None and c.met for c in published)
    held = demo.meetings.search(start_to=DEMO_TODAY)
    late = [c for m in held if (c := demo.deadlines.for_meeting(m.id, DEMO_TODAY).compliance)
            and not c.met]
    assert len(late) == 1 and late[0].shortfall == 1
    for committee in demo.committees.list():
        plan = demo.agenda_plan.plan(committee.id, DEMO_TODAY)
        assert sum(len(g.items) for g in plan.meetings) >= 4, committee.code
        assert any(not g.confirmed for g in plan.meetings)
    assert any(i.moved for i in demo.agenda_plan.repo.items())
    assert demo.deadlines.calendar().local_closure_label(date(2026, 12, 24))
