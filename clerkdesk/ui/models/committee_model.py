"""The committees table."""

from __future__ import annotations

from clerkdesk.domain.committees import Committee, NumberingScheme
from clerkdesk.domain.people import Person
from clerkdesk.ui.models.table_model import Column, RecordTableModel

NAME, CODE, KIND, NUMBERING, CLERK = range(5)

NUMBERING_LABELS = {
    NumberingScheme.RUNNING: "Running",
    NumberingScheme.RESET_EACH_YEAR: "Resets each municipal year",
}


class CommitteeTableModel(RecordTableModel):
    def __init__(self, parent=None):
        self._clerk_names: dict[int, str] = {}
        super().__init__(
            [
                Column("Name", lambda c: c.name),
                Column("Code", lambda c: c.code),
                Column("Kind", lambda c: c.kind.value.capitalize()),
                Column("Minute numbering", self._numbering_text),
                Column("Clerk", lambda c: self._clerk_names.get(c.clerk_id, "")),
            ],
            parent,
        )

    def set_committees(self, committees: list[Committee], people: list[Person]) -> None:
        self._clerk_names = {person.id: person.full_name for person in people}
        self.set_records(committees)

    @staticmethod
    def _numbering_text(committee: Committee) -> str:
        label = NUMBERING_LABELS[committee.numbering]
        if committee.numbering is NumberingScheme.RUNNING:
            return f"{label} (next {committee.next_minute_number})"
        return label
