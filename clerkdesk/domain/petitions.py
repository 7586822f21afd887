"""Petitions: the register entry, its organiser, and the steps a petition goes through.

The organiser is one contact record linked from the petition, so the minutes and the
appendix print the same name (the 2019 minutes say "Lorne Williams", the appendix "Lorne
Williamson": domain.md §5 P1, pitfall 8). The organiser's contact details are private
(rules.md §10): see ``petition_privacy`` for what may be printed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from clerkdesk.domain.validation import Problems
from clerkdesk.errors import ValidationError


class Channel(StrEnum):
    PAPER = "paper"
    E_PETITION = "e-petition"
    BOTH = "paper and e-petition"


class PetitionStatus(StrEnum):
    RECEIVED = "received"  # registered, not yet checked against the scheme
    ACCEPTED = "accepted"  # valid under the scheme, waiting for a meeting or a response
    SCHEDULED = "scheduled"  # linked to the meeting that will consider it
    CONSIDERED = "considered"  # dealt with at the meeting
    RESPONDED = "responded"  # the written response has gone: the petition is closed
    REJECTED = "rejected"  # not accepted under the scheme (the reason is recorded)
    WITHDRAWN = "withdrawn"  # withdrawn by the organiser

    @property
    def is_closed(self) -> bool:
        return self in (PetitionStatus.RESPONDED, PetitionStatus.REJECTED, PetitionStatus.WITHDRAWN)


_S = PetitionStatus
# Which status may follow which. A response may come without a meeting (an officer reply, a
# scheme counting from receipt); a scheduled petition may be taken off the meeting again.
TRANSITIONS: dict[PetitionStatus, frozenset[PetitionStatus]] = {
    _S.RECEIVED: frozenset({_S.ACCEPTED, _S.REJECTED, _S.WITHDRAWN}),
    _S.ACCEPTED: frozenset({_S.SCHEDULED, _S.RESPONDED, _S.WITHDRAWN}),
    _S.SCHEDULED: frozenset({_S.CONSIDERED, _S.ACCEPTED, _S.WITHDRAWN}),
    _S.CONSIDERED: frozenset({_S.RESPONDED}),
    _S.RESPONDED: frozenset(),
    _S.REJECTED: frozenset(),
    _S.WITHDRAWN: frozenset(),
}


def check_transition(current: PetitionStatus, wanted: PetitionStatus) -> None:
    if wanted not in TRANSITIONS[current]:
        allowed = ", ".join(sorted(s.value for s in TRANSITIONS[current])) or "nothing (closed)"
        raise ValidationError(
            f"A {current.value} petition cannot become {wanted.value}; it can become: {allowed}."
        )


@dataclass(frozen=True)
class Organiser:
    """The lead petitioner. ``name`` and ``locality`` may be printed (scheme permitting);
    everything else is contact detail and never leaves the clerk's desk."""

    id: int | None
    name: str
    locality: str = ""  # "Cambridge", as the appendix prints it
    address: str = ""  # several lines
    postcode: str = ""
    email: str = ""
    telephone: str = ""

    @property
    def contact_details(self) -> dict[str, str]:
        """The private fields that hold something, by label."""
        fields = {
            "address": self.address,
            "postcode": self.postcode,
            "email address": self.email,
            "telephone number": self.telephone,
        }
        return {label: value.strip() for label, value in fields.items() if value.strip()}

    def validate(self) -> None:
        problems = Problems()
        problems.require(self.name, "The petition organiser needs a name.")
        if self.email.strip() and "@" not in self.email:
            problems.add(f"Email address '{self.email}' has no '@'.")
        problems.raise_if_any()


@dataclass(frozen=True)
class SupplementaryComment:
    """A dated addition to the petition ("Supplementary comment 15 May 2019", seed 000)."""

    on: date
    text: str
    id: int | None = None


@dataclass(frozen=True)
class Petition:
    id: int | None
    title: str  # "Whitworth House – petition"
    text: str = ""
    organiser: Organiser | None = None  # None only when not known (2016: "the organiser")
    received_on: date | None = None  # the 2019 seed does not state it
    channel: Channel = Channel.PAPER
    signatures: int = 0  # as submitted
    valid_signatures: int | None = None  # after checking, when the scheme asks for it
    committee_id: int | None = None
    meeting_id: int | None = None
    meeting_date: date | None = None  # read from the meeting; never stored on the petition
    agenda_item_id: int | None = None
    minute_id: int | None = None  # the minute record, once minutes are kept in ClerkDesk
    minute_number: str = ""  # as written, e.g. "216"
    acknowledged_on: date | None = None
    response_on: date | None = None
    response_text: str = ""
    responder: str = ""  # "the Chairman, on behalf of the Committee"
    status: PetitionStatus = PetitionStatus.RECEIVED
    status_note: str = ""  # why it was rejected or withdrawn
    comments: tuple[SupplementaryComment, ...] = ()

    @property
    def counted_signatures(self) -> int:
        """The count thresholds use: the valid count once checked, else as submitted."""
        return self.signatures if self.valid_signatures is None else self.valid_signatures

    def validate(self) -> None:
        problems = Problems()
        problems.require(self.title, "A petition needs a title.")
        for count, what in ((self.signatures, "signatures"), (self.valid_signatures, "valid")):
            if count is not None and (isinstance(count, bool) or not isinstance(count, int)):
                problems.add(f"The number of {what} must be a whole number.")
            elif count is not None and count < 0:
                problems.add(f"The number of {what} cannot be negative.")
        if not problems and (self.valid_signatures or 0) > self.signatures:
            problems.add(
                f"{self.valid_signatures} valid signatures is more than the "
                f"{self.signatures} submitted."
            )
        received = self.received_on
        for day, what in ((self.acknowledged_on, "acknowledged"), (self.response_on, "answered")):
            if day is not None and received is not None and day < received:
                problems.add(f"The petition cannot be {what} before it was received.")
        self._check_status(problems)
        problems.raise_if_any()

    def _check_status(self, problems: Problems) -> None:
        needs_meeting = (PetitionStatus.SCHEDULED, PetitionStatus.CONSIDERED)
        if self.status in needs_meeting and self.meeting_id is None:
            problems.add(f"A {self.status.value} petition needs its meeting.")
        if (self.status is PetitionStatus.RESPONDED) != (self.response_on is not None):
            problems.add("A petition is 'responded' exactly when its response date is recorded.")
        closed_early = (PetitionStatus.REJECTED, PetitionStatus.WITHDRAWN)
        if self.status in closed_early and not self.status_note.strip():
            problems.add(f"Record why the petition was {self.status.value}.")


# ----- steps (each returns a new, validated Petition) ----------------------------------------


def _moved(petition: Petition, status: PetitionStatus, **changes) -> Petition:
    check_transition(petition.status, status)
    changed = replace(petition, status=status, **changes)
    changed.validate()
    return changed


def accepted(petition: Petition) -> Petition:
    return _moved(petition, PetitionStatus.ACCEPTED)


def rejected(petition: Petition, reason: str) -> Petition:
    return _moved(petition, PetitionStatus.REJECTED, status_note=reason.strip())


def withdrawn(petition: Petition, reason: str) -> Petition:
    return _moved(petition, PetitionStatus.WITHDRAWN, status_note=reason.strip())


def scheduled(
    petition: Petition,
    committee_id: int,
    meeting_id: int,
    meeting_date: date,
    agenda_item_id: int | None = None,
) -> Petition:
    return _moved(
        petition,
        PetitionStatus.SCHEDULED,
        committee_id=committee_id,
        meeting_id=meeting_id,
        meeting_date=meeting_date,
        agenda_item_id=agenda_item_id,
    )


def unscheduled(petition: Petition) -> Petition:
    """Taken off its meeting (deferred), back to waiting for one."""
    return _moved(
        petition, PetitionStatus.ACCEPTED, meeting_id=None, meeting_date=None, agenda_item_id=None
    )


def considered(
    petition: Petition,
    minute_number: str = "",
    minute_id: int | None = None,
    agenda_item_id: int | None = None,
) -> Petition:
    """Dealt with at its meeting, under the minute (and item) that recorded it. A petition
    heard under the related item records that item's minute (seed 000: "minute 216 refers")."""
    return _moved(
        petition,
        PetitionStatus.CONSIDERED,
        minute_number=minute_number.strip(),
        minute_id=minute_id,
        agenda_item_id=agenda_item_id if agenda_item_id is not None else petition.agenda_item_id,
    )


def responded(petition: Petition, on: date, text: str, responder: str = "") -> Petition:
    if not text.strip():
        raise ValidationError("Record the response that was sent (or a summary of it).")
    return _moved(
        petition, PetitionStatus.RESPONDED, response_on=on, response_text=text.strip(),
        responder=responder.strip() or petition.responder,
    )  # fmt: skip


def acknowledged(petition: Petition, on: date) -> Petition:
    """The acknowledgement sent to the organiser; not a status, it runs beside them."""
    if petition.status is PetitionStatus.WITHDRAWN:
        raise ValidationError("A withdrawn petition is not acknowledged.")
    changed = replace(petition, acknowledged_on=on)
    changed.validate()
    return changed
