"""Who sits on which committee, in which role, with what vote, and when.

Rules here are the ones in rules.md §4: co-optees do not vote unless they hold a statutory
education seat (Church of England or Roman Catholic diocesan, parent governor), and then
only on education matters; substitutes are named against the member they stand in for.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from clerkdesk.domain.calendar import format_long_date
from clerkdesk.domain.municipal_year import year_containing
from clerkdesk.domain.validation import Problems
from clerkdesk.errors import ValidationError


class Role(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice-chair"
    MEMBER = "member"
    SUBSTITUTE = "substitute"
    CO_OPTED_VOTING = "co-opted voting"
    CO_OPTED_NON_VOTING = "co-opted non-voting"
    APPOINTEE = "appointee"


class StatutorySeat(StrEnum):
    """The statutory education seats whose holders vote on education matters."""

    NONE = ""
    COFE_DIOCESAN = "Church of England diocesan"
    RC_DIOCESAN = "Roman Catholic diocesan"
    PARENT_GOVERNOR = "parent governor"


class VotingScope(StrEnum):
    ALL = "all matters"
    EDUCATION_ONLY = "education matters only"
    NONE = "none"


# Roles printed first on front sheets and in minutes, in this order.
PRESIDING_ROLES = (Role.CHAIR, Role.VICE_CHAIR)
CO_OPTED_ROLES = (Role.CO_OPTED_VOTING, Role.CO_OPTED_NON_VOTING, Role.APPOINTEE)
# Only one person may hold each of these on a committee at any one time.
SINGLE_HOLDER_ROLES = (Role.CHAIR, Role.VICE_CHAIR)
CHAIR_TITLES = ("Chair", "Chairman", "Chairwoman")


def _written(day: date) -> str:
    """'01 December 2017', as membership messages write dates."""
    return format_long_date(day, zero_pad=True)


def default_voting_scope(role: Role) -> VotingScope:
    if role is Role.CO_OPTED_VOTING:
        return VotingScope.EDUCATION_ONLY
    if role in (Role.CO_OPTED_NON_VOTING, Role.APPOINTEE):
        return VotingScope.NONE
    return VotingScope.ALL


@dataclass(frozen=True)
class Membership:
    id: int | None
    person_id: int
    committee_id: int
    role: Role
    start: date
    end: date | None = None  # inclusive; None = until further notice
    voting_scope: VotingScope | None = None  # None = the role's default
    statutory_seat: StatutorySeat = StatutorySeat.NONE
    represents: str = ""  # "Roman Catholic diocesan representative", "rural parishes"
    substitute_for_id: int | None = None  # a named substitute stands in for this person
    # Chair and vice-chair titles are chosen per person: Chairman, Chairwoman or Chair.
    chair_title: str = "Chair"
    municipal_year: str = ""  # label such as "2019/20", filled from the council's years

    @property
    def effective_voting_scope(self) -> VotingScope:
        return self.voting_scope or default_voting_scope(self.role)

    @property
    def role_title(self) -> str:
        """The role as written after a name: "Chairman", "Vice-Chairwoman", "Appointee"."""
        if self.role is Role.CHAIR:
            return self.chair_title
        if self.role is Role.VICE_CHAIR:
            return f"Vice-{self.chair_title}"
        return self.role.value.capitalize()

    def is_current(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)

    def overlaps(self, other: Membership) -> bool:
        far_future = date.max
        return self.start <= (other.end or far_future) and other.start <= (self.end or far_future)

    def validate(self, year_starts: Iterable[date] = ()) -> None:
        """Checks that need only this membership and the council's municipal years."""
        problems = Problems()
        if self.end is not None and self.end < self.start:
            problems.add(
                f"The membership ends ({_written(self.end)}) before it starts "
                f"({_written(self.start)})."
            )
        if self.role is Role.CO_OPTED_VOTING and self.statutory_seat is StatutorySeat.NONE:
            problems.add(
                "A voting co-optee must hold a statutory seat (Church of England diocesan, "
                "Roman Catholic diocesan or parent governor)."
            )
        if self.statutory_seat is not StatutorySeat.NONE and self.role is not Role.CO_OPTED_VOTING:
            problems.add("Only a voting co-optee can hold a statutory education seat.")
        if self.substitute_for_id is not None and self.role is not Role.SUBSTITUTE:
            problems.add("Only a substitute can be named as standing in for another member.")
        if self.substitute_for_id is not None and self.substitute_for_id == self.person_id:
            problems.add("A substitute cannot stand in for themselves.")
        if self.role in PRESIDING_ROLES and self.chair_title not in CHAIR_TITLES:
            problems.add(f"The chair title must be one of {', '.join(CHAIR_TITLES)}.")
        starts = tuple(year_starts)
        if not starts:
            problems.add(
                "No municipal years are recorded yet: record the date the council's "
                "municipal year starts (its annual meeting) before adding memberships."
            )
        else:
            for label, day in (("starts", self.start), ("ends", self.end)):
                if day is not None and year_containing(day, starts) is None:
                    problems.add(
                        f"The membership {label} on {_written(day)}, outside any recorded "
                        "municipal year: record that year's start date first."
                    )
        problems.raise_if_any()


def check_single_holders(
    candidate: Membership, others: Iterable[Membership], names: dict[int, str]
) -> None:
    """Refuse a chair or vice-chair role that another person holds over the same dates."""
    if candidate.role not in SINGLE_HOLDER_ROLES:
        return
    problems = Problems()
    for other in others:
        if (
            other.id != candidate.id
            and other.committee_id == candidate.committee_id
            and other.role is candidate.role
            and other.person_id != candidate.person_id
            and candidate.overlaps(other)
        ):
            until = f" until {_written(other.end)}" if other.end else ""
            problems.add(
                f"{names.get(other.person_id, 'Another member')} is already "
                f"{candidate.role.value} of this committee from {_written(other.start)}{until}; "
                "end that membership first."
            )
    problems.raise_if_any()


def check_not_duplicated(
    candidate: Membership, others: Iterable[Membership], names: dict[int, str]
) -> None:
    """Refuse a second, overlapping membership of the same person in the same role."""
    for other in others:
        if (
            other.id != candidate.id
            and other.committee_id == candidate.committee_id
            and other.person_id == candidate.person_id
            and other.role is candidate.role
            and other.overlaps(candidate)
        ):
            raise ValidationError(
                f"{names.get(candidate.person_id, 'This person')} is already "
                f"{candidate.role.value} of this committee from {_written(other.start)}."
            )


def can_vote(membership: Membership, education_matter: bool) -> bool:
    scope = membership.effective_voting_scope
    if scope is VotingScope.ALL:
        return True
    if scope is VotingScope.EDUCATION_ONLY:
        return education_matter
    return False


def membership_order(membership: Membership, sort_key: tuple[str, str]) -> tuple:
    """Front-sheet order: chair, vice-chair, the others alphabetically, co-optees last."""
    if membership.role in PRESIDING_ROLES:
        group = PRESIDING_ROLES.index(membership.role)
    elif membership.role in CO_OPTED_ROLES:
        group = 4
    elif membership.role is Role.SUBSTITUTE:
        group = 3
    else:
        group = 2
    return (group, sort_key)
