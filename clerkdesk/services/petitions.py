"""Registering petitions, taking them through a meeting to a response, and the register."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from clerkdesk.domain import petitions as steps
from clerkdesk.domain.calendar import WorkingCalendar
from clerkdesk.domain.due import DueState
from clerkdesk.domain.meetings import LONDON
from clerkdesk.domain.petition_privacy import (
    assert_no_organiser_contact_details,
    public_organiser_text,
)
from clerkdesk.domain.petition_scheme import (
    PetitionClock,
    PetitionScheme,
    ThresholdCheck,
    can_speak,
    petition_clocks,
    petition_due_state,
    threshold_check,
    threshold_checks,
)
from clerkdesk.domain.petitions import Organiser, Petition, PetitionStatus, SupplementaryComment
from clerkdesk.errors import ClerkError, ValidationError
from clerkdesk.services.base import Service
from clerkdesk.store.agenda_repo import AgendaRepository
from clerkdesk.store.calendar_repo import CalendarRepository
from clerkdesk.store.committee_repo import CommitteeRepository
from clerkdesk.store.council_repo import CouncilRepository
from clerkdesk.store.meeting_repo import MeetingRepository
from clerkdesk.store.petitions_repo import PetitionRepository


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


@dataclass(frozen=True)
class PetitionRegisterRow:
    """One line of the petitions register: plain values for the GUI, CLI and dashboard."""

    id: int
    title: str
    received: date | None
    signatures: int
    meeting: date | None
    response_due: date | None
    responded: date | None
    status: str
    acknowledgement_due: date | None
    acknowledged: date | None
    due_state: DueState  # the more urgent of the two clocks
    can_speak: bool | None  # None: the scheme sets no speaking threshold
    organiser_public: str  # what public documents may print about the organiser

    def to_json(self) -> dict:
        """The keys ``clerkdesk petitions --json`` prints, dates as ISO strings or null."""
        return {
            "id": self.id,
            "title": self.title,
            "received": _iso(self.received),
            "signatures": self.signatures,
            "meeting": _iso(self.meeting),
            "response_due": _iso(self.response_due),
            "responded": _iso(self.responded),
            "status": self.status,
        }


class PetitionService(Service):
    def __init__(self, store):
        super().__init__(store)
        self.repo = PetitionRepository(self.db)
        self.meetings = MeetingRepository(self.db)
        self.committees = CommitteeRepository(self.db)
        self.agenda = AgendaRepository(self.db)

    # -- settings -----------------------------------------------------------------------------
    def scheme(self) -> PetitionScheme:
        return self.repo.scheme()

    def save_scheme(self, scheme: PetitionScheme) -> PetitionScheme:
        scheme.validate()
        with self._change("save", "petition scheme") as record:
            self.repo.save_scheme(scheme)
            record(1, "Petitions Scheme settings")
        return self.repo.scheme()

    def calendar(self) -> WorkingCalendar:
        """The council's working calendar: its jurisdiction's bank holidays and its own
        extra holidays and local closures, as the deadline settings keep them."""
        council = CouncilRepository(self.db).get()
        return CalendarRepository(self.db).calendar(council.jurisdiction if council else "england")

    # -- organisers ---------------------------------------------------------------------------
    def organisers(self) -> list[Organiser]:
        return self.repo.organisers()

    def add_organiser(self, organiser: Organiser) -> Organiser:
        organiser.validate()
        with self._change("add", "petition organiser") as record:
            organiser_id = self.repo.insert_organiser(organiser)
            record(organiser_id, organiser.name)  # the name only: contact details stay out
        return self.repo.get_organiser(organiser_id)

    def update_organiser(self, organiser: Organiser) -> Organiser:
        organiser.validate()
        self.repo.get_organiser(organiser.id)
        with self._change("update", "petition organiser") as record:
            self.repo.update_organiser(organiser)
            record(organiser.id, organiser.name)
        return self.repo.get_organiser(organiser.id)

    def delete_organiser(self, organiser_id: int) -> None:
        organiser = self.repo.get_organiser(organiser_id)
        count = self.repo.petitions_of_organiser(organiser_id)
        if count:
            raise ClerkError(f"{organiser.name} organised {count} petition(s) on the register.")
        with self._change("delete", "petition organiser") as record:
            self.repo.delete_organiser(organiser_id)
            record(organiser_id, organiser.name)

    # -- petitions ----------------------------------------------------------------------------
    def list(self) -> list[Petition]:
        return self.repo.list()

    def get(self, petition_id: int) -> Petition:
        return self.repo.get(petition_id)

    def for_meeting(self, meeting_id: int) -> list[Petition]:
        return self.repo.for_meeting(meeting_id)

    def register(self, petition: Petition) -> Petition:
        """Put a newly received petition on the register. An organiser without an id is
        added as a new contact; one with an id must already be on record (and is linked, not
        changed: edit contact details with ``update_organiser``)."""
        if petition.committee_id is not None:
            self.committees.get(petition.committee_id)
        petition = replace(
            petition, status=PetitionStatus.RECEIVED, meeting_id=None, meeting_date=None,
            agenda_item_id=None, response_on=None, response_text="", status_note="",
        )  # fmt: skip
        petition.validate()
        with self._change("register", "petition") as record:
            organiser = self._stored_organiser(petition.organiser)
            petition_id = self.repo.insert(replace(petition, organiser=organiser))
            record(petition_id, f"{petition.title} ({petition.signatures} signatures)")
        return self.repo.get(petition_id)

    def update_details(self, petition: Petition) -> Petition:
        """Save edited details (title, text, organiser link, dates received, counts,
        channel, committee); the steps below change status, meeting and response."""
        stored = self.repo.get(petition.id)
        if petition.committee_id is not None:
            self.committees.get(petition.committee_id)
        kept = replace(
            petition,
            status=stored.status,
            meeting_id=stored.meeting_id,
            meeting_date=stored.meeting_date,
            agenda_item_id=stored.agenda_item_id,
            response_on=stored.response_on,
            response_text=stored.response_text,
            status_note=stored.status_note,
            acknowledged_on=stored.acknowledged_on,
        )
        kept.validate()
        with self._change("update", "petition") as record:
            self.repo.update(replace(kept, organiser=self._stored_organiser(kept.organiser)))
            record(kept.id, kept.title)
        return self.repo.get(kept.id)

    def add_comment(self, petition_id: int, on: date, text: str) -> Petition:
        """A supplementary comment from the petitioners, with its date."""
        petition = self.repo.get(petition_id)
        if not text.strip():
            raise ValidationError("The supplementary comment is empty.")
        added = SupplementaryComment(on, text.strip())
        comments = sorted((*petition.comments, added), key=lambda comment: comment.on)
        return self._save(replace(petition, comments=tuple(comments)), "comment", on.isoformat())

    def acknowledge(self, petition_id: int, on: date) -> Petition:
        changed = steps.acknowledged(self.repo.get(petition_id), on)
        return self._save(changed, "acknowledge", on.isoformat())

    def accept(self, petition_id: int) -> Petition:
        """Accept under the scheme; refused below the scheme's minimum signatures."""
        petition = self.repo.get(petition_id)
        check = threshold_check(
            "min_signatures_to_accept", petition.counted_signatures, self.scheme()
        )
        if check.met is False:
            raise ValidationError(f"{check.explanation} Reject it with the reason instead.")
        return self._save(steps.accepted(petition), "accept", petition.title)

    def reject(self, petition_id: int, reason: str) -> Petition:
        changed = steps.rejected(self.repo.get(petition_id), reason)
        return self._save(changed, "reject", reason.strip())

    def withdraw(self, petition_id: int, reason: str) -> Petition:
        changed = steps.withdrawn(self.repo.get(petition_id), reason)
        return self._save(changed, "withdraw", reason.strip())

    def schedule(
        self, petition_id: int, meeting_id: int, agenda_item_id: int | None = None
    ) -> Petition:
        """Put the petition before a meeting (and, optionally, the item it is taken with)."""
        meeting = self.meetings.get(meeting_id)
        self._check_item(agenda_item_id, meeting_id)
        changed = steps.scheduled(
            self.repo.get(petition_id), meeting.committee_id, meeting_id, meeting.date,
            agenda_item_id,
        )  # fmt: skip
        return self._save(changed, "schedule", f"meeting of {meeting.date.isoformat()}")

    def unschedule(self, petition_id: int) -> Petition:
        return self._save(steps.unscheduled(self.repo.get(petition_id)), "unschedule", "")

    def record_consideration(
        self,
        petition_id: int,
        minute_number: str | int = "",
        minute_id: int | None = None,
        agenda_item_id: int | None = None,
    ) -> Petition:
        """The meeting dealt with it, under this minute (and item, if not already linked)."""
        petition = self.repo.get(petition_id)
        self._check_item(agenda_item_id, petition.meeting_id)
        changed = steps.considered(petition, str(minute_number), minute_id, agenda_item_id)
        return self._save(changed, "consider", f"minute {changed.minute_number}".strip())

    def record_response(
        self, petition_id: int, on: date, text: str, responder: str = ""
    ) -> Petition:
        changed = steps.responded(self.repo.get(petition_id), on, text, responder)
        return self._save(changed, "respond", on.isoformat())

    def delete(self, petition_id: int) -> None:
        petition = self.repo.get(petition_id)
        with self._change("delete", "petition") as record:
            self.repo.delete(petition_id)
            record(petition_id, petition.title)

    def _stored_organiser(self, organiser: Organiser | None) -> Organiser | None:
        """The organiser on record: a new one (no id) is added, a known one must exist.
        Call inside the change's transaction, so a failed save adds no contact."""
        if organiser is None:
            return None
        if organiser.id is None:
            organiser.validate()
            return replace(organiser, id=self.repo.insert_organiser(organiser))
        return self.repo.get_organiser(organiser.id)

    def _check_item(self, agenda_item_id: int | None, meeting_id: int | None) -> None:
        if agenda_item_id is None:
            return
        item = self.agenda.get_item(agenda_item_id)
        if item.meeting_id != meeting_id:
            raise ValidationError(f"Agenda item '{item.title}' is not on that meeting's agenda.")

    def _save(self, petition: Petition, what: str, summary: str) -> Petition:
        petition.validate()
        with self._change(what, "petition") as record:
            self.repo.update(petition)
            record(petition.id, summary)
        return self.repo.get(petition.id)

    # -- rules, clocks and the register ---------------------------------------------------------
    def speaking(self, petition_id: int) -> ThresholdCheck:
        """May the organiser speak at the meeting? With the reason, in the scheme's terms."""
        return can_speak(self.repo.get(petition_id).counted_signatures, self.scheme())

    def thresholds(self, petition_id: int) -> dict[str, ThresholdCheck]:
        return threshold_checks(self.repo.get(petition_id), self.scheme())

    def clocks(
        self, petition_id: int, calendar: WorkingCalendar | None = None
    ) -> tuple[PetitionClock, PetitionClock]:
        """The acknowledgement and response clocks, each explaining its count."""
        return petition_clocks(
            self.repo.get(petition_id), self.scheme(), calendar or self.calendar()
        )

    def register_rows(
        self,
        due_only: bool = False,
        today: date | None = None,
        calendar: WorkingCalendar | None = None,
    ) -> list[PetitionRegisterRow]:
        """The register, newest first. ``due_only`` keeps the petitions a dashboard lists:
        an acknowledgement or response overdue or due within the scheme's "due soon" days."""
        today = today or datetime.now(LONDON).date()
        calendar = calendar or self.calendar()
        scheme = self.scheme()
        rows = []
        for petition in self.repo.list():
            acknowledgement, response = petition_clocks(petition, scheme, calendar)
            state = petition_due_state(petition, scheme, calendar, today)
            if due_only and not state.needs_attention:
                continue
            speaking = can_speak(petition.counted_signatures, scheme).met
            rows.append(
                PetitionRegisterRow(
                    id=petition.id,
                    title=petition.title,
                    received=petition.received_on,
                    signatures=petition.signatures,
                    meeting=petition.meeting_date,
                    response_due=response.due_date,
                    responded=petition.response_on,
                    status=petition.status.value,
                    acknowledgement_due=acknowledgement.due_date,
                    acknowledged=petition.acknowledged_on,
                    due_state=state,
                    can_speak=speaking,
                    organiser_public=public_organiser_text(petition, scheme),
                )
            )
        return sorted(rows, key=lambda row: (row.received or date.min, row.id), reverse=True)

    # -- publication ----------------------------------------------------------------------------
    def public_organiser_text(self, petition_id: int) -> str:
        return public_organiser_text(self.repo.get(petition_id), self.scheme())

    def assert_public_safe(self, public: object) -> None:
        """For renderers: refuse a public context that shows any organiser's contact
        details (or names, when the scheme prints nothing about organisers)."""
        assert_no_organiser_contact_details(public, self.repo.organisers(), self.scheme())
