"""Shared fixtures: a real SQLite file per test, and factories for common records."""

from __future__ import annotations

import os

# Before any Qt import: tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date

import pytest

from tests.factories import Factory

# A fixed "today" for the demo council so tests do not depend on the calendar.
DEMO_TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """Never touch the real user data folder: logs and default databases go to a temp dir."""
    monkeypatch.setenv("CLERKDESK_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "council.sqlite"


@pytest.fixture
def services(db_path):
    from clerkdesk.services.registry import Services

    opened = Services.open(db_path, create=True)
    yield opened
    opened.close()


@pytest.fixture
def make(services):
    """Factories: ``make.council()``, ``make.person(...)``, ``make.committee(...)`` ..."""
    return Factory(services)


@pytest.fixture
def demo(tmp_path):
    """The demo council in a fresh file, built as of DEMO_TODAY."""
    from clerkdesk.demo.build import open_demo

    opened = open_demo(tmp_path / "demo.sqlite", today=DEMO_TODAY)
    yield opened
    opened.close()
