"""The attendance grid of one meeting: members, substitutes, officers and others present.

Besides the people in the attendance, the grid lists the committee's standing substitutes
who have not stood in for anyone, so the clerk records a substitution by picking, on the
substitute's row, the member they replace. The grid never changes a record itself: an edit
is handed to whoever listens to ``change_requested``, which saves it through the service
and reloads the grid from what was saved.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from clerkdesk.domain.attendance import Attendee, Capacity, Presence, QuorumReport
from clerkdesk.domain.membership import VotingScope
from clerkdesk.domain.people import Person
from clerkdesk.ui.models.table_model import AnyIndex, Column, RecordTableModel
from clerkdesk.ui.widgets.choice_delegate import CHOICES_ROLE

NAME, ROLE, PRESENCE, SUBSTITUTE_FOR, QUORUM, DETAILS = range(6)

PRESENCE_LABELS = {
    Presence.PRESENT: "Present",
    Presence.APOLOGIES: "Apologies",
    Presence.ABSENT: "Absent",
    Presence.REMOTE: "Watched remotely",
}
# Space moves a row on to the next mark. From absent (where attendance starts) the first
# press gives "present", the commonest mark.
PRESENCE_CYCLE = (Presence.PRESENT, Presence.APOLOGIES, Presence.REMOTE, Presence.ABSENT)
NOT_ATTENDING = "Not attending"
NOBODY = 0  # combo data for "stands in for nobody": Qt item data cannot be None reliably
_GROUP = {Capacity.MEMBER: 0, Capacity.CO_OPTEE: 0, Capacity.SUBSTITUTE: 1,
          Capacity.OFFICER: 2, Capacity.ALSO_PRESENT: 3}


@dataclass(frozen=True)
class AttendanceRow:
    person: Person
    attendee: Attendee | None  # None: a standing substitute not standing in today
    substitute_for: Person | None = None
    counted: bool = False  # towards the quorum
    quorum_note: str = ""  # why someone in the room does not count towards the quorum

    @property
    def id(self) -> int | None:
        return self.attendee.id if self.attendee else None

    @property
    def person_id(self) -> int:
        return self.person.id

    @property
    def capacity(self) -> Capacity:
        return self.attendee.capacity if self.attendee else Capacity.SUBSTITUTE

    @property
    def presence(self) -> Presence | None:
        return self.attendee.presence if self.attendee else None


def next_presence(current: Presence) -> Presence:
    return PRESENCE_CYCLE[(PRESENCE_CYCLE.index(current) + 1) % len(PRESENCE_CYCLE)]


def _role_text(row: AttendanceRow) -> str:
    attendee = row.attendee
    if attendee is None or attendee.capacity is Capacity.SUBSTITUTE:
        return "Substitute"
    if attendee.capacity is Capacity.OFFICER:
        return "Officer"
    if attendee.capacity is Capacity.ALSO_PRESENT:
        return "Also present"
    if attendee.role_title:
        return attendee.role_title
    return attendee.role.value.capitalize() if attendee.role else "Member"


def _presence_text(row: AttendanceRow) -> str:
    return PRESENCE_LABELS[row.presence] if row.presence else NOT_ATTENDING


def _details_text(row: AttendanceRow) -> str:
    attendee = row.attendee
    parts = []
    if attendee is not None:
        parts = [attendee.represents, attendee.post, attendee.description]
        if attendee.is_member and attendee.voting_scope is VotingScope.NONE:
            parts.append("no vote")
        elif attendee.voting_scope is VotingScope.EDUCATION_ONLY:
            parts.append("votes on education matters only")
    return "; ".join(part for part in parts if part)


def _quorum_text(row: AttendanceRow) -> str:
    if row.counted:
        return "Counted"
    return "Not counted" if row.quorum_note else ""


class AttendanceModel(RecordTableModel):
    # (row, column, value): the clerk chose a presence or whom a substitute replaces.
    change_requested = Signal(object, int, object)

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("Name", lambda row: row.person.front_sheet_name),
                Column("Role", _role_text),
                Column("Presence", _presence_text),
                Column("Substitute for",
                       lambda row: row.substitute_for.front_sheet_name if row.substitute_for
                       else ""),
                Column("Quorum", _quorum_text),
                Column("Details", _details_text),
            ],
            parent,
        )

    def set_attendance(self, attendees: list[Attendee], people: dict[int, Person],
                       standing_substitutes: list[Person], quorum: QuorumReport) -> None:
        listed = {a.person_id for a in attendees}
        not_counted = dict(quorum.not_counted)
        rows = [
            AttendanceRow(people[a.person_id], a, people.get(a.substitute_for_id or NOBODY),
                          a.person_id in quorum.counted, not_counted.get(a.person_id, ""))
            for a in sorted(attendees, key=lambda a: (_GROUP[a.capacity], a.position))
        ]
        spare = [AttendanceRow(p, None) for p in standing_substitutes if p.id not in listed]
        members_and_substitutes = sum(1 for row in rows if _GROUP[row.capacity] <= 1)
        rows[members_and_substitutes:members_and_substitutes] = spare
        self.set_records(rows)

    def row_of_person(self, person_id: int) -> int | None:
        return next((i for i, row in enumerate(self.records()) if row.person_id == person_id),
                    None)

    def substitute_choices(self, row: AttendanceRow) -> list[tuple[str, int]]:
        """Members who sent apologies and have nobody standing in for them yet (a member
        marked present cannot be replaced; mark their apologies first)."""
        taken = {r.attendee.substitute_for_id for r in self.records()
                 if r.attendee and r.attendee.substitute_for_id and r is not row}
        choices = [("(nobody)", NOBODY)]
        for other in self.records():
            attendee = other.attendee
            if (attendee is None or attendee.capacity is not Capacity.MEMBER
                    or other.person_id in taken):
                continue
            if attendee.presence is Presence.APOLOGIES:
                choices.append((f"{other.person.front_sheet_name} (apologies)",
                                other.person_id))
        return choices

    # -- Qt interface ----------------------------------------------------------------------
    def flags(self, index: AnyIndex):
        flags = super().flags(index)
        if index.isValid() and self._editable(self.record_at(index.row()), index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    @staticmethod
    def _editable(row: AttendanceRow, column: int) -> bool:
        if column == PRESENCE:
            return row.attendee is not None
        return column == SUBSTITUTE_FOR and row.capacity is Capacity.SUBSTITUTE

    def data(self, index: AnyIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.record_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.EditRole:
            if column == PRESENCE:
                return row.presence.value if row.presence else None
            if column == SUBSTITUTE_FOR:
                return row.substitute_for.id if row.substitute_for else NOBODY
        if role == Qt.ItemDataRole.ToolTipRole and column == QUORUM and row.quorum_note:
            return f"Not counted towards the quorum: {row.quorum_note}."
        if role == CHOICES_ROLE:
            if column == PRESENCE:
                return [(PRESENCE_LABELS[p], p.value) for p in PRESENCE_CYCLE]
            if column == SUBSTITUTE_FOR:
                return self.substitute_choices(row)
        if role == Qt.ItemDataRole.ForegroundRole and row.presence not in (
                Presence.PRESENT, Presence.REMOTE):
            # Apologies, absent and spare substitutes recede; who is there stands out.
            palette = QApplication.palette()
            return QBrush(palette.color(QPalette.ColorGroup.Disabled,
                                        QPalette.ColorRole.Text))
        return super().data(index, role)

    def setData(self, index: AnyIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self.record_at(index.row())
        if not self._editable(row, index.column()):
            return False
        self.change_requested.emit(row, index.column(), value)
        return True
