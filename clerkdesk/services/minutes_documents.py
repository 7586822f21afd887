"""A meeting's minutes as Word, PDF or HTML, and the documents that minutes put in the next
agenda pack.

``MinutesDocuments`` reads everything the minutes are printed from (the standard wording
comes from the committee's wording templates, votes recorded by name are worded by
``recorded_vote``) and hands plain records to ``documents.minutes_context``. Nothing here
writes to the database.

The pack sources are registered in ``PackService.standing_documents`` by the registry:

- under the Minutes item, the previous meeting's minutes: approved if they have been,
  otherwise the published draft, marked DRAFT on every page. Unpublished drafts are never
  put in a pack. All minutes are treated as open: minutes of exempt (Part 2) business are
  not kept apart yet, so a clerk must not record them in ClerkDesk's public minutes;
- under the Action Log item, the committee's action log dated the agenda's publication day
  (the day it was published if it has been, otherwise the publication deadline).

Both are rendered into ``<database name>-files/generated/`` beside the database, written
atomically each time a pack is built, so the pack always shows the current state.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from clerkdesk.documents.action_log import render_action_log_pdf
from clerkdesk.documents.atomic import write_bytes_atomically
from clerkdesk.documents.minutes_context import (
    STYLES,
    MinuteRecord,
    MinutesContext,
    MinutesRecords,
    build_minutes_context,
)
from clerkdesk.documents.minutes_html import render_minutes_html
from clerkdesk.documents.minutes_pdf import build_minutes_pdf
from clerkdesk.documents.minutes_word import build_minutes_docx
from clerkdesk.documents.pack_spec import PackDocument
from clerkdesk.documents.petition_text import public_petition_text_for
from clerkdesk.documents.phrases import long_date, person_words
from clerkdesk.domain import markup
from clerkdesk.domain.agenda import AgendaItem
from clerkdesk.domain.committees import StandingItemKind
from clerkdesk.domain.meetings import LONDON, Meeting
from clerkdesk.domain.minutes import Minute, MinutesStatus
from clerkdesk.domain.petitions import PetitionStatus
from clerkdesk.domain.voting import Choice, Outcome, Vote
from clerkdesk.errors import ClerkError
from clerkdesk.store.files import FileStore

FORMATS = ("docx", "pdf", "html")
GENERATED = "generated"
# Petitions whose text belongs in an appendix to the minutes of the meeting that heard them.
_HEARD = (PetitionStatus.SCHEDULED, PetitionStatus.CONSIDERED, PetitionStatus.RESPONDED)


def generated_folder(services) -> Path:
    """Documents ClerkDesk makes for packs: beside the database, with its attached files."""
    folder = FileStore.beside(services.store.path).root / GENERATED
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def vote_subject_is_plural(subject: str) -> bool:
    """"the recommendations were", "the amendment ... was": the noun after "the"."""
    words = subject.split()
    noun = words[1] if len(words) > 1 and words[0].casefold() == "the" else words[0]
    return noun.casefold().endswith("s") and not noun.casefold().endswith("ss")


class MinutesDocuments:
    def __init__(self, services):
        self.s = services

    # -- the records -----------------------------------------------------------------------
    def layout(self, committee_id: int) -> str:
        """The committee's minutes style when it is a layout ClerkDesk has, else the
        council's document style (a council's own wording style prints in its layout)."""
        style = self.s.minutes.settings(committee_id).style
        return style if style in STYLES else self.s.council.get().document_style

    def records(self, meeting_id: int, style: str | None = None) -> MinutesRecords:
        meeting = self.s.meetings.get(meeting_id)
        committee = self.s.committees.get(meeting.committee_id)
        minutes = self.s.minutes.list(meeting_id)
        if not minutes:
            raise ClerkError(
                f"The {committee.name} meeting on {long_date(meeting.date)} has no minutes "
                "yet: create them from the agenda first."
            )
        wording = self.s.minutes.wording
        chair_title = wording.chair_title(meeting)
        referenced: set[int] = set()
        for minute in minutes:
            for text in (minute.body, minute.resolution):
                referenced |= markup.minute_references(markup.parse(text))
        return MinutesRecords(
            style=style or self.layout(committee.id),
            council=self.s.council.get(),
            committee=committee,
            meeting=meeting,
            state=self.s.minutes.state(meeting_id),
            minutes=tuple(self._minute(minute, meeting, chair_title) for minute in minutes),
            attendance_text=wording.attendance_text(meeting_id),
            chair_title=chair_title,
            minute_numbers=self.s.minutes.repo.numbers(referenced),
            responsible={a.id: a.responsible for a in self.s.minutes.actions_for_meeting(
                meeting_id)},
            approval_note=self._approval_note(meeting_id),
            appendices=tuple(public_petition_text_for(self.s, p.id)
                             for p in self.s.petitions.for_meeting(meeting_id)
                             if p.status in _HEARD and p.text.strip()),
        )

    def _minute(self, minute: Minute, meeting: Meeting, chair_title: str) -> MinuteRecord:
        lead, rest = ("", markup.Body())
        if minute.resolution.strip():
            lead, rest = self.s.minutes.wording.resolution_lead(minute)
        votes = tuple(self._vote_text(meeting, vote, chair_title)
                      for vote in self.s.minutes.votes.for_minute(minute.id) if vote.named)
        trailing = tuple(a.responsible for a in self.s.minutes.actions.after_resolution(
            minute.id))
        return MinuteRecord(minute, lead, rest, votes, trailing)

    def _vote_text(self, meeting: Meeting, vote: Vote, chair_title: str) -> str:
        people = {p.id: p for p in self.s.people.list()}

        def named(choice: Choice) -> list[dict]:
            chosen = sorted((people[i] for i in vote.names_for(choice)), key=lambda p: p.sort_key)
            return [person_words(person) for person in chosen]

        subject = vote.subject.strip() or "the recommendations"
        phrases = self.s.minutes.wording.phrases(meeting.committee_id)
        return phrases.render(
            "recorded_vote", subject=subject, plural=vote_subject_is_plural(subject),
            outcome=vote.outcome.value, carried=vote.outcome is Outcome.CARRIED,
            requested_by=vote.requested_by.strip(), for_names=named(Choice.FOR),
            against_names=named(Choice.AGAINST), abstained_names=named(Choice.ABSTAIN),
            for_count=vote.for_count, against_count=vote.against_count,
            abstentions=vote.abstentions,
            casting=vote.casting_vote.value if vote.casting_vote else "",
            chair_title=chair_title)

    def _approval_note(self, meeting_id: int) -> str:
        state = self.s.minutes.state(meeting_id)
        if not state.locked or state.approved_at_meeting_id is None:
            return ""
        approving = self.s.meetings.get(state.approved_at_meeting_id)
        number = self.s.minutes.repo.numbers([state.approval_minute_id]).get(
            state.approval_minute_id)
        note = (f"Approved as an accurate record at the meeting on {long_date(approving.date)}"
                f"{f' (minute {number})' if number else ''}.")
        if state.status is MinutesStatus.SIGNED and state.signed_by_id is not None:
            signer = self.s.people.get(state.signed_by_id)
            name = f"{signer.title} {signer.full_name}".strip()
            note += f" Signed by {name} on {long_date(state.signed_on)}."
        return note

    # -- the documents ---------------------------------------------------------------------
    def context(self, meeting_id: int, style: str | None = None) -> MinutesContext:
        return build_minutes_context(self.records(meeting_id, style))

    def render(self, meeting_id: int, fmt: str, style: str | None = None,
               override_dir: Path | None = None) -> bytes:
        if fmt not in FORMATS:
            raise ClerkError(f"Minutes can be written as {', '.join(FORMATS)}, not '{fmt}'.")
        context = self.context(meeting_id, style)
        override_dir = override_dir or self.s.council.template_override()
        if fmt == "docx":
            return build_minutes_docx(context, override_dir)
        if fmt == "pdf":
            return build_minutes_pdf(context)
        return render_minutes_html(context, override_dir).encode("utf-8")

    def write(self, meeting_id: int, fmt: str, out_path: Path, style: str | None = None,
              override_dir: Path | None = None) -> Path:
        """Write the minutes to ``out_path`` atomically; nothing is written on an error."""
        out_path = Path(out_path)
        if not out_path.parent.is_dir():
            raise ClerkError(f"The folder {out_path.parent} does not exist.")
        write_bytes_atomically(out_path, self.render(meeting_id, fmt, style, override_dir))
        return out_path


# -- agenda pack sources (PackService.standing_documents) -----------------------------------------

StandingDocuments = Callable[[Meeting, AgendaItem], list[PackDocument]]


def previous_minutes_documents(services) -> StandingDocuments:
    """Under the Minutes item: the previous meeting's approved or published minutes."""

    def documents(meeting: Meeting, item: AgendaItem) -> list[PackDocument]:
        if item.standing_kind is not StandingItemKind.MINUTES:
            return []
        previous = services.minutes.wording.previous_meeting(meeting)
        if previous is None or not services.minutes.list(previous.id):
            return []
        state = services.minutes.state(previous.id)
        if state.status is MinutesStatus.DRAFT:
            return []  # not published yet: a working copy is never sent out
        path = generated_folder(services) / f"minutes-{previous.id}.pdf"
        MinutesDocuments(services).write(previous.id, "pdf", path)
        draft = "" if state.locked else "Draft minutes"
        title = f"{draft or 'Minutes'} of the meeting on {long_date(previous.date)}"
        return [PackDocument(title=title, pdf_path=path, label="Minutes")]

    return documents


def agenda_date(services, meeting: Meeting) -> date:
    """The day the agenda went out, or is due to: what the action log in it is dated."""
    published = [p for p in services.publishing.history(meeting.id) if p.supplement == 0]
    if published:
        return min(p.published_at for p in published).astimezone(LONDON).date()
    rows = services.deadlines.for_meeting(meeting.id).rows
    due = [row.deadline.due_date for row in rows if row.key == "agenda_publication"]
    return due[0] if due else meeting.date


def action_log_documents(services) -> StandingDocuments:
    """Under the Action Log item: the committee's log as at the agenda's date."""

    def documents(meeting: Meeting, item: AgendaItem) -> list[PackDocument]:
        if item.standing_kind is not StandingItemKind.ACTION_LOG:
            return []
        as_of = agenda_date(services, meeting)
        committee = services.committees.get(meeting.committee_id)
        path = generated_folder(services) / f"action-log-{committee.code}-{as_of}.pdf"
        write_bytes_atomically(path, render_action_log_pdf(services, committee, as_of))
        return [PackDocument(title=f"Action Log as at {long_date(as_of)}", pdf_path=path,
                             label="Action Log")]

    return documents
