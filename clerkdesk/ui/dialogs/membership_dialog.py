"""Appointing someone to a committee, changing the appointment, or ending it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from clerkdesk.domain.committees import Committee
from clerkdesk.domain.membership import (
    CHAIR_TITLES,
    PRESIDING_ROLES,
    Membership,
    Role,
    StatutorySeat,
    VotingScope,
    default_voting_scope,
)
from clerkdesk.domain.people import Person
from clerkdesk.errors import ValidationError
from clerkdesk.ui.dialogs.record_dialog import RecordDialog
from clerkdesk.ui.formatting import from_qdate, short_date, to_qdate
from clerkdesk.ui.models.membership_model import VOTING_LABELS
from clerkdesk.ui.models.people_model import KIND_LABELS, listed_name
from clerkdesk.ui.widgets.combos import enum_choices, fill_combo, select_value
from clerkdesk.ui.widgets.date_edits import date_edit
from clerkdesk.ui.widgets.optional_date_edit import OptionalDateEdit

NOBODY = 0  # combo data for "no one": Qt item data cannot be None reliably
ROLE_DEFAULT = ""  # voting-scope combo data meaning "whatever the role gives"


def person_choice(person: Person) -> tuple[str, int]:
    extra = person.political_group or KIND_LABELS[person.kind]
    return f"{listed_name(person)} ({extra})", person.id


class MembershipDialog(RecordDialog):
    @classmethod
    def ask(cls, parent: QWidget | None, services, committee: Committee,
            membership: Membership | None = None, today: date | None = None):
        """The saved Membership, or None if the clerk cancelled."""
        return cls(services, committee, membership, today or date.today(), parent).run()

    def __init__(self, services, committee: Committee, membership: Membership | None,
                 today: date, parent=None):
        title = "Edit membership" if membership else "Add a member"
        super().__init__(f"{title}: {committee.name}", parent)
        self.services = services
        self.committee = committee
        self.original = membership or Membership(None, NOBODY, committee.id, Role.MEMBER, today)
        self.people = sorted(services.people.list(), key=lambda p: p.sort_key)
        self._build_ui(today)
        self._connect()
        self._load(self.original)

    def _build_ui(self, today: date) -> None:
        self.person_combo = QComboBox()
        fill_combo(self.person_combo, [("(choose a person)", NOBODY)] +
                   [person_choice(p) for p in self.people])
        self.role_combo = QComboBox()
        fill_combo(self.role_combo, enum_choices(Role))
        self.chair_title_combo = QComboBox()
        self.chair_title_combo.addItems(CHAIR_TITLES)
        self.seat_combo = QComboBox()
        fill_combo(self.seat_combo, enum_choices(StatutorySeat))
        self.represents_edit = QLineEdit()
        self.represents_edit.setPlaceholderText("e.g. Roman Catholic diocesan representative")
        self.voting_combo = QComboBox()
        self.start_edit = date_edit(today)
        self.end_edit = OptionalDateEdit("No end date", None, today)
        self.substitute_for_combo = QComboBox()
        fill_combo(self.substitute_for_combo, [("(nobody in particular)", NOBODY)] +
                   [person_choice(p) for p in self._members_to_stand_in_for()])
        for label, widget in (
            ("&Person", self.person_combo),
            ("&Role", self.role_combo),
            ("C&hair title", self.chair_title_combo),
            ("Stands in &for", self.substitute_for_combo),
            ("Statutory &seat", self.seat_combo),
            ("Re&presents", self.represents_edit),
            ("&Votes on", self.voting_combo),
            ("S&tarts", self.start_edit),
            ("&Ends", self.end_edit),
        ):
            self.form.addRow(label, widget)
        self.setMinimumWidth(520)
        self._finish_layout()

    def _members_to_stand_in_for(self) -> list[Person]:
        """The committee's members and co-optees; a substitute stands in for one of them."""
        ids = {m.person_id for m in self.services.memberships.for_committee(self.committee.id)
               if m.role is not Role.SUBSTITUTE}
        ids.add(self.original.substitute_for_id)
        return [person for person in self.people if person.id in ids]

    def _connect(self) -> None:
        self.role_combo.currentIndexChanged.connect(self._on_role_changed)

    def _load(self, membership: Membership) -> None:
        select_value(self.person_combo, membership.person_id)
        select_value(self.role_combo, membership.role.value)
        self.chair_title_combo.setCurrentText(membership.chair_title)
        select_value(self.seat_combo, membership.statutory_seat.value)
        self.represents_edit.setText(membership.represents)
        self.start_edit.setDate(to_qdate(membership.start))
        self.end_edit.set_value(membership.end)
        select_value(self.substitute_for_combo, membership.substitute_for_id or NOBODY)
        self._on_role_changed()
        scope = membership.voting_scope
        select_value(self.voting_combo, scope.value if scope else ROLE_DEFAULT)

    def _role(self) -> Role:
        return Role(self.role_combo.currentData())

    def _on_role_changed(self) -> None:
        """Offer only the fields that mean something for the chosen role."""
        role = self._role()
        self.chair_title_combo.setEnabled(role in PRESIDING_ROLES)
        self.seat_combo.setEnabled(role is Role.CO_OPTED_VOTING)
        self.substitute_for_combo.setEnabled(role is Role.SUBSTITUTE)
        default_label = VOTING_LABELS[default_voting_scope(role)].lower()
        choices = [(f"As the role gives ({default_label})", ROLE_DEFAULT)]
        choices += [(VOTING_LABELS[scope], scope.value) for scope in VotingScope]
        fill_combo(self.voting_combo, choices, self.voting_combo.currentData() or ROLE_DEFAULT)

    def value(self) -> Membership:
        role = self._role()
        scope = self.voting_combo.currentData()
        seat = self.seat_combo.currentData() if self.seat_combo.isEnabled() else ""
        substitute_for = (
            self.substitute_for_combo.currentData() if self.substitute_for_combo.isEnabled() else 0
        )
        return replace(
            self.original,
            person_id=self.person_combo.currentData(),
            role=role,
            chair_title=self.chair_title_combo.currentText(),
            statutory_seat=StatutorySeat(seat),
            represents=self.represents_edit.text().strip(),
            voting_scope=VotingScope(scope) if scope else None,
            start=from_qdate(self.start_edit.date()),
            end=self.end_edit.value(),
            substitute_for_id=substitute_for or None,
        )

    def _save(self, membership: Membership) -> Membership:
        if membership.person_id == NOBODY:
            raise ValidationError("Choose the person to appoint.")
        if membership.id is None:
            return self.services.memberships.add(membership)
        return self.services.memberships.update(membership)


class EndMembershipDialog(RecordDialog):
    """Asks for the last day of a membership; the record stays, as history."""

    @classmethod
    def ask(cls, parent: QWidget | None, services, membership: Membership, person_name: str,
            today: date | None = None):
        """The ended Membership, or None if the clerk cancelled."""
        return cls(services, membership, person_name, today or date.today(), parent).run()

    def __init__(self, services, membership: Membership, person_name: str, today: date,
                 parent=None):
        super().__init__("End membership", parent)
        self.services = services
        self.original = membership
        question = QLabel(
            f"{person_name} has been {membership.role_title.lower()} since "
            f"{short_date(membership.start)}. On what day does this membership end "
            "(the last day they serve)?"
        )
        question.setWordWrap(True)
        self.body.insertWidget(0, question)
        self.end_edit = date_edit(membership.end or today)
        self.form.addRow("&Last day", self.end_edit)
        self.setMinimumWidth(420)
        self._finish_layout()

    def value(self) -> Membership:
        return replace(self.original, end=from_qdate(self.end_edit.date()))

    def _save(self, membership: Membership) -> Membership:
        return self.services.memberships.update(membership)
