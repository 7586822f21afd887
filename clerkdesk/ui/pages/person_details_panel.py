"""Under the people table: how the chosen person's name is written, and their seats."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from clerkdesk.domain.people import Person
from clerkdesk.ui.models.membership_model import PersonMembershipModel
from clerkdesk.ui.models.people_model import KIND_LABELS
from clerkdesk.ui.widgets.record_table_view import RecordTableView

# (label, how to read it from a Person); empty values are shown as a dash.
DETAIL_FIELDS = (
    ("In minutes", lambda p: p.minutes_name),
    ("On front sheets", lambda p: p.front_sheet_name),
    ("Kind", lambda p: KIND_LABELS[p.kind]),
    ("Political group", lambda p: p.political_group),
    ("Ward or division", lambda p: p.ward),
    ("Post", lambda p: p.post),
    ("Email", lambda p: p.email),
    ("Telephone", lambda p: p.telephone),
)


class PersonDetailsPanel(QWidget):
    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.model = PersonMembershipModel(self)
        self._build_ui()
        self.show_person(None, date.today())

    def _build_ui(self) -> None:
        self.name_label = QLabel()
        font = QFont(self.name_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.name_label.setFont(font)
        self.value_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for label, _read in DETAIL_FIELDS:
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.value_labels[label] = value
            form.addRow(f"{label}:", value)
        self.memberships_label = QLabel()
        # The model's order (current seats first, newest first) says more than any sort.
        self.memberships_table = RecordTableView(sortable=False)
        self.memberships_table.setModel(self.model)
        # Who they are on the left, where they sit on the right.
        about = QVBoxLayout()
        about.addWidget(self.name_label)
        about.addLayout(form)
        about.addStretch()
        seats = QVBoxLayout()
        seats.addWidget(self.memberships_label)
        seats.addWidget(self.memberships_table, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(about, 2)
        layout.addSpacing(12)
        layout.addLayout(seats, 5)

    def show_person(self, person: Person | None, today: date) -> None:
        if person is None:
            self.name_label.setText("Choose a person to see their details")
            for value in self.value_labels.values():
                value.setText("")
            self.memberships_label.setText("")
            self.model.set_memberships([], [], [], today)
            return
        self.name_label.setText(person.full_name)
        for label, read in DETAIL_FIELDS:
            self.value_labels[label].setText(read(person) or "–")
        memberships = self.services.memberships.for_person(person.id)
        self.model.set_memberships(
            memberships, self.services.people.list(), self.services.committees.list(), today
        )
        current = sum(1 for m in memberships if m.is_current(today))
        self.memberships_label.setText(
            f"Committee memberships: {current} current, {len(memberships)} in all"
            if memberships else "No committee memberships."
        )
        self.memberships_table.fit_columns(maximum=320)
