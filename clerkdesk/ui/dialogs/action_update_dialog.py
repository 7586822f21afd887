"""A progress update on an action: the text has the focus and Enter saves, so from the
Actions page an update takes U, the words, and Enter. It is dated today unless changed."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from clerkdesk.domain.actions import Action
from clerkdesk.ui.dialogs.record_dialog import RecordDialog
from clerkdesk.ui.formatting import from_qdate
from clerkdesk.ui.widgets.date_edits import date_edit


class ActionUpdateDialog(RecordDialog):
    @classmethod
    def ask(cls, parent: QWidget | None, services, action: Action, today: date):
        """The action with the update added, or None if the clerk cancelled."""
        return cls(services, action, today, parent).run()

    def __init__(self, services, action: Action, today: date, parent=None):
        super().__init__("Add a progress update", parent)
        self.services = services
        self.action = action
        self._build_ui(today)

    def _build_ui(self, today: date) -> None:
        about = QLabel(self._describe(self.action))
        about.setWordWrap(True)
        self.date_edit = date_edit(today)
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText("What has happened, e.g. Legal advice awaited.")
        self.text_edit.setMinimumWidth(460)
        self.form.addRow(about)
        self.form.addRow("&Update", self.text_edit)
        self.form.addRow("&Dated", self.date_edit)
        self._finish_layout()
        self.text_edit.setFocus()

    @staticmethod
    def _describe(action: Action) -> str:
        minute = f"Minute {action.minute_number}: " if action.minute_number else ""
        return f"{minute}{action.text}"

    def value(self) -> tuple[date, str]:
        return from_qdate(self.date_edit.date()), self.text_edit.text()

    def _save(self, value: tuple[date, str]) -> Action:
        on, text = value
        return self.services.actions.add_update(self.action.id, on, text)
