"""People: councillors, co-opted members and officers, and how their names are written."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from clerkdesk.domain.validation import Problems


class PersonKind(StrEnum):
    COUNCILLOR = "councillor"
    CO_OPTEE = "co-optee"
    OFFICER = "officer"


# Titles seen in the seed packs; the clerk may type any other.
COMMON_TITLES = ("Councillor", "Parish Councillor", "Mr", "Mrs", "Ms", "Miss", "Dr", "Revd")


@dataclass(frozen=True)
class Person:
    id: int | None
    kind: PersonKind
    forenames: str
    surname: str
    title: str = ""
    # Overrides for the written forms; empty means "derive from the name".
    minutes_name_override: str = ""
    front_sheet_name_override: str = ""
    political_group: str = ""
    ward: str = ""  # electoral division or ward
    post: str = ""  # officers: "Democratic Services Officer"
    email: str = ""
    telephone: str = ""

    @property
    def initials(self) -> str:
        return " ".join(part[0].upper() for part in self.forenames.split() if part)

    @property
    def minutes_name(self) -> str:
        """Initial(s) and surname, as minutes and PCC front sheets write them: "S Bywater"."""
        if self.minutes_name_override:
            return self.minutes_name_override
        first_initial = self.initials.split(" ")[0] if self.initials else ""
        return f"{first_initial} {self.surname}".strip()

    @property
    def full_name(self) -> str:
        return f"{self.forenames} {self.surname}".strip()

    @property
    def front_sheet_name(self) -> str:
        """Title and full name, as CCC front sheets write them: "Councillor Simon Bywater"."""
        if self.front_sheet_name_override:
            return self.front_sheet_name_override
        return f"{self.title} {self.full_name}".strip()

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.surname.casefold(), self.forenames.casefold())

    def validate(self) -> None:
        problems = Problems()
        problems.require(self.surname, "Surname must not be empty.")
        problems.require(self.forenames, "Forenames must not be empty.")
        if self.email and "@" not in self.email:
            problems.add(f"Email address '{self.email}' has no '@'.")
        if self.kind is PersonKind.OFFICER and not self.post:
            problems.add(f"Officer {self.full_name or '(no name)'} needs a post.")
        problems.raise_if_any()
