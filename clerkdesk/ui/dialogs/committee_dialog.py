"""Adding or editing a committee, its minute numbering and its standing agenda items."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from clerkdesk.domain.committees import (
    Committee,
    CommitteeKind,
    NumberingScheme,
    cambridgeshire_standing_items,
)
from clerkdesk.domain.people import PersonKind
from clerkdesk.ui.dialogs.record_dialog import RecordDialog
from clerkdesk.ui.models.committee_model import NUMBERING_LABELS
from clerkdesk.ui.widgets.combos import enum_choices, fill_combo, select_value
from clerkdesk.ui.widgets.standing_items_editor import StandingItemsEditor

NO_CLERK = 0  # combo data for "no clerk yet": Qt cannot hold None as item data reliably


class CommitteeDialog(RecordDialog):
    @classmethod
    def ask(cls, parent: QWidget | None, services, committee: Committee | None = None):
        """The saved Committee, or None if the clerk cancelled."""
        return cls(services, committee, parent).run()

    def __init__(self, services, committee: Committee | None = None, parent=None):
        super().__init__("Edit committee" if committee else "New committee", parent)
        self.services = services
        # A new committee starts with the usual opening items; the clerk edits from there.
        self.original = committee or Committee(
            None, "", "", standing_items=cambridgeshire_standing_items()
        )
        self._build_ui()
        self._load(self.original)

    def _build_ui(self) -> None:
        self.name_edit = QLineEdit()
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(16)
        self.code_edit.setPlaceholderText("Short code for file names, e.g. CYP")
        self.kind_combo = QComboBox()
        fill_combo(self.kind_combo, enum_choices(CommitteeKind))
        self.numbering_combo = QComboBox()
        fill_combo(self.numbering_combo,
                   [(label, scheme.value) for scheme, label in NUMBERING_LABELS.items()])
        self.next_number_spin = QSpinBox()
        self.next_number_spin.setRange(1, 999_999)
        self.venue_edit = QLineEdit()
        self.clerk_combo = QComboBox()
        officers = sorted(
            (p for p in self.services.people.list() if p.kind is PersonKind.OFFICER),
            key=lambda p: p.sort_key,
        )
        fill_combo(self.clerk_combo, [("(no clerk yet)", NO_CLERK)] + [
            (f"{p.full_name}, {p.post}" if p.post else p.full_name, p.id) for p in officers
        ])
        self.standing_items_editor = StandingItemsEditor(self.original.standing_items)
        for label, widget in (
            ("&Name", self.name_edit),
            ("&Code", self.code_edit),
            ("&Kind", self.kind_combo),
            ("Minute n&umbering", self.numbering_combo),
            ("Ne&xt minute number", self.next_number_spin),
            ("Default &venue", self.venue_edit),
            ("C&lerk", self.clerk_combo),
        ):
            self.form.addRow(label, widget)
        self.body.addWidget(QLabel("Standing agenda items, in the order they are printed:"))
        self.body.addWidget(self.standing_items_editor)
        self.resize(720, 620)
        self._finish_layout()

    def _load(self, committee: Committee) -> None:
        self.name_edit.setText(committee.name)
        self.code_edit.setText(committee.code)
        select_value(self.kind_combo, committee.kind.value)
        select_value(self.numbering_combo, committee.numbering.value)
        self.next_number_spin.setValue(committee.next_minute_number)
        self.venue_edit.setText(committee.default_venue)
        select_value(self.clerk_combo, committee.clerk_id or NO_CLERK)

    def value(self) -> Committee:
        return Committee(
            id=self.original.id,
            name=self.name_edit.text().strip(),
            code=self.code_edit.text().strip(),
            kind=CommitteeKind(self.kind_combo.currentData()),
            numbering=NumberingScheme(self.numbering_combo.currentData()),
            next_minute_number=self.next_number_spin.value(),
            default_venue=self.venue_edit.text().strip(),
            clerk_id=self.clerk_combo.currentData() or None,
            standing_items=self.standing_items_editor.items(),
        )

    def _save(self, committee: Committee) -> Committee:
        if committee.id is None:
            return self.services.committees.add(committee)
        return self.services.committees.update(committee)
