"""The working calendar: which days count as working days for the statutory clock.

A working day is Monday to Friday, excluding the bank holidays and common-law holidays of
England and Wales (rules.md §0 item 2, §6.1), plus the council's own local closure days.

Three separate, labelled lists feed the calendar, because a clerk must be able to see why a
day was skipped and because they change for different reasons (rules.md §6.3):

* bank holidays from the ``holidays`` package for the chosen jurisdiction;
* *extra holidays*: one-off bank holidays announced after the installed package was built
  (the 2022 State Funeral was announced nine days ahead, rules.md §0 item 6);
* *local closures*: days the council's offices are shut (24 Dec, 27-31 Dec), which are not
  bank holidays and are never mixed into the statutory list (rules.md §6.3 item 7).

The calendar is immutable: changing a list returns a new calendar, so callers can keep the
old one and recompute deadlines to compare (rules.md §0 item 6).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from types import MappingProxyType

import holidays

from clerkdesk.errors import ValidationError

logger = logging.getLogger(__name__)

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# The years the installed holidays package has data for. Outside them every weekday would
# silently look like a working day, so we refuse rather than guess.
FIRST_SUPPORTED_YEAR: int = holidays.GB.start_year
LAST_SUPPORTED_YEAR: int = holidays.GB.end_year


# Dates are spelled from these tables, never with strftime's %A/%B/%-d: Qt switches the C
# locale to the user's (a French Windows would print "juillet"), and %-d fails on Windows.
def weekday_name(day: date) -> str:
    return WEEKDAY_NAMES[day.weekday()]


def format_long_date(day: date, *, zero_pad: bool = False) -> str:
    """'11 September 2018' (or '01 December 2017' with ``zero_pad``)."""
    number = f"{day.day:02d}" if zero_pad else str(day.day)
    return f"{number} {MONTH_NAMES[day.month - 1]} {day.year}"


def format_uk_date(day: date) -> str:
    """'Monday 1 July 2019': spelled out so it cannot be misread, and locale-independent."""
    return f"{weekday_name(day)} {format_long_date(day)}"


class Jurisdiction(StrEnum):
    """Which nation's rules and bank holidays apply. England unless a Wales profile is chosen
    explicitly (rules.md §1.1 "Jurisdiction", Appendix A item 10)."""

    ENGLAND = "england"
    WALES = "wales"

    @property
    def holidays_subdivision(self) -> str:
        # Without a subdivision the package drops Easter Monday and the August bank holiday
        # (rules.md §6.3 item 1).
        return {Jurisdiction.ENGLAND: "ENG", Jurisdiction.WALES: "WLS"}[self]

    @property
    def display_name(self) -> str:
        return {Jurisdiction.ENGLAND: "England", Jurisdiction.WALES: "Wales"}[self]


@dataclass(frozen=True)
class LocalClosure:
    """A day the council's offices are closed that is not a bank holiday."""

    date: date
    label: str

    def __post_init__(self) -> None:
        _check_labelled_day(self.date, self.label, "local closure")


@dataclass(frozen=True)
class ExtraHoliday:
    """A bank holiday the installed ``holidays`` package does not know about yet."""

    date: date
    label: str

    def __post_init__(self) -> None:
        _check_labelled_day(self.date, self.label, "extra bank holiday")


def _check_labelled_day(day: object, label: object, what: str) -> None:
    if not isinstance(day, date):
        raise ValidationError(f"A {what} needs a date, not {day!r}")
    if not isinstance(label, str) or not label.strip():
        raise ValidationError(f"The {what} on {format_uk_date(day)} needs a label")


def check_supported_date(day: date) -> None:
    """Refuse dates the bank-holiday data does not cover."""
    if not FIRST_SUPPORTED_YEAR <= day.year <= LAST_SUPPORTED_YEAR:
        raise ValidationError(
            f"{day.isoformat()} is outside the years the bank-holiday calendar covers "
            f"({FIRST_SUPPORTED_YEAR}-{LAST_SUPPORTED_YEAR})"
        )


@lru_cache(maxsize=512)
def _package_bank_holidays(subdivision: str, year: int) -> Mapping[date, str]:
    """Bank holidays for one year, as the package lists them (weekend entries included).

    Cached per year so years are expanded lazily as deadlines reach into them; the result
    is read-only because it is shared between calendars.
    """
    logger.debug("Loading %s bank holidays for %d", subdivision, year)
    listed = holidays.country_holidays("GB", subdiv=subdivision, years=year)
    return MappingProxyType({day: name for day, name in listed.items() if day.year == year})


@dataclass(frozen=True)
class WorkingCalendar:
    """Working days for one council: bank holidays, extra holidays and local closures.

    ``ignored_bank_holidays`` lists package dates to treat as ordinary days. It exists to
    replay a calendar as an older package saw it (for example before the 2022 State Funeral
    was announced) and to correct a package error until an update arrives.
    """

    jurisdiction: Jurisdiction = Jurisdiction.ENGLAND
    local_closures: tuple[LocalClosure, ...] = ()
    extra_holidays: tuple[ExtraHoliday, ...] = ()
    ignored_bank_holidays: frozenset[date] = frozenset()
    _closure_labels: Mapping[date, str] = field(init=False, repr=False, compare=False)
    _extra_labels: Mapping[date, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Accept lists from callers but keep the stored state immutable and ordered.
        closures = tuple(sorted(self.local_closures, key=lambda c: c.date))
        extras = tuple(sorted(self.extra_holidays, key=lambda e: e.date))
        object.__setattr__(self, "jurisdiction", Jurisdiction(self.jurisdiction))
        object.__setattr__(self, "local_closures", closures)
        object.__setattr__(self, "extra_holidays", extras)
        object.__setattr__(self, "ignored_bank_holidays", frozenset(self.ignored_bank_holidays))
        object.__setattr__(self, "_closure_labels", _labels_by_date(closures, "local closure"))
        object.__setattr__(self, "_extra_labels", _labels_by_date(extras, "extra bank holiday"))

    # ----- what kind of day is this -------------------------------------------------------

    def bank_holiday_name(self, day: date) -> str | None:
        """The bank holiday on ``day`` (package or extra), or None. Weekend entries included."""
        check_supported_date(day)
        if day in self._extra_labels:
            return f"{self._extra_labels[day]} (added locally)"
        if day in self.ignored_bank_holidays:
            return None
        return _package_bank_holidays(self.jurisdiction.holidays_subdivision, day.year).get(day)

    def local_closure_label(self, day: date) -> str | None:
        return self._closure_labels.get(day)

    def why_not_working(self, day: date) -> str | None:
        """Why ``day`` is not a working day, or None if it is one."""
        check_supported_date(day)
        if day.weekday() >= 5:
            return WEEKDAY_NAMES[day.weekday()]
        holiday = self.bank_holiday_name(day)
        if holiday is not None:
            return f"bank holiday: {holiday}"
        closure = self.local_closure_label(day)
        if closure is not None:
            return f"local closure: {closure}"
        return None

    def is_working_day(self, day: date) -> bool:
        return self.why_not_working(day) is None

    def bank_holidays(self, start: date, end: date) -> list[tuple[date, str]]:
        """Weekday bank holidays from ``start`` to ``end`` inclusive, for listing.

        Weekend entries (a Sunday Christmas Day beside its Tuesday substitute) are left out,
        as GOV.UK does (rules.md §6.3 item 2); they are not working days anyway.
        """
        found = []
        for day in _days(start, end):
            name = self.bank_holiday_name(day) if day.weekday() < 5 else None
            if name is not None:
                found.append((day, name))
        return found

    # ----- moving between working days ----------------------------------------------------

    def latest_working_day_on_or_before(self, day: date) -> date:
        while not self.is_working_day(day):
            day -= timedelta(days=1)
        return day

    def first_working_day_on_or_after(self, day: date) -> date:
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def walk_working_days(
        self, start: date, step: int, count: int
    ) -> tuple[list[date], list[tuple[date, str]]]:
        """Step from ``start`` (inclusive) a day at a time, forwards (step 1) or back (-1),
        until ``count`` working days are found. Returns them and the non-working days passed
        with the reason for each, both in the order walked."""
        found: list[date] = []
        passed: list[tuple[date, str]] = []
        day = start
        while len(found) < count:
            reason = self.why_not_working(day)
            if reason is None:
                found.append(day)
            else:
                passed.append((day, reason))
            day += timedelta(days=step)
        return found, passed

    def working_days_strictly_between(self, earlier: date, later: date) -> int:
        """How many working days lie strictly between two dates (0 if none or reversed)."""
        return sum(
            1
            for day in _days(earlier + timedelta(days=1), later - timedelta(days=1))
            if self.is_working_day(day)
        )

    # ----- changed copies (for "recompute when the calendar changes") ----------------------

    def with_extra_holiday(self, day: date, label: str) -> WorkingCalendar:
        return replace(self, extra_holidays=(*self.extra_holidays, ExtraHoliday(day, label)))

    def without_extra_holidays(self) -> WorkingCalendar:
        return replace(self, extra_holidays=())

    def with_local_closures(self, closures: Iterable[LocalClosure]) -> WorkingCalendar:
        return replace(self, local_closures=tuple(closures))

    def statutory_only(self) -> WorkingCalendar:
        """The same calendar without the council's local closures."""
        return replace(self, local_closures=())

    # ----- plain-dict form, for the settings table and the exchange file -------------------

    def to_dict(self) -> dict:
        return {
            "jurisdiction": self.jurisdiction.value,
            "local_closures": [
                {"date": c.date.isoformat(), "label": c.label} for c in self.local_closures
            ],
            "extra_holidays": [
                {"date": e.date.isoformat(), "label": e.label} for e in self.extra_holidays
            ],
            "ignored_bank_holidays": sorted(d.isoformat() for d in self.ignored_bank_holidays),
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> WorkingCalendar:
        try:
            return cls(
                jurisdiction=Jurisdiction(data.get("jurisdiction", Jurisdiction.ENGLAND)),
                local_closures=tuple(
                    LocalClosure(date.fromisoformat(c["date"]), c["label"])
                    for c in data.get("local_closures", ())
                ),
                extra_holidays=tuple(
                    ExtraHoliday(date.fromisoformat(e["date"]), e["label"])
                    for e in data.get("extra_holidays", ())
                ),
                ignored_bank_holidays=frozenset(
                    date.fromisoformat(d) for d in data.get("ignored_bank_holidays", ())
                ),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError(f"The working calendar settings are not valid: {exc}") from exc


def _labels_by_date(entries: tuple, what: str) -> Mapping[date, str]:
    labels: dict[date, str] = {}
    for entry in entries:
        if entry.date in labels:
            raise ValidationError(f"There are two {what} entries for {format_uk_date(entry.date)}")
        labels[entry.date] = entry.label.strip()
    return MappingProxyType(labels)


def _days(start: date, end: date) -> Iterator[date]:
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)
