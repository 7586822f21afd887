"""The demo council's minutes as of DEMO_TODAY: every state, the attendance, declarations
and votes they record, the action log they feed, and the packs they go into."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from pypdf import PdfReader

from clerkdesk.demo.build import build_demo
from clerkdesk.documents.minutes_context import DRAFT_LABEL
from clerkdesk.documents.pack import Audience
from clerkdesk.domain.attendance import Capacity, Presence
from clerkdesk.domain.declarations import DeclarationAction, InterestType
from clerkdesk.domain.meetings import MeetingKind
from clerkdesk.domain.minutes import MinutesStatus
from clerkdesk.services.minutes_documents import MinutesDocuments
from tests.conftest import DEMO_TODAY


def minuted(services, code):
    committee = services.committees.by_code(code)
    return [m for m in services.meetings.search(committee_id=committee.id)
            if services.minutes.list(m.id)]


def test_minutes_in_every_state_with_approval_minutes_at_the_next_meeting(demo):
    states = {}
    for code in ("CYP", "AH", "CHS"):
        for meeting in minuted(demo, code):
            states.setdefault(demo.minutes.state(meeting.id).status, []).append(meeting)
    assert {MinutesStatus.DRAFT, MinutesStatus.PUBLISHED, MinutesStatus.SIGNED} <= set(states)
    for meeting in states[MinutesStatus.SIGNED]:
        state = demo.minutes.state(meeting.id)
        approving = demo.meetings.get(state.approved_at_meeting_id)
        assert approving.date > meeting.date and state.signed_on == approving.date
        approval = demo.minutes.get(state.approval_minute_id)
        assert approval.meeting_id == approving.id
        assert f"{meeting.date.day} {meeting.date:%B %Y}" in approval.body
    assert all(m.date < DEMO_TODAY for ms in states.values() for m in ms)


def test_the_latest_cyp_minutes_record_the_attendance_in_full(demo):
    latest = minuted(demo, "CYP")[-1]
    attendees = demo.minutes.attendance.list(latest.id)
    co_optees = Counter(a.presence for a in attendees if a.capacity is Capacity.CO_OPTEE)
    assert co_optees[Presence.PRESENT] and co_optees[Presence.APOLOGIES] and \
        co_optees[Presence.ABSENT]
    assert any(a.capacity is Capacity.SUBSTITUTE for a in attendees)
    assert any(a.capacity is Capacity.OFFICER for a in attendees)
    text = demo.minutes.wording.attendance_text(latest.id)
    assert "B Mottram (substituting for L Whitlock)" in text
    assert "Apologies: Councillor L Whitlock" in text


def test_declarations_include_a_pecuniary_interest_with_the_member_leaving(demo):
    latest = minuted(demo, "CYP")[-1]
    declarations = demo.minutes.declarations.list(latest.id)
    pecuniary = [d for d in declarations
                 if d.interest_type is InterestType.DISCLOSABLE_PECUNIARY]
    assert pecuniary and pecuniary[0].action is DeclarationAction.LEFT_ROOM
    declarations_minute = demo.minutes.list(latest.id)[0]
    assert "left the room for the item and took no part in the discussion or vote" in \
        demo.minutes.body_text(declarations_minute.id)


def test_votes_are_recorded_by_name(demo):
    ah = demo.committees.by_code("AH")
    budget_held = [m for m in demo.meetings.search(committee_id=ah.id)
                   if m.kind is MeetingKind.BUDGET and m.date < DEMO_TODAY]
    assert budget_held == []  # so the Adults and Health vote is a requested recorded vote
    for code in ("CYP", "AH"):
        votes = [v for m in minuted(demo, code) for minute in demo.minutes.list(m.id)
                 for v in demo.minutes.votes.for_minute(minute.id)]
        assert votes and all(v.named and v.requested_by for v in votes), code
        assert demo.minutes.votes.problems(minuted(demo, code)[-1].id) == []


def test_the_action_log_is_fed_from_the_minutes_without_duplicates(demo):
    for code in ("CYP", "CHS"):
        for meeting in minuted(demo, code):
            if demo.minutes.state(meeting.id).status is MinutesStatus.DRAFT:
                continue
            minute_actions = demo.minutes.actions_for_meeting(meeting.id)
            entries = [demo.minutes.action_log.entry_for(a.id) for a in minute_actions]
            assert all(entries) and len({e.id for e in entries}) == len(entries)
            for action, entry in zip(minute_actions, entries, strict=True):
                assert entry.minute_id == action.minute_id
                assert entry.minute_number == str(action.minute_number)
            log = demo.actions.for_meeting(meeting.id)
            numbers = Counter((a.minute_number, a.text) for a in log)
            assert all(count == 1 for count in numbers.values())
            assert all(a.minute_id is not None for a in log)  # every entry has its minute
    assert demo.minutes.action_log.add_meeting(minuted(demo, "CYP")[-1].id) == []


def test_petitions_are_linked_to_the_minutes_that_heard_them(demo):
    heard = [p for p in demo.petitions.list() if p.minute_id is not None]
    assert len(heard) == 2
    for petition in heard:
        minute = demo.minutes.get(petition.minute_id)
        assert minute.meeting_id == petition.meeting_id
        assert str(minute.number) == petition.minute_number
        assert f"‘{petition.title}’" in minute.body


def test_each_state_renders_with_its_marking(demo, tmp_path):
    documents = MinutesDocuments(demo)
    for meeting in minuted(demo, "CYP") + minuted(demo, "CHS"):
        out = documents.write(meeting.id, "pdf", tmp_path / f"{meeting.id}.pdf")
        pages = [page.extract_text() for page in PdfReader(out).pages]
        draft = not demo.minutes.state(meeting.id).locked
        assert all((DRAFT_LABEL in page) is draft for page in pages), meeting.id
    for fmt in ("docx", "html"):
        documents.write(minuted(demo, "AH")[-1].id, fmt, tmp_path / f"ah.{fmt}")


def outline_titles(entries) -> list[str]:
    titles = []
    for entry in entries:
        titles += outline_titles(entry) if isinstance(entry, list) else [entry.title]
    return titles


@pytest.mark.parametrize("which", ["approved", "draft"])
def test_the_previous_minutes_are_in_the_next_agenda_pack(demo, tmp_path, which):
    cyp = demo.committees.by_code("CYP")
    with_agenda = [m for m in demo.meetings.search(committee_id=cyp.id)
                   if demo.agenda.items(m.id)]
    meeting = with_agenda[0] if which == "approved" else with_agenda[1]
    previous = demo.minutes.wording.previous_meeting(meeting)
    out = tmp_path / "pack.pdf"
    result = demo.packs.build_pack(meeting.id, out, Audience.PUBLIC)
    reader = PdfReader(out)
    minutes_item = next(n for n, item in enumerate(demo.agenda.items(meeting.id), 1)
                        if item.kind == "minutes")
    first, last = result.ranges[minutes_item]
    text = "\n".join(reader.pages[i].extract_text() for i in range(first - 1, last))
    assert "CHILDREN AND YOUNG PEOPLE COMMITTEE: MINUTES" in text
    assert f"Date: {previous.date.day} {previous.date:%B %Y}" in text
    assert (DRAFT_LABEL in text) is (which == "draft")
    label = "Minutes" if which == "approved" else "Draft minutes"
    assert f"{label} of the meeting on {previous.date.day} {previous.date:%B %Y}" in \
        outline_titles(reader.outline)


def test_the_demo_minutes_are_the_same_for_the_same_day(services, tmp_path):
    from clerkdesk.services.registry import Services

    build_demo(services, DEMO_TODAY)
    other = Services.open(tmp_path / "again.sqlite", create=True)
    try:
        build_demo(other, DEMO_TODAY)

        def minutes_of(opened):
            return [(m.number, m.title, m.body, m.resolution)
                    for meeting in opened.meetings.search()
                    for m in opened.minutes.list(meeting.id)]

        assert minutes_of(services) == minutes_of(other)
    finally:
        other.close()


def test_fewer_held_meetings_give_fewer_minutes(services):
    build_demo(services, date(2026, 7, 20))  # two CYP meetings held, one scrutiny meeting
    cyp = minuted(services, "CYP")
    assert len(cyp) == 2
    assert [services.minutes.state(m.id).status for m in cyp] == [
        MinutesStatus.SIGNED, MinutesStatus.PUBLISHED]
    assert len(minuted(services, "CHS")) == 1
