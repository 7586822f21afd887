"""A minute's actions: "(Action: Democratic Services Officer)" and what is to be done,
for the action log to take up. Added here, they print after the resolution; typed in the
text as "(Action: ...)", they become stored actions when the draft is published.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from clerkdesk.domain.minutes import Minute
from clerkdesk.ui.dialogs import confirm
from clerkdesk.ui.models.minutes_model import ACTION_TEXT, MinuteActionsModel
from clerkdesk.ui.widgets.record_table_view import RecordTableView
from clerkdesk.ui.widgets.service_call import FAILED, attempt


class MinuteActionsPanel(QWidget):
    about_to_change = Signal()  # removing an action also edits the text: save it first
    changed = Signal()
    locked = Signal()

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.minute: Minute | None = None
        self.read_only = False
        self.model = MinuteActionsModel(self)
        self.table = RecordTableView(sortable=False)
        self.table.setModel(self.model)
        self.post_edit = QLineEdit()
        self.post_edit.setPlaceholderText("Action for (a post): Democratic Services Officer")
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText("What is to be done")
        self.add_button = QPushButton("Add action")
        self.remove_button = QPushButton("Remove…")
        entry = QHBoxLayout()
        entry.addWidget(self.post_edit, 2)
        entry.addWidget(self.text_edit, 3)
        entry.addWidget(self.add_button)
        entry.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(entry)
        self.add_button.clicked.connect(self.add_action)
        self.text_edit.returnPressed.connect(self.add_action)
        self.remove_button.clicked.connect(self.remove_action)
        self.table.delete_requested.connect(self.remove_action)
        self.table.selectionModel().selectionChanged.connect(self._update_enabled)

    def set_minute(self, minute: Minute | None, read_only: bool) -> None:
        self.minute = minute
        self.read_only = read_only
        self.reload()

    def reload(self) -> None:
        actions = self.services.minutes.actions
        self.model.set_actions(actions.for_minute(self.minute.id) if self.minute else [])
        if self.model.rowCount():
            self.table.fit_columns(stretch=ACTION_TEXT)
        self._update_enabled()

    def _update_enabled(self, *_args) -> None:
        editable = self.minute is not None and not self.read_only
        for widget in (self.post_edit, self.text_edit, self.add_button):
            widget.setEnabled(editable)
        self.remove_button.setEnabled(editable and self.table.selected_record() is not None)

    def add_action(self) -> None:
        if self.minute is None:
            return
        minute_id, post, text = self.minute.id, self.post_edit.text(), self.text_edit.text()
        added = attempt(self, lambda: self.services.minutes.actions.add(minute_id, post, text),
                        self.locked.emit)
        if added is not FAILED:
            self.text_edit.clear()
            self.reload()
            self.changed.emit()

    def remove_action(self) -> None:
        action = self.table.selected_record()
        if action is None:
            return
        self.about_to_change.emit()
        if confirm.delete_with_confirmation(
                self, f"the action for {action.responsible}", [],
                lambda: self.services.minutes.actions.remove(action.id)):
            self.reload()
            self.changed.emit()
