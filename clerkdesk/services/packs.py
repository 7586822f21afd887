"""From a meeting in the database to its front sheet and agenda pack.

Reads the records, hands plain data to ``clerkdesk.documents`` and never writes to the
database itself (publishing.py records what was published).
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from datetime import date
from pathlib import Path

from clerkdesk.documents.agenda_context import AgendaRecords, front_sheet_context
from clerkdesk.documents.atomic import write_bytes_atomically
from clerkdesk.documents.front_sheet import FrontSheetContext, page_range_text
from clerkdesk.documents.html import render_front_sheet_html
from clerkdesk.documents.pack import Audience, PackResult, pack_steps
from clerkdesk.documents.pack_spec import PackDocument, PackItem, PackSpec
from clerkdesk.documents.pdf_front_sheet import (
    pack_front_sheet_renderer,
    render_front_sheet_pdf,
)
from clerkdesk.documents.progress import Progress, run_to_end
from clerkdesk.documents.word import render_front_sheet_docx
from clerkdesk.domain.agenda import AgendaItem, DocumentRole, effective_access, numbered
from clerkdesk.domain.calendar import format_long_date, format_uk_date
from clerkdesk.domain.meetings import LONDON, Meeting, MeetingStatus
from clerkdesk.domain.petition_privacy import public_organiser_text
from clerkdesk.errors import ClerkError
from clerkdesk.services.base import Service
from clerkdesk.store.files import FileStore

# Extra documents a standing item can carry (previous minutes, the action log), given by
# the features that own them: ``(meeting, item) -> [PackDocument, ...]``.
StandingDocuments = Callable[[Meeting, AgendaItem], list[PackDocument]]


class PackService(Service):
    def __init__(self, store, services):
        super().__init__(store)
        self.s = services
        # Features that put a document under a standing item register a source here.
        self.standing_documents: list[StandingDocuments] = []

    # -- the records -----------------------------------------------------------------------
    def numbered_items(self, meeting_id: int, supplement: int = 0) -> list[tuple[int, AgendaItem]]:
        """The agenda's items (supplement 0) or one supplement's, keeping agenda numbers."""
        chosen = [(number, item) for number, item in numbered(self.s.agenda.items(meeting_id))
                  if item.supplement == supplement]
        if not chosen:
            meeting = self.s.meetings.get(meeting_id)
            committee = self.s.committees.get(meeting.committee_id)
            what = f"supplement {supplement}" if supplement else "an agenda"
            raise ClerkError(
                f"The {committee.name} meeting on {format_long_date(meeting.date)} has no items "
                f"for {what} yet: add items in the agenda builder (or 'Add standing items') "
                "first."
            )
        return chosen

    def records(self, meeting_id: int, supplement: int = 0,
                published_on: date | None = None) -> AgendaRecords:
        meeting = self.s.meetings.get(meeting_id)
        committee = self.s.committees.get(meeting.committee_id)
        council = self.s.council.get()
        people = {person.id: person for person in self.s.people.list()}
        members = tuple(
            (people[m.person_id], m)
            for m in self.s.memberships.for_committee(committee.id, on=meeting.date)
        )
        later = [m for m in self.s.meetings.search(committee_id=committee.id)
                 if m.start > meeting.start and m.status is not MeetingStatus.CANCELLED]
        label = (f"Supplement {supplement}", published_on or date.today()) if supplement else None
        return AgendaRecords(
            council=council,
            committee=committee,
            meeting=meeting,
            items=tuple(self.numbered_items(meeting_id, supplement)),
            members=members,
            clerk=people.get(committee.clerk_id),
            next_meeting=later[0] if later else None,
            supplement=label,
            declarations_guidance=council.declarations_guidance,
            petition_lines=self._petition_lines(meeting_id),
        )

    def _petition_lines(self, meeting_id: int) -> tuple[str, ...]:
        """The petitions to be heard, as the scheme lets the organiser be named in public."""
        scheme = self.s.petitions.scheme()
        lines = []
        for petition in self.s.petitions.for_meeting(meeting_id):
            organiser = public_organiser_text(petition, scheme)
            by = f", submitted by {organiser}" if organiser else ""
            lines.append(f"Petition: {petition.title}{by} ({petition.signatures} signatures)")
        self.s.petitions.assert_public_safe(lines)  # never an organiser's contact details
        return tuple(lines)

    def context(self, meeting_id: int, **kwargs) -> FrontSheetContext:
        records = self.records(meeting_id, **kwargs)
        return front_sheet_context(records, records.council.document_style)

    # -- the pack ------------------------------------------------------------------------
    def spec(self, meeting_id: int, **kwargs) -> PackSpec:
        return self.spec_and_context(meeting_id, **kwargs)[0]

    def spec_and_context(self, meeting_id: int, **kwargs
                         ) -> tuple[PackSpec, FrontSheetContext]:
        """The pack's spec and its front sheet's context, from one reading of the records
        (publishing builds two packs and two front sheets from them)."""
        records = self.records(meeting_id, **kwargs)
        context = front_sheet_context(records, records.council.document_style)
        items = []
        for number, item in records.items:
            documents = []
            for source in self.standing_documents:
                documents.extend(source(records.meeting, item))
            appendix = 0
            for document in item.documents:
                if document.role is DocumentRole.APPENDIX:
                    appendix += 1
                label = f"Appendix {appendix}" if document.role is DocumentRole.APPENDIX \
                    else "Report"
                documents.append(PackDocument(
                    title=document.title,
                    pdf_path=self.s.agenda.document_path(document),
                    access=effective_access(item, document),
                    label=label,
                ))
            items.append(PackItem(number, item.title, item.section, tuple(documents),
                                  item.access))
        day = records.meeting.start.astimezone(LONDON)
        title = f"{records.committee.name} — Agenda pack — {format_uk_date(day.date())}"
        if records.supplement:
            title += f" — {records.supplement[0]}"
        return PackSpec(title, tuple(items), pack_front_sheet_renderer(context)), context

    def pack_steps(self, meeting_id: int, out_path: Path, audience: Audience,
                   **kwargs) -> Generator[Progress, None, PackResult]:
        return (yield from self.steps_for(self.spec(meeting_id, **kwargs), out_path, audience))

    def steps_for(self, spec: PackSpec, out_path: Path, audience: Audience
                  ) -> Generator[Progress, None, PackResult]:
        # Stored documents never change, so a Word report is converted once, not per build.
        converted = FileStore.beside(self.store.path).root / "converted"
        return (yield from pack_steps(spec, out_path, audience=Audience(audience),
                                      converted_dir=converted))

    def build_pack(self, meeting_id: int, out_path: Path, audience: Audience,
                   **kwargs) -> PackResult:
        return run_to_end(self.pack_steps(meeting_id, out_path, audience, **kwargs))

    # -- the front sheet alone -----------------------------------------------------------
    def write_front_sheet(self, meeting_id: int, fmt: str, out_path: Path,
                          ranges: dict[int, tuple[int, int]] | None = None,
                          context: FrontSheetContext | None = None, **kwargs) -> Path:
        """The agenda alone as Word, PDF or HTML, with page ranges when a pack gave them
        (and its ``context`` when the caller has read the records already)."""
        context = context or self.context(meeting_id, **kwargs)
        if ranges:
            context = context.with_page_ranges(
                {str(n): page_range_text(first, last) for n, (first, last) in ranges.items()})
        override = self.s.council.template_override()
        if fmt == "docx":
            return render_front_sheet_docx(context, out_path, context.style, override)
        if fmt == "pdf":
            render_front_sheet_pdf(context, out_path)
            return out_path
        if fmt == "html":
            html = render_front_sheet_html(context, context.style, override)
            write_bytes_atomically(out_path, html.encode("utf-8"))
            return out_path
        raise ClerkError(f"Unknown format '{fmt}': choose docx, pdf or html.")
