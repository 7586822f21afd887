"""A meeting's deadlines panel: colours, working on selection, recording the publication
(with its compliance), ticking off a deadline, and its place on the meetings page."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt, QTime

from clerkdesk.domain.meetings import MeetingKind, london_datetime
from clerkdesk.ui.models.deadline_model import COLOURS
from clerkdesk.ui.pages.meetings_page import MeetingsPage
from clerkdesk.ui.widgets.meeting_deadlines import MeetingDeadlinesPanel, RecordPublicationDialog
from tests.conftest import DEMO_TODAY
from tests.ui.activation import activate
from tests.ui.helpers import column_texts


@pytest.fixture
def panel_for(qtbot):
    def create(services, today, meeting_id):
        panel = MeetingDeadlinesPanel(services, lambda: today)
        qtbot.addWidget(panel)
        panel.resize(900, 600)
        panel.show()
        qtbot.waitExposed(panel)
        activate(qtbot, panel)  # shortcuts reach only the active window
        panel.set_meeting(meeting_id)
        return panel

    return create


def published_soon(demo):
    return next(m for m in demo.meetings.search(start_from=DEMO_TODAY)
                if m.kind is MeetingKind.EXTRAORDINARY and
                demo.committees.get(m.committee_id).code == "AH")


def background(panel, row):
    brush = panel.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole)
    return brush.color().name() if brush else None


def test_demo_meeting_with_its_agenda_out(panel_for, demo):
    meeting = published_soon(demo)
    panel = panel_for(demo, DEMO_TODAY, meeting.id)
    assert panel.heading.text() == "Adults and Health Committee: Thu 26 Nov 2026 14:00"
    assert panel.compliance_label.text() == (
        "Published Wed 18 Nov 2026 16:30. Agenda published with 5 clear working days: the "
        "period is met.")
    assert column_texts(panel.model, 2) == ["Done", "Done", "Done", "Done", "Done", "Due"]
    assert column_texts(panel.model, 0)[-1] == "Mon 23 Nov 2026 12:00"
    assert background(panel, 0) == COLOURS["done"]
    assert background(panel, 5) == COLOURS["due"]  # within the next ten working days
    panel.table.select_row(3)
    assert panel.explanation.toPlainText().startswith("Rule: 5 clear working days")
    assert "For comparison, the calendar reading would allow" in panel.explanation.toPlainText()
    assert not panel.done_button.isEnabled()  # met by publishing, not by ticking


def test_overdue_rows_are_red_and_can_be_ticked_off_with_ctrl_d(qtbot, panel_for, demo):
    meeting = next(m for m in demo.meetings.search(start_from=DEMO_TODAY)
                   if demo.committees.get(m.committee_id).code == "ET")
    panel = panel_for(demo, DEMO_TODAY, meeting.id)
    keys = [row.key for row in panel.model.records()]
    row = keys.index("draft_reports")
    assert background(panel, row) == COLOURS["overdue"]
    assert panel.compliance_label.text() == "The agenda's publication has not been recorded yet."
    panel.table.setFocus()
    panel.table.select_row(row)
    messages = []
    panel.changed.connect(messages.append)
    qtbot.keyClick(panel.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert panel.selected_row().status == "done"
    assert messages == ["Draft reports due with Democratic Services: done."]
    assert panel.done_button.text() == "Mark not &done"
    qtbot.mouseClick(panel.done_button, Qt.MouseButton.LeftButton)
    assert panel.selected_row().status == "overdue"


def test_recording_a_late_publication_shows_the_shortfall(qtbot, panel_for, services, make,
                                                         shown_errors, monkeypatch):
    make.council()
    meeting = make.meeting(start=london_datetime(date(2019, 7, 9), 14))
    panel = panel_for(services, date(2019, 7, 3), meeting.id)

    def ask(parent, services_, meeting_id, day):
        # The real dialog, shown without a nested event loop so the test drives it directly.
        dialog = RecordPublicationDialog(services_, meeting_id, day, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.date_edit.date() == QDate(2019, 7, 3)
        save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
        dialog.date_edit.setDate(QDate(2019, 7, 10))
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()  # refused, and kept open with what was typed
        dialog.date_edit.setDate(QDate(2019, 7, 3))
        dialog.time_edit.setTime(QTime(9, 30))
        qtbot.keyClicks(dialog.note_edit, "website and members' email")
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        return dialog.saved

    monkeypatch.setattr(RecordPublicationDialog, "ask", ask)
    qtbot.mouseClick(panel.publication_button, Qt.MouseButton.LeftButton)
    assert "after the meeting started" in shown_errors[0].message
    assert panel.compliance_label.text() == (
        "Published Wed 03 Jul 2019 09:30. Agenda published with 3 clear working days: 2 short "
        "of the period.")
    assert COLOURS["overdue"] in panel.compliance_label.styleSheet()
    publication = services.deadlines.for_meeting(meeting.id).compliance.publication
    assert publication.note == "website and members' email"


def test_record_publication_is_offered_through_ask(panel_for, services, make, monkeypatch):
    make.council()
    meeting = make.meeting(start=london_datetime(date(2019, 7, 9), 14))
    panel = panel_for(services, date(2019, 7, 1), meeting.id)
    asked = []
    monkeypatch.setattr(RecordPublicationDialog, "ask",
                        lambda parent, services, meeting_id, day: asked.append(
                            (meeting_id, day)))
    panel.record_publication()
    assert asked == [(meeting.id, date(2019, 7, 1))]


def test_meetings_page_shows_the_selected_meetings_deadlines(make_page, demo_context):
    page = make_page(MeetingsPage, demo_context)
    meeting = published_soon(demo_context.services)
    assert page.select_id(meeting.id)
    assert page.deadlines_panel.meeting_id == meeting.id
    assert "the period is met" in page.deadlines_panel.compliance_label.text()
    page.table.clearSelection()
    assert page.deadlines_panel.heading.text() == "No meeting selected"
