"""Date and time boxes in the one UK format ClerkDesk shows everywhere."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QDateEdit, QTimeEdit

from clerkdesk.ui.formatting import QT_DATE_FORMAT, to_qdate


def date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(QT_DATE_FORMAT)
    return edit


def time_edit(value: QTime) -> QTimeEdit:
    edit = QTimeEdit(value)
    edit.setDisplayFormat("HH:mm")
    return edit
