"""The demo council's actions and petitions, as of DEMO_TODAY, and the dashboard rows made
from them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from clerkdesk.demo.actions_petitions import ACKNOWLEDGE_WITHIN
from clerkdesk.demo.build import build_demo
from clerkdesk.domain.actions import ActionStatus
from clerkdesk.domain.due import DueState
from clerkdesk.domain.petitions import Petition, PetitionStatus
from clerkdesk.services.actions_petitions_due import (
    action_due_rows,
    dashboard_rows,
    petition_due_rows,
)
from tests.conftest import DEMO_TODAY


def all_actions(services):
    return [a for c in services.committees.list() for a in services.actions.for_committee(c.id)]


def test_actions_in_every_status_each_with_several_updates(demo):
    actions = all_actions(demo)
    assert {a.status for a in actions} == set(ActionStatus)
    assert all(len(a.updates) >= 2 for a in actions)
    assert all(a.raised_on <= u.on <= DEMO_TODAY for a in actions for u in a.updates)
    assert all(a.warnings() == [] for a in actions)
    for action in actions:
        if action.is_closed:
            assert all(u.on <= action.completed_on <= DEMO_TODAY for u in action.updates)
    states = {a.id: s.state for s in demo.actions.due(DEMO_TODAY) for a in [s.action]}
    assert set(states.values()) == {DueState.OVERDUE, DueState.DUE_SOON}


def test_the_log_drops_a_completed_action_already_reported_and_shows_a_new_one(demo):
    cyp = demo.committees.by_code("CYP")
    log = demo.actions.log_for_committee(cyp.id, DEMO_TODAY)
    listed = {row.action.id for row in log.rows}
    closed = [a for a in demo.actions.for_committee(cyp.id) if a.is_closed]
    dropped = [a for a in closed if a.id not in listed]
    shown = [row for row in log.rows if row.action.is_closed]
    assert len(dropped) == 1 and "balances held by maintained schools" in dropped[0].text
    assert {row.status_text for row in shown} == {"Completed", "No longer required"}
    assert len(log.groups) == 3
    assert all(group.heading.startswith("Minutes of the meeting on ") for group in log.groups)
    assert any(not row.first_for_minute for row in log.rows)  # two actions under minute 27
    assert log.last_updated <= DEMO_TODAY


def test_petitions_before_and_after_their_meetings(demo):
    petitions = {p.title: p for p in demo.petitions.list()}
    rows = {r.title: r for r in demo.petitions.register_rows(today=DEMO_TODAY)}
    answered = petitions["Save Fenchester Youth Centre"]
    assert answered.status is PetitionStatus.RESPONDED
    assert answered.meeting_date < answered.response_on <= DEMO_TODAY
    crossing = "Safer crossing outside Castle Street Primary School"
    assert petitions[crossing].signatures < demo.petitions.scheme().min_signatures_to_speak
    assert rows[crossing].can_speak is False
    assert rows[crossing].response_due < DEMO_TODAY and rows[crossing].due_state is \
        DueState.OVERDUE
    upcoming = [p for p in petitions.values() if p.meeting_date and p.meeting_date > DEMO_TODAY]
    assert len(upcoming) == 2 and all(p.status is PetitionStatus.SCHEDULED for p in upcoming)
    assert all(p.agenda_item_id is not None for p in upcoming)  # under the Petitions item
    assert {r.due_state for r in rows.values()} >= {DueState.OVERDUE, DueState.DUE_SOON,
                                                    DueState.DONE}
    assert demo.petitions.scheme().acknowledgement_working_days == ACKNOWLEDGE_WITHIN
    follow_up = [a for a in all_actions(demo) if a.petition_id == petitions[crossing].id]
    assert len(follow_up) == 1 and follow_up[0].minute_number == "24"


def test_dashboard_rows_list_overdue_then_due_soon(demo):
    rows = dashboard_rows(demo, DEMO_TODAY)
    assert rows == sorted(rows, key=lambda r: (r.state != "overdue", r.due_date, r.kind,
                                               r.record_id))
    assert {(r.kind, r.state) for r in rows} == {
        ("petition", "overdue"), ("petition", "due soon"),
        ("action", "overdue"), ("action", "due soon")}
    by_title = {(r.kind, r.title): r for r in rows}
    crossing = by_title[("petition", "Safer crossing outside Castle Street Primary School")]
    assert crossing.what == "Written response to the petition"
    assert crossing.committee == "Children and Young People Committee"
    assert crossing.meeting_id is not None and crossing.due_date < DEMO_TODAY
    library = by_title[("petition", "Keep the mobile library visiting Fenbridge villages")]
    assert (library.what, library.state) == ("Acknowledgement to the organiser", "due soon")
    speed = by_title[("petition", "Reduce the speed limit on the A142 through Fenbridge")]
    assert (speed.committee, speed.meeting_id, speed.state) == (
        "Environment and Transport Committee", None, "overdue")
    assert all(r.what.startswith("Action") for r in action_due_rows(demo, DEMO_TODAY))
    assert len(petition_due_rows(demo, DEMO_TODAY)) + len(action_due_rows(demo, DEMO_TODAY)) \
        == len(rows)
    # An answered petition is not on the dashboard, whatever its acknowledgement did.
    assert ("petition", "Save Fenchester Youth Centre") not in by_title


def test_the_demo_works_early_in_a_municipal_year(services):
    # Two weeks after the annual meeting: no meeting has been held yet this year.
    build_demo(services, date(2027, 5, 20))
    actions = all_actions(services)
    assert {a.status for a in actions} == set(ActionStatus)
    assert services.petitions.list()


def test_closed_petitions_leave_the_dashboard_even_unacknowledged(services, make):
    # A withdrawn petition cannot be acknowledged, so its clock must stop (core fix).
    make.council()
    petitions = services.petitions
    petitions.save_scheme(replace(petitions.scheme(), acknowledgement_working_days=5))
    received = date(2019, 5, 1)
    withdrawn = petitions.register(Petition(None, "Withdrawn", received_on=received,
                                            signatures=20))
    petitions.withdraw(withdrawn.id, "The organiser withdrew it.")
    answered = petitions.register(Petition(None, "Answered", received_on=received,
                                           signatures=20))
    petitions.accept(answered.id)
    petitions.record_response(answered.id, date(2019, 5, 3), "Done.")
    waiting = petitions.register(Petition(None, "Waiting", received_on=received, signatures=20))
    assert [r.record_id for r in petition_due_rows(services, date(2019, 6, 3))] == [waiting.id]
    acknowledgement, _response = petitions.clocks(withdrawn.id)
    assert acknowledgement.no_due_date_because == "the petition was withdrawn"
    assert petitions.clocks(answered.id)[0].no_due_date_because == \
        "the petition has been answered"
