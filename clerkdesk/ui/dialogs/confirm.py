"""Asking before deleting, naming the record and everything that goes with it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from clerkdesk.errors import ClerkError
from clerkdesk.ui import error_dialog


def ask_delete(parent: QWidget | None, record_label: str, consequences: list[str]) -> bool:
    """True if the clerk confirms. Cancel is the default, so Enter never deletes."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Delete")
    box.setText(f"Delete {record_label}?")
    details = ""
    if consequences:
        lines = "\n".join(f"• {item}" for item in consequences)
        details = f"This also deletes:\n{lines}\n\n"
    box.setInformativeText(details + "This cannot be undone.")
    delete_button = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
    cancel_button = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel_button)
    box.exec()
    return box.clickedButton() is delete_button


def delete_with_confirmation(
    parent: QWidget | None,
    record_label: str,
    consequences: list[str],
    delete: Callable[[], None],
) -> bool:
    """Ask, then delete; a refusal from the service is shown. True if it was deleted."""
    if not ask_delete(parent, record_label, consequences):
        return False
    try:
        delete()
    except ClerkError as exc:
        error_dialog.show_error(parent, exc)
        return False
    return True
