"""The working calendar's lists, committees' rule overrides and 'done' marks on deadlines."""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlite_utils import Database

from clerkdesk.domain.calendar import ExtraHoliday, Jurisdiction, LocalClosure, WorkingCalendar


class CalendarRepository:
    def __init__(self, db: Database):
        self.db = db

    # -- the calendar --------------------------------------------------------------------
    def calendar(self, jurisdiction: Jurisdiction | str) -> WorkingCalendar:
        def labelled(table: str) -> list[tuple[date, str]]:
            rows = self.db.execute(f"SELECT day, label FROM {table} ORDER BY day").fetchall()
            return [(date.fromisoformat(day), label) for day, label in rows]

        ignored = self.db.execute("SELECT day FROM ignored_bank_holidays").fetchall()
        return WorkingCalendar(
            jurisdiction=Jurisdiction(jurisdiction),
            local_closures=tuple(LocalClosure(d, lab) for d, lab in labelled("local_closures")),
            extra_holidays=tuple(ExtraHoliday(d, lab) for d, lab in labelled("extra_holidays")),
            ignored_bank_holidays=frozenset(date.fromisoformat(row[0]) for row in ignored),
        )

    def save_calendar(self, calendar: WorkingCalendar) -> None:
        """Replace the three lists (the jurisdiction belongs to the council profile)."""
        for table in ("local_closures", "extra_holidays", "ignored_bank_holidays"):
            self.db.execute(f"DELETE FROM {table}")
        self.db["local_closures"].insert_all(
            {"day": c.date.isoformat(), "label": c.label} for c in calendar.local_closures
        )
        self.db["extra_holidays"].insert_all(
            {"day": e.date.isoformat(), "label": e.label} for e in calendar.extra_holidays
        )
        self.db["ignored_bank_holidays"].insert_all(
            {"day": day.isoformat()} for day in sorted(calendar.ignored_bank_holidays)
        )

    # -- committee overrides -------------------------------------------------------------
    def overrides(self, committee_id: int) -> dict:
        row = self.db.execute(
            "SELECT overrides FROM committee_deadline_rules WHERE committee_id = ?",
            [committee_id],
        ).fetchone()
        return json.loads(row[0]) if row else {}

    def all_overrides(self) -> dict[int, dict]:
        rows = self.db.execute("SELECT committee_id, overrides FROM committee_deadline_rules")
        return {committee_id: json.loads(text) for committee_id, text in rows.fetchall()}

    def save_overrides(self, committee_id: int, overrides: dict) -> None:
        if not overrides:
            self.db.execute(
                "DELETE FROM committee_deadline_rules WHERE committee_id = ?", [committee_id]
            )
            return
        self.db["committee_deadline_rules"].upsert(
            {"committee_id": committee_id, "overrides": json.dumps(overrides, sort_keys=True)},
            pk="committee_id",
        )

    # -- deadlines marked done -------------------------------------------------------------
    def marks(self, meeting_id: int) -> dict[str, datetime]:
        rows = self.db.execute(
            "SELECT key, done_at FROM deadline_marks WHERE meeting_id = ?", [meeting_id]
        ).fetchall()
        return {key: datetime.fromisoformat(done_at) for key, done_at in rows}

    def set_mark(self, meeting_id: int, key: str, done_at: datetime | None) -> None:
        if done_at is None:
            self.db.execute(
                "DELETE FROM deadline_marks WHERE meeting_id = ? AND key = ?", [meeting_id, key]
            )
            return
        self.db["deadline_marks"].upsert(
            {"meeting_id": meeting_id, "key": key, "done_at": done_at.isoformat()},
            pk=("meeting_id", "key"),
        )
