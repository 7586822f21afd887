"""One meeting's deadlines: a coloured list, the working of the selected one, whether the
recorded publication met the agenda period, and the actions that complete deadlines.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.meetings import LONDON, london_datetime
from clerkdesk.errors import ClerkError
from clerkdesk.services.deadlines import PUBLICATION_KEYS
from clerkdesk.ui import error_dialog
from clerkdesk.ui.dialogs.record_dialog import RecordDialog
from clerkdesk.ui.formatting import from_qdate, from_qtime, meeting_time
from clerkdesk.ui.models.deadline_model import COLOURS, MeetingDeadlineModel
from clerkdesk.ui.widgets.date_edits import date_edit, time_edit
from clerkdesk.ui.widgets.record_table_view import RecordTableView


class RecordPublicationDialog(RecordDialog):
    """When the agenda really went out; saving checks it against the agenda period."""

    @classmethod
    def ask(cls, parent: QWidget | None, services, meeting_id: int, day: date):
        """The compliance result of the recorded publication, or None if cancelled."""
        return cls(services, meeting_id, day, parent).run()

    def __init__(self, services, meeting_id: int, day: date, parent=None):
        super().__init__("Record the agenda's publication", parent)
        self.services = services
        self.meeting_id = meeting_id
        self.date_edit = date_edit(day)
        self.time_edit = time_edit(QTime(16, 0))
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText("e.g. published on the website and sent to members")
        self.form.addRow("Published on:", self.date_edit)
        self.form.addRow("At (UK time):", self.time_edit)
        self.form.addRow("Note:", self.note_edit)
        self._finish_layout()

    def value(self) -> datetime:
        return london_datetime(from_qdate(self.date_edit.date()),
                               *from_qtime(self.time_edit.time()))

    def _save(self, value: datetime):
        return self.services.deadlines.record_publication(self.meeting_id, value,
                                                          self.note_edit.text().strip())


class MeetingDeadlinesPanel(QWidget):
    """Shows ``set_meeting(id)``; emits ``changed`` after recording or ticking off."""

    changed = Signal(str)  # a status-bar message

    def __init__(self, services, today: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.today = today
        self.meeting_id: int | None = None
        self.model = MeetingDeadlineModel(self)
        self._build_ui()
        self._connect()
        self.set_meeting(None)

    def _build_ui(self) -> None:
        self.heading = QLabel()
        heading_font = QFont(self.heading.font())
        heading_font.setBold(True)
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.15)
        self.heading.setFont(heading_font)
        self.compliance_label = QLabel()
        self.compliance_label.setWordWrap(True)
        self.table = RecordTableView(sortable=False)
        self.table.setModel(self.model)
        self.explanation = QPlainTextEdit()
        self.explanation.setReadOnly(True)
        self.explanation.setPlaceholderText("Select a deadline to see how it was worked out.")
        self.publication_button = QPushButton("&Record publication…")
        self.publication_button.setToolTip("When the agenda really went out (Ctrl+Shift+P)")
        self.done_button = QPushButton("Mark &done")
        self.done_button.setToolTip("Tick off the selected deadline, or untick it (Ctrl+D)")
        # Shortcut objects rather than button shortcuts: relabelling a button with a
        # mnemonic ("Mark not &done") would silently replace its shortcut.
        QShortcut(QKeySequence("Ctrl+Shift+P"), self, self.record_publication)
        QShortcut(QKeySequence("Ctrl+D"), self, self.toggle_done)
        buttons = QHBoxLayout()
        buttons.addWidget(self.publication_button)
        buttons.addWidget(self.done_button)
        buttons.addStretch()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.explanation)
        splitter.setSizes([220, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.compliance_label)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.publication_button.clicked.connect(self.record_publication)
        self.done_button.clicked.connect(self.toggle_done)

    # -- showing ---------------------------------------------------------------------------
    def set_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected_row()
        if self.meeting_id is None:
            self.heading.setText("No meeting selected")
            self.compliance_label.clear()
            self.model.set_records([])
        else:
            today = self.today()
            found = self.services.deadlines.for_meeting(self.meeting_id, today)
            self.heading.setText(f"{found.committee.name}: {meeting_time(found.meeting.start)}")
            self.model.horizon = self.services.deadlines.horizon(today)
            self.model.set_records(found.rows)
            self._show_compliance(found.compliance)
            if self.model.rowCount():
                self.table.fit_columns(stretch=1)
        self.select_key(selected.key if selected else None)
        self._on_selection_changed()

    def _show_compliance(self, compliance) -> None:
        if compliance is None:
            self.compliance_label.setText("The agenda's publication has not been recorded yet.")
            self.compliance_label.setStyleSheet("")
            return
        when = meeting_time(compliance.publication.published_at.astimezone(LONDON))
        self.compliance_label.setText(f"Published {when}. {compliance.summary}")
        colour = COLOURS["done"] if compliance.met else COLOURS["overdue"]
        self.compliance_label.setStyleSheet(
            f"QLabel {{ background: {colour}; color: black; padding: 4px; }}")

    def selected_row(self):
        return self.table.selected_record()

    def select_key(self, key: str | None) -> None:
        for row, record in enumerate(self.model.records()):
            if record.key == key:
                self.table.select_row(row)
                return
        self.table.clearSelection()

    def _on_selection_changed(self, *_args) -> None:
        row = self.selected_row()
        self.explanation.setPlainText(row.explanation if row else "")
        self.publication_button.setEnabled(self.meeting_id is not None)
        self.done_button.setEnabled(row is not None and row.key not in PUBLICATION_KEYS)
        self.done_button.setText("Mark not &done" if row and row.status == "done"
                                 else "Mark &done")

    # -- actions ---------------------------------------------------------------------------
    def record_publication(self) -> None:
        if self.meeting_id is None:
            return
        compliance = RecordPublicationDialog.ask(self, self.services, self.meeting_id,
                                                 self.today())
        if compliance is not None:
            self.refresh()
            self.changed.emit(compliance.summary)

    def toggle_done(self) -> None:
        row = self.selected_row()
        if row is None or row.key in PUBLICATION_KEYS:
            return
        done = row.status != "done"
        try:
            self.services.deadlines.mark_done(self.meeting_id, row.key, done)
        except ClerkError as exc:
            error_dialog.show_error(self, exc)
            return
        self.refresh()
        self.changed.emit(f"{row.deadline.label}: {'done' if done else 'not done'}.")


class MeetingDeadlinesDialog(QDialog):
    """The panel on its own, opened from a dashboard line."""

    @classmethod
    def open_for(cls, parent: QWidget | None, services, today: Callable[[], date],
                 meeting_id: int) -> None:
        cls(services, today, meeting_id, parent).exec()

    def __init__(self, services, today, meeting_id: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Meeting deadlines")
        self.resize(820, 640)
        self.panel = MeetingDeadlinesPanel(services, today, self)
        self.panel.set_meeting(meeting_id)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)
