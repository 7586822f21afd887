"""Checks that look across records of an exchange document: ids and what refers to them,
values that must be unique, and each record's domain rules. Every problem starts with the
JSON path of the record (or value) it is about."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from clerkdesk.errors import ValidationError
from clerkdesk.services.exchange import noun
from clerkdesk.services.exchange_sections import SECTIONS, DocumentFacts, Section, Unique

# Section key -> the records that passed the schema, as (index in the file, record).
Readable = Mapping[str, list[tuple[int, Any]]]


def raw_records(document: dict, key: str) -> list[tuple[int, dict]]:
    records = document.get(key)
    if not isinstance(records, list):
        return []
    return [(index, record) for index, record in enumerate(records) if isinstance(record, dict)]


def as_id(value: Any) -> int | None:
    """An id as the schema accepts it (JSON Schema counts 7.0 as the integer 7), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if isinstance(value, int) else None


def _named_values(record: dict, path: str, key: str) -> Iterator[tuple[str, Any]]:
    """(JSON path, value) of each value ``key`` names; "names[].person_id" walks a list."""
    if "[]." not in key:
        if key in record:
            yield f"{path}.{key}", record[key]
        return
    outer, inner = key.split("[].", 1)
    items = record.get(outer)
    for index, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict):
            yield from _named_values(item, f"{path}.{outer}[{index}]", inner)


def reference_problems(document: dict, problems: list[str]) -> None:
    """References to records the file lacks.

    Ids are collected from every record, even one with schema problems, so a broken record
    is reported once rather than again by everything that refers to it.
    """
    ids = {
        section.key: {as_id(record.get("id")) for _, record in raw_records(document, section.key)}
        for section in SECTIONS
    }
    for section in SECTIONS:
        for index, record in raw_records(document, section.key):
            for key, target in section.references.items():
                for path, value in _named_values(record, f"$.{section.key}[{index}]", key):
                    value = as_id(value)
                    if value is not None and value not in ids[target]:
                        problems.append(
                            f"{path}: there is no {noun(target)} with id {value} in $.{target}"
                        )


def _shown(section: Section, key: str, record: Any) -> str:
    value = section.codec.codecs[key].to_json(getattr(record, section.codec.field_names[key]))
    return f"{key.replace('_', ' ')} {json.dumps(value, ensure_ascii=False)}"


def _unique_problems(section: Section, unique: Unique, records, problems: list[str]) -> None:
    first_by_value: dict[tuple, int] = {}
    for index, record in records:
        value = tuple(getattr(record, section.codec.field_names[key]) for key in unique.keys)
        if None in value:  # as in SQL, a missing value clashes with nothing
            continue
        if unique.ignore_case:
            value = tuple(part.casefold() if isinstance(part, str) else part for part in value)
        if value not in first_by_value:
            first_by_value[value] = index
            continue
        earlier = f"$.{section.key}[{first_by_value[value]}]"
        shown = " and ".join(_shown(section, key, record) for key in unique.keys)
        if len(unique.keys) == 1:
            where = f"$.{section.key}[{index}].{unique.keys[0]}"
            message = f"{where}: {shown} is already used by {earlier}"
        else:
            message = f"$.{section.key}[{index}]: {shown} are already used together by {earlier}"
        problems.append(message + (" (ignoring case)" if unique.ignore_case else ""))


def unique_problems(readable: Readable, problems: list[str]) -> None:
    """Two records with the same id (or other identity), committee code, minute number ..."""
    for section in SECTIONS:
        for unique in (Unique(section.identity), *section.unique):
            _unique_problems(section, unique, readable[section.key], problems)


def rule_problems(path: str, problems: list[str], check: Callable, *args) -> None:
    """Run one domain check, adding each problem it raises under ``path``."""
    try:
        check(*args)
    except ValidationError as exc:
        problems.extend(f"{path}: {problem}" for problem in exc.problems)


def record_rule_problems(readable: Readable, facts: DocumentFacts, problems: list[str]) -> None:
    """The rules the app applies when a clerk enters each record by hand."""
    for section in SECTIONS:
        if section.rules is None:
            continue
        for index, record in readable[section.key]:
            rule_problems(f"$.{section.key}[{index}]", problems, section.rules, record, facts)
