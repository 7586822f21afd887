"""Adding or editing a person, with a preview of how their name will be written."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from clerkdesk.domain.people import COMMON_TITLES, Person, PersonKind
from clerkdesk.ui.dialogs.record_dialog import RecordDialog
from clerkdesk.ui.models.people_model import KIND_LABELS
from clerkdesk.ui.widgets.combos import fill_combo, select_value

BLANK_PERSON = Person(None, PersonKind.COUNCILLOR, "", "", title="Councillor")


class PersonDialog(RecordDialog):
    @classmethod
    def ask(cls, parent: QWidget | None, services, person: Person | None = None):
        """The saved Person, or None if the clerk cancelled."""
        return cls(services, person, parent).run()

    def __init__(self, services, person: Person | None = None, parent=None):
        super().__init__("Edit person" if person else "New person", parent)
        self.services = services
        self.original = person or BLANK_PERSON
        self._build_ui()
        self._connect()
        self._load(self.original)
        self._on_name_changed()

    def _build_ui(self) -> None:
        self.kind_combo = QComboBox()
        fill_combo(self.kind_combo, [(label, kind.value) for kind, label in KIND_LABELS.items()])
        self.title_combo = QComboBox()
        self.title_combo.setEditable(True)  # any title the council uses, not only ours
        self.title_combo.addItems(COMMON_TITLES)
        self.forenames_edit = QLineEdit()
        self.surname_edit = QLineEdit()
        self.minutes_name_edit = QLineEdit()
        self.front_sheet_name_edit = QLineEdit()
        self.group_edit = QLineEdit()
        self.ward_edit = QLineEdit()
        self.post_edit = QLineEdit()
        self.post_edit.setPlaceholderText("Officers: for example Democratic Services Officer")
        self.email_edit = QLineEdit()
        self.telephone_edit = QLineEdit()
        self.preview_label = QLabel()
        self.preview_label.setWordWrap(True)
        for label, widget in (
            ("&Kind", self.kind_combo),
            ("&Title", self.title_combo),
            ("&Forenames", self.forenames_edit),
            ("&Surname", self.surname_edit),
            ("Name in &minutes", self.minutes_name_edit),
            ("Name on front s&heets", self.front_sheet_name_edit),
            ("Political &group", self.group_edit),
            ("&Ward or division", self.ward_edit),
            ("&Post", self.post_edit),
            ("&Email", self.email_edit),
            ("Tele&phone", self.telephone_edit),
            ("Written as", self.preview_label),
        ):
            self.form.addRow(label, widget)
        self.setMinimumWidth(480)
        self._finish_layout()

    def _connect(self) -> None:
        for edit in (self.forenames_edit, self.surname_edit, self.minutes_name_edit,
                     self.front_sheet_name_edit):
            edit.textChanged.connect(self._on_name_changed)
        self.title_combo.currentTextChanged.connect(self._on_name_changed)

    def _load(self, person: Person) -> None:
        select_value(self.kind_combo, person.kind.value)
        self.title_combo.setCurrentText(person.title)
        self.forenames_edit.setText(person.forenames)
        self.surname_edit.setText(person.surname)
        self.minutes_name_edit.setText(person.minutes_name_override)
        self.front_sheet_name_edit.setText(person.front_sheet_name_override)
        self.group_edit.setText(person.political_group)
        self.ward_edit.setText(person.ward)
        self.post_edit.setText(person.post)
        self.email_edit.setText(person.email)
        self.telephone_edit.setText(person.telephone)

    def _on_name_changed(self) -> None:
        person = self.value()
        # Left empty, the overrides show what will be derived from the name.
        derived = Person(None, person.kind, person.forenames, person.surname, person.title)
        self.minutes_name_edit.setPlaceholderText(derived.minutes_name or "from the name")
        self.front_sheet_name_edit.setPlaceholderText(derived.front_sheet_name or "from the name")
        self.preview_label.setText(
            f"In minutes: {person.minutes_name or '-'}\n"
            f"On front sheets: {person.front_sheet_name or '-'}"
        )

    def value(self) -> Person:
        return Person(
            id=self.original.id,
            kind=PersonKind(self.kind_combo.currentData()),
            forenames=self.forenames_edit.text().strip(),
            surname=self.surname_edit.text().strip(),
            title=self.title_combo.currentText().strip(),
            minutes_name_override=self.minutes_name_edit.text().strip(),
            front_sheet_name_override=self.front_sheet_name_edit.text().strip(),
            political_group=self.group_edit.text().strip(),
            ward=self.ward_edit.text().strip(),
            post=self.post_edit.text().strip(),
            email=self.email_edit.text().strip(),
            telephone=self.telephone_edit.text().strip(),
        )

    def _save(self, person: Person) -> Person:
        if person.id is None:
            return self.services.people.add(person)
        return self.services.people.update(person)
