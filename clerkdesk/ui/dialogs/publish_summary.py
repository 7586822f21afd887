"""What a publication (or a pack build) produced: the files, whether the agenda went out
with enough clear working days, and anything the clerk should act on.

The wording comes from plain functions (``publish_summary``, ``pack_summary``) so tests
read it without a dialog; ``SummaryDialog.ask`` shows it with a button to open the folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.documents.pack import Audience, PackResult
from clerkdesk.services.publishing import PublishResult


def _warning_lines(warnings) -> list[str]:
    if not warnings:
        return []
    return ["", "Please check:", *(f"• {warning}" for warning in warnings)]


def publish_summary(result: PublishResult) -> tuple[str, str]:
    """(heading, text) for a finished publication."""
    label = result.publication.label
    lines = [f"Folder: {result.folder}", "", "Files:"]
    lines += [f"• {path.name}" for path in result.paths]
    lines.append("")
    if result.compliance is not None:
        # "Agenda published with 10 clear working days: the period is met." (or short of it)
        required = result.compliance.achieved.required
        rule = f" The committee's rule asks for {required}." if required is not None else ""
        lines.append(result.compliance.summary + rule)
    else:
        lines.append(f"{label} lists items added after the agenda went out: each is a "
                     "late item with its reason for urgency on record.")
    lines.append("The published items are now locked; items added from now on go into "
                 "the next supplementary agenda.")
    return f"{label} published", "\n".join(lines + _warning_lines(result.warnings))


def pack_summary(result: PackResult) -> tuple[str, str]:
    """(heading, text) for a pack built on its own (not published)."""
    who = "Public" if result.audience is Audience.PUBLIC else "Members'"
    lines = [f"File: {result.path}", f"Pages: {result.page_count}"]
    if result.audience is Audience.MEMBERS:
        lines.append("It includes exempt or confidential documents: NOT FOR PUBLICATION.")
    return f"{who} agenda pack built", "\n".join(lines + _warning_lines(result.warnings))


class SummaryDialog(QDialog):
    @classmethod
    def ask(cls, parent: QWidget | None, heading: str, text: str,
            folder: Path | None = None) -> None:
        """Show the summary until the clerk closes it."""
        cls(heading, text, folder, parent).exec()

    def __init__(self, heading: str, text: str, folder: Path | None, parent=None):
        super().__init__(parent)
        self.folder = folder
        self.setWindowTitle(heading)
        self.resize(620, 380)
        self.heading_label = QLabel(f"<b>{heading}</b>")
        self.text_view = QPlainTextEdit(text)
        self.text_view.setReadOnly(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton("&Open folder")
        self.open_button.setEnabled(folder is not None)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading_label)
        layout.addWidget(self.text_view)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self._on_open_clicked)

    def _on_open_clicked(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
