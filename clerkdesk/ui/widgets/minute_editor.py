"""Writing one minute: title, section, body and resolution in the minutes markup
(docs/minutes-markup.md), the "unanimously" tick, and the minute's actions.

Autosave, so a crash or a power cut loses at most a few seconds of typing: edits are saved
1.5 seconds after the last keystroke, and at the latest 5 seconds after the first unsaved
one (someone who types without pausing would otherwise never be saved). Changing minute,
leaving the page and closing the window save at once; Ctrl+S saves now. The body goes
through ``save_body``, the cheap path made for this; the resolution through
``save_resolution``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.minutes import Minute
from clerkdesk.errors import ClerkError, LockedError
from clerkdesk.ui import error_dialog
from clerkdesk.ui.widgets.minute_actions_panel import MinuteActionsPanel

AUTOSAVE_DELAY_MS = 1500
AUTOSAVE_MAX_WAIT_MS = 5000
LINK = re.compile(r"\[\[(action|minute):(\d+)\]\]")
MARKUP_HELP = ("Blank line: new paragraph · \"- \" bullet · \"a) \" lettered · \"1. \" numbered "
               "(indent two spaces to nest) · **bold** · (Action: post) on its own line")


class MarkupHighlighter(QSyntaxHighlighter):
    """Shows list markers, bold, action lines and links as the markup will read them."""

    def __init__(self, document):
        super().__init__(document)

        def style(colour: str, bold=False, italic=False) -> QTextCharFormat:
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(colour))
            if bold:
                fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setFontItalic(italic)
            return fmt

        insensitive = QRegularExpression.PatternOption.CaseInsensitiveOption
        self.rules = [
            (QRegularExpression(r"^\s*(?:[-*•]|\(?[a-z]\)|\(?\d+[.)])\s"), style("#0d47a1", True)),
            (QRegularExpression(r"\*\*[^*]+\*\*"), style("#000000", True)),
            (QRegularExpression(r"^\s*\((?:\*\*)?action:.*\)\s*$", insensitive),
             style("#1b5e20", italic=True)),
            (QRegularExpression(r"\[\[(?:minute|action):\d+\]\]"), style("#6a1b9a")),
        ]

    def highlightBlock(self, text: str) -> None:
        for pattern, fmt in self.rules:
            matches = pattern.globalMatch(text)
            while matches.hasNext():
                match = matches.next()
                self.setFormat(match.capturedStart(), match.capturedLength(), fmt)


class MinuteEditor(QWidget):
    saved = Signal(object)  # the Minute as now stored
    status = Signal(str)  # "Saved 14:02:11", "Not saved: ..."
    locked = Signal()  # the minutes were approved under our feet: reload read-only

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.minute: Minute | None = None
        self.read_only = False
        self._loading = False
        self._build_ui()
        self._connect()
        self.set_minute(None, read_only=True)

    def _build_ui(self) -> None:
        self.title_edit = QLineEdit()
        self.section_edit = QLineEdit()
        self.section_edit.setPlaceholderText("e.g. KEY DECISIONS")
        self.saved_label = QLabel()
        self.saved_label.setMinimumWidth(140)
        self.saved_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.body_edit = QPlainTextEdit()
        self.body_edit.setPlaceholderText("What was reported and discussed, in the minutes "
                                          "markup.")
        self.body_edit.setToolTip(MARKUP_HELP)
        self.body_highlighter = MarkupHighlighter(self.body_edit.document())
        self.resolution_edit = QPlainTextEdit()
        self.resolution_edit.setPlaceholderText("What was resolved, e.g. \"to note the report.\" "
                                                "or a lettered list")
        self.resolution_highlighter = MarkupHighlighter(self.resolution_edit.document())
        for edit in (self.body_edit, self.resolution_edit):
            edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            edit.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.unanimous_check = QCheckBox("Resolved &unanimously")
        self.links_label = QLabel()
        self.links_label.setWordWrap(True)
        self.links_label.setStyleSheet("color: #6a1b9a;")
        help_label = QLabel(MARKUP_HELP)
        help_label.setWordWrap(True)
        help_label.setStyleSheet("color: #5f6368;")
        heading = QFormLayout()
        title_row = QHBoxLayout()
        title_row.addWidget(self.title_edit, 1)
        title_row.addWidget(self.saved_label)
        title_label = QLabel("&Title:")
        title_label.setBuddy(self.title_edit)
        heading.addRow(title_label, title_row)
        heading.addRow("S&ection:", self.section_edit)
        resolution = QWidget()
        resolution_layout = QVBoxLayout(resolution)
        resolution_layout.setContentsMargins(0, 0, 0, 0)
        resolution_label = QLabel("&Resolution (what follows \"It was resolved\"):")
        resolution_label.setBuddy(self.resolution_edit)
        resolution_row = QHBoxLayout()
        resolution_row.addWidget(resolution_label)
        resolution_row.addStretch()
        resolution_row.addWidget(self.unanimous_check)
        resolution_layout.addLayout(resolution_row)
        resolution_layout.addWidget(self.resolution_edit)
        resolution_layout.addWidget(self.links_label)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_label = QLabel("&Body:")
        body_label.setBuddy(self.body_edit)
        body_layout.addWidget(body_label)
        body_layout.addWidget(self.body_edit, 1)
        body_layout.addWidget(help_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(body)
        splitter.addWidget(resolution)
        splitter.setSizes([380, 140])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(splitter, 1)
        self.actions_panel = MinuteActionsPanel(self.services)
        self._debounce = self._single_shot(AUTOSAVE_DELAY_MS)
        self._max_wait = self._single_shot(AUTOSAVE_MAX_WAIT_MS)

    def _single_shot(self, interval: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(self._on_autosave_due)
        return timer

    def _connect(self) -> None:
        for edit in (self.body_edit, self.resolution_edit):
            edit.textChanged.connect(self._on_edited)
        for edit in (self.title_edit, self.section_edit):
            edit.textEdited.connect(self._on_edited)
        self.unanimous_check.toggled.connect(self._on_edited)
        self.actions_panel.about_to_change.connect(self.save_now)
        self.actions_panel.changed.connect(self.reload_text)
        self.actions_panel.locked.connect(self.locked.emit)

    # -- showing ---------------------------------------------------------------------------
    def set_minute(self, minute: Minute | None, read_only: bool) -> None:
        """Show another minute (or none), saving what was typed in this one first."""
        leaving = self.minute is not None and (minute is None or minute.id != self.minute.id)
        if leaving and not self.save_now(explicit=True) and self.read_only:
            return  # refused as locked: the page has already shown everything read-only
        self.minute = minute
        self.read_only = read_only or minute is None
        self._show_text()
        for edit in (self.title_edit, self.section_edit, self.body_edit, self.resolution_edit):
            edit.setReadOnly(self.read_only)
        self.unanimous_check.setEnabled(not self.read_only)
        self.saved_label.setText("Read only" if minute is not None and read_only else "")
        self.actions_panel.set_minute(minute, self.read_only)

    def _show_text(self) -> None:
        minute = self.minute
        self._loading = True  # filling the boxes is not the clerk typing
        try:
            self.title_edit.setText(minute.title if minute else "")
            self.section_edit.setText(minute.section if minute else "")
            self.body_edit.setPlainText(minute.body if minute else "")
            self.resolution_edit.setPlainText(minute.resolution if minute else "")
            self.unanimous_check.setChecked(minute.unanimous if minute else False)
        finally:
            self._loading = False
        self._show_links()

    def _show_links(self) -> None:
        """What each [[action:N]] and [[minute:N]] in the text prints as: the text keeps
        ids, so a renumbered minute or an edited action still prints right."""
        text = f"{self.body_edit.toPlainText()}\n{self.resolution_edit.toPlainText()}"
        found = dict.fromkeys(LINK.findall(text))
        if self.minute is None or not found:
            self.links_label.setText("")
            return
        posts = {a.id: a.responsible for a in self.services.minutes.actions.for_minute(
            self.minute.id)}
        meanings = []
        for kind, number in found:
            if kind == "action":
                shown = f"(Action: {posts.get(int(number), '? removed')})"
            else:
                try:
                    shown = f"minute {self.services.minutes.get(int(number)).number}"
                except ClerkError:
                    shown = "a minute that no longer exists"
            meanings.append(f"[[{kind}:{number}]] prints as {shown}")
        self.links_label.setText("; ".join(meanings) + ".")

    def reload_text(self) -> None:
        """The stored text changed behind the editor (an action line removed, say)."""
        if self.minute is None:
            return
        cursor = self.body_edit.textCursor().position()
        self.minute = self.services.minutes.get(self.minute.id)
        self._show_text()
        cursor_at = self.body_edit.textCursor()
        cursor_at.setPosition(min(cursor, len(self.minute.body)))
        self.body_edit.setTextCursor(cursor_at)

    # -- saving ----------------------------------------------------------------------------
    def _typed(self) -> Minute | None:
        if self.minute is None:
            return None
        return replace(self.minute, title=self.title_edit.text().strip(),
                       section=self.section_edit.text().strip(),
                       body=self.body_edit.toPlainText(),
                       resolution=self.resolution_edit.toPlainText(),
                       unanimous=self.unanimous_check.isChecked())

    def _on_edited(self, *_args) -> None:
        if self._loading or self.read_only:
            return
        self._debounce.start()
        if not self._max_wait.isActive():
            self._max_wait.start()
        self.saved_label.setText("Editing…")

    def _on_autosave_due(self) -> None:
        self.save_now(explicit=False)

    def save_now(self, explicit: bool = True) -> bool:
        """Save what was typed. ``explicit`` (Ctrl+S, changing minute): a refusal is shown
        in a message; while autosaving it is shown quietly beside the title instead."""
        self._debounce.stop()
        self._max_wait.stop()
        typed = self._typed()
        if typed is None or self.read_only or typed == self.minute:
            return True
        minutes = self.services.minutes
        try:
            if typed.body != self.minute.body:
                minutes.save_body(typed.id, typed.body)
                self.minute = replace(self.minute, body=typed.body)
            if (typed.resolution, typed.unanimous) != (self.minute.resolution,
                                                       self.minute.unanimous):
                self.minute = minutes.save_resolution(typed.id, typed.resolution,
                                                      typed.unanimous)
            if (typed.title, typed.section) != (self.minute.title, self.minute.section):
                self.minute = minutes.update(replace(self.minute, title=typed.title,
                                                     section=typed.section))
        except LockedError as exc:
            error_dialog.show_error(self, exc)
            self._refuse_edits()
            return False
        except ClerkError as exc:
            if explicit:
                error_dialog.show_error(self, exc)
            else:
                self._max_wait.start()  # try again shortly: a busy database clears itself
            self.saved_label.setText("Not saved")
            self.saved_label.setToolTip(error_dialog.error_text(exc))
            self.status.emit(f"Not saved: {error_dialog.error_text(exc)}")
            return False
        stamp = f"Saved {datetime.now():%H:%M:%S}"
        self.saved_label.setText(stamp)
        self.saved_label.setToolTip("Saved as you type; Ctrl+S saves at once")
        self.status.emit(stamp)
        self.saved.emit(self.minute)
        self._show_links()
        return True

    def _refuse_edits(self) -> None:
        """Approved elsewhere: show what is stored, read-only, and let the page catch up."""
        self.minute = self.services.minutes.get(self.minute.id)
        self.set_minute(self.minute, read_only=True)
        self.locked.emit()
