"""Date and time boxes in the one UK format ClerkDesk shows everywhere."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QDateEdit, QSizePolicy, QTimeEdit

from clerkdesk.ui.formatting import QT_DATE_FORMAT, to_qdate

# Dates and times keep their natural width: stretched across a form they look like text.
FIXED = (QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)


def date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(QT_DATE_FORMAT)
    edit.setSizePolicy(*FIXED)
    return edit


def time_edit(value: QTime) -> QTimeEdit:
    edit = QTimeEdit(value)
    edit.setDisplayFormat("HH:mm")
    edit.setSizePolicy(*FIXED)
    return edit
