"""The dashboard: overdue, due today and due soon across committees, coloured, each line
opening its meeting's deadlines; and its place as the main window's home page."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clerkdesk.ui.dialogs.deadline_calculator import DeadlineCalculatorDialog
from clerkdesk.ui.main_window import MainWindow
from clerkdesk.ui.models.deadline_model import COLOURS
from clerkdesk.ui.pages.base_page import PageContext
from clerkdesk.ui.pages.dashboard_page import DashboardPage
from clerkdesk.ui.widgets.meeting_deadlines import MeetingDeadlinesDialog
from tests.conftest import DEMO_TODAY
from tests.ui.activation import activate
from tests.ui.helpers import column_texts


def lines(page):
    return [page.proxy.record_at(row) for row in range(page.proxy.rowCount())]


def test_demo_dashboard_lists_overdue_and_soon_in_colour(make_page, demo_context):
    page = make_page(DashboardPage, demo_context)
    assert page.heading.text() == "Today: Sunday 22 November 2026"
    assert page.summary_labels["overdue"].text() == "2 overdue"
    assert page.summary_labels["today"].text() == "0 due today"
    assert page.summary_labels["soon"].text().endswith("due in the next 10 working days")
    shown = lines(page)
    assert [line.bucket for line in shown[:2]] == ["overdue", "overdue"]
    assert {line.row.deadline.label for line in shown[:2]} == {
        "Draft reports due with Democratic Services", "Final reports due with Democratic Services"}
    assert column_texts(page.proxy, 1)[0] == "Thu 19 Nov 2026 10:00"
    assert {line.committee.code for line in shown} >= {"ET", "CYP", "AH"}
    assert "Agenda and reports published" not in column_texts(page.proxy, 2)  # despatch says it
    first = page.proxy.index(0, 0)
    assert first.data(Qt.ItemDataRole.BackgroundRole).color().name() == COLOURS["overdue"]
    last = page.proxy.index(page.proxy.rowCount() - 1, 0)
    assert last.data(Qt.ItemDataRole.BackgroundRole).color().name() == COLOURS["soon"]
    assert "Counted:" in first.data(Qt.ItemDataRole.ToolTipRole)


def test_selecting_a_line_shows_its_working(make_page, demo_context):
    page = make_page(DashboardPage, demo_context)
    assert page.explanation.toPlainText() == "" and not page.open_button.isEnabled()
    page.table.select_row(0)
    text = page.explanation.toPlainText()
    assert text.startswith("Rule: 7 clear working days before the meeting, by 10:00")
    assert "Cambridgeshire CC agenda pack" in text  # the source of the council's default


def test_enter_on_a_line_opens_its_meeting(qtbot, make_page, demo_context, monkeypatch):
    page = make_page(DashboardPage, demo_context)
    opened = []
    monkeypatch.setattr(MeetingDeadlinesDialog, "open_for",
                        lambda parent, services, today, meeting_id: opened.append(meeting_id))
    page.table.setFocus()
    page.table.select_row(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [lines(page)[0].meeting.id]
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 2


def test_search_narrows_the_lines(qtbot, make_page, demo_context):
    page = make_page(DashboardPage, demo_context)
    page.focus_search()
    qtbot.keyClicks(page.search_edit, "adults")
    assert lines(page) and all(line.committee.code == "AH" for line in lines(page))


def test_due_today_is_amber(make_page, demo):
    # Thursday 26 November 2026: the CYP meeting of 8 December has its draft reports due.
    page = make_page(DashboardPage, PageContext(demo, today=lambda: date(2026, 11, 26)))
    today = [line for line in lines(page) if line.bucket == "today"]
    assert today and page.summary_labels["today"].text() == f"{len(today)} due today"
    row = lines(page).index(today[0])
    index = page.proxy.index(row, 0)
    assert index.data() == "Due today"
    assert index.data(Qt.ItemDataRole.BackgroundRole).color().name() == COLOURS["today"]


def test_nothing_due_says_so(make_page, context):
    page = make_page(DashboardPage, context)
    assert page.empty_label.isVisible() and page.proxy.rowCount() == 0


@pytest.fixture
def window(qtbot, demo):
    shown = MainWindow(demo, today=lambda: DEMO_TODAY)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    activate(qtbot, shown)
    return shown


def test_the_dashboard_is_the_home_page_and_ctrl_k_opens_the_calculator(qtbot, window,
                                                                        monkeypatch):
    assert window.current_page().title == "Dashboard"
    assert window.sidebar.item(0).text() == "Dashboard"
    names = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert "Agenda plan" in names
    opened = []
    monkeypatch.setattr(DeadlineCalculatorDialog, "ask",
                        lambda parent, services, day: opened.append(day))
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert opened == [DEMO_TODAY]
    tools = [a.text() for a in window.menuBar().actions()]
    assert "&Tools" in tools
    assert window.calendar_action.text() == "Calendar and deadline &rules…"


def test_overdue_and_due_soon_petitions_and_actions_are_listed(make_page, demo_context):
    page = make_page(DashboardPage, demo_context)
    lines = page.due_model.records()
    kinds = {(line.kind, line.state) for line in lines}
    assert ("petition", "overdue") in kinds
    assert any(kind == "action" for kind, _ in kinds)
    assert page.due_label.text().endswith(str(len(lines)))
    first = page.due_proxy.index(0, 0)
    colour = page.due_proxy.data(first, Qt.ItemDataRole.BackgroundRole).color().name()
    assert colour in ("#f4c7c3", "#fff2b3")
    page.due_table.select_row(0)
    assert page.due_proxy.record_at(0).title in page.explanation.toPlainText()
