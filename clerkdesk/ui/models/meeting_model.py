"""The meetings table, dates and times in UK style on the London clock."""

from __future__ import annotations

from clerkdesk.domain.committees import Committee
from clerkdesk.domain.meetings import Meeting
from clerkdesk.ui.formatting import meeting_time
from clerkdesk.ui.models.table_model import Column, RecordTableModel

START, COMMITTEE, VENUE, KIND, STATUS = range(5)


class MeetingTableModel(RecordTableModel):
    def __init__(self, parent=None):
        self._committee_names: dict[int, str] = {}
        super().__init__(
            [
                Column("Date and time", lambda m: meeting_time(m.start),
                       sort_key=lambda m: m.start.timestamp()),
                Column("Committee", self.committee_name),
                Column("Venue", lambda m: m.venue),
                Column("Kind", lambda m: m.kind.value.capitalize()),
                Column("Status", lambda m: m.status.value.capitalize()),
            ],
            parent,
        )

    def set_meetings(self, meetings: list[Meeting], committees: list[Committee]) -> None:
        self._committee_names = {committee.id: committee.name for committee in committees}
        self.set_records(meetings)

    def committee_name(self, meeting: Meeting) -> str:
        return self._committee_names.get(meeting.committee_id, "")
