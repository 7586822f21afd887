"""A meeting's agenda as a table: a heading row before each run of items under one section
heading, and the items numbered 1..n across sections, as the front sheet prints them.

Items are reordered by dragging one onto a new place (or with Ctrl+Up/Down on the page).
The model never reorders itself: it works out the new order and asks for it through
``reorder_requested``; the page saves it through the agenda service (which refuses once the
agenda is published) and reloads, so the numbers on screen are always the saved ones.
A heading is not a record: it follows from the items' sections, so moving an item among
another section's items shows its own heading again there (an agenda may repeat a heading).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from clerkdesk.domain.access import Access, AccessLevel
from clerkdesk.domain.agenda import AgendaItem, group_by_heading, numbered
from clerkdesk.ui.models.table_model import OBJECT_ROLE, AnyIndex, Column, RecordTableModel

AGENDA_ITEM_MIME = "application/x-clerkdesk-agenda-item"
NO_HEADING = "(No section heading)"

NUMBER, TITLE, SECTION, OFFICER, KEY, EDUCATION, ACCESS, LATE, DOCUMENTS, SUPPLEMENT = range(10)


def access_text(access: Access) -> str:
    """ "Open", "Exempt (para 3)" or "Confidential", as the clerk would say it."""
    if access.level is AccessLevel.EXEMPT:
        return f"Exempt (para {access.paragraph})"
    return access.level.value.capitalize()


@dataclass(frozen=True)
class AgendaRow:
    """A heading row (``item`` is None) or a numbered item."""

    heading: str
    number: int = 0
    item: AgendaItem | None = None
    locked: bool = False  # published: may no longer change

    @property
    def id(self) -> int | None:
        return self.item.id if self.item else None


def _of_item(text_of):
    return lambda row: text_of(row.item) if row.item else ""


class AgendaModel(RecordTableModel):
    # The item ids in their new order, after a drop or a move.
    reorder_requested = Signal(list)

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("No.", lambda row: str(row.number) if row.item else "",
                       align_right=True),
                Column("Title", _of_item(lambda item: item.title)),
                Column("Section", _of_item(lambda item: item.section)),
                Column("Lead officer", _of_item(lambda item: item.lead_officer)),
                Column("Key decision", _of_item(
                    lambda item: (item.forward_plan_ref or "Yes") if item.key_decision else "")),
                Column("Education", _of_item(lambda item: "Yes" if item.education_matter else "")),
                Column("Access", _of_item(lambda item: access_text(item.access))),
                Column("Late", _of_item(lambda item: "Late" if item.late else "")),
                Column("Documents", _of_item(lambda item: str(len(item.documents))),
                       align_right=True),
                Column("Supplement", _of_item(
                    lambda item: f"Supplement {item.supplement}" if item.supplement else "")),
            ],
            parent,
        )
        self.published_supplements: int | None = None

    # -- loading ---------------------------------------------------------------------------
    def set_agenda(self, items: list[AgendaItem], published_supplements: int | None) -> None:
        """``published_supplements``: None before publication, else how many went out
        (0 when only the agenda itself has been published)."""
        self.published_supplements = published_supplements
        groups = group_by_heading(numbered(items))
        show_headings = any(heading for heading, _ in groups)
        rows: list[AgendaRow] = []
        for heading, members in groups:
            if show_headings:
                rows.append(AgendaRow(heading or NO_HEADING))
            rows += [AgendaRow(heading, number, item, self.is_locked(item))
                     for number, item in members]
        self.set_records(rows)

    def is_locked(self, item: AgendaItem) -> bool:
        published = self.published_supplements
        return published is not None and item.supplement <= published

    def items(self) -> list[AgendaItem]:
        return [row.item for row in self._records if row.item is not None]

    def number_of(self, item_id: int) -> int | None:
        row = self.row_of_id(item_id)
        return self._records[row].number if row is not None else None

    def heading_rows(self) -> list[int]:
        return [row for row, record in enumerate(self._records) if record.item is None]

    # -- showing ---------------------------------------------------------------------------
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops land between rows, never on one
        if self._records[index.row()].item is None:
            # Not enabled: arrow keys step over headings, which are not records.
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled)

    def data(self, index: AnyIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._records[index.row()]
        if row.item is None:
            return self._heading_data(row, index.column(), role)
        if role == Qt.ItemDataRole.ForegroundRole and row.locked:
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled,
                                                QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.ToolTipRole and row.locked:
            return (f"{row.item.title}\nPublished: it can no longer change. A new item goes "
                    "into a supplementary agenda.")
        if role == OBJECT_ROLE:
            return row.item
        return super().data(index, role)

    @staticmethod
    def _heading_data(row: AgendaRow, column: int, role):
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return row.heading
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:  # a disabled row would be greyed out
            return QApplication.palette().brush(QPalette.ColorRole.WindowText)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QApplication.palette().brush(QPalette.ColorRole.AlternateBase)
        return None

    # -- reordering ------------------------------------------------------------------------
    def order_with(self, item_id: int, before_row: int) -> list[int]:
        """The item ids in agenda order with ``item_id`` moved to just above table row
        ``before_row`` (the row count puts it last)."""
        remaining = [row.item.id for row in self._records[:before_row]
                     if row.item is not None and row.item.id != item_id]
        after = [row.item.id for row in self._records[before_row:]
                 if row.item is not None and row.item.id != item_id]
        return [*remaining, item_id, *after]

    def _request(self, item_id: int, before_row: int) -> bool:
        current = [item.id for item in self.items()]
        wanted = self.order_with(item_id, before_row)
        if wanted == current:
            return False
        self.reorder_requested.emit(wanted)
        return True

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [AGENDA_ITEM_MIME]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        items = [self._records[index.row()].item for index in indexes if index.isValid()]
        dragged = next((item for item in items if item is not None), None)
        if dragged is not None:
            data.setData(AGENDA_ITEM_MIME, QByteArray(str(dragged.id).encode("ascii")))
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return data.hasFormat(AGENDA_ITEM_MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            item_id = int(bytes(data.data(AGENDA_ITEM_MIME).data()).decode("ascii"))
        except ValueError:
            return False
        if row < 0:  # dropped onto a row rather than between two: it goes above that row
            row = parent.row() if parent.isValid() else self.rowCount()
        # The view removes nothing after a move (the model has no removeRows): the
        # reload after saving the new order is the only change.
        return self._request(item_id, row)

    def moveRows(self, source_parent, source_row: int, count: int, destination_parent,
                 destination_child: int) -> bool:
        """One item row to above ``destination_child`` (views and tests call this)."""
        if source_parent.isValid() or destination_parent.isValid() or count != 1:
            return False
        item = self._records[source_row].item
        return item is not None and self._request(item.id, destination_child)
