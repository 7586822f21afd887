"""What every service shares: the store, one transaction per use case, the audit log."""

from __future__ import annotations

import getpass
import sqlite3
from contextlib import contextmanager

from clerkdesk.errors import ClerkError
from clerkdesk.store.audit_repo import AuditRepository
from clerkdesk.store.db import Store


def current_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers and services)
        return "unknown"


class Service:
    def __init__(self, store: Store):
        self.store = store
        self.db = store.db
        self._audit = AuditRepository(store.db)

    @contextmanager
    def _change(self, action: str, entity: str):
        """One transaction for a use case; ``record(entity_id, summary)`` audits it."""
        try:
            with self.store.transaction():
                entries = []
                yield lambda entity_id, summary: entries.append((entity_id, summary))
                for entity_id, summary in entries:
                    self._audit.record(current_actor(), action, entity, entity_id, summary)
        except sqlite3.IntegrityError as exc:
            # The schema's foreign keys are the last line of defence: say it in words.
            if "FOREIGN KEY" in str(exc) and action == "delete":
                raise ClerkError(
                    f"This {entity} cannot be deleted: other records (such as agenda items, "
                    "minutes, actions or petitions) still refer to it. Remove or move those "
                    "first. Nothing has been changed."
                ) from exc
            raise
        except sqlite3.OperationalError as exc:
            raise _storage_error(exc) from exc


def _storage_error(exc: sqlite3.OperationalError) -> Exception:
    """A locked, full or read-only database as a clerk-readable message; others unchanged."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return ClerkError(
            "The database is busy (another program is writing to it). Nothing has been "
            "changed; wait a moment and try again."
        )
    if "disk is full" in text or "database or disk is full" in text:
        return ClerkError(
            "The disk is full, so the change could not be saved. Nothing has been changed; "
            "free some space and try again."
        )
    if "readonly" in text or "read-only" in text:
        return ClerkError(
            "The database file has become read-only, so the change could not be saved. "
            "Nothing has been changed; check the file's folder and try again."
        )
    return exc
