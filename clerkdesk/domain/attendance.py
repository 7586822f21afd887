"""Who attended a meeting, in what capacity, and whether the meeting was quorate.

Attendance starts from the committee's membership on the meeting date and is then marked
by the clerk. Each row keeps a copy of the role and voting scope the person had that day,
so a later change of membership never rewrites an old record.

People who watched remotely are listed but are never present in law: since 7 May 2021 a
member must be physically present to count towards the quorum or to vote (Hertfordshire CC
v SSHCLG [2021] EWHC 1093 (Admin); rules.md §9).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from clerkdesk.domain.membership import (
    CO_OPTED_ROLES,
    Membership,
    Role,
    VotingScope,
    membership_order,
)
from clerkdesk.domain.validation import Problems


class Presence(StrEnum):
    PRESENT = "present"
    REMOTE = "watched remotely"
    APOLOGIES = "apologies"
    ABSENT = "absent"


class Capacity(StrEnum):
    MEMBER = "member"  # a councillor member, including the chair and vice-chair
    SUBSTITUTE = "substitute"
    CO_OPTEE = "co-opted member"
    OFFICER = "officer"
    ALSO_PRESENT = "also present"  # a cabinet member, a local member, a guest


MEMBER_CAPACITIES = (Capacity.MEMBER, Capacity.SUBSTITUTE, Capacity.CO_OPTEE)


@dataclass(frozen=True)
class Attendee:
    id: int | None
    meeting_id: int
    person_id: int
    capacity: Capacity
    presence: Presence = Presence.ABSENT
    role: Role | None = None  # the membership role held on the day (None for officers)
    role_title: str = ""  # as printed after the name: "Chairman", "Vice Chairwoman"
    voting_scope: VotingScope = VotingScope.NONE
    substitute_for_id: int | None = None  # substitutes: the member they stand in for
    membership_id: int | None = None
    represents: str = ""  # co-optees: "Roman Catholic diocesan representative"
    post: str = ""  # officers: "Democratic Services Officer"
    description: str = ""  # also present: "Cabinet Member for Children's Services"
    position: int = 0

    @property
    def in_the_room(self) -> bool:
        return self.presence is Presence.PRESENT

    @property
    def is_member(self) -> bool:
        return self.capacity in MEMBER_CAPACITIES

    def may_vote_on(self, education_matter: bool) -> bool:
        """Voting rights alone: present in person, a member, with a scope that covers it."""
        if not (self.in_the_room and self.is_member):
            return False
        return scope_allows(self.voting_scope, education_matter)

    def validate(self) -> None:
        problems = Problems()
        if self.capacity is Capacity.SUBSTITUTE and self.substitute_for_id is None:
            problems.add("A substitute must name the member they stand in for.")
        if self.substitute_for_id is not None and self.capacity is not Capacity.SUBSTITUTE:
            problems.add("Only a substitute can stand in for another member.")
        if self.substitute_for_id is not None and self.substitute_for_id == self.person_id:
            problems.add("A substitute cannot stand in for themselves.")
        if not self.is_member and self.voting_scope is not VotingScope.NONE:
            problems.add(f"An attendee recorded as {self.capacity.value} has no vote.")
        problems.raise_if_any()


def scope_allows(scope: VotingScope, education_matter: bool) -> bool:
    """membership.can_vote() for a scope copied onto an attendance row."""
    if scope is VotingScope.ALL:
        return True
    return scope is VotingScope.EDUCATION_ONLY and education_matter


def capacity_for(role: Role) -> Capacity:
    if role in CO_OPTED_ROLES:
        return Capacity.CO_OPTEE
    if role is Role.SUBSTITUTE:
        return Capacity.SUBSTITUTE
    return Capacity.MEMBER


def attendees_from_memberships(
    meeting_id: int,
    memberships: Iterable[Membership],
    sort_keys: Mapping[int, tuple[str, str]],
    on: date,
    presence: Presence = Presence.ABSENT,
) -> list[Attendee]:
    """One row per person who sits on the committee on ``on``, in front-sheet order.

    Standing substitutes are left out: they attend only when they stand in for someone,
    which the clerk records for the meeting.
    """
    current = [m for m in memberships if m.is_current(on) and m.role is not Role.SUBSTITUTE]
    current.sort(key=lambda m: membership_order(m, sort_keys.get(m.person_id, ("", ""))))
    attendees: list[Attendee] = []
    seen: set[int] = set()
    for membership in current:
        if membership.person_id in seen:  # a second role: the first (highest) one wins
            continue
        seen.add(membership.person_id)
        presiding = membership.role in (Role.CHAIR, Role.VICE_CHAIR)
        attendees.append(
            Attendee(
                id=None,
                meeting_id=meeting_id,
                person_id=membership.person_id,
                capacity=capacity_for(membership.role),
                presence=presence,
                role=membership.role,
                role_title=membership.role_title if presiding else "",
                voting_scope=membership.effective_voting_scope,
                membership_id=membership.id,
                represents=membership.represents,
                position=len(attendees) + 1,
            )
        )
    return attendees


def attendance_problems(attendees: Iterable[Attendee], names: Mapping[int, str]) -> list[str]:
    """Rules that need the whole list: who a substitute replaces, and only once."""
    attendees = list(attendees)
    by_person = {a.person_id: a for a in attendees}
    problems: list[str] = []
    replaced: dict[int, int] = {}
    for attendee in attendees:
        target_id = attendee.substitute_for_id
        if target_id is None:
            continue
        name = names.get(attendee.person_id, "A substitute")
        target_name = names.get(target_id, "the member")
        target = by_person.get(target_id)
        if target is None or target.capacity is not Capacity.MEMBER:
            problems.append(f"{name} substitutes for {target_name}, who is not a member here.")
        elif target.presence in (Presence.PRESENT, Presence.REMOTE):
            problems.append(
                f"{name} cannot substitute for {target_name}, who is recorded as "
                f"{target.presence.value}."
            )
        if target_id in replaced:
            problems.append(
                f"{target_name} has two substitutes: {names.get(replaced[target_id], '?')} "
                f"and {name}."
            )
        replaced[target_id] = attendee.person_id
    return problems


# -- quorum ------------------------------------------------------------------------------------


class QuorumKind(StrEnum):
    FRACTION = "fraction of the membership"
    FIXED = "fixed number"


DEFAULT_QUORUM_SOURCE = (
    "ClerkDesk's starting setting (one quarter of the seats, never fewer than 3), not a "
    "legal rule: a committee's quorum is set by the council's standing orders or the "
    "committee's terms of reference, so replace it with yours."
)


@dataclass(frozen=True)
class QuorumRule:
    kind: QuorumKind = QuorumKind.FRACTION
    numerator: int = 1
    denominator: int = 4
    fixed: int = 3  # the number for FIXED; ignored for FRACTION
    minimum: int = 3  # FRACTION: never fewer than this many
    # Peterborough: "At least half the Members of the Committee (including voting co-opted
    # members)" (domain.md §11.2): voting co-optees fill seats and count when present.
    counts_voting_co_optees: bool = False
    source: str = DEFAULT_QUORUM_SOURCE

    def required(self, seats: int) -> int:
        if self.kind is QuorumKind.FIXED:
            return self.fixed
        share = -(-seats * self.numerator // self.denominator)  # "at least": round up
        return max(share, self.minimum)

    def describe(self) -> str:
        co_optees = " including voting co-opted members" if self.counts_voting_co_optees else ""
        if self.kind is QuorumKind.FIXED:
            return f"{self.fixed} members{co_optees}"
        floor = f", and never fewer than {self.minimum}" if self.minimum else ""
        return f"at least {self.numerator}/{self.denominator} of the members{co_optees}{floor}"

    def validate(self) -> None:
        problems = Problems()
        if self.kind is QuorumKind.FRACTION:
            if not (0 < self.numerator <= self.denominator):
                problems.add("The quorum fraction must be more than 0 and at most 1.")
            if self.minimum < 0:
                problems.add("The quorum minimum cannot be negative.")
        elif self.fixed < 1:
            problems.add("A fixed quorum must be 1 or more.")
        problems.raise_if_any()


def seats(rule: QuorumRule, memberships: Iterable[Membership], on: date) -> int:
    """How many seats the committee has on the day, as the quorum rule counts them."""

    def fills_a_seat(membership: Membership) -> bool:
        if membership.role in (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER):
            return True
        return (
            rule.counts_voting_co_optees
            and membership.role in CO_OPTED_ROLES
            and membership.effective_voting_scope is not VotingScope.NONE
        )

    return sum(1 for m in memberships if m.is_current(on) and fills_a_seat(m))


@dataclass(frozen=True)
class QuorumReport:
    rule: QuorumRule
    seats: int
    required: int
    counted: tuple[int, ...]  # person ids
    not_counted: tuple[tuple[int, str], ...]  # (person id, why), for people in the room

    @property
    def present(self) -> int:
        return len(self.counted)

    @property
    def met(self) -> bool:
        return self.present >= self.required


def assess_quorum(
    rule: QuorumRule,
    seat_count: int,
    attendees: Iterable[Attendee],
    education_matter: bool | None = None,
    barred: Mapping[int, str] | None = None,
) -> QuorumReport:
    """Count present voting members; for one item pass its education flag and the members
    an interest bars from voting on it. ``education_matter=None`` is the whole meeting."""
    barred = barred or {}
    counted, not_counted = [], []
    for attendee in attendees:
        if not attendee.is_member or attendee.presence in (Presence.APOLOGIES, Presence.ABSENT):
            continue
        reason = _not_counted_reason(rule, attendee, education_matter, barred)
        if reason:
            not_counted.append((attendee.person_id, reason))
        else:
            counted.append(attendee.person_id)
    return QuorumReport(
        rule, seat_count, rule.required(seat_count), tuple(counted), tuple(not_counted)
    )


def _not_counted_reason(
    rule: QuorumRule, attendee: Attendee, education_matter: bool | None, barred: Mapping
) -> str:
    if attendee.presence is Presence.REMOTE:
        return "watched remotely, so is not present in law"
    if attendee.voting_scope is VotingScope.NONE:
        return "has no vote"
    if attendee.capacity is Capacity.CO_OPTEE and not rule.counts_voting_co_optees:
        return "co-opted members do not count towards this committee's quorum"
    if education_matter is not None and not attendee.may_vote_on(education_matter):
        return "votes on education matters only, and this item is not one"
    return barred.get(attendee.person_id, "")
