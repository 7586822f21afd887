"""The GUI entry point: open the right database, show the main window, run Qt."""

from __future__ import annotations

import logging
import sys

from clerkdesk.errors import ClerkError
from clerkdesk.paths import default_db_path, demo_db_path

log = logging.getLogger(__name__)

# How long --exit-after-startup lets the event loop settle before quitting.
SETTLE_MS = 300


def _open_services(args):
    from pathlib import Path

    from clerkdesk.demo.build import open_demo
    from clerkdesk.services.registry import Services

    if args.demo:
        return open_demo(Path(args.db) if args.db else demo_db_path())
    return Services.open(Path(args.db) if args.db else default_db_path(), create=True)


def run_gui(args) -> int:
    from PySide6.QtCore import QLocale, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    # British English everywhere (weeks start on Monday, English day names) on any machine.
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ClerkDesk")
    app.setOrganizationName("ClerkDesk")
    try:
        services = _open_services(args)
    except ClerkError as exc:
        # Also on stderr, so a clerk starting from a terminal (or a script) sees why.
        print(f"clerkdesk: {exc.message}", file=sys.stderr)
        if not args.exit_after_startup:
            QMessageBox.critical(None, "ClerkDesk cannot open the database", exc.message)
        return exc.exit_code
    from clerkdesk.ui.error_dialog import install_excepthook
    from clerkdesk.ui.main_window import MainWindow

    install_excepthook()
    window = MainWindow(services)
    window.show()
    if args.exit_after_startup:
        QTimer.singleShot(SETTLE_MS, app.quit)
    elif services.council.get_or_none() is None:
        # A new database: the council's name and municipal years come first.
        QTimer.singleShot(0, window.open_council_settings)
    try:
        status = app.exec()
    finally:
        services.close()
    return status
