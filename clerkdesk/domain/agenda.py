"""A meeting's agenda: numbered items under section headings, each with its documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from clerkdesk.domain.access import OPEN, Access
from clerkdesk.domain.committees import StandingItemKind
from clerkdesk.domain.validation import Problems

REPORT = "report"  # item kind of an ordinary report item (standing items use their kind)


class DocumentRole(StrEnum):
    REPORT = "report"
    APPENDIX = "appendix"


@dataclass(frozen=True)
class ItemDocument:
    """A file attached to an agenda item, kept in ClerkDesk's store by its SHA-256.

    The file never changes once attached: a new version is a new document.
    """

    id: int | None
    item_id: int
    title: str
    sha256: str
    original_name: str
    media: str  # "pdf" or "docx"
    role: DocumentRole = DocumentRole.REPORT
    access: Access = OPEN
    position: int = 0
    pages: int | None = None  # PDF page count once known
    has_text: bool | None = None  # False for scanned PDFs (accessibility warning)
    added_at: datetime | None = None

    def validate(self) -> None:
        problems = Problems()
        problems.require(self.title, "A document needs a title.")
        if self.media not in ("pdf", "docx"):
            problems.add(f"'{self.original_name}' is not a PDF or Word (.docx) file.")
        for message in self.access.problems(f"Document '{self.title}'"):
            problems.add(message)
        problems.raise_if_any()


@dataclass(frozen=True)
class AgendaItem:
    id: int | None
    meeting_id: int
    title: str  # the agenda title, which may differ from the report's own heading
    section: str = ""
    position: int = 0  # order on the agenda; the item number follows from it
    kind: str = REPORT  # REPORT or a StandingItemKind value
    report_heading: str = ""
    lead_officer: str = ""
    key_decision: bool = False
    forward_plan_ref: str = ""  # e.g. "KD2019/031"
    education_matter: bool = False
    access: Access = OPEN
    late: bool = False
    urgency_reason: str = ""
    notes: str = ""  # a guidance line printed under the item (e.g. declarations guidance)
    plan_item_id: int | None = None  # the agenda-plan entry it was pulled from
    supplement: int = 0  # 0: original agenda; n: added by supplementary agenda n
    documents: tuple[ItemDocument, ...] = field(default_factory=tuple)

    @property
    def is_standing(self) -> bool:
        return self.kind != REPORT

    @property
    def standing_kind(self) -> StandingItemKind | None:
        return None if self.kind == REPORT else StandingItemKind(self.kind)

    def validate(self) -> None:
        problems = Problems()
        problems.require(self.title, "An agenda item needs a title.")
        if self.kind != REPORT and self.kind not in {k.value for k in StandingItemKind}:
            problems.add(f"Unknown item kind '{self.kind}'.")
        if self.late and not self.urgency_reason.strip():
            problems.add(
                f"Item '{self.title}' is a late item: record the reason for urgency "
                "(s.100B(4)(b) of the Local Government Act 1972)."
            )
        if self.key_decision and not self.forward_plan_ref.strip():
            problems.add(f"Key decision '{self.title}' needs its forward plan reference.")
        for message in self.access.problems(f"Item '{self.title}'"):
            problems.add(message)
        problems.raise_if_any()


def numbered(items: list[AgendaItem] | tuple[AgendaItem, ...]) -> list[tuple[int, AgendaItem]]:
    """Items in agenda order with their numbers, 1..n across sections (never restarting)."""
    ordered = sorted(items, key=lambda item: (item.position, item.id or 0))
    return list(enumerate(ordered, start=1))


def sections(items) -> list[tuple[str, list[tuple[int, AgendaItem]]]]:
    """Numbered items under consecutive headings; a heading may appear more than once."""
    return group_by_heading(numbered(items))


def group_by_heading(
    numbered_items: list[tuple[int, AgendaItem]],
) -> list[tuple[str, list[tuple[int, AgendaItem]]]]:
    """Already-numbered items (say, a supplement's) under consecutive headings."""
    groups: list[tuple[str, list[tuple[int, AgendaItem]]]] = []
    for number, item in numbered_items:
        if groups and groups[-1][0] == item.section:
            groups[-1][1].append((number, item))
        else:
            groups.append((item.section, [(number, item)]))
    return groups


def effective_access(item: AgendaItem, document: ItemDocument) -> Access:
    """A document is at least as restricted as the item it belongs to."""
    return document.access.stricter(item.access)
