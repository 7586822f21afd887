"""Adding, changing and removing committees."""

from __future__ import annotations

from dataclasses import replace

from clerkdesk.domain.committees import Committee
from clerkdesk.errors import ClerkError, ValidationError
from clerkdesk.services.base import Service
from clerkdesk.store.committee_repo import CommitteeRepository
from clerkdesk.store.membership_repo import MembershipRepository


class CommitteeService(Service):
    def __init__(self, store):
        super().__init__(store)
        self.repo = CommitteeRepository(self.db)

    def list(self) -> list[Committee]:
        return self.repo.list()

    def get(self, committee_id: int) -> Committee:
        return self.repo.get(committee_id)

    def by_code(self, code: str) -> Committee:
        committee = self.repo.find_by_code(code)
        if committee is None:
            known = ", ".join(c.code for c in self.repo.list()) or "none yet"
            raise ClerkError(f"There is no committee with code '{code}' (known codes: {known}).")
        return committee

    def _check_code_free(self, committee: Committee) -> None:
        other = self.repo.find_by_code(committee.code)
        if other is not None and other.id != committee.id:
            raise ValidationError(
                f"The code '{committee.code}' is already used by the {other.name}; "
                "choose another code."
            )

    def add(self, committee: Committee) -> Committee:
        committee.validate()
        self._check_code_free(committee)
        with self._change("add", "committee") as record:
            committee_id = self.repo.insert(committee)
            record(committee_id, f"{committee.code} {committee.name}")
        return replace(committee, id=committee_id)

    def update(self, committee: Committee) -> Committee:
        committee.validate()
        self.repo.get(committee.id)
        self._check_code_free(committee)
        with self._change("update", "committee") as record:
            self.repo.update(committee)
            record(committee.id, f"{committee.code} {committee.name}")
        return self.repo.get(committee.id)

    def delete_consequences(self, committee_id: int) -> list[str]:
        count = len(MembershipRepository(self.db).for_committee(committee_id))
        return [f"{count} membership(s)"] if count else []

    def delete(self, committee_id: int) -> None:
        committee = self.repo.get(committee_id)
        meetings = self.repo.meeting_count(committee_id)
        if meetings:
            raise ClerkError(
                f"The {committee.name} has {meetings} meeting(s); delete or move them before "
                "deleting the committee."
            )
        with self._change("delete", "committee") as record:
            self.repo.delete(committee_id)
            record(committee_id, f"{committee.code} {committee.name}")
