"""The agenda pack: front sheet and every item's documents merged into one numbered PDF.

One page numbering everywhere: each document starts on an odd page (blank pages fill the
gaps, so every item ends on an even page for double-sided printing), the number stamped
on each page, the front sheet's page ranges and the bookmarks all come from one ``Layout``.

Two audiences. The public pack is built only from ``public_view(spec)`` and is checked
by ``leak_check`` before its final rename; the members' pack includes withheld documents
with "NOT FOR PUBLICATION" on every page of them.

Building is a generator of ``Progress(done, total, label)`` (architecture pattern 5).
Closing it (a cancelled progress dialog) or any error leaves no output and no temporary
file behind: sources are held in memory and the output is written through ``atomic_path``.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

import pikepdf

from clerkdesk.documents.atomic import atomic_path
from clerkdesk.documents.conversion import (
    DocumentError,
    as_pdf,
    has_text_layer,
    no_text_message,
    open_pdf,
)
from clerkdesk.documents.leak_check import (
    WithheldMaterial,
    leak_scan_steps,
    withheld_material,
)
from clerkdesk.documents.pack_spec import (
    Access,
    PackDocument,
    PackItem,
    PackSpec,
    effective_access,
    public_view,
    publication_problems,
)
from clerkdesk.documents.pdf_pages import (
    StubPage,
    render_blank_page,
    render_stub_pages,
    stamp_pages,
)
from clerkdesk.documents.progress import Progress
from clerkdesk.errors import ClerkError, ValidationError

__all__ = [  # the spec types are re-exported so callers need only this module
    "Access", "Audience", "DocumentError", "Layout", "PackDocument", "PackItem", "PackResult",
    "PackSpec", "Progress", "assemble_steps", "build_pack", "lay_out", "pack_steps",
    "public_view",
]

_MAX_FRONT_SHEET_RENDERS = 6
_FRONT_SHEET_BOOKMARK = "Agenda"
_MEMBERS_TITLE_MARK = " — includes exempt or confidential information — NOT FOR PUBLICATION"
PackSteps = Generator[Progress, None, "PackResult"]


class Audience(StrEnum):
    PUBLIC = "public"
    MEMBERS = "members"


@dataclass(frozen=True)
class PackResult:
    path: Path
    audience: Audience
    page_count: int
    ranges: dict[int, tuple[int, int]]  # item number -> (first, last) pack page
    warnings: tuple[str, ...] = ()  # accessibility: documents that look scanned


@dataclass(frozen=True)
class Layout:
    """Where everything goes, in 1-based pack page numbers."""

    front_sheet_pages: int  # reserved for the front sheet: always even
    starts: tuple[tuple[int, ...], ...]  # per item, the first page of each document
    ranges: dict[int, tuple[int, int]]
    total: int


def _even(pages: int) -> int:
    return pages + pages % 2


def lay_out(front_sheet_pages: int, items: Sequence[PackItem],
            page_counts: Sequence[Sequence[int]]) -> Layout:
    """Place each document on an odd page after a front sheet of ``front_sheet_pages``."""
    next_page = _even(front_sheet_pages) + 1
    starts, ranges = [], {}
    for item, counts in zip(items, page_counts, strict=True):
        item_starts = []
        for count in counts:
            item_starts.append(next_page)
            next_page += _even(count)
        if item_starts:
            ranges[item.number] = (item_starts[0], next_page - 1)
        starts.append(tuple(item_starts))
    return Layout(_even(front_sheet_pages), tuple(starts), ranges, next_page - 1)


def build_pack(
    spec: PackSpec,
    out_path: str | Path,
    *,
    audience: Audience = Audience.PUBLIC,
    progress: Callable[[Progress], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> PackResult | None:
    """Build a pack in one call; None if ``cancelled()`` turned true (nothing written)."""
    steps = pack_steps(spec, out_path, audience=audience)
    try:
        while True:
            step = next(steps)
            if progress:
                progress(step)
            if cancelled():
                steps.close()
                return None
    except StopIteration as finished:
        return finished.value


def pack_steps(spec: PackSpec, out_path: str | Path, *,
               audience: Audience = Audience.PUBLIC,
               converted_dir: Path | None = None) -> PackSteps:
    """Build the pack for ``audience`` at ``out_path``; returns a ``PackResult``.

    The public pack is made from ``public_view(spec)`` and must pass the leak check.
    ``converted_dir`` keeps Word documents' PDFs for the next build (see ``as_pdf``).
    """
    audience = Audience(audience)
    with tempfile.TemporaryDirectory(prefix="clerkdesk-pack-") as work_dir:
        spec = yield from _with_pdfs(spec, Path(work_dir), converted_dir)
        if audience is Audience.MEMBERS:
            return (yield from assemble_steps(spec, out_path, mark_withheld_pages=True))
        problems = publication_problems(spec)
        if problems:
            raise ValidationError(problems)
        guard = withheld_material(spec)
        return (yield from assemble_steps(public_view(spec), out_path, leak_guard=guard))


def _with_pdfs(spec: PackSpec, work_dir: Path,
               converted_dir: Path | None = None) -> Generator[Progress, None, PackSpec]:
    """The spec with Word documents converted to PDF in ``work_dir``."""
    items = []
    for item in spec.items:
        documents = []
        for document in item.documents:
            if document.pdf_path is not None:
                yield Progress(0, 100, f"Preparing '{document.title}'")
                pdf_path = as_pdf(Path(document.pdf_path), document.title, work_dir,
                                  converted_dir)
                document = replace(document, pdf_path=pdf_path)
            documents.append(document)
        items.append(replace(item, documents=tuple(documents)))
    return replace(spec, items=tuple(items))


def assemble_steps(
    spec: PackSpec,
    out_path: str | Path,
    *,
    mark_withheld_pages: bool = False,
    leak_guard: Sequence[WithheldMaterial] | None = None,
) -> PackSteps:
    """Merge ``spec`` as given into ``out_path``. Not the way to a public pack: use
    ``pack_steps``, which filters first. A ``leak_guard`` makes this a public output,
    checked before it is renamed into place (tests pass an unfiltered spec to see the
    check stop it)."""
    audience = Audience.MEMBERS if leak_guard is None else Audience.PUBLIC
    with ExitStack() as stack:
        sources = []
        documents = [document for _, _, document in spec.documents()]
        for done, document in enumerate(documents):
            yield Progress(done * 30 // len(documents), 100, f"Reading '{document.title}'")
            sources.append(None if document.is_stub else stack.enter_context(
                open_pdf(document.pdf_path, document.title)))
        warnings = tuple(no_text_message(document.title)
                         for document, source in zip(documents, sources, strict=True)
                         if source is not None and not has_text_layer(source))
        yield Progress(30, 100, "Laying out the pack")
        page_counts = _page_counts(spec, sources)
        front_sheet, layout = _settle_front_sheet(spec, page_counts, stack)
        pack = stack.enter_context(pikepdf.new())
        headers = _merge_pages(pack, spec, layout, front_sheet, sources, stack,
                               mark_withheld_pages)
        yield Progress(45, 100, "Numbering pages")
        stamp_pages(pack, headers)
        _write_outline(pack, spec, layout)
        # A members' pack must not pass for the public one in a file list or a viewer.
        marked = any(headers)
        _write_metadata(pack, f"{spec.title}{_MEMBERS_TITLE_MARK}" if marked else spec.title)
        yield Progress(60, 100, "Saving the pack")
        with atomic_path(out_path) as temp:
            pack.save(temp)
            if leak_guard is not None:
                for step in leak_scan_steps(temp, leak_guard):
                    yield Progress(70 + 30 * step.done // max(1, step.total), 100, step.label)
    yield Progress(100, 100, "Pack ready")
    return PackResult(Path(out_path), audience, layout.total, layout.ranges, warnings)


def _page_counts(spec: PackSpec, sources: Sequence[pikepdf.Pdf | None]) -> list[list[int]]:
    counts = iter(1 if source is None else len(source.pages) for source in sources)
    return [[next(counts) for _ in item.documents] for item in spec.items]


def _settle_front_sheet(
    spec: PackSpec, page_counts: Sequence[Sequence[int]], stack: ExitStack
) -> tuple[pikepdf.Pdf, Layout]:
    """Render the front sheet until the pages it takes match the ranges printed on it.

    Its length decides where item 1 starts, and the ranges printed on it can change its
    length. The space reserved only grows, so this settles; a shorter render than the
    space reserved is padded with blank pages, which keeps the printed ranges true.
    """
    reserved = 1
    for _ in range(_MAX_FRONT_SHEET_RENDERS):
        layout = lay_out(reserved, spec.items, page_counts)
        rendered = spec.front_sheet(dict(layout.ranges))
        source = io.BytesIO(rendered) if isinstance(rendered, bytes) else rendered
        front_sheet = open_pdf(source, "the agenda front sheet")
        if len(front_sheet.pages) <= layout.front_sheet_pages:
            return stack.enter_context(front_sheet), layout
        reserved = len(front_sheet.pages)
        front_sheet.close()
    raise ClerkError(
        "The agenda front sheet keeps changing length as its page numbers are filled in, "
        "so the pack cannot be numbered. Shorten the front sheet and try again."
    )


def _merge_pages(
    pack: pikepdf.Pdf,
    spec: PackSpec,
    layout: Layout,
    front_sheet: pikepdf.Pdf,
    sources: Sequence[pikepdf.Pdf | None],
    stack: ExitStack,
    mark_withheld_pages: bool,
) -> list[str]:
    """Append every page in order; return the header to print on each."""
    blank = stack.enter_context(pikepdf.open(io.BytesIO(render_blank_page())))
    stub_pages = _stub_pages(spec, stack)
    headers: list[str] = []

    def append(pages: Sequence[pikepdf.Page], header: str = "") -> None:
        pack.pages.extend(pages)
        headers.extend([header] * len(pages))
        if len(pages) % 2:
            pack.pages.append(blank.pages[0])
            headers.append("")

    append(front_sheet.pages)
    while len(pack.pages) < layout.front_sheet_pages:  # the front sheet came out shorter
        append([blank.pages[0]])
    for (item, _, document), source in zip(spec.documents(), sources, strict=True):
        if source is None:
            append([next(stub_pages)])
            continue
        access = effective_access(item, document)
        withheld = access.withheld and mark_withheld_pages
        append(source.pages, access.page_header() if withheld else "")
    return headers


def _stub_pages(spec: PackSpec, stack: ExitStack) -> Iterator[pikepdf.Page]:
    """The pages standing in for withheld documents, in agenda order, all drawn at once."""
    stubs = [
        StubPage(f"Item {item.number}: {item.title}", document.title, document.stub_notice)
        for item, _, document in spec.documents() if document.is_stub
    ]
    if not stubs:
        return iter(())
    return iter(stack.enter_context(pikepdf.open(io.BytesIO(render_stub_pages(stubs)))).pages)


def _write_outline(pack: pikepdf.Pdf, spec: PackSpec, layout: Layout) -> None:
    """"Agenda", then one bookmark per item with one child per document. An item without
    documents (Apologies) points at the front sheet, where it is listed."""
    with pack.open_outline() as outline:
        outline.root.append(pikepdf.OutlineItem(_FRONT_SHEET_BOOKMARK, 0))
        for item, starts in zip(spec.items, layout.starts, strict=True):
            entry = pikepdf.OutlineItem(f"{item.number}. {item.title}",
                                        starts[0] - 1 if starts else 0)
            entry.children.extend(
                pikepdf.OutlineItem(document.title, start - 1)
                for document, start in zip(item.documents, starts, strict=True)
            )
            outline.root.append(entry)


def _write_metadata(pack: pikepdf.Pdf, title: str) -> None:
    """Title shown by viewers, language and page labels (rules.md §8)."""
    pack.docinfo["/Title"] = title
    pack.docinfo["/Creator"] = "ClerkDesk"
    with pack.open_metadata(set_pikepdf_as_editor=False) as xmp:
        xmp["dc:title"] = title
        xmp["dc:language"] = ["en-GB"]
    pack.Root.Lang = pikepdf.String("en-GB")
    pack.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    pack.Root.PageMode = pikepdf.Name.UseOutlines
    # Page labels 1, 2, 3 ... so a viewer's page box shows the printed pack number.
    pack.Root.PageLabels = pikepdf.Dictionary(
        Nums=[0, pikepdf.Dictionary(S=pikepdf.Name.D)])

