"""The working calendar: England and Wales bank holidays, extra holidays, local closures."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from clerkdesk.domain.calendar import (
    ExtraHoliday,
    Jurisdiction,
    LocalClosure,
    WorkingCalendar,
    format_uk_date,
)
from clerkdesk.errors import ValidationError

ENGLAND = WorkingCalendar()

# rules.md §6.1: England and Wales weekday bank holidays 2018-2027 (GOV.UK and holidays 0.109
# agree), written out by hand so the test does not trust the package it checks.
WEEKDAY_BANK_HOLIDAYS = {
    2018: "01-01 03-30 04-02 05-07 05-28 08-27 12-25 12-26",
    2019: "01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26",
    2020: "01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28",
    2021: "01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28",
    2022: "01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27",
    2023: "01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26",
    2024: "01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26",
    2025: "01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26",
    2026: "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28",
    2027: "01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28",
}


def expected_holidays(year: int) -> list[date]:
    return [date.fromisoformat(f"{year}-{md}") for md in WEEKDAY_BANK_HOLIDAYS[year].split()]


@pytest.mark.parametrize("year", sorted(WEEKDAY_BANK_HOLIDAYS))
def test_weekday_bank_holidays_match_the_published_table(year):
    listed = ENGLAND.bank_holidays(date(year, 1, 1), date(year, 12, 31))
    assert [day for day, _ in listed] == expected_holidays(year)


@pytest.mark.parametrize("year", range(2018, 2026))
def test_wales_has_the_same_bank_holidays_as_england(year):
    wales = WorkingCalendar(jurisdiction=Jurisdiction.WALES)
    start, end = date(year, 1, 1), date(year, 12, 31)
    assert wales.bank_holidays(start, end) == ENGLAND.bank_holidays(start, end)
    assert Jurisdiction.WALES.holidays_subdivision == "WLS"


@pytest.mark.parametrize(
    "day", [date(2022, 5, 30), date(2020, 5, 4), date(1990, 5, 1), date(2023, 5, 2)]
)
def test_moved_holidays_left_ordinary_working_days(day):
    # rules.md Appendix A item 4: the usual Mondays were working days in 2020 and 2022.
    assert ENGLAND.is_working_day(day)
    assert ENGLAND.why_not_working(day) is None


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2022, 6, 2), "Spring Bank Holiday"),
        (date(2022, 6, 3), "Platinum Jubilee of Elizabeth II"),
        (date(2020, 5, 8), "May Day"),
        (date(2022, 9, 19), "State Funeral of Queen Elizabeth II"),
        (date(2023, 5, 8), "Coronation of Charles III"),
        (date(2024, 4, 1), "Easter Monday"),  # missing without subdiv (rules.md §6.3 item 1)
        (date(2024, 8, 26), "Late Summer Bank Holiday"),
        (date(2022, 12, 27), "Christmas Day (observed)"),  # observed days kept (§6.3 item 3)
    ],
)
def test_bank_holidays_are_not_working_days(day, name):
    assert not ENGLAND.is_working_day(day)
    assert ENGLAND.why_not_working(day) == f"bank holiday: {name}"


def test_weekends_say_which_day_they_are():
    assert ENGLAND.why_not_working(date(2019, 7, 6)) == "Saturday"
    assert ENGLAND.why_not_working(date(2019, 7, 7)) == "Sunday"
    # A Sunday Christmas Day is listed by the package but is simply a Sunday for counting.
    assert ENGLAND.why_not_working(date(2022, 12, 25)) == "Sunday"
    assert ENGLAND.bank_holiday_name(date(2022, 12, 25)) == "Christmas Day"


def test_listing_leaves_out_weekend_entries():
    listed = dict(ENGLAND.bank_holidays(date(2022, 1, 1), date(2022, 12, 31)))
    assert date(2022, 1, 1) not in listed and date(2022, 12, 25) not in listed
    assert listed[date(2022, 1, 3)] == "New Year's Day (observed)"


def test_years_are_expanded_lazily_far_apart():
    assert ENGLAND.why_not_working(date(1990, 5, 7)) == "bank holiday: May Day"
    assert ENGLAND.why_not_working(date(2099, 12, 25)) == "bank holiday: Christmas Day"
    assert ENGLAND.is_working_day(date(2099, 12, 29))


@pytest.mark.parametrize("day", [date(1871, 12, 29), date(2101, 1, 3)])
def test_dates_outside_the_holiday_data_are_refused(day):
    with pytest.raises(ValidationError, match="outside the years"):
        ENGLAND.is_working_day(day)


def test_local_closures_are_labelled_and_kept_apart_from_bank_holidays():
    closures = [
        LocalClosure(date(2024, 12, 24), "Christmas Eve office closure"),
        LocalClosure(date(2024, 12, 27), "Christmas office closure"),
    ]
    council = ENGLAND.with_local_closures(closures)
    assert council.why_not_working(date(2024, 12, 27)) == "local closure: Christmas office closure"
    assert council.local_closure_label(date(2024, 12, 24)) == "Christmas Eve office closure"
    assert council.bank_holiday_name(date(2024, 12, 27)) is None
    listed = council.bank_holidays(date(2024, 12, 1), date(2024, 12, 31))
    assert [day for day, _ in listed] == [date(2024, 12, 25), date(2024, 12, 26)]
    assert council.statutory_only() == ENGLAND
    assert council.statutory_only().is_working_day(date(2024, 12, 27))


def test_an_extra_holiday_is_added_to_a_new_calendar_only():
    stale = WorkingCalendar(ignored_bank_holidays=frozenset({date(2022, 9, 19)}))
    assert stale.is_working_day(date(2022, 9, 19))  # as a build frozen before 10 Sep 2022 saw it
    updated = stale.with_extra_holiday(date(2022, 9, 19), "State Funeral")
    assert (
        updated.why_not_working(date(2022, 9, 19)) == "bank holiday: State Funeral (added locally)"
    )
    assert stale.is_working_day(date(2022, 9, 19))  # the old calendar is unchanged
    assert updated.without_extra_holidays() == stale
    assert updated.extra_holidays == (ExtraHoliday(date(2022, 9, 19), "State Funeral"),)


def test_working_days_strictly_between_excludes_both_ends():
    assert ENGLAND.working_days_strictly_between(date(2019, 7, 1), date(2019, 7, 9)) == 5
    assert ENGLAND.working_days_strictly_between(date(2019, 7, 9), date(2019, 7, 1)) == 0
    assert ENGLAND.working_days_strictly_between(date(2019, 7, 8), date(2019, 7, 9)) == 0


def test_nearest_working_days():
    assert ENGLAND.latest_working_day_on_or_before(date(2020, 5, 17)) == date(2020, 5, 15)
    assert ENGLAND.latest_working_day_on_or_before(date(2020, 5, 15)) == date(2020, 5, 15)
    assert ENGLAND.first_working_day_on_or_after(date(2021, 7, 31)) == date(2021, 8, 2)
    assert ENGLAND.first_working_day_on_or_after(date(2020, 12, 25)) == date(2020, 12, 29)


def test_walk_working_days_reports_what_it_passed():
    found, passed = ENGLAND.walk_working_days(date(2020, 5, 25), -1, 2)
    assert found == [date(2020, 5, 22), date(2020, 5, 21)]
    assert passed == [
        (date(2020, 5, 25), "bank holiday: Spring Bank Holiday"),
        (date(2020, 5, 24), "Sunday"),
        (date(2020, 5, 23), "Saturday"),
    ]


def test_calendar_round_trips_through_a_plain_dict():
    council = WorkingCalendar(
        jurisdiction=Jurisdiction.WALES,
        local_closures=[LocalClosure(date(2024, 12, 24), "Christmas Eve")],
        extra_holidays=[ExtraHoliday(date(2030, 6, 7), "Royal occasion")],
        ignored_bank_holidays=frozenset({date(2022, 9, 19)}),
    )
    data = council.to_dict()
    assert data["jurisdiction"] == "wales"
    assert data["local_closures"] == [{"date": "2024-12-24", "label": "Christmas Eve"}]
    assert WorkingCalendar.from_dict(data) == council
    assert hash(WorkingCalendar.from_dict(data)) == hash(council)


@pytest.mark.parametrize(
    "data",
    [
        {"jurisdiction": "scotland"},
        {"local_closures": [{"date": "2024-02-30", "label": "x"}]},
        {"extra_holidays": [{"date": "2024-06-03"}]},
    ],
)
def test_bad_calendar_settings_are_a_validation_error(data):
    with pytest.raises(ValidationError):
        WorkingCalendar.from_dict(data)


def test_closures_need_a_label_and_no_duplicates():
    with pytest.raises(ValidationError, match="needs a label"):
        LocalClosure(date(2024, 12, 24), "  ")
    twice = [LocalClosure(date(2024, 12, 24), "a"), LocalClosure(date(2024, 12, 24), "b")]
    with pytest.raises(ValidationError, match="two local closure entries"):
        WorkingCalendar(local_closures=twice)


def test_the_calendar_is_immutable():
    with pytest.raises(dataclasses.FrozenInstanceError):
        ENGLAND.jurisdiction = Jurisdiction.WALES  # type: ignore[misc]
    closures = [LocalClosure(date(2024, 12, 24), "Christmas Eve")]
    council = WorkingCalendar(local_closures=closures)
    closures.append(LocalClosure(date(2024, 12, 27), "later"))
    assert len(council.local_closures) == 1


def test_uk_date_format():
    assert format_uk_date(date(2019, 7, 1)) == "Monday 1 July 2019"
    assert format_uk_date(date(2020, 12, 25)) == "Friday 25 December 2020"
