"""The people table: councillors, co-optees and officers."""

from __future__ import annotations

from clerkdesk.domain.people import Person, PersonKind
from clerkdesk.ui.models.table_model import Column, RecordTableModel

NAME, KIND, GROUP, WARD, POST = range(5)

KIND_LABELS = {
    PersonKind.COUNCILLOR: "Councillor",
    PersonKind.CO_OPTEE: "Co-optee",
    PersonKind.OFFICER: "Officer",
}


def listed_name(person: Person) -> str:
    """ "Bywater, Simon": surname first, so a long list reads like a register."""
    return f"{person.surname}, {person.forenames}" if person.forenames else person.surname


class PeopleTableModel(RecordTableModel):
    def __init__(self, parent=None):
        super().__init__(
            [
                Column("Name", listed_name, sort_key=lambda p: "\t".join(p.sort_key)),
                Column("Kind", lambda p: KIND_LABELS[p.kind]),
                Column("Political group", lambda p: p.political_group),
                Column("Ward or division", lambda p: p.ward),
                Column("Post", lambda p: p.post),
            ],
            parent,
        )

    def search_text(self, person: Person) -> str:
        # The full name too, so "Simon Bywater" finds the row shown as "Bywater, Simon".
        return " ".join(
            (person.full_name, person.political_group, person.ward, person.post)
        )
