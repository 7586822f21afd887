"""What goes into an agenda pack, who may see each part, and the public view of it.

Plain frozen data, no database and no PDF work: the services layer builds a ``PackSpec``
from a meeting, and ``public_view`` is the one function that decides what the public may
see (rules.md §1.4). The leak check (``leak_check.py``) asks the same question through
``is_withheld`` so the two can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from clerkdesk.domain.access import OPEN, Access
from clerkdesk.errors import ValidationError

# Access is the domain's own: one definition of what the public may see.
__all__ = ["OPEN", "Access", "PackDocument", "PackItem", "PackSpec"]


@dataclass(frozen=True)
class PackDocument:
    """One report or appendix.

    ``pdf_path`` is a PDF, or a .docx that the build converts with LibreOffice. ``label``
    is a short public-safe name ("Appendix 2") used in the public pack instead of the
    title when the document is withheld. A stub (made only by ``public_view``) has no
    file: ``pdf_path`` is None and ``stub_notice`` is the text of its single page.
    """

    title: str
    pdf_path: Path | None
    access: Access = OPEN
    label: str = ""
    stub_notice: str = ""

    def __post_init__(self) -> None:
        if self.pdf_path is None and not self.stub_notice:
            raise ValidationError(f"The document {self.title!r} has no file.")

    @property
    def is_stub(self) -> bool:
        return self.pdf_path is None


@dataclass(frozen=True)
class PackItem:
    """An agenda item. An item without documents (e.g. Apologies) has no page range."""

    number: int
    title: str
    section: str = ""
    documents: tuple[PackDocument, ...] = ()
    access: Access = OPEN


FrontSheetRenderer = Callable[[dict[int, tuple[int, int]]], "Path | bytes"]


@dataclass(frozen=True)
class PackSpec:
    """A whole pack. ``front_sheet`` renders the agenda front sheet as a PDF, given each
    item number with documents mapped to its (first, last) pack page."""

    title: str
    items: tuple[PackItem, ...]
    front_sheet: FrontSheetRenderer = field(compare=False)

    def __post_init__(self) -> None:
        numbers = [item.number for item in self.items]
        if len(numbers) != len(set(numbers)):
            raise ValidationError("Two agenda items in the pack have the same number.")

    def documents(self) -> Iterator[tuple[PackItem, int, PackDocument]]:
        """Every document in agenda order, with its 1-based position within its item."""
        for item in self.items:
            for position, document in enumerate(item.documents, start=1):
                yield item, position, document


def effective_access(item: PackItem, document: PackDocument) -> Access:
    """The stricter of the item's and the document's access: every document of an exempt
    item is exempt, and a document's own restriction applies even under an open item."""
    return document.access.stricter(item.access)


def is_withheld(item: PackItem, document: PackDocument) -> bool:
    return effective_access(item, document).withheld


def public_label(document: PackDocument, position: int) -> str:
    """The name a withheld document goes by in public: its label, never its title."""
    return document.label.strip() or f"Document {position}"


def public_view(spec: PackSpec) -> PackSpec:
    """The pack as the public may see it: each withheld document becomes a one-page stub.

    Agenda item titles stay, because the agenda itself is published and the exclusion
    resolution must identify the item (rules.md §1.4). Withheld documents keep neither
    their title nor their file: the stub's title is "<label> (not for publication)" and
    its page carries the item title and the Schedule 12A paragraph or confidential basis.
    """
    items = []
    for item in spec.items:
        documents = []
        for position, document in enumerate(item.documents, start=1):
            access = effective_access(item, document)
            if access.withheld:
                document = PackDocument(
                    title=f"{public_label(document, position)} (not for publication)",
                    pdf_path=None,
                    access=access,
                    stub_notice=access.stub_notice(),
                )
            documents.append(document)
        items.append(replace(item, documents=tuple(documents)))
    return replace(spec, items=tuple(items))


def publication_problems(spec: PackSpec) -> list[str]:
    """What must be put right before the public pack may be published."""
    problems = []
    for item, _position, document in spec.documents():
        access = effective_access(item, document)
        if access.level == "exempt" and not access.public_interest_note.strip():
            problems.append(
                f"Item {item.number}: '{document.title}' is exempt but has no public-interest "
                "test note. Record why keeping it exempt outweighs the public interest in "
                "disclosing it before publishing."
            )
    return problems
