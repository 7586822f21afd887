"""The meeting dialog: London times, venue from the committee, and its checks."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox

from clerkdesk.domain.meetings import MeetingKind, MeetingStatus, london_datetime
from clerkdesk.errors import ValidationError
from clerkdesk.ui.dialogs.meeting_dialog import MeetingDialog
from clerkdesk.ui.formatting import to_qdate
from clerkdesk.ui.widgets.combos import select_value


def open_dialog(qtbot, services, meeting=None, committee_id=None, day=date(2019, 7, 9)):
    dialog = MeetingDialog(services, meeting, committee_id, day)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click_save(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def test_a_meeting_is_scheduled_on_the_london_clock(qtbot, services, make):
    committee = make.committee(default_venue="Kreis Viersen Room, Shire Hall")
    dialog = open_dialog(qtbot, services, committee_id=committee.id)
    assert dialog.venue_edit.text() == "Kreis Viersen Room, Shire Hall"
    dialog.date_edit.setDate(to_qdate(date(2019, 7, 9)))
    dialog.start_edit.setTime(QTime(14, 0))
    dialog.end_edit.setTime(QTime(16, 30))
    select_value(dialog.kind_combo, MeetingKind.EXTRAORDINARY.value)
    qtbot.keyClicks(dialog.livestream_edit, "https://www.youtube.com/@council/live")
    click_save(qtbot, dialog)

    [saved] = services.meetings.search(committee.id)
    assert saved.start == london_datetime(date(2019, 7, 9), 14)
    assert saved.start.utcoffset() == timedelta(hours=1)  # British Summer Time
    assert saved.end == london_datetime(date(2019, 7, 9), 16, 30)
    assert saved.kind is MeetingKind.EXTRAORDINARY
    assert saved.status is MeetingStatus.SCHEDULED
    assert saved.livestream_url == "https://www.youtube.com/@council/live"


def test_the_venue_follows_the_committee_until_the_clerk_types_one(qtbot, services, make):
    first = make.committee(name="A Committee", default_venue="Room A")
    second = make.committee(name="B Committee", default_venue="Room B")
    dialog = open_dialog(qtbot, services, committee_id=first.id)
    select_value(dialog.committee_combo, second.id)
    assert dialog.venue_edit.text() == "Room B"
    dialog.venue_edit.setText("The Village Hall")
    select_value(dialog.committee_combo, first.id)
    assert dialog.venue_edit.text() == "The Village Hall"


def test_an_end_before_the_start_is_refused_and_the_input_kept(
    qtbot, services, make, shown_errors
):
    committee = make.committee()
    dialog = open_dialog(qtbot, services, committee_id=committee.id)
    dialog.start_edit.setTime(QTime(19, 0))
    dialog.end_edit.setTime(QTime(18, 0))
    qtbot.keyClicks(dialog.livestream_edit, "youtube")
    click_save(qtbot, dialog)

    [error] = shown_errors
    assert isinstance(error, ValidationError)
    assert len(error.problems) == 2  # the times, and the address without https://
    assert dialog.isVisible()
    assert dialog.start_edit.time() == QTime(19, 0)
    assert services.meetings.search() == []


def test_an_edit_loads_the_meeting_and_an_unknown_end_is_kept_unknown(qtbot, services, make):
    meeting = make.meeting(start=london_datetime(date(2019, 12, 3), 10, 30), end=None,
                           status=MeetingStatus.HELD)
    dialog = open_dialog(qtbot, services, meeting)
    assert dialog.start_edit.time() == QTime(10, 30)
    assert dialog.end_unknown_check.isChecked()
    assert dialog.status_combo.currentData() == MeetingStatus.HELD.value
    select_value(dialog.status_combo, MeetingStatus.CANCELLED.value)
    click_save(qtbot, dialog)
    updated = services.meetings.get(meeting.id)
    assert updated.status is MeetingStatus.CANCELLED
    assert updated.end is None
    assert updated.start == meeting.start
