"""Actions arising from minutes, their progress updates, and the committee's action log.

The shape follows the real Cambridgeshire logs (domain.md §7): each action names the
minute it arose from (number, item title, forward-plan reference), one or more officers
(a person, or a post such as "Democratic Services Officer"), the action text, dated progress
updates that accumulate in one cell ("01.07.19: ..."), a status that may be a target month,
and when it was completed. The log groups actions by meeting, carries open actions forward
and shows a closed action in a set number of logs after it closes before dropping it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from clerkdesk.domain.calendar import MONTH_NAMES, format_long_date
from clerkdesk.domain.validation import Problems
from clerkdesk.errors import ValidationError


@dataclass(frozen=True, order=True)
class Month:
    """A target month: the status "Expected completion date: September 2019"."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12 or not 1900 <= self.year <= 9999:
            raise ValidationError(f"{self.year}-{self.month:02d} is not a month")

    def __str__(self) -> str:
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"

    @property
    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @classmethod
    def parse(cls, text: str) -> Month:
        """'2019-09' or 'September 2019' (any case)."""
        cleaned = " ".join(str(text).split())
        if match := re.fullmatch(r"(\d{4})-(\d{1,2})", cleaned):
            return cls(int(match.group(1)), int(match.group(2)))
        names = [name.casefold() for name in MONTH_NAMES]
        parts = cleaned.casefold().split(" ")
        if len(parts) == 2 and parts[0] in names and parts[1].isdigit():
            return cls(int(parts[1]), names.index(parts[0]) + 1)
        raise ValidationError(f"'{text}' is not a month; write e.g. 'September 2019' or 2019-09")


class ActionStatus(StrEnum):
    """The values the seed logs use (domain.md §7, pitfall 7); the value is the log's text."""

    NOT_STATED = ""  # the seeds leave the status cell blank on new actions
    ON_GOING = "On-going"
    IN_PROGRESS = "In progress"
    EXPECTED = "Expected completion date"  # with a month
    COMPLETED = "Completed"
    NO_LONGER_REQUIRED = "No longer required"  # minute 207, 2019 (domain.md §7.1)

    @property
    def closes(self) -> bool:
        return self in CLOSING_STATUSES


CLOSING_STATUSES = frozenset({ActionStatus.COMPLETED, ActionStatus.NO_LONGER_REQUIRED})
OPEN_STATUSES = tuple(status for status in ActionStatus if status not in CLOSING_STATUSES)


@dataclass(frozen=True)
class Responsible:
    """One officer responsible for an action: a person on record, a post, or both.

    Minutes name the post and the log names the person (domain.md §3.5), so both are kept;
    the log prints the person's name when there is one.
    """

    person_id: int | None = None
    name: str = ""  # the person's name as the log prints it ("Helene Carr")
    post: str = ""  # "Head of Service – Children's Commissioning", or "TBA"

    @property
    def log_text(self) -> str:
        return self.name.strip() or self.post.strip()


@dataclass(frozen=True)
class ActionUpdate:
    """One dated progress note."""

    on: date
    text: str
    id: int | None = field(default=None, compare=False)

    @property
    def log_text(self) -> str:
        """'01.07.19: Legal advice awaited.' (Cambridgeshire style, domain.md §7.1)."""
        return f"{self.on:%d.%m.%y}: {self.text.strip()}"


@dataclass(frozen=True)
class Action:
    id: int | None
    committee_id: int
    raised_on: date  # the meeting's date, or the day a hand-made action was raised
    text: str
    meeting_id: int | None = None  # None for an action raised outside a meeting
    minute_id: int | None = None  # the minute record, once minutes are kept in ClerkDesk
    minute_number: str = ""  # as written: "139", or "129& 139" for two minutes in one row
    item_title: str = ""
    forward_plan_ref: str = ""  # e.g. "KD2018/064"
    responsible: tuple[Responsible, ...] = ()
    updates: tuple[ActionUpdate, ...] = ()
    status: ActionStatus = ActionStatus.NOT_STATED
    expected_completion: Month | None = None  # with status EXPECTED
    target_date: date | None = None
    completed_on: date | None = None  # the day a closing status was set
    position: int = 0  # order among the actions of one minute
    petition_id: int | None = None  # the petition it follows up, if any

    @property
    def is_closed(self) -> bool:
        return self.status.closes

    def closed_by(self, day: date) -> bool:
        return self.completed_on is not None and self.completed_on <= day

    @property
    def item_heading(self) -> str:
        """'Recommissioning of Young Carers Services ... (KD2018/064)'."""
        ref = f"({self.forward_plan_ref.strip()})" if self.forward_plan_ref.strip() else ""
        return " ".join(part for part in (self.item_title.strip(), ref) if part)

    @property
    def officers_text(self) -> str:
        """'Will Patten/ Oliver Hayward/ Richenda Greenhill' (the seed's separator)."""
        return "/ ".join(text for r in self.responsible if (text := r.log_text))

    @property
    def status_text(self) -> str:
        if self.status is ActionStatus.EXPECTED and self.expected_completion is not None:
            return f"{self.status.value}: {self.expected_completion}"
        return self.status.value

    def updates_until(self, day: date) -> tuple[ActionUpdate, ...]:
        return tuple(update for update in self.updates if update.on <= day)

    def progress_text(self, as_of: date | None = None) -> str:
        """Every update up to ``as_of`` in one cell, oldest first, as the seed log writes them."""
        shown = self.updates if as_of is None else self.updates_until(as_of)
        return " ".join(update.log_text for update in shown)

    @property
    def last_updated(self) -> date:
        """The latest day anything happened to the action: raised, updated or closed."""
        days = [self.raised_on, *(u.on for u in self.updates)]
        return max([*days, self.completed_on] if self.completed_on else days)

    def validate(self) -> None:
        problems = Problems()
        problems.require(self.text, "An action needs its text (what is to be done).")
        for number, officer in enumerate(self.responsible, start=1):
            if not officer.log_text:
                problems.add(f"Officer {number} of the action has neither a name nor a post.")
        for update in self.updates:
            problems.require(update.text, f"The progress update of {update.on:%d.%m.%y} is empty.")
        if self.status.closes and self.completed_on is None:
            problems.add(f"An action marked '{self.status.value}' needs the date it closed.")
        if not self.status.closes and self.completed_on is not None:
            problems.add("Only a completed (or no longer required) action has a completion date.")
        if self.status is ActionStatus.EXPECTED and self.expected_completion is None:
            problems.add("'Expected completion date' needs the month, e.g. September 2019.")
        if self.status is not ActionStatus.EXPECTED and self.expected_completion is not None:
            problems.add("An expected completion month goes with 'Expected completion date'.")
        if self.completed_on is not None and self.completed_on < self.raised_on:
            problems.add("An action cannot close before the day it was raised.")
        problems.raise_if_any()

    def warnings(self) -> list[str]:
        """Things a clerk should look at but may keep, as the real logs do (08.01.18 in a log
        of 2019 actions, domain.md §7.1)."""
        return [
            f"The update dated {u.on:%d.%m.%y} is earlier than the action "
            f"({self.raised_on:%d.%m.%y}); is the year right?"
            for u in self.updates
            if u.on < self.raised_on
        ]


# ----- changes to an action (each returns a new, validated Action) ---------------------------


def with_update(action: Action, on: date, text: str) -> Action:
    """The action with one more progress note, kept in date order."""
    if action.is_closed:
        raise ValidationError("This action is closed: reopen it before adding progress.")
    # A stable sort by date: notes written on the same day keep the order they were added.
    updates = sorted((*action.updates, ActionUpdate(on, text)), key=lambda u: u.on)
    changed = replace(action, updates=tuple(updates))
    changed.validate()
    return changed


def with_status(
    action: Action, status: ActionStatus, expected_completion: Month | None = None
) -> Action:
    """An open action's status changed to another open status."""
    status = ActionStatus(status)
    if status.closes:
        raise ValidationError(f"Use 'complete' to mark an action '{status.value}' with its date.")
    if action.is_closed:
        raise ValidationError("This action is closed: reopen it to change its status.")
    changed = replace(action, status=status, expected_completion=expected_completion)
    changed.validate()
    return changed


def completed(action: Action, on: date, status: ActionStatus = ActionStatus.COMPLETED) -> Action:
    status = ActionStatus(status)
    if not status.closes:
        raise ValidationError(f"'{status.value or 'blank'}' does not close an action.")
    if action.is_closed:
        raise ValidationError(
            f"This action was already closed on {format_long_date(action.completed_on)}."
        )
    changed = replace(action, status=status, completed_on=on, expected_completion=None)
    changed.validate()
    return changed


def reopened(action: Action, status: ActionStatus = ActionStatus.IN_PROGRESS) -> Action:
    if not action.is_closed:
        raise ValidationError("This action is open already.")
    if ActionStatus(status).closes:
        raise ValidationError("Reopen an action with an open status such as 'In progress'.")
    changed = replace(action, status=ActionStatus(status), completed_on=None)
    changed.validate()
    return changed
