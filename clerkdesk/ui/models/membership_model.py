"""Memberships, two ways: a committee's members grouped by role, and a person's seats.

The committee view puts a heading row before each role group ("Members (8)"), because a
clerk reads a membership list the way a front sheet prints it: chair, vice-chair, members,
substitutes, then co-optees. Heading rows carry no record (OBJECT_ROLE is None) and cannot
be selected, so edit and delete never see them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from clerkdesk.domain.committees import Committee
from clerkdesk.domain.membership import Membership, Role, VotingScope
from clerkdesk.domain.people import Person
from clerkdesk.ui.formatting import term_text
from clerkdesk.ui.models.table_model import OBJECT_ROLE, Column, RecordTableModel

ROLE_GROUP_TITLES = {
    Role.CHAIR: "Chair",
    Role.VICE_CHAIR: "Vice-chair",
    Role.MEMBER: "Members",
    Role.SUBSTITUTE: "Substitutes",
    Role.CO_OPTED_VOTING: "Co-opted members with a vote",
    Role.CO_OPTED_NON_VOTING: "Co-opted members without a vote",
    Role.APPOINTEE: "Appointees",
}

VOTING_LABELS = {
    VotingScope.ALL: "All matters",
    VotingScope.EDUCATION_ONLY: "Education matters only",
    VotingScope.NONE: "No vote",
}


def membership_details(membership: Membership, names: dict[int, str]) -> str:
    """Whom a substitute stands in for, and a co-optee's seat or whom they represent."""
    parts = []
    if membership.substitute_for_id is not None:
        parts.append(f"Stands in for {names.get(membership.substitute_for_id, '(unknown)')}")
    if membership.represents:
        parts.append(membership.represents)
    elif membership.statutory_seat.value:
        parts.append(f"{membership.statutory_seat.value} seat")
    return "; ".join(parts)


def membership_status(membership: Membership, today: date) -> str:
    if membership.is_current(today):
        return "Current"
    return "Starts later" if membership.start > today else "Ended"


@dataclass(frozen=True)
class RoleHeading:
    role: Role
    count: int

    @property
    def text(self) -> str:
        return f"{ROLE_GROUP_TITLES[self.role]} ({self.count})"


NAME, ROLE, DETAILS, VOTING, TERM, YEAR = range(6)


class CommitteeMembershipModel(RecordTableModel):
    """One committee's memberships, grouped under a heading row per role."""

    def __init__(self, parent=None):
        self._names: dict[int, str] = {}
        super().__init__(
            [
                Column("Name", lambda m: self._names.get(m.person_id, "(unknown)")),
                Column("Role", lambda m: m.role_title),
                Column("Stands in for or represents",
                       lambda m: membership_details(m, self._names)),
                Column("Votes on", lambda m: VOTING_LABELS[m.effective_voting_scope]),
                Column("Term", lambda m: term_text(m.start, m.end)),
                Column("Municipal year", lambda m: m.municipal_year),
            ],
            parent,
        )

    def set_memberships(self, memberships: list[Membership], people: list[Person]) -> None:
        """``memberships`` in front-sheet order; their order within each role is kept."""
        self._names = {person.id: person.front_sheet_name for person in people}
        rows: list[RoleHeading | Membership] = []
        for role in Role:
            group = [m for m in memberships if m.role is role]
            if group:
                rows.append(RoleHeading(role, len(group)))
                rows.extend(group)
        self.set_records(rows)

    def heading_rows(self) -> list[int]:
        return [row for row, item in enumerate(self._records) if isinstance(item, RoleHeading)]

    def memberships(self) -> list[Membership]:
        return [item for item in self._records if isinstance(item, Membership)]

    def flags(self, index):
        if index.isValid() and isinstance(self._records[index.row()], RoleHeading):
            return Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)

    def search_text(self, record) -> str:
        return "" if isinstance(record, RoleHeading) else super().search_text(record)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self._records[index.row()]
        if not isinstance(item, RoleHeading):
            return super().data(index, role)
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return item.text
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QApplication.palette().brush(QPalette.ColorRole.AlternateBase)
        if role == OBJECT_ROLE:
            return None
        return None


COMMITTEE, P_ROLE, P_TERM, P_YEAR, STATUS, P_DETAILS = range(6)


class PersonMembershipModel(RecordTableModel):
    """Every membership one person holds or has held, on any committee."""

    def __init__(self, parent=None):
        self._names: dict[int, str] = {}
        self._committees: dict[int, str] = {}
        self.today = date.today()
        super().__init__(
            [
                Column("Committee", lambda m: self._committees.get(m.committee_id, "")),
                Column("Role", lambda m: m.role_title),
                Column("Term", lambda m: term_text(m.start, m.end),
                       sort_key=lambda m: m.start.toordinal()),
                Column("Year", lambda m: m.municipal_year),
                Column("Status", lambda m: membership_status(m, self.today)),
                # Short header: this is the narrow stretch column of a narrow panel.
                Column("Details", lambda m: membership_details(m, self._names)),
            ],
            parent,
        )

    def set_memberships(
        self,
        memberships: list[Membership],
        people: list[Person],
        committees: list[Committee],
        today: date,
    ) -> None:
        self._names = {person.id: person.front_sheet_name for person in people}
        self._committees = {committee.id: committee.name for committee in committees}
        self.today = today
        # Current seats first, then the most recent.
        ordered = sorted(memberships, key=lambda m: (not m.is_current(today), -m.start.toordinal()))
        self.set_records(ordered)
