"""The statutory clock over the database: each meeting's deadlines with their status, the
agenda's recorded publication checked against its period, and what a calendar change breaks.

The council's calendar and rules are settings kept in the database, so they travel with the
data; a committee's overrides merge over the council's rules (domain/deadline_rules.py).
Every deadline keeps the domain's explanation, so whatever shows it can show its working.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

from clerkdesk.domain.calendar import ExtraHoliday, LocalClosure, WorkingCalendar, format_uk_date
from clerkdesk.domain.deadline_rules import (
    Deadline,
    DeadlineRule,
    Method,
    RuleSet,
    deadline_status,
    default_rules,
    meeting_deadlines,
)
from clerkdesk.domain.deadlines import (
    LONDON,
    Reading,
    clear_days_achieved,
    clear_days_after,
    clear_days_before_both_readings,
    plural,
    working_days_after,
    working_days_before_at,
)
from clerkdesk.domain.meetings import Meeting, MeetingStatus
from clerkdesk.domain.publication import Publication, PublicationKind
from clerkdesk.errors import ValidationError
from clerkdesk.services.base import Service
from clerkdesk.services.deadline_results import (
    Bucket,
    Calculation,
    DashboardRow,
    DeadlineRow,
    FlaggedAgenda,
    MeetingDeadlines,
    PublicationCompliance,
)
from clerkdesk.store.agenda_repo import AgendaRepository
from clerkdesk.store.calendar_repo import CalendarRepository
from clerkdesk.store.committee_repo import CommitteeRepository
from clerkdesk.store.council_repo import CouncilRepository
from clerkdesk.store.meeting_repo import MeetingRepository
from clerkdesk.store.plan_repo import PlanRepository
from clerkdesk.store.publication_repo import PublicationRepository

# Deadlines met by publishing the agenda, not by ticking them off.
PUBLICATION_KEYS = frozenset({"agenda_publication", "despatch"})
# Cut-offs for other people (the public registering to speak): nothing for the clerk to do,
# so once passed they are closed, not overdue.
CUT_OFF_KEYS = frozenset({"public_speaking"})
# The dashboard looks this many working days ahead (issue 3 item 5).
DASHBOARD_WORKING_DAYS = 10

class DeadlineService(Service):
    def __init__(self, store):
        super().__init__(store)
        self.repo = CalendarRepository(self.db)
        self.council_repo = CouncilRepository(self.db)
        self.meetings = MeetingRepository(self.db)
        self.committees = CommitteeRepository(self.db)
        self.publications = PublicationRepository(self.db)
        self.agenda = AgendaRepository(self.db)
        self.plan = PlanRepository(self.db)

    # -- settings ------------------------------------------------------------------------
    def _jurisdiction(self) -> str:
        council = self.council_repo.get()
        return council.jurisdiction if council else "england"

    def calendar(self) -> WorkingCalendar:
        return self.repo.calendar(self._jurisdiction())

    def council_rules(self) -> RuleSet:
        council = self.council_repo.get()
        jurisdiction = self._jurisdiction()
        if council is None or not council.deadline_rules:
            return default_rules(jurisdiction)
        # The council profile's jurisdiction decides, so rules and calendar always agree.
        return RuleSet.from_dict({**council.deadline_rules, "jurisdiction": jurisdiction})

    def committee_overrides(self, committee_id: int) -> dict:
        return self.repo.overrides(committee_id)

    def rules_for(self, committee_id: int) -> RuleSet:
        return self.council_rules().with_overrides(self.repo.overrides(committee_id))

    def save_calendar(self, calendar: WorkingCalendar, today: date | None = None
                      ) -> list[FlaggedAgenda]:
        """Replace the closures and holiday lists; returns the agendas this breaks."""
        before = self.calendar()
        with self._change("update", "calendar") as record:
            self.repo.save_calendar(calendar)
            record(None, _calendar_change_summary(before, calendar))
        return self.calendar_changed(today)

    def add_local_closure(self, day: date, label: str, today: date | None = None):
        closures = [c for c in self.calendar().local_closures if c.date != day]
        calendar = self.calendar().with_local_closures([*closures, LocalClosure(day, label)])
        return self.save_calendar(calendar, today)

    def add_extra_holiday(self, day: date, label: str, today: date | None = None):
        """A newly announced bank holiday; a day ignored so far counts again."""
        current = self.calendar()
        extras = [e for e in current.extra_holidays if e.date != day]
        calendar = replace(current, extra_holidays=(*extras, ExtraHoliday(day, label)),
                           ignored_bank_holidays=current.ignored_bank_holidays - {day})
        return self.save_calendar(calendar, today)

    def remove_calendar_day(self, day: date, today: date | None = None):
        """Take a day off the local closures and the announced holidays."""
        current = self.calendar()
        calendar = replace(
            current,
            local_closures=tuple(c for c in current.local_closures if c.date != day),
            extra_holidays=tuple(e for e in current.extra_holidays if e.date != day),
        )
        return self.save_calendar(calendar, today)

    def ignore_bank_holiday(self, day: date, today: date | None = None):
        """Treat a package bank holiday as a working day (an older calendar, or an error)."""
        current = self.calendar()
        ignored = current.ignored_bank_holidays | {day}
        return self.save_calendar(replace(current, ignored_bank_holidays=ignored), today)

    def save_council_rules(self, rules: RuleSet, today: date | None = None):
        council = self.council_repo.get()
        if council is None:
            raise ValidationError("Enter the council's profile before its deadline rules.")
        with self._change("update", "deadline rules") as record:
            self.council_repo.save(replace(council, deadline_rules=rules.to_dict()))
            record(None, "council deadline rules")
        return self.calendar_changed(today)

    def save_committee_overrides(self, committee_id: int, overrides: dict,
                                 today: date | None = None) -> list[FlaggedAgenda]:
        committee = self.committees.get(committee_id)
        self.council_rules().with_overrides(overrides)  # refuses bad overrides clearly
        with self._change("update", "deadline rules") as record:
            self.repo.save_overrides(committee_id, overrides)
            record(committee_id, f"{committee.code} overrides: {overrides or 'none'}")
        return self.calendar_changed(today)

    # -- one meeting ---------------------------------------------------------------------
    def _agenda_publication(self, meeting_id: int) -> Publication | None:
        published = [p for p in self.publications.for_meeting(meeting_id)
                     if p.kind is PublicationKind.AGENDA]
        return published[0] if published else None  # the first one opened the period

    def _deadlines(self, meeting: Meeting, rules: RuleSet, calendar: WorkingCalendar):
        items = self.agenda.items_for(meeting.id)
        planned = self.plan.items_for_meeting(meeting.id)
        key_decision = any(i.key_decision for i in items) or any(p.key_decision for p in planned)
        private = (any(not i.access.is_open for i in items)
                   or any(p.confidential for p in planned))
        return meeting_deadlines(meeting.start, rules, calendar,
                                 key_decision=key_decision, private_meeting=private)

    def _compliance(self, meeting: Meeting, publication: Publication, rules: RuleSet,
                    calendar: WorkingCalendar) -> PublicationCompliance:
        period = rules.agenda_publication
        achieved = clear_days_achieved(publication.published_at, meeting.date, calendar,
                                       period.days, period.reading)
        return PublicationCompliance(publication, achieved)

    def for_meeting(self, meeting_id: int, today: date | datetime | None = None
                    ) -> MeetingDeadlines:
        meeting = self.meetings.get(meeting_id)
        committee = self.committees.get(meeting.committee_id)
        rules, calendar = self.rules_for(committee.id), self.calendar()
        today = today or datetime.now(LONDON)
        publication = self._agenda_publication(meeting_id)
        marks = self.repo.marks(meeting_id)
        rows = []
        for deadline in self._deadlines(meeting, rules, calendar):
            if deadline.key in PUBLICATION_KEYS:
                done_at = publication.published_at if publication else None
            else:
                done_at = marks.get(deadline.key) or _passed_cut_off(deadline, today)
            status = deadline_status(deadline, today, done_at is not None)
            rows.append(DeadlineRow(meeting_id, deadline, status, done_at))
        compliance = (self._compliance(meeting, publication, rules, calendar)
                      if publication else None)
        return MeetingDeadlines(meeting, committee, rows, compliance)

    def record_publication(self, meeting_id: int, published_at: datetime, note: str = ""
                           ) -> PublicationCompliance:
        """Store when the agenda really went out and check it against the agenda period."""
        meeting = self.meetings.get(meeting_id)
        stamp = (published_at if published_at.tzinfo else published_at.replace(tzinfo=LONDON))
        if stamp >= meeting.start:
            raise ValidationError(
                f"The agenda cannot have been published after the meeting started "
                f"({format_uk_date(meeting.date)} {meeting.start.astimezone(LONDON):%H:%M})."
            )
        existing = [p for p in self.publications.for_meeting(meeting_id)
                    if p.kind is PublicationKind.AGENDA and p.supplement == 0]
        version = max((p.version for p in existing), default=0) + 1
        publication = Publication(None, meeting_id, PublicationKind.AGENDA, version,
                                  stamp.astimezone(LONDON), note=note)
        with self._change("record publication", "meeting") as record:
            publication = replace(publication, id=self.publications.insert(publication))
            record(meeting_id, f"agenda published {stamp.astimezone(LONDON):%d/%m/%Y %H:%M}")
        first = self._agenda_publication(meeting_id) or publication
        committee_id = meeting.committee_id
        return self._compliance(meeting, first, self.rules_for(committee_id), self.calendar())

    def mark_done(self, meeting_id: int, key: str, done: bool = True,
                  at: datetime | None = None) -> None:
        """Tick off an internal deadline (draft reports received, say)."""
        if key in PUBLICATION_KEYS:
            raise ValidationError(
                "The agenda deadlines are met by recording the agenda's publication."
            )
        self.meetings.get(meeting_id)
        when = (at or datetime.now(LONDON)) if done else None
        with self._change("mark done" if done else "mark not done", "meeting") as record:
            self.repo.set_mark(meeting_id, key, when)
            record(meeting_id, key)

    # -- across meetings -----------------------------------------------------------------
    def _upcoming(self, today: date) -> list[Meeting]:
        return [m for m in self.meetings.search(start_from=today)
                if m.status is MeetingStatus.SCHEDULED]

    def calendar_changed(self, today: date | None = None) -> list[FlaggedAgenda]:
        """Recheck every future meeting's published agenda on the current calendar and
        rules; the ones that no longer meet their period are returned and audited."""
        today = today or date.today()
        calendar = self.calendar()
        flagged = []
        for meeting in self._upcoming(today):
            publication = self._agenda_publication(meeting.id)
            if publication is None:
                continue
            compliance = self._compliance(meeting, publication,
                                          self.rules_for(meeting.committee_id), calendar)
            if not compliance.met:
                committee = self.committees.get(meeting.committee_id)
                flagged.append(FlaggedAgenda(meeting, committee, compliance))
        if flagged:
            with self._change("flag", "meeting") as record:
                for found in flagged:
                    record(found.meeting.id, found.compliance.summary)
        return flagged

    def horizon(self, today: date) -> date:
        """The last day the dashboard shows as 'due soon': ten working days ahead."""
        return working_days_after(today, DASHBOARD_WORKING_DAYS, self.calendar()).due_date

    def dashboard(self, today: date | datetime) -> list[DashboardRow]:
        """Deadlines of future meetings that are overdue, due today or due within the next
        ten working days, earliest first. The agenda shows as its despatch date only."""
        day = today.astimezone(LONDON).date() if isinstance(today, datetime) else today
        horizon = self.horizon(day)
        found = []
        for meeting in self._upcoming(day):
            deadlines = self.for_meeting(meeting.id, today)
            for row in deadlines.rows:
                if row.key == "agenda_publication":
                    continue  # the despatch line says the same, on the day work is done
                bucket = _bucket(row, day, horizon)
                if bucket is not None:
                    found.append(DashboardRow(bucket, meeting, deadlines.committee, row))
        order = {"overdue": 0, "today": 1, "soon": 2}
        return sorted(found, key=lambda r: (order[r.bucket], r.row.deadline.due_date,
                                            r.meeting.start))

    # -- the calculator ------------------------------------------------------------------
    def calculate(self, day: date, rule: DeadlineRule) -> Calculation:
        """Apply one rule to a date (a meeting date, or the event for 'after' rules)."""
        calendar = self.calendar()
        if rule.method is Method.WORKING_DAYS_AFTER:
            after = working_days_after(day, rule.days, calendar).cited(rule.describe(),
                                                                      rule.source)
            return Calculation(f"Due by the end of {format_uk_date(after.due_date)}",
                               after.due_date, None, after.explanation)
        if rule.method is Method.WORKING_DAYS_BEFORE:
            before = working_days_before_at(day, rule.days, rule.time_of_day, calendar)
            before = before.cited(rule.describe(), rule.source)
            at = f"{before.due_at:%H:%M} on " if before.due_at else ""
            return Calculation(f"Cut-off: {at}{format_uk_date(before.due_date)}",
                               before.due_date, before.due_at, before.explanation)
        both = clear_days_before_both_readings(day, rule.days, calendar)
        chosen = both.working if rule.reading is Reading.WORKING else both.calendar
        due = chosen.latest_working_day
        due_at = datetime.combine(due, rule.time_of_day, LONDON) if rule.time_of_day else None
        at = f"{rule.time_of_day:%H:%M} on " if rule.time_of_day else ""
        readings = (f"Working-day reading: {format_uk_date(both.working.latest_working_day)} "
                    f"({plural(rule.days, 'clear working day')}). Calendar reading would allow "
                    f"{format_uk_date(both.calendar.latest_working_day)}.")
        working = f"{readings}\n\n{chosen.cited(rule.describe(), rule.source).explanation}"
        return Calculation(f"Latest: {at}{format_uk_date(due)}", due, due_at, working)

    def calculate_after_publication(self, day: date, days: int) -> Calculation:
        """Forward Plan notices: the earliest date N clear calendar days after publishing."""
        after = clear_days_after(day, days, self.calendar())
        return Calculation(f"Earliest: {format_uk_date(after.first_working_day)}",
                           after.first_working_day, None, after.explanation)


def _passed_cut_off(deadline: Deadline, today: date | datetime) -> datetime | None:
    if deadline.key not in CUT_OFF_KEYS or deadline_status(deadline, today, False) != "overdue":
        return None
    return deadline.due_at or datetime.combine(deadline.due_date, time.max, LONDON)


def _bucket(row: DeadlineRow, day: date, horizon: date) -> Bucket | None:
    if row.status == "done":
        return None
    if row.status == "overdue":
        return "overdue"
    due = row.deadline.due_date
    if due == day:
        return "today"
    return "soon" if day < due <= horizon else None


def _calendar_change_summary(before: WorkingCalendar, after: WorkingCalendar) -> str:
    def labelled(entries) -> set[str]:
        return {f"{e.date.isoformat()} {e.label}" for e in entries}

    changes = []
    for what, old, new in (
        ("local closure", labelled(before.local_closures), labelled(after.local_closures)),
        ("announced holiday", labelled(before.extra_holidays), labelled(after.extra_holidays)),
        ("ignored bank holiday", {d.isoformat() for d in before.ignored_bank_holidays},
         {d.isoformat() for d in after.ignored_bank_holidays}),
    ):
        changes += [f"added {what} {entry}" for entry in sorted(new - old)]
        changes += [f"removed {what} {entry}" for entry in sorted(old - new)]
    return "; ".join(changes) or "no change"
