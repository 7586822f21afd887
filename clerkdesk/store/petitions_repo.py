"""Petitions, their organisers and supplementary comments, and the Petitions Scheme."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date

from sqlite_utils import Database

from clerkdesk.domain.petition_scheme import PetitionScheme
from clerkdesk.domain.petitions import (
    Channel,
    Organiser,
    Petition,
    PetitionStatus,
    SupplementaryComment,
)
from clerkdesk.errors import NotFoundError
from clerkdesk.store.rows import date_or_none, iso_or_none

_ORGANISER_FIELDS = ("name", "locality", "address", "postcode", "email", "telephone")
_PETITION_FIELDS = (
    "title", "text", "signatures", "valid_signatures", "committee_id", "meeting_id",
    "agenda_item_id", "minute_id", "minute_number", "response_text", "responder", "status_note",
)  # fmt: skip
_PETITION_DATES = ("received_on", "acknowledged_on", "response_on")

# The meeting's date is read from the meeting (its start is stored in Europe/London with an
# offset, so the first ten characters are the UK date), never copied onto the petition.
_SELECT = """
    SELECT p.*, substr(m.start, 1, 10) AS meeting_day
    FROM petitions p LEFT JOIN meetings m ON m.id = p.meeting_id
"""


def _to_organiser(row: dict) -> Organiser:
    return Organiser(id=row["id"], **{name: row[name] for name in _ORGANISER_FIELDS})


def _petition_row(petition: Petition) -> dict:
    row = {name: getattr(petition, name) for name in _PETITION_FIELDS}
    row.update({name: iso_or_none(getattr(petition, name)) for name in _PETITION_DATES})
    row.update(
        organiser_id=petition.organiser.id if petition.organiser else None,
        channel=petition.channel.value,
        status=petition.status.value,
    )
    return row


class PetitionRepository:
    def __init__(self, db: Database):
        self.db = db

    # -- organisers ---------------------------------------------------------------------------
    def organisers(self) -> list[Organiser]:
        rows = self.db["petition_organisers"].rows_where(order_by="name COLLATE NOCASE, id")
        return [_to_organiser(row) for row in rows]

    def get_organiser(self, organiser_id: int) -> Organiser:
        rows = list(self.db["petition_organisers"].rows_where("id = ?", [organiser_id]))
        if not rows:
            raise NotFoundError(f"There is no petition organiser with id {organiser_id}.")
        return _to_organiser(rows[0])

    def insert_organiser(self, organiser: Organiser) -> int:
        row = {name: getattr(organiser, name) for name in _ORGANISER_FIELDS}
        if organiser.id is not None:
            row["id"] = organiser.id
        return self.db["petition_organisers"].insert(row).last_pk

    def update_organiser(self, organiser: Organiser) -> None:
        row = {name: getattr(organiser, name) for name in _ORGANISER_FIELDS}
        self.db["petition_organisers"].update(organiser.id, row)

    def petitions_of_organiser(self, organiser_id: int) -> int:
        row = self.db.execute(
            "SELECT COUNT(*) FROM petitions WHERE organiser_id = ?", [organiser_id]
        ).fetchone()
        return row[0]

    def delete_organiser(self, organiser_id: int) -> None:
        self.db["petition_organisers"].delete(organiser_id)

    # -- petitions ----------------------------------------------------------------------------
    def _select(self, where: str, args: list) -> list[Petition]:
        cursor = self.db.execute(f"{_SELECT} WHERE {where} ORDER BY p.id", args)
        columns = [column[0] for column in cursor.description]
        rows = [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]
        if not rows:
            return []
        organisers = {
            row["id"]: _to_organiser(row)
            for row in self.db["petition_organisers"].rows_where(
                f"id IN (SELECT p.organiser_id FROM petitions p WHERE {where})", args
            )
        }
        comments: dict[int, list[SupplementaryComment]] = defaultdict(list)
        for comment_id, petition_id, dated, text in self.db.execute(
            f"""SELECT id, petition_id, dated, text FROM petition_comments
                WHERE petition_id IN (SELECT p.id FROM petitions p WHERE {where})
                ORDER BY petition_id, dated, id""",
            args,
        ).fetchall():
            comment = SupplementaryComment(date.fromisoformat(dated), text, comment_id)
            comments[petition_id].append(comment)
        return [
            Petition(
                id=row["id"],
                organiser=organisers.get(row["organiser_id"]),
                channel=Channel(row["channel"]),
                status=PetitionStatus(row["status"]),
                meeting_date=date_or_none(row["meeting_day"]),
                comments=tuple(comments[row["id"]]),
                **{name: row[name] for name in _PETITION_FIELDS},
                **{name: date_or_none(row[name]) for name in _PETITION_DATES},
            )
            for row in rows
        ]

    def list(self) -> list[Petition]:
        return self._select("1 = 1", [])

    def get(self, petition_id: int) -> Petition:
        found = self._select("p.id = ?", [petition_id])
        if not found:
            raise NotFoundError(f"There is no petition with id {petition_id}.")
        return found[0]

    def for_meeting(self, meeting_id: int) -> list[Petition]:
        return self._select("p.meeting_id = ?", [meeting_id])

    def insert(self, petition: Petition) -> int:
        row = _petition_row(petition)
        if petition.id is not None:
            row["id"] = petition.id
        petition_id = self.db["petitions"].insert(row).last_pk
        self._write_comments(petition_id, petition)
        return petition_id

    def update(self, petition: Petition) -> None:
        self.db["petitions"].update(petition.id, _petition_row(petition))
        self.db.execute("DELETE FROM petition_comments WHERE petition_id = ?", [petition.id])
        self._write_comments(petition.id, petition)

    def _write_comments(self, petition_id: int, petition: Petition) -> None:
        # Kept comments go back under their ids before new ones take fresh ids.
        for comment in sorted(petition.comments, key=lambda c: c.id is None):
            row = {
                "petition_id": petition_id,
                "dated": comment.on.isoformat(),
                "text": comment.text,
            }
            if comment.id is not None:
                row["id"] = comment.id
            self.db["petition_comments"].insert(row)

    def delete(self, petition_id: int) -> None:
        self.db["petitions"].delete(petition_id)

    # -- the scheme ---------------------------------------------------------------------------
    def scheme(self) -> PetitionScheme:
        """The saved scheme, or the cited defaults when the council has not saved one."""
        row = self.db.execute("SELECT settings FROM petition_scheme WHERE id = 1").fetchone()
        return PetitionScheme() if row is None else PetitionScheme.from_dict(json.loads(row[0]))

    def saved_scheme(self) -> PetitionScheme | None:
        """The scheme as saved, or None when the council has not saved one."""
        row = self.db.execute("SELECT settings FROM petition_scheme WHERE id = 1").fetchone()
        return None if row is None else PetitionScheme.from_dict(json.loads(row[0]))

    def save_scheme(self, scheme: PetitionScheme) -> None:
        settings = json.dumps(scheme.to_dict(), sort_keys=True)
        self.db["petition_scheme"].upsert({"id": 1, "settings": settings}, pk="id")
