"""The council's Petitions Scheme as data: thresholds, clocks and what is printed publicly.

Since the statutory scheme was repealed in England, each council runs its own (rules.md §5),
so nothing here is law: every value is a setting. The defaults are Cambridgeshire's, as the
seed minutes show them, and each default says where it comes from. Where neither the seeds
nor rules.md give a Cambridgeshire value, the default is "not set" rather than a guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from datetime import date
from enum import StrEnum

from clerkdesk.domain.calendar import WorkingCalendar
from clerkdesk.domain.deadlines import (
    Reading,
    WorkingDaysAfter,
    clear_days_before,
    plural,
    working_days_after,
)
from clerkdesk.domain.due import DEFAULT_DUE_SOON_WORKING_DAYS, DueState, due_state
from clerkdesk.domain.petitions import Petition, PetitionStatus
from clerkdesk.domain.validation import Problems
from clerkdesk.errors import ValidationError


class OrganiserPublication(StrEnum):
    """What public documents may say about the organiser (rules.md §10: practice varies)."""

    NAME_AND_LOCALITY = "name and locality"  # "Lorne Williamson, Cambridge" (seed 000)
    NAME_ONLY = "name only"
    NOTHING = "nothing"  # Cheltenham: the organiser's name is not published


class ClockStart(StrEnum):
    RECEIPT = "receipt"
    MEETING = "meeting"


@dataclass(frozen=True)
class PetitionScheme:
    min_signatures_to_accept: int | None = None
    min_signatures_to_speak: int | None = 50
    officer_evidence_threshold: int | None = None
    council_debate_threshold: int | None = None
    acknowledgement_working_days: int | None = None  # counted from receipt
    response_working_days: int | None = 10
    response_counted_from: ClockStart = ClockStart.MEETING
    submission_clear_working_days: int | None = None  # received in time for a meeting
    due_soon_working_days: int = DEFAULT_DUE_SOON_WORKING_DAYS
    organiser_publication: OrganiserPublication = OrganiserPublication.NAME_AND_LOCALITY

    def __post_init__(self) -> None:
        try:
            object.__setattr__(
                self, "response_counted_from", ClockStart(self.response_counted_from)
            )
            publication = OrganiserPublication(self.organiser_publication)
            object.__setattr__(self, "organiser_publication", publication)
        except ValueError as exc:
            raise ValidationError(f"Petitions Scheme: {exc}") from None

    def validate(self) -> None:
        problems = Problems()
        for key in _COUNT_KEYS:
            value = getattr(self, key)
            required = key == "due_soon_working_days"
            if value is None and not required:
                continue
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                problems.add(f"{LABELS[key]}: must be a whole number of 0 or more, not {value!r}.")
            elif value == 0 and key.endswith("_working_days") and not required:
                problems.add(f"{LABELS[key]}: leave it empty for no clock, rather than 0 days.")
        problems.raise_if_any()

    def source_of(self, key: str) -> str:
        """Where this setting's value comes from: the default's citation, or the council."""
        default = getattr(DEFAULT_SCHEME, key)
        if getattr(self, key) == default:
            return SOURCES[key]
        shown = "not set" if default is None else str(default)
        return f"Council's Petitions Scheme setting (ClerkDesk default: {shown}; {SOURCES[key]})"

    def to_dict(self) -> dict:
        data = asdict(self)
        data.update(
            response_counted_from=self.response_counted_from.value,
            organiser_publication=self.organiser_publication.value,
        )
        return data

    @classmethod
    def from_dict(cls, data: Mapping) -> PetitionScheme:
        """Settings missing from ``data`` (added in a later version) take the defaults."""
        unknown = set(data) - {f.name for f in fields(cls)}
        if unknown:
            raise ValidationError(
                f"Unknown Petitions Scheme setting(s): {', '.join(sorted(unknown))}"
            )
        scheme = cls(**data)
        scheme.validate()
        return scheme


_COUNT_KEYS = (
    "min_signatures_to_accept", "min_signatures_to_speak", "officer_evidence_threshold",
    "council_debate_threshold", "acknowledgement_working_days", "response_working_days",
    "submission_clear_working_days", "due_soon_working_days",
)  # fmt: skip

LABELS = {
    "min_signatures_to_accept": "Signatures needed to be accepted as a petition",
    "min_signatures_to_speak": "Signatures needed for the petitioners to speak",
    "officer_evidence_threshold": "Signatures needed to call a senior officer to give evidence",
    "council_debate_threshold": "Signatures needed for a full Council debate",
    "acknowledgement_working_days": "Acknowledgement within (working days of receipt)",
    "response_working_days": "Written response within (working days)",
    "response_counted_from": "Response period counted from",
    "submission_clear_working_days": "Received at least (clear working days before the meeting)",
    "due_soon_working_days": "Shown as due soon within (working days)",
    "organiser_publication": "Printed about the organiser in public documents",
}

_CCC = "Cambridgeshire CC"
SOURCES = {
    "min_signatures_to_accept": f"not set: no {_CCC} minimum in the seeds; Staffordshire does "
    "not handle fewer than 10 signatures as a petition (rules.md §5, secondary)",
    "min_signatures_to_speak": f"{_CCC} CYP minute 153, 9 Feb 2016 (seed 001 lines 88-92): "
    "'As there were less than 50 signatures, under the provisions of the Council's Petitions "
    "Scheme, the petitioners were unable to speak to the petition' (rules.md §5)",
    "officer_evidence_threshold": f"not set: no {_CCC} figure; Staffordshire uses 2,500 "
    "(rules.md §5, secondary)",
    "council_debate_threshold": f"not set: {_CCC} scheme B2 historically 15,130, with 3,000 "
    "proposed in 2013, current figure not confirmed (rules.md §5, secondary)",
    "acknowledgement_working_days": f"not set: no {_CCC} period; Gloucestershire 5 and "
    "Staffordshire 10 working days (rules.md §5, secondary)",
    "response_working_days": f"{_CCC} CYP minutes: 'a written response to the petition within "
    "10 working days of the meeting' (seed 000 line 128; seed 001 line 92; rules.md §5)",
    "response_counted_from": f"{_CCC}: 'within 10 working days of the meeting' (seeds 000, "
    "001); rules.md §5: from receipt or from the meeting, configurable",
    "submission_clear_working_days": f"not set: no {_CCC} deadline; Gloucestershire asks for "
    "petitions 'at least 10 clear working days ahead of the meeting' (rules.md §5, secondary)",
    "due_soon_working_days": "rules.md §5 'Dashboard': overdue and 'due in ≤2 working days' lists",
    "organiser_publication": f"{_CCC} prints the organiser's name and locality (seed 000 lines "
    "128, 304-320); rules.md §5 'Publication' and §10: a per-council setting",
}

DEFAULT_SCHEME = PetitionScheme()


@dataclass(frozen=True)
class SchemeSetting:
    key: str
    label: str
    value: str  # as a settings page shows it: "50", "not set", "meeting"
    source: str
    is_default: bool


def scheme_settings(scheme: PetitionScheme) -> list[SchemeSetting]:
    """Every setting with its value and where that value comes from, for a settings page."""
    listed = []
    for key, label in LABELS.items():
        value = getattr(scheme, key)
        shown = "not set" if value is None else str(value)
        is_default = value == getattr(DEFAULT_SCHEME, key)
        listed.append(SchemeSetting(key, label, shown, scheme.source_of(key), is_default))
    return listed


# ----- thresholds ------------------------------------------------------------------------------

_PURPOSES = {
    "min_signatures_to_accept": "to be accepted as a petition",
    "min_signatures_to_speak": "for the petitioners to speak to the petition",
    "officer_evidence_threshold": "to call a senior officer to give evidence",
    "council_debate_threshold": "for a debate at full Council",
}


@dataclass(frozen=True)
class ThresholdCheck:
    key: str
    threshold: int | None  # None: the scheme has no such threshold
    signatures: int
    source: str

    @property
    def met(self) -> bool | None:
        """At or above the threshold meets it ("less than 50" could not speak, seed 001)."""
        return None if self.threshold is None else self.signatures >= self.threshold

    @property
    def explanation(self) -> str:
        purpose = _PURPOSES[self.key]
        if self.threshold is None:
            return f"The Petitions Scheme sets no number of signatures {purpose}."
        relation = "at least" if self.met else "fewer than"
        return (
            f"{plural(self.signatures, 'signature')}: {relation} the {self.threshold} the "
            f"Petitions Scheme requires {purpose}."
        )


def threshold_check(key: str, signatures: int, scheme: PetitionScheme) -> ThresholdCheck:
    if key not in _PURPOSES:
        raise ValidationError(f"Unknown petition threshold '{key}'")
    return ThresholdCheck(key, getattr(scheme, key), signatures, scheme.source_of(key))


def can_speak(signatures: int, scheme: PetitionScheme) -> ThresholdCheck:
    return threshold_check("min_signatures_to_speak", signatures, scheme)


def threshold_checks(petition: Petition, scheme: PetitionScheme) -> dict[str, ThresholdCheck]:
    """Every threshold, against the valid count once checked, else the submitted count."""
    return {key: threshold_check(key, petition.counted_signatures, scheme) for key in _PURPOSES}


def received_in_time(
    petition: Petition, meeting_date: date, scheme: PetitionScheme, calendar: WorkingCalendar
) -> bool | None:
    """Whether the petition arrived by the scheme's deadline for that meeting (None when
    the scheme sets none or the receipt date is not recorded)."""
    days = scheme.submission_clear_working_days
    if days is None or petition.received_on is None:
        return None
    latest = clear_days_before(meeting_date, days, calendar, Reading.WORKING).latest_publication
    return petition.received_on <= latest


# ----- clocks ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PetitionClock:
    key: str  # "acknowledgement" or "response"
    label: str
    due: WorkingDaysAfter | None  # explains itself: rule, source, days counted and skipped
    done_on: date | None
    no_due_date_because: str = ""  # why there is no due date yet, for the clerk

    @property
    def due_date(self) -> date | None:
        return self.due.due_date if self.due is not None else None

    def state(self, today: date, calendar: WorkingCalendar, due_soon_working_days: int) -> DueState:
        return due_state(
            self.due_date, today, calendar,
            done=self.done_on is not None, due_soon_working_days=due_soon_working_days,
        )  # fmt: skip


def _not_needed(petition: Petition) -> str:
    if petition.status in (PetitionStatus.REJECTED, PetitionStatus.WITHDRAWN):
        return f"the petition was {petition.status.value}"
    return ""


def acknowledgement_clock(
    petition: Petition, scheme: PetitionScheme, calendar: WorkingCalendar
) -> PetitionClock:
    label = "Acknowledgement to the organiser"
    days = scheme.acknowledgement_working_days
    # A closed petition never needs acknowledging any more: a withdrawn one cannot be
    # acknowledged at all, and an answered one has had more than an acknowledgement.
    closed = petition.acknowledged_on is None and petition.status.is_closed
    why = (
        "the petition has been answered" if closed and petition.status is PetitionStatus.RESPONDED
        else _not_needed(petition) if closed
        else "the Petitions Scheme sets no acknowledgement period" if days is None
        else "the date the petition was received is not recorded" if petition.received_on is None
        else ""
    )  # fmt: skip
    if why:
        return PetitionClock("acknowledgement", label, None, petition.acknowledged_on, why)
    due = working_days_after(petition.received_on, days, calendar).cited(
        f"acknowledge within {plural(days, 'working day')} of receipt (day of receipt excluded)",
        scheme.source_of("acknowledgement_working_days"),
    )
    return PetitionClock("acknowledgement", label, due, petition.acknowledged_on)


def response_clock(
    petition: Petition, scheme: PetitionScheme, calendar: WorkingCalendar
) -> PetitionClock:
    label = "Written response to the petition"
    days = scheme.response_working_days
    from_meeting = scheme.response_counted_from is ClockStart.MEETING
    start = petition.meeting_date if from_meeting else petition.received_on
    why = (
        _not_needed(petition)
        or ("the Petitions Scheme sets no response period" if days is None else "")
        or ("no meeting has been set to consider it" if from_meeting and start is None else "")
        or ("the date the petition was received is not recorded" if start is None else "")
    )
    if why:
        return PetitionClock("response", label, None, petition.response_on, why)
    event = "the meeting" if from_meeting else "receipt"
    due = working_days_after(start, days, calendar).cited(
        f"a written response within {plural(days, 'working day')} of {event} "
        f"({event} day excluded)",
        _response_source(scheme),
    )
    return PetitionClock("response", label, due, petition.response_on)


def _response_source(scheme: PetitionScheme) -> str:
    source = scheme.source_of("response_working_days")
    if scheme.response_counted_from is DEFAULT_SCHEME.response_counted_from:
        return source  # the default's citation already says "of the meeting"
    return f"{source}; counted from {scheme.response_counted_from.value}: " + scheme.source_of(
        "response_counted_from"
    )


def petition_clocks(
    petition: Petition, scheme: PetitionScheme, calendar: WorkingCalendar
) -> tuple[PetitionClock, PetitionClock]:
    return (
        acknowledgement_clock(petition, scheme, calendar),
        response_clock(petition, scheme, calendar),
    )


_URGENCY = (DueState.OVERDUE, DueState.DUE_SOON, DueState.NOT_YET_DUE, DueState.DONE)


def petition_due_state(
    petition: Petition, scheme: PetitionScheme, calendar: WorkingCalendar, today: date
) -> DueState:
    """The most urgent state of the petition's clocks, for a dashboard list."""
    states = {
        clock.state(today, calendar, scheme.due_soon_working_days)
        for clock in petition_clocks(petition, scheme, calendar)
    }
    return next((state for state in _URGENCY if state in states), DueState.NO_DUE_DATE)
