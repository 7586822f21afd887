"""Calendar and deadline rules: closures and announced holidays apply at once and list the
published agendas they break; council rules and a committee's own settings are saved."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from clerkdesk.domain.deadlines import LONDON
from clerkdesk.domain.meetings import london_datetime
from clerkdesk.ui.dialogs.calendar_settings_dialog import CalendarSettingsDialog
from clerkdesk.ui.formatting import to_qdate
from clerkdesk.ui.widgets.combos import select_value


@pytest.fixture
def dialog(qtbot, services, make):
    make.council()

    def create(today: date) -> CalendarSettingsDialog:
        shown = CalendarSettingsDialog(services, today)
        qtbot.addWidget(shown)
        shown.show()
        return shown

    return create


def row(dialog, key: str):
    return next(r for r in dialog.rule_rows if r.key == key)


def test_an_announced_bank_holiday_flags_a_published_agenda(qtbot, dialog, services, make):
    services.deadlines.ignore_bank_holiday(date(2022, 9, 19))
    meeting = make.meeting(start=london_datetime(date(2022, 9, 21), 10))
    services.deadlines.record_publication(meeting.id, datetime(2022, 9, 13, 12, tzinfo=LONDON))
    shown = dialog(date(2022, 9, 12))
    shown.tabs.setCurrentIndex(1)
    shown.holidays.date_edit.setDate(to_qdate(date(2022, 9, 19)))
    qtbot.keyClicks(shown.holidays.label_edit, "State Funeral of Queen Elizabeth II")
    qtbot.mouseClick(shown.holidays.add_button, Qt.MouseButton.LeftButton)
    assert shown.holidays.list.item(0).text() == (
        "Mon 19 Sep 2022 — State Funeral of Queen Elizabeth II")
    assert shown.flagged_label.isVisible()
    assert "4 clear working days: 1 short of the period" in shown.flagged_label.text()
    assert [f.meeting.id for f in shown.flagged] == [meeting.id]


def test_local_closures_are_added_and_removed(qtbot, dialog, services):
    shown = dialog(date(2026, 11, 22))
    shown.closures.date_edit.setDate(to_qdate(date(2026, 12, 24)))
    qtbot.keyClicks(shown.closures.label_edit, "Christmas Eve office closure")
    qtbot.mouseClick(shown.closures.add_button, Qt.MouseButton.LeftButton)
    assert services.deadlines.calendar().local_closure_label(date(2026, 12, 24)) == (
        "Christmas Eve office closure")
    assert not shown.flagged_label.isVisible()
    shown.closures.list.setCurrentRow(0)
    qtbot.mouseClick(shown.closures.remove_button, Qt.MouseButton.LeftButton)
    assert services.deadlines.calendar().local_closures == ()
    assert shown.closures.list.count() == 0


def test_a_closure_without_a_label_is_refused(qtbot, dialog, shown_errors):
    shown = dialog(date(2026, 11, 22))
    qtbot.mouseClick(shown.closures.add_button, Qt.MouseButton.LeftButton)
    assert "needs a label" in shown_errors[0].message


def test_council_rules_are_saved_and_cite_the_change(qtbot, dialog, services):
    shown = dialog(date(2026, 11, 22))
    row(shown, "draft_reports").days_spin.setValue(8)
    row(shown, "final_reports").use_check.setChecked(False)
    qtbot.mouseClick(shown.save_rules_button, Qt.MouseButton.LeftButton)
    rules = services.deadlines.council_rules()
    assert rules.draft_reports.days == 8
    assert rules.draft_reports.source.startswith("Council setting (days 8); ClerkDesk default")
    assert rules.final_reports is None
    assert not row(shown, "final_reports").use_check.isChecked()


def test_statutory_minimum_is_refused(qtbot, dialog, services, shown_errors):
    shown = dialog(date(2026, 11, 22))
    row(shown, "agenda_publication").days_spin.setValue(3)
    qtbot.mouseClick(shown.save_rules_button, Qt.MouseButton.LeftButton)
    assert "below the statutory minimum" in shown_errors[0].message
    assert services.deadlines.council_rules().agenda_publication.days == 5


def test_a_committees_own_settings(qtbot, dialog, services, make):
    committee = make.committee(name="Audit Committee")
    shown = dialog(date(2026, 11, 22))
    shown.tabs.setCurrentIndex(2)
    assert not row(shown, "draft_reports").own_check.isVisible()  # council rules first
    select_value(shown.committee_combo, committee.id)
    draft = row(shown, "draft_reports")
    assert draft.own_check.isVisible() and not draft.days_spin.isEnabled()
    draft.own_check.setChecked(True)
    assert draft.days_spin.isEnabled()
    draft.days_spin.setValue(9)
    qtbot.mouseClick(shown.save_rules_button, Qt.MouseButton.LeftButton)
    assert services.deadlines.committee_overrides(committee.id) == {
        "draft_reports": {"days": 9}}
    assert services.deadlines.rules_for(committee.id).draft_reports.days == 9
    assert services.deadlines.council_rules().draft_reports.days == 7
