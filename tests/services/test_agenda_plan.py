"""The agenda plan service: items, reserve dates, seed deadlines, pulling onto an agenda."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from clerkdesk.domain.access import AccessLevel
from clerkdesk.domain.agenda_plan import PlanItem
from clerkdesk.domain.meetings import london_datetime
from clerkdesk.errors import ValidationError
from tests.agenda_plan_seed import PUBLISHED, SEED_DEADLINES, enter_seed_plan


def dmy(day: date | None) -> str:
    return f"{day:%d/%m/%y}" if day else ""


def test_seed_agenda_plan_rows_are_reproduced_by_the_rules(services, make):
    # CCC 2019: 7 clear working days (by 10.00am) for draft reports, 5 for despatch.
    committee = enter_seed_plan(services, make)
    plan = services.agenda_plan.plan(committee.id, PUBLISHED)
    found = [(dmy(g.day), dmy(g.draft_reports.due_date), dmy(g.despatch.due_date))
             for g in plan.meetings]
    assert found == SEED_DEADLINES
    assert all(g.draft_reports.due_at.hour == 10 for g in plan.meetings)
    first, reserve = plan.meetings[0], plan.meetings[1]
    assert first.confirmed and first.items[0].title == "Free School Proposals"
    assert not reserve.confirmed and reserve.label == "Provisional Meeting"
    assert reserve.items == ()
    wednesday = next(g for g in plan.meetings if g.day == date(2019, 12, 4))
    assert wednesday.day_note == "(Wednesday meeting)"
    assert "Elitestone" in first.despatch.explanation  # the working is kept


def test_plan_starts_at_today(services, make):
    committee = enter_seed_plan(services, make)
    plan = services.agenda_plan.plan(committee.id, date(2020, 1, 1))
    assert dmy(plan.meetings[0].day) == "21/01/20"


def test_planned_date_without_a_meeting_is_provisional(services, make):
    make.council()
    committee = make.committee()
    services.agenda_plan.add(PlanItem(None, committee.id, "Youth Justice Plan",
                                      planned_date=date(2019, 9, 10), lead_officer="S Ferguson"))
    (group,) = services.agenda_plan.plan(committee.id, date(2019, 7, 1)).meetings
    assert not group.confirmed and group.label == "Provisional Meeting"
    assert dmy(group.despatch.due_date) == "02/09/19"
    assert [i.title for i in group.items] == ["Youth Justice Plan"]


def test_item_validation(services, make):
    committee = make.committee()
    with pytest.raises(ValidationError, match="either a meeting or a planned date"):
        services.agenda_plan.add(PlanItem(None, committee.id, "No date"))
    with pytest.raises(ValidationError, match="needs its reference"):
        services.agenda_plan.add(PlanItem(None, committee.id, "Budget", key_decision=True,
                                          planned_date=date(2019, 9, 10)))
    other = make.committee()
    meeting = make.meeting(committee=other)
    with pytest.raises(ValidationError, match="another committee"):
        services.agenda_plan.add(PlanItem(None, committee.id, "Wrong", meeting_id=meeting.id))


def test_edit_move_and_delete(services, make):
    committee = make.committee()
    day = date(2019, 9, 10)
    first, second = (services.agenda_plan.add(PlanItem(None, committee.id, t, planned_date=day))
                     for t in ("First", "Second"))
    services.agenda_plan.update(replace(first, notes="Moved from July"))
    assert services.agenda_plan.item(first.id).notes == "Moved from July"
    services.agenda_plan.move(second.id, -1)
    assert [i.title for i in services.agenda_plan.items(committee.id)] == ["Second", "First"]
    services.agenda_plan.delete(first.id)
    assert [i.title for i in services.agenda_plan.items(committee.id)] == ["Second"]


def test_pull_into_agenda(services, make):
    make.council()
    committee = make.committee()
    meeting = make.meeting(committee=committee, start=london_datetime(date(2019, 9, 10), 14))
    planned = services.agenda_plan.add(PlanItem(
        None, committee.id, "Maintained Nursery School Review", planned_date=date(2019, 9, 10),
        lead_officer="H Belchamber", key_decision=True, reference="KD2019/006",
        confidential=True))
    added = services.agenda_plan.pull_into_agenda(planned.id, meeting.id)
    assert added.title == "Maintained Nursery School Review"
    assert added.forward_plan_ref == "KD2019/006" and added.key_decision
    assert added.lead_officer == "H Belchamber" and added.plan_item_id == planned.id
    assert added.access.level is AccessLevel.CONFIDENTIAL  # '+' until the clerk confirms
    moved = services.agenda_plan.item(planned.id)
    assert moved.moved and moved.agenda_item_id == added.id and moved.meeting_id == meeting.id
    assert [i.title for i in services.agenda.items(meeting.id)] == [added.title]
    with pytest.raises(ValidationError, match="already on an agenda"):
        services.agenda_plan.pull_into_agenda(planned.id, meeting.id)


def test_reserve_dates_are_unique(services, make):
    committee = make.committee()
    services.agenda_plan.add_reserve_date(committee.id, date(2019, 8, 13))
    with pytest.raises(ValidationError, match="already a reserve date"):
        services.agenda_plan.add_reserve_date(committee.id, date(2019, 8, 13))
