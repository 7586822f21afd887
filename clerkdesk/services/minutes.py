"""Recording minutes: numbered entries made from the agenda, their text, and their actions.

``services.minutes`` is the way in. Attendance, declarations, votes, actions, standard
wording and the life cycle (publish, approve, sign) hang off it as ``.attendance``,
``.declarations``, ``.votes``, ``.actions``, ``.action_log``, ``.wording`` and
``.lifecycle``, so callers pass one object around.

Saving a body (``save_body``) is the autosave path: one row updated, and the audit log
written at most once per stretch of editing, not every few seconds.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import cached_property
from pathlib import Path

from clerkdesk.documents.phrases import available_styles
from clerkdesk.domain import markup
from clerkdesk.domain.agenda import REPORT, numbered
from clerkdesk.domain.attendance import QuorumKind
from clerkdesk.domain.meetings import Meeting
from clerkdesk.domain.minutes import (
    MeetingMinutes,
    Minute,
    MinuteAction,
    MinutesSettings,
    MinutesStatus,
    SubstituteDisplay,
)
from clerkdesk.domain.numbering import (
    check_manual_number,
    duplicate_message,
    next_number,
    series_for,
)
from clerkdesk.errors import ValidationError
from clerkdesk.services.attendance import AttendanceService
from clerkdesk.services.base import current_actor
from clerkdesk.services.declarations import DeclarationService
from clerkdesk.services.minute_action_log import MinuteActionLog
from clerkdesk.services.minute_actions import MinuteActionService
from clerkdesk.services.minutes_base import AUDIT_ENTITY, MinutesBase
from clerkdesk.services.minutes_lifecycle import MinutesLifecycle
from clerkdesk.services.minutes_wording import MinutesWording
from clerkdesk.services.votes import VoteService

# Body edits by the same person within this long make one audit entry, not hundreds.
AUTOSAVE_AUDIT_WINDOW = timedelta(minutes=10)


class MinutesService(MinutesBase):
    @cached_property
    def attendance(self) -> AttendanceService:
        return AttendanceService(self.store)

    @cached_property
    def declarations(self) -> DeclarationService:
        return DeclarationService(self.store)

    @cached_property
    def votes(self) -> VoteService:
        return VoteService(self.store)

    @cached_property
    def wording(self) -> MinutesWording:
        return MinutesWording(self.store)

    @cached_property
    def actions(self) -> MinuteActionService:
        return MinuteActionService(self.store)

    @cached_property
    def action_log(self) -> MinuteActionLog:
        """Puts the minutes' actions on the committee's action log, each exactly once."""
        return MinuteActionLog(self.store)

    @cached_property
    def lifecycle(self) -> MinutesLifecycle:
        return MinutesLifecycle(self.store, self)

    def set_template_folder(self, folder: Path | None) -> None:
        """Use a council's own wording templates (``<folder>/text/<style>/...``) first."""
        self.wording.template_dir = Path(folder) if folder else None

    # -- settings ------------------------------------------------------------------------
    def settings(self, committee_id: int) -> MinutesSettings:
        self.committees.get(committee_id)
        return self.repo.settings(committee_id)

    def save_settings(self, settings: MinutesSettings) -> MinutesSettings:
        committee = self.committees.get(settings.committee_id)
        settings = replace(  # a GUI or the CLI may hand over plain strings
            settings,
            substitutes=SubstituteDisplay(settings.substitutes),
            quorum=replace(settings.quorum, kind=QuorumKind(settings.quorum.kind)),
        )
        settings.validate(available_styles(self.wording.template_dir))
        with self._change("save minutes settings", "committee") as record:
            self.repo.save_settings(settings)
            record(committee.id, f"{committee.code}: {settings.style} style, quorum "
                                 f"{settings.quorum.describe()}")
        return self.repo.settings(committee.id)

    # -- reading -------------------------------------------------------------------------
    def state(self, meeting_id: int) -> MeetingMinutes:
        self.meetings.get(meeting_id)
        return self.repo.state(meeting_id)

    def list(self, meeting_id: int) -> list[Minute]:
        self.meetings.get(meeting_id)
        return self.repo.for_meeting(meeting_id)

    def get(self, minute_id: int) -> Minute:
        return self.repo.get(minute_id)

    @staticmethod
    def link_to(minute_id: int) -> str:
        """The markup for "minute 216" that stays right if minute 216 is renumbered."""
        return markup.minute_link(minute_id)

    def body_text(self, minute_id: int) -> str:
        """The body as plain text, links shown as minute numbers."""
        minute = self.repo.get(minute_id)
        body = markup.parse(minute.body)
        responsible = {a.id: a.responsible for a in self.repo.actions_for_minute(minute_id)}
        return markup.plain_text(body, self.repo.numbers(markup.minute_references(body)),
                                 responsible)

    # -- numbering -----------------------------------------------------------------------
    def series(self, meeting: Meeting):
        committee = self.committees.get(meeting.committee_id)
        settings = self.repo.settings(committee.id)
        return series_for(committee, meeting.date, self.council.year_starts(),
                          settings.running_restarted_on)

    def next_number(self, meeting_id: int) -> int:
        """The number the next new minute of this meeting would get."""
        meeting = self.meetings.get(meeting_id)
        committee = self.committees.get(meeting.committee_id)
        series = self.series(meeting)
        return next_number(committee.next_minute_number, [self.repo.highest_number(series.key)])

    def set_number(self, minute_id: int, number: int) -> Minute:
        """A number the clerk chooses. Refused when another minute of the series has it,
        naming that minute, and once the draft has been published."""
        minute = self.repo.get(minute_id)
        self.open_numbers(minute.meeting_id, f"renumbering {minute.label}")
        check_manual_number(number, minute.id, self.repo.holders(minute.series, number))
        with self._audited("number") as record:
            self.repo.set_numbers({minute.id: number})
            record(minute.meeting_id, f"{minute.label}: number changed to {number}")
        return self.repo.get(minute_id)

    def renumber(self, meeting_id: int) -> list[Minute]:
        """Number the meeting's minutes consecutively in their order, from the lowest."""
        minutes = self.repo.for_meeting(meeting_id)
        self.open_numbers(meeting_id, "renumbering")
        wanted: dict[int, int] = {}
        for series in {m.series for m in minutes}:
            in_series = [m for m in minutes if m.series == series]
            start = min(m.number for m in in_series)
            mine = {m.id for m in in_series}
            taken = {h.number: h for h in self.repo.holders(series) if h.minute_id not in mine}
            for offset, minute in enumerate(in_series):
                number = start + offset
                if number in taken:
                    raise ValidationError(duplicate_message(number, taken[number]))
                wanted[minute.id] = number
        with self._audited("number") as record:
            self.repo.set_numbers(wanted)
            record(meeting_id, "Minutes renumbered in order")
        return self.repo.for_meeting(meeting_id)

    # -- creating ------------------------------------------------------------------------
    def create_from_agenda(self, meeting_id: int) -> list[Minute]:
        """One minute per agenda item that has none yet, numbered in agenda order, with the
        standard wording for standing items. Returns the new minutes."""
        meeting = self.meetings.get(meeting_id)
        self.open_numbers(meeting_id, "adding minutes")
        existing = self.repo.for_meeting(meeting_id)
        have = {m.agenda_item_id for m in existing}
        items = [item for _, item in numbered(self.agenda.items_for(meeting_id))
                 if item.id not in have]
        if not items:
            return []
        with self._audited("create") as record:
            created = [
                self._insert(meeting, Minute(None, meeting_id, 0, item.title, item.section,
                                             kind=item.kind, agenda_item_id=item.id))
                for item in items
            ]
            # Bodies after every minute exists: wording may link to a later minute.
            for minute in created:
                body = self.wording.standard_body(minute)
                if body:
                    self.repo.save_body(minute.id, body)
            record(meeting_id, f"Minutes {created[0].number}-{created[-1].number} created "
                               f"from the agenda ({len(created)} items)")
        return [self.repo.get(m.id) for m in created]

    def add(
        self,
        meeting_id: int,
        title: str,
        *,
        section: str = "",
        kind: str = REPORT,
        agenda_item_id: int | None = None,
        body: str = "",
        number: int | None = None,
    ) -> Minute:
        """A minute with the next number of its series (or ``number``, if free)."""
        meeting = self.meetings.get(meeting_id)
        self.open_numbers(meeting_id, "adding a minute")
        if agenda_item_id is not None:
            item = self.agenda.get_item(agenda_item_id)
            if item.meeting_id != meeting_id:
                raise ValidationError(f"'{item.title}' is not on this meeting's agenda.")
        draft = Minute(None, meeting_id, number or 1, title, section, kind=kind,
                       agenda_item_id=agenda_item_id, body=body)
        draft.validate()
        with self._audited("create") as record:
            minute = self._insert(meeting, draft, number)
            record(meeting_id, f"{minute.label} created")
        return minute

    def _insert(self, meeting: Meeting, minute: Minute, number: int | None = None) -> Minute:
        series = self.series(meeting)
        if number is None:
            committee = self.committees.get(meeting.committee_id)
            number = next_number(committee.next_minute_number,
                                 [self.repo.highest_number(series.key)])
        else:
            check_manual_number(number, None, self.repo.holders(series.key, number))
        position = max((m.position for m in self.repo.for_meeting(meeting.id)), default=0) + 1
        minute = replace(minute, number=number, series=series.key, position=position)
        minute.validate()
        return replace(minute, id=self.repo.insert(minute))

    # -- changing ------------------------------------------------------------------------
    def update(self, minute: Minute) -> Minute:
        """Title, section, body, resolution and "unanimous" (never the number: set_number)."""
        current = self.repo.get(minute.id)
        self.editable_state(current.meeting_id, f"editing {current.label}")
        minute = replace(minute, meeting_id=current.meeting_id, number=current.number,
                         series=current.series, position=current.position,
                         agenda_item_id=current.agenda_item_id)
        minute.validate()
        changed = [name for name in ("title", "section", "kind", "body", "resolution",
                                     "unanimous")
                   if getattr(minute, name) != getattr(current, name)]
        if not changed:
            return current
        with self._audited("edit") as record:
            self.repo.update(minute)
            record(current.meeting_id, f"{current.label}: {', '.join(changed)} changed")
        return self.repo.get(minute.id)

    def save_body(self, minute_id: int, body: str) -> None:
        """Autosave: one row updated; one audit entry per stretch of editing."""
        meeting_id, status, number, title = self.repo.state_of_minute(minute_id)
        if status in (MinutesStatus.APPROVED, MinutesStatus.SIGNED):
            self.editable_state(meeting_id, f"editing minute {number}")
        summary = f"Minute {number} ({title}): body edited"
        with self._audited("edit") as record:
            self.repo.save_body(minute_id, body)
            if not self._recently_audited(meeting_id, summary):
                record(meeting_id, summary)

    def _recently_audited(self, meeting_id: int, summary: str) -> bool:
        last = self.repo.last_audit(AUDIT_ENTITY, meeting_id)
        if last is None:
            return False
        at, actor, action, last_summary = last
        recent = datetime.now(UTC) - datetime.fromisoformat(at) < AUTOSAVE_AUDIT_WINDOW
        return recent and actor == current_actor() and action == "edit" and \
            last_summary == summary

    def save_resolution(self, minute_id: int, text: str, unanimous: bool = False) -> Minute:
        minute = self.repo.get(minute_id)
        return self.update(replace(minute, resolution=text, unanimous=unanimous))

    def regenerate_standard_text(self, minute_id: int) -> Minute:
        """Write the standard wording again from today's data (after the attendance or the
        declarations changed). Replaces the body."""
        minute = self.repo.get(minute_id)
        return self.update(replace(minute, body=self.wording.standard_body(minute)))

    def reorder(self, meeting_id: int, ordered_ids: list[int]) -> list[Minute]:
        """Put the minutes in this order (numbers stay: renumber() if wanted)."""
        current = [m.id for m in self.repo.for_meeting(meeting_id)]
        if sorted(current) != sorted(ordered_ids):
            raise ValidationError("The new order must list every minute exactly once.")
        self.open_numbers(meeting_id, "reordering")
        with self._audited("reorder") as record:
            self.repo.set_positions(ordered_ids)
            record(meeting_id, "Minutes reordered")
        return self.repo.for_meeting(meeting_id)

    def delete(self, minute_id: int) -> None:
        minute = self.repo.get(minute_id)
        self.open_numbers(minute.meeting_id, f"deleting {minute.label}")
        citing = self.repo.referring_to(minute_id)
        if citing:
            raise ValidationError(
                f"{minute.label} is cited by {', '.join(m.label for m in citing)}; remove "
                "those references first."
            )
        if self.repo.approvals_recorded_in(minute_id):
            raise ValidationError(f"{minute.label} records the approval of earlier minutes.")
        with self._audited("delete") as record:
            self.repo.delete(minute_id)
            record(minute.meeting_id, f"{minute.label} deleted")

    # -- actions (for the action log: see services/minute_actions.py) ---------------------
    def actions_for_minute(self, minute_id: int) -> list[MinuteAction]:
        """The actions arising from one minute, for the action log to take up."""
        return self.actions.for_minute(minute_id)

    def actions_for_meeting(self, meeting_id: int) -> list[MinuteAction]:
        return self.actions.for_meeting(meeting_id)
