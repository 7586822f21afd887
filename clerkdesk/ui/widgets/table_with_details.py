"""A record table under a bar of buttons, with a read-only details pane below it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)


def table_with_details(
    table: QWidget,
    left_buttons: Sequence[QPushButton],
    right_buttons: Sequence[QPushButton],
    placeholder: str,
    sizes: tuple[int, int],
) -> tuple[QWidget, QPlainTextEdit]:
    """The page body and its details pane: buttons left and right, the table, the pane."""
    bar = QHBoxLayout()
    for button in left_buttons:
        bar.addWidget(button)
    bar.addStretch()
    for button in right_buttons:
        bar.addWidget(button)
    details = QPlainTextEdit()
    details.setReadOnly(True)
    details.setPlaceholderText(placeholder)
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.addWidget(table)
    splitter.addWidget(details)
    splitter.setSizes(list(sizes))
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addLayout(bar)
    layout.addWidget(splitter, 1)
    return body, details
