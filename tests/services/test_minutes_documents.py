"""The minutes feed the action log once, feed the standard wording, and go into the next
agenda pack (with the action log) under their standing items."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from clerkdesk.documents.minutes_context import DRAFT_LABEL
from clerkdesk.documents.pack import Audience
from clerkdesk.domain.actions import Action, ActionStatus
from clerkdesk.domain.agenda import AgendaItem
from clerkdesk.domain.committees import StandingItemKind
from clerkdesk.domain.people import PersonKind
from clerkdesk.domain.petitions import Petition
from clerkdesk.errors import ClerkError
from clerkdesk.services.minutes_documents import (
    MinutesDocuments,
    agenda_date,
    generated_folder,
    vote_subject_is_plural,
)
from tests.services.test_minutes_fixtures import build_cyp

TYPED = """Arising from the report, Members noted:

- A Member asked for more information about the funding of out of school tuition;
(Action: Service Director – Education)
- Officers would report back on reserves held by schools.
(**Action:** Strategic Finance Business Partner/ Democratic Services Officer)"""


@pytest.fixture
def cyp(services, make):
    cyp = build_cyp(services, make)
    make.person(forenames="Jon", surname="Lewis", title="Mr", kind=PersonKind.OFFICER,
                post="Service Director – Education")
    make.person(forenames="Martin", surname="Wade", title="Mr", kind=PersonKind.OFFICER,
                post="Strategic Finance Business Partner")
    cyp.mark_may_attendance()
    services.minutes.create_from_agenda(cyp.may.id)
    finance = cyp.minute_for("Finance and Performance")
    services.minutes.update(replace(finance, body=TYPED))
    return cyp


def log_entries(services, cyp):
    return services.actions.for_meeting(cyp.may.id)


# -- the action log is fed from the minutes, once ----------------------------------------------


def test_publishing_puts_each_minute_action_on_the_log_once(services, cyp):
    services.minutes.lifecycle.publish(cyp.may.id)
    entries = log_entries(services, cyp)
    finance = cyp.minute_for("Finance and Performance")
    assert [(e.minute_id, e.minute_number, e.item_title) for e in entries] == \
        [(finance.id, str(finance.number), finance.title)] * 2
    assert entries[0].text.startswith("A Member asked for more information")
    # The minutes name posts; the log names the one officer on record holding each.
    assert entries[0].officers_text == "Jon Lewis"
    assert entries[1].officers_text == "Martin Wade/ Richenda Greenhill"
    again = services.minutes.action_log.add_meeting(cyp.may.id)
    assert again == [] and len(log_entries(services, cyp)) == 2
    minute_actions = services.minutes.actions_for_meeting(cyp.may.id)
    assert [services.minutes.action_log.entry_for(a.id).id for a in minute_actions] == \
        [e.id for e in entries]


def test_a_post_several_officers_hold_stays_a_post_unless_the_clerk_holds_it(services, make,
                                                                          cyp):
    other = make.person(forenames="Jonathan", surname="Prest", title="Mr",
                        kind=PersonKind.OFFICER, post="Democratic Services Officer")
    services.minutes.lifecycle.publish(cyp.may.id)
    assert log_entries(services, cyp)[1].officers_text == \
        "Martin Wade/ Democratic Services Officer"
    services.committees.update(replace(cyp.committee, clerk_id=other.id))
    plan = cyp.minute_for("Agenda Plan")
    services.minutes.actions.add(plan.id, "Democratic Services Officer", "Update the plan.")
    assert services.minutes.action_log.add_minute(plan.id)[0].officers_text == "Jonathan Prest"


def test_a_deleted_log_entry_is_not_brought_back(services, cyp):
    services.minutes.lifecycle.publish(cyp.may.id)
    first = log_entries(services, cyp)[0]
    services.actions.delete(first.id)
    assert services.minutes.action_log.add_meeting(cyp.may.id) == []
    assert len(log_entries(services, cyp)) == 1


def test_an_entry_typed_into_the_log_first_is_linked_not_duplicated(services, cyp):
    finance = cyp.minute_for("Finance and Performance")
    typed = services.actions.create(Action(
        None, cyp.committee.id, cyp.may.date, "Report back on school reserves.",
        meeting_id=cyp.may.id, minute_number=str(finance.number), item_title=finance.title,
        responsible=("Strategic Finance Business Partner",), status=ActionStatus.ON_GOING))
    services.actions.add_update(typed.id, date(2019, 6, 1), "Figures requested.")
    services.minutes.lifecycle.publish(cyp.may.id)
    entries = log_entries(services, cyp)
    assert len(entries) == 2
    kept = services.actions.get(typed.id)
    assert kept.minute_id == finance.id and kept.status is ActionStatus.ON_GOING
    assert [u.text for u in kept.updates] == ["Figures requested."]


def test_actions_added_after_publishing_are_taken_up_by_the_next_call(services, cyp):
    services.minutes.lifecycle.publish(cyp.may.id)
    plan = cyp.minute_for("Agenda Plan")
    services.minutes.actions.add(plan.id, "Democratic Services Officer", "Update the plan.")
    added = services.minutes.action_log.add_minute(plan.id)
    assert [a.text for a in added] == ["Update the plan."]
    assert services.minutes.action_log.add_minute(plan.id) == []


# -- the standard wording is fed from the registers --------------------------------------------


def test_action_log_and_petitions_minutes_come_from_the_registers(services, cyp):
    committee = cyp.committee
    closed = services.actions.create_from_minute(
        committee.id, cyp.march.id, None, "207", "Finance Report", "", "Democratic Services "
        "Officer", "A note for Members.")
    services.actions.add_update(closed.id, date(2019, 4, 1),
                                "The note requested by a Member was no longer required.")
    services.actions.complete(closed.id, date(2019, 4, 2), ActionStatus.NO_LONGER_REQUIRED)
    petition = services.petitions.register(Petition(
        None, "Whitworth House", "Keep it open.", received_on=date(2019, 5, 1), signatures=13,
        committee_id=committee.id))
    services.petitions.accept(petition.id)
    services.petitions.schedule(petition.id, cyp.may.id, cyp.item("Housing").id)
    log_minute = cyp.minute_for("Action Log")
    services.minutes.regenerate_standard_text(log_minute.id)
    assert services.minutes.body_text(log_minute.id) == (
        "The Action Log was reviewed and the following updates noted:\n\n"
        "- Minute 207: The note requested by a Member was no longer required.")
    petitions = cyp.minute_for("Petitions")
    services.minutes.regenerate_standard_text(petitions.id)
    housing = cyp.minute_for("Housing")
    assert services.minutes.body_text(petitions.id) == (
        "The Chairman stated that a petition had been received regarding ‘Whitworth House’. "
        f"As this related to the next item on the agenda it would be considered under that "
        f"item (minute {housing.number} refers).")


# -- documents ---------------------------------------------------------------------------------


def test_a_meeting_without_minutes_is_refused_in_words(services, cyp, tmp_path):
    with pytest.raises(ClerkError, match="has no minutes yet"):
        MinutesDocuments(services).write(cyp.july.id, "pdf", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    with pytest.raises(ClerkError, match="not 'rtf'"):
        MinutesDocuments(services).write(cyp.may.id, "rtf", tmp_path / "x.rtf")


def test_vote_subjects_agree_with_their_verb():
    assert vote_subject_is_plural("the recommendations")
    assert not vote_subject_is_plural("the amendment moved by Councillor Hoy")
    assert not vote_subject_is_plural("the motion")


# -- the next agenda pack ----------------------------------------------------------------------


def july_agenda(services, cyp):
    services.meetings.update(replace(cyp.july, venue="Kreis Viersen Room, Shire Hall"))
    for title, kind in (("Minutes of the Meeting on 21 May 2019", StandingItemKind.MINUTES),
                        ("Action Log", StandingItemKind.ACTION_LOG),
                        ("Petitions", StandingItemKind.PETITIONS)):
        services.agenda.add_item(AgendaItem(None, cyp.july.id, title, "CONSTITUTIONAL MATTERS",
                                            kind=kind.value))


def pack_text(services, cyp, tmp_path, name):
    out = tmp_path / f"{name}.pdf"
    services.packs.build_pack(cyp.july.id, out, Audience.PUBLIC)
    reader = PdfReader(out)
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def outline_titles(entries) -> list[str]:
    titles = []
    for entry in entries:
        titles += outline_titles(entry) if isinstance(entry, list) else [entry.title]
    return titles


def test_unpublished_minutes_stay_out_of_the_pack(services, cyp, tmp_path):
    july_agenda(services, cyp)
    spec = services.packs.spec(cyp.july.id)
    minutes_item = next(i for i in spec.items if i.title.startswith("Minutes"))
    assert minutes_item.documents == ()


def test_published_then_approved_minutes_go_into_the_next_pack(services, cyp, tmp_path):
    july_agenda(services, cyp)
    services.minutes.lifecycle.publish(cyp.may.id)
    reader, text = pack_text(services, cyp, tmp_path, "draft")
    assert "CHILDREN AND YOUNG PEOPLE COMMITTEE: MINUTES" in text
    assert DRAFT_LABEL in text
    assert "Draft minutes of the meeting on 21 May 2019" in outline_titles(reader.outline)
    services.minutes.lifecycle.approve(cyp.may.id, cyp.july.id)
    reader, text = pack_text(services, cyp, tmp_path, "approved")
    assert "CHILDREN AND YOUNG PEOPLE COMMITTEE: MINUTES" in text
    assert "Date: 21 May 2019" in text and DRAFT_LABEL not in text
    titles = outline_titles(reader.outline)
    assert "Minutes of the meeting on 21 May 2019" in titles
    generated = generated_folder(services)
    assert generated.parent.name == f"{services.store.path.stem}-files"
    assert (generated / f"minutes-{cyp.may.id}.pdf").is_file()


def test_the_action_log_goes_under_its_item_dated_the_agenda_day(services, cyp, tmp_path):
    july_agenda(services, cyp)
    services.minutes.lifecycle.publish(cyp.may.id)
    as_of = agenda_date(services, services.meetings.get(cyp.july.id))
    assert as_of < cyp.july.date
    reader, text = pack_text(services, cyp, tmp_path, "log")
    assert "Minutes-Action Log" in text
    assert "A Member asked for more information" in text
    assert any(t.startswith("Action Log as at") for t in outline_titles(reader.outline))
