"""The petition record and the steps it goes through (rules.md §5, domain.md §5)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from clerkdesk.domain import petitions as steps
from clerkdesk.domain.petitions import (
    TRANSITIONS,
    Organiser,
    Petition,
    PetitionStatus,
    check_transition,
)
from clerkdesk.errors import ValidationError

S = PetitionStatus
LORNE = Organiser(
    id=1, name="Lorne Williamson", locality="Cambridge", address="12 Example Road\nCambridge",
    postcode="CB4 9ZZ", email="lorne@example.org", telephone="01223 555 0101",
)
MAY_21 = date(2019, 5, 21)


def whitworth(**overrides) -> Petition:
    defaults = {"id": 1, "title": "Whitworth House – petition", "organiser": LORNE,
                "signatures": 13, "received_on": date(2019, 5, 8)}
    return Petition(**{**defaults, **overrides})


def test_the_full_path_from_receipt_to_response():
    petition = steps.accepted(whitworth())
    petition = steps.scheduled(petition, committee_id=3, meeting_id=7, meeting_date=MAY_21)
    petition = steps.considered(petition, minute_number="216", agenda_item_id=44)
    petition = steps.responded(petition, date(2019, 6, 4), "Letter from the Chairman.",
                               "the Chairman, on behalf of the Committee")
    assert petition.status is S.RESPONDED and petition.status.is_closed
    assert (petition.meeting_id, petition.minute_number, petition.agenda_item_id) == (7, "216", 44)
    assert petition.responder == "the Chairman, on behalf of the Committee"


ALL_PAIRS = [(a, b) for a in S for b in S]


@pytest.mark.parametrize(("current", "wanted"), ALL_PAIRS)
def test_every_status_pair_is_either_allowed_or_refused_with_the_choices(current, wanted):
    if wanted in TRANSITIONS[current]:
        check_transition(current, wanted)
    else:
        with pytest.raises(ValidationError, match=f"A {current.value} petition cannot become"):
            check_transition(current, wanted)


def test_closed_petitions_go_nowhere():
    for status in S:
        assert (TRANSITIONS[status] == frozenset()) is status.is_closed


def test_a_scheduled_petition_can_be_taken_off_its_meeting():
    scheduled = steps.scheduled(steps.accepted(whitworth()), 3, 7, MAY_21, agenda_item_id=44)
    back = steps.unscheduled(scheduled)
    assert back.status is S.ACCEPTED
    assert (back.meeting_id, back.meeting_date, back.agenda_item_id) == (None, None, None)


def test_an_officer_response_needs_no_meeting():
    answered = steps.responded(steps.accepted(whitworth()), date(2019, 5, 20), "Reply.")
    assert answered.status is S.RESPONDED and answered.meeting_id is None


def test_rejection_and_withdrawal_need_a_reason():
    with pytest.raises(ValidationError, match="Record why the petition was rejected"):
        steps.rejected(whitworth(), "  ")
    with pytest.raises(ValidationError, match="Record why the petition was withdrawn"):
        steps.withdrawn(whitworth(), "")
    assert steps.rejected(whitworth(), "Fewer than 10 signatures").status_note == (
        "Fewer than 10 signatures"
    )


def test_a_response_needs_its_text():
    with pytest.raises(ValidationError, match="Record the response"):
        steps.responded(steps.accepted(whitworth()), date(2019, 6, 4), " ")


def test_acknowledgement_runs_beside_the_status():
    acknowledged = steps.acknowledged(whitworth(), date(2019, 5, 9))
    assert acknowledged.acknowledged_on == date(2019, 5, 9)
    assert acknowledged.status is S.RECEIVED
    with pytest.raises(ValidationError, match="before it was received"):
        steps.acknowledged(whitworth(), date(2019, 5, 7))
    with pytest.raises(ValidationError, match="withdrawn petition"):
        steps.acknowledged(steps.withdrawn(whitworth(), "Organiser asked"), date(2019, 5, 9))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, "needs a title"),
        ({"signatures": -1}, "cannot be negative"),
        ({"signatures": 1.5}, "whole number"),
        ({"valid_signatures": 14}, "14 valid signatures is more than the 13 submitted"),
        ({"status": S.SCHEDULED}, "scheduled petition needs its meeting"),
        ({"status": S.RESPONDED}, "exactly when its response date"),
        ({"response_on": date(2019, 6, 4)}, "exactly when its response date"),
        ({"response_on": date(2019, 5, 1), "status": S.RESPONDED}, "answered before"),
    ],
)
def test_validation(changes, message):
    with pytest.raises(ValidationError, match=message):
        whitworth(**changes).validate()


def test_thresholds_count_valid_signatures_once_checked():
    assert whitworth().counted_signatures == 13
    assert whitworth(valid_signatures=11).counted_signatures == 11
    assert whitworth(valid_signatures=0).counted_signatures == 0


def test_an_unknown_organiser_is_allowed_for_an_old_petition():
    # 2016: "the petition organiser" is never named (seed 001 lines 86-92)
    fordham = Petition(None, "Fordham Primary School expansion", signatures=38)
    fordham.validate()


def test_organiser_contact_details_are_only_the_private_fields():
    assert LORNE.contact_details == {
        "address": "12 Example Road\nCambridge",
        "postcode": "CB4 9ZZ",
        "email address": "lorne@example.org",
        "telephone number": "01223 555 0101",
    }
    assert replace(LORNE, email=" ", telephone="").contact_details.keys() == {
        "address", "postcode",
    }


def test_organiser_validation():
    with pytest.raises(ValidationError, match="needs a name"):
        Organiser(None, " ").validate()
    with pytest.raises(ValidationError, match="has no '@'"):
        Organiser(None, "A Person", email="nobody").validate()
