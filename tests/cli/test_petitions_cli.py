"""``clerkdesk petitions --db PATH [--due] [--json] [--today DATE]``: the register with exactly
the documented keys, and never an organiser's contact details."""

from __future__ import annotations

import json
from datetime import date

import pytest

from clerkdesk.cli import main
from clerkdesk.domain.meetings import london_datetime
from clerkdesk.domain.petition_privacy import organiser_leaks
from clerkdesk.domain.petitions import Organiser, Petition
from tests.conftest import DEMO_TODAY

KEYS = ["id", "title", "received", "signatures", "meeting", "response_due", "responded",
        "status"]
LORNE = Organiser(None, "Lorne Williamson", "Cambridge", "12 Example Road\nCambridge",
                  "CB4 9ZZ", "lorne@example.org", "01223 555 0101")


@pytest.fixture
def register(services, make):
    """The 2019 seed petition taken to its meeting, and one answered without a meeting."""
    make.council()
    cyp = make.committee(name="Children and Young People Committee", code="CYP")
    may = make.meeting(committee=cyp, start=london_datetime(date(2019, 5, 21), 14))
    petitions = services.petitions
    whitworth = petitions.register(Petition(None, "Whitworth House – petition", organiser=LORNE,
                                            received_on=date(2019, 5, 8), signatures=13))
    petitions.accept(whitworth.id)
    petitions.schedule(whitworth.id, may.id)
    petitions.record_consideration(whitworth.id, "216")
    crossing = petitions.register(Petition(None, "Crossing & <lights>", signatures=60))
    petitions.accept(crossing.id)
    petitions.record_response(crossing.id, date(2019, 4, 2), "Agreed.")
    services.close()
    return whitworth.id, crossing.id


def run_json(capsys, db_path, *extra):
    assert main(["petitions", "--db", str(db_path), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_keys_and_values_exactly(register, db_path, capsys):
    whitworth, crossing = register
    listed = run_json(capsys, db_path, "--today", "2019-06-04")
    assert [list(row) for row in listed] == [KEYS, KEYS]
    assert listed == [
        {"id": whitworth, "title": "Whitworth House – petition", "received": "2019-05-08",
         "signatures": 13, "meeting": "2019-05-21", "response_due": "2019-06-05",
         "responded": None, "status": "considered"},
        {"id": crossing, "title": "Crossing & <lights>", "received": None, "signatures": 60,
         "meeting": None, "response_due": None, "responded": "2019-04-02",
         "status": "responded"},
    ]


def test_due_lists_what_needs_attention_on_the_day(register, db_path, capsys):
    whitworth, _crossing = register
    # Due 5 June 2019 (the 27 May bank holiday skipped): due soon from 3 June, overdue after.
    assert run_json(capsys, db_path, "--due", "--today", "2019-05-22") == []
    assert [row["id"] for row in run_json(capsys, db_path, "--due", "--today",
                                          "2019-06-04")] == [whitworth]
    assert [row["id"] for row in run_json(capsys, db_path, "--due", "--today",
                                          "2019-06-06")] == [whitworth]


def test_readable_table(register, db_path, capsys):
    assert main(["petitions", "--db", str(db_path), "--today", "2019-06-04"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Id", "Received", "Signatures", "Meeting", "Response", "due",
                                "Responded", "Status", "Title"]
    assert "2019-05-08" in lines[1] and "2019-06-05" in lines[1]
    assert lines[1].endswith("considered  Whitworth House – petition")
    assert main(["petitions", "--db", str(db_path), "--due", "--today", "2019-05-22"]) == 0
    assert capsys.readouterr().out == "No petitions are due.\n"


def test_no_contact_details_in_the_demo_register(demo, tmp_path, capsys):
    organisers = demo.petitions.organisers()
    path = demo.store.path
    demo.close()
    for extra in ([], ["--due"]):
        output = run_json(capsys, path, "--today", DEMO_TODAY.isoformat(), *extra)
        assert output and organiser_leaks(output, organisers) == []
        assert main(["petitions", "--db", str(path), *extra]) == 0
        assert organiser_leaks(capsys.readouterr().out, organisers) == []


def test_errors_are_one_clear_line(tmp_path, db_path, register, capsys):
    assert main(["petitions", "--db", str(tmp_path / "missing.sqlite"), "--json"]) == 4
    err = capsys.readouterr().err
    assert err.startswith("clerkdesk: There is no database at") and err.count("\n") == 1
    assert main(["petitions", "--db", str(db_path), "--today", "tomorrow"]) == 2
    assert capsys.readouterr().err == \
        "clerkdesk: 'tomorrow' is not a real date; use YYYY-MM-DD\n"
