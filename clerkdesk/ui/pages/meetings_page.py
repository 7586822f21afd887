"""Meetings, filtered by committee and a date range (London dates)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox, QLabel, QSplitter, QWidget

from clerkdesk.domain.meetings import Meeting
from clerkdesk.domain.municipal_year import year_containing
from clerkdesk.ui.dialogs.meeting_dialog import MeetingDialog
from clerkdesk.ui.formatting import meeting_time
from clerkdesk.ui.models.meeting_model import VENUE, MeetingTableModel
from clerkdesk.ui.pages.record_list_page import RecordListPage
from clerkdesk.ui.widgets.combos import fill_combo
from clerkdesk.ui.widgets.meeting_deadlines import MeetingDeadlinesPanel
from clerkdesk.ui.widgets.optional_date_edit import OptionalDateEdit

ALL_COMMITTEES = 0
# Without recorded municipal years, the list starts this far back.
FALLBACK_LOOKBACK = timedelta(days=90)


class MeetingsPage(RecordListPage):
    title = "Meetings"
    record_noun = "meeting"
    search_placeholder = "Search meetings"
    stretch_column = VENUE  # venues are long; the other columns are short
    filters_on_own_row = True

    def _create_model(self) -> MeetingTableModel:
        return MeetingTableModel(self)

    def _filter_widgets(self) -> list[QWidget]:
        today = self.context.today()
        self.committee_combo = QComboBox()
        self.committee_combo.setMinimumContentsLength(20)
        self.from_edit = OptionalDateEdit("Any", self._default_from(today), today)
        self.to_edit = OptionalDateEdit("Any", None, today + timedelta(days=365))
        return [QLabel("Committee:"), self.committee_combo, QLabel("From:"), self.from_edit,
                QLabel("To:"), self.to_edit]

    def _default_from(self, today: date) -> date:
        """The start of the current municipal year: the meetings a clerk is working on."""
        council = self.services.council.get_or_none()
        year = year_containing(today, council.municipal_year_starts) if council else None
        return year.start if year else today - FALLBACK_LOOKBACK

    def _build_body(self, table) -> QWidget:
        """The table, and beside it the selected meeting's deadlines."""
        self.deadlines_panel = MeetingDeadlinesPanel(self.services, self.context.today)
        self.deadlines_panel.changed.connect(self.message)
        splitter = QSplitter()
        splitter.addWidget(table)
        splitter.addWidget(self.deadlines_panel)
        splitter.setSizes([540, 640])  # the deadlines need room for their labels
        return splitter

    def _show_details(self, meeting: Meeting | None) -> None:
        self.deadlines_panel.set_meeting(meeting.id if meeting else None)

    def _connect(self) -> None:
        super()._connect()
        self.committee_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.from_edit.changed.connect(self._on_filter_changed)
        self.to_edit.changed.connect(self._on_filter_changed)

    def _on_filter_changed(self, *_args) -> None:
        self.refresh()

    def set_filters(self, committee_id: int | None = None, start_from: date | None = None,
                    start_to: date | None = None) -> None:
        """Set every filter at once, reloading once (for other pages and for tests)."""
        for widget in (self.committee_combo, self.from_edit, self.to_edit):
            widget.blockSignals(True)
        fill_combo(self.committee_combo, self._committee_choices(), committee_id or ALL_COMMITTEES)
        self.from_edit.set_value(start_from)
        self.to_edit.set_value(start_to)
        for widget in (self.committee_combo, self.from_edit, self.to_edit):
            widget.blockSignals(False)
        self.refresh()

    def _committee_choices(self) -> list[tuple[str, int]]:
        committees = sorted(self.services.committees.list(), key=lambda c: c.name.casefold())
        return [("All committees", ALL_COMMITTEES)] + [(c.name, c.id) for c in committees]

    def selected_committee_id(self) -> int | None:
        return self.committee_combo.currentData() or None

    def _load(self) -> None:
        # Committees may have been added or renamed on another page since the last visit.
        chosen = self.committee_combo.currentData()
        fill_combo(self.committee_combo, self._committee_choices(), chosen)
        meetings = self.services.meetings.search(
            self.selected_committee_id(), self.from_edit.value(), self.to_edit.value()
        )
        self.model.set_meetings(meetings, self.services.committees.list())

    def _ask_new(self):
        return MeetingDialog.ask(self, self.services, committee_id=self.selected_committee_id(),
                                 day=self.context.today())

    def _ask_edit(self, meeting: Meeting):
        return MeetingDialog.ask(self, self.services, meeting)

    def _describe(self, meeting: Meeting) -> str:
        return f"the {self.model.committee_name(meeting)} meeting on {meeting_time(meeting.start)}"

    def _delete(self, meeting: Meeting) -> None:
        self.services.meetings.delete(meeting.id)
