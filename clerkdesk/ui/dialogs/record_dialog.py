"""The base of every add/edit dialog: a form that saves through a service on OK.

A ClerkError from the service (a rule broken, a duplicate code ...) is shown with
``show_error`` and the dialog stays open with everything the clerk typed, so they can put
it right instead of starting again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from clerkdesk.errors import ClerkError
from clerkdesk.ui import error_dialog


class RecordDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.saved: Any = None
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)

    def _finish_layout(self) -> None:
        """Subclasses call this at the end of ``_build_ui``: the buttons go last."""
        self.body.addWidget(self.buttons)

    def value(self) -> Any:
        """The record as the fields describe it (not yet saved)."""
        raise NotImplementedError

    def _save(self, value: Any) -> Any:
        """Save through the service and return what it saved."""
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.saved = self._save(self.value())
        except ClerkError as exc:
            error_dialog.show_error(self, exc)
            return
        super().accept()

    def run(self) -> Any:
        """Show modally; the saved record, or None if the clerk cancelled."""
        return self.saved if self.exec() == QDialog.DialogCode.Accepted else None
