"""Attaching a file to an agenda item, or changing an attached document's title, role or
access (its file never changes: a new version is a new attachment).

When attaching, the file has already been checked (``check_attachment``): a file that
cannot go into a pack never gets this far, and warnings (a scan with no text layer, a Word
file without LibreOffice on this computer) are shown here, before the clerk saves.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from clerkdesk.documents.conversion import inspect_pdf
from clerkdesk.domain.agenda import AgendaItem, DocumentRole, ItemDocument
from clerkdesk.ui.dialogs.record_dialog import RecordDialog
from clerkdesk.ui.widgets.access_editor import AccessEditor
from clerkdesk.ui.widgets.combos import enum_choices, fill_combo, select_value

# What AgendaService.attach(inspect=...) expects back: (pages, has_text, problems, warnings).
Check = tuple[int | None, bool | None, list[str], list[str]]
NOT_CHECKED: Check = (None, None, [], [])


def check_attachment(path: Path) -> Check:
    """The pack's own PDF checks, in the shape the agenda service takes (Word files are
    checked when the pack converts them)."""
    if Path(path).suffix.lower() != ".pdf":
        return NOT_CHECKED
    report = inspect_pdf(path)
    return report.pages or None, report.has_text, list(report.problems), list(report.warnings)


class DocumentDialog(RecordDialog):
    @classmethod
    def ask(cls, parent: QWidget | None, services, item: AgendaItem,
            document: ItemDocument | None = None, source: Path | None = None,
            check: Check = NOT_CHECKED, notes: list[str] | None = None):
        """The saved ItemDocument, or None if the clerk cancelled. Pass ``document`` to
        edit one, or ``source`` (and its ``check``) to attach a file."""
        return cls(services, item, document, source, check, notes or [], parent).run()

    def __init__(self, services, item: AgendaItem, document: ItemDocument | None,
                 source: Path | None, check: Check, notes: list[str], parent=None):
        super().__init__("Edit document" if document else "Attach a document", parent)
        if document is None and source is None:
            raise ValueError("DocumentDialog needs a document to edit or a file to attach")
        self.services = services
        self.item = item
        self.original = document
        self.source = Path(source) if source else None
        self.check = check
        self._build_ui(notes + list(check[3]))
        self._load()

    def _build_ui(self, warnings: list[str]) -> None:
        name = self.original.original_name if self.original else self.source.name
        self.file_label = QLabel(name)
        self.title_edit = QLineEdit()
        self.title_edit.setMinimumWidth(380)
        self.role_combo = QComboBox()
        fill_combo(self.role_combo, enum_choices(DocumentRole))
        self.access_editor = AccessEditor("Public access to the document")
        self.warning_label = QLabel("\n\n".join(f"⚠ {text}" for text in warnings))
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #8a4b00;")
        self.warning_label.setVisible(bool(warnings))
        self.form.addRow("File:", self.file_label)
        self.form.addRow("&Title:", self.title_edit)
        self.form.addRow("&Role:", self.role_combo)
        self.form.addRow(self.access_editor)
        self.form.addRow(self.warning_label)
        self._finish_layout()

    def _load(self) -> None:
        if self.original is not None:
            self.title_edit.setText(self.original.title)
            select_value(self.role_combo, self.original.role.value)
            self.access_editor.set_value(self.original.access)
            return
        # A new file: the item's first document is its report, later ones appendices; it
        # starts as private as its item, so an exempt item's appendix is never open by slip.
        has_report = any(d.role is DocumentRole.REPORT for d in self.item.documents)
        role = DocumentRole.APPENDIX if has_report else DocumentRole.REPORT
        select_value(self.role_combo, role.value)
        self.title_edit.setText(self.source.stem if has_report else self.item.title)
        self.access_editor.set_value(self.item.access)

    def value(self) -> ItemDocument:
        role = DocumentRole(self.role_combo.currentData())
        if self.original is not None:
            return replace(self.original, title=self.title_edit.text().strip(), role=role,
                           access=self.access_editor.value())
        return ItemDocument(None, self.item.id, self.title_edit.text().strip(), "",
                            self.source.name, self.source.suffix.lower().lstrip("."), role,
                            self.access_editor.value())

    def _save(self, value: ItemDocument) -> ItemDocument:
        if value.id is not None:
            return self.services.agenda.update_document(value)
        document, _warnings = self.services.agenda.attach(
            self.item.id, self.source, value.title, value.role, value.access,
            inspect=lambda _path: self.check)  # checked once already, before the dialog
        return document
