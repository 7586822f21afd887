"""The petition service over a real SQLite file: the register, the scheme as stored data,
clocks from the council's calendar, the register rows the CLI prints, and privacy."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from clerkdesk.domain.agenda import AgendaItem
from clerkdesk.domain.due import DueState
from clerkdesk.domain.meetings import london_datetime
from clerkdesk.domain.petition_privacy import PrivacyError
from clerkdesk.domain.petition_scheme import OrganiserPublication, PetitionScheme
from clerkdesk.domain.petitions import Channel, Organiser, Petition, PetitionStatus
from clerkdesk.errors import ClerkError, NotFoundError, ValidationError
from clerkdesk.services.registry import Services
from clerkdesk.store.audit_repo import AuditRepository

MAY_21 = date(2019, 5, 21)
LORNE = Organiser(
    None, "Lorne Williamson", locality="Cambridge", address="12 Example Road\nCambridge",
    postcode="CB4 9ZZ", email="lorne@example.org", telephone="01223 555 0101",
)
WHITWORTH_TEXT = (
    "We understand that the Children and Young Persons Committee will be deciding on whether "
    "to continue the financial support they have given to Whitworth House ..."
)


@pytest.fixture
def cyp(make):
    make.council()
    return make.committee(name="Children and Young People Committee", code="CYP")


@pytest.fixture
def may(make, cyp):
    return make.meeting(committee=cyp, start=london_datetime(MAY_21, 14))


@pytest.fixture
def whitworth(services):
    return services.petitions.register(
        Petition(None, "Whitworth House – petition", text=WHITWORTH_TEXT, organiser=LORNE,
                 received_on=date(2019, 5, 8), channel=Channel.PAPER, signatures=13)
    )


def audit(services, petition_id):
    return [(e.action, e.summary) for e in
            AuditRepository(services.store.db).for_entity("petition", petition_id)]


def test_registering_adds_the_organiser_once_as_a_contact(services, whitworth, db_path):
    assert whitworth.status is PetitionStatus.RECEIVED
    assert whitworth.organiser.id is not None
    second = services.petitions.register(
        Petition(None, "Chesterton Road crossing", organiser=whitworth.organiser, signatures=40)
    )
    assert second.organiser == whitworth.organiser
    assert services.petitions.organisers() == [whitworth.organiser]
    services.close()
    with Services.open(db_path) as reopened:
        assert reopened.petitions.get(whitworth.id) == whitworth


def test_correcting_the_organiser_corrects_every_petition(services, whitworth):
    # The minutes said "Lorne Williams", the appendix "Lorne Williamson" (domain.md §5 P1):
    # with one contact record there is one spelling, and fixing it fixes it everywhere.
    services.petitions.update_organiser(replace(whitworth.organiser, name="Lorne Williams"))
    assert services.petitions.get(whitworth.id).organiser.name == "Lorne Williams"
    assert services.petitions.public_organiser_text(whitworth.id) == "Lorne Williams, Cambridge"


def test_an_organiser_with_petitions_cannot_be_deleted(services, whitworth):
    with pytest.raises(ClerkError, match="organised 1 petition"):
        services.petitions.delete_organiser(whitworth.organiser.id)
    services.petitions.delete(whitworth.id)
    services.petitions.delete_organiser(whitworth.organiser.id)
    assert services.petitions.organisers() == []


def test_editing_details_keeps_the_steps_and_can_link_a_new_organiser(services, whitworth):
    services.petitions.accept(whitworth.id)
    edited = replace(whitworth, signatures=14, valid_signatures=12, channel=Channel.BOTH,
                     status=PetitionStatus.RESPONDED, organiser=Organiser(None, "Jo Wibberley"))
    saved = services.petitions.update_details(edited)
    assert (saved.signatures, saved.valid_signatures, saved.channel) == (14, 12, Channel.BOTH)
    assert saved.status is PetitionStatus.ACCEPTED  # steps have their own calls
    assert saved.organiser.name == "Jo Wibberley" and saved.organiser.id is not None
    assert len(services.petitions.organisers()) == 2
    with pytest.raises(ValidationError, match="more than the 14 submitted"):
        services.petitions.update_details(replace(saved, valid_signatures=15))


def test_registering_ignores_a_status_or_response_passed_in(services):
    sneaky = services.petitions.register(Petition(
        None, "X", organiser=LORNE, signatures=5, status=PetitionStatus.RESPONDED,
        response_on=date(2019, 1, 1), response_text="Done",
    ))
    assert sneaky.status is PetitionStatus.RECEIVED and sneaky.response_on is None


def test_the_seed_2019_petition_from_receipt_to_response(services, cyp, may, whitworth):
    item = services.agenda.add_item(AgendaItem(None, may.id, "Whitworth House", "DECISIONS"))
    services.petitions.add_comment(whitworth.id, date(2019, 5, 15),
                                   "Neighbours of Whitworth House are aware ...")
    services.petitions.accept(whitworth.id)
    scheduled = services.petitions.schedule(whitworth.id, may.id, item.id)
    assert (scheduled.committee_id, scheduled.meeting_date) == (cyp.id, MAY_21)
    assert services.petitions.speaking(whitworth.id).met is False  # 13 < 50
    response = services.petitions.clocks(whitworth.id)[1]
    assert response.due_date == date(2019, 6, 5)  # 27 May 2019 bank holiday skipped
    considered = services.petitions.record_consideration(whitworth.id, 216)
    assert (considered.minute_number, considered.agenda_item_id) == ("216", item.id)
    answered = services.petitions.record_response(
        whitworth.id, date(2019, 6, 4), "Letter from the Chairman.",
        "the Chairman, on behalf of the Committee")
    assert answered.status is PetitionStatus.RESPONDED
    assert answered.comments[0].on == date(2019, 5, 15)
    assert [what for what, _ in audit(services, whitworth.id)] == [
        "register", "comment", "accept", "schedule", "consider", "respond",
    ]
    assert services.petitions.for_meeting(may.id) == [answered]


def test_steps_out_of_order_are_refused(services, may, whitworth):
    with pytest.raises(ValidationError, match="A received petition cannot become scheduled"):
        services.petitions.schedule(whitworth.id, may.id)
    services.petitions.reject(whitworth.id, "Duplicate of an earlier petition")
    with pytest.raises(ValidationError, match="A rejected petition cannot become accepted"):
        services.petitions.accept(whitworth.id)


def test_an_agenda_item_of_another_meeting_is_refused(services, make, cyp, may, whitworth):
    other = make.meeting(committee=cyp, start=london_datetime(date(2019, 7, 9), 14))
    item = services.agenda.add_item(AgendaItem(None, other.id, "Elsewhere", "DECISIONS"))
    services.petitions.accept(whitworth.id)
    with pytest.raises(ValidationError, match="'Elsewhere' is not on that meeting's agenda"):
        services.petitions.schedule(whitworth.id, may.id, item.id)


def test_a_deferred_petition_loses_its_response_date_until_rescheduled(services, may, whitworth):
    services.petitions.accept(whitworth.id)
    services.petitions.schedule(whitworth.id, may.id)
    back = services.petitions.unschedule(whitworth.id)
    assert back.meeting_id is None
    assert services.petitions.clocks(whitworth.id)[1].no_due_date_because == (
        "no meeting has been set to consider it"
    )


# ----- the scheme as data -------------------------------------------------------------------


def test_the_scheme_defaults_until_saved_and_is_not_a_stored_row(services):
    assert services.petitions.scheme() == PetitionScheme()
    # An empty settings table keeps a new database "empty" for the exchange import.
    assert services.store.db["petition_scheme"].count == 0


def test_a_saved_scheme_round_trips_and_is_audited(services, db_path):
    scheme = PetitionScheme(min_signatures_to_accept=10, acknowledgement_working_days=5,
                            organiser_publication=OrganiserPublication.NAME_ONLY)
    assert services.petitions.save_scheme(scheme) == scheme
    services.close()
    with Services.open(db_path) as reopened:
        assert reopened.petitions.scheme() == scheme
        entries = AuditRepository(reopened.store.db).for_entity("petition scheme", 1)
        assert [entry.action for entry in entries] == ["save"]


def test_a_bad_scheme_is_refused_and_nothing_is_saved(services):
    with pytest.raises(ValidationError, match="whole number"):
        services.petitions.save_scheme(PetitionScheme(min_signatures_to_speak=-5))
    assert services.store.db["petition_scheme"].count == 0


@pytest.mark.parametrize(("signatures", "accepted"), [(9, False), (10, True), (11, True)])
def test_acceptance_threshold_at_below_and_above(services, signatures, accepted):
    services.petitions.save_scheme(PetitionScheme(min_signatures_to_accept=10))
    petition = services.petitions.register(Petition(None, "P", organiser=LORNE,
                                                    signatures=signatures))
    if accepted:
        assert services.petitions.accept(petition.id).status is PetitionStatus.ACCEPTED
    else:
        with pytest.raises(ValidationError, match="9 signatures: fewer than the 10"):
            services.petitions.accept(petition.id)


@pytest.mark.parametrize(("signatures", "speaks"), [(49, False), (50, True), (51, True)])
def test_speaking_threshold_at_below_and_above(services, signatures, speaks):
    petition = services.petitions.register(Petition(None, "P", organiser=LORNE,
                                                    signatures=signatures))
    assert services.petitions.speaking(petition.id).met is speaks
    assert services.petitions.thresholds(petition.id)["min_signatures_to_speak"].met is speaks


# ----- clocks from the council's calendar ---------------------------------------------------


def test_the_councils_local_closures_move_the_due_date(services, may, whitworth):
    services.petitions.accept(whitworth.id)
    services.petitions.schedule(whitworth.id, may.id)
    services.deadlines.add_local_closure(date(2019, 5, 22), "Office move")
    assert services.petitions.clocks(whitworth.id)[1].due_date == date(2019, 6, 6)
    statutory = services.petitions.calendar().statutory_only()
    assert services.petitions.clocks(whitworth.id, statutory)[1].due_date == date(2019, 6, 5)


def test_the_2016_seed_petition_is_due_on_23_february(services, make, cyp):
    feb = make.meeting(committee=cyp, start=london_datetime(date(2016, 2, 9), 14))
    fordham = services.petitions.register(
        Petition(None, "Fordham Primary School expansion", signatures=38))
    services.petitions.accept(fordham.id)
    services.petitions.schedule(fordham.id, feb.id)
    assert services.petitions.clocks(fordham.id)[1].due_date == date(2016, 2, 23)
    assert "fewer than the 50" in services.petitions.speaking(fordham.id).explanation


# ----- the register --------------------------------------------------------------------------


@pytest.fixture
def scheduled_whitworth(services, may, whitworth):
    services.petitions.accept(whitworth.id)
    return services.petitions.schedule(whitworth.id, may.id)


def test_register_rows_carry_the_cli_keys_in_json(services, scheduled_whitworth):
    rows = services.petitions.register_rows(today=date(2019, 6, 3))
    assert [row.to_json() for row in rows] == [{
        "id": scheduled_whitworth.id,
        "title": "Whitworth House – petition",
        "received": "2019-05-08",
        "signatures": 13,
        "meeting": "2019-05-21",
        "response_due": "2019-06-05",
        "responded": None,
        "status": "scheduled",
    }]
    json.dumps([row.to_json() for row in rows])  # plain JSON, nothing else to convert
    row = rows[0]
    assert (row.due_state, row.can_speak, row.organiser_public) == (
        DueState.DUE_SOON, False, "Lorne Williamson, Cambridge")


def test_a_petition_with_no_meeting_yet_has_null_dates(services, whitworth):
    row = services.petitions.register_rows(today=date(2019, 6, 3))[0].to_json()
    assert (row["meeting"], row["response_due"], row["responded"]) == (None, None, None)


@pytest.mark.parametrize(
    ("today", "listed", "state"),
    [
        (date(2019, 5, 31), False, DueState.NOT_YET_DUE),
        (date(2019, 6, 3), True, DueState.DUE_SOON),
        (date(2019, 6, 5), True, DueState.DUE_SOON),
        (date(2019, 6, 6), True, DueState.OVERDUE),
    ],
)
def test_due_only_lists_what_the_dashboard_shows(services, scheduled_whitworth, today, listed,
                                                 state):
    assert services.petitions.register_rows(today=today)[0].due_state is state
    due = services.petitions.register_rows(due_only=True, today=today)
    assert [row.id for row in due] == ([scheduled_whitworth.id] if listed else [])


def test_an_answered_petition_leaves_the_due_list(services, scheduled_whitworth):
    services.petitions.record_consideration(scheduled_whitworth.id, "216")
    services.petitions.record_response(scheduled_whitworth.id, date(2019, 6, 4), "Letter.")
    assert services.petitions.register_rows(due_only=True, today=date(2019, 6, 6)) == []
    row = services.petitions.register_rows(today=date(2019, 6, 6))[0]
    assert (row.due_state, row.responded, row.status) == (
        DueState.DONE, date(2019, 6, 4), "responded")


def test_an_unacknowledged_petition_is_overdue_when_the_scheme_has_a_clock(services,
                                                                            whitworth):
    services.petitions.save_scheme(PetitionScheme(acknowledgement_working_days=5))
    row = services.petitions.register_rows(due_only=True, today=date(2019, 5, 16))[0]
    assert (row.acknowledgement_due, row.due_state) == (date(2019, 5, 15), DueState.OVERDUE)
    services.petitions.acknowledge(whitworth.id, date(2019, 5, 16))
    assert services.petitions.register_rows(due_only=True, today=date(2019, 5, 16)) == []


def test_the_register_lists_newest_first(services, whitworth):
    later = services.petitions.register(Petition(None, "Later", organiser=LORNE, signatures=60,
                                                 received_on=date(2019, 6, 1)))
    undated = services.petitions.register(Petition(None, "Undated", signatures=1))
    rows = services.petitions.register_rows(today=date(2019, 6, 3))
    assert [row.id for row in rows] == [later.id, whitworth.id, undated.id]


def test_an_unknown_petition(services):
    with pytest.raises(NotFoundError, match="no petition with id 42"):
        services.petitions.get(42)


# ----- privacy -------------------------------------------------------------------------------

CONTACT = ("12 Example Road", "CB4 9ZZ", "lorne@example.org", "01223 555 0101", "5550101")


def test_no_public_text_from_the_service_holds_contact_details(services, scheduled_whitworth):
    public = [
        services.petitions.public_organiser_text(scheduled_whitworth.id),
        [row.to_json() for row in services.petitions.register_rows(today=date(2019, 6, 3))],
        [row.organiser_public for row in services.petitions.register_rows(today=MAY_21)],
        services.petitions.speaking(scheduled_whitworth.id).explanation,
        services.petitions.clocks(scheduled_whitworth.id)[1].due.explanation,
    ]
    flat = json.dumps(public, default=str).replace(" ", "")
    for detail in CONTACT:
        assert detail.replace(" ", "") not in flat
    services.petitions.assert_public_safe(public)


def test_the_audit_log_records_names_not_contact_details(services, whitworth):
    services.petitions.update_organiser(replace(whitworth.organiser, telephone="07700 900123"))
    summaries = " ".join(row["summary"] for row in services.store.db["audit_log"].rows)
    assert "Lorne Williamson" in summaries
    for detail in (*CONTACT, "07700 900123"):
        assert detail not in summaries


def test_the_guard_refuses_a_context_with_a_contact_detail(services, whitworth):
    context = {"appendix": {"text": WHITWORTH_TEXT, "footer": "Contact: lorne@example.org"}}
    with pytest.raises(PrivacyError, match="the email address of Lorne Williamson"):
        services.petitions.assert_public_safe(context)


def test_the_guard_follows_the_councils_setting_for_names(services, whitworth):
    context = {"minutes": "A petition from Lorne Williamson was received."}
    services.petitions.assert_public_safe(context)
    services.petitions.save_scheme(
        PetitionScheme(organiser_publication=OrganiserPublication.NOTHING))
    assert services.petitions.public_organiser_text(whitworth.id) == ""
    with pytest.raises(PrivacyError, match="the name of Lorne Williamson"):
        services.petitions.assert_public_safe(context)
