"""Meetings."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlite_utils import Database

from clerkdesk.domain.meetings import LONDON, Meeting, MeetingKind, MeetingStatus
from clerkdesk.errors import NotFoundError
from clerkdesk.store.rows import datetime_or_none, iso_or_none


def _london(value: str | None) -> datetime | None:
    # Stored with their offset; read back in Europe/London so arithmetic follows BST/GMT.
    parsed = datetime_or_none(value)
    return parsed.astimezone(LONDON) if parsed else None


def _to_meeting(row: dict) -> Meeting:
    return Meeting(
        id=row["id"],
        committee_id=row["committee_id"],
        start=_london(row["start"]),
        end=_london(row["end"]),
        venue=row["venue"],
        kind=MeetingKind(row["kind"]),
        status=MeetingStatus(row["status"]),
        livestream_url=row["livestream_url"],
    )


def _utc(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def _to_row(meeting: Meeting) -> dict:
    return {
        "committee_id": meeting.committee_id,
        "start": meeting.start.astimezone(LONDON).isoformat(),
        "start_utc": _utc(meeting.start),
        "end": iso_or_none(meeting.end.astimezone(LONDON) if meeting.end else None),
        "venue": meeting.venue,
        "kind": meeting.kind.value,
        "status": meeting.status.value,
        "livestream_url": meeting.livestream_url,
    }


class MeetingRepository:
    def __init__(self, db: Database):
        self.db = db

    def search(
        self,
        committee_id: int | None = None,
        start_from: date | None = None,
        start_to: date | None = None,
    ) -> list[Meeting]:
        """Meetings in start order, optionally of one committee and between two dates."""
        clauses, args = [], []
        if committee_id is not None:
            clauses.append("committee_id = ?")
            args.append(committee_id)
        if start_from is not None:
            clauses.append("start_utc >= ?")
            args.append(_utc(datetime.combine(start_from, time.min, LONDON)))
        if start_to is not None:
            clauses.append("start_utc <= ?")
            args.append(_utc(datetime.combine(start_to, time.max, LONDON)))
        where = " AND ".join(clauses) or None
        rows = self.db["meetings"].rows_where(where, args, order_by="start_utc, id")
        return [_to_meeting(row) for row in rows]

    def list(self) -> list[Meeting]:
        return self.search()

    def get(self, meeting_id: int) -> Meeting:
        rows = list(self.db["meetings"].rows_where("id = ?", [meeting_id]))
        if not rows:
            raise NotFoundError(f"There is no meeting with id {meeting_id}.")
        return _to_meeting(rows[0])

    def insert(self, meeting: Meeting) -> int:
        row = _to_row(meeting)
        if meeting.id is not None:
            row["id"] = meeting.id
        return self.db["meetings"].insert(row).last_pk

    def update(self, meeting: Meeting) -> None:
        self.db["meetings"].update(meeting.id, _to_row(meeting))

    def delete(self, meeting_id: int) -> None:
        self.db["meetings"].delete(meeting_id)
