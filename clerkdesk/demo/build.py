"""Build the demo council from code, relative to today, so it always has past and future.

Later features extend this module (agendas, minutes, petitions ...); keep it deterministic:
the same ``today`` always gives the same council.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from clerkdesk.demo.actions_petitions import build_demo_actions_petitions
from clerkdesk.demo.agendas import build_demo_agendas
from clerkdesk.demo.council import COMMITTEES, COUNCIL
from clerkdesk.demo.deadlines import build_demo_deadlines
from clerkdesk.demo.minutes import build_demo_minutes
from clerkdesk.demo.people import demo_people
from clerkdesk.domain.meetings import Meeting, MeetingKind, MeetingStatus, london_datetime
from clerkdesk.domain.membership import Membership, Role, StatutorySeat, VotingScope
from clerkdesk.services.registry import Services

log = logging.getLogger(__name__)


def annual_meeting(year: int) -> date:
    """The demo council holds its annual meeting on the second Tuesday of May."""
    first = date(year, 5, 1)
    first_tuesday = first + timedelta(days=(1 - first.weekday()) % 7)
    return first_tuesday + timedelta(days=7)


def current_year_start(today: date) -> date:
    this_year = annual_meeting(today.year)
    return this_year if today >= this_year else annual_meeting(today.year - 1)


class _DemoBuilder:
    def __init__(self, services: Services, today: date):
        self.s = services
        self.today = today
        self.year_start = current_year_start(today)
        self.people = {}
        self.committees = {}

    def person(self, surname: str) -> int:
        return self.people[surname].id

    def build(self) -> None:
        starts = (
            annual_meeting(self.year_start.year - 1),
            self.year_start,
            annual_meeting(self.year_start.year + 1),
        )
        self.s.council.save(replace(COUNCIL, municipal_year_starts=starts))
        for person in demo_people():
            self.people[person.surname] = self.s.people.add(person)
        for committee, clerk_surname in COMMITTEES:
            added = self.s.committees.add(replace(committee, clerk_id=self.person(clerk_surname)))
            self.committees[added.code] = added
        self._memberships()
        self._meetings()
        build_demo_agendas(self.s, self.committees, self.today)
        build_demo_deadlines(self.s, self.committees, self.today)
        build_demo_actions_petitions(self.s, self.committees, self.people, self.today)
        build_demo_minutes(self.s, self.committees, self.people, self.today)

    def _add(self, code: str, surname: str, role: Role = Role.MEMBER, **extra) -> None:
        extra.setdefault("start", self.year_start)
        self.s.memberships.add(
            Membership(None, self.person(surname), self.committees[code].id, role, **extra)
        )

    def _councillors(self, code: str, chair, vice, members, substitutes=()) -> None:
        self._add(code, chair[0], Role.CHAIR, chair_title=chair[1])
        self._add(code, vice[0], Role.VICE_CHAIR, chair_title=vice[1])
        for surname in members:
            self._add(code, surname)
        for surname in substitutes:
            self._add(code, surname, Role.SUBSTITUTE)

    def _memberships(self) -> None:
        self._councillors(
            "CYP", ("Ashworth", "Chairman"), ("Kettleby", "Chairwoman"),
            ["Ambrose-Smith", "Barraclough", "Chandran", "Dunmore", "Eastwood", "Ives",
             "Jessop", "Whitlock"],
            ["Mottram", "Dhillon"],
        )
        seats = [
            ("Ridgeway", StatutorySeat.COFE_DIOCESAN, "Church of England diocesan representative"),
            ("Rossetti", StatutorySeat.RC_DIOCESAN, "Roman Catholic diocesan representative"),
            ("Standish", StatutorySeat.PARENT_GOVERNOR, "Parent governor representative (primary)"),
            ("Okonjo", StatutorySeat.PARENT_GOVERNOR, "Parent governor representative (secondary)"),
        ]
        for surname, seat, represents in seats:
            self._add("CYP", surname, Role.CO_OPTED_VOTING, statutory_seat=seat,
                      represents=represents)
        self._councillors(
            "AH", ("Fairbairn", "Chairman"), ("Oakes", "Chairwoman"),
            ["Blythe", "Coldwell", "Greenslade", "Holloway", "Inglis", "Lambourne", "Nettleton",
             "Qureshi"],
        )
        self._councillors(
            "ET", ("Hargreaves", "Chair"), ("Lockhart", "Chair"),
            ["Elsworth", "Fenwick", "Goodliffe", "Morcambe", "Pemberton", "Ravensworth",
             "Zielinski"],
        )
        # Scrutiny: the chair changed at the start of this municipal year.
        previous_start = annual_meeting(self.year_start.year - 1)
        self._add("CHS", "Sturgeon", Role.CHAIR, chair_title="Chair", start=previous_start,
                  end=self.year_start - timedelta(days=1))
        self._councillors(
            "CHS", ("Underhill", "Chair"), ("Vickery", "Chairman"),
            ["Jarrold", "Kimber", "Newbold", "Orchard", "Prentice", "Thistlewood", "Yardley",
             "Sturgeon", "Dhillon"],
            ["Mottram", "Ravensworth", "Qureshi"],
        )
        non_voting = [
            ("Kingswood", "Independent Co-opted Member"),
            ("Aziz-Malik", "Muslim community"),
            ("Goodhew", "rural parishes"),
        ]
        for surname, represents in non_voting:
            self._add("CHS", surname, Role.CO_OPTED_NON_VOTING, represents=represents)
        self._add("CHS", "Bullimore", Role.SUBSTITUTE, represents="rural parishes",
                  substitute_for_id=self.person("Goodhew"), voting_scope=VotingScope.NONE)
        self._councillors(
            "CPS", ("Kettleby", "Chairwoman"), ("Chandran", "Chair"),
            ["Ashworth", "Eastwood", "Jessop"],
        )

    def _meetings(self) -> None:
        plans = {
            # code: (weekday, hour, weeks between meetings, livestream)
            "CYP": (1, 14, 7, ""),
            "AH": (3, 14, 7, ""),
            "ET": (1, 10, 8, ""),
            "CHS": (3, 19, 8, "https://www.youtube.com/@FenshireCouncil/live"),
            "CPS": (2, 16, 10, ""),
        }
        year_end = annual_meeting(self.year_start.year + 1) - timedelta(days=1)
        for code, (weekday, hour, gap_weeks, livestream) in plans.items():
            committee = self.committees[code]
            day = self.year_start + timedelta(days=14)
            day += timedelta(days=(weekday - day.weekday()) % 7)
            number = 0
            while day <= year_end:
                number += 1
                start = london_datetime(day, hour)
                status = MeetingStatus.HELD if day < self.today else MeetingStatus.SCHEDULED
                kind = MeetingKind.ORDINARY
                if code == "AH" and day.month == 2:
                    kind = MeetingKind.BUDGET
                if code == "ET" and number == 3:
                    status = MeetingStatus.CANCELLED
                self.s.meetings.schedule(
                    Meeting(None, committee.id, start, start + timedelta(hours=3),
                            committee.default_venue, kind, status, livestream)
                )
                day += timedelta(weeks=gap_weeks)
        # One extraordinary meeting, a fortnight from today, on a weekday.
        special = self.today + timedelta(days=14)
        special += timedelta(days=(3 - special.weekday()) % 7)
        start = london_datetime(special, 10)
        self.s.meetings.schedule(
            Meeting(None, self.committees["CYP"].id, start, start + timedelta(hours=2),
                    self.committees["CYP"].default_venue, MeetingKind.EXTRAORDINARY)
        )


def build_demo(services: Services, today: date | None = None) -> None:
    _DemoBuilder(services, today or date.today()).build()


def open_demo(path: Path, today: date | None = None) -> Services:
    """Open the demo database at ``path``, building it first when it does not exist."""
    fresh = not path.exists()
    services = Services.open(path, create=True)
    if fresh or services.council.get_or_none() is None:
        log.info("building the demo council in %s", path)
        build_demo(services, today)
    return services
