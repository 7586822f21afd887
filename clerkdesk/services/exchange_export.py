"""Export: everything in a database as one exchange document (see ``exchange``)."""

from __future__ import annotations

import json
from pathlib import Path

from clerkdesk.services.exchange import (
    COUNCIL,
    FORMAT_NAME,
    FORMAT_VERSION,
    SECTIONS,
    YEAR_START,
    write_atomically,
)
from clerkdesk.store.committee_repo import CommitteeRepository
from clerkdesk.store.council_repo import CouncilRepository
from clerkdesk.store.meeting_repo import MeetingRepository
from clerkdesk.store.membership_repo import MembershipRepository
from clerkdesk.store.people_repo import PeopleRepository

# The tables this format version carries, beside bookkeeping that is never exported.
CARRIED_TABLES = {
    "council", "municipal_years", "people", "committees", "standing_items", "memberships",
    "meetings",
}
_NOT_EXPORTED = {"meta", "audit_log"}

_REPOSITORIES = {
    "people": PeopleRepository,
    "committees": CommitteeRepository,
    "memberships": MembershipRepository,
    "meetings": MeetingRepository,
}


def export_document(services) -> dict:
    """The whole database as a JSON-ready dict, the same data always giving the same dict.

    Records are in id order and every record's keys are sorted; the top level keeps the
    documented order so ``format`` and ``version`` are the first thing a reader sees.
    Nothing time-dependent (such as an export timestamp) goes in, so export, import into
    an empty database and export again give identical bytes.
    """
    db = services.store.db
    council_repo = CouncilRepository(db)
    council = council_repo.get()
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "council": COUNCIL.to_json(council) if council is not None else None,
        "municipal_year_starts": [YEAR_START.to_json(day) for day in council_repo.year_starts()],
    }
    for section in SECTIONS:
        records = sorted(_REPOSITORIES[section.key](db).list(), key=lambda record: record.id)
        document[section.key] = [section.codec.to_json(record) for record in records]
    return document


def dumps_document(document: dict) -> str:
    # Key order is already canonical (see export_document); ensure_ascii=False keeps
    # Welsh and other names readable in the file.
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def record_counts(document: dict) -> dict[str, int]:
    counts = {"council": 0 if document.get("council") is None else 1}
    counts.update({section.key: len(document.get(section.key) or []) for section in SECTIONS})
    return counts


def write_export(services, path: str | Path) -> dict[str, int]:
    """Write the exchange document to ``path`` atomically; returns what it holds."""
    document = export_document(services)
    write_atomically(path, dumps_document(document).encode("utf-8"))
    return record_counts(document)


def uncarried_records(services) -> dict[str, int]:
    """Rows in tables this format version does not carry yet, by table.

    A feature that adds tables must add them to the format; until it does, export says
    what it left out rather than losing it silently.
    """
    db = services.store.db
    counts = {}
    for table in db.table_names():
        if table.startswith(("_", "sqlite_")) or table in CARRIED_TABLES | _NOT_EXPORTED:
            continue
        count = db[table].count
        if count:
            counts[table.replace("_", " ")] = count
    return counts
