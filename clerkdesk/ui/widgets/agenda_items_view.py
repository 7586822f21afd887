"""The agenda's items as a table whose rows can be dragged into a new order.

Heading rows span the whole table. A drag moves one item; the model turns the drop into
a new order for the page to save (see ``AgendaModel``), so the view itself never moves a
row and never removes one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView

from clerkdesk.ui.models import agenda_model as columns
from clerkdesk.ui.models.agenda_model import AgendaModel
from clerkdesk.ui.widgets.record_table_view import RecordTableView

# Starting widths that leave the title most of a 1366-pixel laptop screen; the section is
# also the heading above each run of items, and every cell shows its full text on hover.
COLUMN_WIDTHS = {
    columns.NUMBER: 38, columns.SECTION: 150, columns.OFFICER: 170, columns.KEY: 95,
    columns.EDUCATION: 72, columns.ACCESS: 110, columns.LATE: 42, columns.DOCUMENTS: 76,
    columns.SUPPLEMENT: 92,
}


class AgendaItemsView(RecordTableView):
    def __init__(self, parent=None):
        super().__init__(parent, sortable=False)  # the agenda's order is the point
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDragDropOverwriteMode(False)  # drops go between rows
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def setModel(self, model: AgendaModel) -> None:
        super().setModel(model)
        model.modelReset.connect(self._apply_heading_spans)
        self._apply_heading_spans()
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(columns.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            self.setColumnWidth(column, width)

    def _apply_heading_spans(self) -> None:
        model = self.model()
        self.clearSpans()
        for row in model.heading_rows():
            self.setSpan(row, 0, 1, model.columnCount())
