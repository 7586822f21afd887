"""The committee's action log: which actions a log lists, grouped by meeting.

Open actions carry forward for as long as they are open; a closed action is shown in a set
number of logs after it closes and then drops off (domain.md §7.1, pitfall 7). The choice is
a pure function of the actions, the log's date and the dates of the logs issued before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from clerkdesk.domain.actions import Action, ActionStatus, ActionUpdate
from clerkdesk.domain.calendar import format_long_date
from clerkdesk.errors import ValidationError

# domain.md §7.1: "closed items are dropped after they have been reported once" (inference
# from the 2019 log: rows 218 and 220 shown once as Completed, older completed rows absent).
DEFAULT_LOGS_SHOWING_CLOSED = 1
LOGS_SHOWING_CLOSED_SOURCE = (
    "Cambridgeshire CYP action log of 5 June 2019 (seed 000 lines 322-355): completed actions "
    "are shown once and then dropped (domain.md §7.1, inference)"
)


@dataclass(frozen=True)
class ActionLogSettings:
    """How many logs a closed action appears in after it closes (0: drop at once)."""

    logs_showing_closed: int = DEFAULT_LOGS_SHOWING_CLOSED

    def validate(self) -> None:
        if isinstance(self.logs_showing_closed, bool) or not (
            isinstance(self.logs_showing_closed, int) and 0 <= self.logs_showing_closed <= 12
        ):
            raise ValidationError(
                "The number of logs that show a closed action must be a whole number 0-12."
            )


def in_log(
    action: Action, as_of: date, earlier_log_dates: Iterable[date], logs_showing_closed: int
) -> bool:
    """Whether the log dated ``as_of`` lists ``action``.

    Open actions carry forward for as long as they are open. A closed action is listed until
    ``logs_showing_closed`` logs dated on or after its closing day have been issued before
    this one; an action closed after ``as_of`` is still open in this log.
    """
    if action.raised_on > as_of:
        return False
    if not action.closed_by(as_of):
        return True
    already_reported = sum(1 for day in earlier_log_dates if action.completed_on <= day < as_of)
    return already_reported < logs_showing_closed


@dataclass(frozen=True)
class ActionLogRow:
    action: Action
    first_for_minute: bool  # False on continuation rows: minute number and title left blank
    updates: tuple[ActionUpdate, ...]  # those dated on or before the log date
    status_text: str

    @property
    def minute_number(self) -> str:
        return self.action.minute_number if self.first_for_minute else ""

    @property
    def item_heading(self) -> str:
        return self.action.item_heading if self.first_for_minute else ""

    @property
    def officers_text(self) -> str:
        return self.action.officers_text

    @property
    def progress_text(self) -> str:
        return " ".join(update.log_text for update in self.updates)


@dataclass(frozen=True)
class ActionLogGroup:
    meeting_id: int | None
    meeting_date: date | None  # None for actions raised outside meetings
    rows: tuple[ActionLogRow, ...]

    @property
    def heading(self) -> str:
        if self.meeting_date is None:
            return "Actions raised outside meetings"
        return f"Minutes of the meeting on {format_long_date(self.meeting_date)}"


@dataclass(frozen=True)
class ActionLog:
    committee_id: int
    as_of: date
    groups: tuple[ActionLogGroup, ...]
    # The latest day anything in the log happened (raised, updated, closed), never earlier
    # than any update it prints (the 2019 log said 5 June but printed 01.07.19 updates).
    last_updated: date | None

    @property
    def rows(self) -> list[ActionLogRow]:
        return [row for group in self.groups for row in group.rows]


def minute_sort_key(minute_number: str) -> tuple[int, str]:
    """'139.' and '129& 139' sort by their first number; numberless rows go last."""
    match = re.search(r"\d+", minute_number)
    return (int(match.group()) if match else 1 << 30, minute_number)


def status_as_of(action: Action, as_of: date) -> str:
    # An action closed after the log date was open then; its earlier status is not kept,
    # so the cell is left blank rather than showing something the clerk never wrote.
    if action.completed_on is not None and action.completed_on > as_of:
        return ActionStatus.NOT_STATED.value
    return action.status_text


def build_action_log(
    committee_id: int,
    actions: Sequence[Action],
    as_of: date,
    earlier_log_dates: Iterable[date] = (),
    logs_showing_closed: int = DEFAULT_LOGS_SHOWING_CLOSED,
) -> ActionLog:
    """The log dated ``as_of``: actions grouped by meeting (oldest first), then by minute.

    ``earlier_log_dates`` are the dates of logs already issued to the committee; they decide
    when a closed action has been reported enough times to drop off.
    """
    earlier = tuple(earlier_log_dates)
    chosen = [a for a in actions if in_log(a, as_of, earlier, logs_showing_closed)]

    def order(action: Action):
        meeting_key = (action.meeting_id is None, action.raised_on, action.meeting_id or 0)
        minute_key = minute_sort_key(action.minute_number)
        return (*meeting_key, *minute_key, action.position, action.id or 0)

    groups: list[ActionLogGroup] = []
    rows: list[ActionLogRow] = []
    previous: Action | None = None
    for action in sorted(chosen, key=order):
        new_group = previous is None or _group_key(action) != _group_key(previous)
        if new_group and rows:
            groups.append(_group(previous, rows))
            rows = []
        same_minute = not new_group and (
            (action.minute_number, action.item_heading)
            == (previous.minute_number, previous.item_heading)
        )
        rows.append(
            ActionLogRow(
                action, not same_minute, action.updates_until(as_of), status_as_of(action, as_of)
            )
        )
        previous = action
    if rows:
        groups.append(_group(previous, rows))
    days = [_shown_last_updated(row, as_of) for group in groups for row in group.rows]
    return ActionLog(committee_id, as_of, tuple(groups), max(days, default=None))


def _group_key(action: Action) -> tuple:
    # One group per meeting; every action raised outside a meeting shares the last group.
    return (action.meeting_id, action.raised_on) if action.meeting_id is not None else (None,)


def _group(action: Action, rows: list[ActionLogRow]) -> ActionLogGroup:
    meeting_date = action.raised_on if action.meeting_id is not None else None
    return ActionLogGroup(action.meeting_id, meeting_date, tuple(rows))


def _shown_last_updated(row: ActionLogRow, as_of: date) -> date:
    days = [row.action.raised_on, *(update.on for update in row.updates)]
    if row.action.closed_by(as_of):
        days.append(row.action.completed_on)
    return max(days)
