"""The audit log: who changed what, when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: int | None
    summary: str


class AuditRepository:
    def __init__(self, db: Database):
        self.db = db

    def record(self, actor: str, action: str, entity: str, entity_id, summary: str) -> None:
        self.db["audit_log"].insert(
            {
                "at": datetime.now(UTC).isoformat(timespec="seconds"),
                "actor": actor,
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "summary": summary,
            }
        )

    def for_entity(self, entity: str, entity_id: int) -> list[AuditEntry]:
        rows = self.db["audit_log"].rows_where(
            "entity = ? AND entity_id = ?", [entity, entity_id], order_by="id"
        )
        return [
            AuditEntry(
                datetime.fromisoformat(row["at"]), row["actor"], row["action"],
                row["entity"], row["entity_id"], row["summary"],
            )
            for row in rows
        ]
