"""The command line: exit codes and one-line messages for every bad database."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import pytest

from clerkdesk.cli import main
from clerkdesk.store.db import open_store
from tests.readonly import read_only_database
from tests.store.test_db import corrupt


def run_cli(*args, timeout=60):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "clerkdesk", *args], capture_output=True,
                          text=True, env=env, timeout=timeout)


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_init_then_check(db_path, capsys):
    assert main(["init", "--db", str(db_path)]) == 0
    assert main(["check", "--db", str(db_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert report["integrity"] == "ok" and report["pending_steps"] == []


def test_init_refuses_to_overwrite(db_path, capsys):
    db_path.write_bytes(b"")
    assert main(["init", "--db", str(db_path)]) == 4
    assert "already exists" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["check", None])
def test_not_sqlite(tmp_path, command):
    path = tmp_path / "agenda.sqlite"
    path.write_text("not a database")
    args = ["check", "--db", str(path)] if command else ["--db", str(path), "--exit-after-startup"]
    result = run_cli(*args)
    assert result.returncode == 4
    assert result.stderr.strip().splitlines() == [
        f"clerkdesk: {path} is not a ClerkDesk database (it is not an SQLite file). Choose the "
        ".sqlite file ClerkDesk created, or start a new one with 'clerkdesk init'."
    ]
    assert "Traceback" not in result.stderr
    assert path.read_text() == "not a database"


def test_corrupt(db_path, make):
    make.person()
    make.services.close()
    corrupt(db_path)
    before = digest(db_path)
    for args in (["check", "--db", str(db_path)], ["--db", str(db_path), "--exit-after-startup"]):
        result = run_cli(*args)
        assert result.returncode == 4, result.stderr
        assert "is damaged" in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert digest(db_path) == before


def test_locked_by_another_clerkdesk(db_path):
    with open_store(db_path, create=True):
        result = run_cli("--db", str(db_path), "--exit-after-startup")
    assert result.returncode == 4
    assert "already open in another ClerkDesk" in result.stderr
    assert "Traceback" not in result.stderr


def test_read_only_folder(tmp_path):
    with read_only_database(tmp_path) as path:
        before = digest(path)
        result = run_cli("--db", str(path), "--exit-after-startup")
        assert result.returncode == 4
        assert "read-only" in result.stderr and str(path) in result.stderr
        assert "Traceback" not in result.stderr
        assert digest(path) == before


def test_check_missing_file(tmp_path, capsys):
    assert main(["check", "--db", str(tmp_path / "nope.sqlite")]) == 4
    assert "There is no database" in capsys.readouterr().err


def test_unknown_command_and_option(capsys):
    assert main(["frobnicate"]) == 2
    assert main(["check", "--db", "x", "--colour"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("clerkdesk: ") for line in err)


def test_demo_starts_and_exits_cleanly(tmp_path):
    path = tmp_path / "demo.sqlite"
    result = run_cli("--demo", "--db", str(path), "--exit-after-startup", timeout=120)
    assert result.returncode == 0, result.stderr
    with open_store(path) as store:
        assert store.db["committees"].count >= 4
