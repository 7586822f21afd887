"""People: councillors, co-optees and officers, with a search box and a kind filter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSplitter, QWidget

from clerkdesk.domain.people import Person, PersonKind
from clerkdesk.ui.dialogs.person_dialog import PersonDialog
from clerkdesk.ui.models.people_model import PeopleTableModel
from clerkdesk.ui.pages.person_details_panel import PersonDetailsPanel
from clerkdesk.ui.pages.record_list_page import RecordListPage
from clerkdesk.ui.widgets.combos import fill_combo

ALL_KINDS = ""
KIND_FILTERS = (
    ("All people", ALL_KINDS),
    ("Councillors", PersonKind.COUNCILLOR.value),
    ("Co-optees", PersonKind.CO_OPTEE.value),
    ("Officers", PersonKind.OFFICER.value),
)


class PeoplePage(RecordListPage):
    title = "People"
    record_noun = "person"
    search_placeholder = "Search name, group, ward or post"

    def _create_model(self) -> PeopleTableModel:
        return PeopleTableModel(self)

    def _filter_widgets(self) -> list[QWidget]:
        self.kind_combo = QComboBox()
        fill_combo(self.kind_combo, KIND_FILTERS)
        return [self.kind_combo]

    def _build_body(self, table) -> QWidget:
        self.details_panel = PersonDetailsPanel(self.services)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(table)
        splitter.addWidget(self.details_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        return splitter

    def _connect(self) -> None:
        super()._connect()
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)

    def _on_kind_combo_changed(self) -> None:
        kind = self.kind_combo.currentData()
        self.proxy.set_predicate(
            "kind", (lambda person: person.kind.value == kind) if kind else None
        )

    def _load(self) -> None:
        self.model.set_records(self.services.people.list())

    def _show_details(self, person: Person | None) -> None:
        self.details_panel.show_person(person, self.context.today())

    def _ask_new(self):
        return PersonDialog.ask(self, self.services)

    def _ask_edit(self, person: Person):
        return PersonDialog.ask(self, self.services, person)

    def _describe(self, person: Person) -> str:
        return person.front_sheet_name

    def _delete_consequences(self, person: Person) -> list[str]:
        return self.services.people.delete_consequences(person.id)

    def _delete(self, person: Person) -> None:
        self.services.people.delete(person.id)
