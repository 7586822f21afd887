"""File ▸ Export: the meetings as an iCalendar file for Outlook, and everything as an
exchange file (a complete backup, with the documents beside it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from clerkdesk.errors import ClerkError
from clerkdesk.services.exchange_export import write_export
from clerkdesk.services.ical import write_ics
from clerkdesk.ui import error_dialog

ALL_COMMITTEES = "All committees"


def choose_committee_code(parent: QWidget, services) -> str | bool | None:
    """A committee's code, None for all committees, or False when the clerk cancels."""
    committees = services.committees.list()
    names = [ALL_COMMITTEES, *(f"{c.name} ({c.code})" for c in committees)]
    choice, accepted = QInputDialog.getItem(
        parent, "Export calendar", "Meetings of:", names, 0, False)
    if not accepted:
        return False
    if choice == ALL_COMMITTEES:
        return None
    return committees[names.index(choice) - 1].code


def ask_save_path(parent: QWidget, title: str, suggested: str, filter_text: str) -> Path | None:
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, filter_text)
    return Path(path) if path else None


def export_calendar(parent: QWidget, services) -> Path | None:
    code = choose_committee_code(parent, services)
    if code is False:
        return None
    stem = services.store.path.stem + (f"-{code}" if code else "")
    path = ask_save_path(parent, "Export meetings as a calendar", f"{stem}.ics",
                         "iCalendar files (*.ics)")
    if path is None:
        return None
    try:
        count = write_ics(services, path, committee_code=code)
    except ClerkError as exc:
        error_dialog.show_error(parent, exc)
        return None
    QMessageBox.information(parent, "Calendar exported",
                            f"{count} meetings written to {path}.\n"
                            "Open the file in Outlook to add them to a calendar.")
    return path


def export_everything(parent: QWidget, services) -> Path | None:
    path = ask_save_path(parent, "Export everything (exchange file)",
                         f"{services.store.path.stem}-export.json", "Exchange files (*.json)")
    if path is None:
        return None
    try:
        write_export(services, path)
    except ClerkError as exc:
        error_dialog.show_error(parent, exc)
        return None
    QMessageBox.information(
        parent, "Exported",
        f"Everything in this database was written to {path} (documents in the folder "
        "beside it).\nThe file contains personal data, including petition organisers' "
        "contact details: keep it as safely as the database itself.")
    return path
