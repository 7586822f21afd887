"""Recording (or correcting) a declaration of interest made at a meeting.

The interest types offered are the committee's own vocabulary (Model Code 2020, personal
and prejudicial, or pecuniary and non-pecuniary), plus whipping declarations where the
committee takes them. The service checks the statutory rules (a disclosable pecuniary
interest without a dispensation means no part in the item) and says what to put right.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from clerkdesk.domain.attendance import Capacity
from clerkdesk.domain.declarations import (
    Declaration,
    DeclarationAction,
    InterestType,
    allowed_types,
    vocabulary,
)
from clerkdesk.errors import ValidationError
from clerkdesk.ui.dialogs.record_dialog import RecordDialog
from clerkdesk.ui.models.declaration_model import item_labels
from clerkdesk.ui.widgets.combos import fill_combo, select_value

NOBODY = 0
WHOLE_MEETING = 0  # item combo data for a declaration not tied to one item


class DeclarationDialog(RecordDialog):
    @classmethod
    def ask(cls, parent: QWidget | None, services, meeting_id: int,
            declaration: Declaration | None = None, agenda_item_id: int | None = None):
        """The saved Declaration, or None if the clerk cancelled."""
        return cls(services, meeting_id, declaration, agenda_item_id, parent).run()

    def __init__(self, services, meeting_id: int, declaration: Declaration | None,
                 agenda_item_id: int | None, parent=None):
        super().__init__("Edit declaration" if declaration else "Record a declaration of "
                         "interest", parent)
        self.services = services
        self.meeting_id = meeting_id
        self.original = declaration
        settings = services.minutes.settings_for_meeting(meeting_id)
        self.vocabulary = vocabulary(settings.interest_vocabulary)
        self.types = allowed_types(self.vocabulary, settings.whipping_declarations)
        self._build_ui()
        self._connect()
        self._load(declaration, agenda_item_id)

    def _build_ui(self) -> None:
        names = {p.id: p.front_sheet_name for p in self.services.people.list()}
        # Members, substitutes and co-optees all declare (domain.md §4); officers rarely.
        attendees = sorted(self.services.minutes.attendance.list(self.meeting_id),
                           key=lambda a: (not a.is_member, a.position))
        self.member_combo = QComboBox()
        self.member_combo.setMinimumContentsLength(30)
        fill_combo(self.member_combo, [("(choose who declared)", NOBODY)] + [
            (f"{names.get(a.person_id, '?')} ({a.capacity.value})"
             if a.capacity is not Capacity.MEMBER else names.get(a.person_id, "?"),
             a.person_id) for a in attendees])
        self.item_combo = QComboBox()
        items = item_labels(self.services.agenda.items(self.meeting_id))
        fill_combo(self.item_combo, [("(the meeting as a whole)", WHOLE_MEETING)]
                   + [(label, item_id) for item_id, label in items.items()])
        self.type_combo = QComboBox()
        fill_combo(self.type_combo, [(f"{t.value.capitalize()} interest", t.value)
                                     for t in self.types])
        self.nature_edit = QPlainTextEdit()
        self.nature_edit.setFixedHeight(64)
        self.nature_edit.setPlaceholderText(
            "e.g. as the Chair of Governors for a Cambridge Meridian Academies Trust school")
        self.sensitive_check = QCheckBox(
            "Sensitive interest: the nature is kept for the register, never printed "
            "(Localism Act 2011 s.32)")
        self.action_combo = QComboBox()
        fill_combo(self.action_combo, [(a.value.capitalize(), a.value)
                                       for a in DeclarationAction])
        self.dispensation_edit = QLineEdit()
        self.dispensation_edit.setPlaceholderText("Reference of the dispensation, if any")
        vocabulary_note = QLabel(f"Interest types: {self.vocabulary.name}.")
        vocabulary_note.setWordWrap(True)
        self.form.addRow("&Member:", self.member_combo)
        self.form.addRow("Agenda &item:", self.item_combo)
        self.form.addRow("&Interest:", self.type_combo)
        self.form.addRow("", vocabulary_note)
        self.form.addRow("&Nature:", self.nature_edit)
        self.form.addRow("", self.sensitive_check)
        self.form.addRow("&Action taken:", self.action_combo)
        self.form.addRow("&Dispensation:", self.dispensation_edit)
        self._finish_layout()
        self.resize(620, self.sizeHint().height())

    def _connect(self) -> None:
        self.action_combo.currentIndexChanged.connect(self._on_action_changed)

    def _load(self, declaration: Declaration | None, agenda_item_id: int | None) -> None:
        if declaration is None:
            select_value(self.item_combo, agenda_item_id or WHOLE_MEETING)
        else:
            select_value(self.member_combo, declaration.person_id)
            select_value(self.item_combo, declaration.agenda_item_id or WHOLE_MEETING)
            select_value(self.type_combo, declaration.interest_type.value)
            self.nature_edit.setPlainText(declaration.nature)
            self.sensitive_check.setChecked(declaration.sensitive)
            select_value(self.action_combo, declaration.action.value)
            self.dispensation_edit.setText(declaration.dispensation_ref)
        self._on_action_changed()

    def _on_action_changed(self, *_args) -> None:
        # The reference matters most when the member stayed under a dispensation.
        under_one = self.action_combo.currentData() == DeclarationAction.DISPENSATION.value
        self.dispensation_edit.setPlaceholderText(
            "Required: the dispensation's reference" if under_one
            else "Reference of the dispensation, if any")

    def value(self) -> Declaration:
        base = self.original or Declaration(None, self.meeting_id, NOBODY, None,
                                            InterestType.OTHER)
        return replace(
            base,
            person_id=self.member_combo.currentData() or NOBODY,
            agenda_item_id=self.item_combo.currentData() or None,
            interest_type=InterestType(self.type_combo.currentData()),
            nature=self.nature_edit.toPlainText().strip(),
            sensitive=self.sensitive_check.isChecked(),
            action=DeclarationAction(self.action_combo.currentData()),
            dispensation_ref=self.dispensation_edit.text().strip(),
        )

    def _save(self, value: Declaration) -> Declaration:
        declarations = self.services.minutes.declarations
        if value.person_id == NOBODY:
            raise ValidationError("Choose the member who made the declaration.")
        return declarations.add(value) if value.id is None else declarations.update(value)
