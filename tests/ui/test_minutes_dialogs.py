"""The minutes dialogs driven field by field: approving at a later meeting, recording a
declaration in the committee's vocabulary, adding an officer or a substitute, and the
history of changes."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from clerkdesk.domain.attendance import Capacity, Presence
from clerkdesk.domain.declarations import DeclarationAction, InterestType
from clerkdesk.domain.meetings import MeetingStatus
from clerkdesk.domain.minutes import MinutesStatus
from clerkdesk.domain.people import PersonKind
from clerkdesk.ui.dialogs.approve_minutes_dialog import ApproveMinutesDialog
from clerkdesk.ui.dialogs.attendee_dialog import NEW_PERSON, AttendeeDialog
from clerkdesk.ui.dialogs.declaration_dialog import DeclarationDialog
from clerkdesk.ui.dialogs.minutes_history_dialog import CHANGE, MinutesHistoryDialog
from clerkdesk.ui.widgets.combos import select_value
from tests.services.test_minutes_fixtures import build_cyp
from tests.ui.helpers import column_texts, when_dialog_opens


@pytest.fixture
def cyp(services, make):
    built = build_cyp(services, make)
    built.mark_may_attendance()
    services.minutes.create_from_agenda(built.may.id)
    return built


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click_save(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def combo_texts(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


# -- approving ---------------------------------------------------------------------------------


def test_approve_at_the_next_meeting_with_amendments(qtbot, services, cyp):
    services.minutes.lifecycle.publish(cyp.may.id)
    services.meetings.update(replace(cyp.march, status=MeetingStatus.HELD))
    dialog = shown(qtbot, ApproveMinutesDialog(services, cyp.may.id))
    assert combo_texts(dialog.meeting_combo) == ["Tue 09 Jul 2019 14:00"]  # later ones only
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save).text() == "&Approve"
    dialog.amendments_edit.setPlainText(
        "Minute 216: 'Whitlock House' be amended to read 'Whitworth House'.\n\n"
        "  The second minute numbered 220 be renumbered 221.  ")
    click_save(qtbot, dialog)
    assert dialog.saved.meeting_id == cyp.july.id
    state = services.minutes.state(cyp.may.id)
    assert state.status is MinutesStatus.APPROVED
    assert state.amendments == (
        "Minute 216: 'Whitlock House' be amended to read 'Whitworth House'.",
        "The second minute numbered 220 be renumbered 221.")


def test_approval_needs_a_published_draft_and_a_later_meeting(qtbot, services, cyp,
                                                              shown_errors):
    dialog = shown(qtbot, ApproveMinutesDialog(services, cyp.may.id))
    click_save(qtbot, dialog)
    assert "Publish the draft minutes before" in shown_errors[-1].message
    assert dialog.saved is None and dialog.isVisible()  # still open, to put right
    services.minutes.lifecycle.publish(cyp.may.id)
    services.meetings.update(replace(cyp.july, status=MeetingStatus.CANCELLED))
    dialog = shown(qtbot, ApproveMinutesDialog(services, cyp.may.id))
    assert combo_texts(dialog.meeting_combo) == [
        "(no later meeting of this committee is scheduled)"]
    click_save(qtbot, dialog)
    assert "none is scheduled" in shown_errors[-1].message
    assert services.minutes.state(cyp.may.id).status is MinutesStatus.PUBLISHED


@pytest.mark.real_dialogs
def test_ask_shows_the_dialog_and_returns_the_approval_minute(qtbot, services, cyp):
    services.minutes.lifecycle.publish(cyp.may.id)

    def approve(dialog):
        dialog.amendments_edit.setPlainText("Minute 212: a typing error be corrected.")
        dialog.accept()

    when_dialog_opens(approve)
    approval = ApproveMinutesDialog.ask(None, services, cyp.may.id)
    assert approval.title == "Minutes of the meeting on 21 May 2019"
    assert services.minutes.state(cyp.may.id).approval_minute_id == approval.id


# -- declarations ------------------------------------------------------------------------------


def test_a_declaration_in_the_committees_vocabulary(qtbot, services, cyp, shown_errors):
    free_schools = cyp.item("Free School")
    dialog = shown(qtbot, DeclarationDialog(services, cyp.may.id, None, free_schools.id))
    assert combo_texts(dialog.type_combo) == [
        "Disclosable pecuniary interest", "Other registrable interest",
        "Non-registrable interest", "Other interest"]  # the Model Code 2020, the default
    assert dialog.item_combo.currentText() == "Item 9: Free School Proposals"
    assert dialog.member_combo.itemText(1) == "Councillor Simon Bywater"
    assert "Councillor Mark Goldsack (substitute)" in combo_texts(dialog.member_combo)
    select_value(dialog.member_combo, cyp.pid("Goldsack"))
    select_value(dialog.type_combo, InterestType.DISCLOSABLE_PECUNIARY.value)
    qtbot.keyClicks(dialog.nature_edit, "a share in a free school site")
    click_save(qtbot, dialog)  # took part, with no dispensation: against s.31(4)
    assert "Localism Act 2011 s.31(4)" in shown_errors[-1].message
    select_value(dialog.action_combo, DeclarationAction.LEFT_ROOM.value)
    click_save(qtbot, dialog)
    saved = dialog.saved
    assert (saved.person_id, saved.agenda_item_id, saved.action) == (
        cyp.pid("Goldsack"), free_schools.id, DeclarationAction.LEFT_ROOM)
    again = shown(qtbot, DeclarationDialog(services, cyp.may.id, saved, None))
    assert again.member_combo.currentData() == cyp.pid("Goldsack")
    assert again.nature_edit.toPlainText() == "a share in a free school site"
    again.sensitive_check.setChecked(True)
    click_save(qtbot, again)
    assert services.minutes.declarations.list(cyp.may.id)[0].sensitive


def test_whipping_declarations_where_the_committee_takes_them(qtbot, services, cyp,
                                                              shown_errors):
    settings = services.minutes.settings(cyp.committee.id)
    services.minutes.save_settings(replace(settings, whipping_declarations=True,
                                           interest_vocabulary="pecuniary-non-pecuniary"))
    dialog = shown(qtbot, DeclarationDialog(services, cyp.may.id, None, None))
    assert combo_texts(dialog.type_combo) == [
        "Disclosable pecuniary interest", "Non-pecuniary interest",
        "Nonstatutory disclosable interest", "Whip interest", "Other interest"]
    click_save(qtbot, dialog)
    assert shown_errors[-1].message == "Choose the member who made the declaration."


# -- people in the attendance ------------------------------------------------------------------


def test_an_officer_already_known_comes_with_their_post(qtbot, services, cyp):
    dialog = shown(qtbot, AttendeeDialog(services, cyp.may.id, Capacity.OFFICER))
    assert dialog.person_combo.itemText(1) == "Greenhill, Richenda (Democratic Services Officer)"
    assert not dialog.surname_edit.isEnabled()
    dialog.person_combo.setCurrentIndex(1)
    assert dialog.detail_edit.text() == "Democratic Services Officer"
    click_save(qtbot, dialog)
    assert (dialog.saved.capacity, dialog.saved.post) == (Capacity.OFFICER,
                                                          "Democratic Services Officer")


def test_a_new_officer_is_added_to_the_people_once(qtbot, services, cyp, shown_errors):
    dialog = shown(qtbot, AttendeeDialog(services, cyp.may.id, Capacity.OFFICER))
    click_save(qtbot, dialog)
    assert "Choose a person" in shown_errors[-1].message
    select_value(dialog.person_combo, NEW_PERSON)
    qtbot.keyClicks(dialog.title_edit, "Mr")
    qtbot.keyClicks(dialog.forenames_edit, "Jon")
    qtbot.keyClicks(dialog.surname_edit, "Lewis")
    qtbot.keyClicks(dialog.detail_edit, "Service Director - Education")
    click_save(qtbot, dialog)
    [lewis] = [p for p in services.people.list() if p.surname == "Lewis"]
    assert (lewis.kind, lewis.post) == (PersonKind.OFFICER, "Service Director - Education")
    assert services.minutes.attendance.find(cyp.may.id, lewis.id).capacity is Capacity.OFFICER


def test_a_substitute_from_outside_the_standing_list(qtbot, services, cyp, shown_errors):
    newcomer = cyp.person("Peter", "Hudson")
    services.minutes.attendance.mark(cyp.may.id, cyp.pid("Whitehead"), Presence.APOLOGIES)
    dialog = shown(qtbot, AttendeeDialog(services, cyp.may.id, Capacity.SUBSTITUTE))
    # Hay sent apologies too, but Goldsack already sits in her seat.
    assert combo_texts(dialog.for_combo)[1:] == ["Councillor Joan Whitehead"]
    assert "Greenhill" not in " ".join(combo_texts(dialog.person_combo))  # councillors only
    select_value(dialog.person_combo, newcomer.id)
    click_save(qtbot, dialog)
    assert "Choose the member" in shown_errors[-1].message
    select_value(dialog.for_combo, cyp.pid("Whitehead"))
    click_save(qtbot, dialog)
    assert dialog.saved.substitute_for_id == cyp.pid("Whitehead")


# -- history -----------------------------------------------------------------------------------


def test_history_lists_every_change_and_finds_one(qtbot, services, cyp):
    housing = cyp.minute_for("Housing")
    services.minutes.save_body(housing.id, "The Committee received a report.")
    dialog = shown(qtbot, MinutesHistoryDialog(services, cyp.may.id, "Changes"))
    changes = column_texts(dialog.proxy, CHANGE)
    assert changes[0] == "Attendance started from the membership: 12 added"
    assert f"Minute {housing.number} ({housing.title}): body edited" in changes
    assert dialog.heading_label.text() == f"Changes: {len(changes)} recorded changes, oldest " \
                                          "first."
    qtbot.keyClicks(dialog.search_edit, "body edited")
    assert column_texts(dialog.proxy, CHANGE) == [
        f"Minute {housing.number} ({housing.title}): body edited"]


@pytest.mark.real_dialogs
def test_history_ask_opens_and_closes(qtbot, services, cyp):
    seen = []

    def close(dialog):
        seen.append(dialog.windowTitle())
        dialog.reject()

    when_dialog_opens(close)
    MinutesHistoryDialog.ask(None, services, cyp.may.id)
    assert seen == ["History of the minutes"]



def test_someone_already_in_the_attendance_is_not_offered_again(qtbot, services, cyp):
    dialog = shown(qtbot, AttendeeDialog(services, cyp.may.id, Capacity.ALSO_PRESENT))
    offered = {dialog.person_combo.itemData(i) for i in range(dialog.person_combo.count())}
    assert cyp.pid("Every") not in offered and cyp.pid("Greenhill") in offered
    assert dialog.title_edit.text() == "Councillor"  # for a new person: most guests are
