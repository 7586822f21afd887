"""What the deadline service returns: plain, frozen results that keep the domain's
explanations, so every screen and command can show a deadline's working."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from clerkdesk.domain.calendar import format_uk_date
from clerkdesk.domain.committees import Committee
from clerkdesk.domain.deadline_rules import Deadline, DeadlineStatus
from clerkdesk.domain.deadlines import ClearDaysAchieved, plural
from clerkdesk.domain.meetings import Meeting
from clerkdesk.domain.publication import Publication

Bucket = Literal["overdue", "today", "soon"]


@dataclass(frozen=True)
class PublicationCompliance:
    """A recorded agenda publication checked against the committee's agenda period."""

    publication: Publication
    achieved: ClearDaysAchieved

    @property
    def met(self) -> bool:
        return bool(self.achieved.met)

    @property
    def shortfall(self) -> int:
        """How many clear days short of the requirement (0 when met)."""
        return max(0, (self.achieved.required or 0) - self.achieved.achieved)

    @property
    def summary(self) -> str:
        days = plural(self.achieved.achieved, "clear working day")
        if self.met:
            return f"Agenda published with {days}: the period is met."
        return f"Agenda published with {days}: {self.shortfall} short of the period."

    @property
    def explanation(self) -> str:
        return f"{self.summary}\n\n{self.achieved.explanation}"


@dataclass(frozen=True)
class DeadlineRow:
    meeting_id: int
    deadline: Deadline
    status: DeadlineStatus
    done_at: datetime | None = None  # when it was met (publication time or the clerk's mark)

    @property
    def key(self) -> str:
        return self.deadline.key

    @property
    def explanation(self) -> str:
        return self.deadline.explanation


@dataclass(frozen=True)
class MeetingDeadlines:
    meeting: Meeting
    committee: Committee
    rows: list[DeadlineRow]
    compliance: PublicationCompliance | None  # None until the agenda's publication is recorded


@dataclass(frozen=True)
class FlaggedAgenda:
    """A published agenda that no longer meets its period (rules.md §0 item 6)."""

    meeting: Meeting
    committee: Committee
    compliance: PublicationCompliance

    @property
    def message(self) -> str:
        return (f"{self.committee.name}, {format_uk_date(self.meeting.date)}: "
                f"{self.compliance.summary}")


@dataclass(frozen=True)
class DashboardRow:
    bucket: Bucket
    meeting: Meeting
    committee: Committee
    row: DeadlineRow


@dataclass(frozen=True)
class Calculation:
    """The deadline calculator's answer and its working."""

    answer: str
    due_date: date
    due_at: datetime | None
    explanation: str
