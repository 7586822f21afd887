"""Scheduling meetings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from clerkdesk.domain.calendar import format_long_date
from clerkdesk.domain.meetings import LONDON, Meeting
from clerkdesk.services.base import Service
from clerkdesk.store.committee_repo import CommitteeRepository
from clerkdesk.store.meeting_repo import MeetingRepository


class MeetingService(Service):
    def __init__(self, store):
        super().__init__(store)
        self.repo = MeetingRepository(self.db)
        self.committees = CommitteeRepository(self.db)

    def search(
        self,
        committee_id: int | None = None,
        start_from: date | None = None,
        start_to: date | None = None,
    ) -> list[Meeting]:
        return self.repo.search(committee_id, start_from, start_to)

    def get(self, meeting_id: int) -> Meeting:
        return self.repo.get(meeting_id)

    def schedule(self, meeting: Meeting) -> Meeting:
        meeting.validate()
        committee = self.committees.get(meeting.committee_id)
        if not meeting.venue and committee.default_venue:
            meeting = replace(meeting, venue=committee.default_venue)
        with self._change("schedule", "meeting") as record:
            meeting_id = self.repo.insert(meeting)
            record(meeting_id, self._summary(committee.code, meeting))
        return replace(meeting, id=meeting_id)

    def update(self, meeting: Meeting) -> Meeting:
        meeting.validate()
        self.repo.get(meeting.id)
        committee = self.committees.get(meeting.committee_id)
        with self._change("update", "meeting") as record:
            self.repo.update(meeting)
            record(meeting.id, self._summary(committee.code, meeting))
        return meeting

    def delete(self, meeting_id: int) -> None:
        meeting = self.repo.get(meeting_id)
        committee = self.committees.get(meeting.committee_id)
        with self._change("delete", "meeting") as record:
            self.repo.delete(meeting_id)
            record(meeting_id, self._summary(committee.code, meeting))

    @staticmethod
    def _summary(code: str, meeting: Meeting) -> str:
        start = meeting.start.astimezone(LONDON)
        day = format_long_date(start.date(), zero_pad=True)
        return f"{code} {day} {start:%H:%M} ({meeting.status.value})"
