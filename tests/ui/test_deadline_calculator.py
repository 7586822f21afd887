"""The deadline calculator: a date and a rule in, the answer and its working out."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from clerkdesk.ui.dialogs.deadline_calculator import FORWARD_PLAN, DeadlineCalculatorDialog
from clerkdesk.ui.widgets.combos import select_value


@pytest.fixture
def calculator(qtbot, services, make):
    make.council()

    def create(day: date) -> DeadlineCalculatorDialog:
        dialog = DeadlineCalculatorDialog(services, day)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return create


def test_agenda_despatch_for_9_july_2019_with_both_readings(calculator):
    dialog = calculator(date(2019, 7, 9))
    assert dialog.rule_combo.currentText() == "Agenda and reports published"
    assert dialog.answer.text() == "Latest: Monday 1 July 2019"
    working = dialog.working.toPlainText()
    assert "Calendar reading would allow Wednesday 3 July 2019" in working
    assert "Saturday 6 July 2019: Saturday" in working
    assert "LGA 1972 s.100B(3)" in dialog.rule_text.text()


def test_draft_reports_skip_the_spring_bank_holiday(calculator):
    dialog = calculator(date(2020, 5, 26))
    dialog.select_rule("draft_reports")
    assert dialog.days_spin.value() == 7
    assert dialog.answer.text() == "Latest: 10:00 on Wednesday 13 May 2020"
    assert "Monday 25 May 2020: bank holiday: Spring Bank Holiday" in dialog.working.toPlainText()


def test_changing_the_date_and_days_recalculates(qtbot, calculator):
    dialog = calculator(date(2019, 7, 9))
    dialog.set_date(date(2019, 12, 4))  # the Wednesday meeting: despatch Tue 26 Nov 2019
    assert dialog.answer.text() == "Latest: Tuesday 26 November 2019"
    dialog.days_spin.setFocus()
    dialog.days_spin.selectAll()
    qtbot.keyClicks(dialog.days_spin, "6")
    assert dialog.answer.text() == "Latest: Monday 25 November 2019"
    dialog.calendar_check.setChecked(True)  # six clear calendar days
    assert dialog.answer.text() == "Latest: Wednesday 27 November 2019"


def test_below_the_statutory_minimum_is_still_calculated(calculator):
    # The calculator answers questions; the rules' minimums guard the saved settings.
    dialog = calculator(date(2019, 7, 9))
    dialog.days_spin.setValue(3)
    assert dialog.answer.text() == "Latest: Wednesday 3 July 2019"


def test_after_an_event_and_the_forward_plan(calculator):
    dialog = calculator(date(2019, 5, 21))
    dialog.select_rule("petition_response")
    assert dialog.date_label.text() == "Event date (not counted):"
    assert not dialog.calendar_check.isEnabled()
    assert dialog.answer.text() == "Due by the end of Wednesday 5 June 2019"
    dialog.select_rule(FORWARD_PLAN)
    dialog.set_date(date(2021, 7, 2))
    assert dialog.days_spin.value() == 28
    assert dialog.answer.text() == "Earliest: Monday 2 August 2021"


def test_a_committees_own_rules(calculator, services, make):
    committee = make.committee(name="Audit Committee")
    services.deadlines.save_committee_overrides(committee.id, {"draft_reports": {"days": 9}})
    dialog = calculator(date(2016, 3, 8))
    dialog.select_rule("draft_reports")
    select_value(dialog.committee_combo, committee.id)
    assert dialog.rule_combo.currentData() == "draft_reports"
    assert dialog.days_spin.value() == 9
    assert dialog.answer.text() == "Latest: 10:00 on Tuesday 23 February 2016"
    assert "Committee setting" in dialog.rule_text.text()


def test_a_date_outside_the_calendar_is_explained_inline(calculator):
    dialog = calculator(date(2019, 7, 9))
    dialog.set_date(date(1860, 1, 5))
    assert "outside the years the bank-holiday calendar covers" in dialog.answer.text()
    assert dialog.working.toPlainText() == ""


def test_escape_closes(qtbot, calculator):
    dialog = calculator(date(2019, 7, 9))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
