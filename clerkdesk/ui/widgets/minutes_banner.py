"""Where a meeting's minutes are in their life cycle, and the step that comes next:
Draft -> Published draft -> Approved (at a later meeting) -> Signed (rules.md §7).

Publishing freezes the minute numbers; approval locks the minutes for good, so both ask
first. Signing records the person presiding at the approving meeting.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from clerkdesk.domain.attendance import Presence
from clerkdesk.domain.membership import Role
from clerkdesk.domain.minutes import MeetingMinutes, MinutesStatus
from clerkdesk.errors import ValidationError
from clerkdesk.ui.dialogs.approve_minutes_dialog import ApproveMinutesDialog
from clerkdesk.ui.dialogs.minutes_history_dialog import MinutesHistoryDialog
from clerkdesk.ui.formatting import short_date
from clerkdesk.ui.widgets.service_call import FAILED, attempt

STATUS_LABELS = {
    MinutesStatus.DRAFT: "Draft",
    MinutesStatus.PUBLISHED: "Published draft",
    MinutesStatus.APPROVED: "Approved",
    MinutesStatus.SIGNED: "Signed",
}
# Background colours: blue while being written, amber once public, green when settled.
BANNER_COLOURS = {
    MinutesStatus.DRAFT: "#e3f2fd",
    MinutesStatus.PUBLISHED: "#fff8e1",
    MinutesStatus.APPROVED: "#e8f5e9",
    MinutesStatus.SIGNED: "#e8f5e9",
}


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    """A question before a step that cannot be undone (tests patch this)."""
    answer = QMessageBox.question(
        parent, title, text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes


class MinutesBanner(QFrame):
    changed = Signal(str)  # the life cycle moved on; the text is for the status bar
    locked = Signal()

    def __init__(self, services, before_change: Callable[[], object],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.before_change = before_change  # saves what is being typed first
        self.meeting_id: int | None = None
        self.state: MeetingMinutes | None = None
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        self.setObjectName("minutesBanner")
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.publish_button = QPushButton("Publish draft")
        self.publish_button.setToolTip("Publish the draft minutes: their numbers freeze "
                                       "(Ctrl+Shift+P)")
        self.approve_button = QPushButton("Approve…")
        self.approve_button.setToolTip("Record their approval at a later meeting "
                                       "(Ctrl+Shift+A)")
        self.sign_button = QPushButton("Sign…")
        self.sign_button.setToolTip("Record that the person presiding signed them")
        self.history_button = QPushButton("History…")
        self.history_button.setToolTip("Who changed what, and when (Ctrl+H)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.status_label, 1)
        for button in (self.publish_button, self.approve_button, self.sign_button,
                       self.history_button):
            layout.addWidget(button)

    def _connect(self) -> None:
        self.publish_button.clicked.connect(self.publish)
        self.approve_button.clicked.connect(self.approve)
        self.sign_button.clicked.connect(self.sign)
        self.history_button.clicked.connect(self.show_history)

    # -- showing ---------------------------------------------------------------------------
    def set_state(self, meeting_id: int | None, state: MeetingMinutes | None) -> None:
        self.meeting_id = meeting_id
        self.state = state
        status = state.status if state else MinutesStatus.DRAFT
        self.status_label.setText(self.describe(state) if state else "Choose a meeting.")
        self.setStyleSheet(f"#minutesBanner {{ background: {BANNER_COLOURS[status]}; "
                           "border-radius: 4px; }")
        self.publish_button.setEnabled(state is not None and status is MinutesStatus.DRAFT)
        self.approve_button.setEnabled(status is MinutesStatus.PUBLISHED)
        self.sign_button.setEnabled(status is MinutesStatus.APPROVED)
        self.history_button.setEnabled(state is not None)

    def describe(self, state: MeetingMinutes) -> str:
        label = f"<b>{STATUS_LABELS[state.status]}</b>"
        if state.status is MinutesStatus.DRAFT:
            return f"{label}: minutes may be added, renumbered and edited."
        if state.status is MinutesStatus.PUBLISHED:
            when = short_date(state.published_at.date()) if state.published_at else ""
            return (f"{label} {when}: the minute numbers are frozen; the wording may be "
                    "corrected until the minutes are approved.")
        approving = self.services.meetings.get(state.approved_at_meeting_id)
        minute = self.services.minutes.get(state.approval_minute_id)
        text = (f"{label} at the meeting on {short_date(approving.date)} (minute "
                f"{minute.number}): locked. Corrections are agreed as amendments.")
        if state.status is MinutesStatus.SIGNED:
            signer = self.services.people.get(state.signed_by_id)
            text += f" <b>Signed</b> by {signer.front_sheet_name} on {short_date(state.signed_on)}."
        return text

    # -- the life cycle --------------------------------------------------------------------
    def _step(self, action, message: str) -> bool:
        if attempt(self, action, self.locked.emit) is FAILED:
            return False
        self.changed.emit(message)
        return True

    def publish(self) -> None:
        if self.meeting_id is None:
            return
        self.before_change()
        if not ask_yes_no(self, "Publish the draft minutes",
                          "Publish the draft minutes? Their numbers are then frozen: minutes "
                          "can no longer be added, deleted or renumbered, though the wording "
                          "can be corrected until they are approved."):
            return
        meeting_id = self.meeting_id
        self._step(lambda: self.services.minutes.lifecycle.publish(meeting_id),
                   "Draft minutes published.")

    def approve(self) -> None:
        if self.meeting_id is None:
            return
        self.before_change()
        approval = ApproveMinutesDialog.ask(self, self.services, self.meeting_id)
        if approval is not None:
            self.changed.emit(f"Minutes approved; minute {approval.number} of the approving "
                              "meeting records it.")

    def sign(self) -> None:
        if self.meeting_id is None or self.state is None:
            return
        meeting_id, state = self.meeting_id, self.state
        found = attempt(self, lambda: self.presiding_person(state))
        if found is FAILED:
            return
        person, day = found
        if ask_yes_no(self, "Sign the minutes",
                      f"Record the minutes as signed by {person.front_sheet_name} on "
                      f"{short_date(day)}?"):
            self._step(lambda: self.services.minutes.lifecycle.sign(meeting_id, person.id, day),
                       f"Minutes signed by {person.front_sheet_name}.")

    def presiding_person(self, state: MeetingMinutes):
        """(person, date): who presided at the approving meeting, which signs the minutes;
        the chair if present, else the vice-chair, else the committee's chair that day."""
        if state.approved_at_meeting_id is None:
            raise ValidationError("Minutes are signed once they have been approved.")
        approving = self.services.meetings.get(state.approved_at_meeting_id)
        attendees = self.services.minutes.attendance.list(approving.id)
        for role in (Role.CHAIR, Role.VICE_CHAIR):
            for attendee in attendees:
                if attendee.role is role and attendee.presence is Presence.PRESENT:
                    return self.services.people.get(attendee.person_id), approving.date
        for membership in self.services.memberships.for_committee(approving.committee_id,
                                                                  on=approving.date):
            if membership.role is Role.CHAIR:
                return self.services.people.get(membership.person_id), approving.date
        raise ValidationError("Nobody is recorded as presiding at the approving meeting: "
                              "take its attendance, or appoint a chair, first.")

    def show_history(self) -> None:
        if self.meeting_id is not None:
            MinutesHistoryDialog.ask(self, self.services, self.meeting_id,
                                     "Changes to these minutes")
