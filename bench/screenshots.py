"""Regenerate docs/screenshots/*.png from the demo council.

    python bench/screenshots.py            # offscreen, no display needed
    xvfb-run -a -s "-screen 0 1400x900x24" python bench/screenshots.py --platform xcb

The demo is built afresh in a temporary folder for a fixed day, and QSettings points at
that folder too, so the pictures are the same every time and the clerk's own settings and
data are never touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCREENSHOT_DAY = date(2026, 11, 22)
SIZE = (1400, 860)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--platform", default="offscreen", help="Qt platform (offscreen, xcb)")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = args.platform

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from clerkdesk.demo.build import open_demo
    from clerkdesk.ui.main_window import MainWindow

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        os.environ["CLERKDESK_DATA_DIR"] = temp  # logs too
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, temp)
        app = QApplication(sys.argv[:1])
        services = open_demo(Path(temp) / "fenshire-demo.sqlite", today=SCREENSHOT_DAY)
        try:
            window = MainWindow(services, today=lambda: SCREENSHOT_DAY)
            window.resize(*SIZE)
            window.show()
            shots = {
                "dashboard.png": lambda: window.show_page(window._page_index("Dashboard")),
                "committees.png": lambda: _committees(window),
                "people.png": lambda: _people(window),
                "meetings.png": lambda: _meetings(window),
                "agenda-builder.png": lambda: _agenda(window),
                "minutes-editor.png": lambda: _minutes(window),
                "actions.png": lambda: window.show_page(window._page_index("Actions")),
                "petitions.png": lambda: window.show_page(window._page_index("Petitions")),
            }
            for name, prepare in shots.items():
                prepare()
                for _ in range(5):  # let layouts and deferred paints settle
                    app.processEvents()
                window.grab().save(str(out / name))
                print(out / name)
            window.close()
        finally:
            services.close()
    return 0


def _select(page, predicate) -> None:
    for row in range(page.model.rowCount()):
        record = page.model.record_at(row)
        if predicate(record):
            page.select_id(record.id)
            return


def _committees(window) -> None:
    window.show_page(window._page_index("Committees"))
    page = window.current_page()
    _select(page, lambda committee: committee.code == "CYP")


def _people(window) -> None:
    window.show_page(window._page_index("People"))
    page = window.current_page()
    # Hannah Sturgeon chaired scrutiny last year and is a member now: a current and an ended seat.
    _select(page, lambda person: person.surname == "Sturgeon")


def _meetings(window) -> None:
    window.show_page(window._page_index("Meetings"))
    page = window.current_page()
    if page.model.rowCount():
        page.table.select_row(0)


def _agenda(window) -> None:
    window.show_page(window._page_index("Agenda"))
    page = window.current_page()
    combo = page.picker.committee_combo
    combo.setCurrentIndex(combo.findText("Children and Young People Committee"))
    # The next CYP meeting's capital programme: a report with an exempt appendix.
    for item in page.model.items():
        if item.title.startswith("Schools Capital Programme"):
            page.table.select_row(page.model.row_of_id(item.id))
            return


def _minutes(window) -> None:
    window.show_page(window._page_index("Minutes"))
    page = window.current_page()
    combo = page.committee_combo
    combo.setCurrentIndex(combo.findText("Children and Young People Committee"))
    page.tabs.setCurrentIndex(1)  # the minutes, with the first one open in the editor


if __name__ == "__main__":
    raise SystemExit(main())
