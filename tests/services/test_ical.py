"""Meetings as iCalendar: parsed back with icalendar, as Outlook would read them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from clerkdesk.domain.meetings import MeetingKind, MeetingStatus, london_datetime
from clerkdesk.errors import ClerkError
from clerkdesk.services.ical import build_calendar, write_ics

LIVE = "https://www.youtube.com/@Testshire/live"


@pytest.fixture
def meetings(make):
    make.council()
    planning = make.committee(name="Planning & Highways Committee", code="PLAN",
                              default_venue="Siambr y Cyngor, Llangefni")
    audit = make.committee(name="Audit Committee", code="AUD")
    summer = make.meeting(planning, london_datetime(date(2026, 7, 9), 14),
                          livestream_url=LIVE)
    winter = make.meeting(planning, london_datetime(date(2026, 12, 3), 10, 30),
                          kind=MeetingKind.EXTRAORDINARY)
    cancelled = make.meeting(audit, london_datetime(date(2026, 3, 31), 18),
                             status=MeetingStatus.CANCELLED, venue="Room 1")
    open_ended = make.meeting(audit, london_datetime(date(2026, 10, 1), 9), end=None)
    return {"summer": summer, "winter": winter, "cancelled": cancelled, "open": open_ended}


def events_by_uid(calendar: Calendar) -> dict:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def read_back(path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def test_written_file_parses_with_a_london_vtimezone(services, meetings, tmp_path):
    path = tmp_path / "meetings.ics"
    assert write_ics(services, path) == 4
    calendar = read_back(path)
    [timezone] = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Europe/London"
    assert len(calendar.walk("VEVENT")) == 4
    assert "PRODID:-//ClerkDesk//" in path.read_text(encoding="utf-8")
    assert "DTSTART;TZID=Europe/London:20260709T140000" in path.read_text(encoding="utf-8")


def test_summer_and_winter_times_keep_their_wall_clock(services, meetings, tmp_path):
    path = tmp_path / "meetings.ics"
    write_ics(services, path)
    events = events_by_uid(read_back(path))
    summer = events[f"meeting-{meetings['summer'].id}@council.clerkdesk"]
    start = summer["DTSTART"].dt
    assert str(start.tzinfo) == "Europe/London"
    assert (start.hour, start.minute) == (14, 0)
    assert start.utcoffset() == timedelta(hours=1)  # BST
    assert summer["DTEND"].dt == start + timedelta(hours=2)
    winter = events[f"meeting-{meetings['winter'].id}@council.clerkdesk"]["DTSTART"].dt
    assert (winter.hour, winter.minute) == (10, 30)
    assert winter.utcoffset() == timedelta(0)  # GMT
    assert "DTEND" not in events[f"meeting-{meetings['open'].id}@council.clerkdesk"]


def test_summary_location_livestream_and_status(services, meetings):
    events = events_by_uid(build_calendar(services))
    summer = events[f"meeting-{meetings['summer'].id}@council.clerkdesk"]
    assert str(summer["SUMMARY"]) == "Planning & Highways Committee"
    assert str(summer["LOCATION"]) == "Siambr y Cyngor, Llangefni"
    assert str(summer["URL"]) == LIVE
    assert LIVE in str(summer["DESCRIPTION"])
    assert str(summer["STATUS"]) == "CONFIRMED"
    winter = events[f"meeting-{meetings['winter'].id}@council.clerkdesk"]
    assert str(winter["SUMMARY"]) == "Planning & Highways Committee (extraordinary)"
    assert "URL" not in winter
    cancelled = events[f"meeting-{meetings['cancelled'].id}@council.clerkdesk"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(cancelled["SUMMARY"]) == "Audit Committee (cancelled)"
    assert str(cancelled["LOCATION"]) == "Room 1"


def test_uids_and_stamp_are_stable(services, meetings):
    stamp = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    first = build_calendar(services, stamp=stamp).to_ical()
    second = build_calendar(services, stamp=stamp).to_ical()
    assert first == second


def test_committee_filter(services, meetings, tmp_path):
    path = tmp_path / "audit.ics"
    assert write_ics(services, path, committee_code="aud") == 2
    calendar = read_back(path)
    assert {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")} == {
        "Audit Committee", "Audit Committee (cancelled)"
    }
    assert str(calendar["X-WR-CALNAME"]) == "Audit Committee meetings"


def test_unknown_committee_names_the_known_codes(services, meetings, tmp_path):
    with pytest.raises(ClerkError, match=r"no committee with code 'XYZ' \(known codes: .*AUD"):
        write_ics(services, tmp_path / "x.ics", committee_code="XYZ")
    assert not (tmp_path / "x.ics").exists()


def test_demo_council_calendar(demo, tmp_path):
    path = tmp_path / "demo.ics"
    count = write_ics(demo, path, committee_code="CHS")
    events = read_back(path).walk("VEVENT")
    assert count == len(events) > 3
    assert all(str(event["URL"]).startswith("https://www.youtube.com/") for event in events)
    assert all(event["DTSTART"].dt.hour == 19 for event in events)


def test_no_meetings_gives_an_empty_calendar(services, tmp_path):
    path = tmp_path / "none.ics"
    assert write_ics(services, path) == 0
    assert read_back(path).walk("VEVENT") == []
