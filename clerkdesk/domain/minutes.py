"""Minutes of a meeting: numbered entries, their actions, and the minutes' life cycle.

Life cycle (rules.md §7): draft -> published draft -> approved at a later meeting -> signed
by the person presiding there. Publishing freezes the numbers (minutes are cited by number
from the action log and later minutes), so minutes can no longer be added, removed or
renumbered; the words may still be corrected until approval. Approval locks everything:
after it, only amendments agreed at the approving meeting exist, and they are recorded in
that meeting's approval minute.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum

from clerkdesk.domain.agenda import REPORT
from clerkdesk.domain.attendance import QuorumRule
from clerkdesk.domain.calendar import format_long_date
from clerkdesk.domain.committees import StandingItemKind
from clerkdesk.domain.declarations import DEFAULT_VOCABULARY, VOCABULARIES
from clerkdesk.domain.validation import Problems
from clerkdesk.errors import LockedError, ValidationError


class MinutesStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published draft"
    APPROVED = "approved"
    SIGNED = "signed"


class SubstituteDisplay(StrEnum):
    """Where the attendance shows a substitution (both are seen in the seed minutes)."""

    WITH_APOLOGIES = "with the apologies"  # "Councillor A Hay (substituted by ...)" (2019)
    IN_PRESENT_LIST = "in the present list"  # "A Walsh (substituting for F Onasanya)" (2016)


MINUTE_KINDS = (REPORT, *(kind.value for kind in StandingItemKind))


@dataclass(frozen=True)
class Minute:
    id: int | None
    meeting_id: int
    number: int
    title: str
    section: str = ""
    position: int = 0
    kind: str = REPORT  # REPORT or a StandingItemKind value, as on the agenda
    agenda_item_id: int | None = None
    body: str = ""  # minutes markup (docs/minutes-markup.md)
    resolution: str = ""  # what was resolved, in markup, after the style's lead-in
    unanimous: bool = False
    series: str = ""  # the numbering series key (domain.numbering.NumberingSeries.key)

    @property
    def label(self) -> str:
        return f"Minute {self.number} ({self.title})"

    def validate(self) -> None:
        problems = Problems()
        problems.require(self.title, "A minute needs a title.")
        if self.number < 1:
            problems.add("A minute number must be 1 or more.")
        if self.kind not in MINUTE_KINDS:
            problems.add(f"Unknown minute kind '{self.kind}'.")
        if self.unanimous and not self.resolution.strip():
            problems.add(f"{self.label} is marked unanimous but records no resolution.")
        problems.raise_if_any()


@dataclass(frozen=True)
class MinuteAction:
    """An action arising from a minute, for the action log (built elsewhere) to take up.

    ``responsible`` names the post, as the minutes do ("Democratic Services Officer"); the
    action log names the person.
    """

    minute_id: int
    minute_number: int
    item_title: str
    responsible: str
    text: str
    id: int | None = None
    position: int = 0
    meeting_id: int | None = None
    forward_plan_ref: str = ""  # the agenda item's key decision reference, if any

    def validate(self) -> None:
        problems = Problems()
        problems.require(self.responsible, "Say who the action is for (a post or a person).")
        problems.require(self.text, "Describe the action.")
        problems.raise_if_any()


@dataclass(frozen=True)
class MeetingMinutes:
    """The life-cycle state of one meeting's minutes."""

    meeting_id: int
    status: MinutesStatus = MinutesStatus.DRAFT
    published_at: datetime | None = None
    approved_at_meeting_id: int | None = None
    approval_minute_id: int | None = None
    amendments: tuple[str, ...] = field(default_factory=tuple)
    signed_by_id: int | None = None
    signed_on: date | None = None

    @property
    def locked(self) -> bool:
        return self.status in (MinutesStatus.APPROVED, MinutesStatus.SIGNED)

    @property
    def numbers_frozen(self) -> bool:
        return self.status is not MinutesStatus.DRAFT

    def ensure_editable(self, what: str, meeting_label: str) -> None:
        if self.locked:
            raise LockedError(
                f"The minutes of {meeting_label} have been {self.status.value} and cannot be "
                f"changed ({what}). Corrections are agreed as amendments when minutes are "
                "approved."
            )

    def ensure_numbers_open(self, what: str, meeting_label: str) -> None:
        self.ensure_editable(what, meeting_label)
        if self.numbers_frozen:
            raise LockedError(
                f"The draft minutes of {meeting_label} have been published, so their minute "
                f"numbers are frozen ({what}). Record a correction in the text instead."
            )


def published(state: MeetingMinutes, at: datetime) -> MeetingMinutes:
    if state.status is not MinutesStatus.DRAFT:
        raise ValidationError(f"These minutes are already {state.status.value}.")
    return replace(state, status=MinutesStatus.PUBLISHED, published_at=at)


def approved(
    state: MeetingMinutes,
    approving_meeting_id: int,
    approval_minute_id: int,
    amendments: tuple[str, ...],
) -> MeetingMinutes:
    if state.status is MinutesStatus.DRAFT:
        raise ValidationError("Publish the draft minutes before they are approved.")
    if state.locked:
        raise LockedError(f"These minutes are already {state.status.value}.")
    return replace(
        state,
        status=MinutesStatus.APPROVED,
        approved_at_meeting_id=approving_meeting_id,
        approval_minute_id=approval_minute_id,
        amendments=amendments,
    )


def signed(state: MeetingMinutes, person_id: int, on: date, approved_on: date) -> MeetingMinutes:
    if state.status is not MinutesStatus.APPROVED:
        raise ValidationError(f"Minutes are signed once approved; these are {state.status.value}.")
    if on < approved_on:
        raise ValidationError(
            f"Minutes cannot be signed ({format_long_date(on)}) before the meeting that "
            f"approved them ({format_long_date(approved_on)})."
        )
    return replace(state, status=MinutesStatus.SIGNED, signed_by_id=person_id, signed_on=on)


@dataclass(frozen=True)
class MinutesSettings:
    """How one committee keeps its minutes."""

    committee_id: int
    style: str = "county"  # the wording templates used: templates/text/<style>/
    quorum: QuorumRule = field(default_factory=QuorumRule)
    interest_vocabulary: str = DEFAULT_VOCABULARY
    whipping_declarations: bool = False  # Peterborough scrutiny asks for them
    substitutes: SubstituteDisplay = SubstituteDisplay.WITH_APOLOGIES
    # Running numbers only: meetings from this date start a new series (a restart).
    running_restarted_on: date | None = None

    def validate(self, known_styles: tuple[str, ...]) -> None:
        problems = Problems()
        if self.style not in known_styles:
            problems.add(
                f"There is no minutes style called '{self.style}'. Choose one of: "
                f"{', '.join(known_styles)}."
            )
        if self.interest_vocabulary not in VOCABULARIES:
            problems.add(
                f"There is no interest vocabulary called '{self.interest_vocabulary}'. "
                f"Choose one of: {', '.join(VOCABULARIES)}."
            )
        problems.raise_if_any()
        self.quorum.validate()
