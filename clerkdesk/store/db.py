"""Opening the one SQLite file that holds a council's data.

Every check that can refuse a file runs before anything is written to it, so a file that
is not SQLite, is corrupt, is locked by another ClerkDesk, sits in a read-only folder or
was written by a newer ClerkDesk is left exactly as it was.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from clerkdesk import __version__
from clerkdesk.errors import DatabaseError
from clerkdesk.store.lock import DatabaseLock
from clerkdesk.store.migrations import known_step_names, migrations

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"


def _connect(path: Path) -> Database:
    # check_same_thread stays on: a connection belongs to the thread that opened it.
    conn = sqlite3.connect(str(path), timeout=5.0)
    db = Database(conn)
    db.execute("PRAGMA foreign_keys = ON")
    return db


def check_is_sqlite(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(f"Cannot read {path}: {exc.strerror}.") from exc
    if header and header != SQLITE_HEADER:
        raise DatabaseError(
            f"{path} is not a ClerkDesk database (it is not an SQLite file). "
            "Choose the .sqlite file ClerkDesk created, or start a new one with 'clerkdesk init'."
        )


def _corrupt(path: Path, detail: str) -> DatabaseError:
    return DatabaseError(
        f"{path} is damaged ({detail}). It has not been changed. Restore it from a backup "
        "(ClerkDesk keeps a copy beside the file before each upgrade), or ask IT for one."
    )


def quick_check(db: Database, path: Path) -> None:
    try:
        rows = db.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise _corrupt(path, str(exc)) from exc
    if rows != [("ok",)]:
        raise _corrupt(path, rows[0][0] if rows else "no answer from the integrity check")


def applied_steps(db: Database) -> list[str]:
    return [step.name for step in migrations.applied(db)]


def check_not_newer(db: Database, path: Path) -> None:
    unknown = [name for name in applied_steps(db) if name not in known_step_names()]
    if unknown:
        written_by = ""
        if db["meta"].exists():
            row = db.execute("SELECT value FROM meta WHERE key = 'written_by'").fetchone()
            written_by = f" ({row[0]})" if row else ""
        raise DatabaseError(
            f"{path} was written by a newer ClerkDesk{written_by} than this one "
            f"({__version__}). Install the newer ClerkDesk to open it; the file has not "
            "been changed."
        )


def backup_copy(db: Database, path: Path, reason: str) -> Path:
    """Copy the database aside with SQLite's backup API (consistent even in WAL mode)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.before-{reason}-{stamp}{path.suffix or '.sqlite'}")
    with sqlite3.connect(str(target)) as copy:
        db.conn.backup(copy)
    copy.close()
    log.info("copied %s to %s before %s", path, target, reason)
    return target


class Store:
    """An open ClerkDesk database: the GUI thread's connection and the file lock.

    Background workers never share ``db``; they call ``connect_worker()`` for their own.
    """

    def __init__(self, path: Path, db: Database, lock: DatabaseLock | None):
        self.path = path
        self.db = db
        self._lock = lock
        self.backups: list[Path] = []

    def connect_worker(self) -> Database:
        return _connect(self.path)

    @contextmanager
    def transaction(self):
        with self.db.atomic():
            yield self.db

    def close(self) -> None:
        try:
            self.db.conn.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(path: str | Path, *, create: bool = False, lock: bool = True) -> Store:
    """Open (or, with ``create``, make) a database, upgrading its schema if needed."""
    path = Path(path).expanduser().resolve()
    exists = path.exists()
    if exists and path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file.")
    if not exists and not create:
        raise DatabaseError(
            f"There is no database at {path}. Create one with 'clerkdesk init --db {path}'."
        )
    if not path.parent.exists():
        raise DatabaseError(f"The folder {path.parent} does not exist.")
    if not os.access(path.parent, os.W_OK) or (exists and not os.access(path, os.W_OK)):
        raise DatabaseError(
            f"Cannot open {path} for writing: the file or its folder is read-only. "
            "Copy it to a folder you can write to (for example your Documents) and open it there."
        )
    if exists:
        check_is_sqlite(path)
    db_lock = DatabaseLock(path) if lock else None
    if db_lock is not None:
        db_lock.acquire()
    try:
        db = _connect(path)
        try:
            if exists:
                quick_check(db, path)
                check_not_newer(db, path)
            store = Store(path, db, db_lock)
            upgrade(store, fresh=not exists or not db.table_names())
            return store
        except BaseException:
            db.conn.close()
            raise
    except BaseException:
        if db_lock is not None:
            db_lock.release()
        raise


def upgrade(store: Store, *, fresh: bool) -> None:
    db = store.db
    pending = migrations.pending(db)
    if pending and not fresh:
        store.backups.append(backup_copy(db, store.path, f"upgrade-{pending[0].name}"))
    db.enable_wal()
    if pending:
        migrations.apply(db)
        with db.atomic():
            db["meta"].upsert({"key": "written_by", "value": f"ClerkDesk {__version__}"}, pk="key")


def integrity_report(path: str | Path) -> dict:
    """Full integrity check for ``clerkdesk check``; raises DatabaseError when unhealthy."""
    path = Path(path).expanduser().resolve()
    if not path.exists():
        raise DatabaseError(f"There is no database at {path}.")
    check_is_sqlite(path)
    db = _connect(path)
    try:
        try:
            rows = db.execute("PRAGMA integrity_check").fetchall()
            fk_rows = db.execute("PRAGMA foreign_key_check").fetchall()
        except sqlite3.DatabaseError as exc:
            raise _corrupt(path, str(exc)) from exc
        if rows != [("ok",)]:
            raise _corrupt(path, "; ".join(str(row[0]) for row in rows[:5]))
        if fk_rows:
            raise _corrupt(path, f"{len(fk_rows)} broken references between records")
        check_not_newer(db, path)
        applied = applied_steps(db)
        return {
            "path": str(path),
            "integrity": "ok",
            "schema_steps_applied": len(applied),
            "schema_steps_known": len(known_step_names()),
            "schema_version": applied[-1] if applied else None,
            "pending_steps": [step.name for step in migrations.pending(db)],
        }
    finally:
        db.conn.close()
