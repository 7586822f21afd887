"""An editable list of a committee's standing agenda items, for the committee dialog."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from clerkdesk.domain.committees import StandingItem, StandingItemKind

SECTION, TITLE, KIND = range(3)
HEADERS = ("Section heading", "Title", "Kind")
FIELDS = ("section", "title", "kind")


class StandingItemsModel(QAbstractTableModel):
    def __init__(self, items: tuple[StandingItem, ...] = (), parent=None):
        super().__init__(parent)
        self._items = list(items)

    def items(self) -> tuple[StandingItem, ...]:
        return tuple(self._items)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def flags(self, index):
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole
        ):
            return None
        value = getattr(self._items[index.row()], FIELDS[index.column()])
        return str(value)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        field = FIELDS[index.column()]
        value = StandingItemKind(value) if index.column() == KIND else str(value)
        self._items[index.row()] = replace(self._items[index.row()], **{field: value})
        self.dataChanged.emit(index, index, [role])
        return True

    def insert_item(self, row: int, item: StandingItem) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.insert(row, item)
        self.endInsertRows()

    def remove_item(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._items[row]
        self.endRemoveRows()

    def move_item(self, row: int, offset: int) -> bool:
        """Move one row up (-1) or down (+1); False at either end."""
        target = row + offset
        if not (0 <= row < len(self._items) and 0 <= target < len(self._items)):
            return False
        # Qt counts the destination before the move: moving down by one means "before row+2".
        destination = target + 1 if offset > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._items.insert(target, self._items.pop(row))
        self.endMoveRows()
        return True
