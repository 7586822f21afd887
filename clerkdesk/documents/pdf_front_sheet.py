"""The front sheet as a PDF, drawn with ReportLab from the same context as Word and HTML.

Fast enough to run twice per pack (once with provisional page ranges to learn how many
pages the front sheet takes, once with the real ranges): a few tens of milliseconds.
The PDF carries its title, en-GB language, DisplayDocTitle, an embedded Unicode font and
one bookmark per heading. It is not tagged (no StructTreeRoot): ReportLab's open-source
edition cannot write structure tags.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from clerkdesk.documents.atomic import write_bytes_atomically
from clerkdesk.documents.fonts import document_fonts
from clerkdesk.documents.front_sheet import AgendaItemLine, FrontSheetContext, page_range_text
from clerkdesk.documents.html import split_web_addresses
from clerkdesk.documents.pdf_outline import BookmarkingDocTemplate, outlined_heading

MARGIN = 2 * cm
TEXT_WIDTH = A4[0] - 2 * MARGIN
NUMBER_WIDTH = 1.25 * cm  # the same hanging indent as the Word template
PAGES_WIDTH = 2.6 * cm
LINK_COLOUR = "#1a4f9c"


@dataclass(frozen=True)
class FrontSheetPdf:
    data: bytes
    page_count: int


def render_front_sheet_pdf(
    context: FrontSheetContext, out_path_or_buffer: Path | str | BinaryIO | None = None
) -> bytes | None:
    """The PDF's bytes when no destination is given; otherwise write it there, return None."""
    result = build_front_sheet_pdf(context)
    if out_path_or_buffer is None:
        return result.data
    if isinstance(out_path_or_buffer, str | Path):
        write_bytes_atomically(out_path_or_buffer, result.data)
    else:
        out_path_or_buffer.write(result.data)
    return None


def build_front_sheet_pdf(context: FrontSheetContext) -> FrontSheetPdf:
    """The PDF and its page count, for a pack that must know how long the front sheet is."""
    context.validate()
    buffer = io.BytesIO()
    styles = _Styles()
    document = BookmarkingDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN, title=context.document_title, author=context.council.name,
        subject=f"Agenda front sheet: {context.committee_name}", creator="ClerkDesk",
        lang="en-GB", displayDocTitle=True,
        # Otherwise every page also references Helvetica, a font that is not embedded.
        initialFontName=styles.body.fontName,
    )
    document.build(_LAYOUTS.get(context.style, _county_story)(context, styles))
    return FrontSheetPdf(buffer.getvalue(), document.page)


def pack_front_sheet_renderer(
    context: FrontSheetContext,
) -> Callable[[Mapping[int, tuple[int, int]]], bytes]:
    """A ``pack_spec.FrontSheetRenderer``: item number -> (first, last) pack page in, PDF
    out. Items not in the mapping keep the page range the context gave them."""

    def render(first_and_last: Mapping[int, tuple[int, int]]) -> bytes:
        pages = {str(number): page_range_text(first, last)
                 for number, (first, last) in first_and_last.items()}
        return build_front_sheet_pdf(context.with_page_ranges(pages)).data

    return render


class _Styles:
    def __init__(self) -> None:
        fonts = document_fonts()
        self.bold_font = fonts.bold
        base = dict(fontName=fonts.regular, fontSize=12, leading=15, spaceAfter=5)
        self.body = ParagraphStyle("Body", **base)
        self.line = ParagraphStyle("Line", **{**base, "spaceAfter": 0})
        self.bold = ParagraphStyle("Bold", **{**base, "fontName": fonts.bold})
        self.heading1 = ParagraphStyle("Heading1", **{**base, "fontName": fonts.bold,
                                                      "fontSize": 16, "leading": 20,
                                                      "spaceAfter": 10})
        self.heading2 = ParagraphStyle("Heading2", **{**base, "fontName": fonts.bold,
                                                      "fontSize": 13, "leading": 16,
                                                      "spaceBefore": 12, "spaceAfter": 4})
        self.label = ParagraphStyle("Label", **{**base, "fontName": fonts.bold, "fontSize": 14,
                                                "leading": 18, "spaceBefore": 12})
        self.item = ParagraphStyle("Item", **{**base, "fontName": fonts.bold, "spaceAfter": 0})
        self.pages = ParagraphStyle("Pages", parent=self.item, alignment=TA_RIGHT)
        self.note = ParagraphStyle("Note", **{**base, "leftIndent": NUMBER_WIDTH,
                                              "rightIndent": PAGES_WIDTH, "spaceAfter": 3})


def _markup(text: str) -> str:
    """Escape for ReportLab's mini-markup and make web addresses links."""
    return "".join(
        f'<link href="{escape(piece)}" color="{LINK_COLOUR}"><u>{escape(piece)}</u></link>'
        if is_url else escape(piece)
        for piece, is_url in split_web_addresses(text)
    )


def _para(text: str, style: ParagraphStyle, bold_prefix: str = "") -> Paragraph:
    prefix = f"<b>{escape(bold_prefix)}</b>" if bold_prefix else ""
    return Paragraph(prefix + _markup(text), style)


def _columns(rows, widths, extra_style=()) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        # Cells default to Helvetica, which would add an unembedded font to the page.
        ("FONTNAME", (0, 0), (-1, -1), document_fonts().regular),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        *extra_style,
    ]))
    return table


def _item_flowables(item: AgendaItemLine, styles: _Styles) -> list[Flowable]:
    row = [Paragraph(escape(f"{item.number}."), styles.item),
           Paragraph(escape(item.title), styles.item),
           Paragraph(escape(item.pages), styles.pages)]
    widths = [NUMBER_WIDTH, TEXT_WIDTH - NUMBER_WIDTH - PAGES_WIDTH, PAGES_WIDTH]
    flowables: list[Flowable] = [Spacer(0, 5), _columns([row], widths)]
    flowables += [_para(note, styles.note) for note in item.note_lines]
    return flowables


def _agenda(context: FrontSheetContext, styles: _Styles) -> list[Flowable]:
    story: list[Flowable] = []
    for section in context.sections:
        if section.heading:
            story.append(outlined_heading(section.heading, styles.heading2, level=1))
        for item in section.agenda_items:
            story += _item_flowables(item, styles)
    return story


def _supplement(context: FrontSheetContext, styles: _Styles) -> list[Flowable]:
    if not context.supplement:
        return []
    return [_para(f"{context.supplement.label}: {context.supplement.date_text}", styles.bold)]


def _standard_paragraphs(context: FrontSheetContext, styles: _Styles) -> list[Flowable]:
    return [_para(p.text, styles.body, p.lead_in) for p in context.standard_paragraphs]


def _lines(lines, style: ParagraphStyle) -> list[Flowable]:
    return [_para(line, style) for line in lines if line]


def _county_story(context: FrontSheetContext, styles: _Styles) -> list[Flowable]:
    """domain.md §1.1; the two blocks under the title sit side by side as on the original."""
    council, clerk = context.council, context.clerk
    when_and_where = [_para(context.date_text, styles.body, "Date: "),
                      _para(context.time_text, styles.body),
                      *_lines([context.venue, context.livestream_note], styles.body)]
    council_block = [*_lines([council.service_name, council.monitoring_officer_name,
                              council.monitoring_officer_title], styles.line),
                     Spacer(0, 8), *_lines(council.address_lines, styles.line)]
    story: list[Flowable] = [
        outlined_heading(context.committee_heading, styles.heading1, level=0),
        _columns([[when_and_where, council_block]], [TEXT_WIDTH * 0.5, TEXT_WIDTH * 0.5]),
        Paragraph("AGENDA", styles.label),
        *_supplement(context, styles),
        _para(context.access_line, styles.body),
        *_agenda(context, styles),
        Spacer(0, 14),
        # Blocks a reader takes in at once are not split across pages.
        KeepTogether([_para(context.membership.heading, styles.body),
                      *_lines(context.membership.lines, styles.body)]),
        Spacer(0, 8),
        KeepTogether([
            _para("For more information about this meeting, including access arrangements "
                  "and facilities for people with disabilities, please contact", styles.body),
            _para(f"Clerk Name: {clerk.name}", styles.body),
            _para(f"Clerk Telephone: {clerk.telephone}", styles.body),
            _para(f"Clerk Email: {clerk.email}", styles.body),
        ]),
        Spacer(0, 6),
        *_standard_paragraphs(context, styles),
    ]
    return story


def _city_story(context: FrontSheetContext, styles: _Styles) -> list[Flowable]:
    """domain.md §1.2, in the order the Peterborough front sheet prints it."""
    clerk = context.clerk
    contact = f"{clerk.name}{', ' + clerk.job_title if clerk.job_title else ''} at " \
              f"{clerk.email}, or {clerk.telephone}"
    header = [Paragraph("AGENDA", styles.label), Paragraph("Page No", styles.pages)]
    story: list[Flowable] = [
        outlined_heading(context.committee_heading, styles.heading1, level=0),
        _para(context.date_text, styles.bold),
        _para(context.time_text, styles.bold),
        _para(context.venue, styles.body, "Venue: "),
        *_lines([context.livestream_note], styles.body),
        _para(contact, styles.body, "Contact: "),
        _columns([header], [TEXT_WIDTH - PAGES_WIDTH, PAGES_WIDTH],
                 [("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                  ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.grey)]),
        *_supplement(context, styles),
        *_agenda(context, styles),
        *_lines([context.next_meeting], styles.note),
        Spacer(0, 10),
        *_standard_paragraphs(context, styles),
        Spacer(0, 8),
        KeepTogether([
            _para(context.membership.heading, styles.bold),
            *_lines([*context.membership.lines, context.membership.substitutes], styles.body),
        ]),
        Spacer(0, 8),
        _para(f"Further information about this meeting can be obtained from {clerk.name} on "
              f"telephone {clerk.telephone} or by email – {clerk.email}", styles.body),
    ]
    return story


_LAYOUTS: dict[str, Callable[[FrontSheetContext, _Styles], list[Flowable]]] = {
    "county": _county_story,
    "city": _city_story,
}
