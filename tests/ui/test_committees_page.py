"""The committees page: the table, the membership panel, add/edit/end/delete."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from clerkdesk.domain.membership import Membership, Role
from clerkdesk.ui.dialogs.committee_dialog import CommitteeDialog
from clerkdesk.ui.dialogs.membership_dialog import EndMembershipDialog, MembershipDialog
from clerkdesk.ui.models import committee_model
from clerkdesk.ui.models.membership_model import NAME
from clerkdesk.ui.pages.committees_page import CommitteesPage
from tests.ui.helpers import column_texts, when_dialog_opens


def select_code(page, code):
    committee = next(c for c in page.model.records() if c.code == code)
    assert page.select_id(committee.id)
    return committee


@pytest.mark.real_dialogs
def test_a_committee_added_through_the_dialog_appears_selected(qtbot, make_page, context):
    page = make_page(CommitteesPage, context)

    def fill_in(dialog):
        assert isinstance(dialog, CommitteeDialog)
        qtbot.keyClicks(dialog.name_edit, "Audit and Accounts Committee")
        qtbot.keyClicks(dialog.code_edit, "AAC")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)

    when_dialog_opens(fill_in)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)

    assert column_texts(page.proxy, committee_model.NAME) == ["Audit and Accounts Committee"]
    assert page.selected_record().code == "AAC"
    assert page.members_panel.committee.code == "AAC"


def test_selecting_a_committee_shows_its_current_members_by_role(make_page, demo_context):
    page = make_page(CommitteesPage, demo_context)
    select_code(page, "CHS")
    model = page.members_panel.model
    headings = [model.index(row, 0).data() for row in model.heading_rows()]
    assert headings == ["Chair (1)", "Vice-chair (1)", "Members (9)", "Substitutes (4)",
                        "Co-opted members without a vote (3)"]
    # The chair who stood down at the start of this year is not current.
    chairs = [m for m in model.memberships() if m.role is Role.CHAIR]
    assert len(chairs) == 1 and chairs[0].end is None
    # A substitute is shown with whom they stand in for.
    details = [model.index(row, 2).data() for row in range(model.rowCount())]
    assert "Stands in for Parish Councillor Judith Goodhew; rural parishes" in details

    page.members_panel.show_all_check.setChecked(True)
    assert "Chair (2)" in [model.index(row, 0).data() for row in model.heading_rows()]


def test_ctrl_m_adds_a_member_to_the_selected_committee(qtbot, make_page, context, make,
                                                       monkeypatch):
    committee = make.committee(name="Audit Committee")
    person = make.person(forenames="Priya", surname="Chandran")
    page = make_page(CommitteesPage, context)
    select_code(page, committee.code)
    asked = []

    def fake_ask(parent, services, chosen, membership=None, today=None):
        asked.append((chosen, membership, today))
        return services.memberships.add(
            Membership(None, person.id, chosen.id, Role.MEMBER, date(2019, 6, 1)))

    monkeypatch.setattr(MembershipDialog, "ask", fake_ask)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)  # shortcuts reach only the active window
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)

    assert asked == [(committee, None, context.today())]
    names = column_texts(page.members_panel.model, NAME)
    assert names == ["Members (1)", "Councillor Priya Chandran"]
    assert page.members_panel.selected_membership().person_id == person.id


def test_a_membership_is_edited_from_its_row(make_page, context, make, monkeypatch):
    committee = make.committee()
    membership = make.membership(committee=committee)
    page = make_page(CommitteesPage, context)
    select_code(page, committee.code)
    page.members_panel.table.select_row(1)  # row 0 is the "Members (1)" heading

    def fake_ask(parent, services, chosen, edited=None, today=None):
        assert edited == membership
        return services.memberships.update(replace(edited, role=Role.VICE_CHAIR))

    monkeypatch.setattr(MembershipDialog, "ask", fake_ask)
    page.members_panel.table.setFocus()
    page.edit_record()  # Enter/F2 act on the membership table when it has the focus
    assert page.members_panel.model.index(0, 0).data() == "Vice-chair (1)"


def test_an_ended_membership_leaves_the_current_list_but_not_the_record(
    make_page, context, make, monkeypatch
):
    committee = make.committee()
    membership = make.membership(committee=committee)
    page = make_page(CommitteesPage, context)
    select_code(page, committee.code)
    page.members_panel.table.select_row(1)
    monkeypatch.setattr(
        EndMembershipDialog, "ask",
        lambda parent, services, m, name, today: services.memberships.update(
            replace(m, end=date(2019, 12, 31))),
    )
    page.members_panel.end_button.click()

    assert page.members_panel.model.rowCount() == 0  # none current on the test's today
    page.members_panel.show_all_check.setChecked(True)
    assert [m.id for m in page.members_panel.model.memberships()] == [membership.id]


def test_the_delete_key_on_a_membership_deletes_it_after_confirmation(
    qtbot, make_page, context, make, answer_delete
):
    committee = make.committee(name="Audit Committee")
    make.membership(committee=committee, person=make.person(forenames="Ann", surname="Lee"))
    page = make_page(CommitteesPage, context)
    select_code(page, committee.code)
    page.members_panel.table.select_row(1)
    asked = answer_delete(True)
    qtbot.keyClick(page.members_panel.table, Qt.Key.Key_Delete)
    assert asked == [("Councillor Ann Lee's membership (Member) of the Audit Committee", [])]
    assert context.services.memberships.for_committee(committee.id) == []


def test_deleting_a_committee_names_its_memberships_and_removes_it(
    make_page, context, make, answer_delete
):
    committee = make.committee(name="Audit Committee", code="AUD")
    make.membership(committee=committee)
    page = make_page(CommitteesPage, context)
    select_code(page, "AUD")
    asked = answer_delete(True)
    page.delete_record()
    assert asked == [("the Audit Committee (AUD)", ["1 membership(s)"])]
    assert page.model.rowCount() == 0
    assert context.services.committees.list() == []


def test_answering_no_keeps_the_committee(make_page, context, make, answer_delete):
    make.committee(code="AUD")
    page = make_page(CommitteesPage, context)
    select_code(page, "AUD")
    answer_delete(False)
    page.delete_record()
    assert page.model.rowCount() == 1
    assert page.selected_record().code == "AUD"


def test_a_refusal_from_the_service_is_shown(make_page, context, make, answer_delete,
                                             shown_errors):
    committee = make.committee(code="AUD")
    make.meeting(committee=committee)
    page = make_page(CommitteesPage, context)
    select_code(page, "AUD")
    answer_delete(True)
    page.delete_record()
    assert "has 1 meeting(s)" in shown_errors[0].message
    assert page.model.rowCount() == 1


def test_editing_keeps_the_committee_selected(make_page, context, make, monkeypatch):
    make.committee(name="Audit Committee", code="AUD")
    other = make.committee(name="Planning Committee", code="PLAN")
    page = make_page(CommitteesPage, context)
    select_code(page, "PLAN")
    monkeypatch.setattr(
        CommitteeDialog, "ask",
        lambda parent, services, c: services.committees.update(replace(c, name="Zoning")),
    )
    page.table.setFocus()
    page.edit_record()
    assert page.selected_record().id == other.id
    assert column_texts(page.proxy, committee_model.NAME) == ["Audit Committee", "Zoning"]
