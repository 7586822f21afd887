"""The Actions page on the demo council: filters, a progress update in keystrokes, status,
completion, adding an action, and exporting the action log."""

from __future__ import annotations

import docx
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialogButtonBox

from clerkdesk.domain.actions import ActionStatus, Month
from clerkdesk.domain.due import DueState
from clerkdesk.errors import ValidationError
from clerkdesk.ui.dialogs.action_dialog import ActionDialog
from clerkdesk.ui.dialogs.action_status_dialog import ActionStatusDialog
from clerkdesk.ui.dialogs.action_update_dialog import ActionUpdateDialog
from clerkdesk.ui.models.action_model import TARGET
from clerkdesk.ui.models.deadline_model import COLOURS
from clerkdesk.ui.pages import actions_page
from clerkdesk.ui.pages.actions_page import ALL, ActionsPage
from tests.conftest import DEMO_TODAY
from tests.ui.helpers import when_dialog_opens


@pytest.fixture
def answer_dialog():
    """``answer_dialog(handle)``: ``handle`` the next modal dialog. If it fails or leaves the
    dialog open, the dialog is closed (so the run cannot hang) and the failure fails the
    test afterwards, outside Qt's event loop where it would only be printed."""
    failures = []

    def answer(handle) -> None:
        def safely(dialog):
            try:
                handle(dialog)
            except BaseException as exc:
                failures.append(exc)
            if dialog.isVisible():
                dialog.reject()

        when_dialog_opens(safely)

    yield answer
    if failures:
        raise failures[0]


@pytest.fixture
def page(make_page, demo_context):
    return make_page(ActionsPage, demo_context)


@pytest.fixture
def cyp(demo):
    return demo.committees.by_code("CYP")


def shown(page):
    return [page.proxy.record_at(row) for row in range(page.proxy.rowCount())]


def select(page, predicate):
    action = next(a for a in shown(page) if predicate(a))
    assert page.select_id(action.id)
    return action


def choose(combo, value):
    combo.setCurrentIndex(combo.findData(value))  # as the clerk would: signals fire


def focus_table(qtbot, page):
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)  # shortcuts reach only the active window
    page.table.setFocus()


def test_open_actions_by_default_then_each_filter(page, demo, cyp):
    everything = [a for c in demo.committees.list() for a in demo.actions.for_committee(c.id)]
    assert {a.id for a in shown(page)} == {a.id for a in everything if not a.is_closed}
    choose(page.committee_combo, cyp.id)
    assert shown(page) and {a.committee_id for a in shown(page)} == {cyp.id}
    choose(page.officer_combo, "Helena Carrick")
    assert [a.officers_text for a in shown(page)] == ["Helena Carrick", "Helena Carrick"]
    choose(page.officer_combo, "")
    choose(page.status_combo, ALL)
    assert any(a.is_closed for a in shown(page))
    choose(page.status_combo, ActionStatus.NO_LONGER_REQUIRED.value)
    assert [a.status for a in shown(page)] == [ActionStatus.NO_LONGER_REQUIRED]
    choose(page.status_combo, ALL)
    page.overdue_check.setChecked(True)
    overdue = shown(page)
    assert overdue and all(a.target_date < DEMO_TODAY and not a.is_closed for a in overdue)
    page.set_filters()
    assert len(shown(page)) == len([a for a in everything if not a.is_closed])


def test_search_also_finds_words_in_progress_updates(page):
    page.search_edit.setText("census")
    assert [a.text for a in shown(page)] == [
        "To provide a note on pupil place forecasts for the Fenchester area."]


def test_target_dates_say_and_show_when_they_are_overdue_or_due_soon(page):
    texts = {}
    for row in range(page.proxy.rowCount()):
        action = page.proxy.record_at(row)
        index = page.proxy.index(row, TARGET)
        texts[page.model.state(action)] = (index.data(), index.data(Qt.ItemDataRole
                                                                  .BackgroundRole))
    text, brush = texts[DueState.OVERDUE]
    assert text.endswith("(overdue)") and brush.color() == QColor(COLOURS["overdue"])
    text, brush = texts[DueState.DUE_SOON]
    assert text.endswith("(due soon)") and brush.color() == QColor(COLOURS["soon"])
    assert texts[DueState.NOT_YET_DUE][1] is None


@pytest.mark.real_dialogs
@pytest.mark.parametrize("key", [(Qt.Key.Key_U, Qt.KeyboardModifier.NoModifier),
                                 (Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)])
def test_an_update_in_keystrokes_dated_today(qtbot, answer_dialog, page, demo, key):
    action = select(page, lambda a: a.minute_number == "43")
    focus_table(qtbot, page)
    opened = []

    def type_and_enter(dialog):
        opened.append((type(dialog), dialog.focusWidget() is dialog.text_edit))
        qtbot.keyClicks(dialog.text_edit, "Nine case studies & a video.")
        qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)  # saves and closes

    answer_dialog(type_and_enter)
    qtbot.keyClick(page.table, *key)
    assert opened == [(ActionUpdateDialog, True)]  # the text box has the focus
    latest = demo.actions.get(action.id).updates[-1]
    assert (latest.on, latest.text) == (DEMO_TODAY, "Nine case studies & a video.")
    assert page.selected_record().id == action.id
    assert "22.11.26: Nine case studies & a video." in page.details.toPlainText()


@pytest.mark.real_dialogs
def test_the_update_date_can_be_changed(qtbot, answer_dialog, page, demo):
    action = select(page, lambda a: a.minute_number == "43")

    def back_date(dialog):
        dialog.date_edit.setDate(dialog.date_edit.date().addDays(-2))
        qtbot.keyClicks(dialog.text_edit, "Reported at the team meeting.")
        qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Enter)

    answer_dialog(back_date)
    qtbot.mouseClick(page.update_button, Qt.MouseButton.LeftButton)
    assert demo.actions.get(action.id).updates[-1].on.day == DEMO_TODAY.day - 2


def test_u_in_the_search_box_is_just_a_letter(qtbot, page):
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.search_edit.setFocus()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_U)  # no dialog: the guard would fail the test
    assert page.search_edit.text() == "u"


def test_mark_completed_closes_the_action_today(qtbot, page, demo):
    action = select(page, lambda a: a.minute_number == "43")
    qtbot.mouseClick(page.complete_button, Qt.MouseButton.LeftButton)
    stored = demo.actions.get(action.id)
    assert (stored.status, stored.completed_on) == (ActionStatus.COMPLETED, DEMO_TODAY)
    assert action.id not in {a.id for a in shown(page)}  # only open actions are listed
    choose(page.status_combo, ALL)
    assert page.select_id(action.id)
    assert not page.complete_button.isEnabled() and not page.update_button.isEnabled()


@pytest.mark.real_dialogs
def test_set_status_to_an_expected_month_then_no_longer_required(qtbot, answer_dialog, page,
                                                                 demo):
    action = select(page, lambda a: a.minute_number == "43")

    def expect_march(dialog):
        assert isinstance(dialog, ActionStatusDialog)
        choose(dialog.status_combo, ActionStatus.EXPECTED.value)
        assert dialog.month_edit.isEnabled() and not dialog.closed_edit.isEnabled()
        dialog.month_edit.setDate(dialog.month_edit.date().addMonths(4))
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)

    answer_dialog(expect_march)
    qtbot.mouseClick(page.status_button, Qt.MouseButton.LeftButton)
    stored = demo.actions.get(action.id)
    assert (stored.status, stored.expected_completion) == (ActionStatus.EXPECTED, Month(2027, 3))
    assert stored.status_text == "Expected completion date: March 2027"

    def drop(dialog):
        choose(dialog.status_combo, ActionStatus.NO_LONGER_REQUIRED.value)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)

    answer_dialog(drop)
    qtbot.mouseClick(page.status_button, Qt.MouseButton.LeftButton)
    stored = demo.actions.get(action.id)
    assert (stored.status, stored.completed_on) == (ActionStatus.NO_LONGER_REQUIRED, DEMO_TODAY)


@pytest.mark.real_dialogs
def test_an_action_added_by_hand(qtbot, answer_dialog, page, demo, cyp):
    page.set_filters(committee_id=cyp.id)

    def fill_in(dialog):
        assert isinstance(dialog, ActionDialog)
        assert dialog.committee_combo.currentData() == cyp.id
        qtbot.keyClicks(dialog.item_edit, "Chairman's correspondence")
        qtbot.keyClicks(dialog.officers_edit, "Helena Carrick/ Democratic Services Officer")
        qtbot.keyClicks(dialog.text_edit, "To reply to the Youth Council's letter.")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)

    answer_dialog(fill_in)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    added = page.selected_record()
    assert added.text == "To reply to the Youth Council's letter."
    assert (added.meeting_id, added.raised_on) == (None, DEMO_TODAY)
    assert added.responsible[0].person_id is not None  # matched to the officer on record
    assert added.responsible[1].post == "Democratic Services Officer"
    assert added in demo.actions.for_committee(cyp.id)


def test_a_refused_change_is_shown_and_nothing_moves(page, shown_errors, monkeypatch):
    select(page, lambda a: a.minute_number == "43")
    def refuse(*_args):
        raise ValidationError("The update is empty.")

    monkeypatch.setattr(ActionUpdateDialog, "ask", refuse)
    page.add_update()
    assert [e.message for e in shown_errors] == ["The update is empty."]


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_export_the_committees_action_log(page, cyp, tmp_path, monkeypatch, fmt):
    target = tmp_path / f"log.{fmt}"
    suggested = []
    monkeypatch.setattr(actions_page, "ask_export_path",
                        lambda parent, name: suggested.append(name) or (target, fmt))
    page.set_filters(committee_id=cyp.id)
    page.export_log()
    assert suggested == ["CYP action log 2026-11-22.pdf"]
    if fmt == "pdf":
        text = " ".join(p.extract_text() for p in PdfReader(str(target)).pages)
    else:
        text = " ".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Minutes-Action Log" in text and "Minutes of the meeting on 20 October 2026" in text


def test_export_needs_a_committee(page, shown_errors, monkeypatch):
    monkeypatch.setattr(actions_page, "ask_export_path", lambda *a: pytest.fail("asked"))
    page.table.clearSelection()
    page.export_log()
    assert "Choose a committee" in shown_errors[0].message


def test_delete_asks_and_names_the_updates(page, demo, answer_delete):
    action = select(page, lambda a: a.minute_number == "43")
    asked = answer_delete(True)
    page.delete_record()
    assert asked[0][1] == ["2 progress updates"]
    assert action.id not in {a.id for a in shown(page)}


def test_an_action_following_up_a_petition_names_it(page):
    select(page, lambda a: a.minute_number == "24")
    assert "Follows up the petition: Safer crossing outside Castle Street Primary School" in \
        page.details.toPlainText()
