"""Per-user UI state (window geometry, last page) in QSettings.

Always an INI file under the organisation "ClerkDesk", on every platform: one format to
support, and tests redirect it with ``QSettings.setPath(IniFormat, UserScope, tmp)``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANISATION = "ClerkDesk"
APPLICATION = "ClerkDesk"


def ui_settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )
