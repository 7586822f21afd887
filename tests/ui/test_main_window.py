"""The main window: pages, shortcuts, title and status bar, remembered geometry."""

from __future__ import annotations

import sys
from datetime import date

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from clerkdesk.ui import main_window as main_window_module
from clerkdesk.ui.dialogs.person_dialog import PersonDialog
from clerkdesk.ui.main_window import MainWindow, PageSpec
from clerkdesk.ui.pages.base_page import Page
from clerkdesk.ui.pages.people_page import PeoplePage
from clerkdesk.ui.ui_settings import ui_settings
from tests.conftest import DEMO_TODAY


@pytest.fixture
def open_window(qtbot, services, make):
    make.council(name="Fenshire County Council")

    def create(**kwargs):
        window = MainWindow(services, today=lambda: DEMO_TODAY, **kwargs)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach only the active window
        return window

    return create


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifier)


def test_title_and_status_bar_name_the_council_and_the_database(open_window, db_path):
    window = open_window()
    assert window.windowTitle() == f"Fenshire County Council — {db_path.name} — ClerkDesk"
    assert str(db_path.resolve()) in window.database_label.text()
    names = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    # Later features add pages; the home page and the first three never move.
    assert names[:4] == ["Dashboard", "Committees", "People", "Meetings"]
    assert "Agenda plan" in names


def test_ctrl_and_a_number_switches_page_and_refreshes_it(qtbot, open_window, make):
    window = open_window()
    assert window.current_page().title == "Dashboard"
    make.person(surname="Newcomer")  # added behind the page's back
    press(qtbot, window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    people = window.current_page()
    assert isinstance(people, PeoplePage)
    assert window.sidebar.currentRow() == 2
    assert [p.surname for p in people.model.records()] == ["Newcomer"]
    press(qtbot, window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().title == "Meetings"


def test_record_shortcuts_go_to_the_page_on_show(qtbot, open_window, make, monkeypatch,
                                                 answer_delete):
    person = make.person(surname="Bywater")
    window = open_window()
    window.show_page(2)
    page = window.current_page()
    page.select_id(person.id)
    page.table.setFocus()
    calls = []
    monkeypatch.setattr(PersonDialog, "ask",
                        lambda parent, services, *rest: calls.append(("ask", *rest)))

    press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_F2)
    assert calls == [("ask",), ("ask", person), ("ask", person)]

    asked = answer_delete(False)
    press(qtbot, window, Qt.Key.Key_Delete)
    assert asked == [(person.front_sheet_name, [])]

    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search_edit


def test_delete_outside_the_table_never_asks_to_delete_a_record(qtbot, open_window, make):
    """The conftest fails the test if anything asks to delete."""
    make.person()
    make.meeting()
    window = open_window()
    window.show_page(2)
    people = window.current_page()
    assert people.selected_record() is not None
    people.focus_search()
    qtbot.keyClicks(people.search_edit, "memz")  # the factories' surnames are MemberNNN
    press(qtbot, window, Qt.Key.Key_Left)
    press(qtbot, window, Qt.Key.Key_Delete)
    assert people.search_edit.text() == "mem"
    people.kind_combo.setFocus()
    press(qtbot, window, Qt.Key.Key_Delete)

    window.show_page(3)
    meetings = window.current_page()
    meetings.set_filters(start_from=date(2019, 1, 1))
    assert meetings.selected_record() is not None
    meetings.from_edit.date_edit.setFocus()
    press(qtbot, window, Qt.Key.Key_Delete)
    meetings.committee_combo.setFocus()
    press(qtbot, window, Qt.Key.Key_Delete)


def test_geometry_and_page_are_remembered_in_private_settings(qtbot, open_window,
                                                             settings_dir):
    window = open_window()
    # As small as the window may be: the offscreen test screen is only 800 pixels wide.
    window.setGeometry(QRect(0, 40, window.minimumSizeHint().width(), 640))
    before = window.geometry()
    window.show_page(3)
    window.close()
    assert (settings_dir / "ClerkDesk" / "ClerkDesk.ini").exists()
    assert ui_settings().fileName().startswith(str(settings_dir))

    again = open_window()
    assert again.size() == before.size()
    # Offscreen, Qt nudges a window wider than the test screen back by a pixel or two.
    assert abs(again.y() - before.y()) <= 4
    assert again.current_page().title == "Meetings"
    assert again.sidebar.currentRow() == 3


def test_a_fresh_window_opens_at_a_sensible_size_on_the_first_page(open_window):
    window = open_window()
    assert (window.width(), window.height()) == main_window_module.DEFAULT_SIZE
    assert window.current_page().title == "Dashboard"


def test_a_later_page_plugs_in_with_a_name_and_a_factory(open_window):
    refreshed = []

    class DashboardPage(Page):
        title = "Dashboard"

        def refresh(self):
            refreshed.append(True)

    window = open_window(pages=(PageSpec("Dashboard", DashboardPage),
                                *main_window_module.PAGES))
    assert window.current_page().title == "Dashboard"
    assert refreshed
    window.current_page().new_record()  # the defaults do nothing, harmlessly


def test_the_application_starts_and_exits_cleanly(db_path, make):
    """What `clerkdesk --exit-after-startup` does, in its own process: running
    QApplication.exec() to its end here would leave this process's Qt unable to activate
    windows for the tests that follow."""
    import subprocess

    make.council()
    make.services.close()  # the app opens the file itself (and takes its lock)
    result = subprocess.run(
        [sys.executable, "-m", "clerkdesk", "--db", str(db_path), "--exit-after-startup"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
