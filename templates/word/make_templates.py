"""Regenerate the front sheet Word templates: ``python templates/word/make_templates.py``.

The .docx files are binary, so they are built by this script rather than by hand: review
the script, run it, and commit both. The output is byte-for-byte reproducible (fixed zip
timestamps), and a test checks that the committed files match it.

The templates are docxtpl (Jinja2) documents rendered from ``FrontSheetContext
.to_template_dict()``. Paragraph-level tags ``{%p ... %}`` sit alone in their paragraph
and vanish on rendering. Councils may edit copies of these files in Word (see
``clerkdesk.documents.styles.copy_style_for_editing``).
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
# The house style is the package's own (from this checkout, not an older installed copy),
# so templates and the documents built in code agree.
sys.path.insert(0, str(HERE.parent.parent))
from clerkdesk.documents.docx_style import LANGUAGE, set_font_and_language  # noqa: E402

# Item number, title and notes, page range: 1.25 + 13.15 + 2.6 = 17 cm.
COLUMN_WIDTHS = (Cm(1.25), Cm(13.15), Cm(2.6))
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def new_document():
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    styles_element = document.styles.element
    defaults = styles_element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    set_font_and_language(defaults.find(qn("w:rPr")), 12)
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), LANGUAGE)
    properties = document.core_properties
    properties.title, properties.language = "", LANGUAGE
    properties.author, properties.comments = "ClerkDesk", ""
    properties.subject = "Agenda front sheet"

    normal = document.styles["Normal"]
    set_font_and_language(normal.element.get_or_add_rPr(), 12)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1
    for name, size, before in (("Heading 1", 16, 0), ("Heading 2", 13, 14)):
        heading = document.styles[name]
        set_font_and_language(heading.element.get_or_add_rPr(), size)
        heading.font.color.rgb = RGBColor(0, 0, 0)
        heading.paragraph_format.space_before = Pt(before)
        heading.paragraph_format.space_after = Pt(6)

    def paragraph_style(name: str, bold=False, size=12, space_before=0, space_after=6):
        style = document.styles.add_style(name, 1)
        style.base_style = normal
        style.quick_style = True
        style.font.bold = bold
        style.font.size = Pt(size)
        style.paragraph_format.space_before = Pt(space_before)
        style.paragraph_format.space_after = Pt(space_after)
        return style

    paragraph_style("Agenda Label", bold=True, size=14, space_before=12)
    paragraph_style("Agenda Item", bold=True, space_before=4, space_after=2)
    paragraph_style("Item Pages", bold=True, space_before=4, space_after=2).paragraph_format \
        .alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph_style("Item Note", space_after=4)
    paragraph_style("Next Meeting").paragraph_format.left_indent = COLUMN_WIDTHS[0]
    paragraph_style("Address Line", space_after=0)
    return document


def add(document, text: str = "", style: str = "Normal", runs=None):
    """A paragraph from plain text or from (text, bold) runs. Keep each Jinja tag in one run."""
    paragraph = document.add_paragraph(style=style)
    for run_text, bold in runs or [(text, False)]:
        paragraph.add_run(run_text).bold = bold or None
    return paragraph


def add_items(document, pages_label: str = "Pages") -> None:
    """Per section: its heading, then a table of its items with a repeating header row.

    A real table rather than tab stops: LibreOffice stops a right tab at the right indent,
    so tab-aligned page ranges collide with long titles there.
    """
    add(document, "{%p for section in sections %}")
    add(document, "{%p if section.heading %}")
    add(document, "{{ section.heading }}", "Heading 2")
    add(document, "{%p endif %}")
    table = document.add_table(rows=4, cols=3)
    table.autofit = False
    set_table_cell_margins(table)
    header, loop_start, item_row, loop_end = table.rows
    for cell, text in zip(header.cells, ("Item", "Title", pages_label), strict=True):
        cell.paragraphs[0].style = document.styles["Item Pages" if text == pages_label
                                                   else "Agenda Item"]
        cell.paragraphs[0].add_run(text)
    mark_row(header, "w:tblHeader")  # repeats on each page; read as column headers
    loop_start.cells[0].paragraphs[0].add_run("{%tr for item in section.agenda_items %}")
    loop_end.cells[0].paragraphs[0].add_run("{%tr endfor %}")
    number, title, pages = item_row.cells
    number.paragraphs[0].style = document.styles["Agenda Item"]
    number.paragraphs[0].add_run("{{ item.number }}.")
    title.paragraphs[0].style = document.styles["Agenda Item"]
    title.paragraphs[0].add_run("{{ item.title }}")
    for text, style in (("{%p for note in item.note_lines %}", "Normal"),
                        ("{{ note }}", "Item Note"), ("{%p endfor %}", "Normal")):
        title.add_paragraph(text, style=style)
    pages.paragraphs[0].style = document.styles["Item Pages"]
    pages.paragraphs[0].add_run("{{ item.pages }}")
    mark_row(item_row, "w:cantSplit")
    for row in table.rows:
        for cell, width in zip(row.cells, COLUMN_WIDTHS, strict=True):
            cell.width = width
    for column, width in zip(table.columns, COLUMN_WIDTHS, strict=True):
        column.width = width
    for cell in header.cells:
        set_bottom_border(cell)
    add(document, "{%p endfor %}")


def mark_row(row, tag: str) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement(tag))


def set_bottom_border(cell) -> None:
    borders = OxmlElement("w:tcBorders")
    bottom = OxmlElement("w:bottom")
    for name, value in (("w:val", "single"), ("w:sz", "4"), ("w:color", "808080")):
        bottom.set(qn(name), value)
    borders.append(bottom)
    cell._tc.get_or_add_tcPr().append(borders)


def set_table_cell_margins(table) -> None:
    """No left margin, so item numbers line up with the text above the table."""
    margins = OxmlElement("w:tblCellMar")
    for side, width in (("w:left", 0), ("w:right", 113)):
        element = OxmlElement(side)
        element.set(qn("w:w"), str(width))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    properties = table._tbl.tblPr
    look = properties.find(qn("w:tblLook"))  # the schema puts tblCellMar before tblLook
    if look is not None:
        look.addprevious(margins)
    else:
        properties.append(margins)


def add_lines(document, expression: str, style: str = "Normal") -> None:
    add(document, "{%p for line in " + expression + " %}")
    add(document, "{{ line }}", style)
    add(document, "{%p endfor %}")


def add_optional(document, condition: str, runs, style: str = "Normal") -> None:
    add(document, "{%p if " + condition + " %}")
    add(document, style=style, runs=runs)
    add(document, "{%p endif %}")


def add_standard_paragraphs(document) -> None:
    add(document, "{%p for paragraph in standard_paragraphs %}")
    add(document, runs=[
        ("{{ paragraph.lead_in }}", True),
        ("{{ paragraph.text }}", False)])
    add(document, "{%p endfor %}")


def county_template():
    """domain.md §1.1: the left-hand block (date, time, venue), then the right-hand one."""
    document = new_document()
    add(document, "{{ committee_heading }}", "Heading 1")
    add(document, "Date: {{ date_text }}")
    add(document, "{{ time_text }}")
    add(document, "{{ venue }}")
    add_optional(document, "livestream_note", [("{{ livestream_note }}", False)])
    add(document, "{{ council.service_name }}", "Address Line")
    add(document, "{{ council.monitoring_officer_name }}", "Address Line")
    add(document, "{{ council.monitoring_officer_title }}")
    add_lines(document, "council.address_lines", "Address Line")
    add(document, "AGENDA", "Agenda Label")
    add_optional(document, "supplement",
                 [("{{ supplement.label }}: {{ supplement.date_text }}", True)])
    add(document, "{{ access_line }}")
    add_items(document)
    add(document, "{{ membership.heading }}", runs=None).paragraph_format.space_before = Pt(18)
    add_lines(document, "membership.lines")
    add(document, "For more information about this meeting, including access arrangements "
                  "and facilities for people with disabilities, please contact")
    add(document, "Clerk Name: {{ clerk.name }}")
    add(document, "Clerk Telephone: {{ clerk.telephone }}")
    add(document, "Clerk Email: {{ clerk.email }}")
    add_standard_paragraphs(document)
    return document


def city_template():
    """domain.md §1.2, in the order the Peterborough front sheet prints it."""
    document = new_document()
    add(document, "{{ committee_heading }}", "Heading 1")
    add(document, runs=[("{{ date_text }}", True)])
    add(document, runs=[("{{ time_text }}", True)])
    add(document, runs=[("Venue: ", True), ("{{ venue }}", False)])
    add_optional(document, "livestream_note", [("{{ livestream_note }}", False)])
    add(document, runs=[("Contact: ", True), (
        "{{ clerk.name }}{% if clerk.job_title %}, {{ clerk.job_title }}{% endif %} at "
        "{{ clerk.email }}, or {{ clerk.telephone }}", False)])
    add(document, "AGENDA", "Agenda Label")
    add_optional(document, "supplement",
                 [("{{ supplement.label }}: {{ supplement.date_text }}", True)])
    add_items(document, "Page No")
    add_optional(document, "next_meeting", [("{{ next_meeting }}", False)], "Next Meeting")
    add_standard_paragraphs(document)
    add(document, runs=[("{{ membership.heading }}", True)]
        ).paragraph_format.space_before = Pt(18)
    add_lines(document, "membership.lines")
    add_optional(document, "membership.substitutes", [("{{ membership.substitutes }}", False)])
    add(document, "Further information about this meeting can be obtained from "
                  "{{ clerk.name }} on telephone {{ clerk.telephone }} or by email – "
                  "{{ clerk.email }}")
    return document


def reproducible_bytes(document) -> bytes:
    """Save, then rewrite the zip with fixed timestamps so reruns give identical files."""
    saved = io.BytesIO()
    document.save(saved)
    fixed = io.BytesIO()
    with zipfile.ZipFile(saved) as source, \
            zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return fixed.getvalue()


TEMPLATES = {"front_sheet_county.docx": county_template, "front_sheet_city.docx": city_template}


def build_all() -> dict[str, bytes]:
    return {name: reproducible_bytes(build()) for name, build in TEMPLATES.items()}


def main(out_dir: Path = HERE) -> None:
    for name, data in build_all().items():
        (out_dir / name).write_bytes(data)
        print(f"wrote {out_dir / name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
