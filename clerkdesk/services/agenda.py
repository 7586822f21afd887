"""Building a meeting's agenda: standing items, report items, order, and attached documents."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from clerkdesk.domain.access import OPEN, Access
from clerkdesk.domain.agenda import AgendaItem, DocumentRole, ItemDocument, numbered
from clerkdesk.domain.calendar import format_long_date
from clerkdesk.domain.committees import StandingItemKind
from clerkdesk.domain.meetings import LONDON, MeetingStatus
from clerkdesk.domain.publication import PublicationKind
from clerkdesk.errors import ClerkError, LockedError, ValidationError
from clerkdesk.services.base import Service
from clerkdesk.store.agenda_repo import AgendaRepository
from clerkdesk.store.committee_repo import CommitteeRepository
from clerkdesk.store.files import FileStore
from clerkdesk.store.meeting_repo import MeetingRepository
from clerkdesk.store.publication_repo import PublicationRepository

MEDIA_BY_SUFFIX = {".pdf": "pdf", ".docx": "docx"}


class AgendaService(Service):
    def __init__(self, store):
        super().__init__(store)
        self.repo = AgendaRepository(self.db)
        self.meetings = MeetingRepository(self.db)
        self.committees = CommitteeRepository(self.db)
        self.publications = PublicationRepository(self.db)
        self.files = FileStore.beside(store.path)

    # -- reading -----------------------------------------------------------------------
    def items(self, meeting_id: int) -> list[AgendaItem]:
        self.meetings.get(meeting_id)
        return self.repo.items_for(meeting_id)

    def item(self, item_id: int) -> AgendaItem:
        return self.repo.get_item(item_id)

    def document_path(self, document: ItemDocument) -> Path:
        return self.files.path_for(document.sha256, document.media)

    def published_supplement_count(self, meeting_id: int) -> int | None:
        """None before the agenda is published; else how many supplements went out."""
        published = self.publications.for_meeting(meeting_id)
        if not any(p.kind is PublicationKind.AGENDA for p in published):
            return None
        return max((p.supplement for p in published), default=0)

    def previous_meeting(self, meeting_id: int):
        meeting = self.meetings.get(meeting_id)
        earlier = [
            m for m in self.meetings.search(committee_id=meeting.committee_id)
            if m.start < meeting.start and m.status is not MeetingStatus.CANCELLED
        ]
        return earlier[-1] if earlier else None

    def section_for_new_item(self, meeting_id: int) -> str:
        """The heading a report added without one goes under: the last report's heading
        (a "DECISIONS" section, say), else the last item's; empty in styles without them."""
        items = [item for _, item in numbered(self.repo.items_for(meeting_id))]
        reports = [item for item in items if not item.is_standing]
        chosen = (reports or items)[-1:]
        return chosen[0].section if chosen else ""

    # -- changing ------------------------------------------------------------------------
    def locked_error(self, item: AgendaItem) -> LockedError | None:
        """Why a published item may not change, or None while it may."""
        published = self.published_supplement_count(item.meeting_id)
        if published is not None and item.supplement <= published:
            return LockedError(
                f"'{item.title}' has been published and cannot change. Add a new item (it "
                "will go into a supplementary agenda) instead."
            )
        return None

    def _check_editable(self, item: AgendaItem) -> None:
        error = self.locked_error(item)
        if error is not None:
            raise error

    def create_standing_items(self, meeting_id: int) -> list[AgendaItem]:
        """Add the committee's standing items that the agenda does not have yet."""
        meeting = self.meetings.get(meeting_id)
        if self.published_supplement_count(meeting_id) is not None:
            raise LockedError(
                "The agenda has been published, so standing items can no longer be added to "
                "it. Add any new business as an item of a supplementary agenda."
            )
        committee = self.committees.get(meeting.committee_id)
        existing = self.repo.items_for(meeting_id)
        have = {(item.kind, item.title) for item in existing}
        previous = self.previous_meeting(meeting_id)
        added = []
        with self._change("add", "agenda item") as record:
            position = max((item.position for item in existing), default=0)
            for standing in committee.standing_items:
                title = standing.title
                if standing.kind is StandingItemKind.MINUTES and previous is not None:
                    title = f"Minutes of the Meeting on {format_long_date(previous.date)}"
                if (standing.kind.value, title) in have:
                    continue
                position += 1
                item = AgendaItem(None, meeting_id, title, standing.section, position,
                                  kind=standing.kind.value)
                item_id = self.repo.insert_item(item)
                record(item_id, title)
                added.append(replace(item, id=item_id))
        return added

    def add_item(self, item: AgendaItem) -> AgendaItem:
        item.validate()
        self.meetings.get(item.meeting_id)
        published = self.published_supplement_count(item.meeting_id)
        existing = self.repo.items_for(item.meeting_id)
        if published is not None:
            item = replace(item, supplement=published + 1)
        if not item.position:
            item = replace(item, position=max((i.position for i in existing), default=0) + 1)
        with self._change("add", "agenda item") as record:
            item_id = self.repo.insert_item(item)
            record(item_id, item.title)
        return self.repo.get_item(item_id)

    def update_item(self, item: AgendaItem) -> AgendaItem:
        item.validate()
        current = self.repo.get_item(item.id)
        self._check_editable(current)
        item = replace(item, meeting_id=current.meeting_id, supplement=current.supplement)
        with self._change("update", "agenda item") as record:
            self.repo.update_item(item)
            record(item.id, item.title)
        return self.repo.get_item(item.id)

    def delete_item(self, item_id: int) -> None:
        item = self.repo.get_item(item_id)
        self._check_editable(item)
        with self._change("delete", "agenda item") as record:
            self.repo.delete_item(item_id)
            remaining = [i.id for _, i in numbered(self.repo.items_for(item.meeting_id))]
            self.repo.set_positions(remaining)
            record(item_id, item.title)

    def reorder(self, meeting_id: int, ordered_ids: list[int]) -> list[AgendaItem]:
        """Put the items in this order; numbers follow. Published items keep their place."""
        current = [item.id for _, item in numbered(self.repo.items_for(meeting_id))]
        if sorted(current) != sorted(ordered_ids):
            raise ValidationError("The new order must list every item of the agenda exactly once.")
        if self.published_supplement_count(meeting_id) is not None and current != ordered_ids:
            raise LockedError(
                "The agenda has been published, so its items cannot be renumbered."
            )
        with self._change("reorder", "meeting") as record:
            self.repo.set_positions(ordered_ids)
            record(meeting_id, "agenda reordered")
        return self.repo.items_for(meeting_id)

    def move(self, item_id: int, offset: int) -> list[AgendaItem]:
        """Move an item up (negative) or down (positive) the agenda."""
        item = self.repo.get_item(item_id)
        ids = [i.id for _, i in numbered(self.repo.items_for(item.meeting_id))]
        index = ids.index(item_id)
        target = max(0, min(len(ids) - 1, index + offset))
        ids.insert(target, ids.pop(index))
        return self.reorder(item.meeting_id, ids)

    # -- documents -----------------------------------------------------------------------
    def attach(
        self,
        item_id: int,
        source: Path,
        title: str = "",
        role: DocumentRole = DocumentRole.REPORT,
        access: Access = OPEN,
        inspect=None,
    ) -> tuple[ItemDocument, list[str]]:
        """Copy a PDF or Word file into the store and attach it; returns warnings too.

        ``inspect(path) -> (pages, has_text, problems, warnings)`` checks a PDF; problems
        refuse the file (encrypted, broken), warnings do not (no text layer).
        """
        item = self.repo.get_item(item_id)
        self._check_editable(item)
        source = Path(source)
        media = MEDIA_BY_SUFFIX.get(source.suffix.lower())
        if media is None:
            raise ValidationError(
                f"'{source.name}' is not a PDF or Word (.docx) file; attach one of those."
            )
        if not source.is_file():
            raise ClerkError(f"There is no file at {source}.")
        pages, has_text, warnings = None, None, []
        if inspect is not None and media == "pdf":
            pages, has_text, problems, warnings = inspect(source)
            if problems:
                raise ValidationError(problems)
        document = ItemDocument(
            None, item_id, title.strip() or source.stem, "", source.name, media, role, access,
            position=len(item.documents) + 1, pages=pages, has_text=has_text,
            added_at=datetime.now(UTC).astimezone(LONDON),
        )
        sha256 = self.files.add(source, media)
        document = replace(document, sha256=sha256)
        document.validate()
        with self._change("attach", "agenda item") as record:
            document_id = self.repo.insert_document(document)
            record(item_id, f"{document.title} ({sha256[:12]})")
        return replace(document, id=document_id), list(warnings)

    def detach(self, document_id: int) -> None:
        document = self.repo.get_document(document_id)
        self._check_editable(self.repo.get_item(document.item_id))
        with self._change("detach", "agenda item") as record:
            self.repo.delete_document(document_id)
            record(document.item_id, document.title)

    def update_document(self, document: ItemDocument) -> ItemDocument:
        """Change a document's title, role or access (its file never changes)."""
        current = self.repo.get_document(document.id)
        self._check_editable(self.repo.get_item(current.item_id))
        document = replace(document, sha256=current.sha256, media=current.media,
                           item_id=current.item_id, original_name=current.original_name)
        document.validate()
        with self._change("update", "agenda item") as record:
            self.repo.update_document(document)
            record(current.item_id, document.title)
        return self.repo.get_document(document.id)
