"""Choosing one meeting: a committee, then one of its meetings (by default its next one).

Refilling keeps the clerk's choice when it still exists; otherwise the committee's next
meeting that is not cancelled (or its last, if none is ahead) is chosen, which is the
agenda a clerk is most likely working on.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from clerkdesk.domain.meetings import Meeting, MeetingKind, MeetingStatus
from clerkdesk.ui.formatting import meeting_time
from clerkdesk.ui.widgets.combos import fill_combo, select_value


def meeting_label(meeting: Meeting) -> str:
    """ "Thu 10 Dec 2026 10:00 (extraordinary)": the kind or status only when unusual."""
    notes = []
    if meeting.kind is not MeetingKind.ORDINARY:
        notes.append(meeting.kind.value)
    if meeting.status is not MeetingStatus.SCHEDULED:
        notes.append(meeting.status.value)
    return meeting_time(meeting.start) + (f" ({', '.join(notes)})" if notes else "")


def next_meeting(meetings: list[Meeting], today: date) -> Meeting | None:
    ahead = [m for m in meetings if m.date >= today and m.status is not MeetingStatus.CANCELLED]
    return ahead[0] if ahead else (meetings[-1] if meetings else None)


class MeetingPicker(QWidget):
    changed = Signal()  # another meeting (or none) is chosen, by the clerk or a refill

    def __init__(self, services, today: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.today = today
        self.committee_combo = QComboBox()
        self.committee_combo.setMinimumContentsLength(24)
        self.meeting_combo = QComboBox()
        self.meeting_combo.setMinimumContentsLength(26)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, combo in (("&Committee:", self.committee_combo),
                            ("&Meeting:", self.meeting_combo)):
            label = QLabel(text)
            label.setBuddy(combo)
            layout.addWidget(label)
            layout.addWidget(combo)
        self.committee_combo.currentIndexChanged.connect(self._on_committee_changed)
        self.meeting_combo.currentIndexChanged.connect(lambda _index: self.changed.emit())

    def committee_id(self) -> int | None:
        return self.committee_combo.currentData()

    def meeting_id(self) -> int | None:
        return self.meeting_combo.currentData()

    def reload(self) -> None:
        """Refill both lists quietly (committees and meetings may have changed elsewhere)."""
        committees = sorted(self.services.committees.list(), key=lambda c: c.name.casefold())
        fill_combo(self.committee_combo, [(c.name, c.id) for c in committees],
                   self.committee_id())
        self._fill_meetings(self.meeting_id())

    def show_meeting(self, meeting_id: int) -> None:
        meeting = self.services.meetings.get(meeting_id)
        self.committee_combo.blockSignals(True)
        select_value(self.committee_combo, meeting.committee_id)
        self.committee_combo.blockSignals(False)
        self._fill_meetings(meeting_id)
        self.changed.emit()

    def _fill_meetings(self, keep: int | None) -> None:
        committee_id = self.committee_id()
        meetings = self.services.meetings.search(committee_id) if committee_id else []
        if keep not in {m.id for m in meetings}:
            chosen = next_meeting(meetings, self.today())
            keep = chosen.id if chosen else None
        fill_combo(self.meeting_combo, [(meeting_label(m), m.id) for m in meetings], keep)

    def _on_committee_changed(self, _index: int) -> None:
        self._fill_meetings(None)
        self.changed.emit()
