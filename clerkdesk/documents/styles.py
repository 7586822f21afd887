"""The front sheet styles ClerkDesk ships, and where their templates are found.

A council chooses one style by its key (kept with the council's settings) and may edit its
templates: ``copy_style_for_editing`` puts copies in the council's own template folder,
and every lookup tries that folder before the shipped ``templates/``. The folder mirrors
the shipped layout (``word/...docx``, ``html/...html.j2``), so an edited file simply
shadows the shipped one of the same name.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from clerkdesk.errors import ClerkError
from clerkdesk.paths import templates_dir


@dataclass(frozen=True)
class FrontSheetStyle:
    key: str
    name: str
    description: str
    word_template: str  # relative to a templates folder
    html_template: str
    # Templates that the HTML template extends or includes: copied along with it.
    html_shared: tuple[str, ...] = (
        "html/front_sheet_base.html.j2", "html/front_sheet_macros.html.j2")

    @property
    def template_files(self) -> tuple[str, ...]:
        return (self.word_template, self.html_template, *self.html_shared)


STYLES: dict[str, FrontSheetStyle] = {
    style.key: style
    for style in (
        FrontSheetStyle(
            key="county",
            name="County (sections, monitoring officer, clerk block)",
            description=(
                "Modelled on a county council front sheet: committee name in capitals, "
                "'Date: Tuesday, 09 July 2019' and '14:00hr', the democratic services and "
                "monitoring officer block, the council's address and the venue, 'Open to "
                "Public and Press', items under section headings such as DECISIONS, the "
                "membership paragraph with appointees last, a labelled clerk block and the "
                "filming, public speaking and car parking paragraphs."
            ),
            word_template="word/front_sheet_county.docx",
            html_template="html/front_sheet_county.html.j2",
        ),
        FrontSheetStyle(
            key="city",
            name="City (no sections, substitutes, next meeting)",
            description=(
                "Modelled on a unitary city council front sheet: 'THURSDAY 15 JULY 2021' "
                "and '7.00 PM', the venue with a livestream note, a one-line contact, "
                "numbered items with 'Page No' and text under some items, the date of the "
                "next meeting, 'Committee Members: Councillors: ...' with a substitutes "
                "line, and a closing contact sentence."
            ),
            word_template="word/front_sheet_city.docx",
            html_template="html/front_sheet_city.html.j2",
        ),
    )
}

DEFAULT_STYLE = "county"


def get_style(key: str) -> FrontSheetStyle:
    try:
        return STYLES[key]
    except KeyError:
        known = ", ".join(STYLES)
        raise ClerkError(
            f"There is no front sheet style called '{key}'. Choose one of: {known}."
        ) from None


def template_search_path(override_dir: Path | None = None) -> list[Path]:
    """The council's own folder first, then the shipped templates."""
    shipped = templates_dir()
    return [Path(override_dir), shipped] if override_dir else [shipped]


def find_template(relative: str, override_dir: Path | None = None) -> Path:
    for folder in template_search_path(override_dir):
        candidate = folder / relative
        if candidate.is_file():
            return candidate
    raise ClerkError(
        f"The template {relative} is missing from {templates_dir()}. Reinstall ClerkDesk, "
        "or copy the style's templates into the council's template folder again."
    )


def editable_files(style: str) -> tuple[str, ...]:
    """Every template a council of ``style`` may edit: front sheet, minutes, standard
    wording (``text/<style>/*.j2``), relative to a templates folder."""
    chosen = get_style(style)
    minutes = (f"word/minutes_{style}.docx", f"html/minutes_{style}.html.j2",
               "html/minutes_base.html.j2")
    wording = tuple(f"text/{style}/{path.name}"
                    for path in sorted((templates_dir() / "text" / style).glob("*.j2")))
    shipped = [relative for relative in (*minutes, *wording)
               if (templates_dir() / relative).is_file()]
    return (*chosen.template_files, *shipped)


def copy_style_for_editing(style: str, override_dir: Path, overwrite: bool = False) -> list[Path]:
    """Copy a style's shipped templates into ``override_dir`` so a council can edit them.

    Files already there are kept (they may hold the council's edits) unless ``overwrite``.
    Returns the paths of the council's copies.
    """
    copies = []
    for relative in editable_files(style):
        target = Path(override_dir) / relative
        if overwrite or not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(templates_dir() / relative, target)
        copies.append(target)
    return copies
