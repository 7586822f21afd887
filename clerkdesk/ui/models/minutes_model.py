"""Tables of the minutes editor: a meeting's minutes, a minute's actions and its votes, and
the by-name list filled in while recording a named vote."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from clerkdesk.domain.minutes import Minute, MinuteAction
from clerkdesk.domain.voting import Choice, Eligibility, Vote
from clerkdesk.ui.models.table_model import AnyIndex, Column, RecordTableModel
from clerkdesk.ui.widgets.choice_delegate import CHOICES_ROLE

NUMBER, TITLE = range(2)
RESPONSIBLE, ACTION_TEXT = range(2)
SUBJECT, FOR, AGAINST, ABSTAINED, OUTCOME, BY_NAME = range(6)
VOTER, CHOICE, ELIGIBILITY = range(3)

NO_VOTE = ""  # the by-name list's "did not vote": Qt item data cannot be None reliably
CHOICE_LABELS = {NO_VOTE: "—", Choice.FOR.value: "For", Choice.AGAINST.value: "Against",
                 Choice.ABSTAIN.value: "Abstained"}
# Space on a row of the by-name list moves to the next choice, in this order.
CHOICE_CYCLE = (NO_VOTE, Choice.FOR.value, Choice.AGAINST.value, Choice.ABSTAIN.value)


class MinutesModel(RecordTableModel):
    """The meeting's minutes in their order, by number and title."""

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("No.", lambda m: str(m.number), sort_key=lambda m: m.number,
                       align_right=True),
                Column("Title", lambda m: m.title),
            ],
            parent,
        )

    def update_record(self, minute: Minute) -> None:
        """One minute changed (its title, say): repaint its row, keeping the selection."""
        row = self.row_of_id(minute.id)
        if row is None:
            return
        self._records[row] = minute
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def data(self, index: AnyIndex, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            minute = self.record_at(index.row())
            return f"{minute.section}\n{minute.title}".strip()
        return super().data(index, role)


class MinuteActionsModel(RecordTableModel):
    def __init__(self, parent=None):
        super().__init__(
            [
                Column("Action for", lambda a: a.responsible),
                Column("Action", lambda a: a.text),
            ],
            parent,
        )

    def set_actions(self, actions: list[MinuteAction]) -> None:
        self.set_records(actions)


def _outcome(vote: Vote) -> str:
    casting = f" on the chair's casting vote ({vote.casting_vote.value})" \
        if vote.casting_vote else ""
    return f"{vote.outcome.value.capitalize()}{casting}"


class VotesModel(RecordTableModel):
    def __init__(self, parent=None):
        super().__init__(
            [
                Column("Vote on", lambda v: v.subject or "(the recommendations)"),
                Column("For", lambda v: str(v.for_count), align_right=True),
                Column("Against", lambda v: str(v.against_count), align_right=True),
                Column("Abstained", lambda v: str(v.abstentions), align_right=True),
                Column("Outcome", _outcome),
                Column("By name", lambda v: "Yes" if v.named else ""),
            ],
            parent,
        )


@dataclass(frozen=True)
class Voter:
    """One row of the by-name list: someone in the attendance and how they voted."""

    person_id: int
    name: str
    eligibility: Eligibility
    choice: str = NO_VOTE

    @property
    def id(self) -> int:
        return self.person_id


def _eligibility_text(voter: Voter) -> str:
    return "" if voter.eligibility.can_vote else f"Cannot vote: {voter.eligibility.reason}"


class NamedVotesModel(RecordTableModel):
    """Members who may vote first; the others follow, greyed, with the reason, so a clerk
    who is asked "why is Councillor X not listed?" has the answer on screen."""

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("Member", lambda v: v.name),
                Column("Vote", lambda v: CHOICE_LABELS[v.choice]),
                Column("Note", _eligibility_text),
            ],
            parent,
        )

    def set_voters(self, eligible: dict[int, Eligibility], names: dict[int, str],
                   members: list[int], vote: Vote | None = None) -> None:
        """``members``: person ids in attendance order (members, substitutes, co-optees)."""
        chosen = {named.person_id: named.choice.value for named in (vote.names if vote else ())}
        voters = [Voter(pid, names.get(pid, "?"), eligible[pid], chosen.get(pid, NO_VOTE))
                  for pid in members if pid in eligible]
        voters.sort(key=lambda v: not v.eligibility.can_vote)  # stable: keeps the order
        self.set_records(voters)

    def choices(self) -> dict[int, str]:
        return {v.person_id: v.choice for v in self.records() if v.choice != NO_VOTE}

    def count(self, choice: Choice) -> int:
        return sum(1 for v in self.records() if v.choice == choice.value)

    def set_choice(self, row: int, choice: str) -> None:
        self._records[row] = replace(self._records[row], choice=choice)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def cycle(self, row: int) -> None:
        current = self._records[row].choice
        self.set_choice(row, CHOICE_CYCLE[(CHOICE_CYCLE.index(current) + 1) % len(CHOICE_CYCLE)])

    def flags(self, index: AnyIndex):
        flags = super().flags(index)
        if index.isValid() and index.column() == CHOICE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        voter = self.record_at(index.row())
        if index.column() == CHOICE and role == Qt.ItemDataRole.EditRole:
            return voter.choice
        if index.column() == CHOICE and role == CHOICES_ROLE:
            return [(CHOICE_LABELS[c], c) for c in CHOICE_CYCLE]
        if role == Qt.ItemDataRole.ForegroundRole and not voter.eligibility.can_vote:
            palette = QApplication.palette()
            return QBrush(palette.color(QPalette.ColorGroup.Disabled,
                                        QPalette.ColorRole.Text))
        return super().data(index, role)

    def setData(self, index: AnyIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != CHOICE:
            return False
        self.set_choice(index.row(), value if value in CHOICE_LABELS else NO_VOTE)
        return True
