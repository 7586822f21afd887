"""The table view every list in ClerkDesk uses: whole rows, one at a time, read-only."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from clerkdesk.ui.models.table_model import OBJECT_ROLE


class RecordTableView(QTableView):
    # The Delete key on a row. The table handles it (not a window-wide shortcut) so that
    # Delete in a search box, date box or combo box never asks to delete a record.
    delete_requested = Signal()

    def __init__(self, parent=None, *, sortable: bool = True):
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Records change through dialogs (with validation), never by typing in a cell.
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(sortable)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as a clerk expects
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Delete):
            self.delete_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def selected_record(self):
        """The record on the selected row, or None (nothing selected, or a heading row)."""
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        return rows[0].data(OBJECT_ROLE) if rows else None

    def select_row(self, row: int) -> None:
        index = self.model().index(row, 0)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)

    def fit_columns(self, maximum: int = 360, stretch: int | None = None) -> None:
        """Size columns to their contents (none wider than ``maximum`` pixels); column
        ``stretch`` (by default the last) takes whatever width is left."""
        header = self.horizontalHeader()
        last = header.count() - 1
        stretch = last if stretch is None else stretch
        header.setStretchLastSection(stretch == last)
        for column in range(header.count()):
            if column == stretch:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.resizeColumnToContents(column)
            header.resizeSection(column, min(header.sectionSize(column) + 12, maximum))
