"""Municipal years.

A municipal year runs from the council's annual meeting (usually in May) to the day before
the next one. The date moves every year (election years especially), so the clerk records
each year's start; the software never guesses it. Until the next start is recorded, the
latest year is taken to run for twelve months at most, so that a date far in the future is
reported as outside any recorded year instead of silently belonging to an old one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class MunicipalYear:
    start: date
    end: date  # inclusive

    @property
    def label(self) -> str:
        return f"{self.start.year}/{(self.start.year + 1) % 100:02d}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def _anniversary_eve(start: date) -> date:
    try:
        anniversary = start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        anniversary = start.replace(year=start.year + 1, day=28) + timedelta(days=1)
    return anniversary - timedelta(days=1)


def municipal_years(starts: list[date] | tuple[date, ...]) -> list[MunicipalYear]:
    """Turn the recorded start dates into years, each ending the day before the next."""
    ordered = sorted(set(starts))
    years = []
    for index, start in enumerate(ordered):
        if index + 1 < len(ordered):
            end = min(ordered[index + 1] - timedelta(days=1), _anniversary_eve(start))
        else:
            end = _anniversary_eve(start)
        years.append(MunicipalYear(start, end))
    return years


def year_containing(day: date, starts: list[date] | tuple[date, ...]) -> MunicipalYear | None:
    for year in municipal_years(starts):
        if year.contains(day):
            return year
    return None
