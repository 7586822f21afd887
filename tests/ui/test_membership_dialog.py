"""The membership dialog: a field for each role's particulars, and ending a membership."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from clerkdesk.domain.membership import Role, StatutorySeat, VotingScope
from clerkdesk.domain.people import PersonKind
from clerkdesk.errors import ValidationError
from clerkdesk.ui.dialogs.membership_dialog import EndMembershipDialog, MembershipDialog
from clerkdesk.ui.formatting import to_qdate
from clerkdesk.ui.widgets.combos import select_value

TODAY = date(2019, 9, 1)  # inside the factories' 2019/20 municipal year


def open_dialog(qtbot, services, committee, membership=None):
    dialog = MembershipDialog(services, committee, membership, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click_save(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def test_a_voting_co_optee_is_added_with_seat_and_represents(qtbot, services, make):
    make.council()
    committee = make.committee()
    priest = make.person(kind=PersonKind.CO_OPTEE, title="Revd", forenames="Andrew",
                         surname="Ridgeway")
    dialog = open_dialog(qtbot, services, committee)
    select_value(dialog.person_combo, priest.id)
    select_value(dialog.role_combo, Role.CO_OPTED_VOTING.value)
    assert dialog.seat_combo.isEnabled()
    assert not dialog.chair_title_combo.isEnabled()
    assert not dialog.substitute_for_combo.isEnabled()
    assert "education matters only" in dialog.voting_combo.currentText()
    select_value(dialog.seat_combo, StatutorySeat.COFE_DIOCESAN.value)
    qtbot.keyClicks(dialog.represents_edit, "Church of England diocesan representative")
    dialog.start_edit.setDate(to_qdate(date(2019, 5, 14)))
    assert dialog.end_edit.none_check.isChecked()  # "No end date" by default
    click_save(qtbot, dialog)

    [saved] = services.memberships.for_committee(committee.id)
    assert (saved.person_id, saved.role, saved.statutory_seat) == (
        priest.id, Role.CO_OPTED_VOTING, StatutorySeat.COFE_DIOCESAN)
    assert saved.represents == "Church of England diocesan representative"
    assert saved.voting_scope is None  # the role's default
    assert saved.effective_voting_scope is VotingScope.EDUCATION_ONLY
    assert (saved.start, saved.end) == (date(2019, 5, 14), None)
    assert saved.municipal_year == "2019/20"


def test_a_substitute_is_named_against_a_member_with_an_end_date(qtbot, services, make):
    committee = make.committee()
    member = make.membership(committee=committee)
    substitute = make.person()
    dialog = open_dialog(qtbot, services, committee)
    select_value(dialog.person_combo, substitute.id)
    select_value(dialog.role_combo, Role.SUBSTITUTE.value)
    assert dialog.substitute_for_combo.isEnabled()
    assert dialog.substitute_for_combo.count() == 2  # nobody, or the one member
    select_value(dialog.substitute_for_combo, member.person_id)
    dialog.end_edit.none_check.setChecked(False)
    dialog.end_edit.date_edit.setDate(to_qdate(date(2020, 5, 11)))
    click_save(qtbot, dialog)

    saved = dialog.saved
    assert (saved.role, saved.substitute_for_id, saved.end) == (
        Role.SUBSTITUTE, member.person_id, date(2020, 5, 11))


def test_fields_of_another_role_are_not_saved(qtbot, services, make):
    committee = make.committee()
    person = make.person()
    dialog = open_dialog(qtbot, services, committee)
    select_value(dialog.person_combo, person.id)
    select_value(dialog.role_combo, Role.CO_OPTED_VOTING.value)
    select_value(dialog.seat_combo, StatutorySeat.PARENT_GOVERNOR.value)
    select_value(dialog.role_combo, Role.CHAIR.value)  # changed their mind
    dialog.chair_title_combo.setCurrentText("Chairwoman")
    assert dialog.value().statutory_seat is StatutorySeat.NONE
    assert dialog.value().role_title == "Chairwoman"


def test_a_second_chair_is_refused_and_the_dialog_keeps_its_input(
    qtbot, services, make, shown_errors
):
    committee = make.committee()
    make.membership(committee=committee, role=Role.CHAIR)
    rival = make.person()
    dialog = open_dialog(qtbot, services, committee)
    select_value(dialog.person_combo, rival.id)
    select_value(dialog.role_combo, Role.CHAIR.value)
    click_save(qtbot, dialog)

    [error] = shown_errors
    assert isinstance(error, ValidationError)
    assert "already chair" in error.message
    assert dialog.isVisible()
    assert dialog.person_combo.currentData() == rival.id
    assert dialog.role_combo.currentData() == Role.CHAIR.value


def test_no_person_chosen_is_a_problem_not_a_crash(qtbot, services, make, shown_errors):
    dialog = open_dialog(qtbot, services, make.committee())
    click_save(qtbot, dialog)
    assert "Choose the person" in shown_errors[0].message


def test_ending_a_membership_keeps_it_with_its_last_day(qtbot, services, make):
    membership = make.membership()
    dialog = EndMembershipDialog(services, membership, "Councillor A Member", TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.end_edit.setDate(to_qdate(date(2019, 12, 31)))
    click_save(qtbot, dialog)
    [ended] = services.memberships.for_person(membership.person_id)
    assert ended.end == date(2019, 12, 31)
