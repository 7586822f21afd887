"""The Minutes page: choosing the meeting, taking the attendance, writing minutes (saved
without pressing anything), declarations, actions and votes, publishing and approving, and
the lock afterwards."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from clerkdesk.domain.attendance import Presence
from clerkdesk.domain.declarations import Declaration, DeclarationAction, InterestType
from clerkdesk.domain.meetings import MeetingStatus
from clerkdesk.domain.minutes import MinutesStatus
from clerkdesk.errors import LockedError
from clerkdesk.ui.dialogs.approve_minutes_dialog import ApproveMinutesDialog
from clerkdesk.ui.dialogs.declaration_dialog import DeclarationDialog
from clerkdesk.ui.dialogs.minutes_history_dialog import MinutesHistoryDialog
from clerkdesk.ui.main_window import MainWindow, PageSpec
from clerkdesk.ui.models.attendance_model import NAME, PRESENCE, SUBSTITUTE_FOR
from clerkdesk.ui.models.minutes_model import NUMBER, TITLE
from clerkdesk.ui.pages import minutes_page
from clerkdesk.ui.pages.base_page import PageContext
from clerkdesk.ui.pages.minutes_page import (
    ATTENDANCE_TAB,
    DECLARATIONS_TAB,
    MINUTES_TAB,
    VOTES_TAB,
    MinutesPage,
)
from clerkdesk.ui.widgets import minutes_banner
from tests.conftest import DEMO_TODAY
from tests.services.test_minutes_fixtures import build_cyp
from tests.ui.activation import activate
from tests.ui.helpers import column_texts
from tests.ui.test_minute_editor import stored, type_text

HOUSING = "Housing Related Support Services"
AMENDMENT = "Minute 212: 'Whitlock House' be amended to read 'Whitworth House'."


@pytest.fixture
def cyp(services, make):
    return build_cyp(services, make)


@pytest.fixture
def open_page(qtbot, services, make_page):
    def create(meeting=None, committee=None):
        shown = make_page(MinutesPage, PageContext(services, today=lambda: DEMO_TODAY))
        if meeting is not None:
            shown.select_meeting(meeting.committee_id, meeting.id)
        activate(qtbot, shown)
        return shown

    return create


@pytest.fixture
def page(open_page, cyp):
    return open_page(cyp.may)


def press(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


def select_minute(page, title_start: str) -> None:
    titles = column_texts(page.minutes_model, TITLE)
    page.minutes_table.select_row(next(i for i, t in enumerate(titles)
                                       if t.startswith(title_start)))


def grid_row(page, surname: str) -> int:
    names = column_texts(page.attendance.model, NAME)
    row = next(i for i, name in enumerate(names) if name.endswith(surname))
    page.attendance.view.setFocus()
    page.attendance.view.setCurrentIndex(page.attendance.model.index(row, NAME))
    return row


def prepared(services, cyp):
    """May's attendance taken and its minutes created, as earlier steps leave them."""
    cyp.mark_may_attendance()
    services.minutes.create_from_agenda(cyp.may.id)
    return cyp


# -- choosing the meeting ----------------------------------------------------------------------


def test_the_latest_held_meeting_comes_first(services, cyp, open_page):
    later = cyp.meeting(date(2030, 1, 8))  # not held yet: not offered
    assert later.date > DEMO_TODAY
    page = open_page()
    assert page.meeting_combo.currentText() == "Tue 09 Jul 2019"  # nothing marked held
    assert [page.meeting_combo.itemText(i) for i in range(page.meeting_combo.count())] == [
        "Tue 09 Jul 2019", "Tue 21 May 2019", "Tue 12 Mar 2019"]
    services.meetings.update(replace(cyp.may, status=MeetingStatus.HELD))
    services.meetings.update(replace(cyp.july, status=MeetingStatus.CANCELLED))
    assert open_page().meeting_combo.currentText() == "Tue 21 May 2019"


# -- the whole job -----------------------------------------------------------------------------


def test_take_the_attendance(qtbot, page, services, cyp):
    grid = page.attendance
    assert page.tabs.currentIndex() == ATTENDANCE_TAB
    assert len(services.minutes.attendance.list(cyp.may.id)) == 12  # started from the members
    qtbot.mouseClick(grid.present_button, Qt.MouseButton.LeftButton)
    grid_row(page, "Hay")
    press(qtbot, Qt.Key.Key_A)  # apologies
    goldsack = grid_row(page, "Goldsack")
    grid.model.setData(grid.model.index(goldsack, SUBSTITUTE_FOR), cyp.pid("Hay"))
    qtbot.waitUntil(lambda: column_texts(grid.model, SUBSTITUTE_FOR)[goldsack]
                    == "Councillor Anne Hay")
    downes = grid_row(page, "Downes")
    press(qtbot, Qt.Key.Key_R)  # watched remotely
    assert column_texts(grid.model, PRESENCE)[downes] == "Watched remotely"
    # Ten seats: nine in the room less Hay, plus Goldsack in her place, less Downes.
    assert grid.quorum_label.text().startswith("Quorate: 9 present, 3 needed")
    report = services.minutes.attendance.quorum(cyp.may.id)
    assert cyp.pid("Downes") not in report.counted and cyp.pid("Goldsack") in report.counted


def test_write_a_minute_and_it_is_saved_without_pressing_anything(qtbot, page, services, cyp,
                                                                  db_path):
    assert page.minutes_model.rowCount() == 0
    page.tabs.setCurrentIndex(MINUTES_TAB)
    assert page.create_button.isEnabled()
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert column_texts(page.minutes_model, NUMBER) == [str(n) for n in range(207, 218)]
    select_minute(page, HOUSING)
    minute = page.selected_minute()
    page.editor.body_edit.setFocus()
    page.editor.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, page.editor.body_edit, "The Committee received a report.\n\n"
                                            "- Members asked about the pilot;")
    qtbot.waitUntil(lambda: stored(db_path, minute.id).endswith("asked about the pilot;"),
                    timeout=5000)
    assert page.editor.saved_label.text().startswith("Saved ")


def test_switching_minutes_saves_at_once(qtbot, services, cyp, db_path, open_page):
    prepared(services, cyp)
    page = open_page(cyp.may)
    page.tabs.setCurrentIndex(MINUTES_TAB)
    select_minute(page, HOUSING)
    housing = page.selected_minute()
    page.editor.body_edit.setFocus()
    qtbot.keyClicks(page.editor.body_edit, "Typed just now. ")
    select_minute(page, "Community Short Breaks")  # before the autosave timer fires
    assert stored(db_path, housing.id).startswith("Typed just now. ")
    select_minute(page, HOUSING)
    assert page.editor.body_edit.toPlainText().startswith("Typed just now. ")


def test_ctrl_s_saves_now(qtbot, services, cyp, db_path, open_page):
    prepared(services, cyp)
    page = open_page(cyp.may)
    page.tabs.setCurrentIndex(MINUTES_TAB)
    select_minute(page, HOUSING)
    page.editor.resolution_edit.setFocus()
    qtbot.keyClicks(page.editor.resolution_edit, "to note the report.")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored(db_path, page.selected_minute().id, "resolution") == "to note the report."


def test_leaving_the_page_and_closing_the_window_save(qtbot, services, cyp, db_path):
    prepared(services, cyp)
    window = MainWindow(services, today=lambda: DEMO_TODAY,
                        pages=(PageSpec("Minutes", MinutesPage),))
    qtbot.addWidget(window)
    window.show()
    page = window.current_page()
    page.select_meeting(cyp.committee.id, cyp.may.id)
    page.tabs.setCurrentIndex(MINUTES_TAB)
    select_minute(page, HOUSING)
    minute_id = page.selected_minute().id
    qtbot.keyClicks(page.editor.body_edit, "Before the window closed. ")
    window.close()
    assert stored(db_path, minute_id).startswith("Before the window closed. ")


def test_declaration_action_and_vote_on_a_minute(qtbot, services, cyp, open_page, monkeypatch):
    prepared(services, cyp)
    page = open_page(cyp.may)
    page.tabs.setCurrentIndex(MINUTES_TAB)
    select_minute(page, "Free School")
    free_schools = page.selected_minute()

    def ask(parent, services_, meeting_id, declaration=None, agenda_item_id=None):
        return services.minutes.declarations.add(Declaration(
            None, meeting_id, cyp.pid("Every"), agenda_item_id, InterestType.NON_REGISTRABLE,
            "as the Chair of Governors for a Cambridge Meridian Academies Trust school",
            action=DeclarationAction.LEFT_ROOM))

    monkeypatch.setattr(DeclarationDialog, "ask", ask)
    page.details.setCurrentIndex(DECLARATIONS_TAB)
    qtbot.mouseClick(page.declarations.add_button, Qt.MouseButton.LeftButton)
    [declared] = services.minutes.declarations.list(cyp.may.id)
    assert declared.agenda_item_id == free_schools.agenda_item_id  # the minute's own item
    # The votes panel heard about it: Every may no longer vote on this item.
    assert "Councillor Lis Every (left the room" in page.votes.eligibility_label.text()
    actions = page.editor.actions_panel
    actions.post_edit.setText("Service Director – Education")  # QTest types ASCII only
    qtbot.keyClicks(actions.text_edit, "Report back on the Wave 13 bids")
    qtbot.mouseClick(actions.add_button, Qt.MouseButton.LeftButton)
    assert [a.responsible for a in services.minutes.actions.for_minute(free_schools.id)] == [
        "Service Director – Education"]
    page.details.setCurrentIndex(VOTES_TAB)
    page.votes.for_spin.setValue(7)
    page.votes.abstain_spin.setValue(1)
    qtbot.mouseClick(page.votes.save_button, Qt.MouseButton.LeftButton)
    [vote] = services.minutes.votes.for_minute(free_schools.id)
    assert (vote.for_count, vote.against_count, vote.abstentions) == (7, 0, 1)


def test_publish_approve_and_then_nothing_can_change(qtbot, services, cyp, db_path, open_page,
                                                     monkeypatch, shown_errors):
    prepared(services, cyp)
    page = open_page(cyp.may)
    page.tabs.setCurrentIndex(MINUTES_TAB)
    select_minute(page, HOUSING)
    housing = page.selected_minute()
    questions = []
    monkeypatch.setattr(minutes_banner, "ask_yes_no",
                        lambda parent, title, text: questions.append(title) or True)
    page.editor.body_edit.setFocus()
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier
          | Qt.KeyboardModifier.ShiftModifier)
    assert questions == ["Publish the draft minutes"]
    assert services.minutes.state(cyp.may.id).status is MinutesStatus.PUBLISHED
    assert page.banner.status_label.text().startswith("<b>Published draft</b>")
    assert not page.new_button.isEnabled() and not page.create_button.isEnabled()
    assert not page.editor.body_edit.isReadOnly()  # the words may still be corrected
    asked = []

    def approve(parent, services_, meeting_id):
        asked.append(meeting_id)
        return services.minutes.lifecycle.approve(meeting_id, cyp.july.id, [AMENDMENT])

    monkeypatch.setattr(ApproveMinutesDialog, "ask", approve)
    qtbot.mouseClick(page.banner.approve_button, Qt.MouseButton.LeftButton)
    assert asked == [cyp.may.id]
    assert page.banner.status_label.text().startswith(
        "<b>Approved</b> at the meeting on 09 Jul 2019 (minute 218): locked.")
    # Locked: nothing typed gets in, and what reaches the service is refused, visibly.
    before = stored(db_path, housing.id)
    assert page.editor.body_edit.isReadOnly() and page.editor.title_edit.isReadOnly()
    assert not page.editor.unanimous_check.isEnabled()
    assert not page.declarations.add_button.isEnabled()
    assert not page.votes.save_button.isEnabled()
    assert not page.editor.actions_panel.add_button.isEnabled()
    page.editor.body_edit.setFocus()
    qtbot.keyClicks(page.editor.body_edit, "A late change")
    assert page.editor.body_edit.toPlainText() == before
    page.new_record()  # Ctrl+N, as the main window routes it
    page.tabs.setCurrentIndex(ATTENDANCE_TAB)
    grid_row(page, "Bywater")
    press(qtbot, Qt.Key.Key_X)
    assert [type(e) for e in shown_errors] == [LockedError, LockedError]
    assert "cannot be changed" in shown_errors[0].message
    assert stored(db_path, housing.id) == before
    assert len(services.minutes.list(cyp.may.id)) == 11
    assert services.minutes.attendance.find(cyp.may.id, cyp.pid("Bywater")).presence is \
        Presence.PRESENT


def test_sign_as_the_chair_of_the_approving_meeting(qtbot, services, cyp, open_page,
                                                    monkeypatch):
    prepared(services, cyp)
    services.minutes.lifecycle.publish(cyp.may.id)
    services.minutes.lifecycle.approve(cyp.may.id, cyp.july.id)
    services.minutes.attendance.start(cyp.july.id, presence=Presence.PRESENT)
    page = open_page(cyp.may)
    questions = []
    monkeypatch.setattr(minutes_banner, "ask_yes_no",
                        lambda parent, title, text: questions.append(text) or True)
    qtbot.mouseClick(page.banner.sign_button, Qt.MouseButton.LeftButton)
    assert questions == ["Record the minutes as signed by Councillor Simon Bywater on "
                         "09 Jul 2019?"]
    state = services.minutes.state(cyp.may.id)
    assert (state.status, state.signed_by_id, state.signed_on) == (
        MinutesStatus.SIGNED, cyp.pid("Bywater"), date(2019, 7, 9))
    assert "<b>Signed</b> by Councillor Simon Bywater on 09 Jul 2019." in \
        page.banner.status_label.text()
    assert not page.banner.sign_button.isEnabled()


def test_history_with_ctrl_h(qtbot, page, cyp, monkeypatch):
    opened = []
    monkeypatch.setattr(MinutesHistoryDialog, "ask",
                        lambda parent, services_, meeting_id, heading="": opened.append(
                            meeting_id))
    page.attendance.view.setFocus()
    press(qtbot, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert opened == [cyp.may.id]


# -- the list of minutes -----------------------------------------------------------------------


def test_new_number_renumber_and_delete(qtbot, services, cyp, open_page, monkeypatch,
                                        answer_delete):
    prepared(services, cyp)
    page = open_page(cyp.may)
    page.new_record()
    assert page.tabs.currentIndex() == MINUTES_TAB
    assert column_texts(page.minutes_model, NUMBER)[-1] == "218"
    assert page.editor.title_edit.hasFocus() and page.editor.title_edit.selectedText() == \
        "New minute"
    qtbot.keyClicks(page.editor.title_edit, "Exclusion of the press and public")
    monkeypatch.setattr(minutes_page, "ask_number", lambda parent, current: 230)
    qtbot.mouseClick(page.number_button, Qt.MouseButton.LeftButton)
    assert column_texts(page.minutes_model, NUMBER)[-1] == "230"
    assert column_texts(page.minutes_model, TITLE)[-1] == "Exclusion of the press and public"
    qtbot.mouseClick(page.renumber_button, Qt.MouseButton.LeftButton)
    assert column_texts(page.minutes_model, NUMBER)[-1] == "218"
    services.minutes.actions.add(page.selected_minute().id, "Democratic Services Officer",
                                 "Check the exempt paragraph")
    questions = answer_delete(True)
    page.minutes_table.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    assert questions == [("Minute 218 (Exclusion of the press and public)", ["1 action"])]
    assert page.minutes_model.rowCount() == 11
    assert page.selected_minute() is not None  # the editor is never left empty


def test_ctrl_n_in_the_window_adds_a_minute(qtbot, services, cyp):
    prepared(services, cyp)
    window = MainWindow(services, today=lambda: DEMO_TODAY,
                        pages=(PageSpec("Minutes", MinutesPage),))
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    page = window.current_page()
    page.select_meeting(cyp.committee.id, cyp.may.id)
    page.minutes_table.setFocus()
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert [m.title for m in services.minutes.list(cyp.may.id)][-1] == "New minute"


def test_a_meeting_with_nothing_on_its_agenda(qtbot, services, cyp, open_page):
    page = open_page(cyp.march)
    page.tabs.setCurrentIndex(MINUTES_TAB)
    messages = []
    page.message.connect(messages.append)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert messages == ["Every agenda item already has a minute (or the agenda is empty)."]
    assert not page.delete_button.isEnabled() and page.editor.body_edit.isReadOnly()



def test_approved_in_another_window_while_typing_then_switching(qtbot, services, cyp, db_path,
                                                                open_page, shown_errors):
    prepared(services, cyp)
    page = open_page(cyp.may)
    page.tabs.setCurrentIndex(MINUTES_TAB)
    select_minute(page, HOUSING)
    housing = page.selected_minute()
    before = stored(db_path, housing.id)
    services.minutes.lifecycle.publish(cyp.may.id)
    services.minutes.lifecycle.approve(cyp.may.id, cyp.july.id)  # behind the page's back
    page.editor.body_edit.setFocus()
    qtbot.keyClicks(page.editor.body_edit, "Typed after approval")
    select_minute(page, "Community Short Breaks")  # saving on the way out is refused
    assert [type(e) for e in shown_errors] == [LockedError]
    assert stored(db_path, housing.id) == before
    assert page.editor.body_edit.isReadOnly()  # and everything is read-only from now on
    assert page.banner.status_label.text().startswith("<b>Approved</b>")
    assert not page.attendance.officer_button.isEnabled()


def test_an_empty_database_shows_an_empty_page(context, open_page):
    page = open_page()
    assert page.banner.status_label.text() == "Choose a meeting."
    assert not page.banner.publish_button.isEnabled() and not page.new_button.isEnabled()
    assert page.attendance.quorum_label.text() == "Choose a meeting to take its attendance."
    page.new_record()  # Ctrl+N with nothing chosen: nothing happens, nothing breaks
