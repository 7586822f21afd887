"""The Petitions page: the register with its clocks coloured, registering a petition with
its private organiser through the dialog, scheduling it, recording the response and writing
the response letter."""

from __future__ import annotations

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialogButtonBox

from clerkdesk.domain.due import DueState
from clerkdesk.domain.meetings import MeetingStatus
from clerkdesk.domain.petitions import PetitionStatus
from clerkdesk.ui.dialogs.petition_dialog import PetitionDialog
from clerkdesk.ui.dialogs.petition_response_dialog import PetitionResponseDialog
from clerkdesk.ui.dialogs.petition_schedule_dialog import PetitionScheduleDialog
from clerkdesk.ui.models.deadline_model import COLOURS
from clerkdesk.ui.models.petition_model import ACKNOWLEDGE, CAN_SPEAK, RESPONSE, STATUS
from clerkdesk.ui.pages import petitions_page
from clerkdesk.ui.pages.petitions_page import PetitionsPage
from tests.conftest import DEMO_TODAY
from tests.ui.test_actions_page import answer_dialog  # noqa: F401 - a fixture

CROSSING = "Safer crossing outside Castle Street Primary School"


@pytest.fixture
def page(make_page, demo_context):
    return make_page(PetitionsPage, demo_context)


def lines(page):
    return [page.proxy.record_at(row) for row in range(page.proxy.rowCount())]


def row_of(page, title):
    return next(row for row in range(page.proxy.rowCount())
                if page.proxy.record_at(row).petition.title == title)


def select(page, title):
    line = lines(page)[row_of(page, title)]
    assert page.select_id(line.id)
    return line.petition


def save(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def test_the_register_newest_first_with_clocks_coloured_and_in_words(page):
    received = [line.row.received for line in lines(page)]
    assert received == sorted(received, reverse=True)
    row = row_of(page, CROSSING)
    response = page.proxy.index(row, RESPONSE)
    assert response.data().endswith("(overdue)")
    assert response.data(Qt.ItemDataRole.BackgroundRole).color() == QColor(COLOURS["overdue"])
    assert "Counted:" in response.data(Qt.ItemDataRole.ToolTipRole)  # explains itself
    assert page.proxy.index(row, STATUS).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert page.proxy.index(row, CAN_SPEAK).data() == "No"  # 38 signatures, under 50
    library = row_of(page, "Keep the mobile library visiting Fenbridge villages")
    acknowledge = page.proxy.index(library, ACKNOWLEDGE)
    assert acknowledge.data().endswith("(due soon)")
    assert acknowledge.data(Qt.ItemDataRole.BackgroundRole).color() == QColor(COLOURS["soon"])
    answered = row_of(page, "Save Fenchester Youth Centre")
    assert page.proxy.index(answered, STATUS).data() == "Responded"
    assert page.proxy.index(answered, STATUS).data(Qt.ItemDataRole.BackgroundRole) is None


def test_due_only_keeps_what_needs_attention(page):
    page.due_check.setChecked(True)
    assert lines(page) and all(line.row.due_state.needs_attention for line in lines(page))
    assert "Save Fenchester Youth Centre" not in [line.petition.title for line in lines(page)]
    page.due_check.setChecked(False)
    assert len(lines(page)) == 5


def test_details_show_private_contact_to_the_clerk_and_the_public_text_without_it(page):
    select(page, CROSSING)
    details = page.details.toPlainText()
    assert "g.pryce@example.net" in details.split("Printed in agendas and minutes:")[0]
    public = details.split("Printed in agendas and minutes:")[1]
    assert "Submitted by Gareth Pryce, Fenchester (38 signatures)" in public
    assert "the petitioners were unable to speak to the petition" in public
    assert "example.net" not in public and "Castle Street\nFenchester" not in public


@pytest.mark.real_dialogs
def test_register_a_petition_through_its_dialog(qtbot, answer_dialog, page, demo):  # noqa: F811
    cyp = demo.committees.by_code("CYP")

    def fill_in(dialog):
        assert isinstance(dialog, PetitionDialog)
        qtbot.keyClicks(dialog.title_edit, "Save the Fenchester lido & <pool>")
        dialog.committee_combo.setCurrentIndex(dialog.committee_combo.findData(cyp.id))
        dialog.signatures_spin.setValue(38)
        qtbot.keyClicks(dialog.text_edit, "Keep the lido open all summer.")
        qtbot.keyClicks(dialog.organiser_name_edit, "Jo Bloggs")
        qtbot.keyClicks(dialog.locality_edit, "Fenchester")
        qtbot.keyClicks(dialog.address_edit, "9 Lido Lane")
        qtbot.keyClick(dialog.address_edit, Qt.Key.Key_Return)  # QTest types no "\n"
        qtbot.keyClicks(dialog.address_edit, "Fenchester")
        qtbot.keyClicks(dialog.postcode_edit, "FN9 9ZZ")
        qtbot.keyClicks(dialog.email_edit, "jo@example.com")
        qtbot.keyClicks(dialog.telephone_edit, "07700 900999")
        save(qtbot, dialog)

    answer_dialog(fill_in)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    petition = page.selected_petition()
    assert petition.title == "Save the Fenchester lido & <pool>"
    assert (petition.received_on, petition.signatures, petition.status) == (
        DEMO_TODAY, 38, PetitionStatus.RECEIVED)
    assert petition.organiser.contact_details == {
        "address": "9 Lido Lane\nFenchester", "postcode": "FN9 9ZZ",
        "email address": "jo@example.com", "telephone number": "07700 900999"}
    assert demo.petitions.get(petition.id) == petition
    assert page.proxy.index(row_of(page, petition.title), CAN_SPEAK).data() == "No"


@pytest.mark.real_dialogs
def test_edit_the_organisers_contact_details(qtbot, answer_dialog, page, demo):  # noqa: F811
    petition = select(page, CROSSING)

    def change_email(dialog):
        assert dialog.organiser_name_edit.text() == "Gareth Pryce"
        dialog.email_edit.setText("gareth.new@example.net")
        save(qtbot, dialog)

    answer_dialog(change_email)
    page.edit_record()
    stored = demo.petitions.get(petition.id)
    assert stored.organiser.id == petition.organiser.id  # the same contact, corrected
    assert stored.organiser.email == "gareth.new@example.net"
    assert stored.status is petition.status


@pytest.mark.real_dialogs
def test_schedule_then_record_the_response(qtbot, answer_dialog, page, demo):  # noqa: F811
    petition = select(page, "Reduce the speed limit on the A142 through Fenbridge")
    et = demo.committees.by_code("ET")
    upcoming = [m for m in demo.meetings.search(et.id, DEMO_TODAY)
                if m.status is MeetingStatus.SCHEDULED]

    def choose_meeting(dialog):
        assert isinstance(dialog, PetitionScheduleDialog)
        assert dialog.meeting_combo.currentData() == upcoming[0].id  # the next one first
        save(qtbot, dialog)

    answer_dialog(choose_meeting)
    qtbot.mouseClick(page.schedule_button, Qt.MouseButton.LeftButton)
    scheduled = demo.petitions.get(petition.id)
    assert (scheduled.status, scheduled.meeting_id) == (PetitionStatus.SCHEDULED, upcoming[0].id)
    assert page.selected_petition().id == petition.id

    def answer(dialog):
        assert isinstance(dialog, PetitionResponseDialog)
        qtbot.keyClicks(dialog.minute_edit, "31")
        qtbot.keyClicks(dialog.text_edit, "A 40 mph limit will be consulted on in the spring.")
        save(qtbot, dialog)

    answer_dialog(answer)
    qtbot.mouseClick(page.response_button, Qt.MouseButton.LeftButton)
    answered = demo.petitions.get(petition.id)
    assert (answered.status, answered.minute_number, answered.response_on) == (
        PetitionStatus.RESPONDED, "31", DEMO_TODAY)
    assert answered.responder == "the Chairman, on behalf of the Committee"
    line = lines(page)[row_of(page, petition.title)]
    assert line.row.due_state is DueState.DONE
    assert not page.response_button.isEnabled() and page.letter_button.isEnabled()


@pytest.mark.real_dialogs
def test_an_empty_response_is_refused_and_nothing_is_recorded(qtbot, answer_dialog, page,  # noqa: F811
                                                              demo, shown_errors):
    petition = select(page, "Reopen the Riverside playground")

    def leave_empty(dialog):
        save(qtbot, dialog)  # refused: the dialog stays open and the helper closes it

    answer_dialog(leave_empty)
    page.record_response()
    assert [type(e).__name__ for e in shown_errors] == ["ValidationError"]
    assert demo.petitions.get(petition.id).status is PetitionStatus.SCHEDULED


def test_acknowledged_today(page, demo):
    petition = select(page, "Keep the mobile library visiting Fenbridge villages")
    page.acknowledge_selected()
    assert demo.petitions.get(petition.id).acknowledged_on == DEMO_TODAY
    assert not page.acknowledge_button.isEnabled()


def test_the_response_letter_to_a_chosen_file(page, tmp_path, monkeypatch):
    petition = select(page, "Save Fenchester Youth Centre")
    target = tmp_path / "letter.docx"
    monkeypatch.setattr(petitions_page, "ask_letter_path", lambda parent, name: target)
    page.write_letter()
    text = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "Dear Amira Haddad," in text and "14 Mill Lane" in text
    assert f"Petition: {petition.title}" in text


def test_no_letter_before_a_response_is_recorded(page, shown_errors, monkeypatch, tmp_path):
    select(page, CROSSING)
    assert not page.letter_button.isEnabled()
    monkeypatch.setattr(petitions_page, "ask_letter_path", lambda *a: tmp_path / "x.docx")
    page.write_letter()
    assert "Record the response" in shown_errors[0].message
    assert not (tmp_path / "x.docx").exists()
