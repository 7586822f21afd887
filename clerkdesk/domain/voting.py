"""Votes recorded in minutes, and who may be recorded as voting on an item.

Minutes usually say only "It was resolved [unanimously]". A vote is recorded when a member
requires it, and then names are recorded too (SI 1993/202 Sch 2 para 1). At a budget
decision meeting every vote must be recorded by name, and the minutes cannot be finalised
without the names (SI 2014/165; rules.md §7).

Who may vote on an item (rules.md §3, §4, §9):
- only members in the room: remote watchers are never present in law;
- non-voting co-optees never; statutory education co-optees only on education matters;
- not a member whose declared interest bars them, unless a dispensation covers it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from clerkdesk.domain.attendance import Attendee, Capacity, Presence
from clerkdesk.domain.membership import VotingScope


class Choice(StrEnum):
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstained"


class Outcome(StrEnum):
    CARRIED = "carried"
    LOST = "lost"


@dataclass(frozen=True)
class NamedVote:
    person_id: int
    choice: Choice


@dataclass(frozen=True)
class Vote:
    id: int | None
    minute_id: int
    subject: str = ""  # "the recommendations", "the amendment moved by Councillor Hoy"
    for_count: int = 0
    against_count: int = 0
    abstentions: int = 0
    names: tuple[NamedVote, ...] = ()
    requested_by: str = ""  # who required the vote to be recorded by name
    casting_vote: Choice | None = None  # the chair's second or casting vote on a tie
    position: int = 0

    @property
    def named(self) -> bool:
        return bool(self.names)

    @property
    def total(self) -> int:
        return self.for_count + self.against_count + self.abstentions

    @property
    def outcome(self) -> Outcome:
        if self.for_count == self.against_count:
            return Outcome.CARRIED if self.casting_vote is Choice.FOR else Outcome.LOST
        return Outcome.CARRIED if self.for_count > self.against_count else Outcome.LOST

    @property
    def unanimous(self) -> bool:
        return self.for_count > 0 and self.against_count == 0 and self.abstentions == 0

    def names_for(self, choice: Choice) -> list[int]:
        return [named.person_id for named in self.names if named.choice is choice]


def with_counts_from_names(vote: Vote) -> Vote:
    """A named vote's counts are the names, so the two can never disagree."""
    if not vote.names:
        return vote
    return replace(
        vote,
        for_count=len(vote.names_for(Choice.FOR)),
        against_count=len(vote.names_for(Choice.AGAINST)),
        abstentions=len(vote.names_for(Choice.ABSTAIN)),
    )


@dataclass(frozen=True)
class Eligibility:
    person_id: int
    can_vote: bool
    reason: str = ""  # why not, in words a clerk can act on


def eligibility(attendee: Attendee, education_matter: bool, bar: str = "") -> Eligibility:
    """Whether an attendee may be recorded as voting on an item; ``bar`` comes from their
    declarations on the item (declarations.voting_bar)."""

    def no(reason: str) -> Eligibility:
        return Eligibility(attendee.person_id, False, reason)

    if not attendee.is_member:
        return no(f"attended as {attendee.capacity.value}, not as a member of the committee")
    if attendee.presence is Presence.REMOTE:
        return no("watched remotely; only members present in the room may vote")
    if attendee.presence is not Presence.PRESENT:
        return no(f"is recorded as {attendee.presence.value}")
    if attendee.voting_scope is VotingScope.NONE:
        label = "a non-voting co-opted member" if attendee.capacity is Capacity.CO_OPTEE else (
            "without a vote on this committee"
        )
        return no(f"is {label}")
    if not attendee.may_vote_on(education_matter):
        return no("votes on education matters only, and this item is not flagged as one")
    if bar:
        return no(bar)
    return Eligibility(attendee.person_id, True)


def vote_problems(
    vote: Vote,
    eligible: Mapping[int, Eligibility],
    names: Mapping[int, str],
) -> list[str]:
    """What is wrong with a vote as recorded, against who could vote on its item."""
    problems: list[str] = []
    if min(vote.for_count, vote.against_count, vote.abstentions) < 0:
        problems.append("Vote counts cannot be negative.")
    seen: set[int] = set()
    for named in vote.names:
        who = names.get(named.person_id, f"Person {named.person_id}")
        if named.person_id in seen:
            problems.append(f"{who} is named twice in the same vote.")
        seen.add(named.person_id)
        found = eligible.get(named.person_id)
        if found is None:
            problems.append(f"{who} cannot be recorded as voting: not in the attendance.")
        elif not found.can_vote:
            problems.append(f"{who} cannot be recorded as voting: {found.reason}.")
    able = sum(1 for e in eligible.values() if e.can_vote)
    if vote.total > able:
        problems.append(
            f"{vote.total} votes are recorded but only {able} members present could vote "
            "on this item."
        )
    if vote.casting_vote is not None and vote.for_count != vote.against_count:
        problems.append("A casting vote is recorded only when the votes are tied.")
    if vote.casting_vote is Choice.ABSTAIN:
        problems.append("A casting vote is for or against.")
    return problems


def budget_problems(vote: Vote, minute_label: str) -> list[str]:
    """At a budget decision meeting the names are required before the minutes are final."""
    if vote.named:
        return []
    subject = f" on {vote.subject}" if vote.subject else ""
    return [
        f"{minute_label}: the vote{subject} was taken at a budget meeting, so the minutes "
        "must record how each member voted (for, against or abstained) before they can be "
        "published (SI 2014/165)."
    ]
