"""``clerkdesk export`` and ``clerkdesk import``: exit codes and one-line messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from clerkdesk.cli import main
from clerkdesk.cli.exchange import PERSONAL_DATA_NOTE
from clerkdesk.domain.agenda import AgendaItem, ItemDocument
from clerkdesk.domain.meetings import MeetingStatus, london_datetime
from clerkdesk.domain.people import PersonKind
from clerkdesk.store.agenda_repo import AgendaRepository
from clerkdesk.store.files import FileStore

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def council_db(make, services, db_path):
    """A small council in a closed database file (the CLI takes the lock itself)."""
    make.council()
    clerk = make.person(kind=PersonKind.OFFICER, forenames="Siân", surname="Ŷr",
                        post="Clerk")
    planning = make.committee(name="Planning & Highways", code="PLAN", clerk_id=clerk.id)
    make.membership(make.person(forenames="Ioan", surname="O'Neill"), planning)
    make.meeting(planning, london_datetime(date(2019, 7, 9), 14),
                 livestream_url="https://example.org/live")
    make.meeting(planning, london_datetime(date(2019, 12, 3), 10),
                 status=MeetingStatus.CANCELLED)
    services.close()
    return db_path


@pytest.fixture
def with_documents(make, services, db_path):
    """A meeting whose one agenda item has two documents sharing one stored file."""
    make.council()
    meeting = make.meeting(make.committee(code="PLAN"), london_datetime(date(2019, 7, 9), 14))
    repository = AgendaRepository(services.store.db)
    item_id = repository.insert_item(AgendaItem(None, meeting.id, "Local Plan review"))
    sha256 = FileStore.beside(db_path).add_bytes(b"%PDF-1.7 report", "pdf")
    added = london_datetime(date(2019, 6, 20), 11)
    for title in ("Report", "Report (copy)"):
        repository.insert_document(ItemDocument(
            None, item_id, title, sha256, "report.pdf", "pdf", added_at=added))
    services.close()
    return db_path, f"{sha256}.pdf"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_export_import_export_gives_the_same_file(council_db, tmp_path, capsys):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    new_db = tmp_path / "new.sqlite"
    code, out, _ = run(capsys, "export", "--db", council_db, "--out", first)
    assert code == 0
    assert out == (
        f"Exported 1 council, 2 people, 1 committee, 1 membership, 2 meetings to {first}\n"
        f"{PERSONAL_DATA_NOTE}\n"
    )
    assert not (tmp_path / "first-files").exists()  # no documents, no folder
    code, out, _ = run(capsys, "import", "--db", new_db, first)
    assert code == 0 and out.startswith("Imported 1 council, 2 people") and new_db.exists()
    assert run(capsys, "export", "--db", new_db, "--out", second)[0] == 0
    assert first.read_bytes() == second.read_bytes()


def test_real_process_round_trip(council_db, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    exported, new_db = tmp_path / "out.json", tmp_path / "fresh.sqlite"
    commands = [
        ["export", "--db", council_db, "--out", exported],
        ["import", "--db", new_db, exported],
        ["export", "--db", new_db, "--ics", tmp_path / "meetings.ics", "--committee", "PLAN"],
    ]
    for command in commands:
        result = subprocess.run(
            [sys.executable, "-m", "clerkdesk", *map(str, command)],
            capture_output=True, text=True, encoding="utf-8", env=env, cwd=tmp_path, timeout=120,
        )
        assert result.returncode == 0, result.stderr
    assert result.stdout == f"Wrote 2 meetings to {tmp_path / 'meetings.ics'}\n"
    assert "Siân" in exported.read_text(encoding="utf-8")


def test_ics_export(council_db, tmp_path, capsys):
    path = tmp_path / "all.ics"
    assert run(capsys, "export", "--db", council_db, "--ics", path) == (
        0, f"Wrote 2 meetings to {path}\n", ""
    )
    assert "STATUS:CANCELLED" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("argv", "exit_code", "message"),
    [
        (["--ics", "x.ics", "--committee", "NOPE"], 1,
         "clerkdesk: There is no committee with code 'NOPE' (known codes: PLAN).\n"),
        (["--out", "x.json", "--committee", "PLAN"], 2,
         "clerkdesk: --committee only applies with --ics (see 'clerkdesk export --help')\n"),
        ([], 2, "clerkdesk: one of the arguments --out --ics is required "
                "(see 'clerkdesk export --help')\n"),
        (["--out", "x.json", "--ics", "x.ics"], 2,
         "clerkdesk: argument --ics: not allowed with argument --out "
         "(see 'clerkdesk export --help')\n"),
    ],
)
def test_export_usage_problems(council_db, tmp_path, capsys, monkeypatch, argv, exit_code,
                               message):
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "export", "--db", council_db, *argv) == (exit_code, "", message)
    assert not (tmp_path / "x.ics").exists() and not (tmp_path / "x.json").exists()


def test_export_from_a_missing_database(tmp_path, capsys):
    code, _, err = run(capsys, "export", "--db", tmp_path / "none.sqlite", "--out",
                       tmp_path / "x.json")
    assert code == 4 and err.startswith("clerkdesk: There is no database at")
    assert err.count("\n") == 1


def test_export_into_a_missing_folder(council_db, tmp_path, capsys):
    code, _, err = run(capsys, "export", "--db", council_db, "--out",
                       tmp_path / "nowhere" / "x.json")
    assert code == 1 and err == f"clerkdesk: The folder {tmp_path / 'nowhere'} does not exist.\n"


def test_export_warns_about_records_the_format_does_not_carry(council_db, tmp_path, capsys):
    import sqlite3

    with sqlite3.connect(council_db) as conn:
        conn.execute("CREATE TABLE future_things (id INTEGER PRIMARY KEY)")
        conn.execute("INSERT INTO future_things DEFAULT VALUES")
    conn.close()
    code, _, err = run(capsys, "export", "--db", council_db, "--out", tmp_path / "x.json")
    assert code == 0
    assert err == (
        "clerkdesk: warning: this exchange format does not carry 1 future thing yet; "
        "they are not in the file.\n"
    )


# Import refusals: after each, the target is unchanged (or was never created) ---------------


@pytest.fixture
def exported(council_db, tmp_path, capsys) -> dict:
    path = tmp_path / "good.json"
    assert run(capsys, "export", "--db", council_db, "--out", path)[0] == 0
    return json.loads(path.read_text(encoding="utf-8"))


def write(tmp_path, name: str, document) -> Path:
    path = tmp_path / name
    text = document if isinstance(document, str) else json.dumps(document, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def test_malformed_json(tmp_path, capsys):
    target = tmp_path / "target.sqlite"
    path = write(tmp_path, "broken.json", '{\n  "format": "clerkdesk-exchange",\n  oops\n}')
    assert run(capsys, "import", "--db", target, path) == (
        2, "", "clerkdesk: broken.json is not valid JSON: Expecting property name enclosed in "
               "double quotes at line 3, column 3; nothing was imported.\n",
    )
    assert not target.exists()


def test_newer_version(tmp_path, capsys, exported):
    target = tmp_path / "target.sqlite"
    path = write(tmp_path, "newer.json", {**exported, "version": 2})
    code, out, err = run(capsys, "import", "--db", target, path)
    assert code == 2 and out == ""
    assert err.startswith("clerkdesk: newer.json uses exchange format version 2, written by a "
                          "newer ClerkDesk; this ClerkDesk reads version 1.")
    assert err.count("\n") == 1 and not target.exists()


def test_missing_file(tmp_path, capsys):
    code, _, err = run(capsys, "import", "--db", tmp_path / "t.sqlite", tmp_path / "no.json")
    assert code == 3 and err == f"clerkdesk: There is no file at {tmp_path / 'no.json'}.\n"


def test_every_problem_is_listed_with_its_path(tmp_path, capsys, exported):
    target = tmp_path / "target.sqlite"
    exported["people"][1]["surname"] = ""
    exported["memberships"][0]["committee_id"] = 77
    exported["meetings"][0]["status"] = "postponed"
    path = write(tmp_path, "bad.json", exported)
    code, out, err = run(capsys, "import", "--db", target, path)
    assert code == 2 and out == ""
    assert err.splitlines() == [
        "clerkdesk: bad.json was not imported: 3 problems found, nothing was changed.",
        "  $.people[1].surname: '' should be non-empty",
        "  $.meetings[0].status: 'postponed' is not one of ['scheduled', 'held', 'cancelled']",
        "  $.memberships[0].committee_id: there is no committee with id 77 in $.committees",
    ]
    assert not target.exists()


def test_non_empty_target_is_refused_and_left_unchanged(council_db, tmp_path, capsys):
    path = tmp_path / "good.json"
    assert run(capsys, "export", "--db", council_db, "--out", path)[0] == 0
    before = council_db.read_bytes()
    code, out, err = run(capsys, "import", "--db", council_db, path)
    assert code == 1 and out == ""
    assert err.startswith(f"clerkdesk: {council_db.name} already holds the council profile of "
                          "Testshire County Council, 2 municipal years, 2 people, 1 committee,")
    assert err.endswith("Import only into a new, empty database; nothing was changed.\n")
    assert err.count("\n") == 1
    assert council_db.read_bytes() == before


def test_import_help_mentions_all_or_nothing_and_the_files_folder(capsys):
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "All or nothing" in out and "(FILE-files)" in out


def test_personal_data_note_is_one_line():
    assert "\n" not in PERSONAL_DATA_NOTE and "personal data" in PERSONAL_DATA_NOTE


# The documents' files travel in a folder beside the exchange file -------------------------


def test_documents_files_go_beside_the_file_and_come_back(with_documents, tmp_path, capsys):
    db_path, name = with_documents
    exported, new_db = tmp_path / "out" / "council.json", tmp_path / "new.sqlite"
    exported.parent.mkdir()
    code, out, err = run(capsys, "export", "--db", db_path, "--out", exported)
    folder = tmp_path / "out" / "council-files"
    assert (code, err) == (0, "")
    assert out.splitlines()[1:] == [f"Copied 1 document file to {folder}", PERSONAL_DATA_NOTE]
    assert [p.name for p in folder.iterdir()] == [name]
    code, out, _ = run(capsys, "import", "--db", new_db, exported)
    assert code == 0 and "2 item documents" in out
    assert (FileStore.beside(new_db).path_for(*name.split(".")).read_bytes()
            == b"%PDF-1.7 report")


def test_import_refuses_a_missing_or_altered_file(with_documents, tmp_path, capsys):
    db_path, name = with_documents
    exported, new_db = tmp_path / "export.json", tmp_path / "new.sqlite"
    assert run(capsys, "export", "--db", db_path, "--out", exported)[0] == 0
    (tmp_path / "export-files" / name).write_bytes(b"%PDF-1.7 edited")
    code, out, err = run(capsys, "import", "--db", new_db, exported)
    assert code == 2 and out == ""
    assert err.splitlines() == [
        "clerkdesk: export.json was not imported: 2 problems found, nothing was changed.",
        *(f"  $.item_documents[{index}].sha256: the file export-files/{name} has been "
          "changed since it was exported (its SHA-256 does not match its name)"
          for index in (0, 1)),
    ]
    (tmp_path / "export-files" / name).unlink()
    code, _, err = run(capsys, "import", "--db", new_db, exported)
    assert code == 2 and f"  $.item_documents[0].sha256: the file export-files/{name} is " \
        "missing" in err
    assert not new_db.exists()


def test_export_refuses_when_the_store_has_lost_a_file(with_documents, tmp_path, capsys):
    db_path, name = with_documents
    stored = FileStore.beside(db_path).path_for(*name.split("."))
    stored.chmod(0o644)
    stored.unlink()
    code, out, err = run(capsys, "export", "--db", db_path, "--out", tmp_path / "x.json")
    assert code == 1 and out == ""
    assert err.startswith("clerkdesk: Nothing was exported: ClerkDesk's store of documents is "
                          "damaged.")
    assert f"$.item_documents[0] 'Report': the file {stored} is missing" in err
    assert not (tmp_path / "x.json").exists() and not (tmp_path / "x-files").exists()
