"""Memberships of committees."""

from __future__ import annotations

from sqlite_utils import Database

from clerkdesk.domain.membership import Membership, Role, StatutorySeat, VotingScope
from clerkdesk.errors import NotFoundError
from clerkdesk.store.rows import date_or_none, iso_or_none


def _to_membership(row: dict) -> Membership:
    return Membership(
        id=row["id"],
        person_id=row["person_id"],
        committee_id=row["committee_id"],
        role=Role(row["role"]),
        start=date_or_none(row["start"]),
        end=date_or_none(row["end"]),
        voting_scope=VotingScope(row["voting_scope"]) if row["voting_scope"] else None,
        statutory_seat=StatutorySeat(row["statutory_seat"]),
        represents=row["represents"],
        substitute_for_id=row["substitute_for_id"],
        chair_title=row["chair_title"],
        municipal_year=row["municipal_year"],
    )


def _to_row(membership: Membership) -> dict:
    return {
        "person_id": membership.person_id,
        "committee_id": membership.committee_id,
        "role": membership.role.value,
        "start": iso_or_none(membership.start),
        "end": iso_or_none(membership.end),
        "voting_scope": membership.voting_scope.value if membership.voting_scope else None,
        "statutory_seat": membership.statutory_seat.value,
        "represents": membership.represents,
        "substitute_for_id": membership.substitute_for_id,
        "chair_title": membership.chair_title,
        "municipal_year": membership.municipal_year,
    }


class MembershipRepository:
    def __init__(self, db: Database):
        self.db = db

    def _where(self, where: str | None = None, args=()) -> list[Membership]:
        rows = self.db["memberships"].rows_where(where, list(args), order_by="start, id")
        return [_to_membership(row) for row in rows]

    def list(self) -> list[Membership]:
        return self._where()

    def for_committee(self, committee_id: int) -> list[Membership]:
        return self._where("committee_id = ?", [committee_id])

    def for_person(self, person_id: int) -> list[Membership]:
        return self._where("person_id = ?", [person_id])

    def get(self, membership_id: int) -> Membership:
        found = self._where("id = ?", [membership_id])
        if not found:
            raise NotFoundError(f"There is no membership with id {membership_id}.")
        return found[0]

    def insert(self, membership: Membership) -> int:
        row = _to_row(membership)
        if membership.id is not None:
            row["id"] = membership.id
        return self.db["memberships"].insert(row).last_pk

    def update(self, membership: Membership) -> None:
        self.db["memberships"].update(membership.id, _to_row(membership))

    def delete(self, membership_id: int) -> None:
        self.db["memberships"].delete(membership_id)
