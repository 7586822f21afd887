"""``clerkdesk deadlines --db PATH --meeting ID [--json]``."""

from __future__ import annotations

import json
from datetime import date, datetime

from clerkdesk.cli import main
from clerkdesk.domain.deadlines import LONDON
from clerkdesk.domain.meetings import london_datetime


def test_deadlines_json(make, services, db_path, capsys):
    make.council()
    cyp = make.committee(code="CYP")
    meeting = make.meeting(committee=cyp, start=london_datetime(date(2019, 7, 9), 14))
    services.deadlines.record_publication(meeting.id, datetime(2019, 7, 3, 9, tzinfo=LONDON))
    services.close()
    assert main(["deadlines", "--db", str(db_path), "--meeting", str(meeting.id), "--json",
                 "--today", "2019-06-28"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["meeting"]["committee_code"] == "CYP"
    rows = {row["key"]: row for row in payload["deadlines"]}
    assert set(rows["despatch"]) == {"key", "label", "date", "datetime", "status", "done_at",
                                     "source", "explanation"}
    assert rows["draft_reports"]["date"] == "2019-06-27"
    assert rows["draft_reports"]["datetime"] == "2019-06-27T10:00:00+01:00"
    assert rows["draft_reports"]["status"] == "overdue"
    assert rows["despatch"]["date"] == "2019-07-01" and rows["despatch"]["datetime"] is None
    assert rows["despatch"]["status"] == "done"
    assert "Counted:" in rows["despatch"]["explanation"]
    publication = payload["publication"]
    assert publication["published_at"] == "2019-07-03T09:00:00+01:00"
    assert publication["clear_working_days"] == 3 and publication["required"] == 5
    assert publication["met"] is False and publication["shortfall"] == 2


def test_deadlines_text_and_no_publication(make, services, db_path, capsys):
    make.council()
    meeting = make.meeting(start=london_datetime(date(2020, 5, 26), 14))
    services.close()
    assert main(["deadlines", "--db", str(db_path), "--meeting", str(meeting.id),
                 "--today", "2020-05-14", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "2020-05-15        due      Agenda despatch" in out
    assert "Monday 25 May 2020: bank holiday: Spring Bank Holiday" in out
    assert main(["deadlines", "--db", str(db_path), "--meeting", str(meeting.id),
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["publication"] is None


def test_unknown_meeting(make, services, db_path, capsys):
    make.council()
    services.close()
    assert main(["deadlines", "--db", str(db_path), "--meeting", "999"]) == 3
    assert "no meeting with id 999" in capsys.readouterr().err
