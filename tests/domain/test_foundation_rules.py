"""Validation and naming rules of people, committees, memberships, meetings and years."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from clerkdesk.domain.committees import Committee, cambridgeshire_standing_items
from clerkdesk.domain.meetings import LONDON, Meeting, london_datetime
from clerkdesk.domain.membership import (
    Membership,
    Role,
    StatutorySeat,
    VotingScope,
    can_vote,
    check_single_holders,
)
from clerkdesk.domain.municipal_year import municipal_years, year_containing
from clerkdesk.domain.people import Person, PersonKind
from clerkdesk.errors import ValidationError

YEARS = (date(2019, 5, 14), date(2020, 5, 12))


def person(**kw):
    defaults = dict(id=None, kind=PersonKind.COUNCILLOR, forenames="Simon", surname="Bywater",
                    title="Councillor")
    return Person(**{**defaults, **kw})


def test_written_forms_of_a_name():
    bywater = person()
    assert bywater.minutes_name == "S Bywater"
    assert bywater.front_sheet_name == "Councillor Simon Bywater"
    taylor = person(forenames="Simone", surname="Leigh Taylor", title="Mrs")
    assert taylor.front_sheet_name == "Mrs Simone Leigh Taylor"
    assert person(forenames="Mary Jane", surname="Ives").minutes_name == "M Ives"
    assert person(minutes_name_override="Cllr Bywater").minutes_name == "Cllr Bywater"


def test_person_reports_every_problem_at_once():
    with pytest.raises(ValidationError) as caught:
        person(forenames=" ", surname="", email="nobody", kind=PersonKind.OFFICER).validate()
    assert caught.value.problems == [
        "Surname must not be empty.",
        "Forenames must not be empty.",
        "Email address 'nobody' has no '@'.",
        "Officer (no name) needs a post.",
    ]


def test_committee_validation():
    with pytest.raises(ValidationError, match="Committee name must not be empty"):
        Committee(None, "  ", "CYP").validate()
    with pytest.raises(ValidationError, match="code 'C Y P' must be"):
        Committee(None, "Children", "C Y P").validate()
    with pytest.raises(ValidationError, match="next minute number"):
        Committee(None, "Children", "CYP", next_minute_number=0).validate()
    Committee(None, "Children", "CYP", standing_items=cambridgeshire_standing_items()).validate()


def test_standing_items_group_under_repeating_headings():
    from clerkdesk.domain.committees import StandingItem

    items = (
        StandingItem("CONSTITUTIONAL MATTERS", "Apologies"),
        StandingItem("DECISIONS", "Budget"),
        StandingItem("INFORMATION AND MONITORING REPORTS", "Performance"),
        StandingItem("DECISIONS", "Agenda plan"),
    )
    sections = Committee(None, "C", "C", standing_items=items).sections()
    assert [heading for heading, _ in sections] == [
        "CONSTITUTIONAL MATTERS", "DECISIONS", "INFORMATION AND MONITORING REPORTS", "DECISIONS",
    ]


def membership(**kw):
    defaults = dict(id=None, person_id=1, committee_id=1, role=Role.MEMBER, start=date(2019, 5, 21))
    return Membership(**{**defaults, **kw})


def test_membership_end_before_start_and_outside_years():
    with pytest.raises(ValidationError) as caught:
        membership(start=date(2018, 1, 10), end=date(2017, 12, 1)).validate(YEARS)
    messages = caught.value.problems
    assert any("ends (01 December 2017) before it starts (10 January 2018)" in m for m in messages)
    assert any("starts on 10 January 2018, outside any recorded municipal year" in m
               for m in messages)


def test_membership_needs_recorded_municipal_years():
    with pytest.raises(ValidationError, match="No municipal years are recorded"):
        membership().validate(())


def test_latest_year_runs_at_most_twelve_months():
    years = municipal_years(YEARS)
    assert [(y.label, y.start, y.end) for y in years] == [
        ("2019/20", date(2019, 5, 14), date(2020, 5, 11)),
        ("2020/21", date(2020, 5, 12), date(2021, 5, 11)),
    ]
    assert year_containing(date(2021, 5, 11), YEARS).label == "2020/21"
    assert year_containing(date(2021, 5, 12), YEARS) is None
    assert year_containing(date(2019, 5, 13), YEARS) is None


def test_voting_co_optee_needs_a_statutory_seat():
    with pytest.raises(ValidationError, match="must hold a statutory seat"):
        membership(role=Role.CO_OPTED_VOTING).validate(YEARS)
    seat = membership(role=Role.CO_OPTED_VOTING, statutory_seat=StatutorySeat.RC_DIOCESAN)
    seat.validate(YEARS)
    assert seat.effective_voting_scope is VotingScope.EDUCATION_ONLY
    assert can_vote(seat, education_matter=True)
    assert not can_vote(seat, education_matter=False)


def test_non_voting_co_optees_never_vote_and_members_always_do():
    non_voting = membership(role=Role.CO_OPTED_NON_VOTING)
    assert not can_vote(non_voting, education_matter=True)
    assert can_vote(membership(), education_matter=False)


def test_two_chairs_at_once_are_refused_with_the_holders_name():
    current = membership(id=7, person_id=2, role=Role.CHAIR, start=date(2019, 5, 14))
    rival = membership(person_id=3, role=Role.CHAIR, start=date(2019, 9, 1))
    with pytest.raises(ValidationError, match="Simon Bywater is already chair"):
        check_single_holders(rival, [current], {2: "Simon Bywater"})
    ended = membership(id=7, person_id=2, role=Role.CHAIR, start=date(2019, 5, 14),
                       end=date(2019, 8, 31))
    check_single_holders(rival, [ended], {2: "Simon Bywater"})  # successive chairs are fine


def test_role_titles():
    assert membership(role=Role.CHAIR, chair_title="Chairman").role_title == "Chairman"
    assert membership(role=Role.VICE_CHAIR, chair_title="Chairwoman").role_title == (
        "Vice-Chairwoman"
    )
    assert membership(role=Role.APPOINTEE).role_title == "Appointee"


def test_meeting_end_before_start_and_naive_times():
    start = london_datetime(date(2019, 7, 9), 14)
    with pytest.raises(ValidationError, match=r"ends \(13:00\) before it starts \(14:00\)"):
        Meeting(None, 1, start, start - timedelta(hours=1)).validate()
    with pytest.raises(ValidationError, match="time zone"):
        Meeting(None, 1, datetime(2019, 7, 9, 14)).validate()
    with pytest.raises(ValidationError, match="livestream"):
        Meeting(None, 1, start, livestream_url="youtube.com/live").validate()


def test_london_times_follow_summer_time():
    summer = london_datetime(date(2019, 7, 9), 14)
    winter = london_datetime(date(2019, 12, 4), 14)
    assert summer.utcoffset() == timedelta(hours=1)
    assert winter.utcoffset() == timedelta(0)
    assert summer.tzinfo is LONDON
