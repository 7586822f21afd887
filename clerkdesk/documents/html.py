"""The front sheet as HTML, the accessible twin published beside the PDF (rules.md §8)."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from clerkdesk.documents.front_sheet import FrontSheetContext
from clerkdesk.documents.styles import get_style, template_search_path
from clerkdesk.errors import ClerkError

# A web address in running text; stops before spaces, angle brackets and quotes.
_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"']+")
# Sentence punctuation after an address belongs to the sentence, not the link.
_TRAILING_PUNCTUATION = ".,;:!?)"


def split_web_addresses(text: str) -> list[tuple[str, bool]]:
    """``text`` in pieces, each marked True if it is a web address (for making links)."""
    pieces, position = [], 0
    for match in _WEB_ADDRESS.finditer(text):
        url = match.group().rstrip(_TRAILING_PUNCTUATION)
        pieces += [(text[position:match.start()], False), (url, True)]
        position = match.start() + len(url)
    pieces.append((text[position:], False))
    return [(piece, is_url) for piece, is_url in pieces if piece]


def linkify(text: str) -> Markup:
    """Escape ``text`` and turn each web address in it into a link showing the address."""
    return Markup("").join(
        Markup('<a href="{0}">{0}</a>').format(piece) if is_url else escape(piece)
        for piece, is_url in split_web_addresses(text)
    )


def html_environment(override_dir: Path | None = None) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader([folder / "html" for folder in
                                        template_search_path(override_dir)]),
        autoescape=True,
        # A mistyped field in a council's edited template should say so, not print nothing.
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["linkify"] = linkify
    return environment


def render_front_sheet_html(
    context: FrontSheetContext,
    style: str | None = None,
    override_dir: Path | None = None,
) -> str:
    context.validate()
    template_name = Path(get_style(style or context.style).html_template).name
    try:
        template = html_environment(override_dir).get_template(template_name)
        return template.render(context.to_template_dict())
    except jinja2.TemplateNotFound as error:
        raise ClerkError(f"The HTML template {error.name} is missing.") from error
    except jinja2.TemplateError as error:
        raise ClerkError(
            f"The HTML template {template_name} could not be filled in: {error}."
        ) from error
