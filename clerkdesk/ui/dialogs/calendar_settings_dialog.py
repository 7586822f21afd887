"""Calendar and deadline rules: local closure days, newly announced bank holidays, and the
council's deadline rules with each committee's own settings.

Calendar changes apply at once, because each one can break an agenda already published
(rules.md §0 item 6): the agendas that no longer meet their period are listed at the foot.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.deadline_rules import RULE_KEYS, RuleSet, default_rules
from clerkdesk.domain.deadlines import MAX_DAYS
from clerkdesk.errors import ClerkError
from clerkdesk.ui import error_dialog
from clerkdesk.ui.formatting import from_qdate, weekday_date
from clerkdesk.ui.models.deadline_model import COLOURS
from clerkdesk.ui.widgets.combos import fill_combo
from clerkdesk.ui.widgets.date_edits import date_edit, time_edit

COUNCIL = 0  # the rules tab's "council" entry in the committee combo
DAY_ROLE = Qt.ItemDataRole.UserRole  # a list entry's day, as an ordinal


class DayListEditor(QWidget):
    """A labelled list of days with add and remove; the owner does the saving."""

    def __init__(self, explanation: str, today: date, parent=None):
        super().__init__(parent)
        note = QLabel(explanation)
        note.setWordWrap(True)
        self.list = QListWidget()
        self.date_edit = date_edit(today)
        self.label_edit = QLineEdit()
        self.label_edit.setPlaceholderText("Label, e.g. Christmas office closure")
        self.add_button = QPushButton("&Add")
        self.remove_button = QPushButton("&Remove selected")
        adding = QHBoxLayout()
        adding.addWidget(self.date_edit)
        adding.addWidget(self.label_edit, 1)
        adding.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addLayout(adding)
        layout.addWidget(self.remove_button)

    def show_days(self, entries) -> None:
        self.list.clear()
        for entry in entries:
            self.list.addItem(f"{weekday_date(entry.date)} — {entry.label}")
            self.list.item(self.list.count() - 1).setData(DAY_ROLE, entry.date.toordinal())

    def selected_day(self) -> date | None:
        item = self.list.currentItem()
        return date.fromordinal(item.data(DAY_ROLE)) if item else None

    def new_entry(self) -> tuple[date, str]:
        return from_qdate(self.date_edit.date()), self.label_edit.text().strip()


class RuleRow:
    """The widgets of one rule in the grid."""

    def __init__(self, grid: QGridLayout, row: int, key: str):
        self.key = key
        self.name = QLabel()
        self.own_check = QCheckBox("Committee's own")
        self.use_check = QCheckBox("In use")
        self.days_spin = QSpinBox()
        self.days_spin.setRange(0, MAX_DAYS)
        self.days_spin.setSuffix(" days")
        self.time_check = QCheckBox("by")
        self.time_edit = time_edit(QTime(10, 0))
        self._known = False  # False: no rule here nor a default to switch on (Wales)
        for column, widget in enumerate((self.name, self.own_check, self.use_check,
                                         self.days_spin, self.time_check, self.time_edit)):
            grid.addWidget(widget, row, column)

    def show(self, rule, fallback, committee_mode: bool, own: bool) -> None:
        shown = rule or fallback
        self.name.setText(shown.label if shown else self.key.replace("_", " ").capitalize())
        self.name.setToolTip(f"{shown.describe()}\nSource: {shown.source}" if shown else "")
        self.own_check.setVisible(committee_mode)
        self.own_check.setChecked(own)
        self.use_check.setChecked(rule is not None)
        self.use_check.setEnabled(shown is not None)
        self.days_spin.setValue(shown.days if shown else 0)
        at = shown.time_of_day if shown else None
        self.time_check.setChecked(at is not None)
        if at is not None:
            self.time_edit.setTime(QTime(at.hour, at.minute))
        self._known = shown is not None
        self.set_editable(committee_mode)

    def set_editable(self, committee_mode: bool) -> None:
        """A committee row changes only when it is the committee's own setting."""
        editable = self.own_check.isChecked() or not committee_mode
        for widget in (self.days_spin, self.time_check, self.time_edit):
            widget.setEnabled(editable)
        self.use_check.setEnabled(editable and self._known)

    def settings(self) -> dict | None:
        """None: switched off; otherwise the days and time the row shows."""
        if not self.use_check.isChecked():
            return None
        at = self.time_edit.time()
        clock = f"{at.hour():02d}:{at.minute():02d}" if self.time_check.isChecked() else None
        return {"days": self.days_spin.value(), "time_of_day": clock}


class CalendarSettingsDialog(QDialog):
    @classmethod
    def ask(cls, parent: QWidget | None, services, today: date) -> list:
        """Every published agenda that a change made here flagged."""
        dialog = cls(services, today, parent)
        dialog.exec()
        return dialog.flagged

    def __init__(self, services, today: date, parent=None):
        super().__init__(parent)
        self.services = services
        self.today = today
        self.flagged: list = []
        self.setWindowTitle("Calendar and deadline rules")
        self.resize(860, 620)
        self._build_ui()
        self._connect()
        self._show_calendar()
        self._show_rules()

    def _build_ui(self) -> None:
        self.closures = DayListEditor(
            "Days the council's offices are closed that are not bank holidays (for example "
            "24 and 27-31 December). They are kept apart from bank holidays and count as "
            "non-working days for every deadline.", self.today)
        self.holidays = DayListEditor(
            "One-off bank holidays announced after this version of ClerkDesk was built (the "
            "2022 State Funeral was announced nine days ahead). Add them here until an update "
            "arrives.", self.today)
        self.committee_combo = QComboBox()
        committees = sorted(self.services.committees.list(), key=lambda c: c.name.casefold())
        fill_combo(self.committee_combo, [("Council (every committee)", COUNCIL)]
                   + [(c.name, c.id) for c in committees])
        grid = QGridLayout()
        self.rule_rows = [RuleRow(grid, row, key) for row, key in enumerate(RULE_KEYS)]
        self.save_rules_button = QPushButton("&Save rules")
        rules_tab = QWidget()
        rules_layout = QVBoxLayout(rules_tab)
        rules_layout.addWidget(self.committee_combo)
        rules_layout.addLayout(grid)
        rules_layout.addStretch()
        rules_layout.addWidget(self.save_rules_button)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.closures, "&Local closures")
        self.tabs.addTab(self.holidays, "Announced &bank holidays")
        self.tabs.addTab(rules_tab, "Deadline &rules")
        self.flagged_label = QLabel()
        self.flagged_label.setWordWrap(True)
        self.flagged_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.flagged_label)
        layout.addWidget(buttons)

    def _connect(self) -> None:
        self.closures.add_button.clicked.connect(
            lambda: self._apply(self.services.deadlines.add_local_closure,
                                *self.closures.new_entry()))
        self.holidays.add_button.clicked.connect(
            lambda: self._apply(self.services.deadlines.add_extra_holiday,
                                *self.holidays.new_entry()))
        for editor in (self.closures, self.holidays):
            editor.remove_button.clicked.connect(
                lambda _checked=False, e=editor: self._remove(e))
        self.committee_combo.currentIndexChanged.connect(self._show_rules)
        self.save_rules_button.clicked.connect(self.save_rules)
        for row in self.rule_rows:
            row.own_check.toggled.connect(self._on_own_toggled)

    # -- the calendar ----------------------------------------------------------------------
    def _show_calendar(self) -> None:
        calendar = self.services.deadlines.calendar()
        self.closures.show_days(calendar.local_closures)
        self.holidays.show_days(calendar.extra_holidays)

    def _apply(self, change, *args) -> None:
        try:
            flagged = change(*args, today=self.today)
        except ClerkError as exc:
            error_dialog.show_error(self, exc)
            return
        self._show_calendar()
        self._show_rules()
        self._report(flagged)

    def _remove(self, editor: DayListEditor) -> None:
        day = editor.selected_day()
        if day is not None:
            self._apply(self.services.deadlines.remove_calendar_day, day)

    def _report(self, flagged: list) -> None:
        known = {f.meeting.id for f in self.flagged}
        self.flagged += [f for f in flagged if f.meeting.id not in known]
        if not self.flagged:
            self.flagged_label.hide()
            return
        lines = "\n".join(f"• {f.message}" for f in self.flagged)
        self.flagged_label.setText(
            f"Published agendas that no longer meet their period:\n{lines}")
        self.flagged_label.setStyleSheet(
            f"QLabel {{ background: {COLOURS['overdue']}; color: black; padding: 6px; }}")
        self.flagged_label.show()

    # -- rules -----------------------------------------------------------------------------
    def _committee_id(self) -> int | None:
        return self.committee_combo.currentData() or None

    def _show_rules(self, *_args) -> None:
        council = self.services.deadlines.council_rules()
        defaults = default_rules(council.jurisdiction)
        committee_id = self._committee_id()
        if committee_id is None:
            shown, own = council, set()
        else:
            shown = self.services.deadlines.rules_for(committee_id)
            own = set(self.services.deadlines.committee_overrides(committee_id))
        for row in self.rule_rows:
            row.show(getattr(shown, row.key), getattr(defaults, row.key),
                     committee_id is not None, row.key in own)

    def _on_own_toggled(self, _checked: bool) -> None:
        for row in self.rule_rows:
            row.set_editable(self._committee_id() is not None)

    def council_rules_from_rows(self) -> RuleSet:
        council = self.services.deadlines.council_rules()
        defaults = default_rules(council.jurisdiction)
        rules = {}
        for row in self.rule_rows:
            settings = row.settings()
            default = getattr(defaults, row.key)
            base = getattr(council, row.key) or default
            if settings is None or base is None:
                rules[row.key] = None
                continue
            rule = replace(base, **settings)
            if default is not None:  # the source says whether the council chose the period
                said = ", ".join(f"{k} {v}" for k, v in settings.items()
                                 if default.to_dict()[k] != v)
                rule = replace(rule, source=f"Council setting ({said}); ClerkDesk default: "
                               f"{default.source}" if said else default.source)
            rules[row.key] = rule
        return RuleSet(council.jurisdiction, **rules)

    def committee_overrides_from_rows(self) -> dict:
        council = self.services.deadlines.council_rules()
        overrides = {}
        for row in self.rule_rows:
            if not row.own_check.isChecked():
                continue
            settings = row.settings()
            current = getattr(council, row.key)
            if settings is None or current is None:
                overrides[row.key] = settings
                continue
            said = current.to_dict()  # keep only what differs, so the source says what changed
            overrides[row.key] = {k: v for k, v in settings.items() if said[k] != v}
        return overrides

    def save_rules(self) -> None:
        committee_id = self._committee_id()
        deadlines = self.services.deadlines
        try:
            if committee_id is None:
                flagged = deadlines.save_council_rules(self.council_rules_from_rows(),
                                                       today=self.today)
            else:
                flagged = deadlines.save_committee_overrides(
                    committee_id, self.committee_overrides_from_rows(), today=self.today)
        except ClerkError as exc:
            error_dialog.show_error(self, exc)
            return
        self._show_rules()
        self._report(flagged)
