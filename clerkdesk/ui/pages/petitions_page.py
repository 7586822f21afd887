"""The petitions register: each petition with its clocks (acknowledgement, response), whether
the petitioners may speak, and its status coloured when a clock is overdue or due soon.
Register and edit a petition (with its organiser's private contact record), acknowledge
it, schedule it for a meeting, record the response and write the response letter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QPushButton,
    QWidget,
)

from clerkdesk.documents.petition_letter import write_petition_letter
from clerkdesk.documents.petition_text import public_petition_text
from clerkdesk.domain.petition_privacy import PrivacyError
from clerkdesk.domain.petition_scheme import petition_clocks
from clerkdesk.domain.petitions import Petition
from clerkdesk.errors import ClerkError
from clerkdesk.ui import error_dialog
from clerkdesk.ui.dialogs.petition_dialog import PetitionDialog
from clerkdesk.ui.dialogs.petition_response_dialog import PetitionResponseDialog
from clerkdesk.ui.dialogs.petition_schedule_dialog import PetitionScheduleDialog
from clerkdesk.ui.formatting import short_date
from clerkdesk.ui.models.petition_model import (
    ACKNOWLEDGE,
    CAN_SPEAK,
    MEETING,
    ORGANISER,
    RECEIVED,
    RESPONDED,
    RESPONSE,
    SIGNATURES,
    STATUS,
    TITLE,
    PetitionLine,
    PetitionTableModel,
)
from clerkdesk.ui.pages.record_list_page import RecordListPage
from clerkdesk.ui.widgets.table_with_details import table_with_details


def ask_letter_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to write the response letter; None if cancelled. Tests patch this."""
    chosen, _filter = QFileDialog.getSaveFileName(parent, "Write the response letter",
                                                  suggested, "Word document (*.docx)")
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".docx" else path.with_name(f"{path.name}.docx")


# Starting widths: the title gets what is left; every other column is short.
COLUMN_WIDTHS = {RECEIVED: 95, ORGANISER: 120, SIGNATURES: 80, CAN_SPEAK: 60, MEETING: 95,
                 ACKNOWLEDGE: 170, RESPONSE: 170, RESPONDED: 95, STATUS: 90}


class PetitionsPage(RecordListPage):
    title = "Petitions"
    record_noun = "petition"
    search_placeholder = "Search petitions"
    stretch_column = TITLE
    column_widths = COLUMN_WIDTHS

    def _create_model(self) -> PetitionTableModel:
        return PetitionTableModel(self)

    # -- building --------------------------------------------------------------------------
    def _filter_widgets(self) -> list[QWidget]:
        self.due_check = QCheckBox("&Due or overdue only")
        self.due_check.setToolTip("Petitions whose acknowledgement or response is overdue "
                                  "or due soon")
        return [self.due_check]

    def _build_body(self, table) -> QWidget:
        self.acknowledge_button = QPushButton("&Acknowledged today")
        self.schedule_button = QPushButton("&Schedule for a meeting…")
        self.response_button = QPushButton("&Record response…")
        self.letter_button = QPushButton("Response &letter…")
        self.letter_button.setToolTip("The letter to the organiser, as a Word document")
        body, self.details = table_with_details(
            table, (self.acknowledge_button, self.schedule_button, self.response_button),
            (self.letter_button,), "Select a petition to see its clocks and public text.",
            (420, 220))
        return body

    def _connect(self) -> None:
        super()._connect()
        self.due_check.toggled.connect(self._on_due_toggled)
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        self.schedule_button.clicked.connect(self.schedule_selected)
        self.response_button.clicked.connect(self.record_response)
        self.letter_button.clicked.connect(self.write_letter)

    # -- loading ---------------------------------------------------------------------------
    def _after_first_fit(self) -> None:
        self.table.sortByColumn(RECEIVED, Qt.SortOrder.DescendingOrder)  # newest first

    def _load(self) -> None:
        petitions = self.services.petitions
        today, calendar, scheme = self.context.today(), petitions.calendar(), petitions.scheme()
        by_id = {petition.id: petition for petition in petitions.list()}
        lines = []
        for row in petitions.register_rows(today=today, calendar=calendar):
            petition = by_id[row.id]
            acknowledgement, response = petition_clocks(petition, scheme, calendar)
            due_soon = scheme.due_soon_working_days
            lines.append(PetitionLine(row, petition, acknowledgement, response,
                                      acknowledgement.state(today, calendar, due_soon),
                                      response.state(today, calendar, due_soon)))
        self.model.set_records(lines)
        self._on_due_toggled(self.due_check.isChecked(), reload=False)

    def _on_due_toggled(self, due_only: bool, reload: bool = True) -> None:
        self.proxy.set_predicate("due", (lambda line: line.row.due_state.needs_attention)
                                 if due_only else None)
        if reload:
            self.refresh()

    def selected_petition(self) -> Petition | None:
        line = self.selected_record()
        return line.petition if line is not None else None

    # -- record interface ------------------------------------------------------------------
    def _ask_new(self):
        return PetitionDialog.ask(self, self.services, self.context.today())

    def _ask_edit(self, line: PetitionLine):
        return PetitionDialog.ask(self, self.services, self.context.today(), line.petition)

    def _describe(self, record) -> str:
        petition = record.petition if isinstance(record, PetitionLine) else record
        return f"the petition '{petition.title}'"

    def _delete(self, line: PetitionLine) -> None:
        self.services.petitions.delete(line.id)

    def _show_details(self, line: PetitionLine | None) -> None:
        petition = line.petition if line else None
        closed = petition is None or petition.status.is_closed
        self.acknowledge_button.setEnabled(petition is not None and not closed
                                           and petition.acknowledged_on is None)
        self.schedule_button.setEnabled(not closed)
        self.response_button.setEnabled(not closed)
        self.letter_button.setEnabled(petition is not None and bool(petition.response_text))
        self.details.setPlainText(self._details_text(line) if line else "")

    def _details_text(self, line: PetitionLine) -> str:
        petition, petitions = line.petition, self.services.petitions
        lines = [f"{petition.title} ({petition.status.value})"]
        organiser = petition.organiser
        if organiser is not None:
            private = ", ".join(" ".join(value.split()) for value in
                                organiser.contact_details.values())
            lines.append(f"Organiser: {organiser.name}"
                         + (f" (private: {private})" if private else ""))
        lines.append(petitions.speaking(petition.id).explanation)
        for clock in (line.acknowledgement, line.response):
            if clock.done_on:
                lines.append(f"{clock.label}: done {short_date(clock.done_on)}")
            elif clock.due is None:
                lines.append(f"{clock.label}: no due date ({clock.no_due_date_because})")
            else:  # the days counted are in the due date's tooltip
                lines.append(f"{clock.label}: due {short_date(clock.due_date)}, "
                             f"{clock.due.rule}")
        lines.append("")
        lines.append("Printed in agendas and minutes:")
        try:
            public = public_petition_text(petition, petitions.scheme(), petitions.organisers())
            lines += [f"  {paragraph}" for paragraph in public.all_paragraphs]
        except PrivacyError as exc:
            lines.append(f"  Cannot be published as it stands. {exc.message}")
        return "\n".join(lines)

    # -- changing --------------------------------------------------------------------------
    def acknowledge_selected(self) -> None:
        petition = self.selected_petition()
        if petition is not None:
            today = self.context.today()
            self._run(lambda: self.services.petitions.acknowledge(petition.id, today),
                      f"Acknowledged on {short_date(today)}.")

    def schedule_selected(self) -> None:
        petition = self.selected_petition()
        if petition is not None:
            today = self.context.today()
            self._run(lambda: PetitionScheduleDialog.ask(self, self.services, petition, today),
                      "Petition scheduled.")

    def record_response(self) -> None:
        petition = self.selected_petition()
        if petition is not None:
            today = self.context.today()
            self._run(lambda: PetitionResponseDialog.ask(self, self.services, petition, today),
                      "Response recorded.")

    def write_letter(self) -> None:
        petition = self.selected_petition()
        if petition is None:
            return
        path = ask_letter_path(self, f"Petition {petition.id} response letter.docx")
        if path is None:
            return
        try:
            write_petition_letter(self.services, petition.id, path, self.context.today())
        except ClerkError as exc:
            error_dialog.show_error(self, exc)
            return
        self.message.emit(f"Wrote {path}.")
