"""The agenda builder: one meeting's items under their section headings, numbered 1..n
across sections, with the selected item's documents below; packs and publication.

Items are added (standing items from the committee's template, report items, items pulled
from the agenda plan), edited, deleted and put in order by dragging or with Ctrl+Up and
Ctrl+Down. Once the agenda is published its items are locked: the service refuses any
change, and the page greys them out and says so before a dialog is opened for nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.documents.pack import Audience
from clerkdesk.domain.agenda import AgendaItem
from clerkdesk.errors import ClerkError
from clerkdesk.services.deadlines import PUBLICATION_KEYS
from clerkdesk.ui import error_dialog
from clerkdesk.ui.dialogs import confirm
from clerkdesk.ui.dialogs.agenda_item_dialog import AgendaItemDialog
from clerkdesk.ui.dialogs.plan_pull_dialog import PullFromPlanDialog
from clerkdesk.ui.formatting import meeting_time
from clerkdesk.ui.models.agenda_model import AgendaModel
from clerkdesk.ui.models.deadline_model import due_text
from clerkdesk.ui.pages.agenda_outputs import AgendaOutputs
from clerkdesk.ui.pages.base_page import Page, PageContext
from clerkdesk.ui.widgets.agenda_items_view import AgendaItemsView
from clerkdesk.ui.widgets.item_documents_panel import ItemDocumentsPanel
from clerkdesk.ui.widgets.meeting_picker import MeetingPicker


class AgendaPage(Page):
    title = "Agenda"

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.model = AgendaModel(self)
        self.outputs = AgendaOutputs(self, self.services.store.path)
        self.published: int | None = None  # supplements published; None: not published
        self._build_ui()
        self._connect()

    # -- building --------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.picker = MeetingPicker(self.services, self.context.today)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.public_pack_action = QAction("&Public pack…", self)
        self.public_pack_action.setShortcut(QKeySequence("Ctrl+B"))
        self.members_pack_action = QAction("&Members' pack (not for publication)…", self)
        self.members_pack_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.pack_button = QPushButton("&Build pack")
        self.pack_button.setToolTip("Ctrl+B: public pack; Ctrl+Shift+B: members' pack")
        pack_menu = QMenu(self.pack_button)
        pack_menu.addActions([self.public_pack_action, self.members_pack_action])
        self.pack_button.setMenu(pack_menu)
        self.publish_button = QPushButton("P&ublish agenda…")
        self.publish_button.setToolTip("Ctrl+P")
        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addStretch()
        top.addWidget(self.pack_button)
        top.addWidget(self.publish_button)
        self.new_button = self._button("&New item…", "Ctrl+N")
        self.standing_button = self._button("Add &standing items", "Ctrl+Shift+S")
        self.pull_button = self._button("Pull from agenda p&lan…",
                                        "Put an item planned for this meeting on its agenda")
        self.edit_button = self._button("&Edit…", "Enter, F2 or Ctrl+E")
        self.delete_button = self._button("&Delete…", "Delete")
        self.up_button = self._button("Move u&p", "Ctrl+Up, or drag the item")
        self.down_button = self._button("Move do&wn", "Ctrl+Down, or drag the item")
        actions = QHBoxLayout()
        for button in (self.new_button, self.standing_button, self.pull_button,
                       self.edit_button, self.delete_button, self.up_button, self.down_button):
            actions.addWidget(button)
        actions.addStretch()
        self.table = AgendaItemsView()
        self.table.setModel(self.model)
        self.documents = ItemDocumentsPanel(self.services)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.documents)
        splitter.setStretchFactor(0, 3)  # the agenda gets most of the height
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 190])
        # Disabled while a pack is built or the agenda published (the worker is writing).
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(top)
        body.addWidget(self.status_label)
        body.addLayout(actions)
        body.addWidget(splitter, 1)
        QVBoxLayout(self).addWidget(self.body)
        self._add_shortcuts()

    @staticmethod
    def _button(text: str, keys: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(keys)
        return button

    def _add_shortcuts(self) -> None:
        for action in (self.public_pack_action, self.members_pack_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        # Switched off with the page while a job runs (they would fire on a disabled page).
        self.shortcuts = [
            QShortcut(QKeySequence(keys), self, slot,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            for keys, slot in (("Ctrl+Up", lambda: self.move_selected(-1)),
                               ("Ctrl+Down", lambda: self.move_selected(1)),
                               ("Ctrl+Shift+S", self.add_standing_items),
                               ("Ctrl+O", self.documents.attach),
                               ("Ctrl+P", self.publish))
        ]

    def _connect(self) -> None:
        self.picker.changed.connect(self._load)
        self.table.activated.connect(lambda _index: self.edit_record())
        self.table.delete_requested.connect(self.delete_record)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.reorder_requested.connect(self._on_reorder_requested)
        self.documents.changed.connect(self._on_documents_changed)
        self.new_button.clicked.connect(self.new_record)
        self.standing_button.clicked.connect(self.add_standing_items)
        self.pull_button.clicked.connect(self.pull_from_plan)
        self.edit_button.clicked.connect(self.edit_record)
        self.delete_button.clicked.connect(self.delete_record)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.public_pack_action.triggered.connect(lambda: self.build_pack(Audience.PUBLIC))
        self.members_pack_action.triggered.connect(lambda: self.build_pack(Audience.MEMBERS))
        self.publish_button.clicked.connect(self.publish)
        self.outputs.busy_changed.connect(self._on_busy_changed)
        self.outputs.published.connect(lambda _result: self._load())
        self.outputs.message.connect(self.message)

    # -- choosing the meeting --------------------------------------------------------------
    def meeting_id(self) -> int | None:
        return self.picker.meeting_id()

    def refresh(self) -> None:
        self.picker.reload()
        self._load()

    def show_meeting(self, meeting_id: int) -> None:
        """Open this meeting's agenda (for other pages, tests and screenshots)."""
        self.picker.show_meeting(meeting_id)  # reloads through ``changed``

    # -- loading ---------------------------------------------------------------------------
    def _load(self, select_item_id: int | None = None) -> None:
        """Reload the agenda, keeping (or choosing) the selected item."""
        selected = self.selected_item()
        keep = select_item_id or (selected.id if selected else None)
        meeting_id = self.meeting_id()
        if meeting_id is None:
            self.published = None
            self.model.set_agenda([], None)
        else:
            self.published = self.services.agenda.published_supplement_count(meeting_id)
            self.model.set_agenda(self.services.agenda.items(meeting_id), self.published)
        row = self.model.row_of_id(keep) if keep else None
        if row is None:
            self.table.clearSelection()
        else:
            self.table.select_row(row)
        self.status_label.setText(self._status_text())
        self._on_selection_changed()

    def _status_text(self) -> str:
        meeting_id = self.meeting_id()
        if meeting_id is None:
            return ("No meetings to show: choose a committee, or schedule a meeting on the "
                    "Meetings page." if self.picker.committee_id() else "Add a committee first.")
        count = len(self.model.items())
        if self.published is None:
            deadlines = self.services.deadlines.for_meeting(meeting_id, self.context.today())
            due = next((row.deadline for row in deadlines.rows
                        if row.deadline.key in PUBLICATION_KEYS), None)
            when = f" Publication due: {due_text(due)}." if due else ""
            return f"Not published yet: {count} items.{when}"
        latest = self.services.publishing.history(meeting_id)[-1]
        return (f"{latest.label} published {meeting_time(latest.published_at)}: its items "
                f"are locked. New items go into Supplement {self.published + 1}.")

    def selected_item(self) -> AgendaItem | None:
        return self.table.selected_record()

    def _on_selection_changed(self, *_args) -> None:
        item = self.selected_item()
        has_meeting = self.meeting_id() is not None
        editable = item is not None and not self.model.is_locked(item)
        for widget in (self.new_button, self.pull_button, self.pack_button,
                       self.publish_button):
            widget.setEnabled(has_meeting)
        self.public_pack_action.setEnabled(has_meeting)
        self.members_pack_action.setEnabled(has_meeting)
        # Standing items open the agenda; after publication they would be late items.
        self.standing_button.setEnabled(has_meeting and self.published is None)
        self.edit_button.setEnabled(editable)
        self.delete_button.setEnabled(editable)
        for button in (self.up_button, self.down_button):
            button.setEnabled(item is not None and self.published is None)
        next_one = "agenda" if self.published is None else f"Supplement {self.published + 1}"
        self.publish_button.setText(f"P&ublish {next_one}…")
        # After publication there is something to publish only once an item is added.
        self.publish_button.setEnabled(has_meeting and (self.published is None or any(
            not self.model.is_locked(i) for i in self.model.items())))
        locked = item is not None and self.model.is_locked(item)
        number = self.model.number_of(item.id) if item else None
        self.documents.set_item(item, number, locked)

    # -- changing items --------------------------------------------------------------------
    def _run(self, action, message: str, select=None) -> bool:
        try:
            result = action()
        except ClerkError as exc:
            error_dialog.show_error(self, exc)
            self._load()
            return False
        self._load(select(result) if select else None)
        self.message.emit(message)
        return True

    def _section_for_new_item(self) -> str:
        item = self.selected_item()
        items = self.model.items()
        return item.section if item else (items[-1].section if items else "")

    def new_record(self) -> None:
        if self.meeting_id() is None or self.outputs.busy:
            return
        saved = AgendaItemDialog.ask(self, self.services, self.meeting_id(),
                                     section=self._section_for_new_item())
        if saved is not None:
            self._load(saved.id)
            where = f" in Supplement {saved.supplement}" if saved.supplement else ""
            self.message.emit(f"Added item {self.model.number_of(saved.id)} "
                              f"'{saved.title}'{where}.")

    def _refused_because_published(self, item) -> bool:
        # Said before a dialog opens rather than after the clerk has typed into it.
        error = self.services.agenda.locked_error(item)
        if error is not None:
            error_dialog.show_error(self, error)
        return error is not None

    def edit_record(self) -> None:
        item = self.selected_item()
        if item is None or self.outputs.busy:
            return
        if self._refused_because_published(item):
            return
        saved = AgendaItemDialog.ask(self, self.services, self.meeting_id(), item)
        if saved is not None:
            self._load(saved.id)
            self.message.emit(f"Saved '{saved.title}'.")

    def delete_record(self) -> None:
        item = self.selected_item()
        if item is None or self.outputs.busy:
            return
        if self._refused_because_published(item):
            return
        number = self.model.number_of(item.id)
        label = f"item {number} '{item.title}'"
        documents = len(item.documents)
        consequences = [f"its {documents} attached document{'s' if documents != 1 else ''}"
                        ] if documents else []
        if confirm.delete_with_confirmation(
                self, label, consequences, lambda: self.services.agenda.delete_item(item.id)):
            self._load()
            self.message.emit(f"Deleted {label}; the items after it are renumbered.")

    def add_standing_items(self) -> None:
        meeting_id = self.meeting_id()
        if meeting_id is None or self.outputs.busy or self.published is not None:
            return
        try:
            added = self.services.agenda.create_standing_items(meeting_id)
        except ClerkError as exc:
            error_dialog.show_error(self, exc)
            return
        self._load(added[0].id if added else None)
        self.message.emit(f"Added {len(added)} standing items." if added else
                          "The agenda already has all of the committee's standing items.")

    def pull_from_plan(self) -> None:
        if self.meeting_id() is None or self.outputs.busy:
            return
        pulled = PullFromPlanDialog.ask(self, self.services, self.meeting_id())
        if pulled is not None:
            self._load(pulled.id)
            self.message.emit(f"'{pulled.title}' is now item "
                              f"{self.model.number_of(pulled.id)} on the agenda.")

    def move_selected(self, offset: int) -> None:
        item = self.selected_item()
        if item is None or self.outputs.busy:
            return
        self._run(lambda: self.services.agenda.move(item.id, offset),
                  f"Moved '{item.title}'.", select=lambda _items: item.id)

    def _on_reorder_requested(self, ordered_ids: list) -> None:
        meeting_id = self.meeting_id()
        if meeting_id is not None:
            self._run(lambda: self.services.agenda.reorder(meeting_id, ordered_ids),
                      "Items renumbered.")

    def _on_documents_changed(self, message: str) -> None:
        self._load()
        self.message.emit(message)

    # -- packs and publication -------------------------------------------------------------
    def build_pack(self, audience: Audience) -> None:
        meeting_id = self.meeting_id()
        if meeting_id is None:
            return
        meeting = self.services.meetings.get(meeting_id)
        committee = self.services.committees.get(meeting.committee_id)
        who = "public" if Audience(audience) is Audience.PUBLIC else "members"
        self.outputs.build_pack(meeting_id, Audience(audience),
                                f"{committee.code} {meeting.date:%Y-%m-%d} pack ({who}).pdf")

    def publish(self) -> None:
        if self.publish_button.isEnabled():  # Ctrl+P asks no folder when nothing is new
            self.outputs.publish(self.meeting_id(), self.context.today())

    def _on_busy_changed(self, busy: bool) -> None:
        self.body.setEnabled(not busy)
        for shortcut in self.shortcuts:
            shortcut.setEnabled(not busy)
        for action in (self.public_pack_action, self.members_pack_action):
            action.setEnabled(not busy and self.meeting_id() is not None)
