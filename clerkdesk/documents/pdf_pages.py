"""Pages the pack adds itself, made with ReportLab: page-number stamps, blank fillers, stubs.

Speed matters (a pack of 300 pages should cost about as much as a plain merge), so every
stamp of a pack is drawn on one ReportLab canvas, one overlay page per pack page, and each
overlay is placed on its pack page as a form XObject by ``stamp_page`` without rewriting
the page's own content streams.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import pikepdf
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
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


@dataclass(frozen=True)
class PageStamp:
    """What to print on one pack page, and the geometry of that page."""

    number: int
    total: int
    media_box: tuple[float, float, float, float]
    crop_box: tuple[float, float, float, float]
    rotate: int = 0
    header: str = ""

    @classmethod
    def for_page(cls, page: pikepdf.Page, number: int, total: int, header: str = "") -> PageStamp:
        return cls(
            number=number,
            total=total,
            media_box=_box(page.mediabox),
            crop_box=_box(page.cropbox),
            rotate=int(page.obj.get("/Rotate", 0)) % 360,
            header=header,
        )


def _box(array: pikepdf.Array) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = (float(value) for value in array)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def render_stamps(stamps: Sequence[PageStamp]) -> bytes:
    """One overlay page per stamp, each the size of its pack page's media box.

    The text is drawn so that it reads upright at the bottom (number) and top (header) of
    the page as a viewer shows it, whatever the page's /Rotate.
    """
    font = document_fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pageCompression=1)
    for stamp in stamps:
        mx0, my0, mx1, my1 = stamp.media_box
        pdf.setPageSize((mx1 - mx0, my1 - my0))
        width, height = _orient_to_viewer(pdf, stamp)
        # Built-in Helvetica for the digits: a text search of the pack (the leak check)
        # reads it far faster than an embedded font with its ToUnicode map.
        pdf.setFont("Helvetica", _STAMP_SIZE)
        pdf.drawRightString(
            width - _MARGIN, _MARGIN, f"Page {stamp.number} of {stamp.total}"
        )
        if stamp.header:
            pdf.setFont(font.bold, _STAMP_SIZE)
            lines = simpleSplit(_drawable(stamp.header), font.bold, _STAMP_SIZE,
                                width - 2 * _MARGIN)
            for row, line in enumerate(lines, start=1):
                pdf.drawCentredString(width / 2, height - _MARGIN - row * _LEADING, line)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _orient_to_viewer(pdf: canvas.Canvas, stamp: PageStamp) -> tuple[float, float]:
    """Move the origin to the bottom-left of the visible page as displayed; return the
    displayed width and height. Coordinates are relative to the overlay page, whose
    origin is the media box's lower-left corner."""
    mx0, my0 = stamp.media_box[:2]
    x0, y0, x1, y1 = (
        stamp.crop_box[0] - mx0, stamp.crop_box[1] - my0,
        stamp.crop_box[2] - mx0, stamp.crop_box[3] - my0,
    )
    # /Rotate turns the page clockwise for display; undo it for our text.
    origin = {0: (x0, y0), 90: (x1, y0), 180: (x1, y1), 270: (x0, y1)}[stamp.rotate]
    pdf.translate(*origin)
    pdf.rotate(stamp.rotate)
    if stamp.rotate in (90, 270):
        return y1 - y0, x1 - x0
    return x1 - x0, y1 - y0


def stamp_page(page: pikepdf.Page, overlay: pikepdf.Page) -> None:
    """Draw ``overlay`` (a page of ``render_stamps`` output, possibly from another PDF)
    over ``page``, leaving the page's own content streams untouched."""
    form = overlay.as_form_xobject()
    # Pages of one source document often share a /Resources dictionary; give this page
    # its own copy so the stamp of one page is not listed in the resources of all.
    resources = pikepdf.Dictionary(dict(page.resources.items()))
    xobjects = resources.get("/XObject")
    resources.XObject = pikepdf.Dictionary(dict(xobjects.items()) if xobjects else {})
    page.obj.Resources = resources
    name = page.add_resource(form, pikepdf.Name.XObject, prefix="ClerkStamp")
    mx0, my0 = _box(page.mediabox)[:2]
    page.contents_add(b"q\n", prepend=True)  # the page may leave its graphics state dirty
    page.contents_add(f"Q\nq 1 0 0 1 {mx0:g} {my0:g} cm {name} Do Q\n".encode())


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
