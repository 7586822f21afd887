"""The Petitions Scheme as data: thresholds at, below and above their values, and every
clock against the worked examples of rules.md §5 and §6.5 and domain.md §5."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from clerkdesk.domain.calendar import LocalClosure, WorkingCalendar
from clerkdesk.domain.due import DueState, due_state
from clerkdesk.domain.petition_scheme import (
    DEFAULT_SCHEME,
    ClockStart,
    OrganiserPublication,
    PetitionScheme,
    acknowledgement_clock,
    can_speak,
    petition_due_state,
    received_in_time,
    response_clock,
    scheme_settings,
    threshold_check,
    threshold_checks,
)
from clerkdesk.domain.petitions import Petition, PetitionStatus
from clerkdesk.errors import ValidationError

ENGLAND = WorkingCalendar()
FUNERAL = date(2022, 9, 19)
BEFORE_FUNERAL_ANNOUNCED = WorkingCalendar(ignored_bank_holidays=frozenset({FUNERAL}))


def d(text: str) -> date:
    return date.fromisoformat(text)


def petition(**overrides) -> Petition:
    return Petition(**{"id": 1, "title": "A petition", "signatures": 13, **overrides})


# ----- defaults and where they come from ---------------------------------------------------------


def test_defaults_are_cambridgeshire_practice_with_citations():
    scheme = PetitionScheme()
    assert scheme.min_signatures_to_speak == 50
    assert (scheme.response_working_days, scheme.response_counted_from) == (10, ClockStart.MEETING)
    assert scheme.organiser_publication is OrganiserPublication.NAME_AND_LOCALITY
    assert scheme.due_soon_working_days == 2
    assert "seed 001 lines 88-92" in scheme.source_of("min_signatures_to_speak")
    assert "seed 000 line 128" in scheme.source_of("response_working_days")
    assert "seed 000 lines 128, 304-320" in scheme.source_of("organiser_publication")


@pytest.mark.parametrize(
    "key",
    ["min_signatures_to_accept", "officer_evidence_threshold", "council_debate_threshold",
     "acknowledgement_working_days", "submission_clear_working_days"],
)
def test_no_cambridgeshire_value_means_not_set_and_the_source_says_so(key):
    assert getattr(DEFAULT_SCHEME, key) is None
    source = DEFAULT_SCHEME.source_of(key)
    assert source.startswith("not set") and "rules.md §5" in source


def test_a_changed_setting_says_it_is_the_councils_and_what_the_default_was():
    scheme = PetitionScheme(min_signatures_to_speak=25)
    source = scheme.source_of("min_signatures_to_speak")
    assert source.startswith("Council's Petitions Scheme setting (ClerkDesk default: 50;")
    listed = {setting.key: setting for setting in scheme_settings(scheme)}
    assert listed["min_signatures_to_speak"].value == "25"
    assert not listed["min_signatures_to_speak"].is_default
    assert listed["council_debate_threshold"].value == "not set"
    assert listed["council_debate_threshold"].is_default


def test_the_scheme_round_trips_through_a_plain_dict():
    scheme = PetitionScheme(
        min_signatures_to_accept=10, acknowledgement_working_days=5,
        response_counted_from=ClockStart.RECEIPT,
        organiser_publication=OrganiserPublication.NOTHING,
    )
    assert PetitionScheme.from_dict(scheme.to_dict()) == scheme
    assert PetitionScheme.from_dict({}) == DEFAULT_SCHEME  # settings added later take defaults


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"speaking": 50}, "Unknown Petitions Scheme setting"),
        ({"min_signatures_to_speak": -1}, "whole number of 0 or more"),
        ({"min_signatures_to_speak": "50"}, "whole number of 0 or more"),
        ({"due_soon_working_days": None}, "whole number of 0 or more"),
        ({"response_working_days": 0}, "leave it empty for no clock"),
        ({"response_counted_from": "decision"}, "Petitions Scheme"),
        ({"organiser_publication": "everything"}, "Petitions Scheme"),
    ],
)
def test_bad_settings_are_refused(data, message):
    with pytest.raises(ValidationError, match=message):
        PetitionScheme.from_dict(data)


# ----- thresholds: at, below and above -----------------------------------------------------------

SET_THRESHOLDS = PetitionScheme(
    min_signatures_to_accept=10, min_signatures_to_speak=50,
    officer_evidence_threshold=2500, council_debate_threshold=3000,
)


@pytest.mark.parametrize(
    ("key", "value"),
    [("min_signatures_to_accept", 10), ("min_signatures_to_speak", 50),
     ("officer_evidence_threshold", 2500), ("council_debate_threshold", 3000)],
)
@pytest.mark.parametrize(("offset", "met"), [(-1, False), (0, True), (1, True)])
def test_each_threshold_is_met_at_or_above_its_value(key, value, offset, met):
    check = threshold_check(key, value + offset, SET_THRESHOLDS)
    assert check.met is met
    assert check.threshold == value


def test_the_2016_petition_of_38_could_not_speak_and_13_in_2019_could_not_either():
    fordham = can_speak(38, DEFAULT_SCHEME)
    assert fordham.met is False
    assert fordham.explanation == (
        "38 signatures: fewer than the 50 the Petitions Scheme requires for the petitioners "
        "to speak to the petition."
    )
    assert can_speak(13, DEFAULT_SCHEME).met is False
    assert can_speak(50, DEFAULT_SCHEME).explanation.startswith("50 signatures: at least the 50")
    assert can_speak(1, DEFAULT_SCHEME).explanation.startswith("1 signature: fewer")


def test_an_unset_threshold_is_neither_met_nor_missed():
    check = threshold_check("council_debate_threshold", 100_000, DEFAULT_SCHEME)
    assert check.met is None
    assert check.explanation == (
        "The Petitions Scheme sets no number of signatures for a debate at full Council."
    )


def test_all_thresholds_use_the_valid_count_once_checked():
    checks = threshold_checks(petition(signatures=52, valid_signatures=49), SET_THRESHOLDS)
    assert checks["min_signatures_to_speak"].met is False
    assert checks["min_signatures_to_accept"].met is True
    assert set(checks) == {"min_signatures_to_accept", "min_signatures_to_speak",
                           "officer_evidence_threshold", "council_debate_threshold"}


def test_an_unknown_threshold_is_refused():
    with pytest.raises(ValidationError, match="Unknown petition threshold"):
        threshold_check("min_to_shout", 1, DEFAULT_SCHEME)


# ----- clocks ------------------------------------------------------------------------------------

# rules.md §6.5: event (meeting or receipt), due, and what a package built before the State
# Funeral was announced would have said.
WITHIN_TEN_WORKING_DAYS = [
    ("2019-07-09", "2019-07-23", "2019-07-23"),
    ("2019-05-21", "2019-06-05", "2019-06-05"),  # seed 000 petition; 27 May bank holiday
    ("2016-02-09", "2016-02-23", "2016-02-23"),  # seed 001 petition
    ("2022-04-14", "2022-05-03", "2022-05-03"),  # Maundy Thursday: Easter and early May
    ("2022-09-12", "2022-09-27", "2022-09-26"),  # the State Funeral on 19 Sep 2022
]


@pytest.mark.parametrize(("event", "due", "before_funeral"), WITHIN_TEN_WORKING_DAYS)
def test_response_ten_working_days_after_the_meeting(event, due, before_funeral):
    considered = petition(meeting_id=5, meeting_date=d(event), status=PetitionStatus.SCHEDULED)
    clock = response_clock(considered, DEFAULT_SCHEME, ENGLAND)
    assert clock.due_date == d(due)
    assert response_clock(considered, DEFAULT_SCHEME, BEFORE_FUNERAL_ANNOUNCED).due_date == d(
        before_funeral
    )


@pytest.mark.parametrize(("event", "due", "_"), WITHIN_TEN_WORKING_DAYS)
def test_response_ten_working_days_after_receipt(event, due, _):
    from_receipt = PetitionScheme(response_counted_from=ClockStart.RECEIPT)
    clock = response_clock(petition(received_on=d(event)), from_receipt, ENGLAND)
    assert clock.due_date == d(due)
    assert "of receipt" in clock.due.rule


def test_the_response_clock_explains_itself_with_the_seed_citation():
    clock = response_clock(petition(meeting_id=5, meeting_date=d("2019-05-21"),
                                    status=PetitionStatus.SCHEDULED), DEFAULT_SCHEME, ENGLAND)
    text = clock.due.explanation
    assert "Rule: a written response within 10 working days of the meeting" in text
    assert "seed 000 line 128" in text
    assert "Monday 27 May 2019: bank holiday: Spring Bank Holiday" in text
    assert text.endswith("Due by the end of: Wednesday 5 June 2019")


def test_a_local_closure_counts_when_the_council_has_one():
    closed = ENGLAND.with_local_closures([LocalClosure(d("2019-05-22"), "Office move")])
    considered = petition(meeting_id=5, meeting_date=d("2019-05-21"),
                          status=PetitionStatus.SCHEDULED)
    assert response_clock(considered, DEFAULT_SCHEME, closed).due_date == d("2019-06-06")


@pytest.mark.parametrize(
    ("scheme", "the_petition", "why"),
    [
        (DEFAULT_SCHEME, petition(received_on=d("2019-05-08")),
         "no meeting has been set to consider it"),
        (PetitionScheme(response_working_days=None), petition(meeting_date=d("2019-05-21")),
         "the Petitions Scheme sets no response period"),
        (PetitionScheme(response_counted_from=ClockStart.RECEIPT), petition(),
         "the date the petition was received is not recorded"),
        (DEFAULT_SCHEME, petition(status=PetitionStatus.REJECTED, status_note="Too few",
                                  meeting_date=d("2019-05-21")), "the petition was rejected"),
    ],
)
def test_a_response_clock_without_a_due_date_says_why(scheme, the_petition, why):
    clock = response_clock(the_petition, scheme, ENGLAND)
    assert clock.due is None and clock.due_date is None
    assert clock.no_due_date_because == why
    assert clock.state(d("2019-06-30"), ENGLAND, 2) is DueState.NO_DUE_DATE


@pytest.mark.parametrize(
    ("received", "due"),
    [("2019-05-08", "2019-05-15"), ("2019-05-02", "2019-05-10")],  # the second skips 6 May
)
def test_acknowledgement_within_five_working_days_of_receipt(received, due):
    scheme = PetitionScheme(acknowledgement_working_days=5)
    clock = acknowledgement_clock(petition(received_on=d(received)), scheme, ENGLAND)
    assert clock.due_date == d(due)


def test_no_acknowledgement_clock_unless_the_scheme_sets_one():
    clock = acknowledgement_clock(petition(received_on=d("2019-05-08")), DEFAULT_SCHEME, ENGLAND)
    assert clock.due is None
    assert clock.no_due_date_because == "the Petitions Scheme sets no acknowledgement period"


# ----- due soon and overdue ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "state"),
    [
        ("2019-05-31", DueState.NOT_YET_DUE),  # Fri: two working days on is Tue 4 June
        ("2019-06-03", DueState.DUE_SOON),  # Mon: Wed 5 June is the second working day
        ("2019-06-05", DueState.DUE_SOON),  # the due day itself
        ("2019-06-06", DueState.OVERDUE),
    ],
)
def test_due_soon_means_within_two_working_days(today, state):
    assert due_state(d("2019-06-05"), d(today), ENGLAND) is state


@pytest.mark.parametrize(
    ("today", "state"),
    [("2019-06-05", DueState.NOT_YET_DUE), ("2019-06-06", DueState.DUE_SOON),
     ("2019-06-08", DueState.DUE_SOON)],  # a Saturday: Mon and Tue are the next two
)
def test_due_soon_counts_working_days_across_a_weekend(today, state):
    assert due_state(d("2019-06-10"), d(today), ENGLAND) is state


def test_due_soon_with_zero_days_is_only_the_due_day():
    assert due_state(d("2019-06-05"), d("2019-06-04"), ENGLAND,
                     due_soon_working_days=0) is DueState.NOT_YET_DUE
    assert due_state(d("2019-06-05"), d("2019-06-05"), ENGLAND,
                     due_soon_working_days=0) is DueState.DUE_SOON


def test_done_wins_even_when_late():
    assert due_state(d("2019-06-05"), d("2019-07-01"), ENGLAND, done=True) is DueState.DONE


def test_the_petition_shows_its_most_urgent_clock():
    scheme = PetitionScheme(acknowledgement_working_days=5)
    waiting = petition(received_on=d("2019-05-08"), meeting_id=5, meeting_date=d("2019-05-21"),
                       status=PetitionStatus.SCHEDULED)
    # acknowledgement due 15 May (overdue on 4 June), response due 5 June (due soon)
    assert petition_due_state(waiting, scheme, ENGLAND, d("2019-06-04")) is DueState.OVERDUE
    acknowledged = replace(waiting, acknowledged_on=d("2019-05-09"))
    assert petition_due_state(acknowledged, scheme, ENGLAND, d("2019-06-04")) is DueState.DUE_SOON
    answered = replace(acknowledged, status=PetitionStatus.RESPONDED,
                       response_on=d("2019-06-04"), response_text="Letter")
    assert petition_due_state(answered, scheme, ENGLAND, d("2019-06-04")) is DueState.DONE
    assert petition_due_state(petition(), DEFAULT_SCHEME, ENGLAND, d("2019-06-04")) is (
        DueState.NO_DUE_DATE
    )


# ----- received in time for a meeting ------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "in_time"), [("2019-06-21", True), ("2019-06-24", True), ("2019-06-25", False)]
)
def test_received_ten_clear_working_days_before_the_meeting(received, in_time):
    scheme = PetitionScheme(submission_clear_working_days=10)
    # Tue 9 Jul 2019: 10 clear working days are 25 Jun to 8 Jul, so 24 Jun is the last day
    assert received_in_time(petition(received_on=d(received)), d("2019-07-09"), scheme,
                            ENGLAND) is in_time


def test_no_submission_deadline_unless_the_scheme_sets_one():
    assert received_in_time(petition(received_on=d("2019-07-08")), d("2019-07-09"),
                            DEFAULT_SCHEME, ENGLAND) is None
