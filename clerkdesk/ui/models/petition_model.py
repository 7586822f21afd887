"""The petitions register in a table: each petition with its clocks (acknowledgement due,
response due, each explaining itself on hover), whether the petitioners may speak, and its
clocks and status coloured when overdue or due soon (the dates say so in words too)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from clerkdesk.domain.due import DueState
from clerkdesk.domain.petition_scheme import PetitionClock
from clerkdesk.domain.petitions import Petition
from clerkdesk.ui.formatting import short_date
from clerkdesk.ui.models.action_model import DUE_WORDS, date_with_state, due_brush
from clerkdesk.ui.models.table_model import AnyIndex, Column, RecordTableModel

(RECEIVED, TITLE, ORGANISER, SIGNATURES, CAN_SPEAK, MEETING, ACKNOWLEDGE, RESPONSE,
 RESPONDED, STATUS) = range(10)


@dataclass(frozen=True)
class PetitionLine:
    """One register row (``services.petitions.PetitionRegisterRow``) with its petition and
    the state of each clock."""

    row: object
    petition: Petition
    acknowledgement: PetitionClock
    response: PetitionClock
    acknowledgement_state: DueState
    response_state: DueState

    @property
    def id(self) -> int:
        return self.petition.id


def _optional_date(day) -> str:
    return short_date(day) if day else ""


def _ordinal(day) -> int:
    return day.toordinal() if day else 0


def can_speak_text(line: PetitionLine) -> str:
    return {True: "Yes", False: "No", None: "No threshold"}[line.row.can_speak]


def clock_tooltip(clock: PetitionClock) -> str:
    """How the due date was worked out, or why there is none."""
    if clock.due is not None:
        return clock.due.explanation
    return f"No due date: {clock.no_due_date_because}." if clock.no_due_date_because else ""


class PetitionTableModel(RecordTableModel):
    def __init__(self, parent=None):
        super().__init__(
            [
                Column("Received", lambda ln: _optional_date(ln.row.received),
                       sort_key=lambda ln: _ordinal(ln.row.received)),
                Column("Title", lambda ln: ln.petition.title),
                Column("Organiser", lambda ln: ln.petition.organiser.name
                       if ln.petition.organiser else ""),
                Column("Signatures", lambda ln: str(ln.row.signatures),
                       sort_key=lambda ln: ln.row.signatures, align_right=True),
                Column("Speak?", can_speak_text),
                Column("Meeting", lambda ln: _optional_date(ln.row.meeting),
                       sort_key=lambda ln: _ordinal(ln.row.meeting)),
                Column("Acknowledge by", lambda ln: date_with_state(
                    ln.row.acknowledgement_due, ln.acknowledgement_state),
                    sort_key=lambda ln: _ordinal(ln.row.acknowledgement_due)),
                Column("Response due", lambda ln: date_with_state(
                    ln.row.response_due, ln.response_state),
                    sort_key=lambda ln: _ordinal(ln.row.response_due)),
                Column("Responded", lambda ln: _optional_date(ln.row.responded),
                       sort_key=lambda ln: _ordinal(ln.row.responded)),
                Column("Status", lambda ln: ln.row.status.capitalize()),
            ],
            parent,
        )

    def _state_of_cell(self, line: PetitionLine, column: int) -> DueState | None:
        return {ACKNOWLEDGE: line.acknowledgement_state, RESPONSE: line.response_state,
                STATUS: line.row.due_state}.get(column)

    def data(self, index: AnyIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            state = self._state_of_cell(self.record_at(index.row()), index.column())
            brush = due_brush(state) if state in DUE_WORDS else None
            if brush is None:
                return None
            return brush if role == Qt.ItemDataRole.BackgroundRole else QBrush(QColor("black"))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (ACKNOWLEDGE, RESPONSE):
            line = self.record_at(index.row())
            clock = line.acknowledgement if index.column() == ACKNOWLEDGE else line.response
            return clock_tooltip(clock)
        return super().data(index, role)
