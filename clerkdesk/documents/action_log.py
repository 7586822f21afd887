"""The committee's action log as a document, in the layout of the Cambridgeshire logs
(domain.md §7.1): the committee's name, "Minutes-Action Log", an introduction that says when
the log was last updated, then one heading per meeting ("Minutes of the meeting on 11
September 2018") over a table of Minute | Item | Action to be taken by | Action | Comments /
progress | Status. A4 landscape, in Word and PDF.

``build_document`` formats everything once from the domain ``ActionLog``; the writers only
place strings. Each meeting gets a real heading and its own table (no merged heading rows:
rules.md §8 asks for data tables without merged cells), with a header row that repeats on
every page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    Table,
    TableStyle,
)

from clerkdesk.documents.atomic import write_bytes_atomically
from clerkdesk.documents.docx_style import LANGUAGE, set_font_and_language
from clerkdesk.documents.fonts import document_fonts
from clerkdesk.documents.pdf_outline import BookmarkingDocTemplate, outlined_heading
from clerkdesk.domain.action_log import ActionLog, ActionLogRow
from clerkdesk.domain.calendar import format_long_date
from clerkdesk.errors import ClerkError

LOG_NAME = "Minutes-Action Log"
COLUMNS = ("Minute", "Item", "Action to be taken by", "Action", "Comments / progress", "Status")
COLUMN_WIDTHS_MM = (20, 47, 38, 68, 64, 30)  # 267 mm: A4 landscape less 15 mm margins
MARGIN_MM = 15
NO_ACTIONS = "There are no actions to report."
FORMATS = ("docx", "pdf")


@dataclass(frozen=True)
class LogLine:
    minute: str  # "139."; empty on a minute's continuation rows, as the seed leaves it
    item: str
    officers: str
    action: str
    progress: tuple[str, ...]  # "01.07.19: Legal advice awaited.", oldest first
    status: str


@dataclass(frozen=True)
class LogSection:
    heading: str
    lines: tuple[LogLine, ...]


@dataclass(frozen=True)
class ActionLogDocument:
    committee_heading: str  # "CHILDREN AND YOUNG PEOPLE COMMITTEE"
    document_title: str  # the Title property and the PDF's /Title
    council_name: str
    intro: str
    sections: tuple[LogSection, ...]
    alternative_formats: str  # rules.md §8: every published document says whom to ask

    @property
    def is_empty(self) -> bool:
        return not self.sections


def minute_label(number: str) -> str:
    """'139' -> '139.' as the 2019 log prints it; '129& 139' and '139.' are left alone."""
    number = number.strip()
    return f"{number}." if number.isdigit() else number


def _line(row: ActionLogRow) -> LogLine:
    return LogLine(
        minute=minute_label(row.minute_number),
        item=row.item_heading,
        officers=row.officers_text,
        action=row.action.text,
        progress=tuple(update.log_text for update in row.updates),
        status=row.status_text,
    )


def build_document(
    log: ActionLog, committee_name: str, council_name: str = "",
    service_name: str = "Democratic Services",
) -> ActionLogDocument:
    """The strings both writers print, from the domain log."""
    # The log says when anything in it last happened (never earlier than an update it
    # prints); an empty log is dated by its own date.
    updated = log.last_updated or log.as_of
    intro = (f"This log captures the actions arising from {committee_name} meetings and "
             f"updates Members on progress. It was last updated on {format_long_date(updated)}.")
    sections = tuple(
        LogSection(group.heading, tuple(_line(row) for row in group.rows))
        for group in log.groups
    )
    return ActionLogDocument(
        committee_heading=committee_name.upper(),
        document_title=f"{committee_name}: {LOG_NAME}, {format_long_date(log.as_of)}",
        council_name=council_name,
        intro=intro,
        sections=sections,
        alternative_formats=(f"If you would like this log in another format, such as large "
                             f"print, please contact {service_name}."),
    )


def document_for(services_or_log, committee, as_of: date) -> ActionLogDocument:
    """The document from either the services (the log is built for ``as_of``) or a ready
    ``ActionLog``. ``committee`` is a Committee, or its id or code when services are given."""
    council_name, service_name = "", "Democratic Services"
    if isinstance(services_or_log, ActionLog):
        log = services_or_log
        if not hasattr(committee, "name"):
            raise ClerkError("Give the committee itself (not its id) with a ready-made log.")
    else:
        services = services_or_log
        if isinstance(committee, str):
            committee = services.committees.by_code(committee)
        elif isinstance(committee, int):
            committee = services.committees.get(committee)
        log = services.actions.log_for_committee(committee.id, as_of)
        council = services.council.get_or_none()
        if council is not None:
            council_name, service_name = council.name, council.service_name or service_name
    return build_document(log, committee.name, council_name, service_name)


def render_action_log_pdf(services_or_log, committee, as_of: date) -> bytes:
    """The action log as PDF bytes, for the agenda pack and for saving."""
    return pdf_bytes(document_for(services_or_log, committee, as_of))


def render_action_log_docx(services_or_log, committee, as_of: date) -> bytes:
    return docx_bytes(document_for(services_or_log, committee, as_of))


def write_action_log(services_or_log, committee, as_of: date, path: Path, fmt: str) -> Path:
    """Write the log to ``path`` as Word or PDF, atomically; returns the path."""
    if fmt not in FORMATS:
        raise ClerkError(f"The action log can be written as Word (docx) or PDF, not '{fmt}'.")
    document = document_for(services_or_log, committee, as_of)
    data = docx_bytes(document) if fmt == "docx" else pdf_bytes(document)
    path = Path(path)
    if not path.parent.is_dir():
        raise ClerkError(f"The folder {path.parent} does not exist.")
    write_bytes_atomically(path, data)
    return path


# -- Word ------------------------------------------------------------------------------------
def _new_word_document(document: ActionLogDocument):
    word = Document()
    section = word.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    for name, size in (("Normal", 12), ("Title", 16), ("Heading 1", 14), ("Heading 2", 13)):
        style = word.styles[name]
        set_font_and_language(style.element.get_or_add_rPr(), size)
        if name != "Normal":
            style.font.color.rgb = RGBColor(0, 0, 0)
            style.paragraph_format.space_before = Pt(12 if name == "Heading 2" else 0)
            style.paragraph_format.space_after = Pt(6)
    word.styles["Normal"].paragraph_format.space_after = Pt(6)
    # python-docx's Title style draws a blue rule under the title; the seed logs have none.
    title_borders = word.styles["Title"].element.pPr.find(qn("w:pBdr"))
    if title_borders is not None:
        title_borders.getparent().remove(title_borders)
    properties = word.core_properties
    properties.title = document.document_title
    properties.language = LANGUAGE
    properties.author = document.council_name or "ClerkDesk"
    properties.subject = LOG_NAME
    properties.comments = ""
    return word


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    for tag in ("w:tblHeader", "w:cantSplit"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        properties.append(element)


def _fill_cell(cell, lines, *, bold: bool = False) -> None:
    """One paragraph per line: several progress notes stay in one cell, each on its own line."""
    lines = list(lines) or [""]
    paragraphs = [cell.paragraphs[0]] + [cell.add_paragraph() for _ in lines[1:]]
    for paragraph, text in zip(paragraphs, lines, strict=True):
        paragraph.paragraph_format.space_after = Pt(2)
        run = paragraph.add_run(text)
        run.bold = bold or None


def _add_table(word, section: LogSection) -> None:
    table = word.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    table.autofit = False
    for cell, heading in zip(table.rows[0].cells, COLUMNS, strict=True):
        _fill_cell(cell, [heading], bold=True)
    _repeat_header(table.rows[0])
    for line in section.lines:
        cells = table.add_row().cells
        values = ([line.minute], [line.item], [line.officers], [line.action], line.progress,
                  [line.status])
        for cell, value in zip(cells, values, strict=True):
            _fill_cell(cell, value)
    # Word reads the cell widths, LibreOffice the grid's column widths: set both.
    for row in table.rows:
        for cell, width in zip(row.cells, COLUMN_WIDTHS_MM, strict=True):
            cell.width = Mm(width)
    for column, width in zip(table.columns, COLUMN_WIDTHS_MM, strict=True):
        column.width = Mm(width)


def docx_bytes(document: ActionLogDocument) -> bytes:
    word = _new_word_document(document)
    word.add_paragraph(document.committee_heading, style="Title")
    word.add_heading(LOG_NAME, level=1)
    introduction = word.add_paragraph()
    introduction.add_run("Introduction: ").bold = True
    introduction.add_run(document.intro)
    if document.is_empty:
        word.add_paragraph(NO_ACTIONS)
    for section in document.sections:
        word.add_heading(section.heading, level=2)
        _add_table(word, section)
    word.add_paragraph(document.alternative_formats).paragraph_format.space_before = Pt(12)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


# -- PDF -------------------------------------------------------------------------------------
def _pdf_table(section: LogSection, cell: ParagraphStyle, header: ParagraphStyle) -> Table:
    def para(text: str, style: ParagraphStyle = cell) -> Paragraph:
        return Paragraph(escape(text), style)

    data = [[para(heading, header) for heading in COLUMNS]]
    for line in section.lines:
        progress = [para(note) for note in line.progress] or [para("")]
        data.append([para(line.minute), para(line.item), para(line.officers),
                     para(line.action), progress, para(line.status)])
    table = Table(data, colWidths=[w * mm for w in COLUMN_WIDTHS_MM], repeatRows=1,
                  hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        # Cells default to Helvetica, which would add an unembedded font to the page.
        ("FONTNAME", (0, 0), (-1, -1), cell.fontName),
    ]))
    return table


def _height_of_start(heading: Paragraph, table: Table) -> float:
    width = sum(COLUMN_WIDTHS_MM) * mm
    table.wrap(width, A4[0])
    first_rows = sum(table._rowHeights[:2])  # the header row and the first action
    style = heading.style
    return heading.wrap(width, A4[0])[1] + style.spaceBefore + style.spaceAfter + first_rows


def pdf_bytes(document: ActionLogDocument) -> bytes:
    fonts = document_fonts()
    body = ParagraphStyle("Body", fontName=fonts.regular, fontSize=12, leading=15, spaceAfter=6)
    cell = ParagraphStyle("Cell", parent=body, fontSize=11, leading=13.5, spaceAfter=3)
    header = ParagraphStyle("Header", parent=cell, fontName=fonts.bold)
    title = ParagraphStyle("Title", parent=body, fontName=fonts.bold, fontSize=16, leading=20)
    heading1 = ParagraphStyle("Heading1", parent=body, fontName=fonts.bold, fontSize=14,
                              leading=18, spaceAfter=8)
    heading2 = ParagraphStyle("Heading2", parent=body, fontName=fonts.bold, fontSize=13,
                              leading=16, spaceBefore=12, spaceAfter=6)
    story: list[Flowable] = [
        Paragraph(escape(document.committee_heading), title),
        outlined_heading(LOG_NAME, heading1, level=0),
        Paragraph(f"<b>Introduction:</b> {escape(document.intro)}", body),
    ]
    if document.is_empty:
        story.append(Paragraph(NO_ACTIONS, body))
    for section in document.sections:
        heading = outlined_heading(section.heading, heading2, level=1)
        table = _pdf_table(section, cell, header)
        # A new page only when the heading would not have its header row and first action
        # under it; keeping the whole table with it would leave half-empty pages.
        story.append(CondPageBreak(_height_of_start(heading, table)))
        story += [heading, table]
    story.append(Paragraph(escape(document.alternative_formats),
                           ParagraphStyle("Closing", parent=body, spaceBefore=12)))
    buffer = io.BytesIO()
    BookmarkingDocTemplate(
        buffer, pagesize=landscape(A4), leftMargin=MARGIN_MM * mm, rightMargin=MARGIN_MM * mm,
        topMargin=MARGIN_MM * mm, bottomMargin=MARGIN_MM * mm, title=document.document_title,
        author=document.council_name or "ClerkDesk", subject=LOG_NAME, creator="ClerkDesk",
        lang=LANGUAGE, displayDocTitle=True, initialFontName=fonts.regular,
    ).build(story)
    return buffer.getvalue()
