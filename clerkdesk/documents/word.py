"""The front sheet as a Word document, from the style's docxtpl template."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate

from clerkdesk.documents.atomic import write_bytes_atomically
from clerkdesk.documents.front_sheet import FrontSheetContext
from clerkdesk.documents.styles import find_template, get_style
from clerkdesk.errors import ClerkError


def render_front_sheet_docx(
    context: FrontSheetContext,
    out_path: Path,
    style: str | None = None,
    override_dir: Path | None = None,
) -> Path:
    """Write the front sheet to ``out_path`` (.docx) and return the path.

    ``style`` defaults to the context's own; ``override_dir`` is the council's template
    folder, searched before the shipped templates.
    """
    context.validate()
    template_path = find_template(get_style(style or context.style).word_template, override_dir)
    data = render_docx_bytes(context, template_path)
    out_path = Path(out_path)
    write_bytes_atomically(out_path, data)
    return out_path


def fill_docx_template(template_path: Path, data: dict, *, title: str, author: str,
                       subject: str = "", language: str = "en-GB") -> bytes:
    """Fill a docxtpl template and set the document's properties; the .docx as bytes.

    Shared by every Word document ClerkDesk writes (front sheets, minutes, letters).
    """
    try:
        template = DocxTemplate(template_path)
        # Without autoescape "A & B <C>" silently becomes "A  B " (toolchain.md "Word").
        # StrictUndefined turns a mistyped field in a council's edited template into a
        # message instead of a silently blank line.
        environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
        template.render(data, environment, autoescape=True)
    except jinja2.TemplateError as error:
        raise ClerkError(
            f"The Word template {template_path} could not be filled in: {error}. "
            "Check the {{ }} and {% %} fields in it, or copy the shipped template again."
        ) from error
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ClerkError(
            f"The Word template {template_path} is not a usable .docx file ({error})."
        ) from error
    # Set after rendering, not through the template: docxtpl would escape the title for
    # XML and python-docx would escape it again ("&amp;amp;").
    properties = template.docx.core_properties
    properties.title = title
    properties.language = language
    properties.author = author
    if subject:
        properties.subject = subject
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def render_docx_bytes(context: FrontSheetContext, template_path: Path) -> bytes:
    return fill_docx_template(
        template_path, context.to_template_dict(), title=context.document_title,
        author=context.council.name,
        subject=f"Agenda front sheet: {context.committee_name}, {context.date_text}",
    )
