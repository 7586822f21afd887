"""The agenda plan document in the layout of the seeds' plans (domain.md §8.1): title,
"Published <date>", the notes block, the standing items, then one table of
Committee date | Agenda item | Lead officer | Reference if key decision |
Deadline for draft reports | Agenda despatch date, dates DD/MM/YY, A4 landscape.

``build_context`` formats everything once; the Word and PDF writers only place strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from clerkdesk.documents.atomic import atomic_path
from clerkdesk.documents.fonts import document_fonts
from clerkdesk.domain.calendar import format_long_date
from clerkdesk.domain.deadline_rules import DeadlineRule, Method
from clerkdesk.domain.deadlines import Reading

COLUMNS = ("Committee date", "Agenda item", "Lead officer", "Reference if key decision",
           "Deadline for draft reports", "Agenda despatch date")
COLUMN_WIDTHS_MM = (52, 80, 40, 34, 30, 30)  # 266 mm: A4 landscape less 15 mm margins
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen")


@dataclass(frozen=True)
class PlanRow:
    date_text: str  # "09/07/19", "[13/08/19]"; empty on a meeting's second and later rows
    venue: str  # printed after the date when it changes
    day_note: str  # "(Wednesday meeting)" or "Provisional Meeting", printed in italics
    confirmed: bool  # printed in bold
    reserve: bool  # printed in italics
    item: str
    lead_officer: str
    reference: str
    draft: str
    despatch: str
    first_of_meeting: bool


@dataclass(frozen=True)
class AgendaPlanContext:
    title: str
    council_name: str
    published: str
    notes: tuple[str, ...]
    standing_items: tuple[str, ...]
    rows: tuple[PlanRow, ...]


def short_date(day: date) -> str:
    return f"{day:%d/%m/%y}"


def _days_in_words(rule: DeadlineRule) -> str:
    words = NUMBER_WORDS[rule.days] if rule.days < len(NUMBER_WORDS) else str(rule.days)
    if rule.method is Method.WORKING_DAYS_BEFORE:
        return f"{words} working days"
    clear = "clear working days" if rule.reading is Reading.WORKING else "clear days"
    return f"{words} {clear}"


def _clock(rule: DeadlineRule) -> str:
    """10:00 -> '10.00am', as the seed writes it."""
    at = rule.time_of_day
    if at is None:
        return ""
    hour = at.hour % 12 or 12
    return f" by {hour}.{at.minute:02d}{'am' if at.hour < 12 else 'pm'}"


def rule_notes(rules) -> list[str]:
    """The two notes that state the committee's deadlines, worded as in seed 000."""
    notes = []
    if rules.draft_reports is not None:
        notes.append(f"Draft reports are due with the Democratic Services Officer"
                     f"{_clock(rules.draft_reports)} {_days_in_words(rules.draft_reports)} "
                     "before the meeting.")
    notes.append(f"The agenda dispatch date is a minimum of "
                 f"{_days_in_words(rules.agenda_publication)} before the meeting.")
    return notes


def build_context(plan) -> AgendaPlanContext:
    """From ``services.agenda_plan.AgendaPlan`` to the strings both writers print."""
    notes = (
        "Committee dates shown in bold are confirmed.",
        "Committee dates shown in brackets and italics are reserve dates.",
        "The definition of a key decision is set out in the Council's Constitution.",
        "* indicates items expected to be recommended for determination by full Council.",
        "+ indicates items expected to be confidential, which would exclude the press and "
        "public.",
        *rule_notes(plan.rules),
    )
    rows, last_venue = [], None
    for group in plan.meetings:
        date_text = short_date(group.day) if group.confirmed else f"[{short_date(group.day)}]"
        venue = ""
        if group.confirmed and group.venue and group.venue != last_venue:
            venue = last_venue = group.venue  # printed when it changes, as the seed does
        day_note = " ".join(part for part in (group.day_note, group.label) if part)
        draft = short_date(group.draft_reports.due_date) if group.draft_reports else ""
        despatch = short_date(group.despatch.due_date)
        lines = group.items or (None,)
        for index, item in enumerate(lines):
            first = index == 0
            rows.append(PlanRow(
                date_text=date_text if first else "",
                venue=venue if first else "", day_note=day_note if first else "",
                confirmed=group.confirmed, reserve=not group.confirmed,
                item=item.marked_title if item else "",
                lead_officer=item.lead_officer if item else "",
                reference=item.reference_text if item else "",
                draft=draft if first else "", despatch=despatch if first else "",
                first_of_meeting=first,
            ))
    return AgendaPlanContext(
        title=f"{plan.committee.name.upper()} AGENDA PLAN",
        council_name=plan.council_name,
        published=f"Published {format_long_date(plan.published)}",
        notes=notes,
        standing_items=tuple(s.title for s in plan.committee.standing_items),
        rows=tuple(rows),
    )


STANDING_INTRO = ("The following are standing agenda items which are on the agenda at every "
                  "Committee meeting:")


# -- Word ------------------------------------------------------------------------------------
def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _cell_text(cell, text: str, *, bold=False, italic=False) -> None:
    run = cell.paragraphs[0].add_run(text)
    run.bold, run.italic = bold, italic


def _date_cell(cell, row: PlanRow) -> None:
    _cell_text(cell, row.date_text, bold=row.confirmed, italic=row.reserve)
    paragraph = cell.paragraphs[0]
    if row.venue:
        paragraph.add_run(f" {row.venue}")
    if row.day_note:
        paragraph.add_run(f" {row.day_note}").italic = True


def write_docx(context: AgendaPlanContext, path: Path) -> Path:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))
    document.styles["Normal"].font.size = Pt(10)
    document.core_properties.title = context.title
    document.core_properties.author = context.council_name
    document.core_properties.language = "en-GB"
    document.add_heading(context.title, level=1)
    document.add_paragraph(context.published)
    document.add_heading("Notes", level=2)
    for note in context.notes:
        document.add_paragraph(note)
    if context.standing_items:
        document.add_paragraph(STANDING_INTRO)
        for title in context.standing_items:
            document.add_paragraph(title, style="List Bullet")
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    for cell, heading, width in zip(table.rows[0].cells, COLUMNS, COLUMN_WIDTHS_MM, strict=True):
        _cell_text(cell, heading, bold=True)
        cell.width = Mm(width)
    _repeat_header(table.rows[0])
    for row in context.rows:
        cells = table.add_row().cells
        _date_cell(cells[0], row)
        for cell, text in zip(cells[1:], (row.item, row.lead_officer, row.reference,
                                          row.draft, row.despatch), strict=True):
            _cell_text(cell, text)
    with atomic_path(path) as temp:
        document.save(str(temp))
    return path


# -- PDF -------------------------------------------------------------------------------------
def write_pdf(context: AgendaPlanContext, path: Path) -> Path:
    fonts = document_fonts()
    body = ParagraphStyle("body", fontName=fonts.regular, fontSize=9, leading=11.5)
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5)
    heading = ParagraphStyle("heading", parent=body, fontName=fonts.bold, fontSize=14,
                             leading=18, spaceAfter=4)
    subheading = ParagraphStyle("subheading", parent=body, fontName=fonts.bold, fontSize=10.5,
                                spaceBefore=6, spaceAfter=2)
    story = [Paragraph(escape(context.title), heading), Paragraph(escape(context.published), body),
             Paragraph("Notes", subheading)]
    story += [Paragraph(escape(note), body) for note in context.notes]
    if context.standing_items:
        story.append(Spacer(1, 3 * mm))
        story.append(Paragraph(escape(STANDING_INTRO), body))
        story += [Paragraph(f"•&nbsp;{escape(t)}", body) for t in context.standing_items]
    story.append(Spacer(1, 4 * mm))

    def para(text: str) -> Paragraph:
        return Paragraph(escape(text), cell)

    data = [[Paragraph(f"<b>{escape(h)}</b>", cell) for h in COLUMNS]]
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
        ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
        ("INNERGRID", (0, 0), (-1, 0), 0.4, colors.black),
        ("LINEAFTER", (0, 0), (-2, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    for number, row in enumerate(context.rows, start=1):
        if row.first_of_meeting:  # a rule between meetings, none between their items
            style.append(("LINEABOVE", (0, number), (-1, number), 0.6, colors.black))
        data.append([_date_paragraph(row, cell), para(row.item), para(row.lead_officer),
                     para(row.reference), para(row.draft), para(row.despatch)])
    table = Table(data, colWidths=[w * mm for w in COLUMN_WIDTHS_MM], repeatRows=1)
    table.setStyle(TableStyle(style))
    story.append(table)
    with atomic_path(path) as temp:
        SimpleDocTemplate(
            str(temp), pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm,
            topMargin=15 * mm, bottomMargin=15 * mm, title=context.title,
            author=context.council_name, subject="Agenda plan", lang="en-GB",
            displayDocTitle=True, creator="ClerkDesk",
        ).build(story)
    return path


def _date_paragraph(row: PlanRow, style: ParagraphStyle) -> Paragraph:
    text = escape(row.date_text)
    if row.confirmed:
        text = f"<b>{text}</b>"
    if row.reserve:
        text = f"<i>{text}</i>"
    parts = [text, escape(row.venue), f"<i>{escape(row.day_note)}</i>" if row.day_note else ""]
    return Paragraph(" ".join(part for part in parts if part), style)
