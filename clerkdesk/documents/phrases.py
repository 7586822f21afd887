"""Standard minute wording, kept in small Jinja2 text templates per council style.

The words of standard minutes ("Apologies were received as recorded above.") belong to
the council, not to the code, so they live in ``templates/text/<style>/<name>.txt.j2``. A
council may keep its own versions in an override folder laid out like the shipped one
(``<override>/text/<style>/<name>.txt.j2``); a file there shadows the shipped file of the
same name, and anything it does not override falls back to the shipped wording.

Templates only place words: every date and name reaches them already formatted (see
``person_words`` and ``long_date``). A template may write minutes markup (bullets, minute
links), because what it returns becomes the body of a minute.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

from jinja2 import (
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)

from clerkdesk.domain.calendar import format_long_date
from clerkdesk.domain.people import Person
from clerkdesk.errors import ClerkError
from clerkdesk.paths import templates_dir

TEXT_FOLDER = "text"
SUFFIX = ".txt.j2"
# Titles that group under one plural: "Councillors Every and Goldsack".
PLURAL_TITLES = {"Councillor": "Councillors", "Parish Councillor": "Parish Councillors"}


def long_date(day: date) -> str:
    """"12 March 2019", as the 2019 minutes write dates (no weekday, no ordinal)."""
    return format_long_date(day)


def join_and(items: Iterable[str]) -> str:
    """"A", "A and B", "A, B and C" (no serial comma, as the seed minutes write lists)."""
    words = [str(item) for item in items if str(item)]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def person_words(person: Person) -> dict[str, str]:
    """Every written form of a person's name a template may want."""
    title = person.title.strip()
    return {
        "title": title,
        "name": person.minutes_name,  # "S Bywater"
        "full_name": person.full_name,  # "Simon Bywater"
        "surname": person.surname,
        "titled_name": f"{title} {person.minutes_name}".strip(),  # "Councillor S Bywater"
        "titled_full_name": f"{title} {person.full_name}".strip(),  # "Councillor Simon Bywater"
        "titled_surname": f"{title} {person.surname}".strip(),  # "Councillor Every"
    }


def titled_group(people: Iterable[Mapping[str, str]], form: str = "surname") -> str:
    """Names with shared titles grouped: "Councillors Every and Goldsack and Mr Read".

    ``form`` is the key of ``person_words`` used after the title ("surname", "name" ...).
    """
    groups: list[tuple[str, list[str]]] = []
    for person in people:
        title = person.get("title", "")
        if groups and groups[-1][0] == title and title in PLURAL_TITLES:
            groups[-1][1].append(person[form])
        else:
            groups.append((title, [person[form]]))
    phrases = []
    for title, names in groups:
        shown_title = PLURAL_TITLES[title] if len(names) > 1 else title
        phrases.append(f"{shown_title} {join_and(names)}".strip())
    return join_and(phrases)


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def available_styles(override_dir: Path | None = None) -> tuple[str, ...]:
    folders = [templates_dir() / TEXT_FOLDER]
    if override_dir is not None:
        folders.insert(0, Path(override_dir) / TEXT_FOLDER)
    found = {child.name for folder in folders if folder.is_dir() for child in folder.iterdir()
             if child.is_dir()}
    return tuple(sorted(found))


class Phrases:
    """The wording templates of one style, with a council's override folder in front."""

    def __init__(self, style: str, override_dir: Path | None = None):
        self.style = style
        folders = [templates_dir() / TEXT_FOLDER / style]
        if override_dir is not None:
            folders.insert(0, Path(override_dir) / TEXT_FOLDER / style)
        existing = [str(folder) for folder in folders if folder.is_dir()]
        if not existing:
            raise ClerkError(
                f"There are no minute wording templates for the style '{style}' in "
                f"{templates_dir() / TEXT_FOLDER}. Choose one of: "
                f"{', '.join(available_styles(override_dir))}."
            )
        self.env = Environment(
            loader=FileSystemLoader(existing),
            undefined=StrictUndefined,  # a missing value is an error, never a silent blank
            trim_blocks=True,
            lstrip_blocks=True,
            autoescape=False,  # plain text and minutes markup, never HTML
        )
        self.env.filters["join_and"] = join_and
        self.env.filters["titled_group"] = titled_group

    def render(self, name: str, **context) -> str:
        try:
            template = self.env.get_template(name + SUFFIX)
        except TemplateNotFound:
            raise ClerkError(
                f"The wording template {self.style}/{name}{SUFFIX} is missing. Reinstall "
                "ClerkDesk, or copy it back into the council's template folder."
            ) from None
        except TemplateSyntaxError as exc:
            raise ClerkError(
                f"The wording template {self.style}/{name}{SUFFIX} cannot be read: "
                f"{exc.message} (line {exc.lineno})."
            ) from None
        try:
            return _tidy(template.render(**context))
        except UndefinedError as exc:
            raise ClerkError(
                f"The wording template {self.style}/{name}{SUFFIX} uses a value ClerkDesk "
                f"does not provide: {exc.message}."
            ) from None
