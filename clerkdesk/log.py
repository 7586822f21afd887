"""Logging to a rotating file in the user log folder."""

from __future__ import annotations

import logging
import logging.handlers

from clerkdesk.paths import log_dir

_configured = False


def setup_logging(level: int = logging.INFO) -> None:
    global _configured
    if _configured:
        return
    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_dir() / "clerkdesk.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:  # an unwritable log folder must not stop the clerk working
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _configured = True
