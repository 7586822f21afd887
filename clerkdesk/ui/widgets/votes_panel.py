"""Votes on the minute's item: counts, or how each member voted when a member requires it
(and always at a budget meeting, SI 2014/165).

Who may vote comes from the service (``votes.eligibility``): in the room, a member with a
vote on this kind of item, and not barred by a declared interest. The panel says who may
not, and why, before the clerk records anything; the service has the last word on Save.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.attendance import Presence
from clerkdesk.domain.meetings import MeetingKind
from clerkdesk.domain.minutes import Minute
from clerkdesk.domain.voting import Choice, Eligibility, NamedVote, Vote
from clerkdesk.ui.dialogs import confirm
from clerkdesk.ui.models.minutes_model import CHOICE, ELIGIBILITY, NamedVotesModel, VotesModel
from clerkdesk.ui.widgets.choice_delegate import ChoiceDelegate
from clerkdesk.ui.widgets.combos import fill_combo, select_value
from clerkdesk.ui.widgets.record_table_view import RecordTableView
from clerkdesk.ui.widgets.service_call import FAILED, attempt

NO_CASTING_VOTE = ""


class VoterView(RecordTableView):
    """The by-name list: Space moves the current member on to the next choice."""

    def __init__(self, parent=None):
        super().__init__(parent, sortable=False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (event.key() == Qt.Key.Key_Space and self.currentIndex().isValid()
                and self.state() != QAbstractItemView.State.EditingState
                and self.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers):
            self.model().cycle(self.currentIndex().row())
            event.accept()
            return
        super().keyPressEvent(event)


def cannot_vote_text(eligible: dict[int, Eligibility], names: dict[int, str],
                     in_room: list[int]) -> str:
    able = sum(1 for e in eligible.values() if e.can_vote)
    barred = [f"{names.get(pid, '?')} ({eligible[pid].reason})" for pid in in_room
              if pid in eligible and not eligible[pid].can_vote]
    text = f"{able} member{'s' if able != 1 else ''} may vote on this item."
    return f"{text} Cannot vote: {'; '.join(barred)}." if barred else text


class VotesPanel(QWidget):
    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.minute: Minute | None = None
        self.read_only = False
        self.names: dict[int, str] = {}
        self.eligible: dict[int, Eligibility] = {}
        self.in_room: list[int] = []  # members present or watching, in attendance order
        self.votes_model = VotesModel(self)
        self.voters_model = NamedVotesModel(self)
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        self.eligibility_label = QLabel()
        self.eligibility_label.setWordWrap(True)
        self.votes_table = RecordTableView(sortable=False)
        self.votes_table.setModel(self.votes_model)
        self.votes_table.setMaximumHeight(110)
        self.new_button = QPushButton("New vote")
        self.remove_button = QPushButton("Remove vote…")
        self.subject_edit = QLineEdit()
        self.subject_edit.setPlaceholderText("e.g. the amendment moved by Councillor Hoy")
        self.named_check = QCheckBox("Record how each member voted (by name)")
        self.requested_edit = QLineEdit()
        self.requested_edit.setPlaceholderText("Who required it, e.g. Councillor Downes")
        self.for_spin, self.against_spin, self.abstain_spin = (QSpinBox() for _ in range(3))
        self.casting_combo = QComboBox()
        fill_combo(self.casting_combo, [("(none)", NO_CASTING_VOTE), ("For", Choice.FOR.value),
                                        ("Against", Choice.AGAINST.value)])
        self.voters_table = VoterView()
        self.voters_table.setModel(self.voters_model)
        self.voters_table.setItemDelegateForColumn(CHOICE, ChoiceDelegate(self.voters_table))
        self.voters_table.setToolTip("Space: next choice · F2 or double-click: choose")
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #b71c1c;")
        self.save_button = QPushButton("Record vote")
        self.form_label = QLabel()
        self.form_label.setStyleSheet("font-weight: bold;")
        counts = QHBoxLayout()
        for label, spin in (("For", self.for_spin), ("Against", self.against_spin),
                            ("Abstained", self.abstain_spin)):
            spin.setRange(0, 999)
            counts.addWidget(QLabel(label))
            counts.addWidget(spin)
        counts.addSpacing(12)
        counts.addWidget(QLabel("Chair's casting vote"))
        counts.addWidget(self.casting_combo)
        counts.addStretch()
        form = QFormLayout()
        form.addRow("Vote &on:", self.subject_edit)
        form.addRow("", self.named_check)
        form.addRow("Required &by:", self.requested_edit)
        form.addRow("Counts:", counts)
        top = QHBoxLayout()
        top.addWidget(self.votes_table, 1)
        side = QVBoxLayout()
        side.addWidget(self.new_button)
        side.addWidget(self.remove_button)
        side.addStretch()
        top.addLayout(side)
        bottom = QHBoxLayout()
        bottom.addWidget(self.warning_label, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.eligibility_label)
        layout.addLayout(top)
        layout.addWidget(self.form_label)
        layout.addLayout(form)
        layout.addWidget(self.voters_table, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.votes_table.selectionModel().selectionChanged.connect(self._on_vote_selected)
        self.new_button.clicked.connect(self.new_vote)
        self.remove_button.clicked.connect(self.remove_vote)
        self.votes_table.delete_requested.connect(self.remove_vote)
        self.named_check.toggled.connect(self._on_named_toggled)
        self.voters_model.dataChanged.connect(self._on_names_changed)
        self.save_button.clicked.connect(self.save_vote)

    # -- loading ---------------------------------------------------------------------------
    def set_minute(self, minute: Minute | None, read_only: bool) -> None:
        self.minute = minute
        self.read_only = read_only
        self.votes_table.clearSelection()  # another minute's votes
        self.reload()

    def edit_current_choice(self) -> None:
        """F2 in the by-name list: choose this member's vote from a list."""
        index = self.voters_table.currentIndex()
        if index.isValid() and not self.read_only:
            self.voters_table.edit(self.voters_model.index(index.row(), CHOICE))

    def reload(self, select_id: int | None = None) -> None:
        """Votes and who may vote afresh (the attendance or declarations changed)."""
        current = self.selected_vote()
        select_id = select_id or (current.id if current else None)
        votes = self.services.minutes.votes
        self.votes_model.set_records(votes.for_minute(self.minute.id) if self.minute else [])
        if self.votes_model.rowCount():
            self.votes_table.fit_columns(stretch=0)
        self.eligible = votes.eligibility(self.minute.id) if self.minute else {}
        self.names = {p.id: p.front_sheet_name for p in self.services.people.list()}
        self.in_room = []
        if self.minute is not None:
            self.in_room = [a.person_id for a in
                            self.services.minutes.attendance.list(self.minute.meeting_id)
                            if a.is_member and a.presence in (Presence.PRESENT, Presence.REMOTE)]
        self.eligibility_label.setText(
            cannot_vote_text(self.eligible, self.names, self.in_room) if self.minute else "")
        row = self.votes_model.row_of_id(select_id) if select_id is not None else None
        if row is None:
            self.new_vote()
        else:
            self.votes_table.select_row(row)
        self._update_enabled()

    def _budget_meeting(self) -> bool:
        return (self.minute is not None and
                self.services.meetings.get(self.minute.meeting_id).kind is MeetingKind.BUDGET)

    def selected_vote(self) -> Vote | None:
        return self.votes_table.selected_record()

    def new_vote(self) -> None:
        self.votes_table.clearSelection()
        self._show_vote(None)

    def _on_vote_selected(self, *_args) -> None:
        vote = self.selected_vote()
        if vote is not None:
            self._show_vote(vote)
        self._update_enabled()

    def _show_vote(self, vote: Vote | None) -> None:
        # One form for both: say which, so nobody overwrites a vote thinking it is new.
        self.form_label.setText("Change the selected vote:" if vote else "Record a new vote:")
        self.save_button.setText("Save changes" if vote else "Record vote")
        self.subject_edit.setText(vote.subject if vote else "")
        self.requested_edit.setText(vote.requested_by if vote else "")
        self.voters_model.set_voters(self.eligible, self.names, self.in_room, vote)
        self.voters_table.fit_columns(stretch=ELIGIBILITY)
        named = vote.named if vote else self._budget_meeting()
        self.named_check.setChecked(named)
        for spin, count in ((self.for_spin, vote.for_count if vote else 0),
                            (self.against_spin, vote.against_count if vote else 0),
                            (self.abstain_spin, vote.abstentions if vote else 0)):
            spin.setValue(count)
        select_value(self.casting_combo,
                     vote.casting_vote.value if vote and vote.casting_vote else NO_CASTING_VOTE)
        self._on_named_toggled(named)

    def _update_enabled(self) -> None:
        editable = self.minute is not None and not self.read_only
        for widget in (self.new_button, self.subject_edit, self.named_check,
                       self.requested_edit, self.casting_combo, self.save_button):
            widget.setEnabled(editable)
        self.remove_button.setEnabled(editable and self.selected_vote() is not None)
        self.voters_table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers if not editable else
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed)
        self._on_named_toggled(self.named_check.isChecked())

    def _on_named_toggled(self, named: bool) -> None:
        self.voters_table.setVisible(named)
        editable = self.minute is not None and not self.read_only
        for spin in (self.for_spin, self.against_spin, self.abstain_spin):
            spin.setEnabled(editable and not named)  # by name, the names are the counts
        self._on_names_changed()

    def _on_names_changed(self, *_args) -> None:
        warnings = []
        if self.named_check.isChecked():
            self.for_spin.setValue(self.voters_model.count(Choice.FOR))
            self.against_spin.setValue(self.voters_model.count(Choice.AGAINST))
            self.abstain_spin.setValue(self.voters_model.count(Choice.ABSTAIN))
            warnings = [f"{voter.name} cannot vote: {voter.eligibility.reason}."
                        for voter in self.voters_model.records()
                        if voter.choice and not voter.eligibility.can_vote]
        self.warning_label.setText(" ".join(warnings))

    # -- changing --------------------------------------------------------------------------
    def vote_from_form(self) -> Vote:
        current = self.selected_vote()
        names = ()
        if self.named_check.isChecked():
            names = tuple(NamedVote(pid, Choice(choice))
                          for pid, choice in self.voters_model.choices().items())
        casting = self.casting_combo.currentData()
        return Vote(
            id=current.id if current else None,
            minute_id=self.minute.id,
            subject=self.subject_edit.text().strip(),
            for_count=self.for_spin.value(),
            against_count=self.against_spin.value(),
            abstentions=self.abstain_spin.value(),
            names=names,
            requested_by=self.requested_edit.text().strip(),
            casting_vote=Choice(casting) if casting else None,
            position=current.position if current else 0,
        )

    def save_vote(self) -> None:
        if self.minute is None:
            return
        vote = self.vote_from_form()
        votes = self.services.minutes.votes
        saved = attempt(self, lambda: votes.record(vote) if vote.id is None
                        else votes.update(vote))
        if saved is not FAILED:
            self.reload(saved.id)

    def remove_vote(self) -> None:
        vote = self.selected_vote()
        if vote is None:
            return
        label = f"the vote on {vote.subject or 'the recommendations'}"
        if confirm.delete_with_confirmation(
                self, label, [], lambda: self.services.minutes.votes.remove(vote.id)):
            self.reload()
