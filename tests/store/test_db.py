"""Opening databases: migrations, backups, and every file ClerkDesk must refuse untouched."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from clerkdesk.errors import DatabaseError
from clerkdesk.store.db import integrity_report, open_store
from clerkdesk.store.migrations import known_step_names, migrations


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_has_every_step_wal_and_foreign_keys(db_path):
    with open_store(db_path, create=True) as store:
        assert [m.name for m in migrations.applied(store.db)] == known_step_names()
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.backups == []  # nothing to protect in a new file


def test_missing_file_is_not_created_without_create(db_path):
    with pytest.raises(DatabaseError, match="There is no database"):
        open_store(db_path)
    assert not db_path.exists()


def test_database_frozen_at_an_earlier_step_is_backed_up_then_upgraded(db_path, monkeypatch):
    # Freeze a database at the first step, then pretend a newer ClerkDesk adds a step.
    with open_store(db_path, create=True):
        pass

    def m999_add_notes(db):
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")

    monkeypatch.setattr(
        migrations, "_migrations",
        [*migrations._migrations, migrations._Migration("m999_add_notes", m999_add_notes)],
    )
    before = digest(db_path)
    with open_store(db_path) as store:
        assert "notes" in store.db.table_names()
        assert len(store.backups) == 1
        backup = store.backups[0]
    assert "before-upgrade-m999_add_notes" in backup.name
    copy = sqlite3.connect(backup)
    tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
    copy.close()
    assert "notes" not in tables and "people" in tables
    assert before  # the original was readable before the upgrade


def test_migrations_apply_step_by_step_from_empty(db_path):
    from sqlite_utils import Database

    db = Database(db_path)
    first = known_step_names()[0]
    migrations.apply(db, stop_before=first)
    assert "people" not in db.table_names()
    migrations.apply(db)
    assert "people" in db.table_names()
    db.conn.close()


def test_database_from_a_newer_clerkdesk_is_refused_untouched(db_path):
    with open_store(db_path, create=True) as store:
        store.db["_sqlite_migrations"].insert(
            {"migration_set": "clerkdesk", "name": "m900_from_the_future",
             "applied_at": "2030-01-01"}
        )
    before = digest(db_path)
    with pytest.raises(DatabaseError, match="newer ClerkDesk"):
        open_store(db_path)
    assert digest(db_path) == before


def test_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "minutes.sqlite"
    path.write_text("Minutes of the meeting on 9 July 2019\n")
    before = digest(path)
    with pytest.raises(DatabaseError, match="not an SQLite file"):
        open_store(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.sqlite"]


def corrupt(path):
    """Damage the pages after the header, as a failing disk would."""
    # Fold the WAL back into the main file first, so the damage hits real data.
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for offset in range(page_size, len(data), 7):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))


def test_corrupt_file_is_refused_untouched(db_path, make):
    make.person()
    make.services.close()
    corrupt(db_path)
    before = digest(db_path)
    with pytest.raises(DatabaseError, match="damaged"):
        open_store(db_path)
    assert digest(db_path) == before
    with pytest.raises(DatabaseError, match="damaged"):
        integrity_report(db_path)


def test_second_clerkdesk_on_the_same_file_is_refused(db_path):
    with open_store(db_path, create=True):
        pass
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from clerkdesk.store.db import open_store
            store = open_store({str(db_path)!r})
            print("open", flush=True)
            sys.stdin.readline()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        before = digest(db_path)
        with pytest.raises(DatabaseError, match="already open in another ClerkDesk"):
            open_store(db_path)
        assert digest(db_path) == before
    finally:
        holder.communicate("\n", timeout=10)
    with open_store(db_path):  # the lock went with the other process
        pass


def test_database_in_a_read_only_folder_is_refused_untouched(read_only_db):
    before = digest(read_only_db)
    with pytest.raises(DatabaseError, match="read-only"):
        open_store(read_only_db)
    assert digest(read_only_db) == before


def test_integrity_report_of_a_healthy_file(db_path):
    with open_store(db_path, create=True):
        pass
    report = integrity_report(db_path)
    assert report["integrity"] == "ok"
    assert report["schema_version"] == known_step_names()[-1]
    assert report["pending_steps"] == []
