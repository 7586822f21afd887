"""The declarations of interest made at the meeting, beside the minute being written.

Declarations belong to the meeting and cite an agenda item; a new one starts on the item
of the minute on screen, which is where the clerk usually is when a member declares.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clerkdesk.domain.declarations import Declaration
from clerkdesk.ui.dialogs import confirm
from clerkdesk.ui.dialogs.declaration_dialog import DeclarationDialog
from clerkdesk.ui.models.declaration_model import NATURE, DeclarationModel, item_labels
from clerkdesk.ui.widgets.record_table_view import RecordTableView


class DeclarationsPanel(QWidget):
    changed = Signal()  # a declaration was saved or removed: who may vote may differ

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.meeting_id: int | None = None
        self.agenda_item_id: int | None = None
        self.read_only = False
        self.model = DeclarationModel(self)
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        self.summary_label = QLabel()
        self.add_button = QPushButton("Add declaration…")
        self.edit_button = QPushButton("Edit…")
        self.remove_button = QPushButton("Remove…")
        bar = QHBoxLayout()
        bar.addWidget(self.summary_label, 1)
        for button in (self.add_button, self.edit_button, self.remove_button):
            bar.addWidget(button)
        self.table = RecordTableView(sortable=False)
        self.table.setModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_declaration)
        self.edit_button.clicked.connect(self.edit_declaration)
        self.remove_button.clicked.connect(self.remove_declaration)
        self.table.activated.connect(lambda _index: self.edit_declaration())
        self.table.delete_requested.connect(self.remove_declaration)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    # -- loading ---------------------------------------------------------------------------
    def set_meeting(self, meeting_id: int | None, read_only: bool) -> None:
        self.meeting_id = meeting_id
        self.read_only = read_only
        self.reload()

    def set_agenda_item(self, agenda_item_id: int | None) -> None:
        self.agenda_item_id = agenda_item_id

    def reload(self, select_id: int | None = None) -> None:
        if self.meeting_id is None:
            self.model.set_records([])
        else:
            names = {p.id: p.front_sheet_name for p in self.services.people.list()}
            items = item_labels(self.services.agenda.items(self.meeting_id))
            self.model.set_declarations(
                self.services.minutes.declarations.list(self.meeting_id), names, items)
            if self.model.rowCount():
                self.table.fit_columns(maximum=260, stretch=NATURE)
        count = self.model.rowCount()
        self.summary_label.setText("No declarations of interest recorded." if count == 0 else
                                   f"{count} declaration{'s' if count != 1 else ''} of "
                                   "interest at this meeting.")
        row = self.model.row_of_id(select_id) if select_id is not None else None
        if row is not None:
            self.table.select_row(row)
        self._update_buttons()

    def selected_declaration(self) -> Declaration | None:
        return self.table.selected_record()

    def _update_buttons(self, *_args) -> None:
        editable = self.meeting_id is not None and not self.read_only
        selected = self.selected_declaration() is not None
        self.add_button.setEnabled(editable)
        self.edit_button.setEnabled(editable and selected)
        self.remove_button.setEnabled(editable and selected)

    # -- changing --------------------------------------------------------------------------
    def add_declaration(self) -> None:
        if self.meeting_id is None:
            return
        saved = DeclarationDialog.ask(self, self.services, self.meeting_id,
                                      agenda_item_id=self.agenda_item_id)
        self._after_save(saved)

    def edit_declaration(self) -> None:
        declaration = self.selected_declaration()
        if declaration is None or self.read_only:
            return
        saved = DeclarationDialog.ask(self, self.services, self.meeting_id, declaration)
        self._after_save(saved)

    def _after_save(self, saved: Declaration | None) -> None:
        if saved is not None:
            self.reload(saved.id)
            self.changed.emit()

    def remove_declaration(self) -> None:
        declaration = self.selected_declaration()
        if declaration is None:
            return
        row = self.model.row_of_id(declaration.id)
        label = (f"the declaration by {self.model.index(row, 0).data()} "
                 f"({declaration.interest_type.value} interest)")
        if confirm.delete_with_confirmation(
                self, label, [],
                lambda: self.services.minutes.declarations.remove(declaration.id)):
            self.reload()
            self.changed.emit()
