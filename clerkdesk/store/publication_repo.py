"""Publication records: when each agenda or supplement went out, and the files' hashes."""

from __future__ import annotations

from sqlite_utils import Database

from clerkdesk.domain.publication import Audience, Publication, PublicationKind, PublishedFile
from clerkdesk.store.rows import datetime_or_none


class PublicationRepository:
    def __init__(self, db: Database):
        self.db = db

    def _files(self, publication_id: int) -> tuple[PublishedFile, ...]:
        rows = self.db["publication_files"].rows_where(
            "publication_id = ?", [publication_id], order_by="id"
        )
        return tuple(
            PublishedFile(row["name"], Audience(row["audience"]), row["sha256"], row["bytes"])
            for row in rows
        )

    def for_meeting(self, meeting_id: int) -> list[Publication]:
        rows = self.db["publications"].rows_where(
            "meeting_id = ?", [meeting_id], order_by="published_at, id"
        )
        return [
            Publication(
                id=row["id"],
                meeting_id=row["meeting_id"],
                kind=PublicationKind(row["kind"]),
                version=row["version"],
                published_at=datetime_or_none(row["published_at"]),
                supplement=row["supplement"],
                recorded_by=row["recorded_by"],
                folder=row["folder"],
                note=row["note"],
                files=self._files(row["id"]),
            )
            for row in rows
        ]

    def insert(self, publication: Publication) -> int:
        row = {
            "meeting_id": publication.meeting_id,
            "kind": publication.kind.value,
            "supplement": publication.supplement,
            "version": publication.version,
            "published_at": publication.published_at.isoformat(),
            "recorded_by": publication.recorded_by,
            "folder": publication.folder,
            "note": publication.note,
        }
        if publication.id is not None:
            row["id"] = publication.id
        publication_id = self.db["publications"].insert(row).last_pk
        self.db["publication_files"].insert_all(
            {
                "publication_id": publication_id,
                "name": f.name,
                "audience": f.audience.value,
                "sha256": f.sha256,
                "bytes": f.bytes,
            }
            for f in publication.files
        )
        return publication_id
