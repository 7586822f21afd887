"""The committee dialog's list of standing items: edit in place, add, remove, reorder."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.committees import StandingItem, StandingItemKind
from clerkdesk.ui.models.standing_items_model import KIND, SECTION, TITLE, StandingItemsModel


class KindDelegate(QStyledItemDelegate):
    """Chooses a standing item's kind from the list rather than typing it."""

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.addItems([kind.value for kind in StandingItemKind])
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentText(index.data(Qt.ItemDataRole.EditRole))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class StandingItemsEditor(QWidget):
    def __init__(self, items: tuple[StandingItem, ...], parent=None):
        super().__init__(parent)
        self.model = StandingItemsModel(items, self)
        self._build_ui()
        self._connect()

    def items(self) -> tuple[StandingItem, ...]:
        return self.model.items()

    def _build_ui(self) -> None:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(KIND, KindDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SECTION, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KIND, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(SECTION, 180)
        header.resizeSection(KIND, 190)
        self.add_button = QPushButton("Add item")
        self.remove_button = QPushButton("Remove")
        self.up_button = QPushButton("Move up")
        self.down_button = QPushButton("Move down")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.up_button.clicked.connect(lambda: self._move_current(-1))
        self.down_button.clicked.connect(lambda: self._move_current(+1))

    def _current_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def _on_add_clicked(self) -> None:
        current = self._current_row()
        # A new item joins the section of the one above it: the usual case.
        section = self.model.items()[current].section if current is not None else ""
        row = self.model.rowCount() if current is None else current + 1
        self.model.insert_item(row, StandingItem(section, "New item"))
        self.table.setCurrentIndex(self.model.index(row, TITLE))
        self.table.edit(self.model.index(row, TITLE))

    def _on_remove_clicked(self) -> None:
        row = self._current_row()
        if row is not None:
            self.model.remove_item(row)

    def _move_current(self, offset: int) -> None:
        row = self._current_row()
        if row is not None and self.model.move_item(row, offset):
            self.table.setCurrentIndex(self.model.index(row + offset, TITLE))
