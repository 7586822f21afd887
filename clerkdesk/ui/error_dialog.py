"""Showing failures to the clerk: expected ones as a message, unexpected ones as a report.

``show_error`` is for ``ClerkError``: the message was written for the clerk, so it is all
they see. ``install_excepthook`` catches everything else (a bug): it is logged with its
traceback, and the clerk gets a dialog saying so with the details and a Copy button, never
a bare traceback or a silent failure.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.errors import ClerkError, ValidationError
from clerkdesk.paths import log_dir

log = logging.getLogger(__name__)


def error_text(exc: ClerkError) -> str:
    """The message, with every problem of a ValidationError on its own line."""
    if isinstance(exc, ValidationError) and len(exc.problems) > 1:
        lines = "\n".join(f"• {problem}" for problem in exc.problems)
        return f"Please put these right and try again:\n\n{lines}"
    return exc.message


def show_error(parent: QWidget | None, exc: ClerkError) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "ClerkDesk", error_text(exc),
                      QMessageBox.StandardButton.Ok, parent)
    box.exec()


class ErrorDetailsDialog(QDialog):
    """The report for an unexpected error: what happened, where it is logged, and a Copy."""

    def __init__(self, details: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.details = details
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        self.setWindowTitle("ClerkDesk: unexpected error")
        self.resize(640, 420)
        explanation = QLabel(
            "Something went wrong that ClerkDesk did not expect. What you saved before this "
            "is safe. The details below are also in the log file "
            f"({log_dir() / 'clerkdesk.log'}); please copy them into an email to whoever "
            "supports ClerkDesk for you."
        )
        explanation.setWordWrap(True)
        self.details_view = QPlainTextEdit(self.details)
        self.details_view.setReadOnly(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("&Copy details")
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.details_view)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.buttons.rejected.connect(self.reject)

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText("Copied")


class UncaughtExceptionHandler:
    """The one ``sys.excepthook``; it shows at most one report at a time."""

    def __init__(self) -> None:
        self._showing = False

    def __call__(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        app = QApplication.instance()
        # Widgets belong to the GUI thread; elsewhere the log entry is all we can do.
        if app is None or threading.current_thread() is not threading.main_thread():
            return
        if self._showing:  # an error while reporting one: do not pile up dialogs
            return
        self._showing = True
        try:
            if isinstance(exc, ClerkError):  # a service error a page forgot to catch
                show_error(app.activeWindow(), exc)
            else:
                details = "".join(traceback.format_exception(exc_type, exc, tb))
                ErrorDetailsDialog(details, app.activeWindow()).exec()
        finally:
            self._showing = False


def install_excepthook() -> UncaughtExceptionHandler:
    handler = UncaughtExceptionHandler()
    sys.excepthook = handler
    return handler
