"""Voting eligibility, declarations and recorded votes (rules.md §3, §4, §7, §9)."""

from __future__ import annotations

import pytest

from clerkdesk.domain.attendance import Attendee, Capacity, Presence
from clerkdesk.domain.declarations import (
    VOCABULARIES,
    Declaration,
    DeclarationAction,
    InterestType,
    bars_for_item,
    vocabulary,
    voting_bar,
)
from clerkdesk.domain.membership import VotingScope
from clerkdesk.domain.voting import (
    Choice,
    Eligibility,
    NamedVote,
    Vote,
    budget_problems,
    eligibility,
    vote_problems,
    with_counts_from_names,
)
from clerkdesk.errors import ValidationError

MODEL = vocabulary("model-code-2020")
OLD_COUNTY = vocabulary("pecuniary-non-pecuniary")
LEGACY = vocabulary("personal-prejudicial")


def member(person_id=1, capacity=Capacity.MEMBER, presence=Presence.PRESENT,
           scope=VotingScope.ALL):
    return Attendee(None, 1, person_id, capacity, presence, voting_scope=scope)


def declared(interest, action=DeclarationAction.DID_NOT_VOTE, ref="", item=5):
    return Declaration(None, 1, 1, item, interest, "nature", action=action, dispensation_ref=ref)


def test_a_member_in_the_room_votes():
    assert eligibility(member(), education_matter=False) == Eligibility(1, True)


@pytest.mark.parametrize(
    ("who", "education", "reason"),
    [
        (member(presence=Presence.REMOTE), False, "watched remotely"),
        (member(presence=Presence.APOLOGIES), False, "recorded as apologies"),
        (member(capacity=Capacity.OFFICER, scope=VotingScope.NONE), False, "attended as officer"),
        (member(capacity=Capacity.CO_OPTEE, scope=VotingScope.NONE), True,
         "non-voting co-opted member"),
        (member(capacity=Capacity.CO_OPTEE, scope=VotingScope.EDUCATION_ONLY), False,
         "education matters only"),
    ],
)
def test_who_cannot_vote(who, education, reason):
    found = eligibility(who, education)
    assert not found.can_vote and reason in found.reason


def test_education_co_optees_vote_on_education_matters():
    co_optee = member(capacity=Capacity.CO_OPTEE, scope=VotingScope.EDUCATION_ONLY)
    assert eligibility(co_optee, education_matter=True).can_vote


def test_a_dpi_bars_the_vote_unless_a_dispensation_covers_it():
    without = declared(InterestType.DISCLOSABLE_PECUNIARY, DeclarationAction.DID_NOT_VOTE)
    assert "did not vote" in voting_bar(without, OLD_COUNTY)
    dispensed = declared(InterestType.DISCLOSABLE_PECUNIARY, DeclarationAction.DISPENSATION,
                         ref="MO/2019/3")
    assert voting_bar(dispensed, OLD_COUNTY) == ""
    assert eligibility(member(), False, voting_bar(dispensed, OLD_COUNTY)).can_vote
    # Even a vocabulary that lets other interests vote cannot let a DPI vote.
    took_part = Declaration(None, 1, 1, 5, InterestType.DISCLOSABLE_PECUNIARY, "x")
    assert "s.31(4)" in voting_bar(took_part, OLD_COUNTY)


def test_what_bars_voting_depends_on_the_councils_vocabulary():
    took_part = DeclarationAction.TOOK_PART
    assert voting_bar(declared(InterestType.NON_PECUNIARY, took_part), OLD_COUNTY) == ""
    assert voting_bar(declared(InterestType.OTHER_REGISTRABLE, took_part), MODEL)
    assert voting_bar(declared(InterestType.PERSONAL, took_part), LEGACY) == ""
    assert voting_bar(declared(InterestType.PREJUDICIAL, took_part), LEGACY)
    assert voting_bar(declared(InterestType.WHIP, took_part), MODEL) == ""


def test_bars_apply_to_the_declared_item_only():
    declarations = [declared(InterestType.DISCLOSABLE_PECUNIARY, item=5)]
    assert set(bars_for_item(declarations, 5, MODEL)) == {1}
    assert bars_for_item(declarations, 6, MODEL) == {}
    assert bars_for_item(declarations, None, MODEL) == {}


def test_declaration_rules():
    Declaration(None, 1, 1, 5, InterestType.NON_PECUNIARY, "governor").validate(OLD_COUNTY)
    with pytest.raises(ValidationError, match="not an interest type this committee uses"):
        Declaration(None, 1, 1, 5, InterestType.NON_PECUNIARY).validate(MODEL)
    with pytest.raises(ValidationError, match="not an interest type"):
        Declaration(None, 1, 1, 5, InterestType.WHIP).validate(MODEL)
    Declaration(None, 1, 1, 5, InterestType.WHIP).validate(MODEL, whipping=True)
    with pytest.raises(ValidationError, match=r"s\.31"):
        Declaration(None, 1, 1, 5, InterestType.DISCLOSABLE_PECUNIARY, "x").validate(MODEL)
    with pytest.raises(ValidationError, match="dispensation's reference"):
        declared(InterestType.OTHER_REGISTRABLE, DeclarationAction.DISPENSATION).validate(MODEL)
    with pytest.raises(ValidationError, match="sensitive interest"):
        Declaration(None, 1, 1, 5, InterestType.OTHER_REGISTRABLE, sensitive=True,
                    action=DeclarationAction.LEFT_ROOM).validate(MODEL)
    sensitive = Declaration(None, 1, 1, 5, InterestType.OTHER, "home address", sensitive=True)
    assert sensitive.printed_nature == ""
    assert set(VOCABULARIES) == {"model-code-2020", "personal-prejudicial",
                                 "pecuniary-non-pecuniary"}
    with pytest.raises(ValidationError, match="Choose one of"):
        vocabulary("welsh")


def test_vote_checks():
    able = {1: Eligibility(1, True), 2: Eligibility(2, True),
            3: Eligibility(3, False, "watched remotely; only members present may vote")}
    names = {1: "Councillor Bywater", 3: "Councillor Wisson"}
    vote = with_counts_from_names(Vote(None, 1, names=(
        NamedVote(1, Choice.FOR), NamedVote(3, Choice.AGAINST))))
    assert vote_problems(vote, able, names) == [
        "Councillor Wisson cannot be recorded as voting: watched remotely; only members present "
        "may vote."]
    assert vote_problems(Vote(None, 1, for_count=3), able, names) == [
        "3 votes are recorded but only 2 members present could vote on this item."]
    assert vote_problems(Vote(None, 1, names=(NamedVote(9, Choice.FOR),)), able, names) == [
        "Person 9 cannot be recorded as voting: not in the attendance."]
    twice = Vote(None, 1, names=(NamedVote(1, Choice.FOR), NamedVote(1, Choice.AGAINST)))
    assert "named twice" in vote_problems(twice, able, names)[0]


def test_outcomes_casting_votes_and_unanimity():
    assert Vote(None, 1, for_count=5, against_count=2).outcome.value == "carried"
    assert Vote(None, 1, for_count=2, against_count=5).outcome.value == "lost"
    assert Vote(None, 1, for_count=4, against_count=4).outcome.value == "lost"
    tied = Vote(None, 1, for_count=4, against_count=4, casting_vote=Choice.FOR)
    assert tied.outcome.value == "carried"
    assert Vote(None, 1, for_count=9).unanimous
    assert not Vote(None, 1, for_count=9, abstentions=1).unanimous
    assert "only when the votes are tied" in vote_problems(
        Vote(None, 1, for_count=1, casting_vote=Choice.FOR), {1: Eligibility(1, True)}, {})[0]


def test_budget_meetings_need_names():
    assert budget_problems(Vote(None, 1, names=(NamedVote(1, Choice.FOR),)), "Minute 5") == []
    [problem] = budget_problems(Vote(None, 1, "the budget", for_count=30), "Minute 5 (Budget)")
    assert problem.startswith("Minute 5 (Budget): the vote on the budget was taken at a budget "
                              "meeting")
