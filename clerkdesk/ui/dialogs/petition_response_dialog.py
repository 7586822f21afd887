"""Recording the written response to a petition: the day it was sent, who sent it and what
it said. A petition still scheduled is first recorded as considered, under its minute."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from clerkdesk.domain import petitions as steps
from clerkdesk.domain.petitions import Petition, PetitionStatus
from clerkdesk.errors import ValidationError
from clerkdesk.ui.dialogs.record_dialog import RecordDialog
from clerkdesk.ui.formatting import from_qdate
from clerkdesk.ui.widgets.date_edits import date_edit

DEFAULT_RESPONDER = "the Chairman, on behalf of the Committee"  # seeds 000 and 001


class PetitionResponseDialog(RecordDialog):
    @classmethod
    def ask(cls, parent: QWidget | None, services, petition: Petition, today: date):
        """The answered petition, or None if the clerk cancelled."""
        return cls(services, petition, today, parent).run()

    def __init__(self, services, petition: Petition, today: date, parent=None):
        super().__init__("Record the response to the petition", parent)
        self.services = services
        self.petition = petition
        self._build_ui(today)

    def _build_ui(self, today: date) -> None:
        about = QLabel(self.petition.title)
        about.setWordWrap(True)
        self.form.addRow(about)
        self.minute_edit = QLineEdit(self.petition.minute_number)
        self.minute_edit.setPlaceholderText("e.g. 216")
        if self.petition.status is PetitionStatus.SCHEDULED:
            self.form.addRow("Considered under &minute", self.minute_edit)
        self.sent_edit = date_edit(today)
        self.responder_edit = QLineEdit(self.petition.responder or DEFAULT_RESPONDER)
        self.text_edit = QPlainTextEdit(self.petition.response_text)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumHeight(140)
        self.text_edit.setPlaceholderText("The response, as sent to the organiser. It is the "
                                          "body of the response letter.")
        self.form.addRow("&Sent on", self.sent_edit)
        self.form.addRow("Sent &by", self.responder_edit)
        self.form.addRow("&Response", self.text_edit)
        self.setMinimumWidth(560)
        self._finish_layout()
        self.text_edit.setFocus()

    def value(self) -> tuple[date, str, str, str]:
        return (from_qdate(self.sent_edit.date()), self.text_edit.toPlainText().strip(),
                self.responder_edit.text().strip(), self.minute_edit.text().strip())

    def _save(self, value) -> Petition:
        sent_on, text, responder, minute = value
        if not text:
            raise ValidationError("Record the response that was sent (or a summary of it).")
        petitions, petition = self.services.petitions, self.petition
        # Check the whole change first, so that a refusal leaves nothing half-recorded.
        planned = {PetitionStatus.RECEIVED: steps.accepted,
                   PetitionStatus.SCHEDULED: lambda p: steps.considered(p, minute)}
        steps.responded(planned.get(petition.status, lambda p: p)(petition), sent_on, text,
                        responder)
        if petition.status is PetitionStatus.RECEIVED:
            petitions.accept(petition.id)
        elif petition.status is PetitionStatus.SCHEDULED:
            petitions.record_consideration(petition.id, minute)
        return petitions.record_response(petition.id, sent_on, text, responder)
