"""Recording who attended a meeting, substitutes, and whether it was quorate."""

from __future__ import annotations

from dataclasses import replace

from clerkdesk.domain.attendance import (
    Attendee,
    Capacity,
    Presence,
    QuorumReport,
    assess_quorum,
    attendance_problems,
    attendees_from_memberships,
    seats,
)
from clerkdesk.domain.declarations import bars_for_item, vocabulary
from clerkdesk.domain.membership import Role
from clerkdesk.errors import ValidationError
from clerkdesk.services.minutes_base import MinutesBase


class AttendanceService(MinutesBase):
    def list(self, meeting_id: int) -> list[Attendee]:
        self.meetings.get(meeting_id)
        return self.attendance_repo.for_meeting(meeting_id)

    def find(self, meeting_id: int, person_id: int) -> Attendee:
        found = self.attendance_repo.find(meeting_id, person_id)
        if found is None:
            name = self.full_names().get(person_id, f"Person {person_id}")
            raise ValidationError(f"{name} is not in the attendance for this meeting.")
        return found

    def start(self, meeting_id: int, presence: Presence = Presence.ABSENT) -> list[Attendee]:
        """Add everyone on the committee on the meeting date who is not listed yet."""
        meeting = self.meetings.get(meeting_id)
        self.editable_state(meeting_id, "attendance")
        sort_keys = {person.id: person.sort_key for person in self.people.list()}
        listed = {a.person_id for a in self.attendance_repo.for_meeting(meeting_id)}
        wanted = attendees_from_memberships(
            meeting_id, self.memberships.for_committee(meeting.committee_id), sort_keys,
            meeting.date, Presence(presence),
        )
        added = [a for a in wanted if a.person_id not in listed]
        with self._audited("attendance") as record:
            position = self.attendance_repo.next_position(meeting_id)
            for offset, attendee in enumerate(added):
                self.attendance_repo.insert(replace(attendee, position=position + offset))
            record(meeting_id, f"Attendance started from the membership: {len(added)} added")
        return self.attendance_repo.for_meeting(meeting_id)

    def mark(self, meeting_id: int, person_id: int, presence: Presence) -> Attendee:
        """Present, watched remotely, apologies or absent."""
        attendee = self.find(meeting_id, person_id)
        return self._save(replace(attendee, presence=Presence(presence)),
                          f"marked {Presence(presence).value}")

    def record_substitute(
        self, meeting_id: int, substitute_id: int, for_person_id: int
    ) -> Attendee:
        """"A Walsh substituting for F Onasanya": the member sends apologies and the
        substitute sits in their place, with the member's vote."""
        meeting = self.meetings.get(meeting_id)
        member = self.find(meeting_id, for_person_id)
        if member.capacity is not Capacity.MEMBER:
            raise ValidationError("A substitute stands in for a member of the committee.")
        existing = self.attendance_repo.find(meeting_id, substitute_id)
        if existing is not None and existing.capacity is not Capacity.SUBSTITUTE:
            name = self.full_names().get(substitute_id, "That person")
            raise ValidationError(
                f"{name} is already listed as {existing.capacity.value}; remove them from the "
                "attendance first."
            )
        standing = [
            m for m in self.memberships.for_committee(meeting.committee_id)
            if m.person_id == substitute_id and m.role is Role.SUBSTITUTE
            and m.is_current(meeting.date)
        ]
        substitute = Attendee(
            id=existing.id if existing else None,
            meeting_id=meeting_id,
            person_id=substitute_id,
            capacity=Capacity.SUBSTITUTE,
            presence=Presence.PRESENT,
            role=Role.SUBSTITUTE,
            voting_scope=member.voting_scope,  # the substitute takes the member's vote
            substitute_for_id=for_person_id,
            membership_id=standing[0].id if standing else None,
            position=existing.position if existing else 0,
        )
        if member.presence is Presence.ABSENT:
            member = replace(member, presence=Presence.APOLOGIES)
        return self._save(substitute, "substituting", also=(member,))

    def add(self, attendee: Attendee) -> Attendee:
        """Add an officer, someone also present, or a remote watcher (or anyone else)."""
        if self.attendance_repo.find(attendee.meeting_id, attendee.person_id) is not None:
            name = self.full_names().get(attendee.person_id, "That person")
            raise ValidationError(f"{name} is already in the attendance for this meeting.")
        person = self.people.get(attendee.person_id)
        if attendee.capacity is Capacity.OFFICER and not attendee.post:
            attendee = replace(attendee, post=person.post)
        return self._save(replace(attendee, id=None), f"added as {attendee.capacity.value}")

    def add_officer(self, meeting_id: int, person_id: int, post: str = "") -> Attendee:
        return self.add(Attendee(None, meeting_id, person_id, Capacity.OFFICER,
                                 Presence.PRESENT, post=post))

    def add_also_present(
        self, meeting_id: int, person_id: int, description: str = "",
        presence: Presence = Presence.PRESENT,
    ) -> Attendee:
        return self.add(Attendee(None, meeting_id, person_id, Capacity.ALSO_PRESENT,
                                 presence, description=description))

    def update(self, attendee: Attendee) -> Attendee:
        current = self.attendance_repo.get(attendee.id)
        attendee = replace(attendee, meeting_id=current.meeting_id, person_id=current.person_id)
        return self._save(attendee, "changed")

    def remove(self, attendee_id: int) -> None:
        attendee = self.attendance_repo.get(attendee_id)
        self.editable_state(attendee.meeting_id, "attendance")
        remaining = [a for a in self.attendance_repo.for_meeting(attendee.meeting_id)
                     if a.id != attendee_id]
        self._check(remaining)
        name = self.full_names().get(attendee.person_id, "?")
        with self._audited("attendance") as record:
            self.attendance_repo.delete(attendee_id)
            record(attendee.meeting_id, f"Attendance: {name} removed")

    def _check(self, attendees: list[Attendee]) -> None:
        problems = attendance_problems(attendees, self.full_names())
        if problems:
            raise ValidationError(problems)

    def _save(self, attendee: Attendee, what: str, also: tuple[Attendee, ...] = ()) -> Attendee:
        attendee.validate()
        self.editable_state(attendee.meeting_id, "attendance")
        changed = {a.person_id: a for a in (attendee, *also)}
        current = self.attendance_repo.for_meeting(attendee.meeting_id)
        after = [changed.pop(a.person_id, a) for a in current] + list(changed.values())
        self._check(after)
        names = self.full_names()
        with self._audited("attendance") as record:
            for other in also:
                self.attendance_repo.update(other)
                record(other.meeting_id, f"Attendance: {names.get(other.person_id)} marked "
                                         f"{other.presence.value}")
            if attendee.id is None:
                position = self.attendance_repo.next_position(attendee.meeting_id)
                attendee_id = self.attendance_repo.insert(replace(attendee, position=position))
            else:
                attendee_id = attendee.id
                self.attendance_repo.update(attendee)
            record(attendee.meeting_id,
                   f"Attendance: {names.get(attendee.person_id)} {what}")
        return self.attendance_repo.get(attendee_id)

    # -- quorum ----------------------------------------------------------------------------
    def quorum(self, meeting_id: int, agenda_item_id: int | None = None) -> QuorumReport:
        """Whether the meeting (or, given an item, that item's business) was quorate."""
        meeting = self.meetings.get(meeting_id)
        settings = self.repo.settings(meeting.committee_id)
        seat_count = seats(settings.quorum, self.memberships.for_committee(meeting.committee_id),
                           meeting.date)
        attendees = self.attendance_repo.for_meeting(meeting_id)
        if agenda_item_id is None:
            return assess_quorum(settings.quorum, seat_count, attendees)
        item = self.agenda.get_item(agenda_item_id)
        barred = bars_for_item(self.attendance_repo.declarations(meeting_id), agenda_item_id,
                               vocabulary(settings.interest_vocabulary))
        return assess_quorum(settings.quorum, seat_count, attendees, item.education_matter,
                             barred)
