"""Appointing people to committees."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from clerkdesk.domain.membership import (
    Membership,
    check_not_duplicated,
    check_single_holders,
    membership_order,
)
from clerkdesk.domain.municipal_year import year_containing
from clerkdesk.services.base import Service
from clerkdesk.store.committee_repo import CommitteeRepository
from clerkdesk.store.council_repo import CouncilRepository
from clerkdesk.store.membership_repo import MembershipRepository
from clerkdesk.store.people_repo import PeopleRepository


class MembershipService(Service):
    def __init__(self, store):
        super().__init__(store)
        self.repo = MembershipRepository(self.db)
        self.people = PeopleRepository(self.db)
        self.committees = CommitteeRepository(self.db)

    def list(self) -> list[Membership]:
        return self.repo.list()

    def for_committee(self, committee_id: int, on: date | None = None) -> list[Membership]:
        """A committee's memberships (current on ``on`` if given), in front-sheet order."""
        found = self.repo.for_committee(committee_id)
        if on is not None:
            found = [m for m in found if m.is_current(on)]
        names = {p.id: p.sort_key for p in self.people.list()}
        return sorted(found, key=lambda m: membership_order(m, names.get(m.person_id, ("", ""))))

    def for_person(self, person_id: int) -> list[Membership]:
        return self.repo.for_person(person_id)

    def _prepared(self, membership: Membership) -> Membership:
        year_starts = CouncilRepository(self.db).year_starts()
        membership.validate(year_starts)
        self.people.get(membership.person_id)  # each raises a clear message if missing
        self.committees.get(membership.committee_id)
        if membership.substitute_for_id is not None:
            self.people.get(membership.substitute_for_id)
        names = {p.id: p.full_name for p in self.people.list()}
        existing = self.repo.for_committee(membership.committee_id)
        check_single_holders(membership, existing, names)
        check_not_duplicated(membership, existing, names)
        year = year_containing(membership.start, year_starts)
        return replace(membership, municipal_year=year.label if year else "")

    def add(self, membership: Membership) -> Membership:
        membership = self._prepared(membership)
        with self._change("add", "membership") as record:
            membership_id = self.repo.insert(membership)
            record(membership_id, self._summary(membership))
        return replace(membership, id=membership_id)

    def update(self, membership: Membership) -> Membership:
        self.repo.get(membership.id)
        membership = self._prepared(membership)
        with self._change("update", "membership") as record:
            self.repo.update(membership)
            record(membership.id, self._summary(membership))
        return membership

    def delete(self, membership_id: int) -> None:
        membership = self.repo.get(membership_id)
        with self._change("delete", "membership") as record:
            self.repo.delete(membership_id)
            record(membership_id, self._summary(membership))

    def _summary(self, membership: Membership) -> str:
        person = self.people.get(membership.person_id)
        committee = self.committees.get(membership.committee_id)
        return f"{person.full_name}: {membership.role.value}, {committee.code}"
