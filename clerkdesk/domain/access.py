"""Whether the public may see an item or a document (LGA 1972 s.100A, Schedule 12A).

Exempt information is described by one of the seven paragraphs of Part 1 of Schedule 12A;
confidential information (s.100A(3)) has a legal basis of its own. Anything not open must
never reach a public output: see rules.md §1.4.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from clerkdesk.domain.validation import Problems
from clerkdesk.errors import ValidationError


class AccessLevel(StrEnum):
    OPEN = "open"
    EXEMPT = "exempt"
    CONFIDENTIAL = "confidential"


SCHEDULE_12A_PARAGRAPHS = {
    1: "Information relating to any individual.",
    2: "Information which is likely to reveal the identity of an individual.",
    3: "Information relating to the financial or business affairs of any particular person "
    "(including the authority holding that information).",
    4: "Information relating to any consultations or negotiations, or contemplated "
    "consultations or negotiations, in connection with any labour relations matter.",
    5: "Information in respect of which a claim to legal professional privilege could be "
    "maintained in legal proceedings.",
    6: "Information which reveals that the authority proposes to give a notice or to make "
    "an order or direction under any enactment.",
    7: "Information relating to any action taken or to be taken in connection with the "
    "prevention, investigation or prosecution of crime.",
}


_ACT = "the Local Government Act 1972"
CONFIDENTIAL_BASIS = f"confidential information as defined in section 100A(3) of {_ACT}"
_STRICTNESS = {AccessLevel.OPEN: 0, AccessLevel.EXEMPT: 1, AccessLevel.CONFIDENTIAL: 2}


@dataclass(frozen=True)
class Access:
    """Access to an item or a document: open, exempt (Schedule 12A paragraph) or confidential.

    ``public_interest_note`` records the public-interest test that must be done before an
    exempt document is kept out of a published agenda (Schedule 12A paragraph 10).
    Construction accepts the level as text ("exempt") as well as an ``AccessLevel``;
    ``problems()`` says what is missing, so forms can list every problem at once.
    """

    level: AccessLevel = AccessLevel.OPEN
    paragraph: int | None = None  # exempt: 1-7
    public_interest_note: str = ""  # exempt: why the public interest favours exclusion
    legal_basis: str = ""  # confidential: the basis, e.g. a government department's notice

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "level", AccessLevel(self.level))
        except ValueError:
            raise ValidationError(f"Unknown access level {self.level!r}.") from None

    @property
    def is_open(self) -> bool:
        return self.level is AccessLevel.OPEN

    @property
    def withheld(self) -> bool:
        return not self.is_open

    def _paragraph_text(self) -> str:
        return f"paragraph {self.paragraph} of Part 1 of Schedule 12A to {_ACT}"

    def reason(self) -> str:
        """Why it is not for publication, for agenda notes, stubs and page headers."""
        if self.level is AccessLevel.EXEMPT:
            return f"by virtue of {self._paragraph_text()}"
        if self.level is AccessLevel.CONFIDENTIAL:
            return self.legal_basis.strip() or CONFIDENTIAL_BASIS
        return ""

    def agenda_note(self) -> str:
        """The line under a withheld item on the agenda; empty for open items."""
        if self.level is AccessLevel.EXEMPT:
            return f"Exempt: {self._paragraph_text()}"
        if self.level is AccessLevel.CONFIDENTIAL:
            return f"Confidential: {self.reason()}"
        return ""

    def stub_notice(self) -> str:
        """The sentence on a public stub page: "Not for publication by virtue of ..."."""
        if self.level is AccessLevel.EXEMPT:
            return f"Not for publication {self.reason()}"
        return f"Not for publication: {self.reason()}"

    def page_header(self) -> str:
        """The header on every page of a withheld document in the members' pack."""
        return f"NOT FOR PUBLICATION — {self.reason()}"

    def problems(self, what: str) -> list[str]:
        found = Problems()
        if self.level is AccessLevel.EXEMPT:
            if self.paragraph not in SCHEDULE_12A_PARAGRAPHS:
                found.add(f"{what} is exempt: choose its Schedule 12A paragraph (1 to 7).")
        elif self.paragraph is not None:
            found.add(f"{what} is not exempt, so it cannot have a Schedule 12A paragraph.")
        if self.level is AccessLevel.CONFIDENTIAL and not self.legal_basis.strip():
            found.add(f"{what} is confidential: state the legal basis.")
        return found.items

    def validate(self, what: str = "This material") -> None:
        Problems.from_list(self.problems(what)).raise_if_any()

    def stricter(self, other: Access) -> Access:
        """The more restrictive of two access levels (a document inherits its item's)."""
        return other if _STRICTNESS[other.level] > _STRICTNESS[self.level] else self


OPEN = Access()
