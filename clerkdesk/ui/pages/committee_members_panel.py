"""Under the committees table: the chosen committee's membership, grouped by role.

Shows who sits on the committee today (or, on request, every membership past and future),
with buttons to add a member, edit a membership, end it (it stays as history) or delete
it outright (a mistake). Ctrl+M adds a member from anywhere on the committees page.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clerkdesk.domain.committees import Committee
from clerkdesk.domain.membership import Membership
from clerkdesk.ui.dialogs import confirm
from clerkdesk.ui.dialogs.membership_dialog import EndMembershipDialog, MembershipDialog
from clerkdesk.ui.formatting import short_date
from clerkdesk.ui.models.membership_model import DETAILS, CommitteeMembershipModel
from clerkdesk.ui.pages.base_page import PageContext
from clerkdesk.ui.widgets.record_table_view import RecordTableView

ADD_MEMBER_SHORTCUT = "Ctrl+M"


class CommitteeMembersPanel(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.services = context.services
        self.committee: Committee | None = None
        self.model = CommitteeMembershipModel(self)
        self._build_ui()
        self._connect()
        self.set_committee(None)

    def _build_ui(self) -> None:
        self.heading_label = QLabel()
        heading_font = QFont(self.heading_label.font())
        heading_font.setBold(True)
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.15)
        self.heading_label.setFont(heading_font)
        self.show_all_check = QCheckBox("Show past and future")
        self.add_button = QPushButton("Add member…")
        self.add_button.setToolTip(ADD_MEMBER_SHORTCUT)
        self.edit_button = QPushButton("Edit…")
        self.end_button = QPushButton("End…")
        self.end_button.setToolTip("Record the last day of this membership; it stays as history")
        self.delete_button = QPushButton("Delete…")
        self.delete_button.setToolTip("Remove a membership entered by mistake")
        bar = QHBoxLayout()
        bar.addWidget(self.show_all_check)
        bar.addStretch()
        for button in (self.add_button, self.edit_button, self.end_button, self.delete_button):
            bar.addWidget(button)
        # Keeps front-sheet order, so no sorting; heading rows are shaded instead of stripes.
        self.table = RecordTableView(sortable=False)
        self.table.setAlternatingRowColors(False)
        self.table.setModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.heading_label)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def _connect(self) -> None:
        self.show_all_check.toggled.connect(self.reload)
        self.table.activated.connect(self.edit_membership)
        self.table.delete_requested.connect(self.delete_membership)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.add_button.clicked.connect(self.add_membership)
        self.edit_button.clicked.connect(self.edit_membership)
        self.end_button.clicked.connect(self.end_membership)
        self.delete_button.clicked.connect(self.delete_membership)

    # -- showing ---------------------------------------------------------------------------
    def set_committee(self, committee: Committee | None) -> None:
        self.committee = committee
        self.reload()

    def reload(self) -> None:
        selected_id = getattr(self.selected_membership(), "id", None)
        if self.committee is None:
            self.heading_label.setText("Choose a committee above to see its members")
            self.model.set_memberships([], [])
        else:
            on = None if self.show_all_check.isChecked() else self.context.today()
            memberships = self.services.memberships.for_committee(self.committee.id, on=on)
            self.model.set_memberships(memberships, self.services.people.list())
            when = "all memberships" if on is None else f"members on {short_date(on)}"
            self.heading_label.setText(f"{self.committee.name}: {when}")
        self._apply_heading_spans()
        self.table.fit_columns(maximum=420, stretch=DETAILS)
        self._select_id(selected_id)
        self._on_selection_changed()

    def _apply_heading_spans(self) -> None:
        self.table.clearSpans()
        for row in self.model.heading_rows():
            self.table.setSpan(row, 0, 1, self.model.columnCount())

    def selected_membership(self) -> Membership | None:
        return self.table.selected_record()

    def _select_id(self, membership_id: int | None) -> None:
        row = self.model.row_of_id(membership_id) if membership_id is not None else None
        if row is not None:
            self.table.select_row(row)

    def _person_name(self, membership: Membership) -> str:
        return self.services.people.get(membership.person_id).front_sheet_name

    # -- actions ---------------------------------------------------------------------------
    def add_membership(self) -> None:
        if self.committee is None:
            return
        saved = MembershipDialog.ask(self, self.services, self.committee,
                                     today=self.context.today())
        self._after_save(saved)

    def edit_membership(self, *_args) -> None:
        membership = self.selected_membership()
        if membership is None or self.committee is None:
            return
        saved = MembershipDialog.ask(self, self.services, self.committee, membership,
                                     today=self.context.today())
        self._after_save(saved)

    def end_membership(self) -> None:
        membership = self.selected_membership()
        if membership is None:
            return
        saved = EndMembershipDialog.ask(self, self.services, membership,
                                        self._person_name(membership), self.context.today())
        self._after_save(saved)

    def delete_membership(self) -> None:
        membership = self.selected_membership()
        if membership is None or self.committee is None:
            return
        label = (f"{self._person_name(membership)}'s membership ({membership.role_title}) "
                 f"of the {self.committee.name}")
        if confirm.delete_with_confirmation(
            self, label, [], lambda: self.services.memberships.delete(membership.id)
        ):
            self.reload()

    def _after_save(self, saved: Membership | None) -> None:
        if saved is None:
            return
        self.reload()
        self._select_id(saved.id)

    def _on_selection_changed(self, *_args) -> None:
        membership = self.selected_membership()
        self.add_button.setEnabled(self.committee is not None)
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(membership is not None)
        self.end_button.setEnabled(membership is not None and membership.end is None)


