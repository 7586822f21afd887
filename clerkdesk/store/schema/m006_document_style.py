"""The council's document style (which front-sheet and minutes layout it uses) and the
guidance line printed under the declarations item."""

from __future__ import annotations

from sqlite_utils import Database

from clerkdesk.store.schema.script import run_script


def m006_document_style(db: Database) -> None:
    run_script(
        db,
        """
        ALTER TABLE council ADD COLUMN document_style TEXT NOT NULL DEFAULT 'county';
        ALTER TABLE council ADD COLUMN declarations_guidance TEXT NOT NULL DEFAULT ''
        """,
    )
