"""The council profile: one per database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from clerkdesk.domain.validation import Problems


@dataclass(frozen=True)
class StandardParagraphs:
    """Paragraphs printed on every agenda front sheet (domain.md §1.1 item 11, §1.2 item 8)."""

    filming: str = ""
    public_speaking: str = ""
    car_parking: str = ""
    access_contact: str = ""


@dataclass(frozen=True)
class CouncilProfile:
    name: str
    address: str = ""  # several lines
    website: str = ""
    service_name: str = "Democratic Services"
    monitoring_officer_name: str = ""
    monitoring_officer_title: str = "Monitoring Officer"
    paragraphs: StandardParagraphs = field(default_factory=StandardParagraphs)
    # "england" or "wales": Welsh rules differ and must never be reused silently.
    jurisdiction: str = "england"
    # The council's deadline rules as a plain dict (the statutory clock reads and writes it).
    deadline_rules: dict = field(default_factory=dict)
    # The date each municipal year starts (the annual meeting), recorded by the clerk.
    municipal_year_starts: tuple[date, ...] = ()
    # Which layout its agendas and minutes follow: "county" (modelled on Cambridgeshire) or
    # "city" (modelled on Peterborough); see clerkdesk/documents/styles.py.
    document_style: str = "county"
    # Printed under the declarations item, e.g. "Guidance on declaring interests is ...".
    declarations_guidance: str = ""

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    def validate(self) -> None:
        problems = Problems()
        problems.require(self.name, "The council's name must not be empty.")
        if self.jurisdiction not in ("england", "wales"):
            problems.add("Jurisdiction must be 'england' or 'wales'.")
        if self.document_style not in ("county", "city"):
            problems.add("The document style must be 'county' or 'city'.")
        if self.website and not self.website.startswith(("http://", "https://")):
            problems.add(f"The website '{self.website}' must start with https://.")
        problems.raise_if_any()
