"""Which action-log entry each minute's action became, so it is taken up exactly once.

One row per minute action that has been put on the action log. ``action_id`` is set to
NULL when the clerk deletes that entry from the log: the row stays, so publishing again
never brings a deliberately deleted action back.
"""

from __future__ import annotations

from sqlite_utils import Database

from clerkdesk.store.schema.script import run_script


def m007_minute_action_links(db: Database) -> None:
    run_script(
        db,
        """
        CREATE TABLE minute_action_links (
            minute_action_id INTEGER PRIMARY KEY
                REFERENCES minute_actions(id) ON DELETE CASCADE,
            action_id INTEGER UNIQUE REFERENCES actions(id) ON DELETE SET NULL,
            adopted INTEGER NOT NULL DEFAULT 0,
            linked_at TEXT NOT NULL
        )
        """,
    )
