"""Actions arising from minutes: filter by committee, officer, status and overdue; add a
progress update with U (or Ctrl+U), the words and Enter; set a status, mark completed; and
export a committee's action log as Word or PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QWidget,
)

from clerkdesk.documents.action_log import write_action_log
from clerkdesk.domain.actions import Action, ActionStatus
from clerkdesk.domain.due import DueState, due_state
from clerkdesk.errors import ClerkError
from clerkdesk.ui import error_dialog
from clerkdesk.ui.dialogs.action_dialog import ActionDialog
from clerkdesk.ui.dialogs.action_status_dialog import ActionStatusDialog, status_label
from clerkdesk.ui.dialogs.action_update_dialog import ActionUpdateDialog
from clerkdesk.ui.formatting import short_date
from clerkdesk.ui.models.action_model import (
    ACTION,
    COMMITTEE,
    ITEM,
    MINUTE,
    OFFICERS,
    RAISED,
    STATUS,
    TARGET,
    ActionTableModel,
)
from clerkdesk.ui.pages.record_list_page import RecordListPage
from clerkdesk.ui.widgets.combos import fill_combo
from clerkdesk.ui.widgets.table_with_details import table_with_details

ANY = ""  # the "all committees" / "any officer" choice
OPEN, ALL = "open", "all"  # status choices besides the statuses themselves
EXPORT_FILTERS = "PDF (*.pdf);;Word document (*.docx)"
# Starting widths: the action's own words get the room; the rest is in tooltips.
COLUMN_WIDTHS = {RAISED: 95, COMMITTEE: 55, MINUTE: 60, ITEM: 190, OFFICERS: 150, STATUS: 145,
                 TARGET: 170}


def ask_export_path(parent: QWidget, suggested: str) -> tuple[Path, str] | None:
    """Where to write the log and as what (from the file type chosen); None if cancelled.
    Tests patch this."""
    chosen, chosen_filter = QFileDialog.getSaveFileName(
        parent, "Export the action log", suggested, EXPORT_FILTERS)
    if not chosen:
        return None
    path = Path(chosen)
    suffix = path.suffix.lower()
    fmt = "docx" if suffix == ".docx" or (suffix != ".pdf" and "docx" in chosen_filter) else "pdf"
    if suffix != f".{fmt}":
        path = path.with_name(f"{path.name}.{fmt}")
    return path, fmt


class ActionsPage(RecordListPage):
    title = "Actions"
    record_noun = "action"
    search_placeholder = "Search actions"
    default_sort_column = MINUTE  # meeting by meeting, minute by minute, as the log reads
    column_widths = COLUMN_WIDTHS
    stretch_column = ACTION
    filters_on_own_row = True

    def _create_model(self) -> ActionTableModel:
        return ActionTableModel(self)

    # -- building --------------------------------------------------------------------------
    def _filter_widgets(self) -> list[QWidget]:
        self.committee_combo = QComboBox()
        self.committee_combo.setMinimumContentsLength(18)
        self.officer_combo = QComboBox()
        self.officer_combo.setMinimumContentsLength(16)
        self.status_combo = QComboBox()
        fill_combo(self.status_combo, [("Open actions", OPEN), ("All actions", ALL)] + [
            (status_label(status), status.value) for status in ActionStatus], OPEN)
        self.overdue_check = QCheckBox("&Overdue only")
        self.overdue_check.setToolTip("Open actions whose target date has passed")
        return [QLabel("Committee:"), self.committee_combo, QLabel("Officer:"),
                self.officer_combo, QLabel("Status:"), self.status_combo, self.overdue_check]

    def _build_body(self, table) -> QWidget:
        self.update_button = QPushButton("Add &update…")
        self.update_button.setToolTip("U or Ctrl+U: type the update and press Enter")
        self.status_button = QPushButton("Set &status…")
        self.complete_button = QPushButton("Mark &completed")
        self.complete_button.setToolTip("Completed today")
        self.export_button = QPushButton("E&xport action log…")
        self.export_button.setToolTip("The committee's Minutes-Action Log as Word or PDF")
        body, self.details = table_with_details(
            table, (self.update_button, self.status_button, self.complete_button),
            (self.export_button,), "Select an action to see all of its progress.", (480, 160))
        # U works on the table only, so typing a "u" in the search box stays a "u".
        QShortcut(QKeySequence("U"), table, self.add_update,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Ctrl+U"), self, self.add_update,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        return body

    def _connect(self) -> None:
        super()._connect()
        for combo in (self.committee_combo, self.officer_combo, self.status_combo):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.overdue_check.toggled.connect(self._on_filter_changed)
        self.update_button.clicked.connect(self.add_update)
        self.status_button.clicked.connect(self.set_status)
        self.complete_button.clicked.connect(self.complete_selected)
        self.export_button.clicked.connect(self.export_log)

    # -- loading and filtering -------------------------------------------------------------
    def _load(self) -> None:
        committees = sorted(self.services.committees.list(), key=lambda c: c.name.casefold())
        fill_combo(self.committee_combo, [("All committees", ANY)] + [
            (c.name, c.id) for c in committees], self.committee_combo.currentData())
        actions = [a for c in committees for a in self.services.actions.for_committee(c.id)]
        today, calendar = self.context.today(), self.services.actions.calendar()
        states = {a.id: due_state(a.target_date, today, calendar, done=a.is_closed)
                  for a in actions}
        officers = sorted({r.log_text for a in actions for r in a.responsible if r.log_text},
                          key=str.casefold)
        fill_combo(self.officer_combo, [("Any officer", ANY)] + [(o, o) for o in officers],
                   self.officer_combo.currentData())
        self.model.set_actions(actions, {c.id: c.code for c in committees}, states)
        self._apply_filters()

    def set_filters(self, committee_id: int | None = None, officer: str = ANY,
                    status: str = OPEN, overdue: bool = False) -> None:
        """Set every filter at once (for other pages and for tests)."""
        widgets = (self.committee_combo, self.officer_combo, self.status_combo,
                   self.overdue_check)
        for widget in widgets:
            widget.blockSignals(True)
        for combo, value in ((self.committee_combo, committee_id or ANY),
                             (self.officer_combo, officer), (self.status_combo, status)):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.overdue_check.setChecked(overdue)
        for widget in widgets:
            widget.blockSignals(False)
        self._on_filter_changed()

    def _apply_filters(self) -> None:
        committee_id = self.committee_combo.currentData()
        officer = self.officer_combo.currentData()
        status = self.status_combo.currentData()
        self.proxy.set_predicate("committee", (lambda a: a.committee_id == committee_id)
                                 if committee_id else None)
        self.proxy.set_predicate("officer", (lambda a: officer in {
            r.log_text for r in a.responsible}) if officer else None)
        self.proxy.set_predicate("status", None if status == ALL else (
            (lambda a: not a.is_closed) if status == OPEN else
            (lambda a: a.status.value == status)))
        overdue = self.overdue_check.isChecked()
        self.proxy.set_predicate("overdue", (
            lambda a: self.model.state(a) is DueState.OVERDUE) if overdue else None)

    def _on_filter_changed(self, *_args) -> None:
        self.refresh()  # keeps the selection when the record is still listed

    def selected_committee_id(self) -> int | None:
        return self.committee_combo.currentData() or None

    # -- record interface ------------------------------------------------------------------
    def _ask_new(self):
        return ActionDialog.ask(self, self.services, self.context.today(),
                                committee_id=self.selected_committee_id())

    def _ask_edit(self, action: Action):
        return ActionDialog.ask(self, self.services, self.context.today(), action)

    def _describe(self, action: Action) -> str:
        minute = f" (minute {action.minute_number})" if action.minute_number else ""
        text = action.text if len(action.text) <= 60 else action.text[:57] + "…"
        return f"the action '{text}'{minute}"

    def _delete(self, action: Action) -> None:
        self.services.actions.delete(action.id)

    def _delete_consequences(self, action: Action) -> list[str]:
        count = len(action.updates)
        return [f"{count} progress update{'s' if count != 1 else ''}"] if count else []

    def _show_details(self, action: Action | None) -> None:
        for button in (self.update_button, self.status_button, self.complete_button):
            button.setEnabled(action is not None)
        if action is not None:
            self.update_button.setEnabled(not action.is_closed)
            self.complete_button.setEnabled(not action.is_closed)
        self.details.setPlainText(self._details_text(action) if action else "")

    def _details_text(self, action: Action) -> str:
        heading = " ".join(p for p in (action.minute_number, action.item_heading) if p)
        where = (f"Meeting of {short_date(action.raised_on)}" if action.meeting_id
                 else f"Raised on {short_date(action.raised_on)}")
        lines = [heading or "(no minute)", where, f"Officers: {action.officers_text or '-'}",
                 f"Action: {action.text}", f"Status: {action.status_text or 'Not stated'}"]
        if action.completed_on:
            lines[-1] += f" on {short_date(action.completed_on)}"
        if action.target_date:
            lines.append(f"Target date: {short_date(action.target_date)}")
        if action.petition_id is not None:
            petition = self.services.petitions.get(action.petition_id)
            lines.append(f"Follows up the petition: {petition.title}")
        lines.append("Progress:")
        lines += [f"  {update.log_text}" for update in action.updates] or ["  (none yet)"]
        return "\n".join(lines)

    # -- changing --------------------------------------------------------------------------
    def add_update(self) -> None:
        action = self.selected_record()
        if action is None:
            return
        today = self.context.today()
        self._run(lambda: ActionUpdateDialog.ask(self, self.services, action, today),
                  "Progress update added.")

    def set_status(self) -> None:
        action = self.selected_record()
        if action is not None:
            today = self.context.today()
            self._run(lambda: ActionStatusDialog.ask(self, self.services, action, today),
                      "Status saved.")

    def complete_selected(self) -> None:
        action = self.selected_record()
        if action is not None:
            today = self.context.today()
            self._run(lambda: self.services.actions.complete(action.id, today),
                      f"Marked completed on {short_date(today)}.")

    def export_log(self) -> None:
        selected = self.selected_record()
        committee_id = self.selected_committee_id() or (selected.committee_id if selected
                                                        else None)
        if committee_id is None:
            error_dialog.show_error(self, ClerkError(
                "Choose a committee (or an action of it) to export its action log."))
            return
        committee = self.services.committees.get(committee_id)
        today = self.context.today()
        chosen = ask_export_path(self, f"{committee.code} action log {today:%Y-%m-%d}.pdf")
        if chosen is None:
            return
        path, fmt = chosen
        try:
            write_action_log(self.services, committee, today, path, fmt)
        except ClerkError as exc:
            error_dialog.show_error(self, exc)
            return
        self.message.emit(f"Wrote {path}.")
