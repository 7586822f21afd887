"""Registering a petition, or correcting its details, with its organiser's contact record.

The organiser's contact details are private (rules.md §10): the dialog says so beside
them, and only the name (with the locality, if the Petitions Scheme allows) ever reaches a
public document.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.petitions import Channel, Organiser, Petition
from clerkdesk.ui.dialogs.record_dialog import RecordDialog
from clerkdesk.ui.widgets.combos import enum_choices, fill_combo, select_value
from clerkdesk.ui.widgets.date_edits import FIXED
from clerkdesk.ui.widgets.optional_date_edit import OptionalDateEdit

NO_COMMITTEE = 0
NOT_CHECKED = -1  # the valid-signatures box's "Not checked" value
MAX_SIGNATURES = 10_000_000
PRIVATE_NOTE = ("Private: the address, postcode, email and telephone are never printed in "
                "agendas, minutes or any public document. Only the name (and the locality, "
                "if the Petitions Scheme allows) is published.")


def _text_box(height: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box


class PetitionDialog(RecordDialog):
    @classmethod
    def ask(cls, parent: QWidget | None, services, today: date, petition: Petition | None = None,
            committee_id: int | None = None):
        """The saved petition, or None if the clerk cancelled."""
        return cls(services, today, petition, committee_id, parent).run()

    def __init__(self, services, today: date, petition: Petition | None,
                 committee_id: int | None, parent=None):
        super().__init__("Edit petition" if petition else "Register a petition", parent)
        self.services = services
        self.original = petition
        self.today = today
        self._build_ui()
        if petition is not None:
            self._load(petition)
        else:
            select_value(self.committee_combo, committee_id or NO_COMMITTEE)

    def _build_ui(self) -> None:
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("e.g. Whitworth House – petition")
        self.committee_combo = QComboBox()
        committees = sorted(self.services.committees.list(), key=lambda c: c.name.casefold())
        fill_combo(self.committee_combo, [("Not yet decided", NO_COMMITTEE)] + [
            (c.name, c.id) for c in committees])
        self.received_edit = OptionalDateEdit("Not known", self.today, self.today)
        self.channel_combo = QComboBox()
        fill_combo(self.channel_combo, enum_choices(Channel))
        self.signatures_spin = QSpinBox()
        self.signatures_spin.setRange(0, MAX_SIGNATURES)
        self.valid_spin = QSpinBox()
        self.valid_spin.setRange(NOT_CHECKED, MAX_SIGNATURES)
        self.valid_spin.setSpecialValueText("Not checked")
        self.valid_spin.setValue(NOT_CHECKED)
        for spin in (self.signatures_spin, self.valid_spin):
            spin.setSizePolicy(*FIXED)  # numbers keep their natural width, as dates do
            spin.setMinimumWidth(140)
        self.text_edit = _text_box(90)
        for label, widget in (
            ("&Title", self.title_edit), ("&Committee", self.committee_combo),
            ("&Received", self.received_edit), ("C&hannel", self.channel_combo),
            ("&Signatures", self.signatures_spin), ("&Valid signatures", self.valid_spin),
            ("Petition te&xt", self.text_edit),
        ):
            self.form.addRow(label, widget)
        self.body.addWidget(self._organiser_box())
        self.setMinimumWidth(620)
        self._finish_layout()

    def _organiser_box(self) -> QGroupBox:
        box = QGroupBox("Organiser (contact details are private)")
        layout = QVBoxLayout(box)
        note = QLabel(PRIVATE_NOTE)
        note.setWordWrap(True)  # above the form, not in it: a form row clips wrapped text
        layout.addWidget(note)
        form = QFormLayout()
        layout.addLayout(form)
        self.organiser_name_edit = QLineEdit()
        self.locality_edit = QLineEdit()
        self.locality_edit.setPlaceholderText("e.g. Cambridge: printed with the name")
        self.address_edit = _text_box(72)
        self.postcode_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.telephone_edit = QLineEdit()
        for label, widget in (
            ("&Name", self.organiser_name_edit), ("&Locality", self.locality_edit),
            ("&Address (private)", self.address_edit), ("&Postcode (private)", self.postcode_edit),
            ("&Email (private)", self.email_edit), ("Tele&phone (private)", self.telephone_edit),
        ):
            form.addRow(label, widget)
        return box

    def _load(self, petition: Petition) -> None:
        self.title_edit.setText(petition.title)
        select_value(self.committee_combo, petition.committee_id or NO_COMMITTEE)
        self.received_edit.set_value(petition.received_on, self.today)
        select_value(self.channel_combo, petition.channel.value)
        self.signatures_spin.setValue(petition.signatures)
        valid = petition.valid_signatures
        self.valid_spin.setValue(NOT_CHECKED if valid is None else valid)
        self.text_edit.setPlainText(petition.text)
        organiser = petition.organiser
        if organiser is not None:
            for edit, text in ((self.organiser_name_edit, organiser.name),
                               (self.locality_edit, organiser.locality),
                               (self.postcode_edit, organiser.postcode),
                               (self.email_edit, organiser.email),
                               (self.telephone_edit, organiser.telephone)):
                edit.setText(text)
            self.address_edit.setPlainText(organiser.address)

    def _organiser(self) -> Organiser | None:
        fields = dict(
            name=self.organiser_name_edit.text().strip(),
            locality=self.locality_edit.text().strip(),
            address=self.address_edit.toPlainText().strip(),
            postcode=self.postcode_edit.text().strip(),
            email=self.email_edit.text().strip(),
            telephone=self.telephone_edit.text().strip(),
        )
        if not any(fields.values()):
            return None
        known = self.original.organiser if self.original else None
        return Organiser(known.id if known else None, **fields)

    def value(self) -> Petition:
        valid = self.valid_spin.value()
        fields = dict(
            title=self.title_edit.text().strip(),
            text=self.text_edit.toPlainText().strip(),
            organiser=self._organiser(),
            received_on=self.received_edit.value(),
            channel=Channel(self.channel_combo.currentData()),
            signatures=self.signatures_spin.value(),
            valid_signatures=None if valid == NOT_CHECKED else valid,
            committee_id=self.committee_combo.currentData() or None,
        )
        if self.original is not None:
            return replace(self.original, **fields)
        return Petition(id=None, **fields)

    def _save(self, petition: Petition) -> Petition:
        petitions = self.services.petitions
        if petition.id is None:
            return petitions.register(petition)
        organiser = petition.organiser
        if organiser is not None and organiser.id is not None \
                and organiser != self.original.organiser:
            # Check the petition before touching the contact, so a refusal changes nothing.
            petition.validate()
            petitions.update_organiser(organiser)
        return petitions.update_details(petition)
