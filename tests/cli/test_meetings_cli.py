from __future__ import annotations

import json
from datetime import date

from clerkdesk.cli import main
from clerkdesk.domain.meetings import london_datetime


def test_list_meetings_json(make, services, db_path, capsys):
    cyp = make.committee(name="Children and Young People Committee", code="CYP")
    other = make.committee(name="Adults Committee", code="AH")
    summer = make.meeting(committee=cyp, start=london_datetime(date(2019, 7, 9), 14))
    make.meeting(committee=other, start=london_datetime(date(2019, 12, 3), 10))
    services.close()
    assert main(["list-meetings", "--db", str(db_path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["committee_code"], r["start"]) for r in rows] == [
        (summer.id, "CYP", "2019-07-09T14:00:00+01:00"),
        (rows[1]["id"], "AH", "2019-12-03T10:00:00+00:00"),
    ]
    assert rows[0]["committee"] == "Children and Young People Committee"
    assert rows[0]["status"] == "scheduled" and rows[0]["has_agenda"] is False
    assert main(["list-meetings", "--db", str(db_path), "--committee", "ah", "--json"]) == 0
    assert [r["committee_code"] for r in json.loads(capsys.readouterr().out)] == ["AH"]


def test_unknown_committee_code(make, services, db_path, capsys):
    make.committee(code="CYP")
    services.close()
    assert main(["list-meetings", "--db", str(db_path), "--committee", "XX"]) == 1
    assert "no committee with code 'XX' (known codes: CYP)" in capsys.readouterr().err
