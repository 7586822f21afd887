"""Date primitives against every worked example in rules.md §0, §2, §6.3-§6.6."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from clerkdesk.domain.calendar import LocalClosure, WorkingCalendar
from clerkdesk.domain.deadlines import (
    LONDON,
    Reading,
    clear_days_achieved,
    clear_days_after,
    clear_days_before,
    clear_days_before_both_readings,
    working_days_after,
    working_days_before_at,
)
from clerkdesk.errors import ValidationError

ENGLAND = WorkingCalendar()
FUNERAL = date(2022, 9, 19)
# The calendar as a package built before the State Funeral was announced saw it.
BEFORE_FUNERAL_ANNOUNCED = WorkingCalendar(ignored_bank_holidays=frozenset({FUNERAL}))


def d(text: str) -> date:
    return date.fromisoformat(text)


# rules.md §6.4: meeting, A (working reading: latest date, latest despatch working day),
# B (calendar reading: latest date, latest working day).
FIVE_CLEAR_DAYS = [
    ("2019-07-09", "2019-07-01", "2019-07-01", "2019-07-03", "2019-07-03"),
    ("2019-04-23", "2019-04-11", "2019-04-11", "2019-04-17", "2019-04-17"),
    ("2020-04-21", "2020-04-13", "2020-04-09", "2020-04-15", "2020-04-15"),
    ("2020-12-30", "2020-12-20", "2020-12-18", "2020-12-24", "2020-12-24"),
    ("2022-09-20", "2022-09-11", "2022-09-09", "2022-09-14", "2022-09-14"),
    ("2023-05-09", "2023-04-27", "2023-04-27", "2023-05-03", "2023-05-03"),
    ("2020-05-26", "2020-05-17", "2020-05-15", "2020-05-20", "2020-05-20"),
]


@pytest.mark.parametrize(("meeting", "a", "a_despatch", "b", "b_working"), FIVE_CLEAR_DAYS)
def test_five_clear_days_both_readings(meeting, a, a_despatch, b, b_working):
    both = clear_days_before_both_readings(d(meeting), 5, ENGLAND)
    assert both.working.latest_publication == d(a)
    assert both.working.latest_working_day == d(a_despatch)
    assert both.calendar.latest_publication == d(b)
    assert both.calendar.latest_working_day == d(b_working)
    assert both.working.reading is Reading.WORKING and both.calendar.reading is Reading.CALENDAR


def test_both_readings_are_shown_in_one_sentence():
    both = clear_days_before_both_readings(d("2019-07-09"), 5, ENGLAND)
    assert both.summary == (
        "Latest publication: Monday 1 July 2019 (5 clear working days). "
        "Calendar reading would allow Wednesday 3 July 2019."
    )
    assert both.explanation.startswith(both.summary)


def test_nine_july_2019_explains_itself():
    result = clear_days_before(d("2019-07-09"), 5, ENGLAND)
    assert [day for day, _ in result.counted] == [
        d("2019-07-02"),
        d("2019-07-03"),
        d("2019-07-04"),
        d("2019-07-05"),
        d("2019-07-08"),
    ]  # rules.md: 2,3,4,5 and 8 July
    assert result.skipped == ((d("2019-07-06"), "Saturday"), (d("2019-07-07"), "Sunday"))
    text = result.explanation
    assert "Rule: 5 clear working days before the meeting" in text
    assert "Elitestone" in text
    assert "Meeting (not counted): Tuesday 9 July 2019" in text
    assert "Monday 8 July 2019: clear working day 5" in text
    assert "Latest publication date: Monday 1 July 2019" in text


def test_a_weekend_publication_date_names_the_despatch_day():
    result = clear_days_before(d("2020-05-26"), 5, ENGLAND)
    assert (d("2020-05-25"), "bank holiday: Spring Bank Holiday") in result.skipped
    assert (
        "Sunday 17 May 2020 is not a working day, so the latest working day to despatch is "
        "Friday 15 May 2020"
    ) in result.explanation


def test_calendar_reading_notes_non_working_clear_days():
    result = clear_days_before(d("2020-05-26"), 5, ENGLAND, "calendar")
    assert result.counted[-1] == (
        d("2020-05-25"),
        "clear day 5 (bank holiday: Spring Bank Holiday)",
    )
    assert result.skipped == ()


def test_tuesday_2_july_2019_is_neither_reading():
    # rules.md Appendix A item 2: 6 clear calendar days but only 4 clear working days.
    achieved = clear_days_achieved(d("2019-07-02"), d("2019-07-09"), ENGLAND, required=5)
    assert (achieved.clear_calendar_days, achieved.clear_working_days) == (6, 4)
    assert achieved.met is False


def test_elitestone():
    # rules.md §1.2 and §6.4: published Thu 26 Apr 1990, met Tue 1 May 1990.
    working = clear_days_achieved(d("1990-04-26"), d("1990-05-01"), ENGLAND, required=3)
    assert working.clear_calendar_days == 4
    assert working.clear_working_days == 2
    assert working.met is False
    calendar = clear_days_achieved(d("1990-04-26"), d("1990-05-01"), ENGLAND, 3, "calendar")
    assert calendar.met is True  # "three clear days" is met only on the calendar reading
    # The digest's "1st May had been a public holiday" is not borne out by the calendar.
    assert ENGLAND.is_working_day(d("1990-05-01"))
    assert "Requirement of 3 clear working days: NOT met" in working.explanation


def test_other_internal_deadlines_from_section_6_4():
    assert clear_days_before(d("2019-07-09"), 7, ENGLAND).latest_working_day == d("2019-06-27")
    assert clear_days_before(d("2020-05-26"), 7, ENGLAND).latest_working_day == d("2020-05-13")
    # Seed 001: six clear working days, Spring bank holiday Mon 29 May 2017 skipped.
    assert clear_days_before(d("2017-06-06"), 6, ENGLAND).latest_working_day == d("2017-05-25")


def test_rule_based_calendar_pitfalls_section_6_3():
    # Tue 7 Jun 2022: a rule-based despatch of Fri 27 May leaves only 4 clear working days.
    assert clear_days_achieved(d("2022-05-27"), d("2022-06-07"), ENGLAND).clear_working_days == 4
    assert clear_days_before(d("2022-06-07"), 5, ENGLAND).latest_working_day == d("2022-05-26")
    # Wed 10 May 2023: rule-based gives Tue 2 May; the correct answer is Fri 28 Apr.
    assert clear_days_before(d("2023-05-10"), 5, ENGLAND).latest_working_day == d("2023-04-28")


def test_recompute_when_the_state_funeral_was_announced():
    # rules.md §0 item 6: meeting Wed 21 Sep 2022, despatch planned for Tue 13 Sep.
    updated = BEFORE_FUNERAL_ANNOUNCED.with_extra_holiday(FUNERAL, "State Funeral")
    before = clear_days_achieved(d("2022-09-13"), d("2022-09-21"), BEFORE_FUNERAL_ANNOUNCED, 5)
    after = clear_days_achieved(d("2022-09-13"), d("2022-09-21"), updated, 5)
    assert (before.clear_working_days, before.met) == (5, True)
    assert (after.clear_working_days, after.met) == (4, False)
    assert (FUNERAL, "bank holiday: State Funeral (added locally)") in after.skipped
    # The current package already knows the day: it agrees with the updated calendar.
    assert clear_days_achieved(d("2022-09-13"), d("2022-09-21"), ENGLAND).clear_working_days == 4
    # rules.md §6.4 row 13: Tue 20 Sep 2022 was Mon 12 Sep before the announcement.
    assert clear_days_before(d("2022-09-20"), 5, BEFORE_FUNERAL_ANNOUNCED).latest_publication == (
        d("2022-09-12")
    )
    assert clear_days_before(d("2022-09-20"), 5, updated).latest_working_day == d("2022-09-09")


# rules.md §6.5: "within 10 working days", event day excluded.
WITHIN_TEN_WORKING_DAYS = [
    ("2019-07-09", "2019-07-23"),
    ("2019-05-21", "2019-06-05"),  # seed 000 petition
    ("2016-02-09", "2016-02-23"),  # seed 001 petition
    ("2022-04-14", "2022-05-03"),  # Maundy Thursday
    ("2022-09-12", "2022-09-27"),  # before the funeral
]


@pytest.mark.parametrize(("event", "due"), WITHIN_TEN_WORKING_DAYS)
def test_within_ten_working_days(event, due):
    result = working_days_after(d(event), 10, ENGLAND)
    assert result.due_date == d(due)
    assert len(result.counted) == 10 and result.counted[-1] == (d(due), "working day 10")


def test_within_ten_working_days_on_the_stale_calendar():
    # The "rule-based calendar" column of §6.5 row 9: without the funeral day, Mon 26 Sep.
    stale = working_days_after(d("2022-09-12"), 10, BEFORE_FUNERAL_ANNOUNCED)
    assert stale.due_date == d("2022-09-26")


def test_petition_explanation_names_the_skipped_bank_holiday():
    text = working_days_after(d("2019-05-21"), 10, ENGLAND).explanation
    assert "Event (not counted): Tuesday 21 May 2019" in text
    assert "Monday 27 May 2019: bank holiday: Spring Bank Holiday" in text
    assert "Due by the end of: Wednesday 5 June 2019" in text


@pytest.mark.parametrize(
    ("meeting", "cutoff"),
    [
        ("2019-07-09", datetime(2019, 7, 4, 12, 0, tzinfo=LONDON)),
        ("2016-03-08", datetime(2016, 3, 3, 12, 0, tzinfo=LONDON)),
    ],
)
def test_noon_three_working_days_before(meeting, cutoff):
    # rules.md §6.6
    result = working_days_before_at(d(meeting), 3, time(12, 0), ENGLAND)
    assert result.due_date == cutoff.date()
    assert result.due_at == cutoff


def test_cutoff_is_british_summer_time_aware():
    summer = working_days_before_at(d("2019-07-09"), 3, time(12), ENGLAND)
    winter = working_days_before_at(d("2016-03-08"), 3, time(12), ENGLAND)
    assert summer.due_at.isoformat() == "2019-07-04T12:00:00+01:00"
    assert winter.due_at.isoformat() == "2016-03-03T12:00:00+00:00"
    assert summer.due_at.astimezone(UTC).hour == 11
    assert "Cut-off: 12:00 on Thursday 4 July 2019 (UK time, BST)" in summer.explanation
    assert "Thursday 4 July 2019: working day 3" in summer.explanation


def test_working_days_before_without_a_time():
    result = working_days_before_at(d("2019-07-09"), 3, None, ENGLAND)
    assert result.due_date == d("2019-07-04") and result.due_at is None
    assert "Cut-off day: Thursday 4 July 2019" in result.explanation


def test_forward_plan_28_clear_days_peterborough():
    # rules.md §1.2: published Fri 2 Jul 2021 -> Sat 31 Jul; first working day Mon 2 Aug.
    result = clear_days_after(d("2021-07-02"), 28, ENGLAND)
    assert result.reading is Reading.CALENDAR
    assert result.earliest_date == d("2021-07-31")
    assert result.first_working_day == d("2021-08-02")
    assert "the first working day is Monday 2 August 2021" in result.explanation


def test_clear_working_days_after():
    result = clear_days_after(d("2021-07-02"), 3, ENGLAND, "working")
    assert [day for day, _ in result.counted] == [d("2021-07-05"), d("2021-07-06"), d("2021-07-07")]
    assert result.earliest_date == d("2021-07-08") == result.first_working_day


def test_zero_clear_days():
    assert clear_days_before(d("2019-07-09"), 0, ENGLAND).latest_publication == d("2019-07-08")
    assert clear_days_before(d("2019-07-09"), 0, ENGLAND, "calendar").latest_publication == (
        d("2019-07-08")
    )
    assert clear_days_after(d("2019-07-09"), 0, ENGLAND, "working").earliest_date == d("2019-07-10")


def test_local_closures_move_deadlines_and_say_why():
    closed = ENGLAND.with_local_closures([LocalClosure(d("2019-07-05"), "Staff training day")])
    result = clear_days_before(d("2019-07-09"), 5, closed)
    assert result.latest_publication == d("2019-06-30")  # a Sunday
    assert result.latest_working_day == d("2019-06-28")
    assert (d("2019-07-05"), "local closure: Staff training day") in result.skipped


def test_publication_time_is_read_in_uk_time():
    # 23:30 UTC on 1 Jul 2019 is 00:30 BST on 2 Jul: only 4 clear working days remain.
    late = clear_days_achieved(
        datetime(2019, 7, 1, 23, 30, tzinfo=UTC), d("2019-07-09"), ENGLAND, required=5
    )
    assert late.publication_date == d("2019-07-02")
    assert late.published_at == datetime(2019, 7, 2, 0, 30, tzinfo=LONDON)
    assert (late.clear_working_days, late.met) == (4, False)
    naive = clear_days_achieved(datetime(2019, 7, 1, 16, 45), d("2019-07-09"), ENGLAND, 5)
    assert naive.met is True and naive.published_at.tzinfo is LONDON
    assert "Published: 16:45 on Monday 1 July 2019" in naive.explanation


def test_publication_on_or_after_the_meeting_achieves_nothing():
    for published in (d("2019-07-08"), d("2019-07-09"), d("2019-07-10")):
        result = clear_days_achieved(published, d("2019-07-09"), ENGLAND, required=0)
        assert (result.clear_calendar_days, result.clear_working_days) == (0, 0)
    assert clear_days_achieved(d("2019-07-08"), d("2019-07-09"), ENGLAND).met is None


def test_a_result_can_be_cited_as_a_council_rule():
    result = clear_days_before(d("2019-07-09"), 5, ENGLAND).cited("Agenda published", "s.100B")
    assert result.rule == "Agenda published" and result.source == "s.100B"
    assert result.explanation.startswith("Rule: Agenda published\nSource: s.100B\n")


@pytest.mark.parametrize("days", [-1, 3661, 10**9, 2.5, True, "5"])
def test_nonsense_day_counts_are_refused(days):
    with pytest.raises(ValidationError, match="number of days"):
        clear_days_before(d("2019-07-09"), days, ENGLAND)
    with pytest.raises(ValidationError, match="number of days"):
        clear_days_after(d("2019-07-09"), days, ENGLAND)


def test_nth_working_day_rules_need_at_least_one_day():
    with pytest.raises(ValidationError, match="between 1 and 3660, not 0"):
        working_days_after(d("2019-07-09"), 0, ENGLAND)
    with pytest.raises(ValidationError, match="between 1 and 3660"):
        working_days_before_at(d("2019-07-09"), 0, time(12), ENGLAND)


def test_the_largest_period_is_allowed():
    assert working_days_after(d("2019-07-09"), 3660, ENGLAND).due_date > d("2033-01-01")


def test_a_cutoff_time_with_its_own_zone_is_refused():
    with pytest.raises(ValidationError, match="UK local time"):
        working_days_before_at(d("2019-07-09"), 3, time(12, tzinfo=UTC), ENGLAND)


def test_periods_running_outside_the_holiday_data_are_refused():
    with pytest.raises(ValidationError, match="outside the years"):
        clear_days_before(d("1872-01-10"), 30, ENGLAND)
    with pytest.raises(ValidationError, match="outside the years"):
        working_days_after(d("2100-12-20"), 30, ENGLAND)
