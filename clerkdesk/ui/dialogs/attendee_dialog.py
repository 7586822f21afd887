"""Adding someone to a meeting's attendance who is not listed from the membership: an
officer and their post, someone also present and why ("Cabinet Member for Children's
Services"), or a substitute who is not one of the committee's standing substitutes.

The person may be new to ClerkDesk: choose "New person…" and type the name.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from clerkdesk.domain.attendance import Attendee, Capacity, Presence
from clerkdesk.domain.people import Person, PersonKind
from clerkdesk.errors import ValidationError
from clerkdesk.ui.dialogs.record_dialog import RecordDialog
from clerkdesk.ui.models.people_model import KIND_LABELS, listed_name
from clerkdesk.ui.widgets.combos import fill_combo, select_value

NOBODY = 0
NEW_PERSON = -1

_TITLES = {
    Capacity.OFFICER: "Add an officer present",
    Capacity.ALSO_PRESENT: "Add someone also present",
    Capacity.SUBSTITUTE: "Add a substitute",
}
_NEW_KIND = {Capacity.OFFICER: PersonKind.OFFICER}  # otherwise a councillor
_DETAIL_LABELS = {Capacity.OFFICER: "&Post:", Capacity.ALSO_PRESENT: "&Attending as:"}
_DETAIL_HINTS = {
    Capacity.OFFICER: "e.g. Democratic Services Officer",
    Capacity.ALSO_PRESENT: "e.g. Cabinet Member for Children's Services",
}


class AttendeeDialog(RecordDialog):
    @classmethod
    def ask(cls, parent: QWidget | None, services, meeting_id: int, capacity: Capacity):
        """The saved Attendee, or None if the clerk cancelled."""
        return cls(services, meeting_id, Capacity(capacity), parent).run()

    def __init__(self, services, meeting_id: int, capacity: Capacity, parent=None):
        super().__init__(_TITLES[capacity], parent)
        self.services = services
        self.meeting_id = meeting_id
        self.capacity = capacity
        self.attendees = services.minutes.attendance.list(meeting_id)
        self._build_ui()
        self._connect()
        self._on_person_changed()

    def _people_to_offer(self) -> list[Person]:
        listed = {a.person_id for a in self.attendees}
        people = [p for p in self.services.people.list() if p.id not in listed]
        if self.capacity is Capacity.SUBSTITUTE:
            people = [p for p in people if p.kind is PersonKind.COUNCILLOR]
        # Officers first when adding an officer; councillors first otherwise.
        first = PersonKind.OFFICER if self.capacity is Capacity.OFFICER else PersonKind.COUNCILLOR
        return sorted(people, key=lambda p: (p.kind is not first, p.sort_key))

    def _build_ui(self) -> None:
        self.person_combo = QComboBox()
        self.person_combo.setMinimumContentsLength(32)
        fill_combo(self.person_combo,
                   [("(choose a person)", NOBODY)]
                   + [(f"{listed_name(p)} ({p.post or KIND_LABELS[p.kind]})", p.id)
                      for p in self._people_to_offer()]
                   + [("New person…", NEW_PERSON)])
        self.title_edit = QLineEdit("" if self.capacity is Capacity.OFFICER else "Councillor")
        self.forenames_edit = QLineEdit()
        self.surname_edit = QLineEdit()
        self.form.addRow("&Person:", self.person_combo)
        self.form.addRow("&Title:", self.title_edit)
        self.form.addRow("&Forenames:", self.forenames_edit)
        self.form.addRow("&Surname:", self.surname_edit)
        self.detail_edit = QLineEdit()
        self.for_combo = QComboBox()
        if self.capacity is Capacity.SUBSTITUTE:
            names = {p.id: p.front_sheet_name for p in self.services.people.list()}
            # A substitute sits in an empty seat: a member who sent apologies and has
            # nobody in their place yet.
            taken = {a.substitute_for_id for a in self.attendees if a.substitute_for_id}
            fill_combo(self.for_combo, [("(choose a member who sent apologies)", NOBODY)] + [
                (names.get(a.person_id, "?"), a.person_id) for a in self.attendees
                if a.capacity is Capacity.MEMBER and a.presence is Presence.APOLOGIES
                and a.person_id not in taken])
            self.form.addRow("Substituting &for:", self.for_combo)
        else:
            self.detail_edit.setPlaceholderText(_DETAIL_HINTS[self.capacity])
            self.form.addRow(_DETAIL_LABELS[self.capacity], self.detail_edit)
        self._finish_layout()

    def _connect(self) -> None:
        self.person_combo.currentIndexChanged.connect(self._on_person_changed)

    def _on_person_changed(self, *_args) -> None:
        new = self.person_combo.currentData() == NEW_PERSON
        for edit in (self.title_edit, self.forenames_edit, self.surname_edit):
            edit.setEnabled(new)
        chosen = self.person_combo.currentData()
        if self.capacity is Capacity.OFFICER and chosen not in (NOBODY, NEW_PERSON):
            self.detail_edit.setText(self.services.people.get(chosen).post)

    def value(self) -> dict:
        return {
            "person_id": self.person_combo.currentData(),
            "title": self.title_edit.text().strip(),
            "forenames": self.forenames_edit.text().strip(),
            "surname": self.surname_edit.text().strip(),
            "detail": self.detail_edit.text().strip(),
            "for_id": self.for_combo.currentData() or NOBODY,
        }

    def _save(self, value: dict) -> Attendee:
        attendance = self.services.minutes.attendance
        if value["person_id"] == NOBODY:
            raise ValidationError("Choose a person, or choose 'New person…' and type the name.")
        if self.capacity is Capacity.SUBSTITUTE and value["for_id"] == NOBODY:
            raise ValidationError("Choose the member the substitute stands in for.")
        person_id = value["person_id"]
        if person_id == NEW_PERSON:
            person_id = self._add_person(value).id
        if self.capacity is Capacity.OFFICER:
            return attendance.add_officer(self.meeting_id, person_id, value["detail"])
        if self.capacity is Capacity.ALSO_PRESENT:
            return attendance.add_also_present(self.meeting_id, person_id, value["detail"])
        return attendance.record_substitute(self.meeting_id, person_id, value["for_id"])

    def _add_person(self, value: dict) -> Person:
        kind = _NEW_KIND.get(self.capacity, PersonKind.COUNCILLOR)
        person = self.services.people.add(Person(
            None, kind, value["forenames"], value["surname"], value["title"],
            post=value["detail"] if kind is PersonKind.OFFICER else ""))
        # Saved now, so a later refusal (and a second Save) never adds them twice.
        self.person_combo.insertItem(self.person_combo.count() - 1, listed_name(person),
                                     person.id)
        select_value(self.person_combo, person.id)
        return person
