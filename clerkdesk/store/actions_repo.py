"""Actions with their officers and progress updates, issued logs, and the log setting."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime

from sqlite_utils import Database

from clerkdesk.domain.action_log import ActionLogSettings
from clerkdesk.domain.actions import Action, ActionStatus, ActionUpdate, Month, Responsible
from clerkdesk.errors import NotFoundError
from clerkdesk.store.rows import date_or_none, iso_or_none

# The meeting's own date (its start is stored in Europe/London with an offset, so the first
# ten characters are the UK date) wins over the stored raised_on, in case it was moved.
_SELECT = """
    SELECT a.*, substr(m.start, 1, 10) AS meeting_day
    FROM actions a LEFT JOIN meetings m ON m.id = a.meeting_id
"""
_ACTION_FIELDS = (
    "committee_id", "meeting_id", "minute_id", "minute_number", "item_title",
    "forward_plan_ref", "text", "position", "petition_id",
)  # fmt: skip


def _to_row(action: Action) -> dict:
    row = {name: getattr(action, name) for name in _ACTION_FIELDS}
    row.update(
        raised_on=action.raised_on.isoformat(),
        status=action.status.value,
        expected_completion=action.expected_completion.iso if action.expected_completion else None,
        target_date=iso_or_none(action.target_date),
        completed_on=iso_or_none(action.completed_on),
    )
    return row


class ActionRepository:
    def __init__(self, db: Database):
        self.db = db

    # -- reading ------------------------------------------------------------------------------
    def _select(self, where: str, args: list) -> list[Action]:
        cursor = self.db.execute(f"{_SELECT} WHERE {where} ORDER BY a.id", args)
        columns = [column[0] for column in cursor.description]
        rows = [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]
        if not rows:
            return []
        chosen = f"SELECT a.id FROM actions a WHERE {where}"
        officers: dict[int, list[Responsible]] = defaultdict(list)
        for action_id, person_id, name, post, forenames, surname in self.db.execute(
            f"""SELECT r.action_id, r.person_id, r.name, r.post, p.forenames, p.surname
                FROM action_responsible r LEFT JOIN people p ON p.id = r.person_id
                WHERE r.action_id IN ({chosen}) ORDER BY r.action_id, r.position, r.id""",
            args,
        ).fetchall():
            # A person on record prints as the people table spells them now; the stored name
            # is what was known when the action was written (kept if the person is deleted).
            current = f"{forenames} {surname}".strip() if person_id is not None else ""
            officers[action_id].append(Responsible(person_id, current or name, post))
        updates: dict[int, list[ActionUpdate]] = defaultdict(list)
        for update_id, action_id, dated, text in self.db.execute(
            f"""SELECT id, action_id, dated, text FROM action_updates
                WHERE action_id IN ({chosen}) ORDER BY action_id, dated, id""",
            args,
        ).fetchall():
            updates[action_id].append(ActionUpdate(date.fromisoformat(dated), text, update_id))
        return [
            self._to_action(row, tuple(officers[row["id"]]), tuple(updates[row["id"]]))
            for row in rows
        ]

    @staticmethod
    def _to_action(row: dict, officers: tuple, updates: tuple) -> Action:
        expected = row["expected_completion"]
        return Action(
            id=row["id"],
            committee_id=row["committee_id"],
            raised_on=date.fromisoformat(row["meeting_day"] or row["raised_on"]),
            text=row["text"],
            meeting_id=row["meeting_id"],
            minute_id=row["minute_id"],
            minute_number=row["minute_number"],
            item_title=row["item_title"],
            forward_plan_ref=row["forward_plan_ref"],
            responsible=officers,
            updates=updates,
            status=ActionStatus(row["status"]),
            expected_completion=Month.parse(expected) if expected else None,
            target_date=date_or_none(row["target_date"]),
            completed_on=date_or_none(row["completed_on"]),
            position=row["position"],
            petition_id=row["petition_id"],
        )

    def get(self, action_id: int) -> Action:
        found = self._select("a.id = ?", [action_id])
        if not found:
            raise NotFoundError(f"There is no action with id {action_id}.")
        return found[0]

    def for_committee(self, committee_id: int) -> list[Action]:
        return self._select("a.committee_id = ?", [committee_id])

    def for_meeting(self, meeting_id: int) -> list[Action]:
        return self._select("a.meeting_id = ?", [meeting_id])

    def for_minute(self, minute_id: int) -> list[Action]:
        return self._select("a.minute_id = ?", [minute_id])

    def open_actions(self) -> list[Action]:
        closing = [s.value for s in ActionStatus if s.closes]
        marks = ", ".join("?" for _ in closing)
        return self._select(f"a.status NOT IN ({marks})", closing)

    def next_position(self, meeting_id: int | None, minute_number: str) -> int:
        row = self.db.execute(
            "SELECT MAX(position) FROM actions WHERE meeting_id IS ? AND minute_number = ?",
            [meeting_id, minute_number],
        ).fetchone()
        return (row[0] or 0) + 1

    # -- writing ------------------------------------------------------------------------------
    def insert(self, action: Action) -> int:
        row = _to_row(action)
        if action.id is not None:
            row["id"] = action.id
        action_id = self.db["actions"].insert(row).last_pk
        self._write_children(action_id, action)
        return action_id

    def update(self, action: Action) -> None:
        self.db["actions"].update(action.id, _to_row(action))
        self.db.execute("DELETE FROM action_responsible WHERE action_id = ?", [action.id])
        self.db.execute("DELETE FROM action_updates WHERE action_id = ?", [action.id])
        self._write_children(action.id, action)

    def _write_children(self, action_id: int, action: Action) -> None:
        for position, officer in enumerate(action.responsible, start=1):
            self.db["action_responsible"].insert(
                {
                    "action_id": action_id,
                    "position": position,
                    "person_id": officer.person_id,
                    "name": officer.name,
                    "post": officer.post,
                }
            )
        # Kept updates go back under their ids (so an update can be edited by id) before new
        # ones take fresh ids, which also keeps same-day updates in the order written.
        for update in sorted(action.updates, key=lambda u: u.id is None):
            row = {"action_id": action_id, "dated": update.on.isoformat(), "text": update.text}
            if update.id is not None:
                row["id"] = update.id
            self.db["action_updates"].insert(row)

    def delete(self, action_id: int) -> None:
        self.db["actions"].delete(action_id)

    # -- issued logs and the setting ------------------------------------------------------------
    def issued_log_dates(self, committee_id: int) -> list[date]:
        rows = self.db.execute(
            "SELECT as_of FROM issued_action_logs WHERE committee_id = ? ORDER BY as_of, id",
            [committee_id],
        ).fetchall()
        return [date.fromisoformat(row[0]) for row in rows]

    def issued_logs(self) -> list[dict]:
        """Every issued log as id, committee_id, as_of, meeting_id and recorded_at."""
        rows = self.db["issued_action_logs"].rows_where(order_by="id")
        return [
            {**row, "as_of": date.fromisoformat(row["as_of"]),
             "recorded_at": datetime.fromisoformat(row["recorded_at"])}
            for row in rows
        ]

    def record_issued_log(
        self,
        committee_id: int,
        as_of: date,
        meeting_id: int | None,
        recorded_at: datetime | None = None,  # now, unless restoring a recorded log
        log_id: int | None = None,
    ) -> int:
        row = {
            "committee_id": committee_id,
            "as_of": as_of.isoformat(),
            "meeting_id": meeting_id,
            "recorded_at": (recorded_at or datetime.now(UTC)).astimezone(UTC).isoformat(
                timespec="seconds"
            ),
        }
        if log_id is not None:
            row["id"] = log_id
        return self.db["issued_action_logs"].insert(row).last_pk

    def log_settings(self) -> ActionLogSettings:
        row = self.db.execute("SELECT logs_showing_closed FROM action_log_settings").fetchone()
        return ActionLogSettings() if row is None else ActionLogSettings(row[0])

    def saved_log_settings(self) -> ActionLogSettings | None:
        """The setting as saved, or None when the council has not saved one."""
        row = self.db.execute("SELECT 1 FROM action_log_settings").fetchone()
        return None if row is None else self.log_settings()

    def save_log_settings(self, settings: ActionLogSettings) -> None:
        self.db["action_log_settings"].upsert(
            {"id": 1, "logs_showing_closed": settings.logs_showing_closed}, pk="id"
        )
