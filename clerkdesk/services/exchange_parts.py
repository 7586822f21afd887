"""What a part of the exchange document is: a ``Section`` (a list of records) or a
``Setting`` (a single object), and the records of tables that have no domain type.

The sections themselves, in order, are listed in ``exchange_sections``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from clerkdesk.services.exchange_codecs import RecordCodec

# -- records of tables that have no domain type of their own ----------------------------------


@dataclass(frozen=True)
class CommitteeDeadlineRules:
    """A committee's overrides of the council's deadline rules (free-form, as the council's)."""

    committee_id: int
    overrides: dict


@dataclass(frozen=True)
class DeadlineMark:
    """A meeting's deadline (by its rule key) that the clerk marked as done, and when."""

    meeting_id: int
    key: str
    done_at: datetime


@dataclass(frozen=True)
class IssuedActionLog:
    """An action log as issued: its date decides when closed actions drop off later logs."""

    id: int | None
    committee_id: int
    as_of: date
    recorded_at: datetime
    meeting_id: int | None = None


# -- what a section is ------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentFacts:
    """What the rules for one record may need from the rest of the document."""

    year_starts: tuple[date, ...] = ()


def _validates_itself(record: Any, facts: DocumentFacts) -> None:
    record.validate()


@dataclass(frozen=True)
class Unique:
    """JSON keys whose values, taken together, no two records of a section may share."""

    keys: tuple[str, ...]
    ignore_case: bool = False


@dataclass(frozen=True)
class Section:
    """A list of records in the document, and everything the format knows about them."""

    key: str
    codec: RecordCodec
    read: Callable[[Database], Iterable[Any]]  # every record, for export
    write: Callable[[Database, Any], object]  # one record, on import
    tables: tuple[str, ...]  # the tables it carries (for the "not carried" warning)
    # JSON key -> the section whose ids it names; "names[].person_id" reaches into a list.
    references: Mapping[str, str] = field(default_factory=dict)
    identity: tuple[str, ...] = ("id",)  # names a record: unique, and the export order
    unique: tuple[Unique, ...] = ()  # further combinations that must be unique
    rules: Callable[[Any, DocumentFacts], None] | None = _validates_itself

    def order(self, record: Any) -> tuple:
        return tuple(getattr(record, self.codec.field_names[key]) for key in self.identity)


@dataclass(frozen=True)
class Setting:
    """A single object in the document; ``read`` gives None when it was never saved."""

    key: str
    codec: RecordCodec
    read: Callable[[Database], Any | None]
    write: Callable[[Database, Any], object]
    tables: tuple[str, ...]
    rules: Callable[[Any], None] | None = None
