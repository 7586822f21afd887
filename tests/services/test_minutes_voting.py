"""Who may be recorded as voting, and named votes at a budget meeting."""

from __future__ import annotations

import pytest

from clerkdesk.domain.declarations import Declaration, DeclarationAction, InterestType
from clerkdesk.domain.meetings import MeetingKind
from clerkdesk.domain.voting import Choice, NamedVote, Vote
from clerkdesk.errors import ValidationError
from tests.services.test_minutes_fixtures import build_cyp


@pytest.fixture
def cyp(services, make):
    return build_cyp(services, make)


@pytest.fixture
def held(services, cyp):
    cyp.mark_may_attendance()
    services.minutes.create_from_agenda(cyp.may.id)
    return cyp


def named(cyp, **choices) -> tuple[NamedVote, ...]:
    return tuple(NamedVote(cyp.pid(surname), Choice(choice)) for surname, choice in choices.items())


def declare(services, cyp, surname, item_title, interest, **kw):
    return services.minutes.declarations.add(Declaration(
        None, cyp.may.id, cyp.pid(surname), cyp.item(item_title).id, interest, "a reason", **kw))


def test_named_vote_counts_come_from_the_names(services, held):
    minute = held.minute_for("Housing")
    vote = services.minutes.votes.record(Vote(
        None, minute.id, "the recommendations", for_count=99,
        names=named(held, Bywater="for", Hoy="for", Every="against", Goldsack="abstained")))
    assert (vote.for_count, vote.against_count, vote.abstentions) == (2, 1, 1)
    assert vote.named and vote.outcome.value == "carried"


def test_dpi_without_dispensation_cannot_vote_with_one_can(services, held):
    minute = held.minute_for("Housing")
    declare(services, held, "Every", "Housing", InterestType.DISCLOSABLE_PECUNIARY,
            action=DeclarationAction.DID_NOT_VOTE)
    with pytest.raises(ValidationError, match="Councillor Lis Every cannot be recorded as "
                                              "voting: declared an interest and did not vote"):
        services.minutes.votes.record(Vote(None, minute.id, names=named(held, Every="for")))
    declare(services, held, "Downes", "Housing", InterestType.DISCLOSABLE_PECUNIARY,
            action=DeclarationAction.DISPENSATION, dispensation_ref="MO/2019/3")
    services.minutes.votes.record(Vote(None, minute.id, names=named(held, Downes="for")))
    # The interest is in one item only.
    other = held.minute_for("Agenda Plan")
    services.minutes.votes.record(Vote(None, other.id, names=named(held, Every="for")))


def test_a_dpi_may_not_be_recorded_as_taking_part_without_a_dispensation(services, held):
    with pytest.raises(ValidationError, match=r"s\.31"):
        declare(services, held, "Every", "Housing", InterestType.DISCLOSABLE_PECUNIARY)


def test_a_dpi_declared_after_the_vote_stops_publication(services, held):
    minute = held.minute_for("Housing")
    services.minutes.votes.record(Vote(None, minute.id, names=named(held, Every="for")))
    declare(services, held, "Every", "Housing", InterestType.DISCLOSABLE_PECUNIARY,
            action=DeclarationAction.LEFT_ROOM)
    with pytest.raises(ValidationError, match="left the room"):
        services.minutes.lifecycle.publish(held.may.id)


def test_co_optees_vote_only_where_their_seat_allows(services, held):
    services.minutes.attendance.mark(held.may.id, held.pid("Vettese"), "present")
    schools = held.minute_for("Free School Proposals")  # an education matter
    housing = held.minute_for("Housing")
    services.minutes.votes.record(Vote(None, schools.id, names=named(held, Read="for")))
    with pytest.raises(ValidationError, match="education matters only"):
        services.minutes.votes.record(Vote(None, housing.id, names=named(held, Read="for")))
    with pytest.raises(ValidationError, match="non-voting co-opted member"):
        services.minutes.votes.record(Vote(None, schools.id, names=named(held, Vettese="for")))


def test_remote_watchers_and_absent_members_never_vote(services, held):
    minute = held.minute_for("Housing")
    services.minutes.attendance.mark(held.may.id, held.pid("Wisson"), "watched remotely")
    with pytest.raises(ValidationError, match="watched remotely"):
        services.minutes.votes.record(Vote(None, minute.id, names=named(held, Wisson="for")))
    with pytest.raises(ValidationError, match="recorded as apologies"):
        services.minutes.votes.record(Vote(None, minute.id, names=named(held, Hay="for")))
    eligibility = services.minutes.votes.eligibility(minute.id)
    assert not eligibility[held.pid("Wisson")].can_vote
    assert eligibility[held.pid("Goldsack")].can_vote  # the substitute votes


def test_counts_cannot_exceed_the_members_able_to_vote(services, held):
    minute = held.minute_for("Housing")
    with pytest.raises(ValidationError, match="only 10 members present could vote"):
        services.minutes.votes.record(Vote(None, minute.id, for_count=8, against_count=3))
    vote = services.minutes.votes.record(Vote(None, minute.id, for_count=5, against_count=5,
                                              casting_vote=Choice.FOR))
    assert vote.outcome.value == "carried"
    with pytest.raises(ValidationError, match="only when the votes are tied"):
        services.minutes.votes.update(Vote(vote.id, minute.id, for_count=6, against_count=4,
                                           casting_vote=Choice.FOR))


def test_budget_meeting_cannot_be_published_without_named_votes(services, make):
    cyp = build_cyp(services, make, meeting_kind=MeetingKind.BUDGET)
    cyp.mark_may_attendance()
    services.minutes.create_from_agenda(cyp.may.id)
    minute = cyp.minute_for("Finance")
    vote = services.minutes.votes.record(Vote(None, minute.id, "the budget", for_count=7,
                                              against_count=3))
    with pytest.raises(ValidationError) as refused:
        services.minutes.lifecycle.publish(cyp.may.id)
    assert "budget meeting" in str(refused.value) and "SI 2014/165" in str(refused.value)
    services.minutes.votes.update(Vote(vote.id, minute.id, "the budget", names=named(
        cyp, Bywater="for", Hoy="for", Every="for", Downes="against")))
    assert services.minutes.lifecycle.publish(cyp.may.id).status.value == "published draft"


def test_votes_are_audited_and_removable(services, held):
    minute = held.minute_for("Housing")
    vote = services.minutes.votes.record(Vote(None, minute.id, for_count=6))
    services.minutes.votes.remove(vote.id)
    assert services.minutes.votes.for_minute(minute.id) == []
    summaries = [e.summary for e in services.minutes.lifecycle.history(held.may.id)]
    assert any("vote recorded (6 for, 0 against, 0 abstained)" in s for s in summaries)
    assert any(s.endswith("vote removed") for s in summaries)
