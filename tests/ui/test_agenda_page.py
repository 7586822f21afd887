"""The agenda builder on the demo council: items under headings numbered across sections,
standing items, a report item through its dialog, reordering by keyboard and by drop,
locking after publication, and the documents of an item (attach, refuse, warn, drop)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import docx
import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from clerkdesk.domain.agenda import AgendaItem
from clerkdesk.domain.meetings import LONDON
from clerkdesk.errors import LockedError, ValidationError
from clerkdesk.ui.dialogs.agenda_item_dialog import AgendaItemDialog
from clerkdesk.ui.dialogs.document_dialog import DocumentDialog
from clerkdesk.ui.dialogs.plan_pull_dialog import PullFromPlanDialog
from clerkdesk.ui.main_window import MainWindow
from clerkdesk.ui.models import agenda_model as columns
from clerkdesk.ui.models import document_model
from clerkdesk.ui.pages.agenda_page import AgendaPage
from clerkdesk.ui.widgets import item_documents_panel
from clerkdesk.ui.widgets.combos import select_value
from tests.conftest import DEMO_TODAY
from tests.ui.activation import activate
from tests.ui.helpers import column_texts
from tests.ui.pdf_samples import broken_pdf, scanned_pdf, text_pdf

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def cyp(demo):
    return demo.committees.by_code("CYP")


@pytest.fixture
def meeting(demo, cyp):
    """The next CYP meeting, 8 December 2026, with the demo's 14-item agenda."""
    return next(m for m in demo.meetings.search(committee_id=cyp.id)
                if m.date > DEMO_TODAY and demo.agenda.items(m.id))


@pytest.fixture
def page(qtbot, demo_context, make_page, meeting):
    shown = make_page(AgendaPage, demo_context)
    shown.show_meeting(meeting.id)
    activate(qtbot, shown)
    return shown


def numbered_titles(page) -> list[tuple[str, str]]:
    """(number, title) as shown on every item row (not the headings), in table order."""
    model = page.model
    return [(model.index(row, columns.NUMBER).data(), model.index(row, columns.TITLE).data())
            for row, record in enumerate(model.records()) if record.item is not None]


def headings(page) -> list[str]:
    return [page.model.index(row, 0).data() for row in page.model.heading_rows()]


def select(page, title: str) -> AgendaItem:
    item = next(i for i in page.model.items() if i.title == title)
    page.table.setFocus()
    page.table.select_row(page.model.row_of_id(item.id))
    return item


def test_choosing_a_committee_opens_its_next_meeting(page, cyp, meeting):
    select_value(page.picker.committee_combo, cyp.id)  # as the clerk picks it
    assert page.meeting_id() == meeting.id
    assert page.picker.meeting_combo.currentText() == "Tue 08 Dec 2026 14:00"
    # The item the demo pulled from the agenda plan went under the last reports' heading.
    assert headings(page) == ["CONSTITUTIONAL MATTERS", "DECISIONS",
                              "INFORMATION AND MONITORING REPORTS", "DECISIONS"]
    numbers = [int(n) for n, _ in numbered_titles(page)]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) > 10  # never restarting
    row = page.model.row_of_id(select(page, "Schools Capital Programme 2027-32").id)
    texts = [page.model.index(row, c).data() for c in range(page.model.columnCount())]
    assert texts == ["7", "Schools Capital Programme 2027-32", "DECISIONS",
                     "Service Director – Education", "KD2026/031", "Yes", "Open", "", "3", ""]
    assert column_texts(page.model, columns.LATE).count("Late") == 1
    assert page.status_label.text() == \
        "Not published yet: 13 items. Publication due: Mon 30 Nov 2026."
    documents = page.documents
    assert "Documents of item 7: Schools Capital Programme 2027-32" in \
        documents.heading_label.text()
    assert column_texts(documents.model, document_model.ACCESS) == [
        "Open", "Open", "Exempt (para 3)"]
    assert column_texts(documents.model, document_model.PAGES) == ["14", "6", "4"]


def test_standing_items_come_from_the_committee_template(qtbot, page, demo, cyp, meeting):
    later = next(m for m in demo.meetings.search(committee_id=cyp.id)
                 if m.start > meeting.start and not demo.agenda.items(m.id))
    page.show_meeting(later.id)
    assert page.status_label.text().startswith("Not published yet: 0 items. Publication due: ")
    messages = []
    page.message.connect(messages.append)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert numbered_titles(page) == [
        ("1", "Apologies for absence and declarations of interest"),
        ("2", f"Minutes of the Meeting on {meeting.date:%-d %B %Y}"),
        ("3", "Action Log"), ("4", "Petitions"), ("5", "Finance and Performance Report"),
        ("6", "Agenda Plan, Appointments and Training Plan")]
    assert headings(page) == ["CONSTITUTIONAL MATTERS", "DECISIONS"]
    assert messages == ["Added 6 standing items."]
    page.add_standing_items()
    assert len(page.model.items()) == 6
    assert messages[-1] == "The agenda already has all of the committee's standing items."


def test_a_report_item_is_added_through_its_dialog(qtbot, page, monkeypatch):
    select(page, "Home to School Transport Policy")  # the new item starts in its section

    def ask(parent, services, meeting_id, item=None, section=""):
        dialog = AgendaItemDialog(services, meeting_id, item, section, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.section_combo.currentText() == "DECISIONS"
        qtbot.keyClicks(dialog.title_edit, "School Place Planning 2027")
        qtbot.keyClicks(dialog.officer_edit, "Head of Education Capital")
        dialog.key_check.click()
        qtbot.keyClicks(dialog.reference_edit, "KD2026/052")
        dialog.education_check.click()
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
        return dialog.saved

    monkeypatch.setattr(AgendaItemDialog, "ask", ask)
    messages = []
    page.message.connect(messages.append)
    page.new_record()  # what the main window's Ctrl+N calls on the page on show
    added = page.selected_item()
    assert added.title == "School Place Planning 2027"
    assert numbered_titles(page)[-1] == ("14", "School Place Planning 2027")
    row = page.model.row_of_id(added.id)
    assert page.model.index(row, columns.KEY).data() == "KD2026/052"
    assert page.model.index(row, columns.EDUCATION).data() == "Yes"
    assert messages == ["Added item 14 'School Place Planning 2027'."]


def test_ctrl_up_and_down_move_an_item_and_the_numbers_follow(qtbot, page):
    select(page, "Free School Proposals")
    assert ("8", "Free School Proposals") in numbered_titles(page)
    qtbot.keyClick(page.table, Qt.Key.Key_Up, CTRL)
    assert numbered_titles(page)[6:8] == [("7", "Free School Proposals"),
                                          ("8", "Schools Capital Programme 2027-32")]
    assert page.selected_item().title == "Free School Proposals"  # the selection follows
    qtbot.keyClick(page.table, Qt.Key.Key_Down, CTRL)
    qtbot.keyClick(page.table, Qt.Key.Key_Down, CTRL)
    assert numbered_titles(page)[6:9] == [("7", "Schools Capital Programme 2027-32"),
                                          ("8", "Home to School Transport Policy"),
                                          ("9", "Free School Proposals")]


def test_a_dropped_item_takes_its_new_place_and_the_numbers_follow(page, demo, meeting):
    model = page.model
    late = select(page, "Emergency Accommodation for Care Leavers")
    data = model.mimeData([model.index(model.row_of_id(late.id), c) for c in range(3)])
    target = model.row_of_id(next(i for i in model.items()
                                  if i.title == "Finance and Performance Report").id)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, target, 0, QModelIndex())
    assert numbered_titles(page)[4:6] == [("5", "Emergency Accommodation for Care Leavers"),
                                          ("6", "Finance and Performance Report")]
    assert [i.title for i in demo.agenda.items(meeting.id)][4] == \
        "Emergency Accommodation for Care Leavers"  # saved, not only shown
    apologies = model.row_of_id(model.items()[0].id)
    petitions = model.row_of_id(model.items()[3].id)
    assert model.moveRows(QModelIndex(), apologies, 1, QModelIndex(), petitions)
    assert [t for _, t in numbered_titles(page)[:4]] == [
        "Minutes of the Meeting on 20 October 2026", "Action Log",
        "Apologies for absence and declarations of interest", "Petitions"]
    # Dropped among another section's items, an item keeps its own heading, shown again.
    feedback = next(i for i in model.items() if i.title.startswith("Children's Services"))
    data = model.mimeData([model.index(model.row_of_id(feedback.id), 0)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0,
                              model.index(model.row_of_id(model.items()[1].id), 0))
    assert headings(page)[:3] == ["CONSTITUTIONAL MATTERS", "INFORMATION AND MONITORING REPORTS",
                                  "CONSTITUTIONAL MATTERS"]


def test_published_items_are_locked_and_new_ones_go_into_a_supplement(
        qtbot, page, demo, meeting, shown_errors, monkeypatch):
    demo.publishing.publish(meeting.id, demo.store.path.parent / "published",
                            now=datetime(2026, 11, 23, 9, 30, tzinfo=LONDON))
    page.refresh()
    assert page.status_label.text() == ("Agenda published Mon 23 Nov 2026 09:30: its items "
                                        "are locked. New items go into Supplement 1.")
    assert all(row.locked for row in page.model.records() if row.item)
    assert page.publish_button.text() == "P&ublish Supplement 1…"
    assert not page.publish_button.isEnabled()  # nothing new to publish yet
    item = select(page, "Free School Proposals")
    assert not page.edit_button.isEnabled() and not page.standing_button.isEnabled()
    assert not page.documents.attach_button.isEnabled()
    page.edit_record()  # F2: no dialog opens (the guard fixture would fail the test)
    page.delete_record()  # no confirmation is asked either
    qtbot.keyClick(page.table, Qt.Key.Key_Up, CTRL)
    assert [type(e) for e in shown_errors] == [LockedError] * 3
    assert "'Free School Proposals' has been published" in shown_errors[0].message
    assert "renumbered" in shown_errors[2].message
    assert demo.agenda.item(item.id) == item

    def ask(parent, services, meeting_id, item=None, section=""):
        return services.agenda.add_item(AgendaItem(
            None, meeting_id, "Storm Damage to Schools", "DECISIONS", late=True,
            urgency_reason="The storm was after the agenda went out."))

    monkeypatch.setattr(AgendaItemDialog, "ask", ask)
    page.new_record()
    row = page.model.row_of_id(page.selected_item().id)
    assert page.model.index(row, columns.SUPPLEMENT).data() == "Supplement 1"
    assert not page.model.records()[row].locked and page.edit_button.isEnabled()
    assert page.publish_button.isEnabled()


def test_deleting_an_item_asks_first_and_renumbers(qtbot, page, answer_delete):
    asked = answer_delete(True)
    select(page, "Free School Proposals")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert asked == [("item 8 'Free School Proposals'", ["its 2 attached documents"])]
    assert numbered_titles(page)[7] == ("8", "Home to School Transport Policy")
    assert len(page.model.items()) == 12


def test_pull_from_the_agenda_plan(page, monkeypatch):
    pulled = []

    def ask(parent, services, meeting_id):
        planned = next(p for p in services.agenda_plan.items(services.meetings.get(
            meeting_id).committee_id) if not p.moved and p.meeting_id == meeting_id)
        pulled.append(planned.title)
        return services.agenda_plan.pull_into_agenda(planned.id, meeting_id)

    monkeypatch.setattr(PullFromPlanDialog, "ask", ask)
    count = len(numbered_titles(page))
    page.pull_button.click()
    assert page.selected_item().title == pulled[0]
    assert numbered_titles(page)[-1] == (str(count + 1), pulled[0])


# -- documents ---------------------------------------------------------------------------

def attach_through_the_dialog(qtbot, monkeypatch, seen):
    """Patch DocumentDialog.ask with the real dialog, saved as it opens."""
    def ask(parent, services, item, document=None, source=None, check=None, notes=None):
        dialog = DocumentDialog(services, item, document, source, check, notes or [], parent)
        qtbot.addWidget(dialog)
        dialog.show()
        seen.append(dialog.warning_label.text() if dialog.warning_label.isVisibleTo(dialog)
                    else "")
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
        return dialog.saved

    monkeypatch.setattr(DocumentDialog, "ask", ask)


def test_ctrl_o_attaches_a_real_pdf(qtbot, page, monkeypatch, tmp_path):
    report = text_pdf(tmp_path / "Petitions report.pdf", pages=3)
    monkeypatch.setattr(item_documents_panel, "ask_attachment_paths", lambda parent: [report])
    seen = []
    attach_through_the_dialog(qtbot, monkeypatch, seen)
    petitions = select(page, "Petitions")
    qtbot.keyClick(page.table, Qt.Key.Key_O, CTRL)
    assert seen == [""]  # no warnings for a text PDF
    panel = page.documents
    assert column_texts(panel.model, document_model.TITLE) == ["Petitions"]
    assert column_texts(panel.model, document_model.PAGES) == ["3"]
    assert column_texts(panel.model, document_model.CHECKS) == ["OK"]
    row = page.model.row_of_id(petitions.id)
    assert page.model.index(row, columns.DOCUMENTS).data() == "1"


def test_a_broken_or_foreign_file_is_refused_with_the_reason(page, demo, monkeypatch,
                                                             tmp_path, shown_errors):
    item = select(page, "Free School Proposals")
    page.documents.attach_files([broken_pdf(tmp_path / "Consultation.pdf")])
    notes = tmp_path / "notes.txt"
    notes.write_text("not a report")
    page.documents.attach_files([notes])
    assert [type(e) for e in shown_errors] == [ValidationError, ValidationError]
    assert "'Consultation.pdf' cannot be read as PDF" in shown_errors[0].message
    assert "'notes.txt' is not a PDF or Word (.docx) file" in shown_errors[1].message
    assert len(demo.agenda.item(item.id).documents) == 2  # nothing attached


def test_a_scan_is_attached_with_its_accessibility_warning(qtbot, page, demo, monkeypatch,
                                                          tmp_path):
    scan = scanned_pdf(tmp_path / "Signed letter.pdf")
    seen = []
    attach_through_the_dialog(qtbot, monkeypatch, seen)
    item = select(page, "Free School Proposals")
    page.documents.attach_files([scan])
    assert "has no text layer (it looks scanned): screen readers cannot read it" in seen[0]
    attached = demo.agenda.item(item.id).documents[-1]
    assert (attached.title, attached.has_text) == ("Signed letter", False)
    assert column_texts(page.documents.model, document_model.CHECKS)[-1] == \
        document_model.NO_TEXT_LAYER


def test_files_dropped_from_the_file_manager_are_attached(qtbot, page, monkeypatch,
                                                         tmp_path):
    files = [text_pdf(tmp_path / "Report.pdf"), text_pdf(tmp_path / "Appendix A.pdf")]
    seen = []
    attach_through_the_dialog(qtbot, monkeypatch, seen)
    select(page, "Petitions")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in files])
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    page.documents.table.dropEvent(drop)
    assert drop.isAccepted()
    assert column_texts(page.documents.model, document_model.TITLE) == ["Petitions",
                                                                        "Appendix A"]
    assert column_texts(page.documents.model, document_model.ROLE) == ["Report", "Appendix"]


def test_without_libreoffice_word_files_are_taken_with_a_plain_warning(
        qtbot, demo_context, make_page, meeting, monkeypatch, tmp_path):
    monkeypatch.setattr(item_documents_panel, "find_libreoffice", lambda: None)
    page = make_page(AgendaPage, demo_context)
    page.show_meeting(meeting.id)
    assert page.documents.libreoffice_label.isVisibleTo(page)
    assert "LibreOffice is not installed" in page.documents.libreoffice_label.text()
    word = tmp_path / "Petitions report.docx"
    document = docx.Document()
    document.add_paragraph("Petitions received since the last meeting.")
    document.save(word)
    seen = []
    attach_through_the_dialog(qtbot, monkeypatch, seen)
    select(page, "Petitions")
    page.documents.attach_files([word])
    assert "LibreOffice is not installed" in seen[0]
    assert column_texts(page.documents.model, document_model.CHECKS) == [
        document_model.WORD_NEEDS_LIBREOFFICE]


def test_documents_are_edited_and_detached(qtbot, page, demo, monkeypatch, answer_delete):
    item = select(page, "Home to School Transport Policy")
    panel = page.documents
    panel.table.select_row(1)

    def ask(parent, services, item, document=None, **_kwargs):
        return services.agenda.update_document(replace(document, title="Appendix 1: EqIA"))

    monkeypatch.setattr(DocumentDialog, "ask", ask)
    panel.edit_button.click()
    assert column_texts(panel.model, document_model.TITLE)[1] == "Appendix 1: EqIA"
    asked = answer_delete(True)
    panel.table.setFocus()
    panel.table.select_row(1)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert asked[0][0] == ("the document 'Appendix 1: EqIA' from item "
                           "'Home to School Transport Policy'")
    assert [d.title for d in demo.agenda.item(item.id).documents] == [
        "Home to School Transport Policy"]


def test_in_the_main_window_it_follows_meetings_and_takes_ctrl_n(qtbot, demo, meeting,
                                                                 monkeypatch):
    window = MainWindow(demo, today=lambda: DEMO_TODAY)
    qtbot.addWidget(window)
    window.show()
    names = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert names[names.index("Meetings") + 1] == "Agenda"
    window.show_page(names.index("Agenda"))
    page = window.current_page()
    assert isinstance(page, AgendaPage)
    page.show_meeting(meeting.id)
    activate(qtbot, window)
    page.table.setFocus()
    asked = []
    monkeypatch.setattr(AgendaItemDialog, "ask", lambda parent, services, meeting_id, item=None,
                        section="": asked.append(meeting_id))
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    assert asked == [meeting.id]
