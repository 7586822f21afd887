"""A Children and Young People Committee modelled on the 21 May 2019 seed minutes
(000_3046c66bd022474e.txt lines 79-300), built through the real services.

Other minutes test modules import ``cyp`` and ``Cyp`` from here; the tests in this module
check the builder itself, so a broken fixture fails here first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from clerkdesk.domain.agenda import REPORT, AgendaItem
from clerkdesk.domain.committees import StandingItemKind
from clerkdesk.domain.meetings import Meeting, MeetingKind, london_datetime
from clerkdesk.domain.membership import Role, StatutorySeat
from clerkdesk.domain.people import PersonKind

YEARS = (date(2018, 5, 15), date(2019, 5, 14), date(2020, 5, 12))
SINCE = date(2018, 5, 15)

# (forenames, surname) of the councillor members, after the chair and vice-chair.
MEMBERS = [
    ("David", "Ambrose Smith"), ("Anna", "Bradnam"), ("Peter", "Downes"), ("Lis", "Every"),
    ("Joan", "Whitehead"), ("Julie", "Wisson"), ("Simone", "Taylor"), ("Anne", "Hay"),
]

# The 21 May 2019 agenda: (section, title, kind, education matter).
AGENDA = [
    ("CONSTITUTIONAL MATTERS", "Notification of the Appointment of the Chairman/Chairwoman and "
     "Vice Chairman/Vice Chairwoman", StandingItemKind.APPOINTMENT_OF_CHAIR.value, False),
    ("CONSTITUTIONAL MATTERS", "Apologies for absence and declarations of interest",
     StandingItemKind.APOLOGIES_AND_DECLARATIONS.value, False),
    ("CONSTITUTIONAL MATTERS", "Minutes of the Meeting on 12 March 2019",
     StandingItemKind.MINUTES.value, False),
    ("CONSTITUTIONAL MATTERS", "Action Log", StandingItemKind.ACTION_LOG.value, False),
    ("CONSTITUTIONAL MATTERS", "Petitions", StandingItemKind.PETITIONS.value, False),
    ("KEY DECISIONS", "Housing Related Support Services", REPORT, False),
    ("KEY DECISIONS", "Community Short Breaks for Disabled Children and Young People", REPORT,
     False),
    ("INFORMATION AND MONITORING", "Finance and Performance Report - Outturn 2018-19", REPORT,
     False),
    ("INFORMATION AND MONITORING", "Free School Proposals", REPORT, True),
    ("INFORMATION AND MONITORING",
     "Multi-Agency Safeguarding Arrangements for Cambridgeshire and Peterborough", REPORT,
     False),
    ("DECISIONS", "Agenda Plan, Appointments and Training Plan", REPORT, False),
]


@dataclass
class Cyp:
    services: object
    make: object
    committee: object = None
    people: dict = field(default_factory=dict)  # surname -> Person
    march: Meeting | None = None
    may: Meeting | None = None
    july: Meeting | None = None
    items: dict = field(default_factory=dict)  # agenda title -> AgendaItem (May)

    def pid(self, surname: str) -> int:
        return self.people[surname].id

    def person(self, forenames, surname, title="Councillor", kind=PersonKind.COUNCILLOR, **kw):
        person = self.make.person(forenames=forenames, surname=surname, title=title, kind=kind,
                                  **kw)
        self.people[surname] = person
        return person

    def meeting(self, day: date, **kw) -> Meeting:
        return self.make.meeting(committee=self.committee, start=london_datetime(day, 14), **kw)

    def item(self, title_start: str) -> AgendaItem:
        return next(item for title, item in self.items.items() if title.startswith(title_start))

    def minute_for(self, title_start: str):
        item = self.item(title_start)
        return next(m for m in self.services.minutes.list(item.meeting_id)
                    if m.agenda_item_id == item.id)

    def add_agenda(self, meeting: Meeting, rows=AGENDA) -> dict:
        added = {}
        for section, title, kind, education in rows:
            added[title] = self.services.agenda.add_item(
                AgendaItem(None, meeting.id, title, section, kind=kind,
                           education_matter=education)
            )
        return added

    def mark_may_attendance(self) -> None:
        """As recorded on 21 May 2019: Hay sent apologies (Goldsack substituted), Vettese
        sent apologies, everyone else present."""
        attendance = self.services.minutes.attendance
        attendance.start(self.may.id)
        for attendee in attendance.list(self.may.id):
            attendance.mark(self.may.id, attendee.person_id, "present")
        attendance.mark(self.may.id, self.pid("Hay"), "apologies")
        attendance.mark(self.may.id, self.pid("Vettese"), "apologies")
        attendance.record_substitute(self.may.id, self.pid("Goldsack"), self.pid("Hay"))


def build_cyp(services, make, *, meeting_kind=MeetingKind.ORDINARY) -> Cyp:
    make.council(name="Cambridgeshire County Council", municipal_year_starts=YEARS)
    cyp = Cyp(services, make)
    cyp.committee = make.committee(name="Children and Young People Committee", code="CYP",
                                   next_minute_number=207)
    cyp.person("Simon", "Bywater")
    cyp.person("Samantha", "Hoy")
    make.membership(cyp.people["Bywater"], cyp.committee, role=Role.CHAIR,
                    chair_title="Chairman", start=SINCE)
    make.membership(cyp.people["Hoy"], cyp.committee, role=Role.VICE_CHAIR,
                    chair_title="Chairwoman", start=SINCE)
    for forenames, surname in MEMBERS:
        make.membership(cyp.person(forenames, surname), cyp.committee, start=SINCE)
    make.membership(cyp.person("Mark", "Goldsack"), cyp.committee, role=Role.SUBSTITUTE,
                    start=SINCE)
    make.membership(cyp.person("Andrew", "Read", title="Mr", kind=PersonKind.CO_OPTEE),
                    cyp.committee, role=Role.CO_OPTED_VOTING,
                    statutory_seat=StatutorySeat.COFE_DIOCESAN,
                    represents="Diocese of Ely", start=SINCE)
    make.membership(cyp.person("Flavio", "Vettese", title="Mr", kind=PersonKind.CO_OPTEE),
                    cyp.committee, role=Role.APPOINTEE, start=SINCE)
    cyp.person("Richenda", "Greenhill", title="Ms", kind=PersonKind.OFFICER,
               post="Democratic Services Officer")
    cyp.march = cyp.meeting(date(2019, 3, 12))
    cyp.may = cyp.meeting(date(2019, 5, 21), kind=meeting_kind)
    cyp.july = cyp.meeting(date(2019, 7, 9))
    cyp.items = cyp.add_agenda(cyp.may)
    return cyp


@pytest.fixture
def cyp(services, make) -> Cyp:
    return build_cyp(services, make)


def test_the_builder_makes_the_may_2019_agenda_and_membership(cyp, services):
    assert len(services.agenda.items(cyp.may.id)) == 11
    on_may = services.memberships.for_committee(cyp.committee.id, on=cyp.may.date)
    assert len(on_may) == 13  # chair, vice, eight members, one substitute, two co-optees


def test_the_may_attendance_matches_the_seed(cyp, services):
    cyp.mark_may_attendance()
    by_person = {a.person_id: a for a in services.minutes.attendance.list(cyp.may.id)}
    assert by_person[cyp.pid("Hay")].presence.value == "apologies"
    assert by_person[cyp.pid("Goldsack")].substitute_for_id == cyp.pid("Hay")
    assert by_person[cyp.pid("Bywater")].presence.value == "present"
