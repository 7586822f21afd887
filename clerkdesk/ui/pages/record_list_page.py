"""A page whose heart is one searchable, sortable table of records with add/edit/delete.

Subclasses say what the records are (model, how to load them, which dialog edits them, how
to delete one); this class does the rest once: the search box, the buttons, keeping the
selection across a reload, and the delete confirmation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from clerkdesk.errors import ClerkError
from clerkdesk.ui import error_dialog
from clerkdesk.ui.dialogs import confirm
from clerkdesk.ui.models.table_model import RecordFilterProxy, RecordTableModel
from clerkdesk.ui.pages.base_page import Page, PageContext
from clerkdesk.ui.widgets.record_table_view import RecordTableView


class RecordListPage(Page):
    record_noun = "record"  # "committee": for button labels
    search_placeholder = "Search"
    default_sort_column = 0
    stretch_column: int | None = None  # takes the spare width; None means the last
    column_widths: dict[int, int] = {}  # noqa: RUF012 - read-only defaults per page class
    # Several filters get a row of their own under the search box, so the page (and the
    # window) stays narrow enough for a 1366-pixel laptop screen.
    filters_on_own_row = False

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.model = self._create_model()
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._columns_fitted = False
        self._build_ui()
        self._connect()

    # -- for subclasses --------------------------------------------------------------------
    def _create_model(self) -> RecordTableModel:
        raise NotImplementedError

    def _load(self) -> None:
        """Fill ``self.model`` from the services."""
        raise NotImplementedError

    def _ask_new(self) -> Any:
        raise NotImplementedError

    def _ask_edit(self, record: Any) -> Any:
        raise NotImplementedError

    def _describe(self, record: Any) -> str:
        """The record named in a sentence: "the Audit Committee (AUD)"."""
        raise NotImplementedError

    def _delete(self, record: Any) -> None:
        raise NotImplementedError

    def _delete_consequences(self, record: Any) -> list[str]:
        return []

    def _filter_widgets(self) -> list[QWidget]:
        """Extra filters shown after the search box."""
        return []

    def _build_body(self, table: RecordTableView) -> QWidget:
        """The area under the filter bar; a page with a detail panel wraps the table."""
        return table

    def _show_details(self, record: Any) -> None:
        """The selection changed (``record`` is None when nothing is selected)."""

    # -- building --------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.search_placeholder)
        self.search_edit.setToolTip("Ctrl+F")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(220)
        self.new_button = QPushButton(f"New {self.record_noun}…")
        self.new_button.setToolTip("Ctrl+N")
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setToolTip("Enter, F2 or Ctrl+E")
        self.delete_button = QPushButton("Delete…")
        self.delete_button.setToolTip("Delete")
        bar = QHBoxLayout()
        bar.addWidget(self.search_edit)
        filter_bar = QHBoxLayout() if self.filters_on_own_row else bar
        for widget in self._filter_widgets():
            filter_bar.addWidget(widget)
        bar.addStretch()
        for button in (self.new_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        self.table = RecordTableView()
        self.table.setModel(self.proxy)
        self.table.sortByColumn(self.default_sort_column, Qt.SortOrder.AscendingOrder)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        if filter_bar is not bar:
            filter_bar.addStretch()
            layout.addLayout(filter_bar)
        layout.addWidget(self._build_body(self.table), 1)

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(self._on_search_text_changed)
        self.table.activated.connect(self._on_table_activated)
        self.table.delete_requested.connect(self.delete_record)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.new_button.clicked.connect(self.new_record)
        self.edit_button.clicked.connect(self.edit_record)
        self.delete_button.clicked.connect(self.delete_record)

    # -- Page interface --------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected_record()
        selected_rows = self.table.selectionModel().selectedRows()
        previous_row = selected_rows[0].row() if selected_rows else 0
        self._load()
        if not self._columns_fitted and self.model.rowCount():
            self.table.fit_columns(stretch=self.stretch_column)
            for column, width in self.column_widths.items():  # where fitting is too wide
                self.table.setColumnWidth(column, width)
            self._columns_fitted = True  # later reloads keep the clerk's column widths
            self._after_first_fit()
        # Keep the same record selected; if it has gone (deleted), the one now in its place,
        # so the clerk never faces an empty detail panel while the list has records.
        if not self.select_id(getattr(selected, "id", None)) and self.proxy.rowCount():
            self.table.select_row(min(previous_row, self.proxy.rowCount() - 1))
        self._on_selection_changed()

    def _after_first_fit(self) -> None:
        """Hook: a page may sort or size its table once, when it first has rows."""

    def new_record(self) -> None:
        saved = self._ask_new()
        if saved is not None:
            self._after_save(saved)

    def edit_record(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        saved = self._ask_edit(record)
        if saved is not None:
            self._after_save(saved)

    def delete_record(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        label = self._describe(record)
        deleted = confirm.delete_with_confirmation(
            self, label, self._delete_consequences(record), lambda: self._delete(record)
        )
        if deleted:
            self.refresh()
            self.message.emit(f"Deleted {label}.")

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    # -- selection -------------------------------------------------------------------------
    def selected_record(self) -> Any:
        return self.table.selected_record()

    def select_id(self, record_id: int | None) -> bool:
        """Select the row of the record with this id, if it is loaded and not filtered out."""
        source_row = self.model.row_of_id(record_id) if record_id is not None else None
        if source_row is None:
            self.table.clearSelection()
            return False
        proxy_index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not proxy_index.isValid():
            self.table.clearSelection()
            return False
        self.table.select_row(proxy_index.row())
        return True

    def _run(self, change: Callable[[], Any], message: str) -> None:
        """Make one change through a service; show its ClerkError, or reload and say so."""
        try:
            changed = change()
        except ClerkError as exc:
            error_dialog.show_error(self, exc)
            return
        if changed is not None:
            self.refresh()
            self.select_id(changed.id)
            self.message.emit(message)

    def _after_save(self, saved: Any) -> None:
        self.refresh()
        self.select_id(saved.id)
        self.message.emit(f"Saved {self._describe(saved)}.")

    # -- slots -----------------------------------------------------------------------------
    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.set_search_text(text)

    def _on_table_activated(self, _index) -> None:
        self.edit_record()

    def _on_selection_changed(self, *_args) -> None:
        record = self.selected_record()
        self.edit_button.setEnabled(record is not None)
        self.delete_button.setEnabled(record is not None)
        self._show_details(record)
