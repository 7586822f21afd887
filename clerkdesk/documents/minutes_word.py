"""Minutes as a Word document, from the style's docxtpl template (templates/word/)."""

from __future__ import annotations

from pathlib import Path

from docxtpl import RichText

from clerkdesk.documents.minutes_blocks import Line
from clerkdesk.documents.minutes_context import MinutesContext
from clerkdesk.documents.styles import find_template
from clerkdesk.documents.word import fill_docx_template


def rich_line(line: Line) -> RichText:
    """The label, a tab to the hanging indent, then the text with its bold runs. An action
    line under a list item starts with the tab, so it lines up with the item's text."""
    rich = RichText()
    if line.label:
        rich.add(f"{line.label}\t")
    elif line.style.endswith("_action"):
        rich.add("\t")
    for run in line.runs:
        rich.add(run.text, bold=run.bold)
    return rich


def template_data(context: MinutesContext) -> dict:
    data = context.to_template_dict()
    for section_data, section in zip(data["sections"], context.sections, strict=True):
        for minute_data, minute in zip(section_data["minutes"], section.minutes, strict=True):
            for line_data, line in zip(minute_data["lines"], minute.lines, strict=True):
                line_data["rich"] = rich_line(line)
    return data


def build_minutes_docx(context: MinutesContext, override_dir: Path | None = None) -> bytes:
    return fill_docx_template(
        find_template(f"word/minutes_{context.style}.docx", override_dir), template_data(context),
        title=context.document_title, author=context.council_name,
        subject=f"Minutes: {context.committee_name}", language=context.language,
    )
