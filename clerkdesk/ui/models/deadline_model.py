"""Deadlines in tables, coloured by how urgent they are, each explaining itself on hover.

Two views of the same rows: one meeting's deadlines (the meeting panel) and the deadlines
of every committee that need attention (the dashboard).
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from clerkdesk.domain.meetings import LONDON
from clerkdesk.ui.formatting import meeting_time, weekday_date
from clerkdesk.ui.models.table_model import AnyIndex, Column, RecordTableModel

# Pale backgrounds that keep black text readable; the same meaning on every screen.
COLOURS = {
    "overdue": "#f4c7c3",  # red
    "today": "#fcd9a4",  # amber
    "soon": "#fff2b3",  # yellow
    "due": "#fff2b3",
    "done": "#d3ecd6",  # green
}
STATUS_TEXT = {"done": "Done", "due": "Due", "overdue": "Overdue"}
BUCKET_TEXT = {"overdue": "Overdue", "today": "Due today", "soon": "Next 10 working days"}


def due_text(deadline) -> str:
    """'Thu 27 Jun 2019 10:00', or the day alone when the rule has no time."""
    if deadline.due_at is not None:
        return meeting_time(deadline.due_at)
    return weekday_date(deadline.due_date)


def done_text(done_at: datetime | None) -> str:
    return meeting_time(done_at.astimezone(LONDON)) if done_at else ""


class _ColouredModel(RecordTableModel):
    """Rows coloured by ``colour_key(record)``; the tooltip is the row's explanation."""

    def colour_key(self, record) -> str:
        raise NotImplementedError

    def explanation(self, record) -> str:
        raise NotImplementedError

    def data(self, index: AnyIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record = self.record_at(index.row())
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = COLOURS.get(self.colour_key(record))
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("black"))  # readable on the pale colours in a dark theme too
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.explanation(record)
        return super().data(index, role)


class MeetingDeadlineModel(_ColouredModel):
    """Rows are ``services.deadlines.DeadlineRow``."""

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("Due", lambda r: due_text(r.deadline),
                       sort_key=lambda r: r.deadline.due_date.toordinal()),
                Column("Deadline", lambda r: r.deadline.label),
                Column("Status", lambda r: STATUS_TEXT[r.status]),
                Column("Done", lambda r: done_text(r.done_at)),
            ],
            parent,
        )
        self.horizon: date | None = None  # the last day the dashboard counts as "soon"

    def colour_key(self, record) -> str:
        later = self.horizon is not None and record.deadline.due_date > self.horizon
        if record.status == "due" and later:
            return ""  # due later: nothing to draw attention to yet
        return record.status

    def explanation(self, record) -> str:
        return record.explanation


class DashboardModel(_ColouredModel):
    """Rows are ``services.deadlines.DashboardRow``."""

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("When", lambda r: BUCKET_TEXT[r.bucket]),
                Column("Due", lambda r: due_text(r.row.deadline),
                       sort_key=lambda r: r.row.deadline.due_date.toordinal()),
                Column("Deadline", lambda r: r.row.deadline.label),
                Column("Committee", lambda r: r.committee.name),
                Column("Meeting", lambda r: meeting_time(r.meeting.start),
                       sort_key=lambda r: r.meeting.start.timestamp()),
            ],
            parent,
        )

    def colour_key(self, record) -> str:
        return record.bucket

    def explanation(self, record) -> str:
        return record.row.explanation


DUE_STATE_COLOURS = {"overdue": "overdue", "due soon": "soon"}


class DueRowModel(_ColouredModel):
    """Rows are ``services.actions_petitions_due.DueRow``: petitions and actions to chase."""

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("When", lambda r: r.state.capitalize()),
                Column("Due", lambda r: weekday_date(r.due_date),
                       sort_key=lambda r: r.due_date.toordinal()),
                Column("What", lambda r: r.what),
                Column("Petition or action", lambda r: r.title),
                Column("Committee", lambda r: r.committee),
            ],
            parent,
        )

    def colour_key(self, record) -> str:
        return DUE_STATE_COLOURS.get(record.state, "")

    def explanation(self, record) -> str:
        return f"{record.what}: {record.title} (due {weekday_date(record.due_date)})"
