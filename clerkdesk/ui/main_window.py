"""The main window: a sidebar of pages, the page on show, and the shortcuts they share.

Pages plug in through ``PAGES``: a name for the sidebar and a factory taking a
``PageContext``. The window routes New/Edit/Delete/Find to whichever page is on screen and
refreshes a page each time it is shown, so a change made on one page is seen on the next.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from clerkdesk.ui.dialogs.calendar_settings_dialog import CalendarSettingsDialog
from clerkdesk.ui.dialogs.council_dialog import CouncilDialog
from clerkdesk.ui.dialogs.deadline_calculator import DeadlineCalculatorDialog
from clerkdesk.ui.dialogs.export_actions import export_calendar, export_everything
from clerkdesk.ui.pages.actions_page import ActionsPage
from clerkdesk.ui.pages.agenda_page import AgendaPage
from clerkdesk.ui.pages.agenda_plan_page import AgendaPlanPage
from clerkdesk.ui.pages.base_page import Page, PageContext
from clerkdesk.ui.pages.committees_page import CommitteesPage
from clerkdesk.ui.pages.dashboard_page import DashboardPage
from clerkdesk.ui.pages.meetings_page import MeetingsPage
from clerkdesk.ui.pages.minutes_page import MinutesPage
from clerkdesk.ui.pages.people_page import PeoplePage
from clerkdesk.ui.pages.petitions_page import PetitionsPage
from clerkdesk.ui.ui_settings import ui_settings

GEOMETRY_KEY = "main_window/geometry"
PAGE_KEY = "main_window/page"
DEFAULT_SIZE = (1280, 800)
SIDEBAR_WIDTH = 170


@dataclass(frozen=True)
class PageSpec:
    name: str
    factory: Callable[[PageContext], Page]


# The sidebar, in order. Ctrl+1, Ctrl+2 ... follow this order.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("Dashboard", DashboardPage),  # the home page: what is due
    PageSpec("Committees", CommitteesPage),
    PageSpec("People", PeoplePage),
    PageSpec("Meetings", MeetingsPage),
    PageSpec("Agenda", AgendaPage),
    PageSpec("Minutes", MinutesPage),
    PageSpec("Agenda plan", AgendaPlanPage),
    PageSpec("Actions", ActionsPage),
    PageSpec("Petitions", PetitionsPage),
)


class MainWindow(QMainWindow):
    def __init__(self, services, *, today: Callable[[], date] | None = None,
                 pages: Sequence[PageSpec] = PAGES):
        super().__init__()
        self.services = services
        self.context = PageContext(services, today or date.today)
        self.page_specs = tuple(pages)
        self.pages: list[Page] = []
        self._build_ui()
        self._create_actions()
        self._connect()
        self.update_title()
        self._restore_state()

    # -- building --------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.sidebar = QListWidget()
        self.sidebar.setFixedWidth(SIDEBAR_WIDTH)
        # Roomier than a plain list: the sidebar is the app's main navigation.
        self.sidebar.setStyleSheet(
            "QListWidget { outline: 0; } QListWidget::item { padding: 6px 8px; }"
        )
        self.stack = QStackedWidget()
        for spec in self.page_specs:
            page = spec.factory(self.context)
            self.pages.append(page)
            self.stack.addWidget(page)
            self.sidebar.addItem(spec.name)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.database_label = QLabel(f"Database: {self.services.store.path}")
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.database_label)

    def _create_actions(self) -> None:
        def action(text: str, shortcuts, slot) -> QAction:
            created = QAction(text, self)
            created.setShortcuts([QKeySequence(s) for s in shortcuts])
            created.triggered.connect(slot)
            self.addAction(created)  # shortcuts work even with the menu bar hidden
            return created

        self.quit_action = action("&Quit", [QKeySequence.StandardKey.Quit], self.close)
        self.new_action = action("&New…", ["Ctrl+N"], lambda: self.current_page().new_record())
        self.edit_action = action("&Edit…", ["Ctrl+E", "F2"],
                                  lambda: self.current_page().edit_record())
        self.delete_action = action("&Delete…", [QKeySequence.StandardKey.Delete],
                                    lambda: self.current_page().delete_record())
        # The menu shows "Del", but the key itself is handled by the tables (see
        # RecordTableView): window-wide, it would also fire while typing in a date box.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.find_action = action("&Find", [QKeySequence.StandardKey.Find],
                                  lambda: self.current_page().focus_search())
        self.page_actions = [
            action(f"&{spec.name}", [f"Ctrl+{number}"] if number <= 9 else [],
                   lambda _checked=False, index=number - 1: self.show_page(index))
            for number, spec in enumerate(self.page_specs, start=1)
        ]
        self.export_calendar_action = action(
            "Export &calendar (.ics)…", [], lambda: export_calendar(self, self.services))
        self.export_all_action = action(
            "&Export everything (exchange file)…", [],
            lambda: export_everything(self, self.services))
        self.council_action = action("Council &settings…", [], self.open_council_settings)
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.council_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_calendar_action)
        file_menu.addAction(self.export_all_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        record_menu = self.menuBar().addMenu("&Record")
        for item in (self.new_action, self.edit_action, self.delete_action, self.find_action):
            record_menu.addAction(item)
        go_menu = self.menuBar().addMenu("&Go")
        for item in self.page_actions:
            go_menu.addAction(item)
        self.calculator_action = action("Deadline &calculator…", ["Ctrl+K"],
                                        self.open_deadline_calculator)
        self.calendar_action = action("Calendar and deadline &rules…", [],
                                      self.open_calendar_settings)
        tools_menu = self.menuBar().addMenu("&Tools")
        tools_menu.addAction(self.calculator_action)
        tools_menu.addAction(self.calendar_action)

    def _connect(self) -> None:
        self.sidebar.currentRowChanged.connect(self._on_sidebar_row_changed)
        for page in self.pages:
            page.message.connect(self._on_page_message)

    # -- pages -----------------------------------------------------------------------------
    def current_page(self) -> Page:
        return self.pages[self.stack.currentIndex()]

    def _page_index(self, name: str) -> int:
        names = [spec.name for spec in self.page_specs]
        return names.index(name) if name in names else 0

    def show_page(self, index: int) -> None:
        if self.sidebar.currentRow() == index:
            self.current_page().refresh()
        else:
            self.sidebar.setCurrentRow(index)  # the slot below switches and refreshes

    def _on_sidebar_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self.pages[row].refresh()

    def open_deadline_calculator(self) -> None:
        DeadlineCalculatorDialog.ask(self, self.services, self.context.today())

    def open_calendar_settings(self) -> None:
        CalendarSettingsDialog.ask(self, self.services, self.context.today())
        self.current_page().refresh()  # deadlines on show may have moved

    def open_council_settings(self) -> None:
        if CouncilDialog.ask(self, self.services) is not None:
            self.update_title()
            self.current_page().refresh()

    def _on_page_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def update_title(self) -> None:
        council = self.services.council.get_or_none()
        name = council.name if council else "No council profile yet"
        self.setWindowTitle(f"{name} — {self.services.store.path.name} — ClerkDesk")

    # -- remembered state ------------------------------------------------------------------
    def _restore_state(self) -> None:
        settings = ui_settings()
        geometry = settings.value(GEOMETRY_KEY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(*DEFAULT_SIZE)
        self.show_page(self._page_index(str(settings.value(PAGE_KEY, ""))))

    def save_state(self) -> None:
        settings = ui_settings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(PAGE_KEY, self.page_specs[self.stack.currentIndex()].name)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
