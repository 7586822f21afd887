"""Minute numbers from the committee's scheme, over a real database (domain.md §3.2)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from clerkdesk.domain.committees import NumberingScheme
from clerkdesk.domain.meetings import london_datetime
from clerkdesk.errors import LockedError, ValidationError
from tests.services.test_minutes_fixtures import YEARS, build_cyp


@pytest.fixture
def cyp(services, make):
    return build_cyp(services, make)


def add_minutes(services, meeting, count, prefix="Item"):
    return [services.minutes.add(meeting.id, f"{prefix} {n}") for n in range(1, count + 1)]


def test_running_numbers_continue_across_meetings_and_municipal_years(services, cyp):
    services.committees.update(replace(cyp.committee, next_minute_number=205))
    march = add_minutes(services, cyp.march, 4)  # 2018/19
    may = services.minutes.create_from_agenda(cyp.may.id)  # 2019/20: no reset
    assert [m.number for m in march] == [205, 206, 207, 208]
    assert [m.number for m in may] == list(range(209, 220))
    assert services.minutes.next_number(cyp.july.id) == 220


def test_the_start_number_is_configurable_and_never_goes_backwards(services, cyp):
    services.committees.update(replace(cyp.committee, next_minute_number=211))
    assert [m.number for m in services.minutes.create_from_agenda(cyp.may.id)][:2] == [211, 212]
    services.committees.update(replace(cyp.committee, next_minute_number=5))
    assert services.minutes.add(cyp.july.id, "Next").number == 222  # above 221, not 5
    services.committees.update(replace(cyp.committee, next_minute_number=400))
    assert services.minutes.add(cyp.july.id, "Jump").number == 400


def test_a_running_series_can_restart_from_a_date(services, cyp):
    add_minutes(services, cyp.march, 2)
    settings = services.minutes.settings(cyp.committee.id)
    services.minutes.save_settings(replace(settings, running_restarted_on=date(2019, 5, 14)))
    services.committees.update(replace(cyp.committee, next_minute_number=1))
    assert services.minutes.add(cyp.may.id, "After the restart").number == 1
    with pytest.raises(ValidationError, match="already used"):
        services.minutes.add(cyp.may.id, "Twice", number=1)
    assert services.minutes.add(cyp.march.id, "Old series").number == 209


def test_reset_each_municipal_year_peterborough(services, make):
    make.council(municipal_year_starts=YEARS)
    committee = make.committee(name="Children and Education Scrutiny Committee", code="CES",
                               numbering=NumberingScheme.RESET_EACH_YEAR)
    days = [date(2019, 10, 1), date(2019, 11, 9), date(2020, 1, 21), date(2020, 3, 4)]
    meetings = [make.meeting(committee=committee, start=london_datetime(d, 19)) for d in days]
    for meeting in meetings[:3]:
        add_minutes(services, meeting, 10)
    fourth = add_minutes(services, meetings[3], 9)
    assert [m.number for m in fourth] == list(range(31, 40))  # as at PCC on 4 March 2021
    next_year = make.meeting(committee=committee, start=london_datetime(date(2020, 6, 15), 19))
    assert services.minutes.add(next_year.id, "Apologies").number == 1


def test_reset_scheme_needs_the_municipal_year_recorded(services, make):
    make.council(municipal_year_starts=YEARS)
    committee = make.committee(numbering=NumberingScheme.RESET_EACH_YEAR)
    meeting = make.meeting(committee=committee, start=london_datetime(date(2023, 6, 1), 19))
    with pytest.raises(ValidationError, match="outside every recorded municipal year"):
        services.minutes.add(meeting.id, "Apologies")


def test_a_duplicate_number_is_refused_naming_the_other_minute(services, cyp):
    services.committees.update(replace(cyp.committee, next_minute_number=211))
    services.minutes.create_from_agenda(cyp.may.id)
    safeguarding = cyp.minute_for("Multi-Agency")
    agenda_plan = cyp.minute_for("Agenda Plan")
    assert (safeguarding.number, agenda_plan.number) == (220, 221)
    # The seed numbered both of these 220; ClerkDesk refuses the second.
    with pytest.raises(ValidationError) as refused:
        services.minutes.set_number(agenda_plan.id, 220)
    assert str(refused.value) == (
        "Minute number 220 is already used by 'Multi-Agency Safeguarding Arrangements for "
        "Cambridgeshire and Peterborough' at the meeting on 21 May 2019; choose another number."
    )
    with pytest.raises(ValidationError, match="already used by 'Housing"):
        services.minutes.add(cyp.july.id, "Typed by hand", number=216)
    with pytest.raises(ValidationError, match="1 or more"):
        services.minutes.set_number(agenda_plan.id, 0)


def test_renumber_follows_the_order_and_refuses_a_clash(services, cyp):
    first, second, third = add_minutes(services, cyp.may, 3)
    services.minutes.reorder(cyp.may.id, [third.id, first.id, second.id])
    renumbered = services.minutes.renumber(cyp.may.id)
    assert [(m.title, m.number) for m in renumbered] == [
        ("Item 3", 207), ("Item 1", 208), ("Item 2", 209)]
    later = services.minutes.add(cyp.july.id, "July")
    assert later.number == 210
    services.minutes.add(cyp.may.id, "Added late")  # 211: renumbering would need 210
    with pytest.raises(ValidationError, match="already used by 'July'"):
        services.minutes.renumber(cyp.may.id)


def test_numbers_are_frozen_once_the_draft_is_published(services, cyp):
    minutes = services.minutes.create_from_agenda(cyp.may.id)
    services.minutes.lifecycle.publish(cyp.may.id)
    frozen = "numbers are frozen"
    with pytest.raises(LockedError, match=frozen):
        services.minutes.set_number(minutes[0].id, 500)
    with pytest.raises(LockedError, match=frozen):
        services.minutes.renumber(cyp.may.id)
    with pytest.raises(LockedError, match=frozen):
        services.minutes.add(cyp.may.id, "Another")
    with pytest.raises(LockedError, match=frozen):
        services.minutes.delete(minutes[-1].id)
    with pytest.raises(LockedError, match=frozen):
        services.minutes.reorder(cyp.may.id, [m.id for m in reversed(minutes)])
    # Words may still be corrected before approval.
    services.minutes.save_body(minutes[-1].id, "Corrected text.")
    assert services.minutes.get(minutes[-1].id).body == "Corrected text."


def test_a_changed_scheme_starts_a_new_series_and_keeps_old_numbers(services, cyp):
    march = add_minutes(services, cyp.march, 2)
    services.committees.update(replace(cyp.committee, numbering=NumberingScheme.RESET_EACH_YEAR,
                                       next_minute_number=1))
    assert services.minutes.add(cyp.may.id, "First of the year").number == 1
    assert [services.minutes.get(m.id).number for m in march] == [207, 208]
