"""A committee's agenda plan: future meetings (and reserve dates) with their planned items
and the draft-report and despatch deadlines the committee's rules give (domain.md §8.1).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from clerkdesk.domain.access import Access, AccessLevel
from clerkdesk.domain.agenda import AgendaItem
from clerkdesk.domain.agenda_plan import PlanItem, ReserveDate
from clerkdesk.domain.calendar import WEEKDAY_NAMES, format_uk_date
from clerkdesk.domain.committees import Committee
from clerkdesk.domain.deadline_rules import Deadline, RuleSet, meeting_deadlines
from clerkdesk.domain.meetings import Meeting, MeetingStatus
from clerkdesk.errors import ValidationError
from clerkdesk.services.agenda import AgendaService
from clerkdesk.services.base import Service
from clerkdesk.services.deadlines import DeadlineService
from clerkdesk.store.committee_repo import CommitteeRepository
from clerkdesk.store.council_repo import CouncilRepository
from clerkdesk.store.meeting_repo import MeetingRepository
from clerkdesk.store.plan_repo import PlanRepository

# A '+' item goes onto the agenda as confidential until the clerk confirms its status:
# publishing exempt material by mistake is the worst thing this tool could do.
CONFIDENTIAL_UNTIL_CONFIRMED = Access(
    AccessLevel.CONFIDENTIAL,
    legal_basis="marked '+' in the agenda plan: confirm or change before publication",
)


@dataclass(frozen=True)
class PlanMeeting:
    """One date in the plan: a scheduled meeting, a reserve date or a pencilled-in date."""

    day: date
    meeting: Meeting | None
    reserve: ReserveDate | None
    items: tuple[PlanItem, ...]
    draft_reports: Deadline | None  # None when the committee has no draft-report deadline
    despatch: Deadline
    day_note: str = ""  # "(Wednesday meeting)" when the committee usually meets another day

    @property
    def confirmed(self) -> bool:
        return self.meeting is not None

    @property
    def venue(self) -> str:
        return self.meeting.venue if self.meeting else ""

    @property
    def label(self) -> str:
        if self.reserve is not None:
            return self.reserve.note
        return "" if self.confirmed else "Provisional Meeting"


@dataclass(frozen=True)
class AgendaPlan:
    committee: Committee
    council_name: str
    rules: RuleSet
    published: date
    meetings: tuple[PlanMeeting, ...]


class AgendaPlanService(Service):
    def __init__(self, store):
        super().__init__(store)
        self.repo = PlanRepository(self.db)
        self.meetings = MeetingRepository(self.db)
        self.committees = CommitteeRepository(self.db)
        self.deadlines = DeadlineService(store)

    # -- items ---------------------------------------------------------------------------
    def items(self, committee_id: int) -> list[PlanItem]:
        return self.repo.items(committee_id)

    def item(self, item_id: int) -> PlanItem:
        return self.repo.get(item_id)

    def _check(self, item: PlanItem) -> None:
        item.validate()
        committee = self.committees.get(item.committee_id)
        if item.meeting_id is not None:
            meeting = self.meetings.get(item.meeting_id)
            if meeting.committee_id != committee.id:
                raise ValidationError(
                    f"'{item.title}' is planned for the {committee.name}, but that meeting "
                    "belongs to another committee."
                )

    def add(self, item: PlanItem) -> PlanItem:
        self._check(item)
        if not item.position:
            position = max((i.position for i in self.repo.items(item.committee_id)), default=0)
            item = replace(item, position=position + 1)
        with self._change("add", "agenda plan item") as record:
            item_id = self.repo.insert(item)
            record(item_id, item.title)
        return self.repo.get(item_id)

    def update(self, item: PlanItem) -> PlanItem:
        current = self.repo.get(item.id)
        item = replace(item, agenda_item_id=current.agenda_item_id)
        self._check(item)
        with self._change("update", "agenda plan item") as record:
            self.repo.update(item)
            record(item.id, item.title)
        return self.repo.get(item.id)

    def delete(self, item_id: int) -> None:
        item = self.repo.get(item_id)
        with self._change("delete", "agenda plan item") as record:
            self.repo.delete(item_id)
            record(item_id, item.title)

    def move(self, item_id: int, offset: int) -> list[PlanItem]:
        """Move an item up (negative) or down (positive) among the items of its date."""
        item = self.repo.get(item_id)
        siblings = [i.id for i in self.repo.items(item.committee_id)
                    if (i.meeting_id, i.planned_date) == (item.meeting_id, item.planned_date)]
        index = siblings.index(item_id)
        siblings.insert(max(0, min(len(siblings) - 1, index + offset)), siblings.pop(index))
        others = [i.id for i in self.repo.items(item.committee_id) if i.id not in siblings]
        with self._change("reorder", "agenda plan item") as record:
            self.repo.set_positions(others + siblings)
            record(item_id, item.title)
        return self.repo.items(item.committee_id)

    def add_reserve_date(self, committee_id: int, day: date,
                         note: str = "Provisional Meeting") -> ReserveDate:
        committee = self.committees.get(committee_id)
        if any(r.day == day for r in self.repo.reserve_dates(committee_id)):
            raise ValidationError(f"{format_uk_date(day)} is already a reserve date of the "
                                  f"{committee.name}.")
        reserve = ReserveDate(None, committee_id, day, note.strip() or "Provisional Meeting")
        with self._change("add", "reserve date") as record:
            reserve = replace(reserve, id=self.repo.insert_reserve_date(reserve))
            record(reserve.id, f"{committee.code} {day.isoformat()}")
        return reserve

    def delete_reserve_date(self, reserve_id: int) -> None:
        with self._change("delete", "reserve date") as record:
            self.repo.delete_reserve_date(reserve_id)
            record(reserve_id, "")

    def pull_into_agenda(self, plan_item_id: int, meeting_id: int) -> AgendaItem:
        """Put a planned item onto a meeting's real agenda and mark it moved."""
        item = self.repo.get(plan_item_id)
        if item.moved:
            raise ValidationError(f"'{item.title}' is already on an agenda.")
        meeting = self.meetings.get(meeting_id)
        if meeting.committee_id != item.committee_id:
            raise ValidationError(f"'{item.title}' is planned for another committee.")
        agenda = AgendaService(self.store)
        with self.store.transaction():
            added = agenda.add_item(AgendaItem(
                None, meeting_id, item.title, agenda.section_for_new_item(meeting_id),
                lead_officer=item.lead_officer,
                key_decision=item.key_decision, forward_plan_ref=item.reference,
                access=CONFIDENTIAL_UNTIL_CONFIRMED if item.confidential else Access(),
                plan_item_id=item.id,
            ))
            with self._change("move to agenda", "agenda plan item") as record:
                self.repo.update(replace(item, meeting_id=meeting_id, planned_date=None,
                                         agenda_item_id=added.id))
                record(item.id, f"{item.title} -> agenda item {added.id}")
        return added

    # -- the plan ------------------------------------------------------------------------
    def plan(self, committee_id: int, today: date) -> AgendaPlan:
        """Meetings from ``today`` on, each with its items and deadlines; 'Published' today."""
        committee = self.committees.get(committee_id)
        rules = self.deadlines.rules_for(committee_id)
        calendar = self.deadlines.calendar()
        meetings = [m for m in self.meetings.search(committee_id, start_from=today)
                    if m.status is not MeetingStatus.CANCELLED]
        items = self.repo.items(committee_id)
        usual_weekday = _usual_weekday(self.meetings.search(committee_id))
        dates: dict[date, dict] = {}
        for meeting in meetings:
            dates.setdefault(meeting.date, {})["meeting"] = meeting
        for reserve in self.repo.reserve_dates(committee_id):
            if reserve.day >= today:
                dates.setdefault(reserve.day, {}).setdefault("reserve", reserve)
        for item in items:
            if item.planned_date is not None and item.planned_date >= today:
                dates.setdefault(item.planned_date, {})
        groups = []
        for day in sorted(dates):
            meeting = dates[day].get("meeting")
            mine = tuple(i for i in items if (meeting and i.meeting_id == meeting.id)
                         or (i.meeting_id is None and i.planned_date == day))
            found = {d.key: d for d in meeting_deadlines(meeting.start if meeting else day,
                                                         rules, calendar)}
            note = ""
            if meeting and usual_weekday is not None and day.weekday() != usual_weekday:
                note = f"({WEEKDAY_NAMES[day.weekday()]} meeting)"
            groups.append(PlanMeeting(day, meeting, None if meeting else dates[day].get("reserve"),
                                      mine, found.get("draft_reports"), found["despatch"], note))
        council = CouncilRepository(self.db).get()
        return AgendaPlan(committee, council.name if council else "", rules, today, tuple(groups))

    def write_document(self, committee_id: int, path: Path, fmt: str, today: date) -> Path:
        """The agenda plan as Word ('docx') or PDF ('pdf'), in the seeds' layout."""
        from clerkdesk.documents.agenda_plan import build_context, write_docx, write_pdf

        writers = {"docx": write_docx, "pdf": write_pdf}
        if fmt not in writers:
            raise ValidationError(f"'{fmt}' is not a format for the agenda plan: use docx or pdf.")
        context = build_context(self.plan(committee_id, today))
        return writers[fmt](context, Path(path))


def _usual_weekday(meetings: list[Meeting]) -> int | None:
    """The weekday most of a committee's meetings fall on."""
    counts = Counter(m.date.weekday() for m in meetings
                     if m.status is not MeetingStatus.CANCELLED)
    return counts.most_common(1)[0][0] if counts else None
