"""One read-only table model for every entity, driven by a list of column specs.

Each entity's model (people, committees, meetings, memberships) only says which columns it
has and how to write a record in each; this module does the Qt plumbing once. Views sit
behind ``RecordFilterProxy``, which sorts on ``SORT_ROLE`` and filters on a search text
plus any named predicates a page adds (a kind filter, say).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

# The record behind a row (a frozen domain object), for pages and dialogs.
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 1
# What a column sorts by, when its text would sort wrongly (dates, numbers, surnames).
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """``sort_key`` must give a str or a number: the proxy compares them in C++, where a
    Python tuple or date would compare as equal and leave the column unsorted."""

    header: str
    text: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None
    align_right: bool = False


class RecordTableModel(QAbstractTableModel):
    """Rows are records; subclasses pass their columns to ``__init__``."""

    def __init__(self, columns: Iterable[Column], parent=None):
        super().__init__(parent)
        self.columns = tuple(columns)
        self._records: list[Any] = []

    # -- records ---------------------------------------------------------------------------
    def set_records(self, records: Iterable[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def records(self) -> list[Any]:
        return list(self._records)

    def record_at(self, row: int) -> Any:
        return self._records[row]

    def row_of_id(self, record_id: int | None) -> int | None:
        for row, record in enumerate(self._records):
            if getattr(record, "id", None) == record_id:
                return row
        return None

    def search_text(self, record: Any) -> str:
        """What the search box matches against: by default every column's text."""
        return " ".join(column.text(record) for column in self.columns)

    # -- Qt interface ----------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def data(self, index: AnyIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record = self._records[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(record)
        if role == OBJECT_ROLE:
            return record
        if role == SORT_ROLE:
            return column.sort_key(record) if column.sort_key else column.text(record).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RecordFilterProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE; keeps rows matching every search word and every predicate."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []
        self._predicates: dict[str, Callable[[Any], bool]] = {}

    def set_search_text(self, text: str) -> None:
        self._change_filter(lambda: setattr(self, "_words", text.casefold().split()))

    def set_predicate(self, name: str, predicate: Callable[[Any], bool] | None) -> None:
        """Add, replace or (with None) remove one named filter."""
        if predicate is None:
            self._change_filter(lambda: self._predicates.pop(name, None))
        else:
            self._change_filter(lambda: self._predicates.__setitem__(name, predicate))

    def _change_filter(self, change: Callable[[], Any]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # invalidateFilter() is deprecated from 6.10 but all older Qt has
            change()
            self.invalidateFilter()

    def record_at(self, proxy_row: int) -> Any:
        return self.index(proxy_row, 0).data(OBJECT_ROLE)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        record = model.record_at(source_row)
        if not all(predicate(record) for predicate in self._predicates.values()):
            return False
        if not self._words:
            return True
        haystack = model.search_text(record).casefold()
        return all(word in haystack for word in self._words)
