"""Committees, their minute-numbering scheme and their standing agenda."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from clerkdesk.domain.validation import Problems


class CommitteeKind(StrEnum):
    COMMITTEE = "committee"
    SCRUTINY = "scrutiny committee"
    SUB_COMMITTEE = "sub-committee"
    BOARD = "board"
    CABINET = "cabinet"


class NumberingScheme(StrEnum):
    # Cambridgeshire: 211, 212 ... continuing across meetings and municipal years.
    RUNNING = "running"
    # Peterborough: numbers start again at the first meeting of each municipal year.
    RESET_EACH_YEAR = "reset each municipal year"


class StandingItemKind(StrEnum):
    """What a standing item is, so later work can fill it from the meeting's data."""

    APPOINTMENT_OF_CHAIR = "appointment of chair"
    APOLOGIES = "apologies"
    DECLARATIONS = "declarations"
    APOLOGIES_AND_DECLARATIONS = "apologies and declarations"
    MINUTES = "minutes"
    ACTION_LOG = "action log"
    PETITIONS = "petitions"
    CALL_IN = "call-in"
    AGENDA_PLAN = "agenda plan"
    FORWARD_PLAN = "forward plan"
    DATE_OF_NEXT_MEETING = "date of next meeting"
    OTHER = "other"


@dataclass(frozen=True)
class StandingItem:
    section: str  # heading it sits under, e.g. "CONSTITUTIONAL MATTERS"; may be empty (PCC)
    title: str
    kind: StandingItemKind = StandingItemKind.OTHER


CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$")


@dataclass(frozen=True)
class Committee:
    id: int | None
    name: str
    code: str
    kind: CommitteeKind = CommitteeKind.COMMITTEE
    numbering: NumberingScheme = NumberingScheme.RUNNING
    # Running scheme: the next minute number to allocate. Reset scheme: the first number
    # of each municipal year.
    next_minute_number: int = 1
    default_venue: str = ""
    clerk_id: int | None = None
    standing_items: tuple[StandingItem, ...] = field(default_factory=tuple)

    def sections(self) -> list[tuple[str, list[StandingItem]]]:
        """Standing items grouped under consecutive headings (a heading may repeat)."""
        groups: list[tuple[str, list[StandingItem]]] = []
        for item in self.standing_items:
            if groups and groups[-1][0] == item.section:
                groups[-1][1].append(item)
            else:
                groups.append((item.section, [item]))
        return groups

    def validate(self) -> None:
        problems = Problems()
        problems.require(self.name, "Committee name must not be empty.")
        if not self.code.strip():
            problems.add("Committee code must not be empty.")
        elif not CODE_PATTERN.match(self.code):
            problems.add(
                f"Committee code '{self.code}' must be 1-16 letters, digits, '-' or '_' "
                "and start with a letter or digit."
            )
        if self.next_minute_number < 1:
            problems.add("The next minute number must be 1 or more.")
        for position, item in enumerate(self.standing_items, start=1):
            if not item.title.strip():
                problems.add(f"Standing item {position} has no title.")
        problems.raise_if_any()


def cambridgeshire_standing_items() -> tuple[StandingItem, ...]:
    """The CCC 2019 opening items (domain.md §2), a sensible default for a new committee."""
    section = "CONSTITUTIONAL MATTERS"
    return (
        StandingItem(
            section,
            "Apologies for absence and declarations of interest",
            StandingItemKind.APOLOGIES_AND_DECLARATIONS,
        ),
        StandingItem(section, "Minutes of the previous meeting", StandingItemKind.MINUTES),
        StandingItem(section, "Action Log", StandingItemKind.ACTION_LOG),
        StandingItem(section, "Petitions", StandingItemKind.PETITIONS),
    )


def peterborough_standing_items() -> tuple[StandingItem, ...]:
    """The PCC 2021 scrutiny opening items (domain.md §2): no section headings."""
    return (
        StandingItem("", "Apologies for Absence", StandingItemKind.APOLOGIES),
        StandingItem(
            "", "Declarations of Interest and Whipping Declarations", StandingItemKind.DECLARATIONS
        ),
        StandingItem("", "Minutes of the previous meeting", StandingItemKind.MINUTES),
        StandingItem(
            "",
            "Call In of any Cabinet, Cabinet Member or Key Officer Decisions",
            StandingItemKind.CALL_IN,
        ),
    )
