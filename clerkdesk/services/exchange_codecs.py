"""How domain records become JSON and back: one codec per dataclass, driven by its fields.

JSON keys are the dataclass field names and values are converted by the field's type
(dates to ISO strings, enums to their values, nested dataclasses to objects), so a field
added to a domain dataclass reaches export and import together; the schema test then
insists it is added to the JSON Schema too.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any, Union, get_args, get_origin, get_type_hints

from clerkdesk.domain.actions import Month
from clerkdesk.domain.meetings import LONDON
from clerkdesk.errors import ValidationError


@dataclass(frozen=True)
class ValueCodec:
    """How one kind of value is written to JSON and read back.

    ``from_json`` raises ValueError with a clerk-readable message for a value the JSON
    Schema cannot rule out on its own (such as 30 February). ``record`` is the record codec
    a value holds (through optional and list wrappers), so the schema test can walk into it.
    """

    to_json: Callable[[Any], Any]
    from_json: Callable[[Any], Any]
    record: RecordCodec | None = None


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


def _month_from_json(value: str) -> Month:
    try:
        return Month.parse(value)
    except ValidationError as exc:
        raise ValueError(exc.message) from None


def _enum_codec(enum_type: type[Enum]) -> ValueCodec:
    return ValueCodec(lambda member: member.value, enum_type)


def _optional_codec(inner: ValueCodec) -> ValueCodec:
    return ValueCodec(
        lambda value: None if value is None else inner.to_json(value),
        lambda value: None if value is None else inner.from_json(value),
        inner.record,
    )


def _list_codec(item: ValueCodec, container: type) -> ValueCodec:
    # A set is written sorted, so the same set always gives the same text.
    order = sorted if container is frozenset else list
    return ValueCodec(
        lambda values: [item.to_json(value) for value in order(values)],
        lambda values: container(item.from_json(value) for value in values),
        item.record,
    )


# Values with a text form of their own rather than an object of their fields.
_TEXT_VALUES = {Month: ValueCodec(lambda month: month.iso, _month_from_json)}


def codec_for(annotation: Any, exclude: tuple[str, ...] = ()) -> ValueCodec:
    """The codec for a (resolved) type annotation of a domain dataclass field.

    ``exclude`` names fields left out of the record the annotation holds, if it holds one.
    """
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        inner = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"no exchange codec for {annotation!r}")
        return _optional_codec(codec_for(inner[0], exclude))
    if origin in (tuple, frozenset):
        return _list_codec(codec_for(get_args(annotation)[0], exclude), origin)
    if annotation in _TEXT_VALUES:
        return _TEXT_VALUES[annotation]
    if annotation is datetime:  # before date: datetime is a subclass of date
        return ValueCodec(_datetime_to_json, _datetime_from_json)
    if annotation is date:
        return ValueCodec(date.isoformat, _date_from_json)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _enum_codec(annotation)
    if dataclasses.is_dataclass(annotation):
        return RecordCodec(annotation, exclude=exclude).as_value_codec()
    if annotation is int:
        # JSON Schema counts 2.0 as an integer; store it as the int it means.
        return ValueCodec(lambda value: value, int)
    if annotation in (str, bool):
        return ValueCodec(lambda value: value, lambda value: value)
    if annotation is dict:
        return ValueCodec(canonical, canonical)
    raise TypeError(f"no exchange codec for {annotation!r}")


# A linked record is written as its id (see RecordCodec ``links``).
_LINK = ValueCodec(
    lambda record: None if record is None else record.id,
    lambda value: None if value is None else int(value),
)


def _has_default(field: dataclasses.Field) -> bool:
    return (field.default is not dataclasses.MISSING
            or field.default_factory is not dataclasses.MISSING)


class RecordCodec:
    """One domain dataclass as a JSON object whose keys are its field names (a linked
    record's key is the name given in ``links``).

    - ``exclude``: fields the format does not carry; "updates.id" reaches into the records
      a field holds (a child row's own id, which nothing refers to).
    - ``placeholders``: values given on import to excluded fields without a default: fields
      a repository works out from other records when reading (a minute action's number).
    - ``require``: fields with a default in the dataclass that a file must still give,
      because the database has no default for them.
    - ``links``: a field holding another record, written as that record's id under the key
      given (``{"organiser": "organiser_id"}``); ``from_json`` looks the record up.
    """

    def __init__(
        self,
        record_type: type,
        exclude: tuple[str, ...] = (),
        placeholders: Mapping[str, Any] | None = None,
        require: tuple[str, ...] = (),
        links: Mapping[str, str] | None = None,
    ):
        self.record_type = record_type
        self.placeholders = dict(placeholders or {})
        links = dict(links or {})
        self.links = set(links.values())  # the JSON keys that hold a linked record's id
        inner_exclude: dict[str, list[str]] = {}
        for name in exclude:
            if "." in name:
                outer, inner = name.split(".", 1)
                inner_exclude.setdefault(outer, []).append(inner)
        hints = get_type_hints(record_type)
        self.field_names: dict[str, str] = {}  # JSON key -> dataclass field
        self.field_types: dict[str, Any] = {}  # JSON key -> the type it holds
        self.codecs: dict[str, ValueCodec] = {}
        required = {links.get(name, name) for name in require}
        chosen = []
        for f in dataclasses.fields(record_type):
            if f.name not in exclude:
                chosen.append(f)
            elif f.init and not _has_default(f) and f.name not in self.placeholders:
                raise TypeError(f"{record_type.__name__}.{f.name} is left out of the exchange "
                                "but has no default: give it a placeholder")
        for f in sorted(chosen, key=lambda f: links.get(f.name, f.name)):
            if not f.init:  # worked out by the dataclass itself, not data
                continue
            key = links.get(f.name, f.name)
            self.field_names[key] = f.name
            if f.name in links:
                optional = type(None) in get_args(hints[f.name])
                self.field_types[key] = int | None if optional else int
                self.codecs[key] = _LINK
            else:
                self.field_types[key] = hints[f.name]
                self.codecs[key] = codec_for(hints[f.name], tuple(inner_exclude.get(f.name, ())))
            if not _has_default(f):
                required.add(key)
        self.required = sorted(required)

    def to_json(self, record: Any) -> dict:
        return {
            key: codec.to_json(getattr(record, self.field_names[key]))
            for key, codec in self.codecs.items()
        }

    def from_json(
        self,
        data: Mapping,
        path: str,
        problems: list[str],
        linked: Callable[[str, int], Any | None] | None = None,
    ) -> Any | None:
        """The record, or None after adding a ``path.key: message`` problem per bad value.

        Keys left out take the dataclass default; the JSON Schema has already refused
        unknown keys and missing required ones. ``linked(key, id)`` finds a linked record;
        when it finds none the record is not built, and the reference check says why.
        """
        values, bad = dict(self.placeholders), False
        for key, codec in self.codecs.items():
            if key not in data:
                continue
            try:
                value = codec.from_json(data[key])
            except ValueError as exc:
                problems.append(f"{path}.{key}: {exc}")
                bad = True
                continue
            if key in self.links and value is not None:
                value = linked(key, value) if linked is not None else None
                bad = bad or value is None
            values[self.field_names[key]] = value
        if bad:
            return None
        try:
            return self.record_type(**values)
        except ValidationError as exc:  # a rule checked as the record is made
            problems.extend(f"{path}: {problem}" if path else problem for problem in exc.problems)
            return None

    def as_value_codec(self) -> ValueCodec:
        def read(data: Mapping) -> Any:
            problems: list[str] = []
            record = self.from_json(data, "", problems)
            if record is None:
                raise ValueError("; ".join(p.lstrip(".") for p in problems))
            return record

        return ValueCodec(self.to_json, read, self)
