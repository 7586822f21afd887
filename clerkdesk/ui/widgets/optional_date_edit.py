"""A date that may be left unset: a date box with a checkbox such as "No end date"."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from clerkdesk.ui.formatting import from_qdate, to_qdate
from clerkdesk.ui.widgets.date_edits import date_edit


class OptionalDateEdit(QWidget):
    changed = Signal()

    def __init__(self, none_text: str, initial: date | None, fallback: date, parent=None):
        """``fallback`` fills the date box while the value is unset."""
        super().__init__(parent)
        self._build_ui(none_text)
        self._connect()
        self.set_value(initial, fallback)

    def _build_ui(self, none_text: str) -> None:
        self.date_edit = date_edit(date.today())
        self.none_check = QCheckBox(none_text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date_edit)
        layout.addWidget(self.none_check)

    def _connect(self) -> None:
        self.none_check.toggled.connect(self._on_none_check_toggled)
        self.date_edit.dateChanged.connect(self.changed)

    def _on_none_check_toggled(self, unset: bool) -> None:
        self.date_edit.setEnabled(not unset)
        self.changed.emit()

    def value(self) -> date | None:
        return None if self.none_check.isChecked() else from_qdate(self.date_edit.date())

    def set_value(self, value: date | None, fallback: date | None = None) -> None:
        shown = value or fallback
        if shown is not None:
            self.date_edit.setDate(to_qdate(shown))
        self.none_check.setChecked(value is None)
        self.date_edit.setEnabled(value is not None)
