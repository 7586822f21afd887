"""Minutes for the demo council's held meetings, in every state, relative to ``today``.

Children and Young People (county style), its last three held meetings: the oldest two
approved at the next meeting (the approval minute is written there) and signed by the
Chairman, the latest a published draft. Attendance has apologies, a substitute
("substituting for"), co-optees present, with apologies and absent, officers and a local
member; the latest meeting has a non-registrable interest and a disclosable pecuniary
interest whose member left the room, a vote recorded by name at a member's request, a
late item and an exempt appendix referred to. Publishing feeds the action log from the
minutes' "(Action: ...)" lines: the entries the demo's log already holds for those minutes
are linked, new ones get dated progress like the rest of the log.

Adults and Health: draft minutes (not published) of its last held meeting, with a recorded
vote; at its budget meeting instead, if one has been held (names are then required).
Communities and Health Scrutiny (city style): its last two held meetings, the older
approved and signed at the later one, which is a published draft.

Deterministic for a given ``today``; a committee with too few held meetings gets fewer.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from clerkdesk.demo.minutes_text import CHS_MEETINGS, CYP_MEETINGS, DemoMinute
from clerkdesk.documents.minutes_context import clock
from clerkdesk.documents.petition_text import signatures_text, speaking_sentence
from clerkdesk.documents.phrases import long_date
from clerkdesk.domain.agenda import REPORT
from clerkdesk.domain.attendance import Presence
from clerkdesk.domain.calendar import format_uk_date
from clerkdesk.domain.committees import NumberingScheme
from clerkdesk.domain.declarations import Declaration, DeclarationAction, InterestType
from clerkdesk.domain.meetings import MeetingKind, MeetingStatus, london_datetime
from clerkdesk.domain.membership import Role
from clerkdesk.domain.minutes import SubstituteDisplay
from clerkdesk.domain.petition_privacy import public_organiser_phrase
from clerkdesk.domain.petitions import PetitionStatus
from clerkdesk.domain.voting import Choice, NamedVote, Vote

# Who was where, per meeting slot (oldest first): apologies, (substitute, for), co-optees
# with apologies, co-optees absent, officers, (also present, description).
CYP_ATTENDANCE = (
    (("Dunmore",), ("Dhillon", "Dunmore"), ("Standish",), (), ("Greenhalgh", "Carrick"), None),
    (("Eastwood",), None, ("Okonjo",), (), ("Greenhalgh", "Llewellyn", "Buckland"), None),
    (("Whitlock",), ("Mottram", "Whitlock"), ("Okonjo",), ("Standish",),
     ("Greenhalgh", "Llewellyn", "Carrick", "Wadebridge"),
     ("Adebayo", "local Member for Arbury Division")),
)
CHS_ATTENDANCE = (
    (("Newbold",), None, ("Goodhew",), (), ("Fordham",), None),
    (("Jarrold",), ("Mottram", "Jarrold"), (), ("Aziz-Malik",), ("Fordham", "Hayling"),
     ("Oakes", "Cabinet Member for Adult Social Care")),
)
CYP_CLOSES = ((16, 25), (16, 5), (16, 48))
CHS_CLOSES = ((20, 52), (21, 14))
NEW_ACTION_PROGRESS = ("Information requested from the service.",
                       "A note will be circulated to Members before the next meeting.")


def build_demo_minutes(services, committees: dict, people: dict, today: date) -> None:
    _DemoMinutes(services, committees, people, today).build()


class _DemoMinutes:
    def __init__(self, services, committees: dict, people: dict, today: date):
        self.s = services
        self.committees = committees
        self.people = people
        self.today = today

    def pid(self, surname: str) -> int:
        return self.people[surname].id

    def build(self) -> None:
        self._series("CYP", CYP_MEETINGS, CYP_ATTENDANCE, CYP_CLOSES,
                     SubstituteDisplay.IN_PRESENT_LIST)
        self._series("CHS", CHS_MEETINGS, CHS_ATTENDANCE, CHS_CLOSES,
                     SubstituteDisplay.IN_PRESENT_LIST, style="city")
        self._adults()

    # -- a committee's run of meetings ------------------------------------------------------
    def _held(self, code: str) -> list:
        meetings = self.s.meetings.search(committee_id=self.committees[code].id)
        return sorted((m for m in meetings if m.status is MeetingStatus.HELD
                       and m.date < self.today), key=lambda m: m.start)

    def _series(self, code, texts, attendance, closes, substitutes, style=None) -> None:
        committee = self.committees[code]
        settings = self.s.minutes.settings(committee.id)
        self.s.minutes.save_settings(replace(
            settings, substitutes=substitutes, style=style or settings.style,
            whipping_declarations=style == "city"))
        held = self._held(code)[-len(texts):]
        slots = [None] * (len(texts) - len(held)) + held
        previous = None
        for index, meeting in enumerate(slots):
            if meeting is None:
                continue
            meeting = self._closed_at(meeting, *closes[index])
            self._attendance(meeting, *attendance[index])
            if code == "CYP" and index == len(texts) - 1:
                self._declarations(meeting)
            written = self._write(meeting, texts[index])
            if code == "CYP" and index == len(texts) - 1:
                self._named_vote(written[41], "Councillor Barraclough", (
                    ("Ashworth", "Kettleby", "Ambrose-Smith", "Dunmore", "Eastwood", "Mottram"),
                    ("Barraclough", "Chandran", "Ives"), ("Jessop",)))
            if previous is not None:
                self.s.minutes.lifecycle.approve(previous.id, meeting.id)
                chair = self._chair(committee.id, meeting.date)
                self.s.minutes.lifecycle.sign(previous.id, chair, meeting.date)
            self._publish(meeting)
            previous = meeting
        numbers = [m.number for m in self.s.minutes.list(previous.id)] if previous else []
        if numbers and committee.numbering is NumberingScheme.RUNNING:
            # The demo's minutes are numbered to match its action log; the committee's next
            # number follows on from them, so new minutes continue the same series.
            current = self.s.committees.get(committee.id)
            self.s.committees.update(replace(current, next_minute_number=max(numbers) + 1))

    def _closed_at(self, meeting, hour: int, minute: int):
        return self.s.meetings.update(replace(meeting, end=london_datetime(meeting.date, hour,
                                                                           minute)))

    def _chair(self, committee_id: int, on: date) -> int:
        return next(m.person_id for m in self.s.memberships.for_committee(committee_id, on=on)
                    if m.role is Role.CHAIR)

    def _attendance(self, meeting, apologies, substitute, co_opted_apologies, co_opted_absent,
                    officers, also_present) -> None:
        record = self.s.minutes.attendance
        record.start(meeting.id, presence=Presence.PRESENT)
        for surname in (*apologies, *co_opted_apologies):
            record.mark(meeting.id, self.pid(surname), "apologies")
        for surname in co_opted_absent:
            record.mark(meeting.id, self.pid(surname), "absent")
        if substitute:
            record.record_substitute(meeting.id, self.pid(substitute[0]), self.pid(substitute[1]))
        for surname in officers:
            record.add_officer(meeting.id, self.pid(surname))
        if also_present:
            record.add_also_present(meeting.id, self.pid(also_present[0]), also_present[1])

    def _declarations(self, meeting) -> None:
        items = {item.title: item for item in self.s.agenda.items(meeting.id)}
        for surname, title, kind, nature, action in (
            ("Rossetti", "Free School Proposals", InterestType.NON_REGISTRABLE,
             "as a governor of St Edmund's Catholic Primary School, named in the report",
             DeclarationAction.TOOK_PART),
            ("Jessop", "Emergency Accommodation for Care Leavers",
             InterestType.DISCLOSABLE_PECUNIARY,
             "as the owner of a property let to the provider named in the report",
             DeclarationAction.LEFT_ROOM),
        ):
            item = items.get(title)
            self.s.minutes.declarations.add(Declaration(
                None, meeting.id, self.pid(surname), item.id if item else None, kind, nature,
                action=action))

    def _named_vote(self, minute, requested_by: str, names) -> None:
        choices = (Choice.FOR, Choice.AGAINST, Choice.ABSTAIN)
        self.s.minutes.votes.record(Vote(None, minute.id, requested_by=requested_by, names=tuple(
            NamedVote(self.pid(surname), choice)
            for choice, group in zip(choices, names, strict=True) for surname in group)))

    def _publish(self, meeting) -> None:
        """Publish, then give the actions it put on the log some dated progress."""
        before = {a.id for a in self.s.actions.for_meeting(meeting.id)}
        self.s.minutes.lifecycle.publish(meeting.id)
        span = (self.today - meeting.date).days
        for action in self.s.actions.for_meeting(meeting.id):
            if action.id in before:
                continue
            for part, text in enumerate(NEW_ACTION_PROGRESS, start=1):
                on = meeting.date + timedelta(days=span * part // (len(NEW_ACTION_PROGRESS) + 1))
                self.s.actions.add_update(action.id, on, text)

    # -- writing one meeting's minutes ------------------------------------------------------
    def _write(self, meeting, texts: tuple[DemoMinute, ...]) -> dict:
        previous = self.s.minutes.wording.previous_meeting(meeting)
        items = list(self.s.agenda.items(meeting.id))
        written = {}
        for text in texts:
            title = text.title.replace("{previous}", long_date(previous.date) if previous else "")
            item = self._item_for(items, title, text.kind)
            minute = self.s.minutes.add(
                meeting.id, title, section=text.section,
                kind=item.kind if item else text.kind, agenda_item_id=item.id if item else None,
                number=text.number)
            body = self._body(minute, text.body, item, meeting)
            minute = self.s.minutes.update(replace(minute, body=body, resolution=text.resolution,
                                                   unanimous=text.unanimous))
            written[minute.number] = minute
        return written

    @staticmethod
    def _item_for(items: list, title: str, kind: str):
        """The agenda item a minute is about: same title (and kind where two share a title),
        else the only standing item of the same kind. Taken items are not used twice."""
        same = [i for i in items if i.title.casefold() == title.casefold()]
        same.sort(key=lambda i: i.kind != kind)
        if not same and kind != REPORT:
            same = [i for i in items if i.kind == kind][:1]
        if same:
            items.remove(same[0])
            return same[0]
        return None

    def _body(self, minute, template: str, item, meeting) -> str:
        standard = self.s.minutes.wording.standard_body(minute)
        if not template:
            return standard
        # Made only when the text asks for them: the petitions text also links the petitions
        # to this minute.
        replacements = {
            "{standard}": lambda: standard,
            "{urgency}": lambda: _sentence_part(item.urgency_reason if item else ""),
            "{petition}": lambda: self._petitions_text(minute, meeting),
            "{next_meeting}": lambda: self._next_meeting_text(meeting),
        }
        for key, make in replacements.items():
            if key in template:
                template = template.replace(key, make())
        return "\n\n".join(part for part in template.split("\n\n") if part.strip())

    def _petitions_text(self, minute, meeting) -> str:
        scheme = self.s.petitions.scheme()
        chair_title = self.s.minutes.wording.chair_title(meeting)
        paragraphs = []
        heard = [p for p in self.s.petitions.for_meeting(meeting.id)
                 if p.status in (PetitionStatus.CONSIDERED, PetitionStatus.RESPONDED)]
        for number, petition in enumerate(heard, start=1):
            lines = [f"The Committee received a petition with {signatures_text(petition)} "
                     f"regarding ‘{petition.title}’."]
            sentence = speaking_sentence(petition, scheme)
            lines.append(sentence or f"{public_organiser_phrase(petition, scheme)}, the lead "
                                     "petitioner, addressed the Committee.")
            lines.append(f"The text of the petition was provided to Members (copy attached at "
                         f"Appendix {number}).")
            paragraphs.append(" ".join(lines))
            reply = (f"The {chair_title} confirmed that a written response would be sent to "
                     "the petition organiser, on behalf of the Committee, within ten working "
                     "days of the meeting.")
            if petition.status is not PetitionStatus.RESPONDED:
                reply += "\n(Action: Democratic Services Officer)"
            paragraphs.append(reply)
            self.s.petitions.update_details(replace(petition, minute_id=minute.id,
                                                    minute_number=str(minute.number)))
        return "\n\n".join(paragraphs) or "No petitions were received."

    def _next_meeting_text(self, meeting) -> str:
        later = [m for m in self.s.meetings.search(committee_id=meeting.committee_id)
                 if m.start > meeting.start and m.status is not MeetingStatus.CANCELLED]
        if not later:
            return "The date of the next meeting would be confirmed."
        following = min(later, key=lambda m: m.start)
        return (f"The next meeting of the Committee would be held on "
                f"{format_uk_date(following.date)} at {clock(following.start)}.")

    # -- Adults and Health: a draft with a recorded vote --------------------------------------
    def _adults(self) -> None:
        held = self._held("AH")
        budget = [m for m in held if m.kind is MeetingKind.BUDGET]
        if not held:
            return
        meeting = self._closed_at((budget or held)[-1], 15, 40)
        self._attendance(meeting, ("Holloway",), None, (), (), ("Prest",), None)
        if self.s.agenda.items(meeting.id):
            minutes = self.s.minutes.create_from_agenda(meeting.id)
        else:
            minutes = [self.s.minutes.add(meeting.id, "Revenue and Capital Budget 2027-28",
                                          section="DECISIONS")]
        voted = next((m for m in minutes if "finance" in m.title.casefold()), minutes[-1])
        voted = self.s.minutes.update(replace(
            voted,
            body="The Committee received the report. Members debated the proposed savings in "
                 "residential care.",
            resolution="a) note the forecast outturn;\nb) agree the proposed savings."))
        self._named_vote(voted, "Councillor Greenslade", (
            ("Fairbairn", "Oakes", "Coldwell", "Lambourne", "Nettleton"),
            ("Blythe", "Greenslade", "Qureshi"), ("Inglis",)))


def _sentence_part(text: str) -> str:
    """A sentence carried on after a colon: "... as a late item: the provider's offer ..."."""
    text = text.strip()
    return text[:1].lower() + text[1:]
