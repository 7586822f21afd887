"""Petitions and actions that need the clerk's attention, as plain rows for the dashboard.

rules.md §5 "Dashboard": overdue and "due in ≤2 working days" lists. A petition gives one
row per clock that needs attention (its acknowledgement, its written response); an open
action gives one row when its target date is past or near. "Due soon" means the same here
as everywhere (``clerkdesk.domain.due``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clerkdesk.domain.calendar import WorkingCalendar
from clerkdesk.domain.due import DueState
from clerkdesk.domain.petition_scheme import petition_clocks


@dataclass(frozen=True)
class DueRow:
    kind: str  # "petition" or "action"
    record_id: int
    title: str  # the petition's title, or the action's text
    what: str  # "Written response to the petition", "Action from minute 217" ...
    committee: str  # the committee's name, or "" when none is linked
    due_date: date
    state: str  # "overdue" or "due soon" (DueState values)
    meeting_id: int | None


def _committee_names(services) -> dict[int, str]:
    return {committee.id: committee.name for committee in services.committees.list()}


def petition_due_rows(
    services, today: date, calendar: WorkingCalendar | None = None
) -> list[DueRow]:
    """Each petition clock (acknowledgement, response) overdue or due soon."""
    petitions = services.petitions
    calendar = calendar or petitions.calendar()
    scheme = petitions.scheme()
    names = _committee_names(services)
    rows = []
    for petition in petitions.list():
        for clock in petition_clocks(petition, scheme, calendar):
            state = clock.state(today, calendar, scheme.due_soon_working_days)
            if state.needs_attention:
                rows.append(DueRow(
                    "petition", petition.id, petition.title, clock.label,
                    names.get(petition.committee_id, ""), clock.due_date, state.value,
                    petition.meeting_id,
                ))
    return rows


def action_due_rows(
    services, today: date, calendar: WorkingCalendar | None = None
) -> list[DueRow]:
    """Each open action whose target date is past or within the "due soon" days."""
    names = _committee_names(services)
    rows = []
    for due in services.actions.due(today, calendar):
        action = due.action
        what = f"Action from minute {action.minute_number}" if action.minute_number \
            else "Action"
        rows.append(DueRow(
            "action", action.id, action.text, what, names.get(action.committee_id, ""),
            action.target_date, due.state.value, action.meeting_id,
        ))
    return rows


def dashboard_rows(services, today: date) -> list[DueRow]:
    """Both lists in one: overdue first, then due soon, each by due date."""
    calendar = services.petitions.calendar()
    rows = petition_due_rows(services, today, calendar) + action_due_rows(
        services, today, calendar)
    return sorted(rows, key=lambda row: (row.state != DueState.OVERDUE.value, row.due_date,
                                         row.kind, row.record_id))
