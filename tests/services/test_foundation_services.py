"""Services and repositories over a real SQLite file: round trips, rules and the audit log."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from clerkdesk.domain.committees import CommitteeKind, NumberingScheme, StandingItemKind
from clerkdesk.domain.meetings import LONDON, MeetingKind, MeetingStatus, london_datetime
from clerkdesk.domain.membership import Role, StatutorySeat
from clerkdesk.domain.people import PersonKind
from clerkdesk.errors import ClerkError, NotFoundError, ValidationError
from clerkdesk.services.registry import Services
from clerkdesk.store.audit_repo import AuditRepository


def test_people_round_trip_through_the_file(make, services, db_path):
    added = make.person(forenames="Samantha", surname="Hoy", political_group="Conservative",
                        ward="Wisbech East", email="s.hoy@example.gov.uk")
    services.close()
    with Services.open(db_path) as reopened:
        assert reopened.people.get(added.id) == added


def test_committee_with_standing_items_round_trips(make, services):
    committee = make.committee(name="Children and Young People Committee", code="CYP",
                               kind=CommitteeKind.COMMITTEE, numbering=NumberingScheme.RUNNING,
                               next_minute_number=211)
    stored = services.committees.get(committee.id)
    assert stored == committee
    assert [item.kind for item in stored.standing_items][:2] == [
        StandingItemKind.APOLOGIES_AND_DECLARATIONS, StandingItemKind.MINUTES,
    ]
    changed = services.committees.update(replace(stored, standing_items=stored.standing_items[:1]))
    assert len(changed.standing_items) == 1


def test_duplicate_committee_codes_are_refused_case_insensitively(make, services):
    make.committee(name="Children and Young People Committee", code="CYP")
    with pytest.raises(ValidationError, match="'cyp' is already used by the Children and Young"):
        make.committee(name="Another", code="cyp")
    assert len(services.committees.list()) == 1


def test_committee_with_meetings_cannot_be_deleted(make, services):
    committee = make.committee()
    make.meeting(committee=committee)
    with pytest.raises(ClerkError, match="has 1 meeting"):
        services.committees.delete(committee.id)


def test_deleting_a_person_removes_their_memberships(make, services):
    membership = make.membership()
    assert services.people.delete_consequences(membership.person_id) == [
        "1 committee membership(s)"
    ]
    services.people.delete(membership.person_id)
    assert services.memberships.list() == []


def test_membership_gets_its_municipal_year(make):
    membership = make.membership(start=date(2020, 6, 1))
    assert membership.municipal_year == "2020/21"


def test_membership_outside_any_year_is_refused(make):
    with pytest.raises(ValidationError, match="outside any recorded municipal year"):
        make.membership(start=date(2018, 1, 1))


def test_two_chairs_at_once_are_refused(make, services):
    committee = make.committee()
    chair = make.person(forenames="Joan", surname="Whitehead")
    make.membership(person=chair, committee=committee, role=Role.CHAIR, chair_title="Chairwoman")
    with pytest.raises(ValidationError, match="Joan Whitehead is already chair"):
        make.membership(committee=committee, role=Role.CHAIR)
    # Once her term ends, a successor may start.
    current = services.memberships.for_committee(committee.id)[0]
    services.memberships.update(replace(current, end=date(2019, 9, 30)))
    make.membership(committee=committee, role=Role.CHAIR, start=date(2019, 10, 1))


def test_front_sheet_order(make, services):
    committee = make.committee()
    names = {}
    for surname, role in [("Zeal", Role.MEMBER), ("Read", Role.APPOINTEE), ("Hoy", Role.VICE_CHAIR),
                          ("Adams", Role.MEMBER), ("Bywater", Role.CHAIR)]:
        person = make.person(surname=surname)
        names[person.id] = surname
        make.membership(person=person, committee=committee, role=role)
    ordered = [names[m.person_id] for m in services.memberships.for_committee(committee.id)]
    assert ordered == ["Bywater", "Hoy", "Adams", "Zeal", "Read"]


def test_current_membership_on_a_date(make, services):
    committee = make.committee()
    make.membership(committee=committee, end=date(2019, 12, 31))
    make.membership(committee=committee)
    assert len(services.memberships.for_committee(committee.id, on=date(2019, 6, 1))) == 2
    assert len(services.memberships.for_committee(committee.id, on=date(2020, 1, 1))) == 1


def test_substitute_named_for_a_co_optee(make, services):
    committee = make.committee()
    goode = make.person(kind=PersonKind.CO_OPTEE, title="Parish Councillor", surname="Goode")
    bull = make.person(kind=PersonKind.CO_OPTEE, title="Parish Councillor", surname="Bull")
    make.membership(person=goode, committee=committee, role=Role.CO_OPTED_NON_VOTING,
                    represents="rural parishes")
    sub = make.membership(person=bull, committee=committee, role=Role.SUBSTITUTE,
                          substitute_for_id=goode.id)
    assert services.memberships.for_person(bull.id) == [sub]
    with pytest.raises(ValidationError, match="Only a substitute"):
        make.membership(committee=committee, role=Role.MEMBER, substitute_for_id=goode.id)
    with pytest.raises(ValidationError, match="statutory education seat"):
        make.membership(committee=committee, statutory_seat=StatutorySeat.PARENT_GOVERNOR)


def test_meetings_are_stored_in_london_time_and_filtered(make, services):
    cyp = make.committee(code="CYP", default_venue="Shire Hall, Cambridge")
    other = make.committee(code="AH")
    summer = make.meeting(committee=cyp, start=london_datetime(date(2019, 7, 9), 14))
    make.meeting(committee=cyp, start=london_datetime(date(2019, 12, 4), 14),
                 kind=MeetingKind.BUDGET)
    make.meeting(committee=other, start=london_datetime(date(2019, 7, 10), 10))
    stored = services.meetings.get(summer.id)
    assert stored.venue == "Shire Hall, Cambridge"  # the committee's default venue
    assert stored.start.tzinfo is LONDON and stored.start.hour == 14
    assert stored.start.utcoffset() == timedelta(hours=1)
    assert next(m.id for m in services.meetings.search(committee_id=cyp.id)) == summer.id
    july = services.meetings.search(start_from=date(2019, 7, 1), start_to=date(2019, 7, 9))
    assert [m.id for m in july] == [summer.id]
    cancelled = services.meetings.update(replace(stored, status=MeetingStatus.CANCELLED))
    assert services.meetings.get(summer.id).status is MeetingStatus.CANCELLED == cancelled.status


def test_failed_change_leaves_nothing_behind(make, services):
    committee = make.committee()
    with pytest.raises(ValidationError):
        services.committees.update(replace(committee, name=""))
    assert services.committees.get(committee.id).name == committee.name


def test_changes_are_audited(make, services):
    person = make.person(forenames="Richenda", surname="Greenhill", kind=PersonKind.OFFICER,
                         post="Democratic Services Officer")
    services.people.update(replace(person, telephone="01223 699171"))
    services.people.delete(person.id)
    entries = AuditRepository(services.store.db).for_entity("person", person.id)
    assert [entry.action for entry in entries] == ["add", "update", "delete"]
    assert all(entry.summary == "Richenda Greenhill" and entry.actor for entry in entries)


def test_unknown_records_give_clear_messages(services):
    with pytest.raises(NotFoundError, match="no person with id 42"):
        services.people.get(42)
    with pytest.raises(ClerkError, match="no committee with code 'XYZ'"):
        services.committees.by_code("XYZ")


def test_demo_council_shape(demo):
    committees = {c.code: c for c in demo.committees.list()}
    assert len(committees) >= 4
    people = demo.people.list()
    assert sum(p.kind is PersonKind.COUNCILLOR for p in people) >= 40
    assert sum(p.kind is PersonKind.OFFICER for p in people) >= 10
    today = date(2026, 11, 22)
    cyp = demo.memberships.for_committee(committees["CYP"].id, on=today)
    seats = {m.statutory_seat for m in cyp if m.role is Role.CO_OPTED_VOTING}
    assert seats == {StatutorySeat.COFE_DIOCESAN, StatutorySeat.RC_DIOCESAN,
                     StatutorySeat.PARENT_GOVERNOR}
    scrutiny = next(c for c in committees.values() if c.kind is CommitteeKind.SCRUTINY)
    chs = demo.memberships.for_committee(scrutiny.id, on=today)
    assert any(m.role is Role.CO_OPTED_NON_VOTING for m in chs)
    assert any(m.role is Role.SUBSTITUTE and m.substitute_for_id for m in chs)
    meetings = demo.meetings.search()
    assert any(m.date < today for m in meetings) and any(m.date > today for m in meetings)
    assert {m.start.tzinfo for m in meetings} == {LONDON}


def test_demo_is_reopened_not_rebuilt(tmp_path):
    from clerkdesk.demo.build import open_demo

    path = tmp_path / "demo.sqlite"
    with open_demo(path, today=date(2026, 11, 22)) as first:
        count = len(first.people.list())
    with open_demo(path, today=date(2026, 11, 22)) as second:
        assert len(second.people.list()) == count


def test_demo_agendas_have_reports_an_exempt_appendix_and_a_late_item(demo):
    from clerkdesk.domain.access import AccessLevel
    from clerkdesk.store.files import sha256_of

    items = [item for meeting in demo.meetings.search() for item in demo.agenda.items(meeting.id)]
    documents = [doc for item in items for doc in item.documents]
    assert sum(doc.pages for doc in documents) > 500
    assert any(doc.access.level is AccessLevel.EXEMPT and doc.access.paragraph for doc in documents)
    assert any(item.late and item.urgency_reason for item in items)
    for doc in documents[:5]:  # the files really are in the store, under their hash
        assert sha256_of(demo.agenda.document_path(doc)) == doc.sha256


def test_deleting_a_referenced_record_gives_words_not_sqlite(make, services):
    committee = make.committee()
    meeting = make.meeting(committee=committee)
    services.store.db.execute("PRAGMA foreign_keys = ON")
    services.store.db.execute(
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, "
        "meeting_id INTEGER REFERENCES meetings(id) ON DELETE RESTRICT)"
    )
    services.store.db["notes"].insert({"meeting_id": meeting.id})
    with pytest.raises(ClerkError, match="cannot be deleted: other records"):
        services.meetings.delete(meeting.id)
    assert services.meetings.get(meeting.id) == meeting


def test_a_full_disk_is_reported_and_nothing_is_lost(make, services):
    person = make.person()
    services.store.db.execute("PRAGMA max_page_count = 1")  # no room for any growth
    with pytest.raises(ClerkError, match="disk is full"):
        for n in range(200):
            make.person(surname=f"Filler{n}", post="x" * 5000)
    services.store.db.execute("PRAGMA max_page_count = 1073741823")
    assert services.people.get(person.id) == person
