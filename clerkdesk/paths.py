"""Where ClerkDesk keeps its files, from platformdirs unless the clerk says otherwise."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "ClerkDesk"
# Tests and portable installs point this at another folder.
DATA_DIR_ENV = "CLERKDESK_DATA_DIR"


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    path = Path(override) / "logs" if override else Path(platformdirs.user_log_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "clerkdesk.sqlite"


def demo_db_path() -> Path:
    return data_dir() / "demo-council.sqlite"


def _bundled_or_source(bundled: str, source: str) -> Path:
    # An installed wheel carries the folder inside the package; a checkout has it at the top.
    package_dir = Path(__file__).resolve().parent
    inside = package_dir / bundled
    return inside if inside.exists() else package_dir.parent / source


def templates_dir() -> Path:
    return _bundled_or_source("_templates", "templates")


def resources_dir() -> Path:
    return _bundled_or_source("_resources", "resources")
