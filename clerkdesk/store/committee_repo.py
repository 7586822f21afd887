"""Committees and their standing agenda items."""

from __future__ import annotations

from sqlite_utils import Database

from clerkdesk.domain.committees import (
    Committee,
    CommitteeKind,
    NumberingScheme,
    StandingItem,
    StandingItemKind,
)
from clerkdesk.errors import NotFoundError


class CommitteeRepository:
    def __init__(self, db: Database):
        self.db = db

    def _standing_items(self, committee_id: int) -> tuple[StandingItem, ...]:
        rows = self.db["standing_items"].rows_where(
            "committee_id = ?", [committee_id], order_by="position"
        )
        return tuple(
            StandingItem(row["section"], row["title"], StandingItemKind(row["kind"]))
            for row in rows
        )

    def _to_committee(self, row: dict) -> Committee:
        return Committee(
            id=row["id"],
            name=row["name"],
            code=row["code"],
            kind=CommitteeKind(row["kind"]),
            numbering=NumberingScheme(row["numbering"]),
            next_minute_number=row["next_minute_number"],
            default_venue=row["default_venue"],
            clerk_id=row["clerk_id"],
            standing_items=self._standing_items(row["id"]),
        )

    def list(self) -> list[Committee]:
        rows = self.db["committees"].rows_where(order_by="name COLLATE NOCASE")
        return [self._to_committee(row) for row in rows]

    def get(self, committee_id: int) -> Committee:
        rows = list(self.db["committees"].rows_where("id = ?", [committee_id]))
        if not rows:
            raise NotFoundError(f"There is no committee with id {committee_id}.")
        return self._to_committee(rows[0])

    def find_by_code(self, code: str) -> Committee | None:
        rows = list(self.db["committees"].rows_where("code = ? COLLATE NOCASE", [code]))
        return self._to_committee(rows[0]) if rows else None

    def _row(self, committee: Committee) -> dict:
        return {
            "name": committee.name,
            "code": committee.code,
            "kind": committee.kind.value,
            "numbering": committee.numbering.value,
            "next_minute_number": committee.next_minute_number,
            "default_venue": committee.default_venue,
            "clerk_id": committee.clerk_id,
        }

    def _write_standing_items(self, committee_id: int, items) -> None:
        self.db.execute("DELETE FROM standing_items WHERE committee_id = ?", [committee_id])
        self.db["standing_items"].insert_all(
            {
                "committee_id": committee_id,
                "position": position,
                "section": item.section,
                "title": item.title,
                "kind": item.kind.value,
            }
            for position, item in enumerate(items, start=1)
        )

    def insert(self, committee: Committee) -> int:
        row = self._row(committee)
        if committee.id is not None:
            row["id"] = committee.id
        committee_id = self.db["committees"].insert(row).last_pk
        self._write_standing_items(committee_id, committee.standing_items)
        return committee_id

    def update(self, committee: Committee) -> None:
        self.db["committees"].update(committee.id, self._row(committee))
        self._write_standing_items(committee.id, committee.standing_items)

    def delete(self, committee_id: int) -> None:
        self.db["committees"].delete(committee_id)

    def meeting_count(self, committee_id: int) -> int:
        return self.db["meetings"].count_where("committee_id = ?", [committee_id])
