"""Minute entries: made from the agenda, autosaved, cross-referenced, with actions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from clerkdesk.domain import markup
from clerkdesk.domain.agenda import REPORT
from clerkdesk.domain.minutes import MinuteAction
from clerkdesk.errors import NotFoundError, ValidationError
from tests.services.test_minutes_fixtures import build_cyp


@pytest.fixture
def cyp(services, make):
    return build_cyp(services, make)

TYPED = """The Committee noted the following changes to the published agenda plan:

- a) July 2019: a single report from the Service Director for Education;
- b) July 2019: the ILACS action plan.

The Members' Seminar item on 14 June 2019 would be added to the Committee training plan.

(Action: Democratic Services Officer)

Arising from the report, Members:

- Asked whether the Council's agreement was required to transfer the lease. Officers
undertook to provide a note.
(**Action:** Strategic Education Place Planning Manager)
- Noted the Safeguarding Board's links."""


def test_one_minute_per_agenda_item_in_agenda_order(services, cyp):
    minutes = services.minutes.create_from_agenda(cyp.may.id)
    items = services.agenda.items(cyp.may.id)
    assert [(m.title, m.section, m.kind, m.agenda_item_id) for m in minutes] == [
        (i.title, i.section, i.kind, i.id) for i in items]
    assert services.minutes.create_from_agenda(cyp.may.id) == []  # nothing twice
    services.agenda.add_item(replace(items[5], id=None, title="Late item", position=0))
    added = services.minutes.create_from_agenda(cyp.may.id)
    assert [(m.title, m.number) for m in added] == [("Late item", 218)]


def test_save_body_is_one_row_update(services, cyp):
    minute = services.minutes.add(cyp.may.id, "Report")
    statements = []
    services.store.db.conn.set_trace_callback(statements.append)
    try:
        for n in range(5):
            services.minutes.save_body(minute.id, f"Draft {n}")
    finally:
        services.store.db.conn.set_trace_callback(None)
    writes = [s for s in statements if s.split()[0].upper() in ("UPDATE", "INSERT", "DELETE")]
    assert [s.split()[0].upper() for s in writes] == ["UPDATE", "INSERT"] + ["UPDATE"] * 4
    assert all("minutes" in s or "audit_log" in s for s in writes)
    assert services.minutes.get(minute.id).body == "Draft 4"


def test_cross_references_render_as_the_current_number(services, cyp):
    first = services.minutes.add(cyp.may.id, "Petitions")
    second = services.minutes.add(cyp.may.id, "Housing Related Support Services")
    services.minutes.save_body(
        first.id, f"It would be considered under that item (minute "
                  f"{services.minutes.link_to(second.id)} refers).")
    assert services.minutes.body_text(first.id).endswith("(minute 208 refers).")
    services.minutes.reorder(cyp.may.id, [second.id, first.id])
    services.minutes.renumber(cyp.may.id)
    assert services.minutes.body_text(first.id).endswith("(minute 207 refers).")
    with pytest.raises(ValidationError, match="is cited by Minute 208 \\(Petitions\\)"):
        services.minutes.delete(second.id)
    services.minutes.delete(first.id)
    services.minutes.delete(second.id)
    assert services.minutes.list(cyp.may.id) == []


def test_actions_for_the_action_log(services, cyp):
    services.minutes.create_from_agenda(cyp.may.id)
    minute = cyp.minute_for("Agenda Plan")
    action = services.minutes.actions.add(
        minute.id, "Democratic Services Officer",
        "The Members' Seminar item on 14 June 2019 would be added to the training plan.")
    assert services.minutes.actions_for_minute(minute.id) == [MinuteAction(
        minute_id=minute.id, minute_number=217,
        item_title="Agenda Plan, Appointments and Training Plan",
        responsible="Democratic Services Officer",
        text="The Members' Seminar item on 14 June 2019 would be added to the training plan.",
        id=action.id, position=1, meeting_id=cyp.may.id, forward_plan_ref="")]
    assert services.minutes.actions.after_resolution(minute.id) == [action]
    changed = services.minutes.actions.update(replace(action, responsible="Clerk"))
    assert changed.responsible == "Clerk"
    with pytest.raises(ValidationError, match="Describe the action"):
        services.minutes.actions.add(minute.id, "Clerk", " ")
    services.minutes.actions.remove(action.id)
    assert services.minutes.actions_for_meeting(cyp.may.id) == []
    with pytest.raises(NotFoundError):
        services.minutes.actions.remove(action.id)


def test_typed_action_lines_become_actions_linked_in_the_text(services, cyp):
    minute = services.minutes.add(cyp.may.id, "Agenda Plan")
    services.minutes.save_body(minute.id, TYPED)
    adopted = services.minutes.actions.adopt_typed(minute.id)
    assert [(a.responsible, a.text) for a in adopted] == [
        ("Democratic Services Officer",
         "The Members' Seminar item on 14 June 2019 would be added to the Committee training "
         "plan."),
        ("Strategic Education Place Planning Manager",
         "Asked whether the Council's agreement was required to transfer the lease. Officers "
         "undertook to provide a note."),
    ]
    body = services.minutes.get(minute.id).body
    assert markup.action_line(adopted[0].id) in body and "(Action:" not in body
    assert services.minutes.actions.adopt_typed(minute.id) == []  # nothing left to adopt
    text = services.minutes.body_text(minute.id)
    assert "(Action: Democratic Services Officer)" in text
    assert "(Action: Strategic Education Place Planning Manager)" in text
    assert services.minutes.actions.after_resolution(minute.id) == []
    services.minutes.actions.remove(adopted[0].id)
    assert markup.action_line(adopted[0].id) not in services.minutes.get(minute.id).body


def test_publishing_adopts_typed_actions(services, cyp):
    minute = services.minutes.add(cyp.may.id, "Finance")
    services.minutes.save_resolution(minute.id, "note the report.\n(Action: Service Director "
                                                "– Education)")
    services.minutes.lifecycle.publish(cyp.may.id)
    [action] = services.minutes.actions_for_minute(minute.id)
    assert (action.responsible, action.text) == ("Service Director – Education",
                                                 "note the report.")


def test_update_and_regenerate(services, cyp):
    cyp.mark_may_attendance()
    minutes = services.minutes.create_from_agenda(cyp.may.id)
    apologies = minutes[1]
    services.minutes.update(replace(apologies, body="Edited by the clerk."))
    assert services.minutes.get(apologies.id).body == "Edited by the clerk."
    regenerated = services.minutes.regenerate_standard_text(apologies.id)
    assert regenerated.body.startswith("Apologies were received as recorded above.")
    with pytest.raises(ValidationError, match="needs a title"):
        services.minutes.update(replace(apologies, title=" "))
    with pytest.raises(ValidationError, match="unanimous but records no resolution"):
        services.minutes.update(replace(apologies, unanimous=True))
    unchanged = services.minutes.update(services.minutes.get(apologies.id))
    assert unchanged == services.minutes.get(apologies.id)
    assert services.minutes.add(cyp.may.id, "Other", kind=REPORT).kind == REPORT
    with pytest.raises(ValidationError, match="not on this meeting's agenda"):
        services.minutes.add(cyp.july.id, "Wrong", agenda_item_id=apologies.agenda_item_id)
