"""GUI test fixtures: private QSettings, pages on real databases, and no surprise dialogs.

A modal dialog that nobody answers hangs the test run, so by default ``show_error`` only
records what it was given, a delete confirmation fails the test unless the test says how
to answer, and an add/edit dialog that a page opens without the test patching its ``ask``
fails the test. Tests that drive a real modal dialog mark themselves ``real_dialogs``.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from clerkdesk.ui import error_dialog
from clerkdesk.ui.dialogs import confirm
from clerkdesk.ui.dialogs.record_dialog import RecordDialog
from clerkdesk.ui.pages.base_page import PageContext
from tests.conftest import DEMO_TODAY


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "real_dialogs: the test opens and answers real modal add/edit dialogs"
    )


@pytest.fixture(autouse=True)
def settings_dir(tmp_path):
    """QSettings (window geometry, last page) go to a temp folder, never the clerk's."""
    folder = tmp_path / "qsettings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch):
    """Every ClerkError the GUI would have shown the clerk, in order."""
    shown = []
    monkeypatch.setattr(error_dialog, "show_error", lambda parent, exc: shown.append(exc))
    return shown


@pytest.fixture(autouse=True)
def _no_unanswered_dialogs(request, monkeypatch):
    # Raising stops the dialog opening; recording fails the test even when the raise
    # happened inside a Qt slot, where Qt would only print it.
    surprises = []

    def surprise(message):
        surprises.append(message)
        raise AssertionError(message)

    monkeypatch.setattr(confirm, "ask_delete", lambda parent, label, consequences: surprise(
        f"unexpected delete confirmation for {label}"))
    if request.node.get_closest_marker("real_dialogs") is None:
        monkeypatch.setattr(RecordDialog, "run", lambda dialog: surprise(
            f"{type(dialog).__name__} opened: patch its ask() in this test"))
    yield
    assert surprises == []


@pytest.fixture
def answer_delete(monkeypatch):
    """``asked = answer_delete(True)``: confirmations say yes (or no); returns the questions."""

    def install(answer: bool) -> list[tuple[str, list[str]]]:
        asked = []

        def ask_delete(parent, label, consequences):
            asked.append((label, list(consequences)))
            return answer

        monkeypatch.setattr(confirm, "ask_delete", ask_delete)
        return asked

    return install


@pytest.fixture
def context(services, make):
    make.council()
    return PageContext(services, today=lambda: DEMO_TODAY)


@pytest.fixture
def demo_context(demo):
    return PageContext(demo, today=lambda: DEMO_TODAY)


@pytest.fixture
def make_page(qtbot):
    """``make_page(PageClass, context)``: a shown, loaded page closed after the test."""

    def create(page_class, page_context):
        page = page_class(page_context)
        qtbot.addWidget(page)
        page.resize(1200, 800)
        page.show()
        page.refresh()
        return page

    return create
