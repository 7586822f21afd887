"""Minutes as a PDF, drawn with ReportLab from the same context as Word and HTML.

Title, en-GB, DisplayDocTitle, the embedded Unicode font and bookmarks (the document, each
section, each minute, each appendix) as on the front sheet. Draft minutes say so three
times: a line under the heading, "DRAFT — subject to approval" at the top of every page,
and a pale diagonal "DRAFT" behind the text of every page, so a page printed or copied on
its own still shows it. Approved minutes carry none of it. Like the front sheet, the file
is not tagged: ReportLab's open-source edition cannot write structure tags.

No page numbers are printed: inside an agenda pack every page is numbered by the pack, and
two numbers on one page would mislead.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak, Paragraph

from clerkdesk.documents.fonts import document_fonts
from clerkdesk.documents.html import split_web_addresses
from clerkdesk.documents.minutes_blocks import Line, Runs
from clerkdesk.documents.minutes_context import MinutesContext
from clerkdesk.documents.pdf_front_sheet import LINK_COLOUR, MARGIN
from clerkdesk.documents.pdf_outline import BookmarkingDocTemplate, outlined_heading

INDENT = 1.0 * cm  # each list level; the label hangs in the indent
WATERMARK = "DRAFT"


class _Styles:
    def __init__(self) -> None:
        fonts = document_fonts()
        self.fonts = fonts
        base = dict(fontName=fonts.regular, fontSize=12, leading=15, spaceAfter=6)
        bold = {**base, "fontName": fonts.bold}
        self.body = ParagraphStyle("Body", **base)
        self.line = ParagraphStyle("Line", **{**base, "spaceAfter": 2})
        self.bold = ParagraphStyle("Bold", **bold)
        self.heading1 = ParagraphStyle("Heading1", **{**bold, "fontSize": 15, "leading": 19,
                                                      "spaceAfter": 10})
        self.heading2 = ParagraphStyle("Heading2", **{**bold, "fontSize": 13, "leading": 16,
                                                      "spaceBefore": 14, "keepWithNext": 1})
        self.heading3 = ParagraphStyle("Heading3", **{**bold, "spaceBefore": 10,
                                                      "keepWithNext": 1})
        self.draft = ParagraphStyle("Draft", **{**bold, "textColor": colors.HexColor("#8b0000")})
        self.signature = ParagraphStyle("Signature", **{**base, "spaceBefore": 36,
                                                        "spaceAfter": 0})
        self.small = ParagraphStyle("Small", **{**base, "fontSize": 10, "leading": 13,
                                                "spaceBefore": 12})
        self.continued = ParagraphStyle("Continued", **{**base, "leftIndent": INDENT})
        self.subheading = ParagraphStyle("Subheading", **{**base, "spaceBefore": 6,
                                                          "keepWithNext": 1})

    def for_line(self, style: str) -> ParagraphStyle:
        if style == "subheading":
            return self.subheading
        depth = 2 if style.startswith("subitem") else 1 if style.startswith("item") else 0
        return ParagraphStyle(f"Line-{style}", parent=self.body, leftIndent=depth * INDENT,
                              bulletIndent=(depth - 1) * INDENT if depth else 0,
                              bulletFontName=self.fonts.regular, bulletFontSize=12,
                              spaceAfter=4 if depth else 6)


def _text(text: str) -> str:
    """Escaped for ReportLab's mini-markup, web addresses made links."""
    return "".join(
        f'<link href="{escape(piece)}" color="{LINK_COLOUR}"><u>{escape(piece)}</u></link>'
        if is_url else escape(piece)
        for piece, is_url in split_web_addresses(text)
    )


def _runs(runs: Runs) -> str:
    return "".join(f"<b>{escape(run.text)}</b>" if run.bold else _text(run.text)
                   for run in runs)


def _labelled(label: str, text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph((f"<b>{escape(label)}:</b> " if label else "") + _text(text), style)


def _line(line: Line, following: Line | None, styles: _Styles) -> Paragraph:
    style = styles.for_line(line.style)
    # A lead-in ("It was resolved to:") stays with what it introduces, and an item with
    # the action line under it.
    if following is not None and (line.text.rstrip().endswith(":")
                                  or following.style.endswith("action")):
        style = ParagraphStyle(f"{style.name}-kept", parent=style, keepWithNext=1)
    if line.label:
        return Paragraph(_runs(line.runs), style, bulletText=line.label)
    return Paragraph(_runs(line.runs), style)


def _story(context: MinutesContext, styles: _Styles) -> list[Flowable]:
    story: list[Flowable] = [outlined_heading(context.heading, styles.heading1, level=0)]
    if context.draft:
        story.append(Paragraph(escape(context.draft_label), styles.draft))
    detail_style = styles.bold if context.style == "city" else styles.body
    story += [_labelled(d.label, d.text, detail_style) for d in context.details]
    story += [_labelled(a.label, a.text, styles.continued if a.continued else styles.body)
              for a in context.attendance]
    for section in context.sections:
        level = 1
        if section.heading:
            story.append(outlined_heading(section.heading, styles.heading2, level=1))
            level = 2
        for minute in section.minutes:
            story.append(outlined_heading(minute.heading, styles.heading3, level=level))
            lines = minute.lines
            story += [_line(line, lines[index + 1] if index + 1 < len(lines) else None, styles)
                      for index, line in enumerate(lines)]
    story += [Paragraph(escape(context.signature_title), styles.signature),
              Paragraph(escape(context.signature_date), styles.body)]
    if context.closing_line:
        story.append(Paragraph(escape(context.closing_line), styles.body))
    for note in (context.status_note, context.alternative_formats):
        if note:
            story.append(Paragraph(escape(note), styles.small))
    for appendix in context.appendices:
        story += [PageBreak(), outlined_heading(f"{appendix.heading}: {appendix.title}",
                                        styles.heading2, level=1)]
        story += [Paragraph(_text(paragraph), styles.body) for paragraph in appendix.paragraphs]
    return story


def _draft_marks(label: str, font: str):
    """Drawn under each page's text: the header line and the diagonal watermark."""

    def draw(canvas, document) -> None:
        width, height = A4
        canvas.saveState()
        canvas.setFillColor(colors.Color(0.85, 0.85, 0.85))
        canvas.setFont(font, 110)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(45)
        canvas.drawCentredString(0, -35, WATERMARK)
        canvas.restoreState()
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#8b0000"))
        canvas.setFont(font, 10)
        canvas.drawCentredString(width / 2, height - MARGIN / 2 - 4, label)
        canvas.restoreState()

    return draw


def build_minutes_pdf(context: MinutesContext) -> bytes:
    styles = _Styles()
    buffer = io.BytesIO()
    document = BookmarkingDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN, title=context.document_title, author=context.council_name,
        subject=f"Minutes: {context.committee_name}", creator="ClerkDesk",
        lang=context.language, displayDocTitle=True,
        # Otherwise every page also references Helvetica, a font that is not embedded.
        initialFontName=styles.body.fontName,
    )
    if context.draft:
        marks = _draft_marks(context.draft_label, styles.fonts.bold)
        document.build(_story(context, styles), onFirstPage=marks, onLaterPages=marks)
    else:
        document.build(_story(context, styles))
    return buffer.getvalue()
