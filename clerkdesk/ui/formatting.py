"""How the GUI writes dates, times and terms: UK style, the same on every machine.

Day and month names come from the domain's own tables (``domain/calendar.py``) rather
than ``strftime("%a")``, because Qt switches the C locale to the user's on start-up and a
clerk's machine set to another language would otherwise print "Di 09 Jul".
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QTime

from clerkdesk.domain.calendar import MONTH_NAMES, WEEKDAY_NAMES
from clerkdesk.domain.meetings import LONDON

DAY_ABBREVIATIONS = tuple(name[:3] for name in WEEKDAY_NAMES)
MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)
# The display format for QDateEdit widgets, matching short_date().
QT_DATE_FORMAT = "dd MMM yyyy"


def short_date(day: date) -> str:
    """ "09 Jul 2019"."""
    return f"{day.day:02d} {MONTH_ABBREVIATIONS[day.month - 1]} {day.year}"


def weekday_date(day: date) -> str:
    """ "Tue 09 Jul 2019"."""
    return f"{DAY_ABBREVIATIONS[day.weekday()]} {short_date(day)}"


def meeting_time(moment: datetime) -> str:
    """ "Tue 09 Jul 2019 14:00", on the London wall clock whatever zone it was stored in."""
    local = moment.astimezone(LONDON)
    return f"{weekday_date(local.date())} {local:%H:%M}"


def term_text(start: date, end: date | None) -> str:
    """ "14 May 2019 – 11 May 2020", or "from 14 May 2019" while it has no end date."""
    if end is None:
        return f"from {short_date(start)}"
    return f"{short_date(start)} – {short_date(end)}"


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def from_qtime(value: QTime) -> tuple[int, int]:
    return value.hour(), value.minute()
