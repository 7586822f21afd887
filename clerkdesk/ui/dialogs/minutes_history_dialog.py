"""Who changed what in a meeting's minutes, and when: the audit log, oldest first.

Every change to the minutes, their attendance, declarations, votes and life cycle is
audited against the meeting, so this is the record of what was changed before approval.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.meetings import LONDON
from clerkdesk.ui.formatting import short_date
from clerkdesk.ui.models.table_model import Column, RecordFilterProxy, RecordTableModel
from clerkdesk.ui.widgets.record_table_view import RecordTableView

WHEN, WHO, WHAT, CHANGE = range(4)


def _when(entry) -> str:
    """An audit entry's time (stored in UTC) on the London wall clock."""
    local = entry.at.astimezone(LONDON)
    return f"{short_date(local.date())} {local:%H:%M:%S}"


class HistoryModel(RecordTableModel):
    def __init__(self, parent=None):
        super().__init__(
            [
                Column("When", _when, sort_key=lambda e: e.at.isoformat()),
                Column("Who", lambda e: e.actor),
                Column("What", lambda e: e.action),
                Column("Change", lambda e: e.summary),
            ],
            parent,
        )


class MinutesHistoryDialog(QDialog):
    @classmethod
    def ask(cls, parent: QWidget | None, services, meeting_id: int, heading: str = "") -> None:
        cls(services, meeting_id, heading, parent).exec()

    def __init__(self, services, meeting_id: int, heading: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle("History of the minutes")
        self.model = HistoryModel(self)
        self.model.set_records(services.minutes.lifecycle.history(meeting_id))
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build_ui(heading)
        self._connect()

    def _build_ui(self, heading: str) -> None:
        count = self.model.rowCount()
        self.heading_label = QLabel(
            f"{heading}: {count} recorded change{'s' if count != 1 else ''}, oldest first."
            if heading else f"{count} recorded changes, oldest first.")
        self.heading_label.setWordWrap(True)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Search the history")
        self.search_edit.setClearButtonEnabled(True)
        self.table = RecordTableView(sortable=False)
        self.table.setModel(self.proxy)
        if count:
            self.table.fit_columns(stretch=CHANGE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading_label)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 520)

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(self.proxy.set_search_text)
        self.buttons.rejected.connect(self.reject)
