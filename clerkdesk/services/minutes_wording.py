"""Standard minutes written from the meeting's own data, in the committee's style.

The words come from the text templates (documents/phrases.py); this module gathers the
facts they need (who sent apologies, who declared what in which item, which meeting's
minutes were approved and who signed) and formats names and dates once. What it returns is
minutes markup, ready to be a minute's body; links to other minutes stay links, so a
renumbered minute is still cited by its right number.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from clerkdesk.documents.phrases import Phrases, long_date, person_words
from clerkdesk.domain import markup
from clerkdesk.domain.agenda import numbered
from clerkdesk.domain.attendance import Attendee, Capacity, Presence
from clerkdesk.domain.committees import StandingItemKind
from clerkdesk.domain.meetings import Meeting, MeetingStatus
from clerkdesk.domain.membership import Role
from clerkdesk.domain.minutes import Minute, SubstituteDisplay
from clerkdesk.domain.municipal_year import year_containing
from clerkdesk.domain.petitions import PetitionStatus
from clerkdesk.services.minutes_base import MinutesBase
from clerkdesk.store.actions_repo import ActionRepository
from clerkdesk.store.petitions_repo import PetitionRepository

DECLARATION_KINDS = (
    StandingItemKind.DECLARATIONS.value,
    StandingItemKind.APOLOGIES_AND_DECLARATIONS.value,
)


@dataclass(frozen=True)
class PetitionNote:
    """A petition to mention in the petitions minute, and the minute it is heard under."""

    subject: str  # "the future of Whitworth House"
    heard_under_minute_id: int | None = None


@dataclass(frozen=True)
class ActionLogNote:
    """One update noted under the action log minute: "Minute 207: ..."."""

    minute: str  # the number as printed, or markup.minute_link(id) for a ClerkDesk minute
    text: str


class MinutesWording(MinutesBase):
    def __init__(self, store):
        super().__init__(store)
        self._template_dir: Path | None = None  # the council's override folder, if any
        self._phrases: dict[str, Phrases] = {}  # loaded templates, by style

    @property
    def template_dir(self) -> Path | None:
        return self._template_dir

    @template_dir.setter
    def template_dir(self, folder: Path | None) -> None:
        self._template_dir = folder
        self._phrases.clear()

    def phrases(self, committee_id: int) -> Phrases:
        style = self.repo.settings(committee_id).style
        if style not in self._phrases:
            self._phrases[style] = Phrases(style, self._template_dir)
        return self._phrases[style]

    def _render(self, meeting: Meeting, name: str, **context) -> str:
        return self.phrases(meeting.committee_id).render(name, **context)

    # -- people ------------------------------------------------------------------------------
    def _words(self, person_id: int, **extra) -> dict:
        return {**person_words(self.people.get(person_id)), **extra}

    def chair_title(self, meeting: Meeting) -> str:
        """How the person presiding is called: the chair in the room, else the committee's
        chair on the day, else "Chair"."""
        for attendee in self.attendance_repo.for_meeting(meeting.id):
            if attendee.role is Role.CHAIR and attendee.in_the_room and attendee.role_title:
                return attendee.role_title
        chair = self._holder(meeting, Role.CHAIR, meeting.date)
        return chair.chair_title if chair else "Chair"

    def _holder(self, meeting: Meeting, role: Role, on):
        return next((m for m in self.memberships.for_committee(meeting.committee_id)
                     if m.role is role and m.is_current(on)), None)

    # -- attendance ---------------------------------------------------------------------------
    def attendance_context(self, meeting_id: int) -> dict:
        meeting = self.meetings.get(meeting_id)
        settings = self.repo.settings(meeting.committee_id)
        attendees = self.attendance_repo.for_meeting(meeting_id)
        people = self.person_map()
        substitute_of = {a.substitute_for_id: a.person_id for a in attendees
                         if a.substitute_for_id is not None}

        def words(attendee: Attendee, **extra) -> dict:
            return {**person_words(people[attendee.person_id]), "role_title": attendee.role_title,
                    "represents": attendee.represents, "post": attendee.post,
                    "description": attendee.description, **extra}

        def member_words(attendee: Attendee) -> dict:
            stands_in = attendee.substitute_for_id
            replaced_by = substitute_of.get(attendee.person_id)
            return words(
                attendee,
                substituting_for=person_words(people[stands_in]) if stands_in else None,
                substituted_by=person_words(people[replaced_by]) if replaced_by else None,
            )

        def pick(capacities, presence) -> list[Attendee]:
            return [a for a in attendees if a.capacity in capacities and a.presence is presence]

        members = (Capacity.MEMBER, Capacity.SUBSTITUTE)
        present = sorted(
            pick(members, Presence.PRESENT),
            key=lambda a: (_presiding_rank(a), people[a.person_id].sort_key),
        )
        return {
            "present": [member_words(a) for a in present],
            "present_co_optees": [words(a) for a in pick((Capacity.CO_OPTEE,), Presence.PRESENT)],
            "apologies": [member_words(a) for a in pick(members, Presence.APOLOGIES)],
            "apologies_co_optees": [words(a) for a in
                                    pick((Capacity.CO_OPTEE,), Presence.APOLOGIES)],
            "absent": [words(a) for a in pick(members, Presence.ABSENT)],
            "absent_co_optees": [words(a) for a in pick((Capacity.CO_OPTEE,), Presence.ABSENT)],
            "officers": [words(a) for a in pick((Capacity.OFFICER,), Presence.PRESENT)],
            "also_present": [words(a) for a in pick((Capacity.ALSO_PRESENT,), Presence.PRESENT)],
            "remote": [words(a) for a in attendees if a.presence is Presence.REMOTE],
            "substitutes_with_apologies":
                settings.substitutes is SubstituteDisplay.WITH_APOLOGIES,
        }

    def attendance_text(self, meeting_id: int) -> str:
        meeting = self.meetings.get(meeting_id)
        return self._render(meeting, "attendance", **self.attendance_context(meeting_id))

    def apologies_text(self, meeting_id: int) -> str:
        meeting = self.meetings.get(meeting_id)
        context = self.attendance_context(meeting_id)
        apologies = context["apologies"] + context["apologies_co_optees"]
        substitutions = [
            {"member": a["substituting_for"], "substitute": a}
            for a in context["present"] if a["substituting_for"]
        ]
        return self._render(meeting, "apologies", apologies=apologies,
                            substitutions=substitutions)

    # -- declarations ---------------------------------------------------------------------------
    def _item_numbers(self, meeting_id: int) -> dict[int, tuple[int, str]]:
        return {item.id: (number, item.title)
                for number, item in numbered(self.agenda.items_for(meeting_id))}

    def declarations_text(self, meeting_id: int) -> str:
        meeting = self.meetings.get(meeting_id)
        items = self._item_numbers(meeting_id)
        lines, previous_item = [], None
        for declaration in self.attendance_repo.declarations(meeting_id):
            number, title = items.get(declaration.agenda_item_id, ("", ""))
            lines.append({
                "who": self._words(declaration.person_id),
                "type": declaration.interest_type.value,
                "item_number": str(number),
                "item_title": title,
                "same_item": declaration.agenda_item_id is not None
                and declaration.agenda_item_id == previous_item,
                "nature": declaration.printed_nature,
                "sensitive": declaration.sensitive,
                "action": declaration.action.value,
                "dispensation_ref": declaration.dispensation_ref,
            })
            previous_item = declaration.agenda_item_id
        return self._render(meeting, "declarations", declarations=lines)

    def item_declarations_text(self, minute: Minute) -> str:
        """At an item, the reminder of the declarations made on it at the start."""
        if minute.agenda_item_id is None:
            return ""
        declarations_minute = next(
            (m for m in self.repo.for_meeting(minute.meeting_id)
             if m.kind in DECLARATION_KINDS and m.id != minute.id), None)
        if declarations_minute is None:
            return ""
        people, seen = [], set()
        for declaration in self.attendance_repo.declarations(minute.meeting_id):
            if declaration.agenda_item_id == minute.agenda_item_id and \
                    declaration.person_id not in seen:
                seen.add(declaration.person_id)
                people.append(self._words(declaration.person_id))
        if not people:
            return ""
        meeting = self.meetings.get(minute.meeting_id)
        return self._render(meeting, "item_declarations", people=people,
                            minute=markup.minute_link(declarations_minute.id))

    # -- chair, previous minutes, action log, petitions, call-in ---------------------------------
    def appointment_text(self, meeting_id: int) -> str:
        meeting = self.meetings.get(meeting_id)
        year = year_containing(meeting.date, self.council.year_starts())
        chair = self._holder(meeting, Role.CHAIR, meeting.date)
        if year is None or chair is None:
            return ""  # nothing to report from: the clerk writes this one
        vice = self._holder(meeting, Role.VICE_CHAIR, meeting.date)
        year_before = year.start - timedelta(days=1)

        def appointee(membership):
            before = self._holder(meeting, membership.role, year_before)
            return self._words(membership.person_id, chair_title=membership.chair_title,
                               reappointed=bool(before and before.person_id
                                                == membership.person_id))

        return self._render(meeting, "appointment_of_chair", chair=appointee(chair),
                            vice=appointee(vice) if vice else None,
                            annual_meeting=long_date(year.start))

    def previous_meeting(self, meeting: Meeting) -> Meeting | None:
        earlier = [m for m in self.meetings.search(committee_id=meeting.committee_id)
                   if m.start < meeting.start and m.status is not MeetingStatus.CANCELLED]
        return earlier[-1] if earlier else None

    def previous_minutes_text(
        self, approving: Meeting, approved: Meeting, amendments: Iterable[str] = ()
    ) -> str:
        return self._render(approving, "previous_minutes", meeting_date=long_date(approved.date),
                            chair_title=self.chair_title(approving),
                            amendments=[a.strip() for a in amendments if a.strip()])

    def previous_minutes_title(self, approving: Meeting, approved: Meeting) -> str:
        return self._render(approving, "previous_minutes_title",
                            meeting_date=long_date(approved.date))

    def action_log_text(self, meeting_id: int, updates: Iterable[ActionLogNote] = ()) -> str:
        meeting = self.meetings.get(meeting_id)
        return self._render(meeting, "action_log",
                            updates=[{"minute": u.minute, "text": u.text} for u in updates])

    def petitions_text(
        self, petitions_minute: Minute, petitions: Iterable[PetitionNote] = ()
    ) -> str:
        meeting = self.meetings.get(petitions_minute.meeting_id)
        items = self._item_numbers(meeting.id)
        here = items.get(petitions_minute.agenda_item_id, (0, ""))[0]
        notes = []
        for petition in petitions:
            note = {"subject": petition.subject, "minute": "", "next_item": False,
                    "item_number": ""}
            if petition.heard_under_minute_id is not None:
                heard = self.repo.get(petition.heard_under_minute_id)
                number = items.get(heard.agenda_item_id, (0, ""))[0]
                note.update(minute=markup.minute_link(heard.id), item_number=str(number),
                            next_item=bool(here and number == here + 1))
            notes.append(note)
        return self._render(meeting, "petitions", chair_title=self.chair_title(meeting),
                            petitions=notes)

    # -- what the registers say (fed into the standard minutes) ---------------------------------
    def action_log_notes(self, meeting: Meeting) -> list[ActionLogNote]:
        """Actions of the committee closed since its previous meeting, up to this one: the
        updates the action log minute notes ("Minute 207: ... no longer required.")."""
        previous = self.previous_meeting(meeting)
        since = previous.date if previous else None
        notes = []
        for action in ActionRepository(self.db).for_committee(meeting.committee_id):
            closed = action.completed_on
            if closed is None or closed > meeting.date or (since and closed <= since):
                continue
            latest = action.updates[-1].text if action.updates else f"{action.status_text}."
            minute = (markup.minute_link(action.minute_id) if action.minute_id
                      else action.minute_number)
            if minute:
                notes.append(ActionLogNote(minute, latest))
        return notes

    def petition_notes(self, petitions_minute: Minute) -> list[PetitionNote]:
        """The petitions before the meeting, each with the minute of the item it is taken
        with when that is another item."""
        meeting_id = petitions_minute.meeting_id
        by_item = {m.agenda_item_id: m.id for m in self.repo.for_meeting(meeting_id)
                   if m.agenda_item_id is not None}
        notes = []
        for petition in PetitionRepository(self.db).for_meeting(meeting_id):
            if petition.status in (PetitionStatus.WITHDRAWN, PetitionStatus.REJECTED):
                continue
            item = petition.agenda_item_id
            heard = by_item.get(item) if item != petitions_minute.agenda_item_id else None
            notes.append(PetitionNote(f"‘{petition.title.strip()}’", heard))
        return notes

    def call_in_text(self, meeting_id: int, decisions: Iterable[str] = ()) -> str:
        meeting = self.meetings.get(meeting_id)
        return self._render(meeting, "call_in",
                            call_ins=[{"decision": decision} for decision in decisions])

    # -- resolutions and whole bodies -----------------------------------------------------------
    def resolution_lead(self, minute: Minute) -> tuple[str, markup.Body]:
        """The style's lead-in, and what follows it. A one-sentence resolution is written
        into the lead-in ("It was resolved to note the report."), leaving nothing after."""
        meeting = self.meetings.get(minute.meeting_id)
        committee = self.committees.get(meeting.committee_id)
        body = markup.parse(minute.resolution)
        text = ""
        if len(body.blocks) == 1 and isinstance(body.blocks[0], markup.Paragraph):
            numbers = self.repo.numbers(markup.minute_references(body))
            text = markup.plain_text(body, numbers).strip()
            text = text if text.endswith((".", "!", "?")) else f"{text}."
            body = markup.Body()
        lead = self._render(meeting, "resolution", unanimous=minute.unanimous, text=text,
                            committee_name=committee.name)
        return lead, body

    def standard_body(self, minute: Minute) -> str:
        """The wording a minute of this kind starts with ("" for ordinary reports with no
        declarations to recall)."""
        kind = minute.kind
        meeting = self.meetings.get(minute.meeting_id)
        if kind == StandingItemKind.APPOINTMENT_OF_CHAIR.value:
            return self.appointment_text(meeting.id)
        if kind == StandingItemKind.APOLOGIES.value:
            return self.apologies_text(meeting.id)
        if kind == StandingItemKind.DECLARATIONS.value:
            return self.declarations_text(meeting.id)
        if kind == StandingItemKind.APOLOGIES_AND_DECLARATIONS.value:
            return f"{self.apologies_text(meeting.id)}\n\n{self.declarations_text(meeting.id)}"
        if kind == StandingItemKind.MINUTES.value:
            previous = self.previous_meeting(meeting)
            if previous is None:
                return ""
            state = self.repo.state(previous.id)
            amendments = state.amendments if state.approved_at_meeting_id == meeting.id else ()
            return self.previous_minutes_text(meeting, previous, amendments)
        if kind == StandingItemKind.ACTION_LOG.value:
            return self.action_log_text(meeting.id, self.action_log_notes(meeting))
        if kind == StandingItemKind.PETITIONS.value:
            return self.petitions_text(minute, self.petition_notes(minute))
        if kind == StandingItemKind.CALL_IN.value:
            return self.call_in_text(meeting.id)
        return self.item_declarations_text(minute)


def _presiding_rank(attendee: Attendee) -> int:
    # The chair, then the vice-chair, then everyone else alphabetically (seed 000 line 87).
    return {Role.CHAIR: 0, Role.VICE_CHAIR: 1}.get(attendee.role, 2)
