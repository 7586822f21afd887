"""A record that an agenda (or a supplement to it) was published, and what was published."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class PublicationKind(StrEnum):
    AGENDA = "agenda"
    SUPPLEMENT = "supplement"


class Audience(StrEnum):
    PUBLIC = "public"
    MEMBERS = "members"


@dataclass(frozen=True)
class PublishedFile:
    name: str
    audience: Audience
    sha256: str
    bytes: int


@dataclass(frozen=True)
class Publication:
    id: int | None
    meeting_id: int
    kind: PublicationKind
    version: int
    published_at: datetime  # timezone-aware
    supplement: int = 0  # 0 for the agenda itself; n for "Supplement n"
    recorded_by: str = ""
    folder: str = ""
    note: str = ""
    files: tuple[PublishedFile, ...] = field(default_factory=tuple)

    @property
    def label(self) -> str:
        if self.kind is PublicationKind.SUPPLEMENT:
            return f"Supplement {self.supplement}"
        return "Agenda" if self.version == 1 else f"Agenda (version {self.version})"
