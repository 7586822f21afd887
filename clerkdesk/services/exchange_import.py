"""Import: an exchange document (and its documents' files) into an empty database, all or
nothing.

Every problem is found before anything is written, each named by its JSON path (such as
``$.people[3].surname``): first the JSON Schema, then values the schema cannot judge (real
dates), then references between records and values that must be unique, then the domain's
own rules, then the documents' files. Only a document with no problems at all is written,
and then in one transaction.
"""

from __future__ import annotations

import logging
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from clerkdesk.domain.council import CouncilProfile
from clerkdesk.domain.membership import Membership, check_not_duplicated, check_single_holders
from clerkdesk.domain.municipal_year import year_containing
from clerkdesk.errors import ClerkError, ValidationError
from clerkdesk.services.base import current_actor
from clerkdesk.services.exchange import (
    check_format_and_version,
    describe_counts,
    load_schema,
    read_document,
)
from clerkdesk.services.exchange_checks import (
    Readable,
    raw_records,
    record_rule_problems,
    reference_problems,
    rule_problems,
    unique_problems,
)
from clerkdesk.services.exchange_files import check_import_files, files_folder, store_import_files
from clerkdesk.services.exchange_sections import (
    COUNCIL,
    SECTION_BY_KEY,
    SECTIONS,
    SETTINGS,
    TOP_LEVEL_KEYS,
    YEAR_START,
    DocumentFacts,
)
from clerkdesk.store.audit_repo import AuditRepository
from clerkdesk.store.council_repo import CouncilRepository
from clerkdesk.store.files import FileStore

log = logging.getLogger(__name__)

# Tables left out of the generic count: bookkeeping that does not make a database "hold
# data", and the council, which is named rather than counted. No table is seeded when a
# database is created (settings tables stay empty until a clerk saves a setting), so
# every other table counts.
_NOT_COUNTED = {"meta", "audit_log", "council"}


class ImportProblems(ValidationError):
    """The document has problems, each starting with its JSON path; nothing was written."""

    def __init__(self, source: str, problems: list[str]):
        super().__init__(problems)
        count = len(problems)
        header = (
            f"{source} was not imported: {count} problem{'s' if count != 1 else ''} found, "
            "nothing was changed."
        )
        self.message = "\n".join([header, *(f"  {problem}" for problem in problems)])


class TargetNotEmptyError(ClerkError):
    """Import only fills an empty database, so two councils' records are never mixed."""


@dataclass(frozen=True)
class ExchangeContents:
    """A checked document as domain records, ready to write."""

    council: CouncilProfile | None
    records: dict[str, list]  # section key -> records in identity order
    settings: dict[str, Any] = field(default_factory=dict)  # setting key -> value (or None)
    files: dict[str, Path] = field(default_factory=dict)  # file name -> the checked file

    def counts(self) -> dict[str, int]:
        """The council and each section that holds records, with how many."""
        counts = {"council": 0 if self.council is None else 1}
        counts.update({key: len(records) for key, records in self.records.items()})
        return {key: count for key, count in counts.items() if count}


def _path_order(path) -> tuple:
    """Sort key putting problems in document order: sections as written, then by index."""
    parts = list(path)
    section = TOP_LEVEL_KEYS.index(parts[0]) if parts and parts[0] in TOP_LEVEL_KEYS else -1
    rest = tuple((0, part, "") if isinstance(part, int) else (1, 0, part) for part in parts[1:])
    return (len(parts) > 0, section, *rest)


def _schema_problems(document: dict, problems: list[str]) -> set[tuple]:
    """Add every schema error; return the records (or top-level keys) they make unreadable."""
    validator = Draft202012Validator(load_schema())
    errors = sorted(
        validator.iter_errors(document), key=lambda e: (_path_order(e.absolute_path), e.message)
    )
    unreadable = set()
    for error in errors:
        problems.append(f"{error.json_path}: {error.message}")
        path = tuple(error.absolute_path)
        if path:
            unreadable.add(path[:2] if path[0] in SECTION_BY_KEY else path[:1])
    return unreadable


def _read_year_starts(document: dict, unreadable: set, problems: list[str]) -> tuple[date, ...]:
    if ("municipal_year_starts",) in unreadable:
        return ()
    starts = []
    for index, value in enumerate(document.get("municipal_year_starts") or []):
        try:
            starts.append(YEAR_START.from_json(value))
        except ValueError as exc:
            problems.append(f"$.municipal_year_starts[{index}]: {exc}")
    if starts and document.get("council") is None:
        problems.append(
            "$.municipal_year_starts: municipal years belong to the council profile; "
            "fill in $.council or empty this list"
        )
    return tuple(sorted(starts))


def _read_settings(document: dict, unreadable: set, problems: list[str]) -> dict[str, Any]:
    """Each single object the file gives (left out or null: not saved, defaults apply)."""
    values = {}
    for setting in SETTINGS:
        raw = document.get(setting.key)
        value = None
        if isinstance(raw, dict) and (setting.key,) not in unreadable:
            value = setting.codec.from_json(raw, f"$.{setting.key}", problems)
        if value is not None and setting.rules is not None:
            rule_problems(f"$.{setting.key}", problems, setting.rules, value)
        values[setting.key] = value
    return values


def _readable_records(document: dict, unreadable: set, problems: list[str]) -> Readable:
    """Each section's records that passed the schema, as (index in the file, record).

    Sections are read in order, so a record that holds another (a petition's organiser)
    finds it among the records already read.
    """
    readable: dict[str, list[tuple[int, Any]]] = {}
    by_id: dict[str, dict[int, Any]] = {}
    for section in SECTIONS:

        def linked(key: str, record_id: int, section=section) -> Any | None:
            return by_id[section.references[key]].get(record_id)

        readable[section.key] = []
        for index, raw in raw_records(document, section.key):
            if (section.key, index) in unreadable:
                continue
            path = f"$.{section.key}[{index}]"
            record = section.codec.from_json(raw, path, problems, linked)
            if record is not None:
                readable[section.key].append((index, record))
        by_id[section.key] = {getattr(r, "id", None): r for _, r in readable[section.key]}
    return readable


def _membership_problems(
    memberships: list[tuple[int, Membership]], names: dict[int, str], problems: list[str]
) -> None:
    """The rules that compare memberships with each other, as the membership service does."""
    earlier_by_committee: dict[int, list[Membership]] = defaultdict(list)
    for index, membership in memberships:
        path = f"$.memberships[{index}]"
        earlier = earlier_by_committee[membership.committee_id]
        rule_problems(path, problems, check_single_holders, membership, earlier, names)
        rule_problems(path, problems, check_not_duplicated, membership, earlier, names)
        earlier.append(membership)


def _with_year_label(membership: Membership, year_starts: tuple[date, ...]) -> Membership:
    # An empty label means "work it out", as the membership service does when adding one.
    if membership.municipal_year:
        return membership
    year = year_containing(membership.start, year_starts)
    return replace(membership, municipal_year=year.label if year else "")


def parse_document(
    document: Any, source: str = "The document", files: Path | None = None
) -> ExchangeContents:
    """Check a parsed exchange document completely; raise ImportProblems listing them all.

    ``files`` is the folder holding the documents' files (see exchange_files).
    """
    check_format_and_version(document, source)
    problems: list[str] = []
    unreadable = _schema_problems(document, problems)
    council = None
    if isinstance(document.get("council"), dict) and ("council",) not in unreadable:
        council = COUNCIL.from_json(document["council"], "$.council", problems)
    year_starts = _read_year_starts(document, unreadable, problems)
    settings = _read_settings(document, unreadable, problems)
    readable = _readable_records(document, unreadable, problems)
    reference_problems(document, problems)
    unique_problems(readable, problems)

    if council is not None:
        rule_problems("$.council", problems, council.validate)
        council = replace(council, municipal_year_starts=year_starts)
    record_rule_problems(readable, DocumentFacts(year_starts), problems)
    names = {person.id: person.full_name for _, person in readable["people"]}
    _membership_problems(readable["memberships"], names, problems)
    found_files = check_import_files(readable["item_documents"], files, problems)
    if problems:
        raise ImportProblems(source, problems)

    records = {
        section.key: sorted((record for _, record in readable[section.key]), key=section.order)
        for section in SECTIONS
    }
    records["memberships"] = [_with_year_label(m, year_starts) for m in records["memberships"]]
    return ExchangeContents(council, records, settings, found_files)


def _held_records(db) -> list[str]:
    held = []
    council = CouncilRepository(db).get()
    if council is not None:
        held.append(f"the council profile of {council.name}")
    counts = {}
    for table in db.table_names():
        if table.startswith(("_", "sqlite_")) or table in _NOT_COUNTED:
            continue
        # Every other table counts, so tables added by later features are covered too.
        count = db[table].count
        if count:
            counts[table] = count
    if counts:
        held.append(describe_counts(counts))
    return held


def check_target_empty(services) -> None:
    """Refuse a database that already holds records, saying what it holds."""
    held = _held_records(services.store.db)
    if held:
        raise TargetNotEmptyError(
            f"{services.store.path.name} already holds {', '.join(held)}. Import only into a "
            "new, empty database; nothing was changed."
        )


def store_contents(services, contents: ExchangeContents, source: str = "the document") -> dict:
    """Write checked contents into an empty database in one transaction; returns counts.

    The documents' files go into the database's store inside the transaction, so a file
    that cannot be copied undoes the import (files already copied stay in the store, named
    by their hash, where they do no harm).
    """
    db = services.store.db
    counts = contents.counts()
    try:
        with services.store.transaction():
            check_target_empty(services)  # inside, so nothing can slip in between
            if contents.council is not None:
                CouncilRepository(db).save(contents.council)
            for setting in SETTINGS:
                if contents.settings.get(setting.key) is not None:
                    setting.write(db, contents.settings[setting.key])
            for section in SECTIONS:
                for record in contents.records[section.key]:
                    section.write(db, record)
            store_import_files(contents.files, FileStore.beside(services.store.path))
            AuditRepository(db).record(
                current_actor(), "import", "database", None,
                f"imported {describe_counts(counts)} from {source}",
            )
    except sqlite3.IntegrityError as exc:
        # The checks above should make this impossible; the transaction has rolled back.
        log.exception("import of %s failed while writing", source)
        raise ClerkError(
            f"{source} could not be written ({exc}); nothing was changed."
        ) from exc
    log.info("imported %s from %s into %s", describe_counts(counts), source, services.store.path)
    return counts


def import_document(
    services, document: Any, source: str = "The document", files: Path | None = None
) -> dict:
    """Check ``document`` and write it into the (empty) database; returns counts."""
    return store_contents(services, parse_document(document, source, files), source)


def import_file(services, path: str | Path) -> dict:
    """Import an exchange file, with the documents' files beside it, into the (empty)
    database; returns what it held."""
    path = Path(path)
    return import_document(services, read_document(path), path.name, files_folder(path))
