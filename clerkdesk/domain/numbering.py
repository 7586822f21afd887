"""Minute numbers: which series a minute belongs to, the next free number, and duplicates.

Two schemes are seen in real minutes (domain.md §3.2, rules.md §7):

- running (Cambridgeshire): 211, 212 ... continuing across meetings and municipal years;
  the series may be restarted from a date (Cambridgeshire restarted once, probably at a new
  council term), and minutes of meetings before that date stay in the older series;
- reset each municipal year (Peterborough): 31-39 at the fourth meeting of 2020/21.

The committee's ``next_minute_number`` is the lowest number the next allocation may take
(for the reset scheme, the first number of each year). ClerkDesk never goes below the
highest number already used in the series plus one, so a number is never handed out twice.
A series is stored with each minute as a key, so changing the committee's scheme later
starts a new series instead of renumbering history.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from clerkdesk.domain.calendar import format_long_date
from clerkdesk.domain.committees import Committee, NumberingScheme
from clerkdesk.domain.municipal_year import year_containing
from clerkdesk.errors import ValidationError


@dataclass(frozen=True)
class NumberingSeries:
    committee_id: int
    scheme: NumberingScheme
    starts: date | None = None  # reset: the municipal year's start; running: a restart date

    @property
    def key(self) -> str:
        if self.scheme is NumberingScheme.RESET_EACH_YEAR:
            return f"{self.committee_id}:year:{self.starts.isoformat()}"
        if self.starts is None:
            return f"{self.committee_id}:running"
        return f"{self.committee_id}:running:{self.starts.isoformat()}"


def series_for(
    committee: Committee,
    meeting_date: date,
    year_starts: Iterable[date],
    running_restarted_on: date | None = None,
) -> NumberingSeries:
    """The series a minute of a meeting on ``meeting_date`` is numbered in."""
    if committee.numbering is NumberingScheme.RESET_EACH_YEAR:
        year = year_containing(meeting_date, tuple(year_starts))
        if year is None:
            raise ValidationError(
                f"{committee.name} numbers its minutes afresh each municipal year, but "
                f"{format_long_date(meeting_date)} is outside every recorded municipal "
                "year: record that year's start date (the annual meeting) first."
            )
        return NumberingSeries(committee.id, committee.numbering, year.start)
    if running_restarted_on is not None and meeting_date >= running_restarted_on:
        return NumberingSeries(committee.id, committee.numbering, running_restarted_on)
    return NumberingSeries(committee.id, committee.numbering)


def next_number(lowest_allowed: int, used: Iterable[int]) -> int:
    """The next number: above every number used in the series, and not below the setting."""
    highest = max(used, default=0)
    return max(lowest_allowed, highest + 1)


@dataclass(frozen=True)
class NumberHolder:
    """A minute that already holds a number, described so a clerk can find it."""

    minute_id: int
    number: int
    title: str
    meeting_date: date


def duplicate_message(number: int, holder: NumberHolder) -> str:
    return (
        f"Minute number {number} is already used by '{holder.title}' at the meeting on "
        f"{format_long_date(holder.meeting_date)}; choose another number."
    )


def check_manual_number(
    number: int, minute_id: int | None, holders: Iterable[NumberHolder]
) -> None:
    """Refuse a number below 1, or one another minute in the same series holds."""
    if number < 1:
        raise ValidationError("A minute number must be 1 or more.")
    for holder in holders:
        if holder.number == number and holder.minute_id != minute_id:
            raise ValidationError(duplicate_message(number, holder))
