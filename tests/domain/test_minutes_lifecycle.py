"""The minutes' life cycle and locking, without a database (rules.md §7)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from clerkdesk.domain.minutes import (
    MeetingMinutes,
    Minute,
    MinuteAction,
    MinutesSettings,
    MinutesStatus,
    approved,
    published,
    signed,
)
from clerkdesk.errors import LockedError, ValidationError

NOW = datetime(2019, 5, 30, 10, 0)
LABEL = "the Children and Young People Committee meeting on 21 May 2019"


def test_draft_to_published_to_approved_to_signed():
    draft = MeetingMinutes(1)
    assert not draft.numbers_frozen and not draft.locked
    state = published(draft, NOW)
    assert state.status is MinutesStatus.PUBLISHED and state.numbers_frozen and not state.locked
    state = approved(state, 2, 99, ("An amendment.",))
    assert state.locked
    assert (state.approved_at_meeting_id, state.approval_minute_id, state.amendments) == (
        2, 99, ("An amendment.",))
    state = signed(state, 5, date(2019, 7, 9), approved_on=date(2019, 7, 9))
    assert state.status is MinutesStatus.SIGNED and state.locked


def test_transitions_out_of_order_are_refused():
    with pytest.raises(ValidationError, match="Publish the draft"):
        approved(MeetingMinutes(1), 2, 99, ())
    with pytest.raises(ValidationError, match="signed once approved"):
        signed(published(MeetingMinutes(1), NOW), 5, date(2019, 7, 9), date(2019, 7, 9))
    state = approved(published(MeetingMinutes(1), NOW), 2, 99, ())
    with pytest.raises(LockedError):
        approved(state, 3, 100, ())
    with pytest.raises(ValidationError, match="already approved"):
        published(state, NOW)
    with pytest.raises(ValidationError, match="before the meeting that approved them"):
        signed(state, 5, date(2019, 7, 1), date(2019, 7, 9))


def test_locked_minutes_refuse_edits_with_a_clear_message():
    state = approved(published(MeetingMinutes(1), NOW), 2, 99, ())
    with pytest.raises(LockedError) as refused:
        state.ensure_editable("body of minute 216", LABEL)
    assert str(refused.value) == (
        "The minutes of the Children and Young People Committee meeting on 21 May 2019 have "
        "been approved and cannot be changed (body of minute 216). Corrections are agreed as "
        "amendments when minutes are approved.")
    publication = published(MeetingMinutes(1), NOW)
    publication.ensure_editable("body", LABEL)  # words can still be corrected
    with pytest.raises(LockedError, match="numbers are frozen"):
        publication.ensure_numbers_open("renumbering", LABEL)


def test_minute_and_action_validation():
    Minute(None, 1, 216, "Housing Related Support Services").validate()
    with pytest.raises(ValidationError) as refused:
        Minute(None, 1, 0, " ", kind="speech", unanimous=True).validate()
    assert len(refused.value.problems) == 4
    with pytest.raises(ValidationError, match="who the action is for"):
        MinuteAction(1, 216, "Housing", "", "Do it").validate()


def test_settings_validation():
    MinutesSettings(1).validate(("county", "city"))
    with pytest.raises(ValidationError, match="no interest vocabulary called 'x'"):
        MinutesSettings(1, interest_vocabulary="x").validate(("county", "city"))
