"""Committees: the list, and under it the chosen committee's membership."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QSplitter, QWidget

from clerkdesk.domain.committees import Committee
from clerkdesk.ui.dialogs.committee_dialog import CommitteeDialog
from clerkdesk.ui.models.committee_model import CommitteeTableModel
from clerkdesk.ui.pages.committee_members_panel import ADD_MEMBER_SHORTCUT, CommitteeMembersPanel
from clerkdesk.ui.pages.record_list_page import RecordListPage


class CommitteesPage(RecordListPage):
    title = "Committees"
    record_noun = "committee"
    search_placeholder = "Search committees"

    def _create_model(self) -> CommitteeTableModel:
        return CommitteeTableModel(self)

    def _build_body(self, table) -> QWidget:
        self.members_panel = CommitteeMembersPanel(self.context)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(table)
        splitter.addWidget(self.members_panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        return splitter

    def _connect(self) -> None:
        super()._connect()
        add_member = QShortcut(QKeySequence(ADD_MEMBER_SHORTCUT), self)
        add_member.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_member.activated.connect(self.members_panel.add_membership)

    def _load(self) -> None:
        self.model.set_committees(self.services.committees.list(), self.services.people.list())

    def _show_details(self, committee: Committee | None) -> None:
        self.members_panel.set_committee(committee)

    # Enter, F2 and Delete act on whichever table the clerk is in (or was in, when a menu
    # or another window has the focus for the moment).
    def _in_members_table(self) -> bool:
        return self.focusWidget() is self.members_panel.table

    def edit_record(self) -> None:
        if self._in_members_table():
            self.members_panel.edit_membership()
        else:
            super().edit_record()

    def delete_record(self) -> None:
        if self._in_members_table():
            self.members_panel.delete_membership()
        else:
            super().delete_record()

    def _ask_new(self):
        return CommitteeDialog.ask(self, self.services)

    def _ask_edit(self, committee: Committee):
        return CommitteeDialog.ask(self, self.services, committee)

    def _describe(self, committee: Committee) -> str:
        return f"the {committee.name} ({committee.code})"

    def _delete_consequences(self, committee: Committee) -> list[str]:
        return self.services.committees.delete_consequences(committee.id)

    def _delete(self, committee: Committee) -> None:
        self.services.committees.delete(committee.id)
