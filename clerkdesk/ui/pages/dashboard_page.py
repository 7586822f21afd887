"""The clerk's home page: what is overdue, due today and due in the next ten working days,
across every committee, coloured, each line opening its meeting's deadlines."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.calendar import format_uk_date
from clerkdesk.services.actions_petitions_due import dashboard_rows
from clerkdesk.ui.models.deadline_model import COLOURS, DashboardModel, DueRowModel
from clerkdesk.ui.models.table_model import RecordFilterProxy
from clerkdesk.ui.pages.base_page import Page, PageContext
from clerkdesk.ui.widgets.meeting_deadlines import MeetingDeadlinesDialog
from clerkdesk.ui.widgets.record_table_view import RecordTableView

SUMMARY_PARTS = (("overdue", "overdue"), ("today", "due today"),
                 ("soon", "due in the next 10 working days"))


class DashboardPage(Page):
    title = "Dashboard"

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.model = DashboardModel(self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        # Petitions and actions to chase sit under the meeting deadlines (issue 6 item 4).
        self.due_model = DueRowModel(self)
        self.due_proxy = RecordFilterProxy(self)
        self.due_proxy.setSourceModel(self.due_model)
        self._columns_fitted = False
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary_labels = {}
        summary = QHBoxLayout()
        for bucket, _text in SUMMARY_PARTS:
            label = QLabel()
            label.setStyleSheet(f"QLabel {{ background: {COLOURS[bucket]}; color: black; "
                                "padding: 4px 10px; border-radius: 3px; }")
            self.summary_labels[bucket] = label
            summary.addWidget(label)
        summary.addStretch()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Search committee or deadline")
        self.search_edit.setToolTip("Ctrl+F")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(240)
        self.open_button = QPushButton("Open meeting…")
        self.open_button.setToolTip("Enter or double-click a line")
        bar = QHBoxLayout()
        bar.addWidget(self.search_edit)
        bar.addStretch()
        bar.addWidget(self.open_button)
        self.table = RecordTableView()
        self.table.setModel(self.proxy)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.empty_label = QLabel("Nothing is overdue or due in the next 10 working days.")
        self.explanation = QPlainTextEdit()
        self.explanation.setReadOnly(True)
        self.explanation.setPlaceholderText("Select a deadline to see how it was worked out.")
        self.due_table = RecordTableView()
        self.due_table.setModel(self.due_proxy)
        self.due_label = QLabel("Petitions and actions overdue or due soon")
        due_box = QWidget()
        due_layout = QVBoxLayout(due_box)
        due_layout.setContentsMargins(0, 0, 0, 0)
        due_layout.addWidget(self.due_label)
        due_layout.addWidget(self.due_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(due_box)
        splitter.addWidget(self.explanation)
        splitter.setSizes([360, 200, 140])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(summary)
        layout.addLayout(bar)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(self.proxy.set_search_text)
        self.search_edit.textChanged.connect(self.due_proxy.set_search_text)
        self.due_table.activated.connect(self._on_due_activated)
        self.due_table.selectionModel().selectionChanged.connect(self._on_due_selection_changed)
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.open_button.clicked.connect(self.open_selected_meeting)

    # -- Page interface --------------------------------------------------------------------
    def refresh(self) -> None:
        today = self.context.today()
        self.heading.setText(f"Today: {format_uk_date(today)}")
        selected = self.selected_line()
        rows = self.services.deadlines.dashboard(today)
        self.model.set_records(rows)
        counts = Counter(row.bucket for row in rows)
        for bucket, text in SUMMARY_PARTS:
            self.summary_labels[bucket].setText(f"{counts[bucket]} {text}")
        due = dashboard_rows(self.services, today)
        self.due_model.set_records(due)
        self.due_label.setText(f"Petitions and actions overdue or due soon: {len(due)}")
        self.empty_label.setVisible(not rows and not due)
        if (rows or due) and not self._columns_fitted:
            self.table.fit_columns(stretch=2)
            self.due_table.fit_columns(stretch=3)
            self._columns_fitted = True
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        if selected is not None:
            self._select(selected.meeting.id, selected.row.key)
        self._on_selection_changed()

    def _select(self, meeting_id: int, key: str) -> None:
        for row in range(self.proxy.rowCount()):
            line = self.proxy.record_at(row)
            if (line.meeting.id, line.row.key) == (meeting_id, key):
                self.table.select_row(row)
                return

    def edit_record(self) -> None:
        self.open_selected_meeting()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    # -- lines -----------------------------------------------------------------------------
    def selected_line(self):
        return self.table.selected_record()

    def open_selected_meeting(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        MeetingDeadlinesDialog.open_for(self, self.services, self.context.today,
                                        line.meeting.id)
        self.refresh()  # a publication may have been recorded or a deadline ticked off

    def _on_table_activated(self, _index) -> None:
        self.open_selected_meeting()

    def _on_due_selection_changed(self, *_args) -> None:
        line = self.due_table.selected_record()
        if line is not None:
            self.explanation.setPlainText(self.due_model.explanation(line))

    def _on_due_activated(self, _index) -> None:
        line = self.due_table.selected_record()
        if line is not None and line.meeting_id is not None:
            MeetingDeadlinesDialog.open_for(self, self.services, self.context.today,
                                            line.meeting_id)
            self.refresh()

    def _on_selection_changed(self, *_args) -> None:
        line = self.selected_line()
        self.explanation.setPlainText(line.row.explanation if line else "")
        self.open_button.setEnabled(line is not None)
