"""Running a multi-statement schema script inside a migration step's transaction."""

from __future__ import annotations

from sqlite_utils import Database


def run_script(db: Database, script: str) -> None:
    # Not executescript(): it commits first, which would break the step's transaction.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)
