"""Small helpers shared by the GUI tests."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def column_texts(model, column: int) -> list[str]:
    """What a model (or proxy) shows in one column, top to bottom."""
    return [model.index(row, column).data() for row in range(model.rowCount())]


def when_dialog_opens(handle) -> None:
    """Run ``handle(dialog)`` on the next modal dialog, once its event loop is running."""

    def find_and_handle():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, find_and_handle)
            return
        handle(dialog)

    QTimer.singleShot(0, find_and_handle)
