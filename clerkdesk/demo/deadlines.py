"""The statutory clock in the demo council, relative to its ``today``: past agendas
published (one of them late), a meeting soon whose agenda is out, a meeting whose draft
reports are overdue, local Christmas closures, a committee counting its own periods, and an
agenda plan for every committee.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from clerkdesk.demo.agendas import build_demo_agenda
from clerkdesk.domain.agenda_plan import PlanItem
from clerkdesk.domain.deadlines import LONDON
from clerkdesk.domain.meetings import Meeting, MeetingKind, MeetingStatus, london_datetime

# (title, lead officer, key decision number or 0, flags "*" full Council / "+" confidential)
PLAN_POOL = (
    ("Free School Proposals", "H Belcher", 0, ""),
    ("Service Director's Report: Education", "J Lewin", 0, ""),
    ("Schools Funding Formula Approval", "J Leeming", 4, "*"),
    ("Home to School Transport Policy Review", "J Lewin", 12, ""),
    ("Youth Justice Plan", "S Fergus", 0, ""),
    ("Risk Register", "W Ogle", 0, ""),
    ("Business Planning (Service)", "W Ogle/ L Willis", 0, ""),
    ("Residential Care Contract Award", "C Malvern", 31, "+"),
    ("Annual Corporate Parenting Report", "S-J Smedley", 0, ""),
    ("Local Safeguarding Partnership Annual Report", "R Waite", 0, ""),
)
OVERDUE_REPORT_NOTE = "Report expected late: awaiting legal advice"


def build_demo_deadlines(services, committees: dict, today: date) -> None:
    _DemoDeadlines(services, committees, today).build()


class _DemoDeadlines:
    def __init__(self, services, committees: dict, today: date):
        self.s = services
        self.committees = committees
        self.today = today

    def build(self) -> None:
        self._calendar_and_rules()
        self._history()
        self._published_meeting_soon()
        self._meeting_with_overdue_reports()
        self._plans()
        self._key_decision_notices_published()

    def _calendar_and_rules(self) -> None:
        year = self.today.year
        closures = [(date(year, 12, 24), "Christmas Eve office closure")] + [
            (date(year, 12, day), "Christmas office closure") for day in (29, 30, 31)
        ]
        for day, label in closures:
            if day.weekday() < 5:
                self.s.deadlines.add_local_closure(day, label, today=self.today)
        # The scrutiny committee counts as Peterborough does (domain.md §8.3): draft reports
        # twelve clear working days before, with no time of day.
        self.s.deadlines.save_committee_overrides(
            self.committees["CHS"].id,
            {"draft_reports": {"days": 12, "time_of_day": None}}, today=self.today)

    def _deadline(self, meeting_id: int, key: str):
        rows = self.s.deadlines.for_meeting(meeting_id, self.today).rows
        return next(row.deadline for row in rows if row.key == key)

    def _history(self) -> None:
        """Held meetings this municipal year: reports in and agendas out on time, except the
        most recent scrutiny agenda, which went out a day late."""
        held = [m for m in self.s.meetings.search(start_to=self.today - timedelta(days=1))
                if m.status is MeetingStatus.HELD and m.date >= self.today - timedelta(days=120)]
        latest_scrutiny = max((m for m in held if m.committee_id == self.committees["CHS"].id),
                              key=lambda m: m.start, default=None)
        for meeting in held:
            despatch = self._deadline(meeting.id, "despatch").due_date
            if meeting == latest_scrutiny:
                despatch += timedelta(days=1)
            self._complete_reports(meeting)
            self.s.deadlines.record_publication(meeting.id, _at(despatch, time(16, 30)))

    def _complete_reports(self, meeting: Meeting) -> None:
        for key in ("draft_reports", "final_reports"):
            due = self._deadline(meeting.id, key)
            self.s.deadlines.mark_done(meeting.id, key, at=_at(due.due_date, time(9, 15)))

    def _first_day(self, weekday: int, condition) -> date:
        """The first ``weekday`` after today for which ``condition(meeting date)`` holds."""
        day = self.today + timedelta(days=1)
        while day.weekday() != weekday or not condition(day):
            day += timedelta(days=1)
        return day

    def _extraordinary(self, code: str, day: date, hour: int) -> Meeting:
        committee = self.committees[code]
        start = london_datetime(day, hour)
        return self.s.meetings.schedule(Meeting(
            None, committee.id, start, start + timedelta(hours=2), committee.default_venue,
            MeetingKind.EXTRAORDINARY))

    def _despatch_for(self, day: date) -> date:
        rule = self.s.deadlines.council_rules().agenda_publication
        return self.s.deadlines.calculate(day, rule).due_date

    def _published_meeting_soon(self) -> None:
        """An extraordinary meeting in a few days whose agenda went out on its last day."""
        day = self._first_day(3, lambda d: self._despatch_for(d) < self.today)
        meeting = self._extraordinary("AH", day, 14)
        build_demo_agenda(self.s, self.committees, self.today, meeting)
        self._complete_reports(meeting)
        despatch = self._deadline(meeting.id, "despatch").due_date
        self.s.deadlines.record_publication(meeting.id, _at(despatch, time(16, 30)))

    def _meeting_with_overdue_reports(self) -> None:
        """A meeting called at short notice: its draft reports are already overdue and the
        agenda is due within days."""
        rules = self.s.deadlines.council_rules()

        def drafts_overdue(day: date) -> bool:
            draft = self.s.deadlines.calculate(day, rules.draft_reports).due_date
            return draft < self.today <= self._despatch_for(day)

        self._extraordinary("ET", self._first_day(1, drafts_overdue), 10)

    def _plans(self) -> None:
        for offset, committee in enumerate(self.committees.values()):
            upcoming = [m for m in self.s.meetings.search(committee.id, start_from=self.today)
                        if m.status is MeetingStatus.SCHEDULED][:4]
            for number, meeting in enumerate(upcoming):
                for slot in range(2 + (number + offset) % 2):
                    self._plan_item(committee.id, offset + 3 * number + slot, meeting=meeting)
            if len(upcoming) >= 2:  # a reserve date between the last two, on the same weekday
                gap_weeks = (upcoming[-1].date - upcoming[-2].date).days // 14
                reserve = upcoming[-2].date + timedelta(weeks=max(1, gap_weeks))
                self.s.agenda_plan.add_reserve_date(committee.id, reserve)
                # and an item pencilled in for a date after the last scheduled meeting
                later = upcoming[-1].date + timedelta(weeks=4)
                self._plan_item(committee.id, offset + 5, planned=later)
        cyp_next = next(m for m in self.s.meetings.search(self.committees["CYP"].id,
                                                           start_from=self.today)
                        if m.status is MeetingStatus.SCHEDULED)
        on_agenda = {item.title for item in self.s.agenda.items(cyp_next.id)}
        planned = [p for p in self.s.agenda_plan.repo.items_for_meeting(cyp_next.id)
                   if p.title not in on_agenda]
        if planned:  # pulled from the plan, so the plan shows it as moved
            self.s.agenda_plan.pull_into_agenda(planned[0].id, cyp_next.id)

    def _key_decision_notices_published(self) -> None:
        """The forward plan went out in time for every key decision already due."""
        for meeting in self.s.meetings.search(start_from=self.today):
            for row in self.s.deadlines.for_meeting(meeting.id, self.today).rows:
                if row.key == "key_decision_notice" and row.status == "overdue":
                    at = _at(row.deadline.due_date, time(12))
                    self.s.deadlines.mark_done(meeting.id, row.key, at=at)

    def _plan_item(self, committee_id: int, index: int, meeting: Meeting | None = None,
                   planned: date | None = None) -> None:
        title, officer, number, flags = PLAN_POOL[index % len(PLAN_POOL)]
        year = (meeting.date if meeting else planned).year
        self.s.agenda_plan.add(PlanItem(
            None, committee_id, title, meeting_id=meeting.id if meeting else None,
            planned_date=planned, lead_officer=officer, key_decision=bool(number),
            reference=f"KD{year}/{number:03d}" if number else "",
            full_council="*" in flags, confidential="+" in flags,
            notes=OVERDUE_REPORT_NOTE if index % 7 == 6 else ""))


def _at(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=LONDON)
