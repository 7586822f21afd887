"""Filling and reading combo boxes whose items carry a value (an id or an enum)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import QComboBox


def fill_combo(combo: QComboBox, choices: Iterable[tuple[str, Any]], current: Any = None) -> None:
    """Replace the items with (label, value) pairs and select ``current`` if present.

    Quietly: a refill is not the clerk choosing something, so no change signal is sent.
    """
    combo.blockSignals(True)
    combo.clear()
    for label, value in choices:
        combo.addItem(label, value)
    select_value(combo, current)
    combo.blockSignals(False)


def select_value(combo: QComboBox, value: Any) -> None:
    for row in range(combo.count()):
        if combo.itemData(row) == value:
            combo.setCurrentIndex(row)
            return
    if combo.count():
        combo.setCurrentIndex(0)


def enum_choices(enum_type) -> list[tuple[str, Any]]:
    """An enum's members labelled by their value, first letter capitalised."""
    return [(member.value.capitalize() or "None", member.value) for member in enum_type]
