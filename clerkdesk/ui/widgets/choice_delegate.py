"""A combo box for editing a table cell chosen from a short list (presence, a vote).

The model says what may be chosen (``CHOICES_ROLE``: a list of (label, value) pairs) and
what is chosen now (``EditRole``). The popup opens at once, so one click picks a value;
picking it commits straight away, so the clerk never has to press Enter as well.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from clerkdesk.ui.models.table_model import OBJECT_ROLE
from clerkdesk.ui.widgets.combos import fill_combo

# What a cell may be set to: [(label, value), ...]. Next to the object role of table_model.
CHOICES_ROLE = OBJECT_ROLE + 10


class ChoiceDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.activated.connect(lambda _row, chosen=combo: self._commit(chosen))
        QTimer.singleShot(0, combo.showPopup)
        return combo

    def setEditorData(self, editor: QComboBox, index) -> None:
        fill_combo(editor, index.data(CHOICES_ROLE) or [], index.data(Qt.ItemDataRole.EditRole))

    def setModelData(self, editor: QComboBox, model, index) -> None:
        if editor.currentIndex() >= 0:
            model.setData(index, editor.currentData())

    def _commit(self, editor: QComboBox) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
