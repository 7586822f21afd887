"""Whether something with a due date is done, overdue, due soon or not yet due.

Shared by petition clocks and action target dates so that every dashboard list uses one
meaning of "due soon": due within the next N working days, today included (rules.md §5
"Dashboard": overdue and "due in ≤2 working days" lists).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from clerkdesk.domain.calendar import WorkingCalendar
from clerkdesk.domain.deadlines import working_days_after

DEFAULT_DUE_SOON_WORKING_DAYS = 2  # rules.md §5 "Dashboard"


class DueState(StrEnum):
    DONE = "done"
    OVERDUE = "overdue"
    DUE_SOON = "due soon"
    NOT_YET_DUE = "not yet due"
    NO_DUE_DATE = "no due date"  # the clock has not started, or there is no such clock

    @property
    def needs_attention(self) -> bool:
        return self in (DueState.OVERDUE, DueState.DUE_SOON)


def due_state(
    due: date | None,
    today: date,
    calendar: WorkingCalendar,
    *,
    done: bool = False,
    due_soon_working_days: int = DEFAULT_DUE_SOON_WORKING_DAYS,
) -> DueState:
    """Overdue the day after the due day (a deadline runs to the end of its day); due soon
    when the due day is today or within the next ``due_soon_working_days`` working days."""
    if done:
        return DueState.DONE
    if due is None:
        return DueState.NO_DUE_DATE
    if today > due:
        return DueState.OVERDUE
    if due == today:
        return DueState.DUE_SOON
    if due_soon_working_days > 0:
        horizon = working_days_after(today, due_soon_working_days, calendar).due_date
        if due <= horizon:
            return DueState.DUE_SOON
    return DueState.NOT_YET_DUE
