"""Draft, published draft, approved at a later meeting, signed; and locked after approval."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from clerkdesk.domain.attendance import Presence
from clerkdesk.domain.declarations import Declaration, InterestType
from clerkdesk.domain.minutes import MinutesStatus
from clerkdesk.domain.voting import Vote
from clerkdesk.errors import LockedError, ValidationError
from tests.services.test_minutes_fixtures import AGENDA, build_cyp


@pytest.fixture
def cyp(services, make):
    return build_cyp(services, make)

APPROVED_WORDING = (
    "The minutes of the meeting on 21 May 2019 were approved as an accurate record and signed "
    "by the Chairman."
)


@pytest.fixture
def published(services, cyp):
    cyp.mark_may_attendance()
    services.minutes.create_from_agenda(cyp.may.id)
    services.minutes.lifecycle.publish(cyp.may.id)
    return cyp


def july_agenda(cyp):
    # The July agenda opens with "Minutes of the Meeting on 21 May 2019".
    return cyp.add_agenda(cyp.july, [(s, t.replace("12 March", "21 May"), k, e)
                                     for s, t, k, e in AGENDA[1:5]])


def test_publishing_records_the_date_and_refuses_twice(services, published):
    state = services.minutes.state(published.may.id)
    assert state.status is MinutesStatus.PUBLISHED and state.published_at is not None
    with pytest.raises(ValidationError, match="already published draft"):
        services.minutes.lifecycle.publish(published.may.id)


def test_nothing_to_publish(services, cyp):
    with pytest.raises(ValidationError, match="no minutes to publish"):
        services.minutes.lifecycle.publish(cyp.july.id)


def test_approval_fills_the_approving_meetings_minutes_item(services, published):
    july_agenda(published)
    services.minutes.create_from_agenda(published.july.id)
    item_minute = next(m for m in services.minutes.list(published.july.id)
                       if m.title == "Minutes of the Meeting on 21 May 2019")
    assert services.minutes.body_text(item_minute.id) == APPROVED_WORDING  # drafted already
    services.minutes.save_body(item_minute.id, item_minute.body + "\n\nThe Action Log was noted.")
    approval = services.minutes.lifecycle.approve(published.may.id, published.july.id)
    assert approval.id == item_minute.id
    assert services.minutes.body_text(approval.id) == (
        APPROVED_WORDING + "\n\nThe Action Log was noted.")
    state = services.minutes.state(published.may.id)
    assert (state.status, state.approved_at_meeting_id, state.approval_minute_id) == (
        MinutesStatus.APPROVED, published.july.id, approval.id)


def test_approval_with_amendments_adds_a_minute_when_there_is_no_item(services, published):
    amendments = ["Minute 216: 'Whitlock House' be amended to read 'Whitworth House'.",
                  "The second minute numbered 220 be renumbered 221."]
    approval = services.minutes.lifecycle.approve(published.may.id, published.july.id,
                                                  amendments)
    assert approval.meeting_id == published.july.id
    assert approval.title == "Minutes of the meeting on 21 May 2019"
    assert approval.number == 218  # the next number after May's 207-217
    assert services.minutes.body_text(approval.id) == (
        "The minutes of the meeting on 21 May 2019 were approved as an accurate record, subject "
        "to the following amendments, and signed by the Chairman:\n\n"
        "- Minute 216: 'Whitlock House' be amended to read 'Whitworth House'.\n"
        "- The second minute numbered 220 be renumbered 221."
    )
    assert services.minutes.state(published.may.id).amendments == tuple(amendments)
    with pytest.raises(ValidationError, match="records the approval"):
        services.minutes.delete(approval.id)


def test_city_approval_wording(services, published):
    settings = services.minutes.settings(published.committee.id)
    services.minutes.save_settings(replace(settings, style="city"))
    approval = services.minutes.lifecycle.approve(published.may.id, published.july.id)
    assert approval.title == "Minutes of the meeting held on 21 May 2019"
    assert services.minutes.body_text(approval.id) == (
        "The minutes of the meeting held on 21 May 2019 were agreed as a true and accurate "
        "record.")


def test_the_signature_title_is_the_chair_presiding_at_the_approving_meeting(services, published):
    attendance = services.minutes.attendance
    attendance.start(published.july.id, presence=Presence.PRESENT)
    chair = attendance.find(published.july.id, published.pid("Bywater"))
    attendance.update(replace(chair, role_title="Chair"))
    approval = services.minutes.lifecycle.approve(published.may.id, published.july.id)
    assert services.minutes.body_text(approval.id).endswith("signed by the Chair.")


def test_approval_rules(services, cyp):
    services.minutes.create_from_agenda(cyp.may.id)
    with pytest.raises(ValidationError, match="Publish the draft minutes before"):
        services.minutes.lifecycle.approve(cyp.may.id, cyp.july.id)
    services.minutes.lifecycle.publish(cyp.may.id)
    with pytest.raises(ValidationError, match="not after 21 May 2019"):
        services.minutes.lifecycle.approve(cyp.may.id, cyp.march.id)
    other = cyp.make.meeting(start=cyp.july.start)
    with pytest.raises(ValidationError, match="same committee"):
        services.minutes.lifecycle.approve(cyp.may.id, other.id)
    assert services.minutes.list(cyp.july.id) == []  # nothing was written by the refusals
    services.minutes.add(cyp.july.id, "Apologies")
    services.minutes.lifecycle.publish(cyp.july.id)
    with pytest.raises(LockedError, match="numbers are frozen"):
        services.minutes.lifecycle.approve(cyp.may.id, cyp.july.id)  # July already published
    assert services.minutes.state(cyp.may.id).status is MinutesStatus.PUBLISHED


def test_every_edit_after_approval_is_refused(services, published):
    services.minutes.lifecycle.approve(published.may.id, published.july.id)
    minute = published.minute_for("Housing")
    may = published.may.id
    attempts = [
        lambda: services.minutes.save_body(minute.id, "Rewritten"),
        lambda: services.minutes.update(replace(minute, title="Other")),
        lambda: services.minutes.save_resolution(minute.id, "note the report"),
        lambda: services.minutes.set_number(minute.id, 900),
        lambda: services.minutes.delete(minute.id),
        lambda: services.minutes.add(may, "New"),
        lambda: services.minutes.create_from_agenda(may),
        lambda: services.minutes.actions.add(minute.id, "Clerk", "Do it"),
        lambda: services.minutes.attendance.mark(may, published.pid("Every"), "absent"),
        lambda: services.minutes.attendance.start(may),
        lambda: services.minutes.declarations.add(Declaration(
            None, may, published.pid("Every"), published.item("Housing").id,
            InterestType.OTHER_REGISTRABLE, "x")),
        lambda: services.minutes.votes.record(Vote(None, minute.id, for_count=3)),
        lambda: services.minutes.lifecycle.approve(may, published.july.id),
    ]
    for attempt in attempts:
        with pytest.raises(LockedError, match="have been approved and cannot be changed"):
            attempt()
    assert services.minutes.get(minute.id) == minute


def test_signing(services, published):
    with pytest.raises(ValidationError, match="signed once approved"):
        services.minutes.lifecycle.sign(published.may.id, published.pid("Bywater"),
                                        date(2019, 7, 9))
    services.minutes.lifecycle.approve(published.may.id, published.july.id)
    with pytest.raises(ValidationError, match="before the meeting that approved them"):
        services.minutes.lifecycle.sign(published.may.id, published.pid("Bywater"),
                                        date(2019, 7, 8))
    state = services.minutes.lifecycle.sign(published.may.id, published.pid("Bywater"),
                                            date(2019, 7, 9))
    assert (state.status, state.signed_by_id, state.signed_on) == (
        MinutesStatus.SIGNED, published.pid("Bywater"), date(2019, 7, 9))
    with pytest.raises(LockedError, match="have been signed"):
        services.minutes.save_body(published.minute_for("Housing").id, "Late change")


def test_the_audit_trail_shows_who_changed_what_before_approval(services, published):
    housing = published.minute_for("Housing")
    services.minutes.save_body(housing.id, "The Committee received a report.")
    services.minutes.save_body(housing.id, "The Committee received a report on support.")
    services.minutes.save_resolution(housing.id, "note the report", unanimous=True)
    services.minutes.lifecycle.approve(published.may.id, published.july.id, ["A correction."])
    history = services.minutes.lifecycle.history(published.may.id)
    summaries = [entry.summary for entry in history]
    # Autosaves in one stretch of editing make one entry, not one per save.
    assert summaries.count(f"Minute {housing.number} (Housing Related Support Services): "
                           "body edited") == 1
    assert f"Minute {housing.number} (Housing Related Support Services): resolution, " \
           "unanimous changed" in summaries
    assert any(s.startswith("Minutes 207-217 created from the agenda") for s in summaries)
    assert any(s.startswith("Draft minutes of the Children and Young People Committee "
                            "meeting on 21 May 2019 published") for s in summaries)
    assert summaries[-1].startswith("Minutes approved at the Children and Young People "
                                    "Committee meeting on 9 July 2019 (Minute 218")
    assert summaries[-1].endswith("with 1 amendment(s)")
    assert all(entry.actor for entry in history)
    assert any("Attendance: Councillor Mark Goldsack substituting" in s for s in summaries)
    july = [e.summary for e in services.minutes.lifecycle.history(published.july.id)]
    assert any("records the approval of the minutes of" in s for s in july)
