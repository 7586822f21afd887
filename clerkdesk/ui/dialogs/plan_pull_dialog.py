"""Putting an item from the committee's agenda plan onto this meeting's agenda.

The list offers the plan items meant for this meeting (planned under it, or pencilled in
for its date) that are not on an agenda yet. Pulling one copies its title, lead officer
and key decision; a '+' (confidential) item arrives confidential until the clerk decides.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QWidget

from clerkdesk.domain.agenda_plan import PlanItem
from clerkdesk.errors import ValidationError
from clerkdesk.ui.dialogs.record_dialog import RecordDialog


def plan_items_for(services, meeting_id: int) -> list[PlanItem]:
    meeting = services.meetings.get(meeting_id)
    return [item for item in services.agenda_plan.items(meeting.committee_id)
            if not item.moved
            and (item.meeting_id == meeting_id or item.planned_date == meeting.date)]


def _describe(item: PlanItem) -> str:
    details = [item.lead_officer, f"key decision {item.reference}" if item.key_decision else ""]
    details = [detail for detail in details if detail]
    return item.marked_title + (f" — {', '.join(details)}" if details else "")


class PullFromPlanDialog(RecordDialog):
    @classmethod
    def ask(cls, parent: QWidget | None, services, meeting_id: int):
        """The new AgendaItem, or None if the clerk cancelled."""
        return cls(services, meeting_id, parent).run()

    def __init__(self, services, meeting_id: int, parent=None):
        super().__init__("Pull from the agenda plan", parent)
        self.services = services
        self.meeting_id = meeting_id
        self.list_widget = QListWidget()
        self.list_widget.setMinimumWidth(520)
        for plan_item in plan_items_for(services, meeting_id):
            row = QListWidgetItem(_describe(plan_item))
            row.setData(Qt.ItemDataRole.UserRole, plan_item.id)
            self.list_widget.addItem(row)
        if self.list_widget.count():
            self.list_widget.setCurrentRow(0)
        hint = QLabel("Planned for this meeting and not on its agenda yet:" if
                      self.list_widget.count() else
                      "The agenda plan has nothing for this meeting that is not on its "
                      "agenda already.")
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.form.addRow(self.list_widget)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Put on the agenda")
        self.list_widget.itemActivated.connect(lambda _row: self.accept())
        self._finish_layout()

    def value(self) -> int | None:
        current = self.list_widget.currentItem()
        return current.data(Qt.ItemDataRole.UserRole) if current else None

    def _save(self, plan_item_id: int | None):
        if plan_item_id is None:
            raise ValidationError("Choose a planned item to put on the agenda.")
        return self.services.agenda_plan.pull_into_agenda(plan_item_id, self.meeting_id)
