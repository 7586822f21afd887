"""What every page in the main window offers, so the window can treat them alike.

The main window knows pages only through this interface: it calls ``refresh()`` when a page
is shown and routes the record shortcuts (new, edit, delete, search) to the page on screen.
A page that has no records to add (a dashboard, say) simply keeps the defaults.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


@dataclass
class PageContext:
    """What a page needs from the application: the services, and what day it is."""

    services: object  # clerkdesk.services.registry.Services
    # Tests and screenshots fix the day; the app uses the real one.
    today: Callable[[], date] = field(default=date.today)


class Page(QWidget):
    # A short confirmation for the status bar ("Saved Fenshire CYP committee").
    message = Signal(str)

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.services = context.services

    def refresh(self) -> None:
        """Reload from the database (called each time the page is shown)."""

    def new_record(self) -> None:
        """Ctrl+N."""

    def edit_record(self) -> None:
        """Ctrl+E, F2, Enter on a row."""

    def delete_record(self) -> None:
        """Delete."""

    def focus_search(self) -> None:
        """Ctrl+F."""
