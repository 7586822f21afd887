"""Adding a report item to an agenda, or changing any item (standing items included).

The agenda title and the report's own heading are separate fields because the seeds show
they differ (domain.md §1.3). A late item must give its reason for urgency (s.100B(4)(b)),
a key decision its forward plan reference; the item's ``validate()`` says so on save and
the dialog stays open with everything typed.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from clerkdesk.domain.agenda import AgendaItem
from clerkdesk.ui.dialogs.record_dialog import RecordDialog
from clerkdesk.ui.widgets.access_editor import AccessEditor


def _text_box(height: int, placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    box.setPlaceholderText(placeholder)
    return box


def section_choices(services, meeting_id: int) -> list[str]:
    """The committee's headings (from its standing agenda), then any others this agenda
    already uses, each once, in the order they first appear."""
    meeting = services.meetings.get(meeting_id)
    committee = services.committees.get(meeting.committee_id)
    headings = [section for section, _items in committee.sections()]
    headings += [item.section for item in services.agenda.items(meeting_id)]
    return list(dict.fromkeys(heading for heading in headings if heading))


class AgendaItemDialog(RecordDialog):
    @classmethod
    def ask(cls, parent: QWidget | None, services, meeting_id: int,
            item: AgendaItem | None = None, section: str = ""):
        """The saved AgendaItem, or None if the clerk cancelled. ``section`` is the
        heading a new item starts under."""
        return cls(services, meeting_id, item, section, parent).run()

    def __init__(self, services, meeting_id: int, item: AgendaItem | None, section: str = "",
                 parent=None):
        super().__init__("Edit agenda item" if item else "Add a report item", parent)
        self.services = services
        self.meeting_id = meeting_id
        self.original = item
        self._build_ui(section_choices(services, meeting_id))
        self._connect()
        self._load(item, section)

    def _build_ui(self, sections: list[str]) -> None:
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("As the agenda prints it")
        self.title_edit.setMinimumWidth(420)
        self.heading_edit = QLineEdit()
        self.heading_edit.setPlaceholderText("The report's own heading, if it differs")
        self.section_combo = QComboBox()
        self.section_combo.setEditable(True)  # a heading the committee has not used yet
        self.section_combo.addItems(sections)
        self.officer_edit = QLineEdit()
        self.key_check = QCheckBox("&Key decision")
        self.reference_edit = QLineEdit()
        self.reference_edit.setPlaceholderText("Forward plan reference, e.g. KD2026/031")
        self.education_check = QCheckBox("&Education matter (co-opted education members vote)")
        self.access_editor = AccessEditor("Public access to the item")
        self.late_check = QCheckBox("&Late item (added after the agenda went out)")
        self.urgency_edit = _text_box(
            50, "Why it cannot wait until the next meeting (s.100B(4)(b))")
        self.notes_edit = _text_box(50, "Printed under the item, e.g. declarations guidance")
        self.form.addRow("&Title:", self.title_edit)
        self.form.addRow("&Report heading:", self.heading_edit)
        self.form.addRow("&Section:", self.section_combo)
        self.form.addRow("Lead &officer:", self.officer_edit)
        self.form.addRow("", self.key_check)
        self.form.addRow("Forward plan re&f:", self.reference_edit)
        self.form.addRow("", self.education_check)
        self.form.addRow(self.access_editor)
        self.form.addRow("", self.late_check)
        self.form.addRow("Reason for &urgency:", self.urgency_edit)
        self.form.addRow("&Notes:", self.notes_edit)
        self._finish_layout()

    def _connect(self) -> None:
        self.key_check.toggled.connect(self.reference_edit.setEnabled)
        self.late_check.toggled.connect(self.urgency_edit.setEnabled)

    def _load(self, item: AgendaItem | None, section: str) -> None:
        if item is not None:
            self.title_edit.setText(item.title)
            self.heading_edit.setText(item.report_heading)
            section = item.section
            self.officer_edit.setText(item.lead_officer)
            self.key_check.setChecked(item.key_decision)
            self.reference_edit.setText(item.forward_plan_ref)
            self.education_check.setChecked(item.education_matter)
            self.access_editor.set_value(item.access)
            self.late_check.setChecked(item.late)
            self.urgency_edit.setPlainText(item.urgency_reason)
            self.notes_edit.setPlainText(item.notes)
        self.section_combo.setCurrentText(section)
        self.reference_edit.setEnabled(self.key_check.isChecked())
        self.urgency_edit.setEnabled(self.late_check.isChecked())

    def value(self) -> AgendaItem:
        base = self.original or AgendaItem(None, self.meeting_id, "")
        key, late = self.key_check.isChecked(), self.late_check.isChecked()
        return replace(
            base,
            title=self.title_edit.text().strip(),
            report_heading=self.heading_edit.text().strip(),
            section=self.section_combo.currentText().strip(),
            lead_officer=self.officer_edit.text().strip(),
            key_decision=key,
            forward_plan_ref=self.reference_edit.text().strip() if key else "",
            education_matter=self.education_check.isChecked(),
            access=self.access_editor.value(),
            late=late,
            urgency_reason=self.urgency_edit.toPlainText().strip() if late else "",
            notes=self.notes_edit.toPlainText().strip(),
        )

    def _save(self, value: AgendaItem) -> AgendaItem:
        if value.id is None:
            return self.services.agenda.add_item(value)
        return self.services.agenda.update_item(value)
