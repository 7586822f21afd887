"""Approving a meeting's published draft minutes at a later meeting of the committee.

The approving meeting records it in its own minutes ("The minutes of the meeting on ...
were approved as an accurate record ..."), listing any amendments agreed there. Only the
accuracy of the record can be corrected, never the decisions (rules.md §7); after this the
minutes are locked.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QPlainTextEdit, QWidget

from clerkdesk.domain.meetings import MeetingStatus
from clerkdesk.domain.minutes import Minute
from clerkdesk.errors import ValidationError
from clerkdesk.ui.dialogs.record_dialog import RecordDialog
from clerkdesk.ui.formatting import meeting_time, weekday_date
from clerkdesk.ui.widgets.combos import fill_combo

NO_MEETING = 0


class ApproveMinutesDialog(RecordDialog):
    @classmethod
    def ask(cls, parent: QWidget | None, services, meeting_id: int):
        """The approving meeting's minute that records the approval, or None if cancelled."""
        return cls(services, meeting_id, parent).run()

    def __init__(self, services, meeting_id: int, parent=None):
        super().__init__("Approve the minutes", parent)
        self.services = services
        self.meeting = services.meetings.get(meeting_id)
        self.committee = services.committees.get(self.meeting.committee_id)
        self.later = [m for m in services.meetings.search(self.committee.id)
                      if m.start > self.meeting.start and m.status is not MeetingStatus.CANCELLED]
        self._build_ui()

    def _build_ui(self) -> None:
        intro = QLabel(
            f"Approve the minutes of the {self.committee.name} meeting on "
            f"{weekday_date(self.meeting.date)} as an accurate record. The meeting that "
            "approves them records it in its own minutes, with any amendments agreed there. "
            "Amendments correct the record, not the decisions. After approval the minutes "
            "cannot be changed.")
        intro.setWordWrap(True)
        self.meeting_combo = QComboBox()
        fill_combo(self.meeting_combo,
                   [(meeting_time(m.start), m.id) for m in self.later]
                   or [("(no later meeting of this committee is scheduled)", NO_MEETING)])
        self.amendments_edit = QPlainTextEdit()
        self.amendments_edit.setPlaceholderText(
            "One amendment per line, e.g.\nMinute 216: 'Whitlock House' be amended to read "
            "'Whitworth House'.")
        self.amendments_edit.setMinimumHeight(110)
        self.body.insertWidget(0, intro)
        self.form.addRow("Approved &at:", self.meeting_combo)
        self.form.addRow("A&mendments:", self.amendments_edit)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Approve")
        self._finish_layout()
        self.resize(560, self.sizeHint().height())

    def value(self) -> tuple[int, list[str]]:
        lines = [line.strip() for line in self.amendments_edit.toPlainText().splitlines()]
        return self.meeting_combo.currentData() or NO_MEETING, [line for line in lines if line]

    def _save(self, value: tuple[int, list[str]]) -> Minute:
        at_meeting_id, amendments = value
        if at_meeting_id == NO_MEETING:
            raise ValidationError(
                "Minutes are approved at a later meeting of the same committee, and none is "
                "scheduled: add it on the Meetings page first.")
        return self.services.minutes.lifecycle.approve(self.meeting.id, at_meeting_id,
                                                       amendments)
