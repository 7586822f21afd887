"""Meetings as an iCalendar (.ics) file, for a clerk to load into Outlook or any calendar.

Times are written in Europe/London with a VTIMEZONE, so a 14:00 meeting in July shows at
14:00 BST and one in December at 14:00 GMT whatever the reader's own settings. Each event's
UID is stable (``meeting-<id>@<database name>.clerkdesk``), so importing a fresh file again
updates the meetings instead of duplicating them.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

from icalendar import Calendar, Event

from clerkdesk import __version__
from clerkdesk.domain.committees import Committee
from clerkdesk.domain.meetings import LONDON, Meeting, MeetingKind, MeetingStatus
from clerkdesk.services.exchange import write_atomically

PRODID = f"-//ClerkDesk//ClerkDesk {__version__}//EN"


def _uid_domain(services) -> str:
    # UIDs must not change between exports; the database file name is the stable part.
    stem = re.sub(r"[^A-Za-z0-9.-]+", "-", services.store.path.stem).strip("-.")
    return f"{stem or 'council'}.clerkdesk"


def event_summary(committee: Committee, meeting: Meeting) -> str:
    """'Adults and Health Committee (budget, cancelled)': the title a calendar shows."""
    notes = []
    if meeting.kind is not MeetingKind.ORDINARY:
        notes.append(meeting.kind.value)
    if meeting.status is MeetingStatus.CANCELLED:
        # Outlook does not show STATUS:CANCELLED on imported events, so say it in the title.
        notes.append("cancelled")
    return f"{committee.name} ({', '.join(notes)})" if notes else committee.name


def _description(committee: Committee, meeting: Meeting) -> str:
    kind = "Meeting" if meeting.kind is MeetingKind.ORDINARY else (
        f"{meeting.kind.value.capitalize()} meeting"
    )
    lines = [f"{kind} of the {committee.name}."]
    if meeting.status is MeetingStatus.CANCELLED:
        lines.append("This meeting has been cancelled.")
    if meeting.venue:
        lines.append(f"Venue: {meeting.venue}")
    if meeting.livestream_url:
        lines.append(f"Watch live: {meeting.livestream_url}")
    return "\n".join(lines)


def _event(committee: Committee, meeting: Meeting, uid_domain: str, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.id}@{uid_domain}")
    event.add("dtstamp", stamp)
    event.add("summary", event_summary(committee, meeting))
    event.add("dtstart", meeting.start.astimezone(LONDON))
    if meeting.end is not None:  # without a known end the event is left open-ended
        event.add("dtend", meeting.end.astimezone(LONDON))
    if meeting.venue:
        event.add("location", meeting.venue)
    if meeting.livestream_url:
        event.add("url", meeting.livestream_url)
    event.add("description", _description(committee, meeting))
    event.add("categories", [committee.code])
    cancelled = meeting.status is MeetingStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    # Shown as free time when cancelled, so it does not block the clerk's diary.
    event.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    return event


def build_calendar(
    services, committee_code: str | None = None, *, stamp: datetime | None = None
) -> Calendar:
    """All meetings (or one committee's, by code) as a Calendar, in start order.

    An unknown code raises ClerkError naming the codes that exist.
    """
    committees = {committee.id: committee for committee in services.committees.list()}
    committee_id = None
    if committee_code is not None:
        committee_id = services.committees.by_code(committee_code).id
    meetings = services.meetings.search(committee_id=committee_id)
    council = services.council.get_or_none()

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    name = f"{council.name} meetings" if council else "Committee meetings"
    if committee_id is not None:
        name = f"{committees[committee_id].name} meetings"
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    stamp = stamp or datetime.now(UTC)
    uid_domain = _uid_domain(services)
    for meeting in meetings:
        calendar.add_component(
            _event(committees[meeting.committee_id], meeting, uid_domain, stamp)
        )
    if meetings:
        # The VTIMEZONE only needs to span the meetings; the default (1970-2038) makes a
        # much longer file for no benefit.
        years = [meeting.start.astimezone(LONDON).year for meeting in meetings]
        calendar.add_missing_timezones(
            first_date=date(min(years) - 1, 1, 1), last_date=date(max(years) + 2, 1, 1)
        )
    return calendar


def write_ics(services, path: str | Path, committee_code: str | None = None) -> int:
    """Write the meetings to an .ics file atomically; returns how many were written.

    For the GUI and the CLI alike. ``committee_code`` limits it to one committee.
    """
    calendar = build_calendar(services, committee_code)
    write_atomically(path, calendar.to_ical())
    return len(calendar.walk("VEVENT"))
