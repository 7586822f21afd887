"""Import: an exchange document into an empty database, all or nothing.

Every problem is found before anything is written, each named by its JSON path (such as
``$.people[3].surname``): first the JSON Schema, then values the schema cannot judge (real
dates), then references between records, then the domain's own rules. Only a document
with no problems at all is written, and then in one transaction.
"""

from __future__ import annotations

import logging
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from clerkdesk.domain.council import CouncilProfile
from clerkdesk.domain.membership import Membership, check_single_holders
from clerkdesk.domain.municipal_year import year_containing
from clerkdesk.errors import ClerkError, ValidationError
from clerkdesk.services.base import current_actor
from clerkdesk.services.exchange import (
    COUNCIL,
    SECTION_BY_KEY,
    SECTIONS,
    TOP_LEVEL_KEYS,
    YEAR_START,
    check_format_and_version,
    describe_counts,
    load_schema,
    read_document,
)
from clerkdesk.store.audit_repo import AuditRepository
from clerkdesk.store.committee_repo import CommitteeRepository
from clerkdesk.store.council_repo import CouncilRepository
from clerkdesk.store.meeting_repo import MeetingRepository
from clerkdesk.store.membership_repo import MembershipRepository
from clerkdesk.store.people_repo import PeopleRepository

log = logging.getLogger(__name__)

_REPOSITORIES = {
    "people": PeopleRepository,
    "committees": CommitteeRepository,
    "memberships": MembershipRepository,
    "meetings": MeetingRepository,
}
_SINGULAR = {"people": "person", "committees": "committee"}
# Tables left out of the generic count: bookkeeping that does not make a database "hold
# data", and the council, which is named rather than counted.
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
    records: dict[str, list]  # section key -> records in id order

    def counts(self) -> dict[str, int]:
        counts = {"council": 0 if self.council is None else 1}
        counts.update({key: len(records) for key, records in self.records.items()})
        return counts


def _path_order(path) -> tuple:
    """Sort key putting problems in document order: sections as written, then by index."""
    parts = list(path)
    section = TOP_LEVEL_KEYS.index(parts[0]) if parts and parts[0] in TOP_LEVEL_KEYS else -1
    rest = tuple((0, part, "") if isinstance(part, int) else (1, 0, part) for part in parts[1:])
    return (len(parts) > 0, section, *rest)


def _schema_problems(document: dict, problems: list[str]) -> set[tuple]:
    """Add every schema error; return the records (or sections) they make unreadable."""
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


def _raw_records(document: dict, key: str) -> list[tuple[int, dict]]:
    records = document.get(key)
    if not isinstance(records, list):
        return []
    return [(index, record) for index, record in enumerate(records) if isinstance(record, dict)]


def _as_id(value: Any) -> int | None:
    """An id as the schema accepts it (JSON Schema counts 7.0 as the integer 7), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if isinstance(value, int) else None


def _ids(document: dict, key: str) -> set[int]:
    found = {_as_id(record.get("id")) for _, record in _raw_records(document, key)}
    return found - {None}


def _reference_problems(document: dict, problems: list[str]) -> None:
    """Duplicate ids and committee codes, and references to records the file lacks."""
    ids = {section.key: _ids(document, section.key) for section in SECTIONS}
    for section in SECTIONS:
        first_by_id: dict[int, int] = {}
        for index, record in _raw_records(document, section.key):
            record_id = _as_id(record.get("id"))
            if record_id in first_by_id:
                problems.append(
                    f"$.{section.key}[{index}].id: id {record_id} is already used by "
                    f"$.{section.key}[{first_by_id[record_id]}]"
                )
            elif record_id is not None:
                first_by_id[record_id] = index
            for field_name, target in section.references.items():
                value = _as_id(record.get(field_name))
                if value is not None and value not in ids[target]:
                    problems.append(
                        f"$.{section.key}[{index}].{field_name}: there is no "
                        f"{_SINGULAR[target]} with id {value} in $.{target}"
                    )
    first_by_code: dict[str, int] = {}
    for index, record in _raw_records(document, "committees"):
        code = record.get("code")
        if not isinstance(code, str):
            continue
        if code.casefold() in first_by_code:
            problems.append(
                f"$.committees[{index}].code: the code '{code}' is already used by "
                f"$.committees[{first_by_code[code.casefold()]}] (codes ignore case)"
            )
        else:
            first_by_code[code.casefold()] = index


def _rule_problems(path: str, problems: list[str], check, *args) -> None:
    """Run one domain check, adding each problem it raises under ``path``."""
    try:
        check(*args)
    except ValidationError as exc:
        problems.extend(f"{path}: {problem}" for problem in exc.problems)


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


def _readable_records(
    document: dict, unreadable: set, problems: list[str]
) -> dict[str, list[tuple[int, Any]]]:
    """Each section's records that passed the schema, as (index in the file, record)."""
    readable: dict[str, list[tuple[int, Any]]] = {}
    for section in SECTIONS:
        readable[section.key] = []
        for index, raw in _raw_records(document, section.key):
            if (section.key, index) in unreadable:
                continue
            record = section.codec.from_json(raw, f"$.{section.key}[{index}]", problems)
            if record is not None:
                readable[section.key].append((index, record))
    return readable


def _membership_problems(
    memberships: list[tuple[int, Membership]], names: dict[int, str], problems: list[str]
) -> None:
    """The rules that compare memberships with each other, as the membership service does."""
    earlier_by_committee: dict[int, list[Membership]] = defaultdict(list)
    for index, membership in memberships:
        path = f"$.memberships[{index}]"
        earlier = earlier_by_committee[membership.committee_id]
        _rule_problems(path, problems, check_single_holders, membership, earlier, names)
        for other in earlier:
            if (
                other.person_id == membership.person_id
                and other.role is membership.role
                and other.overlaps(membership)
            ):
                problems.append(
                    f"{path}: {names.get(membership.person_id, 'This person')} is already "
                    f"{membership.role.value} of this committee from {other.start:%d %B %Y}."
                )
                break
        earlier.append(membership)


def _with_year_label(membership: Membership, year_starts: tuple[date, ...]) -> Membership:
    # An empty label means "work it out", as the membership service does when adding one.
    if membership.municipal_year:
        return membership
    year = year_containing(membership.start, year_starts)
    return replace(membership, municipal_year=year.label if year else "")


def parse_document(document: Any, source: str = "The document") -> ExchangeContents:
    """Check a parsed exchange document completely; raise ImportProblems listing them all."""
    check_format_and_version(document, source)
    problems: list[str] = []
    unreadable = _schema_problems(document, problems)
    council = None
    if isinstance(document.get("council"), dict) and ("council",) not in unreadable:
        council = COUNCIL.from_json(document["council"], "$.council", problems)
    year_starts = _read_year_starts(document, unreadable, problems)
    readable = _readable_records(document, unreadable, problems)
    _reference_problems(document, problems)

    if council is not None:
        _rule_problems("$.council", problems, council.validate)
        council = replace(council, municipal_year_starts=year_starts)
    for key, records in readable.items():
        extra = (year_starts,) if key == "memberships" else ()
        for index, record in records:
            _rule_problems(f"$.{key}[{index}]", problems, record.validate, *extra)
    names = {person.id: person.full_name for _, person in readable["people"]}
    _membership_problems(readable["memberships"], names, problems)
    if problems:
        raise ImportProblems(source, problems)

    records = {
        key: sorted((record for _, record in pairs), key=lambda record: record.id)
        for key, pairs in readable.items()
    }
    records["memberships"] = [_with_year_label(m, year_starts) for m in records["memberships"]]
    return ExchangeContents(council, records)


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
            counts[table.replace("_", " ")] = count
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
    """Write checked contents into an empty database in one transaction; returns counts."""
    db = services.store.db
    counts = contents.counts()
    try:
        with services.store.transaction():
            check_target_empty(services)  # inside, so nothing can slip in between
            if contents.council is not None:
                CouncilRepository(db).save(contents.council)
            for section in SECTIONS:
                repository = _REPOSITORIES[section.key](db)
                for record in contents.records[section.key]:
                    repository.insert(record)
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


def import_document(services, document: Any, source: str = "The document") -> dict:
    """Check ``document`` and write it into the (empty) database; returns counts."""
    return store_contents(services, parse_document(document, source), source)


def import_file(services, path: str | Path) -> dict:
    """Import an exchange file into the (empty) database; returns what it held."""
    path = Path(path)
    return import_document(services, read_document(path), path.name)
