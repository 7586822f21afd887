"""Date primitives for the statutory clock (rules.md §0), each returning a result that
explains itself: the rule, its source, the date(s) reached and every day counted or skipped.

Every function takes the ``WorkingCalendar`` to count on, so the same call made with an old
and a new calendar shows what a newly announced bank holiday changed (rules.md §0 item 6).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Self
from zoneinfo import ZoneInfo

from clerkdesk.domain.calendar import WorkingCalendar, check_supported_date, format_uk_date
from clerkdesk.errors import ValidationError

LONDON = ZoneInfo("Europe/London")

# Ten years of days: far beyond any real notice period, small enough to stay fast.
MAX_DAYS = 3660

DayNote = tuple[date, str]

CLEAR_DAYS_SOURCE = (
    "Clear days exclude both the day of publication and the day of the meeting: "
    "R v Herefordshire Justices (1820), applied in R v Swansea City Council, ex p Elitestone "
    "Ltd (CA, 1993)"
)
WORKING_DAY_SOURCE = (
    "Working days are Monday to Friday except bank holidays in England and Wales "
    "(Banking and Financial Dealings Act 1971 Sch 1 and proclamations)"
)


class Reading(StrEnum):
    """How 'clear days' are counted. Statute does not say (rules.md §1.2)."""

    WORKING = "working"
    CALENDAR = "calendar"


def check_day_count(days: object, *, minimum: int = 0) -> int:
    """Refuse a negative, absurd or non-whole number of days with a message a clerk can act on."""
    if isinstance(days, bool) or not isinstance(days, int):
        raise ValidationError(f"The number of days must be a whole number, not {days!r}")
    if not minimum <= days <= MAX_DAYS:
        raise ValidationError(
            f"The number of days must be between {minimum} and {MAX_DAYS}, not {days}"
        )
    return days


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _clear_days(
    calendar: WorkingCalendar, anchor: date, step: int, days: int, reading: Reading
) -> tuple[date, list[date], tuple[DayNote, ...], str]:
    """N clear days next to ``anchor`` (the meeting, or a publication), going back (step -1)
    or forwards (+1). Returns the first day beyond them, the clear days, the days skipped
    and the unit counted."""
    if reading is Reading.WORKING:
        found, passed = calendar.walk_working_days(anchor + timedelta(days=step), step, days)
        beyond = (found[-1] if found else anchor) + timedelta(days=step)
        return beyond, found, tuple(sorted(passed)), "clear working day"
    clear = [anchor + timedelta(days=step * i) for i in range(1, days + 1)]
    return anchor + timedelta(days=step * (days + 1)), clear, (), "clear day"


def _numbered(
    calendar: WorkingCalendar, days: list[date], unit: str, *, back_from_meeting: bool = False
) -> tuple[DayNote, ...]:
    """Days in date order, numbered 1..N (from the meeting backwards if asked), each saying
    why it is not a working day if so."""
    ordered = sorted(days)
    notes = []
    for index, day in enumerate(ordered):
        number = len(ordered) - index if back_from_meeting else index + 1
        reason = calendar.why_not_working(day)
        notes.append((day, f"{unit} {number}" + (f" ({reason})" if reason else "")))
    return tuple(notes)


def _day_lines(title: str, notes: tuple[DayNote, ...]) -> list[str]:
    if not notes:
        return []
    return [f"{title}:"] + [f"  {format_uk_date(day)}: {note}" for day, note in notes]


@dataclass(frozen=True)
class _Explained:
    """Shared shape of every result: what rule, from where, and which days were looked at."""

    rule: str
    source: str
    counted: tuple[DayNote, ...]
    skipped: tuple[DayNote, ...]

    def cited(self, rule: str, source: str) -> Self:
        """The same result worded as a council's own rule, with that rule's citation."""
        return replace(self, rule=rule, source=source)

    def _frame(self) -> tuple[list[str], list[str]]:
        """Lines before the day lists (the starting point) and after them (the result)."""
        raise NotImplementedError

    @property
    def explanation(self) -> str:
        """Readable multi-line text: rule, source, days counted and skipped, the result."""
        start, result = self._frame()
        lines = [f"Rule: {self.rule}", f"Source: {self.source}", *start]
        lines += _day_lines("Counted", self.counted) + _day_lines("Skipped", self.skipped)
        return "\n".join(lines + result)


def _moved_line(reached: date, working: date) -> list[str]:
    if reached == working:
        return []
    which = "latest working day to despatch" if working < reached else "first working day"
    moved = f"so the {which} is {format_uk_date(working)}"
    return [f"{format_uk_date(reached)} is not a working day, {moved}"]


# ----- N clear days before a meeting (rules.md §0 item 1) -------------------------------------
@dataclass(frozen=True)
class ClearDaysBefore(_Explained):
    meeting_date: date
    days: int
    reading: Reading
    latest_publication: date  # may be a weekend or holiday (rules.md §6.4)
    latest_working_day: date  # the last working day on or before latest_publication

    def _frame(self) -> tuple[list[str], list[str]]:
        start = [f"Meeting (not counted): {format_uk_date(self.meeting_date)}"]
        result = [f"Latest publication date: {format_uk_date(self.latest_publication)}"]
        return start, result + _moved_line(self.latest_publication, self.latest_working_day)


def clear_days_before(
    meeting_date: date,
    days: int,
    calendar: WorkingCalendar,
    reading: Reading | str = Reading.WORKING,
) -> ClearDaysBefore:
    """The latest publication date leaving ``days`` clear days before the meeting."""
    check_day_count(days)
    check_supported_date(meeting_date)
    reading = Reading(reading)
    # Count back N (working) days from the day before the meeting; publication may be no
    # later than the day before the earliest of them.
    latest_publication, counted_days, skipped, unit = _clear_days(
        calendar, meeting_date, -1, days, reading
    )
    return ClearDaysBefore(
        rule=f"{plural(days, unit)} before the meeting",
        source=CLEAR_DAYS_SOURCE,
        counted=_numbered(calendar, counted_days, unit),
        skipped=skipped,
        meeting_date=meeting_date,
        days=days,
        reading=reading,
        latest_publication=latest_publication,
        latest_working_day=calendar.latest_working_day_on_or_before(latest_publication),
    )


@dataclass(frozen=True)
class ClearDaysReadings:
    """Both readings of 'N clear days', shown side by side (rules.md §1.2)."""

    working: ClearDaysBefore
    calendar: ClearDaysBefore

    @property
    def summary(self) -> str:
        return (
            f"Latest publication: {format_uk_date(self.working.latest_publication)} "
            f"({plural(self.working.days, 'clear working day')}). Calendar reading would allow "
            f"{format_uk_date(self.calendar.latest_publication)}."
        )

    @property
    def explanation(self) -> str:
        return "\n\n".join([self.summary, self.working.explanation, self.calendar.explanation])


def clear_days_before_both_readings(
    meeting_date: date, days: int, calendar: WorkingCalendar
) -> ClearDaysReadings:
    return ClearDaysReadings(
        working=clear_days_before(meeting_date, days, calendar, Reading.WORKING),
        calendar=clear_days_before(meeting_date, days, calendar, Reading.CALENDAR),
    )


# ----- within N working days after an event (rules.md §0 item 3) -----------------------------
@dataclass(frozen=True)
class WorkingDaysAfter(_Explained):
    event_date: date
    days: int
    due_date: date  # due by the end of this day

    def _frame(self) -> tuple[list[str], list[str]]:
        start = [f"Event (not counted): {format_uk_date(self.event_date)}"]
        return start, [f"Due by the end of: {format_uk_date(self.due_date)}"]


def working_days_after(
    event_date: date,
    days: int,
    calendar: WorkingCalendar,
) -> WorkingDaysAfter:
    """'Within N working days after E': E excluded, due by the end of the Nth working day."""
    check_day_count(days, minimum=1)
    check_supported_date(event_date)
    found, passed = calendar.walk_working_days(event_date + timedelta(days=1), 1, days)
    return WorkingDaysAfter(
        rule=f"within {plural(days, 'working day')} after the event (event day excluded)",
        source=WORKING_DAY_SOURCE,
        counted=_numbered(calendar, found, "working day"),
        skipped=tuple(passed),
        event_date=event_date,
        days=days,
        due_date=found[-1],
    )


# ----- N working days before a meeting, at a time (rules.md §0 item 4) -----------------------
@dataclass(frozen=True)
class WorkingDaysBefore(_Explained):
    meeting_date: date
    days: int
    due_date: date
    time_of_day: time | None

    @property
    def due_at(self) -> datetime | None:
        """The cut-off as Europe/London local time (GMT or BST as the date requires)."""
        if self.time_of_day is None:
            return None
        return datetime.combine(self.due_date, self.time_of_day, tzinfo=LONDON)

    def _frame(self) -> tuple[list[str], list[str]]:
        start = [f"Meeting (not counted): {format_uk_date(self.meeting_date)}"]
        due_at = self.due_at
        if due_at is None:
            return start, [f"Cut-off day: {format_uk_date(self.due_date)}"]
        at = f"{due_at:%H:%M} on {format_uk_date(self.due_date)} (UK time, {due_at.tzname()})"
        return start, [f"Cut-off: {at}"]


def working_days_before_at(
    meeting_date: date,
    days: int,
    time_of_day: time | None,
    calendar: WorkingCalendar,
) -> WorkingDaysBefore:
    """'By HH:MM N working days before the meeting': the Nth working day counting back from
    the day before the meeting, at ``time_of_day`` Europe/London."""
    check_day_count(days, minimum=1)
    check_supported_date(meeting_date)
    if time_of_day is not None and time_of_day.tzinfo is not None:
        raise ValidationError("Give the cut-off time as UK local time, without a time zone")
    found, passed = calendar.walk_working_days(meeting_date - timedelta(days=1), -1, days)
    at = f" at {time_of_day:%H:%M}" if time_of_day is not None else ""
    return WorkingDaysBefore(
        rule=f"{plural(days, 'working day')} before the meeting{at}",
        source=WORKING_DAY_SOURCE,
        counted=_numbered(calendar, found, "working day", back_from_meeting=True),
        skipped=tuple(sorted(passed)),
        meeting_date=meeting_date,
        days=days,
        due_date=found[-1],
        time_of_day=time_of_day,
    )


# ----- N clear days after a publication (rules.md §2, Forward Plan) ---------------------------
@dataclass(frozen=True)
class ClearDaysAfter(_Explained):
    publication_date: date
    days: int
    reading: Reading
    earliest_date: date  # the first day after the N clear days; may be a weekend
    first_working_day: date  # the first working day on or after earliest_date

    def _frame(self) -> tuple[list[str], list[str]]:
        start = [f"Published (not counted): {format_uk_date(self.publication_date)}"]
        result = [f"Earliest date: {format_uk_date(self.earliest_date)}"]
        return start, result + _moved_line(self.earliest_date, self.first_working_day)


def clear_days_after(
    publication_date: date,
    days: int,
    calendar: WorkingCalendar,
    reading: Reading | str = Reading.CALENDAR,
) -> ClearDaysAfter:
    """The earliest date with ``days`` clear days between it and the publication date."""
    check_day_count(days)
    check_supported_date(publication_date)
    reading = Reading(reading)
    earliest, counted_days, skipped, unit = _clear_days(
        calendar, publication_date, 1, days, reading
    )
    return ClearDaysAfter(
        rule=f"{plural(days, unit)} after publication",
        source=CLEAR_DAYS_SOURCE,
        counted=_numbered(calendar, counted_days, unit),
        skipped=skipped,
        publication_date=publication_date,
        days=days,
        reading=reading,
        earliest_date=earliest,
        first_working_day=calendar.first_working_day_on_or_after(earliest),
    )


# ----- clear days actually achieved (rules.md §0 item 7) --------------------------------------
@dataclass(frozen=True)
class ClearDaysAchieved:
    publication_date: date
    published_at: datetime | None  # Europe/London, when a time was recorded
    meeting_date: date
    clear_calendar_days: int
    clear_working_days: int
    required: int | None
    reading: Reading
    skipped: tuple[DayNote, ...]  # non-working days strictly between publication and meeting

    @property
    def achieved(self) -> int:
        """The clear days achieved on the reading the requirement uses."""
        working = self.reading is Reading.WORKING
        return self.clear_working_days if working else self.clear_calendar_days

    @property
    def met(self) -> bool | None:
        return None if self.required is None else self.achieved >= self.required

    @property
    def explanation(self) -> str:
        when = format_uk_date(self.publication_date)
        if self.published_at is not None:
            when = f"{self.published_at:%H:%M} on {when}"
        lines = [
            f"Published: {when}",
            f"Meeting: {format_uk_date(self.meeting_date)}",
            f"Clear calendar days: {self.clear_calendar_days}",
            f"Clear working days: {self.clear_working_days}",
            *_day_lines("Not working days", self.skipped),
        ]
        if self.required is not None:
            unit = "clear working day" if self.reading is Reading.WORKING else "clear day"
            verdict = "met" if self.met else "NOT met"
            lines.append(f"Requirement of {plural(self.required, unit)}: {verdict}")
        return "\n".join(lines)


def clear_days_achieved(
    published_at: datetime | date,
    meeting_date: date,
    calendar: WorkingCalendar,
    required: int | None = None,
    reading: Reading | str = Reading.WORKING,
) -> ClearDaysAchieved:
    """Clear calendar and working days between a real publication and the meeting."""
    if required is not None:
        check_day_count(required)
    check_supported_date(meeting_date)
    stamp: datetime | None = None
    publication_date = published_at
    if isinstance(published_at, datetime):
        # A naive time is taken as UK local time; an aware one is converted to it, so that
        # 23:30 UTC during BST counts as the next day in the council's offices.
        if published_at.tzinfo is None:
            stamp = published_at.replace(tzinfo=LONDON)
        else:
            stamp = published_at.astimezone(LONDON)
        publication_date = stamp.date()
    check_supported_date(publication_date)
    gap = (meeting_date - publication_date).days - 1
    between = [publication_date + timedelta(days=i) for i in range(1, gap + 1)]
    skipped = tuple((d, r) for d in between if (r := calendar.why_not_working(d)) is not None)
    return ClearDaysAchieved(
        publication_date=publication_date,
        published_at=stamp,
        meeting_date=meeting_date,
        clear_calendar_days=len(between),
        clear_working_days=len(between) - len(skipped),
        required=required,
        reading=Reading(reading),
        skipped=skipped,
    )
