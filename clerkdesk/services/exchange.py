"""The exchange format: one versioned JSON document holding everything in a database.

This module is the one place that says how each domain record becomes JSON and back.
JSON keys are the dataclass field names and values are converted by the field's type
(dates to ISO strings, enums to their values, nested dataclasses to objects), so a field
added to a domain dataclass reaches export and import together; the schema test then
insists it is added to the JSON Schema too. Export lives in ``exchange_export``, import in
``exchange_import``; ``docs/exchange-format.md`` describes the document for people.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import tempfile
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

from clerkdesk.domain.committees import Committee
from clerkdesk.domain.council import CouncilProfile
from clerkdesk.domain.meetings import LONDON, Meeting
from clerkdesk.domain.membership import Membership
from clerkdesk.domain.people import Person
from clerkdesk.errors import ClerkError, NotFoundError, ValidationError

log = logging.getLogger(__name__)

FORMAT_NAME = "clerkdesk-exchange"
FORMAT_VERSION = 1
SCHEMA_PACKAGE = "clerkdesk.schemas"
SCHEMA_FILE = f"exchange-v{FORMAT_VERSION}.schema.json"


@dataclass(frozen=True)
class ValueCodec:
    """How one kind of value is written to JSON and read back.

    ``from_json`` raises ValueError with a clerk-readable message for a value the JSON
    Schema cannot rule out on its own (such as 30 February).
    """

    to_json: Callable[[Any], Any]
    from_json: Callable[[Any], Any]


def canonical(value: Any) -> Any:
    """Free-form JSON with every object's keys sorted, so equal data dumps to equal text."""
    if isinstance(value, Mapping):
        return {key: canonical(value[key]) for key in sorted(value)}
    if isinstance(value, list | tuple):
        return [canonical(item) for item in value]
    return value


def _date_from_json(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a real date (write it as YYYY-MM-DD)") from None


def _datetime_to_json(value: datetime) -> str:
    # Always the London wall-clock time with its offset, so the text reads as the clerk
    # would say it and the same instant is always written the same way.
    return value.astimezone(LONDON).isoformat()


def _datetime_from_json(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"'{value}' is not a real date and time (write it as 2026-07-09T14:00:00+01:00)"
        ) from None
    if parsed.tzinfo is None:
        raise ValueError(f"'{value}' needs its UTC offset, for example +01:00 in summer")
    return parsed.astimezone(LONDON)


def _enum_codec(enum_type: type[Enum]) -> ValueCodec:
    return ValueCodec(lambda member: member.value, enum_type)


def _optional_codec(inner: ValueCodec) -> ValueCodec:
    return ValueCodec(
        lambda value: None if value is None else inner.to_json(value),
        lambda value: None if value is None else inner.from_json(value),
    )


def _tuple_codec(item: ValueCodec) -> ValueCodec:
    return ValueCodec(
        lambda values: [item.to_json(value) for value in values],
        lambda values: tuple(item.from_json(value) for value in values),
    )


def codec_for(annotation: Any) -> ValueCodec:
    """The codec for a (resolved) type annotation of a domain dataclass field."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        inner = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"no exchange codec for {annotation!r}")
        return _optional_codec(codec_for(inner[0]))
    if origin is tuple:
        return _tuple_codec(codec_for(get_args(annotation)[0]))
    if annotation is datetime:  # before date: datetime is a subclass of date
        return ValueCodec(_datetime_to_json, _datetime_from_json)
    if annotation is date:
        return ValueCodec(date.isoformat, _date_from_json)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _enum_codec(annotation)
    if dataclasses.is_dataclass(annotation):
        return RecordCodec(annotation).as_value_codec()
    if annotation is int:
        # JSON Schema counts 2.0 as an integer; store it as the int it means.
        return ValueCodec(lambda value: value, int)
    if annotation in (str, bool):
        return ValueCodec(lambda value: value, lambda value: value)
    if annotation is dict:
        return ValueCodec(canonical, canonical)
    raise TypeError(f"no exchange codec for {annotation!r}")


class RecordCodec:
    """One domain dataclass as a JSON object whose keys are its field names."""

    def __init__(self, record_type: type, exclude: tuple[str, ...] = ()):
        self.record_type = record_type
        hints = get_type_hints(record_type)
        chosen = [f for f in dataclasses.fields(record_type) if f.name not in exclude]
        self.field_types: dict[str, Any] = {f.name: hints[f.name] for f in chosen}
        self.codecs = {name: codec_for(hint) for name, hint in sorted(self.field_types.items())}
        self.required = sorted(
            f.name
            for f in chosen
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        )

    def to_json(self, record: Any) -> dict:
        return {name: codec.to_json(getattr(record, name)) for name, codec in self.codecs.items()}

    def from_json(self, data: Mapping, path: str, problems: list[str]) -> Any | None:
        """The record, or None after adding a ``path.key: message`` problem per bad value.

        Keys left out take the dataclass default; the JSON Schema has already refused
        unknown keys and missing required ones.
        """
        values, bad = {}, False
        for name, codec in self.codecs.items():
            if name not in data:
                continue
            try:
                values[name] = codec.from_json(data[name])
            except ValueError as exc:
                problems.append(f"{path}.{name}: {exc}")
                bad = True
        return None if bad else self.record_type(**values)

    def as_value_codec(self) -> ValueCodec:
        def read(data: Mapping) -> Any:
            problems: list[str] = []
            record = self.from_json(data, "", problems)
            if record is None:
                raise ValueError("; ".join(p.lstrip(".") for p in problems))
            return record

        return ValueCodec(self.to_json, read)


# The council's municipal years are written at the top level of the document, beside it.
COUNCIL = RecordCodec(CouncilProfile, exclude=("municipal_year_starts",))
YEAR_START = codec_for(date)


@dataclass(frozen=True)
class Section:
    """A list of records in the document, with the ids its records refer to."""

    key: str
    codec: RecordCodec
    references: Mapping[str, str]  # field -> the section whose ids it names


# In the order they are written and imported: each section refers only to earlier ones.
SECTIONS = (
    Section("people", RecordCodec(Person), {}),
    Section("committees", RecordCodec(Committee), {"clerk_id": "people"}),
    Section(
        "memberships",
        RecordCodec(Membership),
        {"person_id": "people", "committee_id": "committees", "substitute_for_id": "people"},
    ),
    Section("meetings", RecordCodec(Meeting), {"committee_id": "committees"}),
)
SECTION_BY_KEY = {section.key: section for section in SECTIONS}
# The document's keys in the order they are written (and problems are reported).
TOP_LEVEL_KEYS = (
    "format", "version", "council", "municipal_year_starts", *(s.key for s in SECTIONS)
)


@cache
def load_schema() -> dict:
    """The JSON Schema for this format version, shipped inside the package."""
    text = resources.files(SCHEMA_PACKAGE).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def describe_counts(counts: Mapping[str, int]) -> str:
    """'1 council, 60 people, 5 committees, ...' for messages after an export or import."""
    parts = []
    for key, count in counts.items():
        if count == 1:
            noun = {"people": "person", "council": "council"}.get(key, key.removesuffix("s"))
        else:
            noun = "councils" if key == "council" else key
        parts.append(f"{count} {noun}")
    return ", ".join(parts)


def read_document(path: str | Path) -> Any:
    """The parsed JSON of an exchange file (not yet checked: see ``parse_document``)."""
    path = Path(path)
    if not path.exists():
        raise NotFoundError(f"There is no file at {path}.")
    if path.is_dir():
        raise ClerkError(f"{path} is a folder; choose the .json file to import.")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ClerkError(f"Cannot read {path}: {exc.strerror}.") from exc
    try:
        text = raw.decode("utf-8-sig")  # Windows Notepad may add a byte-order mark
    except UnicodeDecodeError:
        raise ValidationError(
            f"{path.name} is not a ClerkDesk exchange file (it is not UTF-8 text); "
            "nothing was imported."
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"{path.name} is not valid JSON: {exc.msg} at line {exc.lineno}, column "
            f"{exc.colno}; nothing was imported."
        ) from None


def check_format_and_version(document: Any, source: str) -> None:
    # Checked before the schema: a file that is not ours, or is from a newer ClerkDesk,
    # would otherwise drown the one useful message in hundreds of schema errors.
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ValidationError(
            f"{source} is not a ClerkDesk exchange file ($.format is not '{FORMAT_NAME}'); "
            "nothing was imported."
        )
    version = document.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise ValidationError(
            f"{source} uses exchange format version {version}, written by a newer ClerkDesk; "
            f"this ClerkDesk reads version {FORMAT_VERSION}. Install the newer ClerkDesk to "
            "import it; nothing was imported."
        )


def write_atomically(path: str | Path, data: bytes) -> Path:
    """Write to a temporary file beside ``path``, then rename it into place.

    A failed write never leaves a half-written file where the old one was.
    """
    path = Path(path).expanduser().resolve()
    if path.is_dir():
        raise ClerkError(f"{path} is a folder; give a file name to write to.")
    if not path.parent.is_dir():
        raise ClerkError(f"The folder {path.parent} does not exist.")
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, before the rename
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
        )
    except OSError as exc:
        raise ClerkError(f"Cannot write to the folder {path.parent}: {exc.strerror}.") from exc
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except OSError as exc:
        Path(handle.name).unlink(missing_ok=True)
        raise ClerkError(f"Cannot write {path}: {exc.strerror}.") from exc
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    log.info("wrote %s (%d bytes)", path, len(data))
    return path
