"""File ▸ Export: the calendar and the exchange file, written for real and read back."""

from __future__ import annotations

import json

from icalendar import Calendar
from PySide6.QtWidgets import QMessageBox

from clerkdesk.ui.dialogs import export_actions


def test_calendar_of_one_committee(qtbot, demo, tmp_path, monkeypatch):
    target = tmp_path / "cyp.ics"
    monkeypatch.setattr(export_actions, "choose_committee_code", lambda parent, s: "CYP")
    monkeypatch.setattr(export_actions, "ask_save_path", lambda *args: target)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    assert export_actions.export_calendar(None, demo) == target
    calendar = Calendar.from_ical(target.read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    cyp = demo.committees.by_code("CYP")
    assert len(events) == len(demo.meetings.search(committee_id=cyp.id))
    assert {str(e["SUMMARY"]).split(" (")[0] for e in events} == {cyp.name}
    assert told and told[0].startswith(f"{len(events)} meetings written")


def test_cancelling_writes_nothing(demo, tmp_path, monkeypatch):
    monkeypatch.setattr(export_actions, "choose_committee_code", lambda parent, s: False)
    assert export_actions.export_calendar(None, demo) is None
    monkeypatch.setattr(export_actions, "ask_save_path", lambda *args: None)
    assert export_actions.export_everything(None, demo) is None
    assert list(tmp_path.glob("*.json")) == []


def test_everything_with_a_personal_data_warning(demo, tmp_path, monkeypatch):
    target = tmp_path / "backup.json"
    monkeypatch.setattr(export_actions, "ask_save_path", lambda *args: target)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    assert export_actions.export_everything(None, demo) == target
    document = json.loads(target.read_text())
    assert document["format"] == "clerkdesk-exchange" and document["agenda_items"]
    assert "personal data" in told[0]


def test_a_failure_is_shown_not_raised(demo, tmp_path, monkeypatch, shown_errors):
    monkeypatch.setattr(export_actions, "ask_save_path",
                        lambda *args: tmp_path / "missing-folder" / "x.json")
    assert export_actions.export_everything(None, demo) is None
    assert shown_errors and "missing-folder" in str(shown_errors[0])
