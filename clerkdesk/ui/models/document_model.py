"""The documents attached to one agenda item: report first, then its appendices.

Access shows what the pack will do with the document: the stricter of its own access and
its item's, marked "(item)" when it comes from the item, because that is what decides
whether the public pack prints the document or a stub.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from clerkdesk.domain.agenda import AgendaItem, ItemDocument, effective_access
from clerkdesk.ui.models.agenda_model import access_text
from clerkdesk.ui.models.table_model import AnyIndex, Column, RecordTableModel

TITLE, ROLE, ACCESS, PAGES, CHECKS = range(5)

NO_TEXT_LAYER = "No text layer: screen readers cannot read it"
WORD_NEEDS_LIBREOFFICE = "Word file: LibreOffice is needed to build the pack"
WORD_CONVERTED = "Word file: turned into PDF when the pack is built"


class DocumentModel(RecordTableModel):
    def __init__(self, parent=None, *, libreoffice_found: bool = True):
        self.item: AgendaItem | None = None
        self.libreoffice_found = libreoffice_found
        super().__init__(
            [
                Column("Title", lambda d: d.title),
                Column("Role", lambda d: d.role.value.capitalize()),
                Column("Access", self.access_text),
                Column("Pages", lambda d: "" if d.pages is None else str(d.pages),
                       align_right=True),
                Column("Checks", self.check_text),
            ],
            parent,
        )

    def set_item(self, item: AgendaItem | None) -> None:
        self.item = item
        self.set_records(sorted(item.documents, key=lambda d: (d.position, d.id or 0))
                         if item else [])

    def access_text(self, document: ItemDocument) -> str:
        if self.item is None:
            return access_text(document.access)
        effective = effective_access(self.item, document)
        inherited = effective is not document.access and effective != document.access
        return access_text(effective) + (" (item)" if inherited else "")

    def check_text(self, document: ItemDocument) -> str:
        if document.media == "docx":
            return WORD_CONVERTED if self.libreoffice_found else WORD_NEEDS_LIBREOFFICE
        if document.has_text is False:
            return NO_TEXT_LAYER
        return "Not checked" if document.has_text is None else "OK"

    def needs_attention(self, document: ItemDocument) -> bool:
        return document.has_text is False or (
            document.media == "docx" and not self.libreoffice_found)

    def data(self, index: AnyIndex, role=Qt.ItemDataRole.DisplayRole):
        if (role == Qt.ItemDataRole.ForegroundRole and index.isValid()
                and index.column() == CHECKS
                and self.needs_attention(self.record_at(index.row()))):
            return Qt.GlobalColor.darkRed
        return super().data(index, role)
