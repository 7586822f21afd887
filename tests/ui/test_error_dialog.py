"""Expected errors as a message listing every problem; unexpected ones as a report."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from clerkdesk.errors import ClerkError, ValidationError
from clerkdesk.ui import error_dialog
from clerkdesk.ui.error_dialog import ErrorDetailsDialog, install_excepthook

# Bound at import, before the conftest swaps error_dialog.show_error for a recorder.
from clerkdesk.ui.error_dialog import show_error as real_show_error


@pytest.fixture
def message_boxes(monkeypatch):
    """The text of each QMessageBox shown, instead of showing it."""
    texts = []

    def fake_exec(box):
        texts.append(box.text())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return texts


@pytest.fixture
def restored_excepthook():
    previous = sys.excepthook
    yield
    sys.excepthook = previous


def test_a_validation_error_lists_every_problem(qapp, message_boxes):
    real_show_error(None, ValidationError(["Surname must not be empty.",
                                           "Officer X needs a post."]))
    assert "• Surname must not be empty." in message_boxes[0]
    assert "• Officer X needs a post." in message_boxes[0]


def test_a_single_problem_is_shown_as_its_message():
    assert error_dialog.error_text(ClerkError("The file is locked.")) == "The file is locked."
    assert error_dialog.error_text(ValidationError("Code taken.")) == "Code taken."


def test_an_unexpected_exception_is_logged_and_reported_with_a_copy_button(
    qtbot, monkeypatch, caplog, restored_excepthook
):
    reports = []
    monkeypatch.setattr(ErrorDetailsDialog, "exec", lambda dialog: reports.append(dialog))
    handler = install_excepthook()
    assert sys.excepthook is handler
    try:
        raise RuntimeError("widget exploded")
    except RuntimeError:
        with caplog.at_level(logging.ERROR):
            sys.excepthook(*sys.exc_info())

    assert "widget exploded" in caplog.text
    [dialog] = reports
    qtbot.addWidget(dialog)
    assert "Traceback" in dialog.details_view.toPlainText()
    assert "RuntimeError: widget exploded" in dialog.details
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == dialog.details


def test_a_clerk_error_reaching_the_hook_is_shown_as_a_message(
    shown_errors, monkeypatch, restored_excepthook
):
    monkeypatch.setattr(ErrorDetailsDialog, "exec", lambda dialog: pytest.fail("report shown"))
    install_excepthook()
    error = ClerkError("The committee has meetings.")
    sys.excepthook(ClerkError, error, None)
    assert shown_errors == [error]
