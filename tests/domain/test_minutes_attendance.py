"""Attendance rules and the quorum, without a database."""

from __future__ import annotations

from datetime import date

import pytest

from clerkdesk.domain.attendance import (
    Attendee,
    Capacity,
    Presence,
    QuorumKind,
    QuorumRule,
    assess_quorum,
    attendance_problems,
    attendees_from_memberships,
    seats,
)
from clerkdesk.domain.membership import Membership, Role, StatutorySeat, VotingScope
from clerkdesk.errors import ValidationError

DAY = date(2019, 5, 21)
START = date(2018, 5, 15)


def membership(person_id, role=Role.MEMBER, **kw):
    return Membership(person_id, person_id, 1, role, kw.pop("start", START), **kw)


def attendee(person_id, capacity=Capacity.MEMBER, presence=Presence.PRESENT,
             scope=VotingScope.ALL, **kw):
    return Attendee(None, 1, person_id, capacity, presence, voting_scope=scope, **kw)


COMMITTEE = [
    membership(1, Role.CHAIR, chair_title="Chairman"),
    membership(2, Role.VICE_CHAIR, chair_title="Chairwoman"),
    *[membership(n) for n in range(3, 11)],
    membership(11, Role.SUBSTITUTE),
    membership(12, Role.CO_OPTED_VOTING, statutory_seat=StatutorySeat.COFE_DIOCESAN),
    membership(13, Role.CO_OPTED_NON_VOTING),
    membership(14, Role.MEMBER, end=date(2019, 5, 13)),  # left before the meeting
]
SORT = {n: (f"{n:02d}", "") for n in range(1, 15)}


def test_attendance_starts_from_current_members_without_standing_substitutes():
    listed = attendees_from_memberships(1, COMMITTEE, SORT, DAY)
    assert [a.person_id for a in listed] == [1, 2, *range(3, 11), 12, 13]
    assert listed[0].role_title == "Chairman" and listed[1].role_title == "Vice-Chairwoman"
    assert listed[2].role_title == ""
    assert [a.capacity for a in listed[-2:]] == [Capacity.CO_OPTEE] * 2
    assert [a.voting_scope for a in listed[-2:]] == [VotingScope.EDUCATION_ONLY, VotingScope.NONE]
    assert all(a.presence is Presence.ABSENT for a in listed)
    assert [a.position for a in listed] == list(range(1, 13))


def test_quorum_fraction_rounds_up_with_a_floor():
    quarter = QuorumRule()
    assert [quarter.required(n) for n in (4, 10, 13, 20)] == [3, 3, 4, 5]
    half = QuorumRule(numerator=1, denominator=2, minimum=0)
    assert [half.required(n) for n in (11, 15)] == [6, 8]
    assert QuorumRule(QuorumKind.FIXED, fixed=5).required(40) == 5
    assert QuorumRule().describe() == "at least 1/4 of the members, and never fewer than 3"


def test_quorum_rule_validation():
    with pytest.raises(ValidationError, match="fraction"):
        QuorumRule(numerator=0).validate()
    with pytest.raises(ValidationError, match="fixed quorum"):
        QuorumRule(QuorumKind.FIXED, fixed=0).validate()


def test_seats_count_voting_co_optees_only_when_the_rule_says_so():
    assert seats(QuorumRule(), COMMITTEE, DAY) == 10
    assert seats(QuorumRule(counts_voting_co_optees=True), COMMITTEE, DAY) == 11
    assert seats(QuorumRule(), COMMITTEE, date(2019, 5, 1)) == 11  # 14 had not left yet


def test_remote_watchers_substitutes_and_co_optees_in_the_quorum():
    rule = QuorumRule(QuorumKind.FIXED, fixed=3)
    people = [
        attendee(1), attendee(2, presence=Presence.REMOTE),
        attendee(3, presence=Presence.APOLOGIES),
        attendee(11, Capacity.SUBSTITUTE, substitute_for_id=3),
        attendee(12, Capacity.CO_OPTEE, scope=VotingScope.EDUCATION_ONLY),
        attendee(13, Capacity.CO_OPTEE, scope=VotingScope.NONE),
        attendee(20, Capacity.OFFICER, scope=VotingScope.NONE),
    ]
    report = assess_quorum(rule, 10, people)
    assert report.counted == (1, 11)
    assert not report.met
    reasons = dict(report.not_counted)
    assert reasons[2] == "watched remotely, so is not present in law"
    assert reasons[12] == "co-opted members do not count towards this committee's quorum"
    assert reasons[13] == "has no vote"
    with_co_optees = QuorumRule(QuorumKind.FIXED, fixed=3, counts_voting_co_optees=True)
    assert assess_quorum(with_co_optees, 10, people).met
    item = assess_quorum(with_co_optees, 10, people, education_matter=False)
    assert item.counted == (1, 11)
    barred = assess_quorum(with_co_optees, 10, people, True, {1: "left the room"})
    assert barred.counted == (11, 12) and dict(barred.not_counted)[1] == "left the room"


def test_substitution_problems():
    names = {3: "A Hay", 11: "M Goldsack", 12: "A Read", 4: "P Downes"}
    good = [attendee(3, presence=Presence.APOLOGIES),
            attendee(11, Capacity.SUBSTITUTE, substitute_for_id=3)]
    assert attendance_problems(good, names) == []
    present = [attendee(3), attendee(11, Capacity.SUBSTITUTE, substitute_for_id=3)]
    assert attendance_problems(present, names) == [
        "M Goldsack cannot substitute for A Hay, who is recorded as present."]
    twice = [*good, attendee(4, Capacity.SUBSTITUTE, substitute_for_id=3)]
    assert attendance_problems(twice, names) == [
        "A Hay has two substitutes: M Goldsack and P Downes."]
    co_optee = [attendee(12, Capacity.CO_OPTEE), attendee(11, Capacity.SUBSTITUTE,
                                                          substitute_for_id=12)]
    assert attendance_problems(co_optee, names) == [
        "M Goldsack substitutes for A Read, who is not a member here."]


def test_attendee_validation():
    with pytest.raises(ValidationError, match="must name the member"):
        attendee(11, Capacity.SUBSTITUTE).validate()
    with pytest.raises(ValidationError, match="has no vote"):
        attendee(20, Capacity.OFFICER).validate()
    with pytest.raises(ValidationError, match="Only a substitute"):
        attendee(4, substitute_for_id=3).validate()
