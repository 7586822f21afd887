"""Shared fixtures: a real SQLite file per test, and factories for common records."""

from __future__ import annotations

import os
import shutil
import sys

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


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """The demo council built once per run (it takes a second or two to build)."""
    from clerkdesk.demo.build import open_demo

    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite"
    open_demo(path, today=DEMO_TODAY).close()
    return path


@pytest.fixture
def demo(demo_template, tmp_path):
    """The demo council as of DEMO_TODAY: a private copy of the prebuilt file and its
    document store, so each test may change it freely."""
    from clerkdesk.demo.build import open_demo
    from clerkdesk.store.files import FileStore

    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    documents = FileStore.beside(demo_template).root
    if documents.exists():
        shutil.copytree(documents, FileStore.beside(path).root)
    opened = open_demo(path, today=DEMO_TODAY)
    yield opened
    opened.close()


def pytest_sessionfinish(session, exitstatus):
    session.config._clerkdesk_exit_status = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave without the interpreter's final garbage collection.

    PySide6 6.12 sometimes aborts while Python tears down after hundreds of Qt widget tests
    ("bool_dealloc: deallocating True or False ... refcount error in a C extension"), after
    every test has passed and the summary has been printed, turning a green run red. Nothing
    is left to do by then, so the run ends here with pytest's own exit status.
    """
    status = getattr(config, "_clerkdesk_exit_status", None)
    if status is None or "PySide6" not in sys.modules:
        return
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
