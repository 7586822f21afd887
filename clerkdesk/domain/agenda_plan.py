"""The agenda plan (a committee's forward plan of business), as in the seeds (domain.md §8.1).

A planned item belongs to a committee and sits either under a scheduled meeting or under a
date the committee has pencilled in but not confirmed. Reserve dates ("[13/08/19]
Provisional Meeting") are kept separately because they appear with deadlines but no items.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clerkdesk.domain.validation import Problems

NOT_APPLICABLE = "Not applicable"  # what the seed prints when an item is not a key decision


@dataclass(frozen=True)
class PlanItem:
    id: int | None
    committee_id: int
    title: str
    meeting_id: int | None = None  # a scheduled meeting, or None with a planned_date
    planned_date: date | None = None
    lead_officer: str = ""  # "H Belchamber", several joined by "/"
    key_decision: bool = False
    reference: str = ""  # the forward plan reference of a key decision: "KD2019/031"
    notes: str = ""
    full_council: bool = False  # "*": expected to go on to full Council for determination
    confidential: bool = False  # "+": expected to exclude the press and public
    position: int = 0  # order under its meeting or date
    agenda_item_id: int | None = None  # set once pulled onto a real agenda

    @property
    def moved(self) -> bool:
        return self.agenda_item_id is not None

    @property
    def marked_title(self) -> str:
        """The title with the seed's markers: '*' full Council, '+' confidential."""
        marks = ("*" if self.full_council else "") + ("+" if self.confidential else "")
        return f"{self.title}{' ' + marks if marks else ''}"

    @property
    def reference_text(self) -> str:
        return self.reference if self.key_decision else NOT_APPLICABLE

    def validate(self) -> None:
        problems = Problems()
        problems.require(self.title, "A planned item needs a title.")
        if (self.meeting_id is None) == (self.planned_date is None):
            problems.add(
                f"Planned item '{self.title}' needs either a meeting or a planned date "
                "(not both)."
            )
        if self.key_decision and not self.reference.strip():
            problems.add(
                f"Key decision '{self.title}' needs its reference (for example KD2019/031)."
            )
        problems.raise_if_any()


@dataclass(frozen=True)
class ReserveDate:
    """A date held for a possible meeting: shown in brackets and italics with its deadlines."""

    id: int | None
    committee_id: int
    day: date
    note: str = "Provisional Meeting"
