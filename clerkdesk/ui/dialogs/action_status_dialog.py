"""Changing an action's status: an open status (with the month for "Expected completion
date"), or closing it as Completed or No longer required on a date, or reopening it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QWidget

from clerkdesk.domain.actions import Action, ActionStatus, Month, completed, reopened
from clerkdesk.ui.dialogs.record_dialog import RecordDialog
from clerkdesk.ui.formatting import from_qdate, to_qdate
from clerkdesk.ui.widgets.combos import fill_combo, select_value
from clerkdesk.ui.widgets.date_edits import FIXED, date_edit


def status_label(status: ActionStatus) -> str:
    return status.value or "Not stated"


class ActionStatusDialog(RecordDialog):
    @classmethod
    def ask(cls, parent: QWidget | None, services, action: Action, today: date):
        """The changed action, or None if the clerk cancelled."""
        return cls(services, action, today, parent).run()

    def __init__(self, services, action: Action, today: date, parent=None):
        super().__init__("Set the action's status", parent)
        self.services = services
        self.action = action
        self._build_ui(today)
        self._connect()
        self._load(action)

    def _build_ui(self, today: date) -> None:
        self.status_combo = QComboBox()
        fill_combo(self.status_combo, [(status_label(s), s.value) for s in ActionStatus])
        self.month_edit = QDateEdit(to_qdate(today))
        self.month_edit.setDisplayFormat("MMMM yyyy")  # "September 2026", as the log prints it
        self.month_edit.setCalendarPopup(True)
        self.month_edit.setSizePolicy(*FIXED)
        self.closed_edit = date_edit(today)
        self.form.addRow("&Status", self.status_combo)
        self.form.addRow("Expected &completion", self.month_edit)
        self.form.addRow("&Closed on", self.closed_edit)
        self.setMinimumWidth(420)
        self._finish_layout()

    def _connect(self) -> None:
        self.status_combo.currentIndexChanged.connect(self._on_status_changed)

    def _load(self, action: Action) -> None:
        select_value(self.status_combo, action.status.value)
        if action.expected_completion is not None:
            month = action.expected_completion
            self.month_edit.setDate(QDate(month.year, month.month, 1))
        if action.completed_on is not None:
            self.closed_edit.setDate(to_qdate(action.completed_on))
        self._on_status_changed()

    def chosen_status(self) -> ActionStatus:
        return ActionStatus(self.status_combo.currentData())

    def _on_status_changed(self, *_args) -> None:
        status = self.chosen_status()
        self.month_edit.setEnabled(status is ActionStatus.EXPECTED)
        self.closed_edit.setEnabled(status.closes)

    def value(self) -> tuple[ActionStatus, Month | None, date | None]:
        status = self.chosen_status()
        picked = self.month_edit.date()
        month = Month(picked.year(), picked.month()) if status is ActionStatus.EXPECTED else None
        closed = from_qdate(self.closed_edit.date()) if status.closes else None
        return status, month, closed

    def _save(self, value) -> Action:
        status, month, closed_on = value
        actions, action = self.services.actions, self.action
        if status.closes:
            if action.is_closed:  # a different closing status or day: reopen, then close
                completed(reopened(action), closed_on, status)  # check first: no half-change
                actions.reopen(action.id)
            return actions.complete(action.id, closed_on, status)
        if action.is_closed:
            # Reopen to a plain open status first: a target month is set in its own step.
            simple = ActionStatus.IN_PROGRESS if status is ActionStatus.EXPECTED else status
            action = actions.reopen(action.id, simple)
            if status is not ActionStatus.EXPECTED:
                return action
        return actions.set_status(action.id, status, month)
