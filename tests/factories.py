"""Factories that save real records through the services, with overridable defaults."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from itertools import count

from clerkdesk.domain.committees import Committee, cambridgeshire_standing_items
from clerkdesk.domain.council import CouncilProfile
from clerkdesk.domain.meetings import Meeting, london_datetime
from clerkdesk.domain.membership import Membership, Role
from clerkdesk.domain.people import Person, PersonKind

YEAR_START = date(2019, 5, 14)


class Factory:
    def __init__(self, services):
        self.services = services
        self._serial = count(1)

    def council(self, **overrides) -> CouncilProfile:
        existing = self.services.council.get_or_none()
        if existing is not None and not overrides:
            return existing
        defaults = {
            "name": "Testshire County Council",
            "municipal_year_starts": (YEAR_START, date(2020, 5, 12)),
        }
        return self.services.council.save(CouncilProfile(**{**defaults, **overrides}))

    def person(self, **overrides) -> Person:
        n = next(self._serial)
        defaults = {
            "id": None,
            "kind": PersonKind.COUNCILLOR,
            "forenames": f"Alex{n}",
            "surname": f"Member{n:03d}",
            "title": "Councillor",
        }
        return self.services.people.add(Person(**{**defaults, **overrides}))

    def committee(self, **overrides) -> Committee:
        n = next(self._serial)
        defaults = {
            "id": None,
            "name": f"Committee {n}",
            "code": f"C{n}",
            "standing_items": cambridgeshire_standing_items(),
        }
        return self.services.committees.add(Committee(**{**defaults, **overrides}))

    def membership(self, person=None, committee=None, **overrides) -> Membership:
        self.council()
        person = person or self.person()
        committee = committee or self.committee()
        defaults = {
            "id": None,
            "person_id": person.id,
            "committee_id": committee.id,
            "role": Role.MEMBER,
            "start": YEAR_START,
        }
        return self.services.memberships.add(Membership(**{**defaults, **overrides}))

    def meeting(self, committee=None, start: datetime | None = None, **overrides) -> Meeting:
        committee = committee or self.committee()
        start = start or london_datetime(date(2019, 7, 9), 14)
        defaults = {
            "id": None,
            "committee_id": committee.id,
            "start": start,
            "end": start + timedelta(hours=2),
        }
        return self.services.meetings.schedule(Meeting(**{**defaults, **overrides}))

    @staticmethod
    def changed(record, **changes):
        return replace(record, **changes)
