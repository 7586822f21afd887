"""Whether the public may see an item or a document (LGA 1972 s.100A, Schedule 12A).

Exempt information is described by one of the seven paragraphs of Part 1 of Schedule 12A;
confidential information (s.100A(3)) has a legal basis of its own. Anything not open must
never reach a public output: see rules.md §1.4.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from clerkdesk.domain.validation import Problems


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


@dataclass(frozen=True)
class Access:
    level: AccessLevel = AccessLevel.OPEN
    paragraph: int | None = None  # exempt: 1-7
    public_interest_note: str = ""  # exempt: why the public interest favours exclusion
    legal_basis: str = ""  # confidential: the basis, e.g. a government department's notice

    @property
    def is_open(self) -> bool:
        return self.level is AccessLevel.OPEN

    @property
    def reason(self) -> str:
        """The words printed where the material is withheld."""
        if self.level is AccessLevel.EXEMPT:
            return (
                f"Not for publication by virtue of paragraph {self.paragraph} of Part 1 of "
                "Schedule 12A to the Local Government Act 1972"
            )
        if self.level is AccessLevel.CONFIDENTIAL:
            basis = f" ({self.legal_basis})" if self.legal_basis else ""
            return (
                "Not for publication: confidential information within section 100A(3) of the "
                f"Local Government Act 1972{basis}"
            )
        return ""

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

    def stricter(self, other: Access) -> Access:
        """The more restrictive of two access levels (a document inherits its item's)."""
        order = [AccessLevel.OPEN, AccessLevel.EXEMPT, AccessLevel.CONFIDENTIAL]
        return other if order.index(other.level) > order.index(self.level) else self


OPEN = Access()
