"""Scheduling a meeting or changing one. Times are London wall-clock times."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from clerkdesk.domain.meetings import (
    LONDON,
    Meeting,
    MeetingKind,
    MeetingStatus,
    london_datetime,
)
from clerkdesk.errors import ValidationError
from clerkdesk.ui.dialogs.record_dialog import RecordDialog
from clerkdesk.ui.formatting import from_qdate, from_qtime, to_qdate
from clerkdesk.ui.widgets.combos import enum_choices, fill_combo, select_value
from clerkdesk.ui.widgets.date_edits import date_edit, time_edit

DEFAULT_START = QTime(10, 0)
DEFAULT_LENGTH_SECONDS = 2 * 60 * 60


class MeetingDialog(RecordDialog):
    @classmethod
    def ask(cls, parent: QWidget | None, services, meeting: Meeting | None = None,
            committee_id: int | None = None, day: date | None = None):
        """The saved Meeting, or None if the clerk cancelled.

        For a new meeting, ``committee_id`` and ``day`` preselect the committee and date.
        """
        return cls(services, meeting, committee_id, day or date.today(), parent).run()

    def __init__(self, services, meeting: Meeting | None, committee_id: int | None,
                 day: date, parent=None):
        super().__init__("Edit meeting" if meeting else "Schedule a meeting", parent)
        self.services = services
        self.original = meeting
        self.committees = sorted(services.committees.list(), key=lambda c: c.name.casefold())
        self._venue_default = ""  # the default venue of the committee chosen last
        self._build_ui(day)
        self._connect()
        if meeting is not None:
            self._load(meeting)
        else:
            select_value(self.committee_combo, committee_id)
            self._on_committee_changed()

    def _build_ui(self, day: date) -> None:
        self.committee_combo = QComboBox()
        fill_combo(self.committee_combo, [(c.name, c.id) for c in self.committees])
        self.date_edit = date_edit(day)
        self.start_edit = time_edit(DEFAULT_START)
        self.end_edit = time_edit(DEFAULT_START.addSecs(DEFAULT_LENGTH_SECONDS))
        self.end_unknown_check = QCheckBox("Not known")
        end_row = QWidget()
        end_layout = QHBoxLayout(end_row)
        end_layout.setContentsMargins(0, 0, 0, 0)
        end_layout.addWidget(self.end_edit)
        end_layout.addWidget(self.end_unknown_check)
        end_layout.addStretch()
        self.venue_edit = QLineEdit()
        self.kind_combo = QComboBox()
        fill_combo(self.kind_combo, enum_choices(MeetingKind))
        self.status_combo = QComboBox()
        fill_combo(self.status_combo, enum_choices(MeetingStatus))
        self.livestream_edit = QLineEdit()
        self.livestream_edit.setPlaceholderText("https://")
        for label, widget in (
            ("&Committee", self.committee_combo),
            ("&Date", self.date_edit),
            ("&Starts at", self.start_edit),
            ("Expected to &end at", end_row),
            ("&Venue", self.venue_edit),
            ("&Kind", self.kind_combo),
            ("S&tatus", self.status_combo),
            ("&Livestream address", self.livestream_edit),
        ):
            self.form.addRow(label, widget)
        self.setMinimumWidth(560)
        self._finish_layout()

    def _connect(self) -> None:
        self.committee_combo.currentIndexChanged.connect(self._on_committee_changed)
        self.end_unknown_check.toggled.connect(self._on_end_unknown_toggled)

    def _load(self, meeting: Meeting) -> None:
        select_value(self.committee_combo, meeting.committee_id)
        self._venue_default = self._committee_venue()
        start = meeting.start.astimezone(LONDON)
        self.date_edit.setDate(to_qdate(start.date()))
        self.start_edit.setTime(QTime(start.hour, start.minute))
        if meeting.end is None:
            self.end_unknown_check.setChecked(True)
        else:
            end = meeting.end.astimezone(LONDON)
            self.end_edit.setTime(QTime(end.hour, end.minute))
        self.venue_edit.setText(meeting.venue)
        select_value(self.kind_combo, meeting.kind.value)
        select_value(self.status_combo, meeting.status.value)
        self.livestream_edit.setText(meeting.livestream_url)

    def _committee_venue(self) -> str:
        chosen = self.committee_combo.currentData()
        return next((c.default_venue for c in self.committees if c.id == chosen), "")

    def _on_committee_changed(self) -> None:
        # Fill the venue from the committee, unless the clerk has typed one of their own.
        if self.venue_edit.text() in ("", self._venue_default):
            self.venue_edit.setText(self._committee_venue())
        self._venue_default = self._committee_venue()

    def _on_end_unknown_toggled(self, unknown: bool) -> None:
        self.end_edit.setEnabled(not unknown)

    def value(self) -> Meeting:
        day = from_qdate(self.date_edit.date())
        start = london_datetime(day, *from_qtime(self.start_edit.time()))
        end = None
        if not self.end_unknown_check.isChecked():
            end = london_datetime(day, *from_qtime(self.end_edit.time()))
        return Meeting(
            id=self.original.id if self.original else None,
            committee_id=self.committee_combo.currentData(),
            start=start,
            end=end,
            venue=self.venue_edit.text().strip(),
            kind=MeetingKind(self.kind_combo.currentData()),
            status=MeetingStatus(self.status_combo.currentData()),
            livestream_url=self.livestream_edit.text().strip(),
        )

    def _save(self, meeting: Meeting) -> Meeting:
        if meeting.committee_id is None:
            raise ValidationError("Add the committee first: every meeting belongs to one.")
        if meeting.id is None:
            return self.services.meetings.schedule(meeting)
        return self.services.meetings.update(meeting)
