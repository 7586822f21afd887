"""Numbering series and the next free number (domain.md §3.2)."""

from __future__ import annotations

from datetime import date

import pytest

from clerkdesk.domain.committees import Committee, NumberingScheme
from clerkdesk.domain.numbering import (
    NumberHolder,
    check_manual_number,
    next_number,
    series_for,
)
from clerkdesk.errors import ValidationError

STARTS = (date(2019, 5, 14), date(2020, 5, 12))
CCC = Committee(7, "Children and Young People Committee", "CYP", next_minute_number=211)
PCC = Committee(8, "Children and Education Scrutiny Committee", "CES",
                numbering=NumberingScheme.RESET_EACH_YEAR)


def test_running_series_is_one_per_committee_across_years():
    march = series_for(CCC, date(2019, 3, 12), STARTS)
    may = series_for(CCC, date(2019, 5, 21), STARTS)
    assert march == may
    assert may.key == "7:running"


def test_running_series_restarts_from_a_date():
    restart = date(2017, 5, 4)
    before = series_for(CCC, date(2016, 2, 9), STARTS, restart)
    after = series_for(CCC, date(2018, 9, 11), STARTS, restart)
    assert before.key == "7:running"
    assert after.key == "7:running:2017-05-04"


def test_reset_series_is_one_per_municipal_year():
    first = series_for(PCC, date(2019, 10, 1), STARTS)
    fourth = series_for(PCC, date(2020, 3, 4), STARTS)
    next_year = series_for(PCC, date(2020, 7, 15), STARTS)
    assert first == fourth
    assert first.key == "8:year:2019-05-14"
    assert next_year.key == "8:year:2020-05-12"


def test_reset_series_outside_the_recorded_years_is_refused():
    with pytest.raises(ValidationError, match="record that year's start date"):
        series_for(PCC, date(2018, 6, 1), STARTS)


@pytest.mark.parametrize(
    ("lowest", "used", "expected"),
    [(211, [], 211), (211, [210], 211), (211, [211, 215], 216), (1, [30], 31), (400, [221], 400)],
)
def test_next_number_never_reuses_and_never_goes_below_the_setting(lowest, used, expected):
    assert next_number(lowest, used) == expected


def test_manual_numbers_refuse_duplicates_naming_the_other_minute():
    holders = [NumberHolder(1, 220, "Multi-Agency Safeguarding Arrangements", date(2019, 5, 21))]
    with pytest.raises(ValidationError) as refused:
        check_manual_number(220, 2, holders)
    assert str(refused.value) == (
        "Minute number 220 is already used by 'Multi-Agency Safeguarding Arrangements' at the "
        "meeting on 21 May 2019; choose another number.")
    check_manual_number(220, 1, holders)  # a minute keeping its own number
    check_manual_number(221, 2, holders)
    with pytest.raises(ValidationError, match="1 or more"):
        check_manual_number(0, 2, [])
