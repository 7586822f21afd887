"""The agenda plan of one committee: future meetings and reserve dates, their planned items
and deadlines; items are planned, moved, pulled onto a real agenda, and the plan exported."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.errors import ClerkError, ValidationError
from clerkdesk.ui import error_dialog
from clerkdesk.ui.dialogs import confirm
from clerkdesk.ui.dialogs.plan_item_dialog import PlanItemDialog, ReserveDateDialog
from clerkdesk.ui.models.agenda_plan_model import AgendaPlanModel
from clerkdesk.ui.pages.base_page import Page, PageContext
from clerkdesk.ui.widgets.combos import fill_combo, select_value
from clerkdesk.ui.widgets.record_table_view import RecordTableView

FORMATS = {"docx": "Word document (*.docx)", "pdf": "PDF (*.pdf)"}


def ask_save_path(parent: QWidget, suggested: str, fmt: str) -> Path | None:
    """Where to write an export; None if the clerk cancelled (tests patch this)."""
    chosen, _filter = QFileDialog.getSaveFileName(parent, "Export the agenda plan", suggested,
                                                  FORMATS[fmt])
    return Path(chosen) if chosen else None


class AgendaPlanPage(Page):
    title = "Agenda plan"

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.model = AgendaPlanModel(self)
        self.plan = None
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        self.committee_combo = QComboBox()
        self.committee_combo.setMinimumContentsLength(30)
        self.new_button = QPushButton("New item…")
        self.new_button.setToolTip("Ctrl+N")
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setToolTip("Enter, F2 or Ctrl+E")
        self.delete_button = QPushButton("Delete…")
        self.up_button = QPushButton("Move up")
        self.up_button.setToolTip("Ctrl+Up")
        self.down_button = QPushButton("Move down")
        self.down_button.setToolTip("Ctrl+Down")
        self.pull_button = QPushButton("Put on the agenda")
        self.pull_button.setToolTip("Add the item to its meeting's agenda (Ctrl+Shift+A)")
        self.reserve_button = QPushButton("Reserve date…")
        self.word_button = QPushButton("Export Word…")
        self.pdf_button = QPushButton("Export PDF…")
        top = QHBoxLayout()
        top.addWidget(QLabel("Committee:"))
        top.addWidget(self.committee_combo)
        top.addStretch()
        for button in (self.reserve_button, self.word_button, self.pdf_button):
            top.addWidget(button)
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button, self.up_button,
                       self.down_button, self.pull_button):
            actions.addWidget(button)
        actions.addStretch()
        self.table = RecordTableView(sortable=False)
        self.table.setModel(self.model)
        self.working = QPlainTextEdit()
        self.working.setReadOnly(True)
        self.working.setPlaceholderText("Select a line to see how its deadlines were worked out.")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.working)
        splitter.setSizes([460, 180])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        for keys, slot in (("Ctrl+Up", lambda: self.move_selected(-1)),
                           ("Ctrl+Down", lambda: self.move_selected(1)),
                           ("Ctrl+Shift+A", self.pull_selected)):
            QShortcut(QKeySequence(keys), self, slot,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _connect(self) -> None:
        self.committee_combo.currentIndexChanged.connect(self._on_committee_changed)
        self.table.activated.connect(self._on_table_activated)
        self.table.delete_requested.connect(self.delete_record)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.new_button.clicked.connect(self.new_record)
        self.edit_button.clicked.connect(self.edit_record)
        self.delete_button.clicked.connect(self.delete_record)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.pull_button.clicked.connect(self.pull_selected)
        self.reserve_button.clicked.connect(self.add_reserve_date)
        self.word_button.clicked.connect(lambda: self.export("docx"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))

    # -- loading ---------------------------------------------------------------------------
    def committee_id(self) -> int | None:
        return self.committee_combo.currentData()

    def refresh(self) -> None:
        committees = sorted(self.services.committees.list(), key=lambda c: c.name.casefold())
        fill_combo(self.committee_combo, [(c.name, c.id) for c in committees],
                   self.committee_id())
        self._load()

    def _load(self, select_item_id: int | None = None) -> None:
        selected = self.selected_line()
        keep = select_item_id or (selected.id if selected else None)
        committee_id = self.committee_id()
        if committee_id is None:
            self.plan = None
            self.model.set_records([])
        else:
            self.plan = self.services.agenda_plan.plan(committee_id, self.context.today())
            self.model.set_plan(self.plan)
            if self.model.rowCount():
                self.table.fit_columns(stretch=1)
        row = self.model.row_of_id(keep) if keep else None
        if row is None:
            self.table.clearSelection()
        else:
            self.table.select_row(row)
        self._on_selection_changed()

    def select_committee(self, committee_id: int) -> None:
        select_value(self.committee_combo, committee_id)  # reloads through the signal

    def selected_line(self):
        return self.table.selected_record()

    def _on_committee_changed(self, *_args) -> None:
        self._load()

    def _on_selection_changed(self, *_args) -> None:
        line = self.selected_line()
        has_item = line is not None and line.item is not None
        for button in (self.edit_button, self.delete_button, self.up_button, self.down_button):
            button.setEnabled(has_item)
        self.pull_button.setEnabled(has_item and not line.item.moved)
        for button in (self.new_button, self.reserve_button, self.word_button, self.pdf_button):
            button.setEnabled(self.committee_id() is not None)
        self.working.setPlainText(self._working(line) if line else "")

    @staticmethod
    def _working(line) -> str:
        group = line.group
        parts = [f"{d.label}:\n{d.explanation}" for d in (group.draft_reports, group.despatch)
                 if d is not None]
        if line.item and line.item.notes:
            parts.insert(0, f"Notes: {line.item.notes}")
        return "\n\n".join(parts)

    def _on_table_activated(self, _index) -> None:
        self.edit_record()

    # -- changing --------------------------------------------------------------------------
    def _run(self, action, message: str) -> bool:
        try:
            result = action()
        except ClerkError as exc:
            error_dialog.show_error(self, exc)
            return False
        self._load(getattr(result, "plan_item_id", None) or getattr(result, "id", None))
        self.message.emit(message)
        return True

    def new_record(self) -> None:
        if self.committee_id() is None:
            return
        line = self.selected_line()
        meeting = line.group.meeting if line else None
        saved = PlanItemDialog.ask(self, self.services, self.committee_id(),
                                   self.context.today(), meeting_id=meeting.id if meeting else None)
        if saved is not None:
            self._load(saved.id)
            self.message.emit(f"Planned '{saved.title}'.")

    def edit_record(self) -> None:
        line = self.selected_line()
        if line is None or line.item is None:
            return
        saved = PlanItemDialog.ask(self, self.services, self.committee_id(),
                                   self.context.today(), item=line.item)
        if saved is not None:
            self._load(saved.id)
            self.message.emit(f"Saved '{saved.title}'.")

    def delete_record(self) -> None:
        line = self.selected_line()
        if line is None or line.item is None:
            return
        label = f"the planned item '{line.item.title}'"
        deleted = confirm.delete_with_confirmation(
            self, label, [], lambda: self.services.agenda_plan.delete(line.item.id))
        if deleted:
            self._load()
            self.message.emit(f"Deleted {label}.")

    def move_selected(self, offset: int) -> None:
        line = self.selected_line()
        if line is not None and line.item is not None:
            item_id = line.item.id
            self._run(lambda: self.services.agenda_plan.move(item_id, offset), "Moved.")

    def pull_selected(self) -> None:
        line = self.selected_line()
        if line is None or line.item is None or line.item.moved:
            return
        item = line.item

        def pull():
            if line.group.meeting is None:
                raise ValidationError(
                    f"No meeting is scheduled on {line.group.day:%d/%m/%Y}: schedule it on the "
                    "Meetings page, or plan the item for a scheduled meeting, first.")
            return self.services.agenda_plan.pull_into_agenda(item.id, line.group.meeting.id)

        self._run(pull, f"'{item.title}' is now on the agenda.")

    def add_reserve_date(self) -> None:
        if self.committee_id() is None:
            return
        if ReserveDateDialog.ask(self, self.services, self.committee_id(),
                                 self.context.today()) is not None:
            self._load()
            self.message.emit("Reserve date added.")

    def export(self, fmt: str) -> None:
        if self.plan is None:
            return
        suggested = f"{self.plan.committee.code} agenda plan.{fmt}"
        path = ask_save_path(self, suggested, fmt)
        if path is None:
            return
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(f"{path.name}.{fmt}")
        self._run(lambda: self.services.agenda_plan.write_document(
            self.committee_id(), path, fmt, self.context.today()), f"Wrote {path}.")
