"""Minutes as HTML, the accessible twin published beside the PDF (rules.md §8): the
language and title set, one h1, sections and minutes as h2/h3 in order, real lists."""

from __future__ import annotations

from pathlib import Path

import jinja2

from clerkdesk.documents.html import html_environment
from clerkdesk.documents.minutes_context import MinutesContext
from clerkdesk.errors import ClerkError


def render_minutes_html(context: MinutesContext, override_dir: Path | None = None) -> str:
    """The page as text; ``override_dir`` is the council's template folder, tried first."""
    name = f"minutes_{context.style}.html.j2"
    try:
        template = html_environment(override_dir).get_template(name)
        return template.render(context.to_template_dict())
    except jinja2.TemplateNotFound as error:
        raise ClerkError(f"The HTML template {error.name} is missing.") from error
    except jinja2.TemplateError as error:
        raise ClerkError(f"The HTML template {name} could not be filled in: {error}.") from error
