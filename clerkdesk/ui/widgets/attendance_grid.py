"""Taking a meeting's attendance: who was present, sent apologies, was absent or watched
remotely; who substituted for whom; officers and others present; and the quorum, live.

Keyboard first, because the clerk marks twenty names at once: Space moves the selected
row on to the next mark, P/A/R/X set present, apologies, remote or absent, and F2 (or a
double-click) opens a list to choose from. Every mark is saved at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.attendance import Capacity, Presence, QuorumReport
from clerkdesk.domain.membership import Role
from clerkdesk.ui.dialogs import confirm
from clerkdesk.ui.dialogs.attendee_dialog import AttendeeDialog
from clerkdesk.ui.models.attendance_model import (
    DETAILS,
    NAME,
    NOBODY,
    PRESENCE,
    SUBSTITUTE_FOR,
    AttendanceModel,
    AttendanceRow,
    next_presence,
)
from clerkdesk.ui.widgets.choice_delegate import ChoiceDelegate
from clerkdesk.ui.widgets.record_table_view import RecordTableView
from clerkdesk.ui.widgets.service_call import FAILED, attempt

MARK_KEYS = {
    Qt.Key.Key_P: Presence.PRESENT,
    Qt.Key.Key_A: Presence.APOLOGIES,
    Qt.Key.Key_R: Presence.REMOTE,
    Qt.Key.Key_X: Presence.ABSENT,
}
KEY_HELP = ("Space: next mark · P present · A apologies · R watched remotely · X absent · "
            "F2 or double-click: choose from a list")


def quorum_text(report: QuorumReport) -> str:
    verdict = "Quorate" if report.met else "Not quorate"
    text = (f"{verdict}: {report.present} present, {report.required} needed "
            f"({report.rule.describe()}; {report.seats} seats)")
    if report.not_counted:
        text += (f". {len(report.not_counted)} in the attendance not counted (point at "
                 "\"Not counted\" to see why)")
    return text + "."


class AttendanceView(RecordTableView):
    # The mark the clerk asked for on the current row; None means "the next one".
    mark_requested = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent, sortable=False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                      Qt.KeyboardModifier.KeypadModifier)
        if plain and self.state() != QAbstractItemView.State.EditingState:
            if event.key() == Qt.Key.Key_Space:
                self.mark_requested.emit(None)
                event.accept()
                return
            if event.key() in MARK_KEYS:
                self.mark_requested.emit(MARK_KEYS[event.key()])
                event.accept()
                return
        super().keyPressEvent(event)


class AttendanceGrid(QWidget):
    changed = Signal()  # the attendance was saved: quorum and who may vote may differ
    locked = Signal()  # a change was refused because the minutes are approved

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.meeting_id: int | None = None
        self.read_only = False
        self.model = AttendanceModel(self)
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        self.quorum_label = QLabel()
        self.quorum_label.setWordWrap(True)
        self.quorum_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.view = AttendanceView()
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(PRESENCE, ChoiceDelegate(self.view))
        self.view.setItemDelegateForColumn(SUBSTITUTE_FOR, ChoiceDelegate(self.view))
        self.view.setToolTip(KEY_HELP)
        help_label = QLabel(KEY_HELP)
        help_label.setWordWrap(True)
        self.present_button = QPushButton("Mark the rest present")
        self.present_button.setToolTip("Every member still marked absent becomes present")
        self.substitute_button = QPushButton("Add substitute…")
        self.officer_button = QPushButton("Add officer…")
        self.also_button = QPushButton("Also present…")
        self.remove_button = QPushButton("Remove…")
        self.remove_button.setToolTip("Remove an officer, substitute or guest (Delete)")
        buttons = QHBoxLayout()
        for button in (self.present_button, self.substitute_button, self.officer_button,
                       self.also_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.quorum_label)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(help_label)

    def _connect(self) -> None:
        # Queued: the grid reloads after a change, which must not happen while the
        # combo box editor that asked for the change is still closing.
        self.model.change_requested.connect(self._on_change_requested,
                                            Qt.ConnectionType.QueuedConnection)
        self.view.mark_requested.connect(self.mark_current)
        self.view.delete_requested.connect(self.remove_selected)
        self.view.activated.connect(lambda _index: self.edit_current())
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.present_button.clicked.connect(self.mark_rest_present)
        self.substitute_button.clicked.connect(lambda: self._add(Capacity.SUBSTITUTE))
        self.officer_button.clicked.connect(lambda: self._add(Capacity.OFFICER))
        self.also_button.clicked.connect(lambda: self._add(Capacity.ALSO_PRESENT))
        self.remove_button.clicked.connect(self.remove_selected)

    # -- loading ---------------------------------------------------------------------------
    def set_meeting(self, meeting_id: int | None, read_only: bool) -> None:
        self.meeting_id = meeting_id
        self.read_only = read_only
        triggers = (QAbstractItemView.EditTrigger.NoEditTriggers if read_only else
                    QAbstractItemView.EditTrigger.DoubleClicked
                    | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setEditTriggers(triggers)
        attendance = self.services.minutes.attendance
        if meeting_id is not None and not read_only and not attendance.list(meeting_id):
            attendance.start(meeting_id)  # the committee on the meeting date, all absent
        self.reload()

    def reload(self, select_person_id: int | None = None) -> None:
        current = self.selected_row()
        keep = select_person_id or (current.person_id if current else None)
        column = max(self.view.currentIndex().column(), NAME)
        if self.meeting_id is None:
            self.model.set_records([])
            self.quorum_label.setText("Choose a meeting to take its attendance.")
        else:
            attendance = self.services.minutes.attendance
            report = attendance.quorum(self.meeting_id)
            self.model.set_attendance(attendance.list(self.meeting_id),
                                      {p.id: p for p in self.services.people.list()},
                                      self._standing_substitutes(), report)
            self.quorum_label.setText(quorum_text(report))
            colour = "#1b5e20" if report.met else "#b71c1c"
            self.quorum_label.setStyleSheet(f"font-weight: bold; color: {colour};")
            self.view.fit_columns(maximum=320, stretch=DETAILS)
        row = self.model.row_of_person(keep) if keep is not None else None
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row, column))
        self._update_buttons()

    def _standing_substitutes(self):
        meeting = self.services.meetings.get(self.meeting_id)
        return [self.services.people.get(m.person_id)
                for m in self.services.memberships.for_committee(meeting.committee_id,
                                                                 on=meeting.date)
                if m.role is Role.SUBSTITUTE]

    def selected_row(self) -> AttendanceRow | None:
        return self.view.selected_record()

    def _update_buttons(self, *_args) -> None:
        row = self.selected_row()
        editable = self.meeting_id is not None and not self.read_only
        for button in (self.present_button, self.substitute_button, self.officer_button,
                       self.also_button):
            button.setEnabled(editable)
        self.remove_button.setEnabled(editable and row is not None and row.attendee is not None
                                      and row.capacity not in (Capacity.MEMBER,
                                                               Capacity.CO_OPTEE))

    # -- changing --------------------------------------------------------------------------
    def _saved(self, result, person_id: int | None) -> bool:
        if result is FAILED:
            self.reload()
            return False
        self.reload(person_id)
        self.changed.emit()
        return True

    def mark(self, person_id: int, presence: Presence) -> bool:
        attendance = self.services.minutes.attendance
        result = attempt(self, lambda: attendance.mark(self.meeting_id, person_id, presence),
                         self.locked.emit)
        return self._saved(result, person_id)

    def mark_current(self, presence: Presence | None = None) -> None:
        row = self.selected_row()
        if row is None or row.attendee is None or self.meeting_id is None:
            return
        self.mark(row.person_id, presence or next_presence(row.attendee.presence))

    def set_substitute(self, row: AttendanceRow, for_person_id: int) -> bool:
        attendance = self.services.minutes.attendance
        if for_person_id != NOBODY:
            result = attempt(self, lambda: attendance.record_substitute(
                self.meeting_id, row.person_id, for_person_id), self.locked.emit)
        elif row.attendee is not None:  # "(nobody)": no longer substituting
            result = attempt(self, lambda: attendance.remove(row.attendee.id), self.locked.emit)
        else:
            return True
        return self._saved(result, row.person_id)

    def mark_rest_present(self) -> None:
        for row in self.model.records():
            if (row.attendee is not None and row.capacity in (Capacity.MEMBER, Capacity.CO_OPTEE)
                    and row.attendee.presence is Presence.ABSENT
                    and not self.mark(row.person_id, Presence.PRESENT)):
                return

    def edit_current(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid() or self.read_only:
            return
        if index.column() not in (PRESENCE, SUBSTITUTE_FOR):
            index = self.model.index(index.row(), PRESENCE)
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def _on_change_requested(self, row: AttendanceRow, column: int, value) -> None:
        if column == PRESENCE:
            self.mark(row.person_id, Presence(value))
        elif column == SUBSTITUTE_FOR:
            self.set_substitute(row, value)

    def _add(self, capacity: Capacity) -> None:
        if self.meeting_id is None:
            return
        saved = AttendeeDialog.ask(self, self.services, self.meeting_id, capacity)
        if saved is not None:
            self.reload(saved.person_id)
            self.changed.emit()

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row is None or row.attendee is None or self.meeting_id is None:
            return
        attendance = self.services.minutes.attendance
        label = f"{row.person.front_sheet_name} from the attendance"
        if confirm.delete_with_confirmation(self, label, [],
                                            lambda: attendance.remove(row.attendee.id)):
            self.reload()
            self.changed.emit()
