"""The agenda plan as a table: one line per planned item, and one for a date with none.

The date and its deadlines are written on a meeting's first line only, as the seed's plan
prints them; every line still carries its meeting, so sorting is never needed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from clerkdesk.domain.agenda_plan import PlanItem
from clerkdesk.ui.formatting import weekday_date
from clerkdesk.ui.models.deadline_model import due_text
from clerkdesk.ui.models.table_model import AnyIndex, Column, RecordTableModel

DATE, ITEM, OFFICER, REFERENCE, DRAFT, DESPATCH, STATE = range(7)


@dataclass(frozen=True)
class PlanLine:
    group: object  # services.agenda_plan.PlanMeeting
    item: PlanItem | None
    first: bool

    @property
    def id(self) -> int | None:
        return self.item.id if self.item else None


def _date_text(line: PlanLine) -> str:
    if not line.first:
        return ""
    group = line.group
    # No "(Wednesday meeting)" note here: the weekday is part of the date on screen.
    text = weekday_date(group.day) if group.confirmed else f"[{weekday_date(group.day)}]"
    return f"{text} {group.label}".strip()


def _first_only(text_of):
    return lambda line: text_of(line.group) if line.first else ""


def _of_item(text_of):
    return lambda line: text_of(line.item) if line.item else ""


class AgendaPlanModel(RecordTableModel):
    def __init__(self, parent=None):
        super().__init__(
            [
                Column("Committee date", _date_text),
                Column("Agenda item", _of_item(lambda item: item.marked_title)),
                Column("Lead officer", _of_item(lambda item: item.lead_officer)),
                Column("Key decision", _of_item(lambda item: item.reference_text)),
                Column("Draft reports", _first_only(
                    lambda g: due_text(g.draft_reports) if g.draft_reports else "")),
                Column("Agenda despatch", _first_only(lambda g: due_text(g.despatch))),
                Column("State", _of_item(lambda item: "On the agenda" if item.moved else "")),
            ],
            parent,
        )

    def set_plan(self, plan) -> None:
        lines = []
        for group in plan.meetings:
            items = group.items or (None,)
            lines += [PlanLine(group, item, index == 0) for index, item in enumerate(items)]
        self.set_records(lines)

    def data(self, index: AnyIndex, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.FontRole and index.isValid() and index.column() == DATE:
            line = self.record_at(index.row())
            font = QFont()
            font.setBold(line.group.confirmed)  # as the seed: confirmed dates in bold,
            font.setItalic(not line.group.confirmed)  # reserve dates in italics
            return font
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            line = self.record_at(index.row())
            if index.column() in (DRAFT, DESPATCH):
                deadline = (line.group.draft_reports if index.column() == DRAFT
                            else line.group.despatch)
                return deadline.explanation if deadline else None
            return line.item.notes if line.item and line.item.notes else None
        return super().data(index, role)
