"""The record of which action-log entry each minute's action became (m007)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database


@dataclass(frozen=True)
class MinuteActionLink:
    minute_action_id: int
    action_id: int | None  # None once the log entry was deleted
    adopted: bool  # True: an entry already in the log was linked, not created
    linked_at: datetime | None = None  # when it was taken up (None until stored)


def _to_link(row) -> MinuteActionLink:
    return MinuteActionLink(row[0], row[1], bool(row[2]), datetime.fromisoformat(row[3]))


class MinuteActionLinkRepository:
    def __init__(self, db: Database):
        self.db = db

    def for_minute_actions(self, minute_action_ids) -> dict[int, MinuteActionLink]:
        ids = list(minute_action_ids)
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        rows = self.db.execute(
            "SELECT minute_action_id, action_id, adopted, linked_at FROM minute_action_links "
            f"WHERE minute_action_id IN ({marks})",
            ids,
        ).fetchall()
        return {row[0]: _to_link(row) for row in rows}

    def all_links(self) -> list[MinuteActionLink]:
        rows = self.db.execute(
            "SELECT minute_action_id, action_id, adopted, linked_at FROM minute_action_links "
            "ORDER BY minute_action_id"
        ).fetchall()
        return [_to_link(row) for row in rows]

    def linked_action_ids(self) -> set[int]:
        rows = self.db.execute(
            "SELECT action_id FROM minute_action_links WHERE action_id IS NOT NULL"
        ).fetchall()
        return {row[0] for row in rows}

    def link(
        self,
        minute_action_id: int,
        action_id: int | None,
        adopted: bool,
        linked_at: datetime | None = None,  # now, unless restoring a stored link
    ) -> None:
        self.db["minute_action_links"].insert({
            "minute_action_id": minute_action_id,
            "action_id": action_id,
            "adopted": int(adopted),
            "linked_at": (linked_at or datetime.now(UTC)).astimezone(UTC).isoformat(
                timespec="seconds"
            ),
        })
