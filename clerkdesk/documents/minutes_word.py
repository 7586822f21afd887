"""Minutes as a Word document, from the style's docxtpl template (templates/word/)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate, RichText

from clerkdesk.documents.atomic import write_bytes_atomically
from clerkdesk.documents.minutes_blocks import Line
from clerkdesk.documents.minutes_context import MinutesContext
from clerkdesk.documents.styles import find_template
from clerkdesk.errors import ClerkError


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
    template_path = find_template(f"word/minutes_{context.style}.docx", override_dir)
    try:
        template = DocxTemplate(template_path)
        # autoescape: without it "A & B <C>" silently becomes "A  B " (toolchain.md "Word");
        # StrictUndefined: a mistyped field in a council's edited copy is reported.
        environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
        template.render(template_data(context), environment, autoescape=True)
    except jinja2.TemplateError as error:
        raise ClerkError(
            f"The Word template {template_path} could not be filled in: {error}. Check the "
            "{{ }} and {% %} fields in it, or copy the shipped template again."
        ) from error
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ClerkError(
            f"The Word template {template_path} is not a usable .docx file ({error})."
        ) from error
    # Set after rendering: through the template the title would be escaped twice.
    properties = template.docx.core_properties
    properties.title = context.document_title
    properties.language = context.language
    properties.author = context.council_name
    properties.subject = f"Minutes: {context.committee_name}"
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def write_minutes_docx(context: MinutesContext, out_path: Path,
                       override_dir: Path | None = None) -> Path:
    write_bytes_atomically(out_path, build_minutes_docx(context, override_dir))
    return Path(out_path)
