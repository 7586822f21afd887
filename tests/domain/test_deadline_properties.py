"""Invariants of the date primitives, checked on many generated dates (hypothesis)."""

from __future__ import annotations

from datetime import date, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from clerkdesk.domain.calendar import LocalClosure, WorkingCalendar
from clerkdesk.domain.deadlines import (
    LONDON,
    clear_days_achieved,
    clear_days_after,
    clear_days_before,
    working_days_after,
    working_days_before_at,
)

ENGLAND = WorkingCalendar()
# A council that also closes its offices between Christmas and New Year, so the properties
# hold with local closures in the calendar too.
WITH_CLOSURES = ENGLAND.with_local_closures(
    LocalClosure(date(year, 12, day), "Christmas office closure")
    for year in range(1988, 2063)
    for day in (24, 29, 30, 31)
    if date(year, 12, day).weekday() < 5
)

dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
periods = st.integers(min_value=0, max_value=40)
positive_periods = st.integers(min_value=1, max_value=40)
calendars = st.sampled_from([ENGLAND, WITH_CLOSURES])
fast = settings(max_examples=200, deadline=None)


def days_strictly_between(earlier, later):
    day = earlier + timedelta(days=1)
    while day < later:
        yield day
        day += timedelta(days=1)


@fast
@given(meeting=dates, n=periods, calendar=calendars)
def test_latest_publication_leaves_exactly_n_clear_working_days(meeting, n, calendar):
    result = clear_days_before(meeting, n, calendar)
    p = result.latest_publication
    assert calendar.working_days_strictly_between(p, meeting) == n
    assert calendar.working_days_strictly_between(p + timedelta(days=1), meeting) < n or n == 0
    assert len(result.counted) == n


@fast
@given(meeting=dates, n=periods, calendar=calendars)
def test_latest_despatch_day_is_the_last_working_day_on_or_before_publication(meeting, n, calendar):
    for reading in ("working", "calendar"):
        result = clear_days_before(meeting, n, calendar, reading)
        despatch, p = result.latest_working_day, result.latest_publication
        assert despatch <= p and calendar.is_working_day(despatch)
        assert all(
            not calendar.is_working_day(day)
            for day in days_strictly_between(despatch, p + timedelta(days=1))
        )


@fast
@given(meeting=dates, n=periods)
def test_calendar_reading_leaves_exactly_n_calendar_days(meeting, n):
    result = clear_days_before(meeting, n, ENGLAND, "calendar")
    assert (meeting - result.latest_publication).days - 1 == n
    achieved = clear_days_achieved(result.latest_publication, meeting, ENGLAND, n, "calendar")
    assert achieved.clear_calendar_days == n and achieved.met


@fast
@given(meeting=dates, n=periods, calendar=calendars)
def test_the_working_reading_is_never_later_than_the_calendar_reading(meeting, n, calendar):
    working = clear_days_before(meeting, n, calendar, "working")
    calendar_reading = clear_days_before(meeting, n, calendar, "calendar")
    assert working.latest_publication <= calendar_reading.latest_publication


@fast
@given(meeting=dates, n=periods, calendar=calendars)
def test_achieved_agrees_with_the_latest_date_and_one_day_later_falls_short(meeting, n, calendar):
    p = clear_days_before(meeting, n, calendar).latest_publication
    on_time = clear_days_achieved(p, meeting, calendar, required=n)
    assert on_time.clear_working_days == n and on_time.met
    if n > 0:
        late = clear_days_achieved(p + timedelta(days=1), meeting, calendar, required=n)
        assert late.clear_working_days == n - 1 and late.met is False


@fast
@given(event=dates, n=positive_periods, calendar=calendars)
def test_working_days_after_lands_on_the_nth_working_day(event, n, calendar):
    result = working_days_after(event, n, calendar)
    assert result.due_date > event
    assert calendar.is_working_day(result.due_date)
    assert calendar.working_days_strictly_between(event, result.due_date) == n - 1
    assert all(not calendar.is_working_day(day) for day, _ in result.skipped)


@fast
@given(meeting=dates, n=positive_periods, hour=st.integers(0, 23), calendar=calendars)
def test_working_days_before_at_is_the_nth_working_day_back(meeting, n, hour, calendar):
    result = working_days_before_at(meeting, n, time(hour, 0), calendar)
    assert result.due_date < meeting and calendar.is_working_day(result.due_date)
    assert calendar.working_days_strictly_between(result.due_date, meeting) == n - 1
    assert result.due_at.tzinfo is LONDON
    assert result.due_at.utcoffset() in (timedelta(0), timedelta(hours=1))
    assert (result.due_at.hour, result.due_at.date()) == (hour, result.due_date)


@fast
@given(published=dates, n=periods, calendar=calendars)
def test_clear_days_after_leaves_exactly_n_days(published, n, calendar):
    by_calendar = clear_days_after(published, n, calendar, "calendar")
    assert (by_calendar.earliest_date - published).days - 1 == n
    by_working = clear_days_after(published, n, calendar, "working")
    assert calendar.working_days_strictly_between(published, by_working.earliest_date) == n
    for result in (by_calendar, by_working):
        first = result.first_working_day
        assert first >= result.earliest_date and calendar.is_working_day(first)
        assert (
            calendar.working_days_strictly_between(result.earliest_date - timedelta(1), first) == 0
        )


@fast
@given(meeting=dates, n=periods, extra=dates)
def test_a_new_bank_holiday_never_makes_a_deadline_later(meeting, n, extra):
    before = clear_days_before(meeting, n, ENGLAND)
    after = clear_days_before(meeting, n, ENGLAND.with_extra_holiday(extra, "Announced"))
    assert after.latest_publication <= before.latest_publication
    assert after.latest_working_day <= before.latest_working_day
    later_due = working_days_after(meeting, max(n, 1), ENGLAND.with_extra_holiday(extra, "x"))
    assert later_due.due_date >= working_days_after(meeting, max(n, 1), ENGLAND).due_date
