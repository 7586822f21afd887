"""Calling a service from a widget: a refusal is shown to the clerk, never raised.

A ``LockedError`` (the minutes were approved, perhaps in another window) also tells the
caller, so it can reload and show everything read-only from then on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from clerkdesk.errors import ClerkError, LockedError
from clerkdesk.ui import error_dialog

FAILED = object()  # what attempt() returns when the service refused


def attempt(parent: QWidget | None, action: Callable[[], Any],
            on_locked: Callable[[], Any] | None = None) -> Any:
    """``action()``'s result, or FAILED after showing why it was refused."""
    try:
        return action()
    except LockedError as exc:
        error_dialog.show_error(parent, exc)
        if on_locked is not None:
            on_locked()
    except ClerkError as exc:
        error_dialog.show_error(parent, exc)
    return FAILED
