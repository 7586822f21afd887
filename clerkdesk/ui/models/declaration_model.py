"""The declarations of interest made at a meeting, one row each.

A sensitive interest's nature is kept for the register but never shown in the minutes
(Localism Act 2011 s.32); the table says "sensitive" instead, so nobody reads it out from
a projected screen either.
"""

from __future__ import annotations

from clerkdesk.domain.agenda import AgendaItem, numbered
from clerkdesk.domain.declarations import Declaration
from clerkdesk.ui.models.table_model import Column, RecordTableModel

MEMBER, ITEM, INTEREST, NATURE, ACTION, DISPENSATION = range(6)

SENSITIVE_NATURE = "(sensitive: not printed)"


def item_labels(items: list[AgendaItem]) -> dict[int, str]:
    """Agenda item id -> "Item 9: Free School Proposals": declarations cite the agenda item
    by its number (domain.md §4), not the minute."""
    return {item.id: f"Item {number}: {item.title}" for number, item in numbered(items)}


class DeclarationModel(RecordTableModel):
    def __init__(self, parent=None):
        self._names: dict[int, str] = {}
        self._items: dict[int, str] = {}
        super().__init__(
            [
                Column("Member", lambda d: self._names.get(d.person_id, "?")),
                Column("Agenda item", lambda d: self._items.get(d.agenda_item_id, "")
                       if d.agenda_item_id else "(the meeting)"),
                Column("Interest", lambda d: d.interest_type.value),
                Column("Nature", lambda d: SENSITIVE_NATURE if d.sensitive else d.nature),
                Column("Action taken", lambda d: d.action.value),
                Column("Dispensation", lambda d: d.dispensation_ref),
            ],
            parent,
        )

    def set_declarations(self, declarations: list[Declaration], names: dict[int, str],
                         items: dict[int, str]) -> None:
        self._names = dict(names)
        self._items = dict(items)
        self.set_records(declarations)
