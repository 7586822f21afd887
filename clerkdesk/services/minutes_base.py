"""What the minutes services share: repositories, the lock check and the audit entity.

Every change to a meeting's minutes (entries, attendance, declarations, votes, life cycle)
is audited under the entity "minutes" with the meeting's id, so one query shows who changed
what in a meeting's minutes, even for minutes that were later deleted.
"""

from __future__ import annotations

from clerkdesk.documents.phrases import long_date
from clerkdesk.domain.meetings import Meeting
from clerkdesk.domain.minutes import MeetingMinutes, MinutesSettings
from clerkdesk.domain.people import Person
from clerkdesk.services.base import Service
from clerkdesk.store.agenda_repo import AgendaRepository
from clerkdesk.store.committee_repo import CommitteeRepository
from clerkdesk.store.council_repo import CouncilRepository
from clerkdesk.store.meeting_repo import MeetingRepository
from clerkdesk.store.membership_repo import MembershipRepository
from clerkdesk.store.minutes_attendance_repo import AttendanceRepository
from clerkdesk.store.minutes_repo import MinutesRepository
from clerkdesk.store.minutes_votes_repo import VotesRepository
from clerkdesk.store.people_repo import PeopleRepository

AUDIT_ENTITY = "minutes"


class MinutesBase(Service):
    def __init__(self, store):
        super().__init__(store)
        self.repo = MinutesRepository(self.db)
        self.attendance_repo = AttendanceRepository(self.db)
        self.votes_repo = VotesRepository(self.db)
        self.meetings = MeetingRepository(self.db)
        self.committees = CommitteeRepository(self.db)
        self.memberships = MembershipRepository(self.db)
        self.agenda = AgendaRepository(self.db)
        self.people = PeopleRepository(self.db)
        self.council = CouncilRepository(self.db)

    def _audited(self, action: str):
        """One transaction, audited against the meeting: ``record(meeting_id, summary)``."""
        return self._change(action, AUDIT_ENTITY)

    def meeting_label(self, meeting: Meeting) -> str:
        committee = self.committees.get(meeting.committee_id)
        return f"the {committee.name} meeting on {long_date(meeting.date)}"

    def editable_state(self, meeting_id: int, what: str) -> MeetingMinutes:
        """The meeting's minutes state; LockedError once they are approved."""
        state = self.repo.state(meeting_id)
        if state.locked:
            state.ensure_editable(what, self.meeting_label(self.meetings.get(meeting_id)))
        return state

    def open_numbers(self, meeting_id: int, what: str) -> MeetingMinutes:
        """As editable_state, and also refused once the numbers are frozen (published)."""
        state = self.repo.state(meeting_id)
        if state.numbers_frozen:
            state.ensure_numbers_open(what, self.meeting_label(self.meetings.get(meeting_id)))
        return state

    def settings_for_meeting(self, meeting_id: int) -> MinutesSettings:
        return self.repo.settings(self.meetings.get(meeting_id).committee_id)

    def person_map(self) -> dict[int, Person]:
        return {person.id: person for person in self.people.list()}

    def full_names(self) -> dict[int, str]:
        return {person.id: f"{person.title} {person.full_name}".strip()
                for person in self.people.list()}
