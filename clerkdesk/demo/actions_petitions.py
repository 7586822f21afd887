"""Actions and petitions in the demo council, relative to its ``today``.

Actions: every status the logs use, each with several dated updates, some with target
dates past or near, one completed long enough ago to have dropped off the log and one
completed since the last log (shown once as Completed, domain.md §7.1). Petitions: one
answered after its meeting, one under the speaking threshold whose response is overdue,
one waiting for its meeting with the acknowledgement due soon, one scheduled for the next
meeting, and one whose acknowledgement is overdue. Deterministic for a given ``today``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from clerkdesk.domain.actions import Action, ActionStatus, Month
from clerkdesk.domain.deadlines import working_days_after
from clerkdesk.domain.meetings import MeetingStatus
from clerkdesk.domain.petitions import Channel, Organiser, Petition

ACKNOWLEDGE_WITHIN = 10  # working days: the demo council's own Petitions Scheme setting


@dataclass(frozen=True)
class DemoAction:
    slot: int  # which of the committee's last three held meetings: 0 oldest, 2 latest
    minute: str
    item: str
    officers: tuple[str, ...]  # surnames of demo officers
    text: str
    updates: tuple[str, ...]
    status: ActionStatus
    ref: str = ""
    target: str = ""  # "overdue", "soon" or "later"
    reported_before: bool = False  # closed before a log that has since gone out


CYP_ACTIONS = (
    DemoAction(0, "12", "Recommissioning of Young Carers Services", ("Ogden-Wells", "Hayling"),
               "The Executive Director to advise when she has exercised delegated authority "
               "to award the contract.",
               ("The tender has been published; bids close next month.",
                "Evaluation of the bids is under way; the contract is expected to be awarded "
                "within three months."), ActionStatus.EXPECTED, ref="KD2026/018"),
    DemoAction(0, "14", "Placement Sufficiency for Children in Care: Six Month Update",
               ("Carrick",), "To deliver a session on corporate parenting at a future "
               "Members' Seminar.",
               ("Date to be confirmed.", "A briefing is being arranged with the Corporate "
                "Parenting Sub-Committee.", "Speakers confirmed; the date is still to be set."),
               ActionStatus.ON_GOING, target="overdue"),
    DemoAction(0, "15", "Finance and Performance Report", ("Wadebridge",),
               "To circulate a note on the balances held by maintained schools.",
               ("A draft note is with the Schools Forum clerk.", "The note was circulated to "
                "Members by email."), ActionStatus.COMPLETED, reported_before=True),
    DemoAction(1, "27", "Free School Proposals", ("Llewellyn", "Buckland"),
               "Officers to confirm whether the Council's agreement is needed to transfer the "
               "lease of the school site from one trust to another.",
               ("Legal advice requested.", "Legal advice awaited from the trust's solicitors."),
               ActionStatus.IN_PROGRESS, target="soon"),
    DemoAction(1, "27", "Free School Proposals", ("Buckland",),
               "To provide a note on pupil place forecasts for the Fenchester area.",
               ("Forecasts are being refreshed with this year's census data.",
                "Census data received; the note will follow."), ActionStatus.NOT_STATED),
    DemoAction(1, "29", "Agenda Plan, Appointments and Training Plan", ("Greenhalgh",),
               "To add the Members' Seminar on the Local Offer to Care Leavers to the "
               "Committee training plan.",
               ("Seminar date agreed with the service.", "Added to the training plan."),
               ActionStatus.COMPLETED),
    DemoAction(2, "41", "Home to School Transport Policy", ("Llewellyn",),
               "To report back on the number of appeals under the new policy.",
               ("Appeal figures are being collated.", "The Committee agreed that the annual "
                "report will cover this instead."), ActionStatus.NO_LONGER_REQUIRED),
    DemoAction(2, "43", "Children's Services Annual Feedback Report 2025-26", ("Carrick",),
               "To include case studies of compliments in next year's report.",
               ("The feedback team has started collecting case studies.",
                "Six case studies gathered so far."), ActionStatus.ON_GOING, target="later"),
)

OTHER_ACTIONS = {
    "ET": (DemoAction(2, "18", "Winter Service Plan", ("Ferrand",),
                      "The Assistant Director to report the revised gritting routes to Members.",
                      ("Route review started.", "Draft routes shared with local Members."),
                      ActionStatus.IN_PROGRESS, target="overdue"),),
    "CHS": (DemoAction(2, "9", "Adult Social Care Waiting Lists", ("Hayling",),
                       "To provide the Committee with waiting times by locality.",
                       ("Data request made.", "Figures for two localities received."),
                       ActionStatus.ON_GOING, target="later"),),
}


def build_demo_actions_petitions(services, committees: dict, people: dict, today: date) -> None:
    _DemoActionsPetitions(services, committees, people, today).build()


class _DemoActionsPetitions:
    def __init__(self, services, committees: dict, people: dict, today: date):
        self.s = services
        self.committees = committees
        self.people = people
        self.today = today
        self.calendar = services.petitions.calendar()

    def build(self) -> None:
        self._actions("CYP", CYP_ACTIONS)
        for code, planned in OTHER_ACTIONS.items():
            self._actions(code, planned)
        self._petitions()

    # -- helpers ---------------------------------------------------------------------------
    def _meetings(self, code: str) -> tuple[list, list]:
        meetings = self.s.meetings.search(committee_id=self.committees[code].id)
        held = [m for m in meetings if m.status is MeetingStatus.HELD and m.date < self.today]
        upcoming = [m for m in meetings
                    if m.status is MeetingStatus.SCHEDULED and m.date >= self.today]
        return sorted(held, key=lambda m: m.date), sorted(upcoming, key=lambda m: m.date)

    def _between(self, start: date, end: date, part: int, parts: int) -> date:
        return start + timedelta(days=(end - start).days * part // parts)

    def _working_days_from_today(self, days: int) -> date:
        return working_days_after(self.today, days, self.calendar).due_date

    # -- actions ---------------------------------------------------------------------------
    def _actions(self, code: str, planned) -> None:
        committee = self.committees[code]
        held = self._meetings(code)[0][-3:]
        # Early in a municipal year there may be fewer than three held meetings: the older
        # slots become actions raised outside meetings, some weeks back.
        slots = [None] * (3 - len(held)) + held
        issued = [m.date - timedelta(days=7) for m in held[1:]]  # logs sent with agendas
        for spec in planned:
            meeting = slots[spec.slot]
            raised = meeting.date if meeting else self.today - timedelta(weeks=12 - 4 * spec.slot)
            action = self.s.actions.create(Action(
                id=None, committee_id=committee.id, raised_on=raised, text=spec.text,
                meeting_id=meeting.id if meeting else None,
                minute_number=spec.minute if meeting else "", item_title=spec.item,
                forward_plan_ref=spec.ref,
                responsible=tuple(self.people[surname].id for surname in spec.officers),
                target_date=self._target(spec.target),
            ))
            closing = self._closing_day(raised, issued, spec.reported_before)
            last_day = closing if spec.status.closes else self.today
            for index, text in enumerate(spec.updates, start=1):
                on = self._between(raised, last_day, index, len(spec.updates) + 1)
                self.s.actions.add_update(action.id, on, text)
            if spec.status.closes:
                self.s.actions.complete(action.id, closing, spec.status)
            elif spec.status is ActionStatus.EXPECTED:
                ahead = self.today + timedelta(days=90)
                self.s.actions.set_status(action.id, spec.status, Month(ahead.year, ahead.month))
            elif spec.status is not ActionStatus.NOT_STATED:
                self.s.actions.set_status(action.id, spec.status)
        for day in issued:
            self.s.actions.record_log_issued(committee.id, day)

    def _target(self, kind: str) -> date | None:
        if kind == "overdue":
            return self.today - timedelta(days=9)
        if kind == "soon":
            return self._working_days_from_today(1)
        if kind == "later":
            return self.today + timedelta(days=45)
        return None

    def _closing_day(self, raised: date, issued: list[date], dropped: bool) -> date:
        """Closed before a log that has since gone out (so it has dropped off the log), or
        closed since the last log went out (so the next log shows it once)."""
        reported = [day for day in issued if day > raised]
        if dropped and reported:
            return self._between(raised, reported[0], 1, 2)
        return max(raised, self.today - timedelta(days=3))

    # -- petitions -------------------------------------------------------------------------
    def _petitions(self) -> None:
        petitions = self.s.petitions
        petitions.save_scheme(replace(petitions.scheme(),
                                      acknowledgement_working_days=ACKNOWLEDGE_WITHIN))
        cyp = self.committees["CYP"]
        held, upcoming = self._meetings("CYP")
        last = held[-1] if held else None
        earlier = held[-2] if len(held) > 1 else last
        following = upcoming[0] if upcoming else None

        answered = self._register(
            "Save Fenchester Youth Centre", 212, cyp, days_ago=70,
            text="We, the undersigned, ask the Council to keep Fenchester Youth Centre open "
                 "in the evenings and at weekends.\n\nThe centre is the only safe space for "
                 "young people in the north of the town.",
            organiser=Organiser(None, "Amira Haddad", "Fenchester", "14 Mill Lane\nFenchester",
                                "FN2 4QT", "amira.haddad@example.org", "07700 900123"),
            acknowledged=True)
        if last is not None:
            self._schedule_and_consider(answered.id, last, "39")
            sent = min(self.today, working_days_after(last.date, 6, self.calendar).due_date)
            petitions.record_response(
                answered.id, sent,
                "The Committee has asked officers to keep the centre open in the evenings "
                "until the review of youth provision reports in the spring.\n\nThe review "
                "will include a consultation with young people who use the centre.",
                "Councillor Simone Ashworth, Chairman")

        crossing = self._register(
            "Safer crossing outside Castle Street Primary School", 38, cyp, days_ago=110,
            text="We ask the Council to install a zebra crossing outside Castle Street "
                 "Primary School before the next school year.",
            organiser=Organiser(None, "Gareth Pryce", "Fenchester",
                                "Flat 2, 7 Castle Street\nFenchester", "FN1 3BE",
                                "g.pryce@example.net", "01632 960114"),
            acknowledged=True)
        if earlier is not None:
            self._schedule_and_consider(crossing.id, earlier, "24")
            self._petition_action(cyp, earlier, crossing)

        # Received so that its acknowledgement falls due within the next working day or two.
        received = self._received_for_acknowledgement_due_soon()
        library = self._register(
            "Keep the mobile library visiting Fenbridge villages", 57, cyp,
            days_ago=(self.today - received).days,
            text="We ask the Council to keep the mobile library's fortnightly stops in the "
                 "villages around Fenbridge.",
            organiser=Organiser(None, "Margaret Ellery", "Fenbridge", "Rose Cottage\nHigh Street"
                                "\nFenbridge", "FB7 2DL", "", "01632 960587"))
        if following is not None:
            petitions.accept(library.id)
            petitions.schedule(library.id, following.id, self._petitions_item(following))

        playground = self._register(
            "Reopen the Riverside playground", 640, cyp, days_ago=12, channel=Channel.E_PETITION,
            text="We call on the Council to repair and reopen the Riverside playground, closed "
                 "since the flooding in the spring.",
            organiser=Organiser(None, "Tom Okafor", "Fenchester", "22 Riverside Walk\nFenchester",
                                "FN3 8RW", "tom.okafor@example.com", ""),
            acknowledged=True)
        if following is not None:
            petitions.accept(playground.id)
            petitions.schedule(playground.id, following.id, self._petitions_item(following))

        speed = self._register(
            "Reduce the speed limit on the A142 through Fenbridge", 154, self.committees["ET"],
            days_ago=30,
            text="We ask for a 30 mph limit on the A142 where it passes the village school.",
            organiser=Organiser(None, "Priya Nandakumar", "Fenbridge", "3 Station Road\nFenbridge",
                                "FB7 1AA", "priya.n@example.org", "07700 900456"))
        petitions.accept(speed.id)

    def _register(self, title: str, signatures: int, committee, days_ago: int, text: str,
                  organiser: Organiser, channel: Channel = Channel.PAPER,
                  acknowledged: bool = False) -> Petition:
        received = self.today - timedelta(days=days_ago)
        petition = self.s.petitions.register(Petition(
            None, title, text, organiser, received, channel, signatures,
            committee_id=committee.id))
        if acknowledged:
            on = min(self.today, working_days_after(received, 3, self.calendar).due_date)
            petition = self.s.petitions.acknowledge(petition.id, on)
        return petition

    def _received_for_acknowledgement_due_soon(self) -> date:
        """The earliest receipt day whose acknowledgement is not yet overdue: its due day
        is today or the next working day."""
        received = self.today
        while True:
            earlier = received - timedelta(days=1)
            due = working_days_after(earlier, ACKNOWLEDGE_WITHIN, self.calendar).due_date
            if due < self.today:
                return received
            received = earlier

    def _petition_action(self, committee, meeting, petition: Petition) -> None:
        """The action that follows the petition up: the response letter, overdue with it."""
        due = working_days_after(meeting.date, 10, self.calendar).due_date
        action = self.s.actions.create_from_minute(
            committee.id, meeting.id, None, "24", "Petitions", "", [self.people["Greenhalgh"].id],
            "The Chairman to write to the petition organiser, on behalf of the Committee, "
            "within ten working days of the meeting.", status=ActionStatus.IN_PROGRESS,
            target_date=due, petition_id=petition.id)
        for index, text in enumerate(("Draft response requested from Highways.",
                                      "Draft letter with the Chairman for approval."), start=1):
            on = self._between(meeting.date, self.today, index, 3)
            self.s.actions.add_update(action.id, on, text)

    def _petitions_item(self, meeting) -> int | None:
        """The meeting's Petitions agenda item, when its agenda has one."""
        for item in self.s.agenda.items(meeting.id):
            if "petition" in item.title.casefold():
                return item.id
        return None

    def _schedule_and_consider(self, petition_id: int, meeting, minute: str) -> None:
        petitions = self.s.petitions
        petitions.accept(petition_id)
        petitions.schedule(petition_id, meeting.id, self._petitions_item(meeting))
        petitions.record_consideration(petition_id, minute)
