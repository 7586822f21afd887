"""The deadline calculator (Ctrl+K): pick a date and a rule, see the answer and its working.

It counts on the council's own calendar (bank holidays, announced holidays and local
closures) and a committee's rules when one is chosen, and recalculates as the clerk types.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.deadline_rules import RULE_KEYS, Method
from clerkdesk.domain.deadlines import MAX_DAYS, Reading
from clerkdesk.errors import ClerkError
from clerkdesk.ui.formatting import from_qdate, to_qdate
from clerkdesk.ui.widgets.combos import fill_combo, select_value
from clerkdesk.ui.widgets.date_edits import date_edit

COUNCIL = 0  # the committee combo's "council rules" entry
FORWARD_PLAN = "forward_plan"  # N clear days after publishing (not a meeting rule)
DATE_LABELS = {
    Method.CLEAR_DAYS_BEFORE: "Meeting date:",
    Method.WORKING_DAYS_BEFORE: "Meeting date:",
    Method.WORKING_DAYS_AFTER: "Event date (not counted):",
    FORWARD_PLAN: "Published on (not counted):",
}


class DeadlineCalculatorDialog(QDialog):
    @classmethod
    def ask(cls, parent: QWidget | None, services, day: date) -> None:
        cls(services, day, parent).exec()

    def __init__(self, services, day: date, parent=None):
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("Deadline calculator")
        self.resize(720, 620)
        self._build_ui(day)
        self._connect()
        self._fill_rules()

    def _build_ui(self, day: date) -> None:
        self.committee_combo = QComboBox()
        committees = sorted(self.services.committees.list(), key=lambda c: c.name.casefold())
        fill_combo(self.committee_combo,
                   [("Council rules", COUNCIL)] + [(c.name, c.id) for c in committees])
        self.rule_combo = QComboBox()
        self.rule_combo.setMinimumContentsLength(36)
        self.date_label = QLabel(DATE_LABELS[Method.CLEAR_DAYS_BEFORE])
        self.date_edit = date_edit(day)
        self.days_spin = QSpinBox()
        self.days_spin.setRange(0, MAX_DAYS)
        self.calendar_check = QCheckBox("Count calendar days (not working days)")
        self.rule_text = QLabel()
        self.rule_text.setWordWrap(True)
        self.answer = QLabel()
        font = QFont(self.answer.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.answer.setFont(font)
        self.answer.setWordWrap(True)
        self.working = QPlainTextEdit()
        self.working.setReadOnly(True)
        form = QFormLayout()
        form.addRow("Rules of:", self.committee_combo)
        form.addRow("Rule:", self.rule_combo)
        form.addRow(self.date_label, self.date_edit)
        form.addRow("Days:", self.days_spin)
        form.addRow("", self.calendar_check)
        form.addRow("", self.rule_text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.answer)
        layout.addWidget(QLabel("Working:"))
        layout.addWidget(self.working, 1)
        layout.addWidget(buttons)

    def _connect(self) -> None:
        self.committee_combo.currentIndexChanged.connect(self._on_committee_changed)
        self.rule_combo.currentIndexChanged.connect(self._on_rule_changed)
        self.date_edit.dateChanged.connect(self.recalculate)
        self.days_spin.valueChanged.connect(self.recalculate)
        self.calendar_check.toggled.connect(self.recalculate)

    # -- rules -----------------------------------------------------------------------------
    def _rules(self):
        committee_id = self.committee_combo.currentData()
        if committee_id == COUNCIL:
            return self.services.deadlines.council_rules()
        return self.services.deadlines.rules_for(committee_id)

    def _fill_rules(self) -> None:
        chosen = self.rule_combo.currentData()
        rules = self._rules()
        choices = [(rule.label, key) for key in RULE_KEYS if (rule := getattr(rules, key))]
        choices.append(("Forward Plan notice: clear days after publication", FORWARD_PLAN))
        fill_combo(self.rule_combo, choices, chosen or "agenda_publication")
        self._on_rule_changed()

    def select_rule(self, key: str) -> None:
        select_value(self.rule_combo, key)

    def current_rule(self):
        """The chosen rule with the days and counting the clerk set; None for the Forward
        Plan entry, which is not a meeting rule."""
        key = self.rule_combo.currentData()
        if key == FORWARD_PLAN:
            return None
        reading = Reading.CALENDAR if self.calendar_check.isChecked() else Reading.WORKING
        rule = getattr(self._rules(), key)
        return replace(rule, days=self.days_spin.value(), reading=reading)

    def _on_committee_changed(self, *_args) -> None:
        self._fill_rules()

    def _on_rule_changed(self, *_args) -> None:
        key = self.rule_combo.currentData()
        for widget in (self.days_spin, self.calendar_check):
            widget.blockSignals(True)
        if key == FORWARD_PLAN:
            method, days, calendar_days = FORWARD_PLAN, 28, True
            self.rule_text.setText("SI 2012/2089 reg 9: at least 28 clear days' notice of a "
                                   "key decision, counted as calendar days (rules.md §1.2).")
        else:
            rule = getattr(self._rules(), key)
            method, days = rule.method, rule.days
            calendar_days = rule.reading is Reading.CALENDAR
            self.rule_text.setText(f"{rule.describe()}. Source: {rule.source}")
        self.days_spin.setValue(days)
        self.calendar_check.setChecked(calendar_days)
        # Only clear days can be counted either way; the other methods are working days.
        self.calendar_check.setEnabled(method is Method.CLEAR_DAYS_BEFORE)
        self.date_label.setText(DATE_LABELS[method])
        for widget in (self.days_spin, self.calendar_check):
            widget.blockSignals(False)
        self.recalculate()

    # -- the answer ------------------------------------------------------------------------
    def recalculate(self, *_args) -> None:
        day = from_qdate(self.date_edit.date())
        try:
            rule = self.current_rule()
            if rule is None:
                result = self.services.deadlines.calculate_after_publication(
                    day, self.days_spin.value())
            else:
                result = self.services.deadlines.calculate(day, rule)
        except ClerkError as exc:  # typing a date or days the rules refuse: say why, inline
            self.answer.setText(exc.message)
            self.answer.setStyleSheet("QLabel { color: #a61b1b; }")
            self.working.clear()
            return
        self.answer.setStyleSheet("")
        self.answer.setText(result.answer)
        self.working.setPlainText(result.explanation)

    def set_date(self, day: date) -> None:
        self.date_edit.setDate(to_qdate(day))
