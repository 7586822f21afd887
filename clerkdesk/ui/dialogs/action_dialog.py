"""Adding an action by hand, or correcting one's details (minute, item, officers, text,
target date). Progress, status and completion have their own dialogs so each is audited as
what it is."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from clerkdesk.domain.actions import Action, Responsible
from clerkdesk.domain.people import PersonKind
from clerkdesk.errors import ValidationError
from clerkdesk.ui.dialogs.record_dialog import RecordDialog
from clerkdesk.ui.formatting import from_qdate, meeting_time, to_qdate
from clerkdesk.ui.widgets.combos import fill_combo, select_value
from clerkdesk.ui.widgets.date_edits import date_edit
from clerkdesk.ui.widgets.optional_date_edit import OptionalDateEdit

NO_MEETING = 0


class ActionDialog(RecordDialog):
    @classmethod
    def ask(cls, parent: QWidget | None, services, today: date, action: Action | None = None,
            committee_id: int | None = None):
        """The saved action, or None if the clerk cancelled."""
        return cls(services, today, action, committee_id, parent).run()

    def __init__(self, services, today: date, action: Action | None, committee_id: int | None,
                 parent=None):
        super().__init__("Edit action" if action else "New action", parent)
        self.services = services
        self.original = action
        self.today = today
        self.committees = sorted(services.committees.list(), key=lambda c: c.name.casefold())
        self._build_ui()
        self._connect()
        select_value(self.committee_combo, action.committee_id if action else committee_id)
        self._on_committee_changed()
        if action is not None:
            self._load(action)

    def _build_ui(self) -> None:
        self.committee_combo = QComboBox()
        fill_combo(self.committee_combo, [(c.name, c.id) for c in self.committees])
        self.meeting_combo = QComboBox()
        self.raised_edit = date_edit(self.today)
        self.minute_edit = QLineEdit()
        self.minute_edit.setPlaceholderText("e.g. 217")
        self.item_edit = QLineEdit()
        self.reference_edit = QLineEdit()
        self.reference_edit.setPlaceholderText("e.g. KD2026/031")
        self.officers_edit = QLineEdit()
        self.officers_edit.setPlaceholderText("Names or posts, separated by /")
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumHeight(80)
        self.target_edit = OptionalDateEdit("None", None, self.today)
        for label, widget in (
            ("&Committee", self.committee_combo), ("&Meeting", self.meeting_combo),
            ("&Raised on", self.raised_edit), ("Mi&nute number", self.minute_edit),
            ("&Item", self.item_edit), ("&Key decision ref", self.reference_edit),
            ("&Officers", self.officers_edit), ("&Action", self.text_edit),
            ("&Target date", self.target_edit),
        ):
            self.form.addRow(label, widget)
        self.setMinimumWidth(600)
        self._finish_layout()

    def _connect(self) -> None:
        self.committee_combo.currentIndexChanged.connect(self._on_committee_changed)
        self.meeting_combo.currentIndexChanged.connect(self._on_meeting_changed)

    def _load(self, action: Action) -> None:
        select_value(self.meeting_combo, action.meeting_id or NO_MEETING)
        self.raised_edit.setDate(to_qdate(action.raised_on))
        self.minute_edit.setText(action.minute_number)
        self.item_edit.setText(action.item_title)
        self.reference_edit.setText(action.forward_plan_ref)
        self.officers_edit.setText(action.officers_text)
        self.text_edit.setPlainText(action.text)
        self.target_edit.set_value(action.target_date, self.today)
        self._on_meeting_changed()

    def _on_committee_changed(self, *_args) -> None:
        committee_id = self.committee_combo.currentData()
        meetings = self.services.meetings.search(committee_id) if committee_id else []
        choices = [("Not raised at a meeting", NO_MEETING)] + [
            (meeting_time(m.start), m.id) for m in sorted(meetings, key=lambda m: m.start,
                                                           reverse=True)]
        fill_combo(self.meeting_combo, choices, self.meeting_combo.currentData())
        self._on_meeting_changed()

    def _on_meeting_changed(self, *_args) -> None:
        # A meeting's action is raised on the meeting's day; only a hand-made one needs a date.
        self.raised_edit.setEnabled(not self.meeting_combo.currentData())

    def _responsible(self) -> tuple[Responsible, ...] | list:
        text = self.officers_edit.text()
        if self.original is not None and text.strip() == self.original.officers_text:
            return self.original.responsible  # unchanged: keep the links to people on record
        officers = {p.full_name.casefold(): p.id for p in self.services.people.list()
                    if p.kind is PersonKind.OFFICER}
        parts = [part.strip() for part in text.split("/") if part.strip()]
        return [officers.get(part.casefold(), part) for part in parts]

    def value(self) -> Action:
        meeting_id = self.meeting_combo.currentData() or None
        fields = dict(
            committee_id=self.committee_combo.currentData(),
            raised_on=from_qdate(self.raised_edit.date()),
            text=self.text_edit.toPlainText().strip(),
            meeting_id=meeting_id,
            minute_number=self.minute_edit.text().strip(),
            item_title=self.item_edit.text().strip(),
            forward_plan_ref=self.reference_edit.text().strip(),
            responsible=tuple(self._responsible()),
            target_date=self.target_edit.value(),
        )
        if self.original is not None:
            return replace(self.original, **fields)
        return Action(id=None, **fields)

    def _save(self, action: Action) -> Action:
        if action.committee_id is None:
            raise ValidationError("Add the committee first: every action belongs to one.")
        if action.id is None:
            return self.services.actions.create(action)
        return self.services.actions.update(action)
