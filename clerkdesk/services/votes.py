"""Recording votes on a minute, and who may be recorded as voting on it."""

from __future__ import annotations

from dataclasses import replace

from clerkdesk.domain.declarations import vocabulary, voting_bar
from clerkdesk.domain.meetings import MeetingKind
from clerkdesk.domain.minutes import Minute
from clerkdesk.domain.voting import (
    Eligibility,
    Vote,
    budget_problems,
    eligibility,
    vote_problems,
    with_counts_from_names,
)
from clerkdesk.errors import ValidationError
from clerkdesk.services.minutes_base import MinutesBase


class VoteService(MinutesBase):
    def for_minute(self, minute_id: int) -> list[Vote]:
        self.repo.get(minute_id)
        return self.votes_repo.for_minute(minute_id)

    def eligibility(self, minute_id: int) -> dict[int, Eligibility]:
        """Everyone in the attendance, and whether they may vote on this minute's item."""
        minute = self.repo.get(minute_id)
        return self._eligibility(minute)

    def _eligibility(self, minute: Minute) -> dict[int, Eligibility]:
        meeting = self.meetings.get(minute.meeting_id)
        chosen = vocabulary(self.repo.settings(meeting.committee_id).interest_vocabulary)
        education = False
        declarations = []
        if minute.agenda_item_id is not None:
            education = self.agenda.get_item(minute.agenda_item_id).education_matter
            declarations = [d for d in self.attendance_repo.declarations(meeting.id)
                            if d.agenda_item_id == minute.agenda_item_id]
        result = {}
        for attendee in self.attendance_repo.for_meeting(meeting.id):
            bars = [voting_bar(d, chosen) for d in declarations
                    if d.person_id == attendee.person_id]
            bar = next((reason for reason in bars if reason), "")
            result[attendee.person_id] = eligibility(attendee, education, bar)
        return result

    def record(self, vote: Vote) -> Vote:
        return self._save(replace(vote, id=None), "recorded")

    def update(self, vote: Vote) -> Vote:
        current = self.votes_repo.get(vote.id)
        vote = replace(vote, minute_id=current.minute_id,
                       position=vote.position or current.position)
        return self._save(vote, "changed")

    def remove(self, vote_id: int) -> None:
        vote = self.votes_repo.get(vote_id)
        minute = self.repo.get(vote.minute_id)
        self.editable_state(minute.meeting_id, "votes")
        with self._audited("vote") as record:
            self.votes_repo.delete(vote_id)
            record(minute.meeting_id, f"{minute.label}: vote removed")

    def _save(self, vote: Vote, what: str) -> Vote:
        minute = self.repo.get(vote.minute_id)
        self.editable_state(minute.meeting_id, "votes")
        vote = with_counts_from_names(vote)
        problems = vote_problems(vote, self._eligibility(minute), self.full_names())
        if problems:
            raise ValidationError(problems)
        with self._audited("vote") as record:
            if vote.id is None:
                vote_id = self.votes_repo.insert(vote)
            else:
                vote_id = vote.id
                self.votes_repo.update(vote)
            named = " by name" if vote.named else ""
            record(minute.meeting_id,
                   f"{minute.label}: vote {what}{named} ({vote.for_count} for, "
                   f"{vote.against_count} against, {vote.abstentions} abstained)")
        return self.votes_repo.get(vote_id)

    def problems(self, meeting_id: int) -> list[str]:
        """Every vote of the meeting checked again (attendance or declarations may have
        changed since), and the names a budget meeting requires."""
        meeting = self.meetings.get(meeting_id)
        names = self.full_names()
        found: list[str] = []
        for minute in self.repo.for_meeting(meeting_id):
            votes = self.votes_repo.for_minute(minute.id)
            if not votes:
                continue
            allowed = self._eligibility(minute)
            for vote in votes:
                found.extend(f"{minute.label}: {problem}"
                             for problem in vote_problems(vote, allowed, names))
                if meeting.kind is MeetingKind.BUDGET:
                    found.extend(budget_problems(vote, minute.label))
        return found
