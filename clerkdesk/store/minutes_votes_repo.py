"""Votes recorded against minutes, with the names when a vote is recorded by name."""

from __future__ import annotations

from sqlite_utils import Database

from clerkdesk.domain.voting import Choice, NamedVote, Vote
from clerkdesk.errors import NotFoundError


def _vote_row(vote: Vote) -> dict:
    return {
        "minute_id": vote.minute_id,
        "position": vote.position,
        "subject": vote.subject,
        "for_count": vote.for_count,
        "against_count": vote.against_count,
        "abstentions": vote.abstentions,
        "requested_by": vote.requested_by,
        "casting_vote": vote.casting_vote.value if vote.casting_vote else None,
    }


class VotesRepository:
    def __init__(self, db: Database):
        self.db = db

    def _names(self, vote_id: int) -> tuple[NamedVote, ...]:
        rows = self.db.execute(
            "SELECT n.person_id, n.choice FROM minute_vote_names n "
            "JOIN people p ON p.id = n.person_id WHERE n.vote_id = ? "
            "ORDER BY p.surname COLLATE NOCASE, p.forenames",
            [vote_id],
        ).fetchall()
        return tuple(NamedVote(person_id, Choice(choice)) for person_id, choice in rows)

    def _to_vote(self, row: dict) -> Vote:
        return Vote(
            id=row["id"],
            minute_id=row["minute_id"],
            subject=row["subject"],
            for_count=row["for_count"],
            against_count=row["against_count"],
            abstentions=row["abstentions"],
            names=self._names(row["id"]),
            requested_by=row["requested_by"],
            casting_vote=Choice(row["casting_vote"]) if row["casting_vote"] else None,
            position=row["position"],
        )

    def for_minute(self, minute_id: int) -> list[Vote]:
        rows = self.db["minute_votes"].rows_where(
            "minute_id = ?", [minute_id], order_by="position, id"
        )
        return [self._to_vote(row) for row in rows]

    def for_meeting(self, meeting_id: int) -> list[Vote]:
        rows = self.db["minute_votes"].rows_where(
            "minute_id IN (SELECT id FROM minutes WHERE meeting_id = ?)",
            [meeting_id],
            order_by="minute_id, position, id",
        )
        return [self._to_vote(row) for row in rows]

    def get(self, vote_id: int) -> Vote:
        rows = list(self.db["minute_votes"].rows_where("id = ?", [vote_id]))
        if not rows:
            raise NotFoundError(f"There is no recorded vote with id {vote_id}.")
        return self._to_vote(rows[0])

    def _write_names(self, vote_id: int, names) -> None:
        self.db.execute("DELETE FROM minute_vote_names WHERE vote_id = ?", [vote_id])
        self.db["minute_vote_names"].insert_all(
            {"vote_id": vote_id, "person_id": named.person_id, "choice": named.choice.value}
            for named in names
        )

    def insert(self, vote: Vote) -> int:
        row = _vote_row(vote)
        if not vote.position:
            row["position"] = self.db.execute(
                "SELECT COALESCE(MAX(position), 0) + 1 FROM minute_votes WHERE minute_id = ?",
                [vote.minute_id],
            ).fetchone()[0]
        if vote.id is not None:
            row["id"] = vote.id
        vote_id = self.db["minute_votes"].insert(row).last_pk
        self._write_names(vote_id, vote.names)
        return vote_id

    def update(self, vote: Vote) -> None:
        self.db["minute_votes"].update(vote.id, _vote_row(vote))
        self._write_names(vote.id, vote.names)

    def delete(self, vote_id: int) -> None:
        self.db["minute_votes"].delete(vote_id)
