"""Putting a petition before a meeting: the meeting's Petitions agenda item is linked when
its agenda has one. A petition still only received is accepted under the scheme first."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from clerkdesk.domain.meetings import MeetingStatus
from clerkdesk.domain.petitions import Petition, PetitionStatus
from clerkdesk.errors import ValidationError
from clerkdesk.ui.dialogs.record_dialog import RecordDialog
from clerkdesk.ui.formatting import meeting_time
from clerkdesk.ui.widgets.combos import fill_combo


def petitions_item_id(services, meeting_id: int) -> int | None:
    """The meeting's Petitions agenda item, if its agenda has one."""
    for item in services.agenda.items(meeting_id):
        if "petition" in item.title.casefold():
            return item.id
    return None


class PetitionScheduleDialog(RecordDialog):
    @classmethod
    def ask(cls, parent: QWidget | None, services, petition: Petition, today: date):
        """The scheduled petition, or None if the clerk cancelled."""
        return cls(services, petition, today, parent).run()

    def __init__(self, services, petition: Petition, today: date, parent=None):
        super().__init__("Schedule the petition for a meeting", parent)
        self.services = services
        self.petition = petition
        self.today = today
        self._build_ui()

    def _meeting_choices(self) -> list[tuple[str, int]]:
        """The committee's meetings from today on (all committees' when none is set yet)."""
        committees = {c.id: c.name for c in self.services.committees.list()}
        meetings = [m for m in self.services.meetings.search(self.petition.committee_id,
                                                              self.today)
                    if m.status is not MeetingStatus.CANCELLED]
        choices = []
        for meeting in sorted(meetings, key=lambda m: m.start):
            label = meeting_time(meeting.start)
            if not self.petition.committee_id:
                label = f"{committees.get(meeting.committee_id, '')}: {label}"
            choices.append((label, meeting.id))
        return choices

    def _build_ui(self) -> None:
        about = QLabel(self.petition.title)
        about.setWordWrap(True)
        self.meeting_combo = QComboBox()
        self.meeting_combo.setMinimumContentsLength(30)
        fill_combo(self.meeting_combo, self._meeting_choices())
        self.form.addRow(about)
        self.form.addRow("&Meeting", self.meeting_combo)
        self._finish_layout()

    def value(self) -> int | None:
        return self.meeting_combo.currentData()

    def _save(self, meeting_id: int | None) -> Petition:
        if meeting_id is None:
            raise ValidationError("There is no meeting to choose: schedule one first.")
        petitions = self.services.petitions
        if self.petition.status is PetitionStatus.RECEIVED:
            petitions.accept(self.petition.id)
        return petitions.schedule(self.petition.id, meeting_id,
                                  petitions_item_id(self.services, meeting_id))
