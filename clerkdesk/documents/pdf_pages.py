"""What the pack adds to pages: page numbers, NOT FOR PUBLICATION headers, blank fillers
and the stubs that stand in for withheld documents.

Speed matters: a pack of 300 pages should cost no more than a few plain merges, so page
numbers are written straight into the pages (see ``stamp_pages``) and everything drawn
with ReportLab (headers, the blank page, stubs) is drawn once, on one canvas per kind.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import pikepdf
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

from clerkdesk.documents.fonts import document_fonts

BLANK_PAGE_TEXT = "This page is intentionally left blank"

_MARGIN = 14.0  # points from the edge of the visible page to stamped text
_STAMP_SIZE = 9.0
_LEADING = 11.0


def _drawable(text: str) -> str:
    """Text the chosen font can draw: with Helvetica, accents are dropped (ŵ → w)."""
    if document_fonts().embedded:
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("cp1252", "ignore").decode("cp1252")


def stamp_pages(pack: pikepdf.Pdf, headers: Sequence[str]) -> None:
    """Print "Page N of T" at the foot of every page of ``pack`` and ``headers[i]``, where
    not empty, at the top of page i: upright as a viewer shows the page, whatever its
    /Rotate, and without rewriting the page's own content streams.

    The numbers are written straight into each page's content in built-in Helvetica (no
    ReportLab document to serialise: that was most of the cost of a pack, and the leak
    check reads Helvetica fastest). Headers may hold any character, so ReportLab draws
    them, with the embedded Unicode font, on one canvas for all the pages that have one.
    """
    total = len(pack.pages)
    font = pack.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding))
    frames = [_Frame.of(page) for page in pack.pages]
    marked = [index for index, header in enumerate(headers) if header]
    header_pdf = pikepdf.open(io.BytesIO(_render_headers(
        [(frames[index], headers[index]) for index in marked]))) if marked else None
    header_pages = dict(zip(marked, header_pdf.pages, strict=True)) if header_pdf else {}
    try:
        for index, (page, frame) in enumerate(zip(pack.pages, frames, strict=True)):
            # Every page gets its own /Resources: source pages often share one.
            page.obj.Resources = _copy(page.resources)
            page.obj.Resources.Font = _copy(page.obj.Resources.get("/Font"))
            page.obj.Resources.Font[_NUMBER_FONT] = font
            text = f"Page {index + 1} of {total}"
            x = frame.width - _MARGIN - pdfmetrics.stringWidth(text, "Helvetica", _STAMP_SIZE)
            drawing = (f"Q\nq {frame.matrix} cm BT {_NUMBER_FONT} {_STAMP_SIZE:g} Tf "
                       f"{x:.2f} {_MARGIN:g} Td ({text}) Tj ET Q\n")
            if index in header_pages:
                drawing += _place_header(page, header_pages[index])
            page.contents_add(b"q\n", prepend=True)  # the page may leave its state dirty
            page.contents_add(drawing.encode("ascii"))
    finally:
        if header_pdf is not None:
            header_pdf.close()


_NUMBER_FONT = "/ClerkDeskPageNumber"


def _copy(dictionary: pikepdf.Object | None) -> pikepdf.Dictionary:
    return pikepdf.Dictionary(dict(dictionary.items()) if dictionary is not None else {})


def _place_header(page: pikepdf.Page, overlay: pikepdf.Page) -> str:
    page.obj.Resources.XObject = _copy(page.obj.Resources.get("/XObject"))
    name = page.add_resource(overlay.as_form_xobject(), pikepdf.Name.XObject,
                             prefix="ClerkDeskHeader")
    mx0, my0 = _box(page.mediabox)[:2]
    return f"q 1 0 0 1 {mx0:g} {my0:g} cm {name} Do Q\n"


@dataclass(frozen=True)
class _Frame:
    """The visible page as a viewer shows it: ``matrix`` maps upright coordinates (origin
    at its bottom-left, ``width`` across) to the page's own, relative to ``origin``."""

    media_box: tuple[float, float, float, float]
    matrix: str
    relative_matrix: tuple[float, ...]
    width: float
    height: float

    @classmethod
    def of(cls, page: pikepdf.Page) -> _Frame:
        media, crop = _box(page.mediabox), _box(page.cropbox)
        rotate = int(page.obj.get("/Rotate", 0)) % 360
        x0, y0, x1, y1 = crop
        # /Rotate turns the page clockwise for display; our text turns back with it.
        origin = {0: (x0, y0), 90: (x1, y0), 180: (x1, y1), 270: (x0, y1)}[rotate]
        cos, sin = {0: (1, 0), 90: (0, 1), 180: (-1, 0), 270: (0, -1)}[rotate]
        absolute = (cos, sin, -sin, cos, *origin)
        relative = (cos, sin, -sin, cos, origin[0] - media[0], origin[1] - media[1])
        width, height = (y1 - y0, x1 - x0) if rotate in (90, 270) else (x1 - x0, y1 - y0)
        return cls(media, " ".join(f"{value:g}" for value in absolute), relative, width,
                   height)


def _box(array: pikepdf.Array) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = (float(value) for value in array)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _render_headers(pages: Sequence[tuple[_Frame, str]]) -> bytes:
    """One overlay page per (frame, header), the size of that pack page's media box."""
    font = document_fonts().bold
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for frame, header in pages:
        mx0, my0, mx1, my1 = frame.media_box
        pdf.setPageSize((mx1 - mx0, my1 - my0))
        pdf.transform(*frame.relative_matrix)
        pdf.setFont(font, _STAMP_SIZE)
        lines = simpleSplit(_drawable(header), font, _STAMP_SIZE, frame.width - 2 * _MARGIN)
        for row, line in enumerate(lines, start=1):
            pdf.drawCentredString(frame.width / 2, frame.height - _MARGIN - row * _LEADING, line)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def render_blank_page() -> bytes:
    """An A4 page saying only that it is intentionally blank."""
    font = document_fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(BLANK_PAGE_TEXT)
    pdf.setFont(font.regular, 12)
    pdf.drawCentredString(A4[0] / 2, A4[1] / 2, BLANK_PAGE_TEXT)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@dataclass(frozen=True)
class StubPage:
    """The single page standing in for a withheld document in the public pack."""

    item_heading: str  # e.g. "Item 9: Award of the school transport contract"
    document_title: str  # e.g. "Appendix 2 (not for publication)"
    notice: str  # e.g. "Not for publication by virtue of paragraph 3 of ..."


def render_stub_pages(stubs: Sequence[StubPage]) -> bytes:
    """One A4 page per stub, in order."""
    font = document_fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    width, height = A4
    left, text_width = 72.0, width - 144.0
    for stub in stubs:
        y = height - 120
        for text, font_name, size in (
            (stub.item_heading, font.bold, 14),
            (stub.document_title, font.bold, 12),
            (stub.notice, font.regular, 12),
        ):
            pdf.setFont(font_name, size)
            for line in simpleSplit(_drawable(text), font_name, size, text_width):
                pdf.drawString(left, y, line)
                y -= size * 1.4
            y -= size
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()
