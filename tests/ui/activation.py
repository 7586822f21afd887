"""Making a test's window the active one, so its keyboard shortcuts fire."""

from __future__ import annotations

import warnings

from PySide6.QtWidgets import QApplication
from pytestqt.exceptions import TimeoutError as QtTimeoutError


def activate(qtbot, widget) -> None:
    widget.activateWindow()
    try:
        qtbot.waitUntil(widget.isActiveWindow, timeout=1000)
    except QtTimeoutError:
        # Offscreen, once a test has run QApplication.exec() to its end (the run_gui smoke
        # test), window activation requests are no longer honoured; set it directly.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            QApplication.setActiveWindow(widget)
        qtbot.waitUntil(widget.isActiveWindow)
