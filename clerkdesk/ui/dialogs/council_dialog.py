"""Council settings: the profile printed on agendas, the municipal years, the document
style, and a copy of the templates for the council to edit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.documents.styles import STYLES
from clerkdesk.domain.council import CouncilProfile, StandardParagraphs
from clerkdesk.errors import ClerkError
from clerkdesk.ui import error_dialog
from clerkdesk.ui.dialogs.record_dialog import RecordDialog

YEAR_ROLE = Qt.ItemDataRole.UserRole
JURISDICTIONS = (("England", "england"), ("Wales", "wales"))
PARAGRAPHS = (("filming", "Filming and recording"), ("public_speaking", "Public speaking"),
              ("car_parking", "Car parking"), ("access_contact", "Access and contact"))


def _text_box(text: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


class CouncilDialog(RecordDialog):
    def __init__(self, services, parent: QWidget | None = None):
        super().__init__("Council settings", parent)
        self.services = services
        self.council = services.council.get_or_none() or CouncilProfile(name="")
        self._build_ui()
        self._connect()

    @classmethod
    def ask(cls, parent, services) -> CouncilProfile | None:
        return cls(services, parent).run()

    def _build_ui(self) -> None:
        council = self.council
        self.name_edit = QLineEdit(council.name)
        self.address_edit = _text_box(council.address, 4)
        self.website_edit = QLineEdit(council.website)
        self.service_edit = QLineEdit(council.service_name)
        self.officer_edit = QLineEdit(council.monitoring_officer_name)
        self.officer_title_edit = QLineEdit(council.monitoring_officer_title)
        self.jurisdiction_combo = QComboBox()
        for text, value in JURISDICTIONS:
            self.jurisdiction_combo.addItem(text, value)
        self.jurisdiction_combo.setCurrentIndex(
            max(0, self.jurisdiction_combo.findData(council.jurisdiction)))
        self.style_combo = QComboBox()
        for key, style in STYLES.items():
            self.style_combo.addItem(style.name, key)
            self.style_combo.setItemData(self.style_combo.count() - 1, style.description,
                                         Qt.ItemDataRole.ToolTipRole)
        self.style_combo.setCurrentIndex(max(0, self.style_combo.findData(council.document_style)))
        self.guidance_edit = QLineEdit(council.declarations_guidance)
        self.copy_button = QPushButton("Copy templates for editing…")
        self.copy_button.setToolTip(
            "Copy this style's Word, web and wording templates into the council's own folder, "
            "where edits in Word or a text editor take effect on the next document.")
        for label, widget in (("&Name:", self.name_edit), ("&Address:", self.address_edit),
                              ("&Website:", self.website_edit),
                              ("&Service:", self.service_edit),
                              ("&Monitoring officer:", self.officer_edit),
                              ("Officer's &title:", self.officer_title_edit),
                              ("&Jurisdiction:", self.jurisdiction_combo),
                              ("Document st&yle:", self.style_combo),
                              ("Declarations &guidance:", self.guidance_edit),
                              ("", self.copy_button)):
            self.form.addRow(label, widget)
        tabs = QTabWidget()
        self.paragraph_edits = {}
        for key, title in PARAGRAPHS:
            box = QPlainTextEdit(getattr(council.paragraphs, key))
            self.paragraph_edits[key] = box
            tabs.addTab(box, title)
        self.body.addWidget(tabs)
        self.body.addWidget(self._years_box())
        self._finish_layout()
        self.resize(760, 720)

    def _years_box(self) -> QWidget:
        """The dates the council's municipal years start (its annual meetings)."""
        self.years_list = QListWidget()
        for start in sorted(self.council.municipal_year_starts):
            self._add_year_row(start)
        self.year_edit = QDateEdit(QDate.currentDate())
        self.year_edit.setCalendarPopup(True)
        self.year_edit.setDisplayFormat("dd/MM/yyyy")
        self.add_year_button = QPushButton("Add year start")
        self.remove_year_button = QPushButton("Remove")
        buttons = QHBoxLayout()
        for widget in (self.year_edit, self.add_year_button, self.remove_year_button):
            buttons.addWidget(widget)
        buttons.addStretch()
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.years_list)
        layout.addLayout(buttons)
        self.years_list.setToolTip("Municipal years start at the council's annual meeting.")
        self.years_list.setFixedHeight(90)
        return box

    def _add_year_row(self, start: date) -> None:
        self.years_list.addItem(f"{start:%d/%m/%Y} (annual meeting)")
        self.years_list.item(self.years_list.count() - 1).setData(YEAR_ROLE, start)

    def _connect(self) -> None:
        self.add_year_button.clicked.connect(self._on_add_year_clicked)
        self.remove_year_button.clicked.connect(self._on_remove_year_clicked)
        self.copy_button.clicked.connect(self._on_copy_clicked)

    def _on_add_year_clicked(self) -> None:
        start = self.year_edit.date().toPython()
        if start not in self.year_starts():
            self._add_year_row(start)

    def _on_remove_year_clicked(self) -> None:
        row = self.years_list.currentRow()
        if row >= 0:
            self.years_list.takeItem(row)

    def _on_copy_clicked(self) -> None:
        try:
            copies = self.services.council.copy_templates_for_editing(
                self.style_combo.currentData())
        except ClerkError as exc:
            error_dialog.show_error(self, exc)
            return
        QMessageBox.information(
            self, "Templates copied",
            f"{len(copies)} templates are in {self.services.council.template_folder()}.\n"
            "Edit them in Word or a text editor; ClerkDesk uses them from the next document.")

    def year_starts(self) -> tuple[date, ...]:
        return tuple(sorted(self.years_list.item(row).data(YEAR_ROLE)
                            for row in range(self.years_list.count())))

    def value(self) -> CouncilProfile:
        paragraphs = StandardParagraphs(**{
            key: box.toPlainText().strip() for key, box in self.paragraph_edits.items()})
        return replace(
            self.council,
            name=self.name_edit.text().strip(),
            address=self.address_edit.toPlainText().strip(),
            website=self.website_edit.text().strip(),
            service_name=self.service_edit.text().strip(),
            monitoring_officer_name=self.officer_edit.text().strip(),
            monitoring_officer_title=self.officer_title_edit.text().strip(),
            paragraphs=paragraphs,
            jurisdiction=self.jurisdiction_combo.currentData(),
            document_style=self.style_combo.currentData(),
            declarations_guidance=self.guidance_edit.text().strip(),
            municipal_year_starts=self.year_starts(),
        )

    def _save(self, value: CouncilProfile) -> CouncilProfile:
        return self.services.council.save(value)
