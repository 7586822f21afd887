"""Adding or changing an agenda plan item, and adding a reserve date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from clerkdesk.domain.agenda_plan import PlanItem
from clerkdesk.domain.meetings import MeetingStatus
from clerkdesk.ui.dialogs.record_dialog import RecordDialog
from clerkdesk.ui.formatting import from_qdate, meeting_time, to_qdate
from clerkdesk.ui.widgets.combos import fill_combo, select_value
from clerkdesk.ui.widgets.date_edits import date_edit

PROVISIONAL = 0  # the "When" combo's entry for a date with no meeting scheduled yet


class PlanItemDialog(RecordDialog):
    @classmethod
    def ask(cls, parent: QWidget | None, services, committee_id: int, today: date,
            item: PlanItem | None = None, meeting_id: int | None = None):
        """The saved PlanItem, or None if the clerk cancelled."""
        return cls(services, committee_id, today, item, meeting_id, parent).run()

    def __init__(self, services, committee_id: int, today: date, item: PlanItem | None,
                 meeting_id: int | None, parent=None):
        super().__init__("Edit planned item" if item else "Plan an item", parent)
        self.services = services
        self.committee_id = committee_id
        self.original = item
        meetings = [m for m in services.meetings.search(committee_id, start_from=today)
                    if m.status is MeetingStatus.SCHEDULED]
        if item and item.meeting_id and item.meeting_id not in {m.id for m in meetings}:
            meetings.insert(0, services.meetings.get(item.meeting_id))
        self._build_ui(meetings, today)
        self._connect()
        self._load(item, meeting_id)

    def _build_ui(self, meetings, today: date) -> None:
        self.when_combo = QComboBox()
        fill_combo(self.when_combo, [(meeting_time(m.start), m.id) for m in meetings]
                   + [("Another date (no meeting scheduled yet)", PROVISIONAL)])
        self.date_edit = date_edit(today)
        self.title_edit = QLineEdit()
        self.officer_edit = QLineEdit()
        self.officer_edit.setPlaceholderText("Initial and surname; several joined by /")
        self.key_check = QCheckBox("Key decision")
        self.reference_edit = QLineEdit()
        self.reference_edit.setPlaceholderText("e.g. KD2026/031")
        self.council_check = QCheckBox("* Expected to go on to full Council")
        self.confidential_check = QCheckBox("+ Expected to be confidential")
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(70)
        self.form.addRow("&Meeting:", self.when_combo)
        self.form.addRow("Planned &date:", self.date_edit)
        self.form.addRow("&Title:", self.title_edit)
        self.form.addRow("&Lead officer:", self.officer_edit)
        self.form.addRow("", self.key_check)
        self.form.addRow("&Reference:", self.reference_edit)
        self.form.addRow("", self.council_check)
        self.form.addRow("", self.confidential_check)
        self.form.addRow("&Notes:", self.notes_edit)
        self._finish_layout()
        self.title_edit.setMinimumWidth(380)

    def _connect(self) -> None:
        self.when_combo.currentIndexChanged.connect(self._on_when_changed)
        self.key_check.toggled.connect(self._on_key_toggled)

    def _load(self, item: PlanItem | None, meeting_id: int | None) -> None:
        if item is not None:
            select_value(self.when_combo, item.meeting_id or PROVISIONAL)
            if item.planned_date:
                self.date_edit.setDate(to_qdate(item.planned_date))
            self.title_edit.setText(item.title)
            self.officer_edit.setText(item.lead_officer)
            self.key_check.setChecked(item.key_decision)
            self.reference_edit.setText(item.reference)
            self.council_check.setChecked(item.full_council)
            self.confidential_check.setChecked(item.confidential)
            self.notes_edit.setPlainText(item.notes)
        elif meeting_id is not None:
            select_value(self.when_combo, meeting_id)
        self._on_when_changed()
        self._on_key_toggled(self.key_check.isChecked())

    def _on_when_changed(self, *_args) -> None:
        self.date_edit.setEnabled(self.when_combo.currentData() == PROVISIONAL)

    def _on_key_toggled(self, checked: bool) -> None:
        self.reference_edit.setEnabled(checked)

    def value(self) -> PlanItem:
        meeting_id = self.when_combo.currentData() or None
        base = self.original or PlanItem(None, self.committee_id, "")
        return replace(
            base,
            meeting_id=meeting_id,
            planned_date=None if meeting_id else from_qdate(self.date_edit.date()),
            title=self.title_edit.text().strip(),
            lead_officer=self.officer_edit.text().strip(),
            key_decision=self.key_check.isChecked(),
            reference=self.reference_edit.text().strip() if self.key_check.isChecked() else "",
            full_council=self.council_check.isChecked(),
            confidential=self.confidential_check.isChecked(),
            notes=self.notes_edit.toPlainText().strip(),
        )

    def _save(self, value: PlanItem) -> PlanItem:
        if value.id is None:
            return self.services.agenda_plan.add(value)
        return self.services.agenda_plan.update(value)


class ReserveDateDialog(RecordDialog):
    """A date held for a possible meeting, shown in brackets and italics in the plan."""

    @classmethod
    def ask(cls, parent: QWidget | None, services, committee_id: int, today: date):
        return cls(services, committee_id, today, parent).run()

    def __init__(self, services, committee_id: int, today: date, parent=None):
        super().__init__("Add a reserve date", parent)
        self.services = services
        self.committee_id = committee_id
        self.date_edit = date_edit(today)
        self.note_edit = QLineEdit("Provisional Meeting")
        self.form.addRow("&Date:", self.date_edit)
        self.form.addRow("&Shown as:", self.note_edit)
        self._finish_layout()

    def value(self) -> tuple[date, str]:
        return from_qdate(self.date_edit.date()), self.note_edit.text()

    def _save(self, value: tuple[date, str]):
        return self.services.agenda_plan.add_reserve_date(self.committee_id, *value)
