"""Choosing whether the public may see an item or a document (rules.md §1.4).

Open, exempt under one of the seven paragraphs of Part 1 of Schedule 12A (with the
public-interest test recorded), or confidential with its legal basis. Only the fields the
chosen level needs are enabled; ``value()`` gives an ``Access`` whose own ``problems()``
say what is still missing, so the dialog's save reports everything at once.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from clerkdesk.domain.access import (
    CONFIDENTIAL_BASIS,
    OPEN,
    SCHEDULE_12A_PARAGRAPHS,
    Access,
    AccessLevel,
)
from clerkdesk.ui.widgets.combos import fill_combo, select_value

LEVEL_LABELS = (
    ("Open to the public", AccessLevel.OPEN.value),
    ("Exempt (Schedule 12A)", AccessLevel.EXEMPT.value),
    ("Confidential (s.100A)", AccessLevel.CONFIDENTIAL.value),
)
NOTE_HINT = "Needed before publication: why the public interest favours keeping it exempt."


class AccessEditor(QGroupBox):
    def __init__(self, title: str = "Public access", parent: QWidget | None = None):
        super().__init__(title, parent)
        self.level_combo = QComboBox()
        fill_combo(self.level_combo, LEVEL_LABELS)
        self.paragraph_combo = QComboBox()
        fill_combo(self.paragraph_combo, [
            (f"{number} – {text}", number) for number, text in SCHEDULE_12A_PARAGRAPHS.items()])
        self.paragraph_combo.setMinimumContentsLength(40)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(60)
        self.note_edit.setPlaceholderText(NOTE_HINT)
        self.basis_edit = QLineEdit()
        self.basis_edit.setPlaceholderText(CONFIDENTIAL_BASIS)
        form = QFormLayout(self)
        form.addRow("&Access:", self.level_combo)
        form.addRow("Schedule 12A &paragraph:", self.paragraph_combo)
        form.addRow("Public-interest &test:", self.note_edit)
        form.addRow("Legal &basis:", self.basis_edit)
        self.level_combo.currentIndexChanged.connect(self._on_level_changed)
        self._on_level_changed()

    def level(self) -> AccessLevel:
        return AccessLevel(self.level_combo.currentData())

    def set_value(self, access: Access) -> None:
        select_value(self.level_combo, access.level.value)
        select_value(self.paragraph_combo, access.paragraph or 1)
        self.note_edit.setPlainText(access.public_interest_note)
        self.basis_edit.setText(access.legal_basis)
        self._on_level_changed()

    def value(self) -> Access:
        level = self.level()
        if level is AccessLevel.OPEN:
            return OPEN
        if level is AccessLevel.EXEMPT:
            return Access(level, self.paragraph_combo.currentData(),
                          public_interest_note=self.note_edit.toPlainText().strip())
        # An empty basis is refused by Access.problems(): the clerk must state one.
        return Access(level, legal_basis=self.basis_edit.text().strip())

    def _on_level_changed(self, *_args) -> None:
        level = self.level()
        self.paragraph_combo.setEnabled(level is AccessLevel.EXEMPT)
        self.note_edit.setEnabled(level is AccessLevel.EXEMPT)
        self.basis_edit.setEnabled(level is AccessLevel.CONFIDENTIAL)
