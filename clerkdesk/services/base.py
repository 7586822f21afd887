"""What every service shares: the store, one transaction per use case, the audit log."""

from __future__ import annotations

import getpass
from contextlib import contextmanager

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
        with self.store.transaction():
            entries = []
            yield lambda entity_id, summary: entries.append((entity_id, summary))
            for entity_id, summary in entries:
                self._audit.record(current_actor(), action, entity, entity_id, summary)
