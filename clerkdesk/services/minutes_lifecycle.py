"""The minutes' life cycle: publish the draft, approve at a later meeting, sign.

Approval is recorded twice: in the approved meeting's state (which locks its minutes for
good) and as a minute of the approving meeting, in the committee's wording, listing any
amendments agreed. The audit log of a meeting's minutes is the record of who changed what
before they were approved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from clerkdesk.documents.phrases import long_date
from clerkdesk.domain.attendance import attendance_problems
from clerkdesk.domain.committees import StandingItemKind
from clerkdesk.domain.meetings import LONDON, Meeting
from clerkdesk.domain.minutes import MeetingMinutes, Minute, approved, published, signed
from clerkdesk.errors import ValidationError
from clerkdesk.services.minutes_base import AUDIT_ENTITY, MinutesBase
from clerkdesk.store.audit_repo import AuditEntry, AuditRepository

if TYPE_CHECKING:
    from clerkdesk.services.minutes import MinutesService


class MinutesLifecycle(MinutesBase):
    def __init__(self, store, minutes: MinutesService):
        super().__init__(store)
        self.minutes = minutes

    def history(self, meeting_id: int) -> list[AuditEntry]:
        """Every recorded change to the meeting's minutes, oldest first."""
        self.meetings.get(meeting_id)
        return AuditRepository(self.db).for_entity(AUDIT_ENTITY, meeting_id)

    # -- publishing -----------------------------------------------------------------------
    def problems_before_publishing(self, meeting_id: int) -> list[str]:
        minutes = self.repo.for_meeting(meeting_id)
        problems = []
        if not minutes:
            problems.append("There are no minutes to publish yet.")
        problems.extend(attendance_problems(self.attendance_repo.for_meeting(meeting_id),
                                            self.full_names()))
        problems.extend(self.minutes.votes.problems(meeting_id))
        return problems

    def publish(self, meeting_id: int) -> MeetingMinutes:
        """Publish the draft: numbers freeze. Typed "(Action: ...)" lines become actions, and
        every action of the minutes goes on the committee's action log (once)."""
        meeting = self.meetings.get(meeting_id)
        state = self.repo.state(meeting_id)
        problems = self.problems_before_publishing(meeting_id)
        if problems:
            raise ValidationError(problems)
        new_state = published(state, datetime.now(UTC).astimezone(LONDON))
        with self._audited("publish") as record:
            for minute in self.repo.for_meeting(meeting_id):
                self.minutes.actions.adopt_typed(minute.id)
            self.minutes.action_log.add_meeting(meeting_id)  # the log is fed from the minutes
            self.repo.save_state(new_state)
            record(meeting_id, f"Draft minutes of {self.meeting_label(meeting)} published "
                               f"({self._number_range(meeting_id)})")
        return self.repo.state(meeting_id)

    def _number_range(self, meeting_id: int) -> str:
        numbers = sorted(m.number for m in self.repo.for_meeting(meeting_id))
        if not numbers:
            return "no minutes"
        return f"minute {numbers[0]}" if len(numbers) == 1 else \
            f"minutes {numbers[0]}-{numbers[-1]}"

    # -- approving ------------------------------------------------------------------------
    def approve(
        self, meeting_id: int, at_meeting_id: int, amendments: Iterable[str] = ()
    ) -> Minute:
        """Approve the published draft at a later meeting of the committee, with any
        amendments agreed there. Returns the approving meeting's minute that records it."""
        meeting = self.meetings.get(meeting_id)
        approving = self.meetings.get(at_meeting_id)
        amendments = tuple(a.strip() for a in amendments if a.strip())
        if approving.committee_id != meeting.committee_id:
            raise ValidationError("Minutes are approved at a later meeting of the same committee.")
        if approving.start <= meeting.start:
            raise ValidationError(
                f"Minutes are approved at a later meeting: {long_date(approving.date)} is not "
                f"after {long_date(meeting.date)}."
            )
        state = self.repo.state(meeting_id)
        if state.locked:
            state.ensure_editable("approval", self.meeting_label(meeting))
        # Checked before anything is written, so a refusal leaves both meetings untouched.
        approved(state, at_meeting_id, 0, amendments)
        wording = self.minutes.wording.previous_minutes_text(approving, meeting, amendments)
        with self._audited("approve") as record:
            minute = self._record_in(approving, meeting, wording)
            self.repo.save_state(approved(state, at_meeting_id, minute.id, amendments))
            note = f" with {len(amendments)} amendment(s)" if amendments else ""
            record(meeting_id, f"Minutes approved at {self.meeting_label(approving)} "
                               f"({minute.label}){note}")
            record(at_meeting_id, f"{minute.label} records the approval of the minutes of "
                                  f"{self.meeting_label(meeting)}")
        return self.repo.get(minute.id)

    def _record_in(self, approving: Meeting, approved_meeting: Meeting, wording: str) -> Minute:
        """Write the approval wording into the approving meeting's minutes item, or add one."""
        existing = next((m for m in self.repo.for_meeting(approving.id)
                         if m.kind == StandingItemKind.MINUTES.value), None)
        if existing is None:
            title = self.minutes.wording.previous_minutes_title(approving, approved_meeting)
            return self.minutes.add(approving.id, title, kind=StandingItemKind.MINUTES.value,
                                    body=wording)
        generated = self.minutes.wording.previous_minutes_text(approving, approved_meeting)
        body = existing.body.strip()
        # Keep what the clerk wrote after the generated sentence; keep all of a custom text.
        rest = body[len(generated):].strip() if body.startswith(generated) else body
        new_body = f"{wording}\n\n{rest}" if rest else wording
        return self.minutes.update(replace(existing, body=new_body))

    # -- signing --------------------------------------------------------------------------
    def sign(self, meeting_id: int, signed_by_id: int, signed_on: date) -> MeetingMinutes:
        """Signed by the person presiding at the approving meeting."""
        meeting = self.meetings.get(meeting_id)
        state = self.repo.state(meeting_id)
        person = self.people.get(signed_by_id)
        approved_on = (self.meetings.get(state.approved_at_meeting_id).date
                       if state.approved_at_meeting_id else signed_on)
        new_state = signed(state, signed_by_id, signed_on, approved_on)
        with self._audited("sign") as record:
            self.repo.save_state(new_state)
            record(meeting_id, f"Minutes of {self.meeting_label(meeting)} signed by "
                               f"{person.title} {person.full_name} on {long_date(signed_on)}")
        return self.repo.state(meeting_id)
