"""Regenerate the minutes Word templates: ``python templates/word/make_minutes_templates.py``.

The .docx files are binary, so they are built by this script rather than by hand: review
the script, run it, and commit both. They share the house style (Arial 12pt, en-GB, A4,
built-in Heading styles) and the byte-for-byte reproducible saving of ``make_templates.py``;
a test checks that the committed files match this script.

The templates are rendered by ``clerkdesk.documents.minutes_word`` with docxtpl and
``autoescape=True`` from ``MinutesContext.to_template_dict()``, to which each printed line
adds ``rich``: its label, a tab and its text, with bold where the minutes have it (a
docxtpl RichText, placed with ``{{r line.rich }}``). Paragraph-level tags ``{%p ... %}``
sit alone in their paragraph and vanish on rendering. A council may keep edited copies as
``word/minutes_county.docx`` and ``word/minutes_city.docx`` in its own template folder.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
INDENT = Cm(1.0)  # each list level; the label hangs in it, as in the PDF
DRAFT_RED = RGBColor(0x8B, 0, 0)


def _house_style():
    spec = importlib.util.spec_from_file_location("make_templates", HERE / "make_templates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _styles(house, document) -> None:
    heading3 = document.styles["Heading 3"]
    house.set_font_and_language(heading3.element.get_or_add_rPr(), 12)
    heading3.font.color.rgb = RGBColor(0, 0, 0)
    heading3.paragraph_format.space_before = Pt(12)
    heading3.paragraph_format.space_after = Pt(6)
    normal = document.styles["Normal"]

    def paragraph_style(name: str, indent=None, space_before=0, space_after=6):
        style = document.styles.add_style(name, 1)
        style.base_style = normal
        style.quick_style = True
        style.paragraph_format.space_before = Pt(space_before)
        style.paragraph_format.space_after = Pt(space_after)
        if indent is not None:  # the label hangs to the left of the text, then a tab
            style.paragraph_format.left_indent = indent
            style.paragraph_format.first_line_indent = -INDENT
            style.paragraph_format.tab_stops.add_tab_stop(indent)
        return style

    paragraph_style("Minute Item", indent=INDENT, space_after=4)
    paragraph_style("Minute Subitem", indent=2 * INDENT, space_after=4)
    paragraph_style("Attendance Continued").paragraph_format.left_indent = INDENT
    draft = paragraph_style("Draft Notice", space_after=10)
    draft.font.bold, draft.font.color.rgb = True, DRAFT_RED
    paragraph_style("Signature", space_before=36, space_after=0)
    paragraph_style("Minutes Note", space_before=12).font.size = Pt(10)


def _draft_header(house, document) -> None:
    """The Word header says DRAFT on every page; for approved minutes it renders empty."""
    paragraph = document.sections[0].header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run("{{ draft_label }}")
    run.bold, run.font.color.rgb = True, DRAFT_RED


def _lines(house, document) -> None:
    house.add(document, "{%p for line in minute.lines %}")
    house.add(document, '{%p if line.style in ("item", "item_action") %}')
    house.add(document, "{{r line.rich }}", "Minute Item")
    house.add(document, '{%p elif line.style in ("subitem", "subitem_action") %}')
    house.add(document, "{{r line.rich }}", "Minute Subitem")
    house.add(document, "{%p else %}")
    house.add(document, "{{r line.rich }}")
    house.add(document, "{%p endif %}")
    house.add(document, "{%p endfor %}")


def _sections(house, document) -> None:
    """Section headings (Heading 2) over minutes (Heading 3); without sections the minutes
    are Heading 2, so no heading level is ever skipped."""
    house.add(document, "{%p for section in sections %}")
    house.add(document, "{%p if section.heading %}")
    house.add(document, "{{ section.heading }}", "Heading 2")
    house.add(document, "{%p endif %}")
    house.add(document, "{%p for minute in section.minutes %}")
    house.add(document, "{%p if section.heading %}")
    house.add(document, "{{ minute.heading }}", "Heading 3")
    house.add(document, "{%p else %}")
    house.add(document, "{{ minute.heading }}", "Heading 2")
    house.add(document, "{%p endif %}")
    _lines(house, document)
    house.add(document, "{%p endfor %}")
    house.add(document, "{%p endfor %}")


def _labelled(house, document, expression: str, bold_all: bool = False) -> None:
    """Labelled lines ("Date: ..."); a line that continues the one above is indented."""
    runs = [("{% if line.label %}{{ line.label }}: {% endif %}", True), ("{{ line.text }}", False)]
    house.add(document, "{%p for line in " + expression + " %}")
    if bold_all:
        house.add(document, runs=[("{{ line.printed }}", True)])
    else:
        house.add(document, "{%p if line.continued %}")
        house.add(document, style="Attendance Continued", runs=runs)
        house.add(document, "{%p else %}")
        house.add(document, runs=runs)
        house.add(document, "{%p endif %}")
    house.add(document, "{%p endfor %}")


def _ending(house, document) -> None:
    house.add(document, "{{ signature_title }}", "Signature")
    house.add(document, "{{ signature_date }}")
    house.add_optional(document, "closing_line", [("{{ closing_line }}", False)])
    house.add_optional(document, "status_note", [("{{ status_note }}", False)], "Minutes Note")
    house.add(document, "{{ alternative_formats }}", "Minutes Note")
    house.add(document, "{%p for appendix in appendices %}")
    heading = house.add(document, "{{ appendix.heading }}: {{ appendix.title }}", "Heading 2")
    heading.paragraph_format.page_break_before = True
    house.add(document, "{%p for paragraph in appendix.paragraphs %}")
    house.add(document, "{{ paragraph }}")
    house.add(document, "{%p endfor %}")
    house.add(document, "{%p endfor %}")


def minutes_template(style: str):
    """domain.md §3: county (Date / Time / Venue lines) or city (the venue in bold under a
    heading that holds the date and time, and the times again as the last line)."""
    house = _house_style()
    document = house.new_document()
    document.core_properties.subject = "Minutes"
    _styles(house, document)
    _draft_header(house, document)
    house.add(document, "{{ heading }}", "Heading 1")
    house.add_optional(document, "draft", [("{{ draft_label }}", False)], "Draft Notice")
    _labelled(house, document, "details", bold_all=style == "city")
    _labelled(house, document, "attendance")
    _sections(house, document)
    _ending(house, document)
    return house, document


TEMPLATES = {f"minutes_{style}.docx": style for style in ("county", "city")}


def build_all() -> dict[str, bytes]:
    built = {}
    for name, style in TEMPLATES.items():
        house, document = minutes_template(style)
        built[name] = house.reproducible_bytes(document)
    return built


def main(out_dir: Path = HERE) -> None:
    for name, data in build_all().items():
        (out_dir / name).write_bytes(data)
        print(f"wrote {out_dir / name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
