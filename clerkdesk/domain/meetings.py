"""Meetings of a committee."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from clerkdesk.domain.validation import Problems

LONDON = ZoneInfo("Europe/London")


class MeetingKind(StrEnum):
    ORDINARY = "ordinary"
    EXTRAORDINARY = "extraordinary"
    BUDGET = "budget"


class MeetingStatus(StrEnum):
    SCHEDULED = "scheduled"
    HELD = "held"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Meeting:
    id: int | None
    committee_id: int
    start: datetime  # timezone-aware, Europe/London
    end: datetime | None = None  # expected end
    venue: str = ""
    kind: MeetingKind = MeetingKind.ORDINARY
    status: MeetingStatus = MeetingStatus.SCHEDULED
    livestream_url: str = ""

    @property
    def date(self):
        return self.start.astimezone(LONDON).date()

    def validate(self) -> None:
        problems = Problems()
        if self.start.tzinfo is None:
            problems.add("The meeting start must carry its time zone (Europe/London).")
        if self.end is not None:
            if self.end.tzinfo is None:
                problems.add("The meeting end must carry its time zone (Europe/London).")
            elif self.start.tzinfo is not None and self.end <= self.start:
                problems.add(
                    f"The meeting ends ({self.end.astimezone(LONDON):%H:%M}) before it starts "
                    f"({self.start.astimezone(LONDON):%H:%M})."
                )
        if self.livestream_url and not self.livestream_url.startswith(("http://", "https://")):
            problems.add(
                f"The livestream address '{self.livestream_url}' must start with https://."
            )
        problems.raise_if_any()


def london_datetime(day, hour: int, minute: int = 0) -> datetime:
    """A wall-clock time in London on a given date (BST or GMT as the date requires)."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)
