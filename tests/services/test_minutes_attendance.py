"""Attendance from the membership, substitutes, remote watchers and the quorum."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from clerkdesk.domain.attendance import Capacity, Presence, QuorumKind, QuorumRule
from clerkdesk.domain.declarations import Declaration, DeclarationAction, InterestType
from clerkdesk.domain.membership import Role, StatutorySeat, VotingScope
from clerkdesk.errors import ValidationError
from tests.services.test_minutes_fixtures import build_cyp


@pytest.fixture
def cyp(services, make):
    return build_cyp(services, make)


def test_attendance_starts_from_the_membership_on_the_day(services, cyp):
    listed = services.minutes.attendance.start(cyp.may.id)
    names = [services.people.get(a.person_id).surname for a in listed]
    assert names[:2] == ["Bywater", "Hoy"]  # chair and vice-chair first
    assert "Goldsack" not in names  # a standing substitute attends only when substituting
    assert names[-2:] == ["Read", "Vettese"]  # co-optees last
    assert all(a.presence is Presence.ABSENT for a in listed)
    chair = listed[0]
    assert (chair.role, chair.role_title, chair.voting_scope) == (
        Role.CHAIR, "Chairman", VotingScope.ALL)
    read = listed[-2]
    assert (read.capacity, read.voting_scope) == (Capacity.CO_OPTEE, VotingScope.EDUCATION_ONLY)
    # Starting again adds nobody twice.
    assert len(services.minutes.attendance.start(cyp.may.id)) == len(listed)


def test_a_substitute_takes_the_members_place_and_vote(services, cyp):
    attendance = services.minutes.attendance
    attendance.start(cyp.may.id)
    substitute = attendance.record_substitute(cyp.may.id, cyp.pid("Goldsack"), cyp.pid("Hay"))
    assert substitute.capacity is Capacity.SUBSTITUTE
    assert substitute.presence is Presence.PRESENT
    assert substitute.voting_scope is VotingScope.ALL
    assert substitute.membership_id is not None  # his standing substitute membership
    hay = attendance.find(cyp.may.id, cyp.pid("Hay"))
    assert hay.presence is Presence.APOLOGIES  # sending apologies follows from it


def test_a_member_who_is_present_cannot_be_substituted(services, cyp):
    attendance = services.minutes.attendance
    attendance.start(cyp.may.id, presence=Presence.PRESENT)
    with pytest.raises(ValidationError, match="recorded as present"):
        attendance.record_substitute(cyp.may.id, cyp.pid("Goldsack"), cyp.pid("Hay"))
    attendance.mark(cyp.may.id, cyp.pid("Hay"), Presence.APOLOGIES)
    attendance.record_substitute(cyp.may.id, cyp.pid("Goldsack"), cyp.pid("Hay"))
    with pytest.raises(ValidationError, match="recorded as present"):
        attendance.mark(cyp.may.id, cyp.pid("Hay"), Presence.PRESENT)
    with pytest.raises(ValidationError, match="stands in for a member"):
        attendance.record_substitute(cyp.may.id, cyp.pid("Goldsack"), cyp.pid("Read"))


def test_a_member_cannot_be_added_twice_and_officers_get_their_post(services, cyp):
    attendance = services.minutes.attendance
    attendance.start(cyp.may.id)
    with pytest.raises(ValidationError, match="already in the attendance"):
        attendance.add_also_present(cyp.may.id, cyp.pid("Every"))
    officer = attendance.add_officer(cyp.may.id, cyp.pid("Greenhill"))
    assert (officer.capacity, officer.post, officer.voting_scope) == (
        Capacity.OFFICER, "Democratic Services Officer", VotingScope.NONE)
    attendance.remove(officer.id)
    with pytest.raises(ValidationError, match="not in the attendance"):
        attendance.find(cyp.may.id, cyp.pid("Greenhill"))


def test_default_quorum_is_a_quarter_and_never_fewer_than_three(services, cyp):
    cyp.mark_may_attendance()
    report = services.minutes.attendance.quorum(cyp.may.id)
    assert report.seats == 10  # chair, vice-chair and eight members; co-optees not counted
    assert report.required == 3
    assert report.present == 10  # nine members and the substitute
    assert report.met
    assert cyp.pid("Read") in dict(report.not_counted)


def test_remote_watchers_never_count_for_the_quorum(services, cyp):
    settings = services.minutes.settings(cyp.committee.id)
    services.minutes.save_settings(replace(
        settings, quorum=QuorumRule(QuorumKind.FIXED, fixed=3,
                                    source="Standing order 12 (example)")))
    attendance = services.minutes.attendance
    attendance.start(cyp.may.id)
    for surname in ("Bywater", "Hoy"):
        attendance.mark(cyp.may.id, cyp.pid(surname), Presence.PRESENT)
    for surname in ("Every", "Downes", "Bradnam"):
        attendance.mark(cyp.may.id, cyp.pid(surname), Presence.REMOTE)
    report = attendance.quorum(cyp.may.id)
    assert (report.present, report.required, report.met) == (2, 3, False)
    reasons = dict(report.not_counted)
    assert reasons[cyp.pid("Every")] == "watched remotely, so is not present in law"
    attendance.mark(cyp.may.id, cyp.pid("Every"), Presence.PRESENT)
    assert attendance.quorum(cyp.may.id).met


def test_peterborough_quorum_half_including_voting_co_optees(services, make, cyp):
    # Peterborough: "At least half the Members of the Committee (including voting co-opted
    # members)". Give the committee a second statutory co-optee to make 12 seats.
    parent = cyp.person("Clare", "Watchorn", title="Mrs")
    make.membership(parent, cyp.committee, role=Role.CO_OPTED_VOTING,
                    statutory_seat=StatutorySeat.PARENT_GOVERNOR, start=date(2018, 5, 15))
    settings = services.minutes.settings(cyp.committee.id)
    services.minutes.save_settings(replace(settings, quorum=QuorumRule(
        numerator=1, denominator=2, minimum=0, counts_voting_co_optees=True,
        source="PCC terms of reference (seed 003 line 3184)")))
    attendance = services.minutes.attendance
    attendance.start(cyp.may.id)
    report = attendance.quorum(cyp.may.id)
    assert (report.seats, report.required) == (12, 6)
    for surname in ("Bywater", "Hoy", "Every", "Downes", "Read"):
        attendance.mark(cyp.may.id, cyp.pid(surname), Presence.PRESENT)
    assert attendance.quorum(cyp.may.id).present == 5
    attendance.mark(cyp.may.id, parent.id, Presence.PRESENT)
    assert attendance.quorum(cyp.may.id).met  # co-optees count at meeting level
    # On an item that is not an education matter the education co-optees cannot vote,
    # so the item's business is not quorate.
    housing = attendance.quorum(cyp.may.id, cyp.item("Housing").id)
    assert (housing.present, housing.met) == (4, False)
    schools = attendance.quorum(cyp.may.id, cyp.item("Free School Proposals").id)
    assert (schools.present, schools.met) == (6, True)


def test_an_interest_that_bars_voting_reduces_the_items_quorum(services, cyp):
    cyp.mark_may_attendance()
    item = cyp.item("Housing")
    services.minutes.declarations.add(Declaration(
        None, cyp.may.id, cyp.pid("Every"), item.id, InterestType.DISCLOSABLE_PECUNIARY,
        "owns the site", action=DeclarationAction.LEFT_ROOM))
    report = services.minutes.attendance.quorum(cyp.may.id, item.id)
    assert report.present == 9
    assert "left the room" in dict(report.not_counted)[cyp.pid("Every")]


def test_quorum_settings_are_validated(services, cyp):
    settings = services.minutes.settings(cyp.committee.id)
    with pytest.raises(ValidationError, match="fraction"):
        services.minutes.save_settings(replace(settings, quorum=QuorumRule(numerator=3,
                                                                          denominator=2)))
    with pytest.raises(ValidationError, match="no minutes style called 'borough'"):
        services.minutes.save_settings(replace(settings, style="borough"))
    assert "not a legal rule" in settings.quorum.source  # the default says where it is from
