"""Writing a meeting's minutes: the attendance, the numbered minutes with their resolutions,
actions, votes and the meeting's declarations, and the life cycle (publish the draft,
approve at a later meeting, sign) with the history of every change.

Approved minutes are shown read-only. Anything that still reaches the service (Ctrl+N, or
Space in the attendance) is refused there, and the clerk is told why.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.meetings import Meeting, MeetingKind, MeetingStatus
from clerkdesk.domain.minutes import MeetingMinutes, Minute
from clerkdesk.ui.dialogs import confirm
from clerkdesk.ui.formatting import weekday_date
from clerkdesk.ui.models.minutes_model import TITLE, MinutesModel
from clerkdesk.ui.pages.base_page import Page, PageContext
from clerkdesk.ui.widgets.attendance_grid import AttendanceGrid
from clerkdesk.ui.widgets.combos import fill_combo, select_value
from clerkdesk.ui.widgets.declarations_panel import DeclarationsPanel
from clerkdesk.ui.widgets.minute_editor import MinuteEditor
from clerkdesk.ui.widgets.minutes_banner import MinutesBanner
from clerkdesk.ui.widgets.record_table_view import RecordTableView
from clerkdesk.ui.widgets.service_call import FAILED, attempt
from clerkdesk.ui.widgets.votes_panel import VotesPanel

ATTENDANCE_TAB, MINUTES_TAB = range(2)
ACTIONS_TAB, VOTES_TAB, DECLARATIONS_TAB = range(3)
NEW_MINUTE_TITLE = "New minute"


def ask_number(parent: QWidget, current: int) -> int | None:
    """The number the clerk wants for a minute; None if cancelled (tests patch this)."""
    number, ok = QInputDialog.getInt(parent, "Minute number", "Number:", current, 1, 99999)
    return number if ok else None


def scrolling(panel: QWidget) -> QScrollArea:
    """A panel that scrolls rather than making the window taller or wider than a 1366 x 768
    laptop screen allows."""
    area = QScrollArea()
    area.setWidget(panel)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


def meeting_label(meeting: Meeting) -> str:
    kind = "" if meeting.kind is MeetingKind.ORDINARY else f" ({meeting.kind.value})"
    return f"{weekday_date(meeting.date)}{kind}"


class MinutesPage(Page):
    title = "Minutes"

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.state: MeetingMinutes | None = None
        self.minutes_model = MinutesModel(self)
        self._build_ui()
        self._connect()

    # -- building --------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.committee_combo = QComboBox()
        self.committee_combo.setMinimumContentsLength(28)
        self.meeting_combo = QComboBox()
        self.meeting_combo.setMinimumContentsLength(22)
        top = QHBoxLayout()
        top.addWidget(QLabel("Committee:"))
        top.addWidget(self.committee_combo)
        top.addSpacing(12)
        top.addWidget(QLabel("Meeting:"))
        top.addWidget(self.meeting_combo)
        top.addStretch()
        self.editor = MinuteEditor(self.services)
        self.banner = MinutesBanner(self.services, before_change=self.save_now)
        self.attendance = AttendanceGrid(self.services)
        self.votes = VotesPanel(self.services)
        self.declarations = DeclarationsPanel(self.services)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.attendance, "&Attendance")
        self.tabs.addTab(self._build_minutes_tab(), "&Minutes")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        for keys, slot in (("Ctrl+S", self.save_now),
                           ("Ctrl+Shift+P", self.banner.publish),
                           ("Ctrl+Shift+A", self.banner.approve),
                           ("Ctrl+H", self.banner.show_history)):
            QShortcut(QKeySequence(keys), self, slot,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _build_minutes_tab(self) -> QWidget:
        self.minutes_table = RecordTableView(sortable=False)
        self.minutes_table.setModel(self.minutes_model)
        self.create_button = QPushButton("Create from agenda")
        self.create_button.setToolTip("One minute per agenda item, with the standard wording")
        self.new_button = QPushButton("New")
        self.new_button.setToolTip("A new minute after the last one (Ctrl+N)")
        self.delete_button = QPushButton("Delete…")
        self.number_button = QPushButton("Number…")
        self.number_button.setToolTip("Give the selected minute a number of your choosing")
        self.renumber_button = QPushButton("Renumber")
        self.renumber_button.setToolTip("Number the minutes consecutively in their order")
        list_buttons = QHBoxLayout()
        for button in (self.new_button, self.delete_button, self.number_button,
                       self.renumber_button):
            list_buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.create_button)
        left_layout.addWidget(self.minutes_table, 1)
        left_layout.addLayout(list_buttons)
        self.details = QTabWidget()
        self.details.addTab(scrolling(self.editor.actions_panel), "Actions")
        self.details.addTab(scrolling(self.votes), "Votes")
        self.details.addTab(scrolling(self.declarations), "Declarations of interest")
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.editor)
        right.addWidget(self.details)
        right.setSizes([520, 260])
        right.setChildrenCollapsible(False)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([330, 870])
        splitter.setStretchFactor(1, 1)
        return splitter

    def _connect(self) -> None:
        self.committee_combo.currentIndexChanged.connect(self._on_committee_changed)
        self.meeting_combo.currentIndexChanged.connect(self._on_meeting_changed)
        self.minutes_table.selectionModel().selectionChanged.connect(self._on_minute_selected)
        self.minutes_table.delete_requested.connect(self.delete_minute)
        self.minutes_table.activated.connect(lambda _index: self.edit_record())
        self.create_button.clicked.connect(self.create_from_agenda)
        self.new_button.clicked.connect(self.new_record)
        self.delete_button.clicked.connect(self.delete_minute)
        self.number_button.clicked.connect(self.set_number)
        self.renumber_button.clicked.connect(self.renumber)
        self.tabs.currentChanged.connect(lambda _index: self.save_now())
        self.editor.saved.connect(self.minutes_model.update_record)
        self.editor.status.connect(self.message.emit)
        for widget in (self.editor, self.attendance, self.banner):
            widget.locked.connect(self._load_meeting)
        self.attendance.changed.connect(self.votes.reload)
        self.declarations.changed.connect(self.votes.reload)
        self.banner.changed.connect(self._on_lifecycle_changed)

    # -- choosing the meeting --------------------------------------------------------------
    def committee_id(self) -> int | None:
        return self.committee_combo.currentData()

    def meeting_id(self) -> int | None:
        return self.meeting_combo.currentData()

    def refresh(self) -> None:
        committees = sorted(self.services.committees.list(), key=lambda c: c.name.casefold())
        fill_combo(self.committee_combo, [(c.name, c.id) for c in committees],
                   self.committee_id())
        self._fill_meetings(keep=self.meeting_id())
        self._load_meeting()

    def _fill_meetings(self, keep: int | None = None) -> None:
        """Meetings that have taken place, newest first; the latest held one chosen."""
        today = self.context.today()
        meetings = [] if self.committee_id() is None else [
            m for m in self.services.meetings.search(self.committee_id())
            if m.status is not MeetingStatus.CANCELLED
            and (m.status is MeetingStatus.HELD or m.date <= today)]
        meetings.sort(key=lambda m: m.start, reverse=True)
        held = [m for m in meetings if m.status is MeetingStatus.HELD]
        default = (held or meetings or [None])[0]
        ids = {m.id for m in meetings}
        fill_combo(self.meeting_combo, [(meeting_label(m), m.id) for m in meetings],
                   keep if keep in ids else getattr(default, "id", None))

    def select_meeting(self, committee_id: int, meeting_id: int) -> None:
        select_value(self.committee_combo, committee_id)  # refills meetings via the signal
        select_value(self.meeting_combo, meeting_id)  # and loads the meeting

    def _on_committee_changed(self, *_args) -> None:
        self._fill_meetings()
        self._load_meeting()

    def _on_meeting_changed(self, *_args) -> None:
        self._load_meeting()

    # -- loading ---------------------------------------------------------------------------
    def _load_meeting(self, select_minute_id: int | None = None) -> None:
        self.editor.save_now(explicit=False)
        current = self.selected_minute()
        keep = select_minute_id or (current.id if current else None)
        meeting_id = self.meeting_id()
        self.state = self.services.minutes.state(meeting_id) if meeting_id else None
        locked = self.state is None or self.state.locked
        self.banner.set_state(meeting_id, self.state)
        self.attendance.set_meeting(meeting_id, locked)
        self.declarations.set_meeting(meeting_id, locked)
        # The editor shows its minute again from the database (save first, above).
        self.editor.set_minute(None, read_only=True)
        minutes = self.services.minutes.list(meeting_id) if meeting_id else []
        self.minutes_model.set_records(minutes)
        if minutes:
            self.minutes_table.fit_columns(stretch=TITLE)
        row = self.minutes_model.row_of_id(keep) if keep is not None else None
        if row is None and minutes:
            row = 0
        if row is None:
            self._on_minute_selected()
        else:
            self.minutes_table.select_row(row)
        self._update_buttons()

    def selected_minute(self) -> Minute | None:
        return self.minutes_table.selected_record()

    def _on_minute_selected(self, *_args) -> None:
        listed = self.selected_minute()
        minute = self.services.minutes.get(listed.id) if listed else None  # as stored now
        locked = self.state is None or self.state.locked
        self.editor.set_minute(minute, read_only=locked)  # saves the one we are leaving
        self.votes.set_minute(minute, locked)
        self.declarations.set_agenda_item(minute.agenda_item_id if minute else None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        open_numbers = self.state is not None and not self.state.numbers_frozen
        selected = self.selected_minute() is not None
        self.create_button.setEnabled(open_numbers)
        self.create_button.setDefault(open_numbers and not self.minutes_model.rowCount())
        self.new_button.setEnabled(open_numbers)
        self.renumber_button.setEnabled(open_numbers and self.minutes_model.rowCount() > 1)
        for button in (self.delete_button, self.number_button):
            button.setEnabled(open_numbers and selected)

    def _on_lifecycle_changed(self, message: str) -> None:
        self._load_meeting()
        self.message.emit(message)

    # -- saving ----------------------------------------------------------------------------
    def save_now(self) -> bool:
        """Ctrl+S, and before anything that reads the stored text (publishing, say)."""
        return self.editor.save_now(explicit=True)

    def hideEvent(self, event: QHideEvent) -> None:
        # Another page, or the window closing: what was typed must not wait for the timer.
        self.editor.save_now(explicit=False)
        super().hideEvent(event)

    # -- changing the list of minutes ------------------------------------------------------
    def _change(self, action, message: str, select=None) -> bool:
        self.editor.save_now(explicit=False)
        result = attempt(self, action, self._load_meeting)
        if result is FAILED:
            return False
        self._load_meeting(select(result) if select else None)
        self.message.emit(message(result) if callable(message) else message)
        return True

    def create_from_agenda(self) -> None:
        meeting_id = self.meeting_id()
        if meeting_id is None:
            return

        def described(created) -> str:
            if not created:
                return "Every agenda item already has a minute (or the agenda is empty)."
            return f"Created minutes {created[0].number}–{created[-1].number} from the agenda."

        self._change(lambda: self.services.minutes.create_from_agenda(meeting_id), described,
                     lambda created: created[0].id if created else None)
        self.tabs.setCurrentIndex(MINUTES_TAB)

    def new_record(self) -> None:
        """Ctrl+N: a new minute after the last, its title ready to type over."""
        meeting_id = self.meeting_id()
        if meeting_id is None:
            return
        current = self.selected_minute()
        section = current.section if current else ""
        self.tabs.setCurrentIndex(MINUTES_TAB)
        if self._change(lambda: self.services.minutes.add(meeting_id, NEW_MINUTE_TITLE,
                                                          section=section),
                        lambda added: f"Added minute {added.number}.", lambda added: added.id):
            self.editor.title_edit.setFocus()
            self.editor.title_edit.selectAll()

    def edit_record(self) -> None:
        """Ctrl+E / F2 / Enter: into the body of the minute, or choose a presence."""
        if self.tabs.currentIndex() == ATTENDANCE_TAB:
            self.attendance.edit_current()
        elif self.votes.voters_table.hasFocus():
            self.votes.edit_current_choice()
        elif self.selected_minute() is not None:
            self.editor.body_edit.setFocus()

    def delete_record(self) -> None:
        if self.tabs.currentIndex() == ATTENDANCE_TAB:
            self.attendance.remove_selected()
        else:
            self.delete_minute()

    def delete_minute(self) -> None:
        minute = self.selected_minute()
        if minute is None:
            return
        self.editor.save_now(explicit=False)
        minutes = self.services.minutes
        consequences = [f"{len(found)} {noun}{'s' if len(found) != 1 else ''}"
                        for found, noun in ((minutes.actions.for_minute(minute.id), "action"),
                                            (minutes.votes.for_minute(minute.id), "vote"))
                        if found]
        if confirm.delete_with_confirmation(self, minute.label, consequences,
                                            lambda: minutes.delete(minute.id)):
            self._load_meeting()
            self.message.emit(f"Deleted {minute.label}.")

    def set_number(self) -> None:
        minute = self.selected_minute()
        if minute is None:
            return
        number = ask_number(self, minute.number)
        if number is not None and number != minute.number:
            self._change(lambda: self.services.minutes.set_number(minute.id, number),
                         f"Minute {minute.number} is now minute {number}.",
                         lambda saved: saved.id)

    def renumber(self) -> None:
        meeting_id = self.meeting_id()
        if meeting_id is not None:
            self._change(lambda: self.services.minutes.renumber(meeting_id),
                         "Minutes renumbered in order.")

    def focus_search(self) -> None:
        """Ctrl+F: there is no search here; go to the list of minutes instead."""
        self.tabs.setCurrentIndex(MINUTES_TAB)
        self.minutes_table.setFocus()
