"""Export: everything in a database as one exchange document (see ``exchange_sections``),
with the agenda documents' files in a folder beside it (see ``exchange_files``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from clerkdesk.errors import ClerkError
from clerkdesk.services.exchange import (
    FORMAT_NAME,
    FORMAT_VERSION,
    writable_path,
    write_atomically,
)
from clerkdesk.services.exchange_files import (
    export_files,
    files_folder,
    prune_files,
    wanted_files,
)
from clerkdesk.services.exchange_sections import (
    CARRIED_TABLES,
    COUNCIL,
    SECTIONS,
    SETTINGS,
    YEAR_START,
)
from clerkdesk.store.council_repo import CouncilRepository
from clerkdesk.store.files import FileStore

# Bookkeeping that is never exported: the schema's own table, and the audit trail (the
# import records one entry of its own instead).
_NOT_EXPORTED = {"meta", "audit_log"}


def export_document(services) -> dict:
    """The whole database as a JSON-ready dict, the same data always giving the same dict.

    Records are in id order (or the order of their identity keys) and every record's keys
    are sorted; the top level keeps the documented order so ``format`` and ``version`` are
    the first thing a reader sees. Nothing time-dependent (such as an export timestamp)
    goes in, so export, import into an empty database and export again give identical bytes.
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
    for setting in SETTINGS:
        value = setting.read(db)
        document[setting.key] = None if value is None else setting.codec.to_json(value)
    for section in SECTIONS:
        records = sorted(section.read(db), key=section.order)
        document[section.key] = [section.codec.to_json(record) for record in records]
    return document


def dumps_document(document: dict) -> str:
    # Key order is already canonical (see export_document); ensure_ascii=False keeps
    # Welsh and other names readable in the file.
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def record_counts(document: dict) -> dict[str, int]:
    """The council and each section that holds records, with how many."""
    counts = {"council": 0 if document.get("council") is None else 1}
    counts.update({section.key: len(document.get(section.key) or []) for section in SECTIONS})
    return {key: count for key, count in counts.items() if count}


@dataclass(frozen=True)
class ExportResult:
    counts: dict[str, int]
    files_folder: Path  # where the documents' files are (absent when there are none)
    file_count: int  # distinct files the document names


def write_export(services, path: str | Path) -> ExportResult:
    """Write the exchange document to ``path`` and the documents' files beside it.

    The files are copied (and checked) first and the document is written last, atomically,
    so a document on disk never names a file that is not beside it; files an older export
    left there and this document no longer names are removed afterwards.
    """
    path = writable_path(path)
    store = FileStore.beside(services.store.path)
    folder = files_folder(path)
    if folder == store.root.resolve():
        raise ClerkError(
            f"{folder.name} beside {path.name} is where ClerkDesk keeps the documents of "
            f"{services.store.path.name}; give the export another name (such as "
            f"{path.stem}-export.json) or put it in another folder."
        )
    document = export_document(services)
    wanted = wanted_files(document)
    export_files(wanted, store, folder)
    write_atomically(path, dumps_document(document).encode("utf-8"))
    prune_files(folder, wanted)
    return ExportResult(record_counts(document), folder, len(wanted))


def uncarried_records(services) -> dict[str, int]:
    """Rows in tables this format version does not carry yet, by table.

    A feature that adds tables must add them to the format (exchange_sections); until it
    does, export says what it left out rather than losing it silently.
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
