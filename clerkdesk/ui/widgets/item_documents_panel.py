"""The documents of the agenda item selected on the agenda page: attach, edit, detach.

Files arrive through "Attach…" or by dragging them from the file manager onto the list.
Each is checked before anything is asked: a password-protected or damaged PDF is refused
with the reason and nothing is attached; a scan with no text layer is attached with an
accessibility warning. Word files are accepted, and if LibreOffice is not installed the
panel says plainly that the pack will need it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clerkdesk.documents.conversion import find_libreoffice
from clerkdesk.domain.agenda import AgendaItem, ItemDocument
from clerkdesk.errors import ClerkError, ValidationError
from clerkdesk.ui import error_dialog
from clerkdesk.ui.dialogs import confirm
from clerkdesk.ui.dialogs.document_dialog import DocumentDialog, check_attachment
from clerkdesk.ui.models.document_model import TITLE, DocumentModel
from clerkdesk.ui.widgets.record_table_view import RecordTableView

ATTACHABLE = (".pdf", ".docx")
FILE_FILTER = "Reports (*.pdf *.docx);;PDF (*.pdf);;Word documents (*.docx)"
NO_LIBREOFFICE_NOTE = (
    "LibreOffice is not installed on this computer. Word (.docx) files can still be "
    "attached, but they will need LibreOffice to go into the pack: install it, or attach "
    "PDFs instead."
)
WORD_NEEDS_LIBREOFFICE_WARNING = (
    "This is a Word file and LibreOffice is not installed, so the pack cannot be built "
    "until it is (or a PDF of the report is attached instead)."
)


def ask_attachment_paths(parent: QWidget) -> list[Path]:
    """The files the clerk chose, or [] if they cancelled (tests patch this)."""
    chosen, _filter = QFileDialog.getOpenFileNames(parent, "Attach reports or appendices",
                                                   "", FILE_FILTER)
    return [Path(name) for name in chosen]


class FileDropTableView(RecordTableView):
    """A table that also takes files dragged from the file manager."""

    files_dropped = Signal(list)  # list[Path]

    def __init__(self, parent=None):
        super().__init__(parent, sortable=False)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)

    @staticmethod
    def _local_files(event) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._local_files(event)
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)


class ItemDocumentsPanel(QWidget):
    # A document was attached, changed or detached: the page reloads the agenda.
    changed = Signal(str)

    def __init__(self, services, parent: QWidget | None = None,
                 libreoffice_found: bool | None = None):
        super().__init__(parent)
        self.services = services
        if libreoffice_found is None:
            libreoffice_found = find_libreoffice() is not None
        self.libreoffice_found = libreoffice_found
        self.item: AgendaItem | None = None
        self.locked = False
        self.model = DocumentModel(self, libreoffice_found=libreoffice_found)
        self._build_ui()
        self._connect()
        self.set_item(None)

    def _build_ui(self) -> None:
        self.heading_label = QLabel()
        self.heading_label.setWordWrap(True)
        self.libreoffice_label = QLabel(NO_LIBREOFFICE_NOTE)
        self.libreoffice_label.setWordWrap(True)
        self.libreoffice_label.setStyleSheet("color: #8a4b00;")
        self.libreoffice_label.setVisible(not self.libreoffice_found)
        self.table = FileDropTableView()
        self.table.setModel(self.model)
        self.table.setToolTip("Drag PDF or Word files here to attach them to the item")
        self.attach_button = QPushButton("&Attach…")
        self.attach_button.setToolTip("Ctrl+O, or drag files from the file manager")
        self.edit_button = QPushButton("Edit document…")
        self.detach_button = QPushButton("Detach…")
        self.detach_button.setToolTip("Delete in the documents list")
        buttons = QHBoxLayout()
        for button in (self.attach_button, self.edit_button, self.detach_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading_label)
        layout.addWidget(self.libreoffice_label)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def _connect(self) -> None:
        self.attach_button.clicked.connect(self.attach)
        self.edit_button.clicked.connect(self.edit_document)
        self.detach_button.clicked.connect(self.detach_document)
        self.table.activated.connect(lambda _index: self.edit_document())
        self.table.delete_requested.connect(self.detach_document)
        self.table.files_dropped.connect(self.attach_files)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    # -- showing ---------------------------------------------------------------------------
    def set_item(self, item: AgendaItem | None, number: int | None = None,
                 locked: bool = False) -> None:
        selected = self.selected_document()
        self.item, self.locked = item, locked
        self.model.set_item(item)
        if item is None:
            self.heading_label.setText("Select an item to see its documents.")
        else:
            state = " — published, so its documents cannot change" if locked else ""
            self.heading_label.setText(f"<b>Documents of item {number}: {item.title}</b>{state}")
        if self.model.rowCount():
            self.table.fit_columns(maximum=420, stretch=TITLE)
        # Only the clerk's own choice stays selected: a second highlight on the page would
        # blur which list the keys act on.
        row = self.model.row_of_id(selected.id) if selected else None
        if row is not None:
            self.table.select_row(row)
        self._update_buttons()

    def selected_document(self) -> ItemDocument | None:
        return self.table.selected_record()

    def _update_buttons(self, *_args) -> None:
        editable = self.item is not None and not self.locked
        self.attach_button.setEnabled(editable)
        has_document = self.selected_document() is not None
        self.edit_button.setEnabled(editable and has_document)
        self.detach_button.setEnabled(editable and has_document)

    # -- changing --------------------------------------------------------------------------
    def _can_change(self) -> bool:
        if self.item is None:
            return False
        error = self.services.agenda.locked_error(self.item) if self.locked else None
        if error is not None:
            error_dialog.show_error(self, error)
            return False
        return True

    def attach(self) -> None:
        if self._can_change():
            self.attach_files(ask_attachment_paths(self))

    def attach_files(self, paths: list[Path]) -> None:
        if not self._can_change():
            return
        for path in paths:
            if not self._attach_one(Path(path)):
                break  # the clerk cancelled, or a file was refused: stop there

    def _attach_one(self, path: Path) -> bool:
        if path.suffix.lower() not in ATTACHABLE:
            error_dialog.show_error(self, ValidationError(
                f"'{path.name}' is not a PDF or Word (.docx) file; attach one of those."))
            return False
        if not path.is_file():
            error_dialog.show_error(self, ClerkError(f"There is no file at {path}."))
            return False
        check = check_attachment(path)
        if check[2]:  # problems: the file cannot go into a pack
            error_dialog.show_error(self, ValidationError(check[2]))
            return False
        notes = [] if path.suffix.lower() == ".pdf" or self.libreoffice_found else [
            WORD_NEEDS_LIBREOFFICE_WARNING]
        saved = DocumentDialog.ask(self, self.services, self.item, source=path, check=check,
                                   notes=notes)
        if saved is None:
            return False
        warned = " (see its warning)" if check[3] or notes else ""
        self.changed.emit(f"Attached '{saved.title}'{warned}.")
        return True

    def edit_document(self) -> None:
        document = self.selected_document()
        if document is None or not self._can_change():
            return
        saved = DocumentDialog.ask(self, self.services, self.item, document=document)
        if saved is not None:
            self.changed.emit(f"Saved '{saved.title}'.")

    def detach_document(self) -> None:
        document = self.selected_document()
        if document is None or not self._can_change():
            return
        label = f"the document '{document.title}' from item '{self.item.title}'"
        if confirm.delete_with_confirmation(
                self, label, [], lambda: self.services.agenda.detach(document.id)):
            self.changed.emit(f"Detached '{document.title}'.")
