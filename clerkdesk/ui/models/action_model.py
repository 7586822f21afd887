"""Actions in a table: one row per action (its progress in the tooltip), the target date coloured
when it is overdue or due soon (the same colours as every deadline in ClerkDesk)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from clerkdesk.domain.actions import Action
from clerkdesk.domain.due import DueState
from clerkdesk.ui.formatting import short_date
from clerkdesk.ui.models.deadline_model import COLOURS
from clerkdesk.ui.models.table_model import AnyIndex, Column, RecordTableModel

RAISED, COMMITTEE, MINUTE, ITEM, ACTION, OFFICERS, STATUS, TARGET = range(8)

# DueState -> a key of the shared COLOURS; states not listed are not coloured.
DUE_COLOURS = {DueState.OVERDUE: "overdue", DueState.DUE_SOON: "soon", DueState.DONE: "done"}
DUE_WORDS = {DueState.OVERDUE: "overdue", DueState.DUE_SOON: "due soon"}


def due_brush(state: DueState | None) -> QBrush | None:
    colour = COLOURS.get(DUE_COLOURS.get(state, ""))
    return QBrush(QColor(colour)) if colour else None


def date_with_state(day, state: DueState | None) -> str:
    """'12 Nov 2026 (overdue)': the words as well as the colour, for those who cannot see it."""
    if day is None:
        return ""
    words = DUE_WORDS.get(state)
    return f"{short_date(day)} ({words})" if words else short_date(day)


class ActionTableModel(RecordTableModel):
    def __init__(self, parent=None):
        self._committee_codes: dict[int, str] = {}
        self._states: dict[int, DueState] = {}
        super().__init__(
            [
                Column("Raised", lambda a: short_date(a.raised_on),
                       sort_key=lambda a: a.raised_on.toordinal()),
                Column("Cttee", lambda a: self._committee_codes.get(a.committee_id, "")),
                Column("Minute", lambda a: a.minute_number,
                       sort_key=lambda a: f"{a.raised_on.toordinal():08d}{a.minute_number:>8}"),
                Column("Item", lambda a: a.item_heading),
                Column("Action", lambda a: a.text),
                Column("Officers", lambda a: a.officers_text),
                Column("Status", lambda a: a.status_text or "Not stated"),
                Column("Target", lambda a: date_with_state(a.target_date, self.state(a)),
                       sort_key=lambda a: a.target_date.toordinal() if a.target_date else 0),
            ],
            parent,
        )

    def set_actions(self, actions, committee_codes: dict[int, str],
                    states: dict[int, DueState]) -> None:
        self._committee_codes = dict(committee_codes)
        self._states = dict(states)
        self.set_records(actions)

    def state(self, action: Action) -> DueState | None:
        return self._states.get(action.id)

    def search_text(self, action: Action) -> str:
        """The columns and the progress notes, which the table has no room for."""
        return " ".join([super().search_text(action), *(u.text for u in action.updates)])

    def data(self, index: AnyIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        action = self.record_at(index.row())
        if index.column() == TARGET:
            if role == Qt.ItemDataRole.BackgroundRole:
                return due_brush(self.state(action))
            if role == Qt.ItemDataRole.ForegroundRole and due_brush(self.state(action)):
                return QBrush(QColor("black"))  # readable on the pale colour in a dark theme
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == ACTION and action.updates:
            progress = "\n".join(update.log_text for update in action.updates)
            return f"{action.text}\n\n{progress}"
        return super().data(index, role)
