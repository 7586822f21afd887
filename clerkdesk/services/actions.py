"""Actions arising from minutes (or raised by hand), their progress, and the action log."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from clerkdesk.domain.action_log import ActionLog, ActionLogSettings, build_action_log
from clerkdesk.domain.actions import (
    Action,
    ActionStatus,
    Month,
    Responsible,
    completed,
    reopened,
    with_status,
    with_update,
)
from clerkdesk.domain.calendar import WorkingCalendar
from clerkdesk.domain.due import DEFAULT_DUE_SOON_WORKING_DAYS, DueState, due_state
from clerkdesk.domain.meetings import LONDON
from clerkdesk.errors import ValidationError
from clerkdesk.services.base import Service
from clerkdesk.store.actions_repo import ActionRepository
from clerkdesk.store.calendar_repo import CalendarRepository
from clerkdesk.store.committee_repo import CommitteeRepository
from clerkdesk.store.council_repo import CouncilRepository
from clerkdesk.store.meeting_repo import MeetingRepository
from clerkdesk.store.people_repo import PeopleRepository

# Who is responsible: a person's id, a post ("Democratic Services Officer"), or a ready-made
# Responsible. A single string may list several posts as the minutes do, split at "/".
ResponsibleInput = int | str | Responsible


@dataclass(frozen=True)
class ActionDue:
    """An open action with a target date, for a dashboard list."""

    action: Action
    state: DueState


def london_today() -> date:
    return datetime.now(LONDON).date()


class ActionService(Service):
    def __init__(self, store):
        super().__init__(store)
        self.repo = ActionRepository(self.db)
        self.meetings = MeetingRepository(self.db)
        self.committees = CommitteeRepository(self.db)
        self.people = PeopleRepository(self.db)

    # -- reading ------------------------------------------------------------------------------
    def get(self, action_id: int) -> Action:
        return self.repo.get(action_id)

    def for_committee(self, committee_id: int) -> list[Action]:
        self.committees.get(committee_id)
        return self.repo.for_committee(committee_id)

    def for_meeting(self, meeting_id: int) -> list[Action]:
        return self.repo.for_meeting(meeting_id)

    def for_minute(self, minute_id: int) -> list[Action]:
        return self.repo.for_minute(minute_id)

    def calendar(self) -> WorkingCalendar:
        """The council's working calendar: its jurisdiction's bank holidays and its own
        extra holidays and local closures, as the deadline settings keep them."""
        council = CouncilRepository(self.db).get()
        return CalendarRepository(self.db).calendar(council.jurisdiction if council else "england")

    # -- creating -----------------------------------------------------------------------------
    def create_from_minute(
        self,
        committee_id: int,
        meeting_id: int,
        minute_id: int | None,
        minute_number: str | int,
        item_title: str,
        forward_plan_ref: str,
        responsible: str | Sequence[ResponsibleInput],
        text: str,
        *,
        status: ActionStatus = ActionStatus.NOT_STATED,
        expected_completion: Month | None = None,
        target_date: date | None = None,
        petition_id: int | None = None,
    ) -> Action:
        """An action arising from a minute, from the values the minutes hold. The minute
        number and item title are stored on the action, so the log reads without minutes."""
        meeting = self.meetings.get(meeting_id)
        if meeting.committee_id != committee_id:
            committee = self.committees.get(committee_id)
            raise ValidationError(f"That meeting is not a meeting of the {committee.name}.")
        number = str(minute_number).strip()
        action = Action(
            id=None,
            committee_id=committee_id,
            raised_on=meeting.date,
            text=text.strip(),
            meeting_id=meeting_id,
            minute_id=minute_id,
            minute_number=number,
            item_title=item_title.strip(),
            forward_plan_ref=forward_plan_ref.strip(),
            responsible=self._responsible(responsible),
            status=ActionStatus(status),
            expected_completion=expected_completion,
            target_date=target_date,
            position=self.repo.next_position(meeting_id, number),
            petition_id=petition_id,
        )
        return self._insert(action)

    def create(self, action: Action) -> Action:
        """An action raised by hand (or fully built by the caller). ``raised_on`` is taken
        from the meeting when there is one."""
        self.committees.get(action.committee_id)
        if action.meeting_id is not None:
            action = replace(action, raised_on=self._meeting_date(action))
        action = replace(action, responsible=self._responsible(action.responsible))
        if action.position == 0:
            action = replace(
                action, position=self.repo.next_position(action.meeting_id, action.minute_number)
            )
        return self._insert(action)

    def _meeting_date(self, action: Action) -> date:
        meeting = self.meetings.get(action.meeting_id)
        if meeting.committee_id != action.committee_id:
            raise ValidationError("That meeting belongs to another committee.")
        return meeting.date

    def _insert(self, action: Action) -> Action:
        action.validate()
        with self._change("add", "action") as record:
            action_id = self.repo.insert(action)
            record(action_id, self._summary(action))
        return self.repo.get(action_id)

    def _responsible(self, given: str | Iterable[ResponsibleInput]) -> tuple[Responsible, ...]:
        if isinstance(given, str):
            given = [part for part in given.split("/") if part.strip()]
        officers = []
        for entry in given:
            if isinstance(entry, Responsible):
                if entry.person_id is not None and not entry.name:
                    person = self.people.get(entry.person_id)
                    entry = replace(entry, name=person.full_name, post=entry.post or person.post)
                officers.append(entry)
            elif isinstance(entry, int) and not isinstance(entry, bool):
                person = self.people.get(entry)
                officers.append(Responsible(person.id, person.full_name, person.post))
            elif isinstance(entry, str):
                officers.append(Responsible(post=entry.strip()))
            else:
                raise ValidationError(f"{entry!r} is neither a person nor a post.")
        return tuple(officers)

    # -- changing -----------------------------------------------------------------------------
    def update(self, action: Action) -> Action:
        """Save edited details (text, officers, minute, target date). Progress, status and
        completion have their own calls so that each is audited as what it is."""
        stored = self.repo.get(action.id)
        action = replace(action, committee_id=stored.committee_id)
        raised_on = action.raised_on if action.meeting_id is None else self._meeting_date(action)
        kept = replace(
            action,
            raised_on=raised_on,
            responsible=self._responsible(action.responsible),
            updates=stored.updates,
            status=stored.status,
            expected_completion=stored.expected_completion,
            completed_on=stored.completed_on,
        )
        return self._save(kept, "update", self._summary(kept))

    def add_update(self, action_id: int, on: date, text: str) -> Action:
        changed = with_update(self.repo.get(action_id), on, text.strip())
        return self._save(changed, "progress", f"{on:%d.%m.%y}: {text.strip()}")

    def correct_update(self, action_id: int, update_id: int, on: date, text: str) -> Action:
        """Fix the date or wording of an update already written (typos like 08.01.18)."""
        action = self.repo.get(action_id)
        if update_id not in {u.id for u in action.updates}:
            raise ValidationError("That progress update does not belong to this action.")
        updates = [
            replace(u, on=on, text=text.strip()) if u.id == update_id else u for u in action.updates
        ]
        changed = replace(action, updates=tuple(sorted(updates, key=lambda u: u.on)))
        changed.validate()
        return self._save(changed, "correct progress", f"{on:%d.%m.%y}: {text.strip()}")

    def remove_update(self, action_id: int, update_id: int) -> Action:
        action = self.repo.get(action_id)
        kept = tuple(u for u in action.updates if u.id != update_id)
        if len(kept) == len(action.updates):
            raise ValidationError("That progress update does not belong to this action.")
        return self._save(replace(action, updates=kept), "remove progress", f"update {update_id}")

    def set_status(
        self, action_id: int, status: ActionStatus, expected_completion: Month | None = None
    ) -> Action:
        changed = with_status(self.repo.get(action_id), status, expected_completion)
        return self._save(changed, "status", changed.status_text or "(blank)")

    def complete(
        self, action_id: int, on: date, status: ActionStatus = ActionStatus.COMPLETED
    ) -> Action:
        changed = completed(self.repo.get(action_id), on, status)
        return self._save(changed, "complete", f"{changed.status_text} on {on.isoformat()}")

    def reopen(self, action_id: int, status: ActionStatus = ActionStatus.IN_PROGRESS) -> Action:
        changed = reopened(self.repo.get(action_id), status)
        return self._save(changed, "reopen", changed.status_text or "(blank)")

    def delete(self, action_id: int) -> None:
        action = self.repo.get(action_id)
        with self._change("delete", "action") as record:
            self.repo.delete(action_id)
            record(action_id, self._summary(action))

    def _save(self, action: Action, what: str, summary: str) -> Action:
        action.validate()
        with self._change(what, "action") as record:
            self.repo.update(action)
            record(action.id, summary)
        return self.repo.get(action.id)

    @staticmethod
    def _summary(action: Action) -> str:
        minute = f"minute {action.minute_number}: " if action.minute_number else ""
        return f"{minute}{action.text[:80]}"

    # -- the log ------------------------------------------------------------------------------
    def log_settings(self) -> ActionLogSettings:
        return self.repo.log_settings()

    def save_log_settings(self, settings: ActionLogSettings) -> ActionLogSettings:
        settings.validate()
        with self._change("save", "action log settings") as record:
            self.repo.save_log_settings(settings)
            record(1, f"closed actions shown in {settings.logs_showing_closed} log(s)")
        return self.repo.log_settings()

    def issued_log_dates(self, committee_id: int) -> list[date]:
        return self.repo.issued_log_dates(committee_id)

    def record_log_issued(
        self, committee_id: int, as_of: date, meeting_id: int | None = None
    ) -> None:
        """Note that the log dated ``as_of`` went to the committee (call it when the agenda
        carrying the log is published), so closed actions it reported can drop off later."""
        committee = self.committees.get(committee_id)
        if meeting_id is not None and self.meetings.get(meeting_id).committee_id != committee_id:
            raise ValidationError(f"That meeting is not a meeting of the {committee.name}.")
        with self._change("issue", "action log") as record:
            log_id = self.repo.record_issued_log(committee_id, as_of, meeting_id)
            record(log_id, f"{committee.code} action log as at {as_of.isoformat()}")

    def log_for_committee(
        self,
        committee_id: int,
        as_of: date,
        earlier_log_dates: Iterable[date] | None = None,
    ) -> ActionLog:
        """The committee's action log dated ``as_of``, grouped by meeting.

        Closed actions drop off after the council's number of logs (``log_settings``),
        counted over ``earlier_log_dates``: by default the logs recorded as issued before
        ``as_of``. With none recorded, every closed action is still shown, so nothing is
        dropped before it has been reported.
        """
        actions = self.for_committee(committee_id)
        if earlier_log_dates is None:
            earlier_log_dates = [d for d in self.repo.issued_log_dates(committee_id) if d < as_of]
        settings = self.repo.log_settings()
        return build_action_log(
            committee_id, actions, as_of, earlier_log_dates, settings.logs_showing_closed
        )

    def due(
        self,
        today: date | None = None,
        calendar: WorkingCalendar | None = None,
        due_soon_working_days: int = DEFAULT_DUE_SOON_WORKING_DAYS,
        committee_id: int | None = None,
    ) -> list[ActionDue]:
        """Open actions whose target date is past or within the next working days."""
        today = today or london_today()
        calendar = calendar or self.calendar()
        found = []
        for action in self.repo.open_actions():
            if committee_id is not None and action.committee_id != committee_id:
                continue
            state = due_state(
                action.target_date, today, calendar, due_soon_working_days=due_soon_working_days
            )
            if state.needs_attention:
                found.append(ActionDue(action, state))
        return sorted(found, key=lambda due: (due.action.target_date, due.action.id))
