"""Minute entries, their actions, each meeting's minutes state, and minutes settings."""

from __future__ import annotations

import json
from datetime import date

from sqlite_utils import Database

from clerkdesk.domain.attendance import QuorumKind, QuorumRule
from clerkdesk.domain.minutes import (
    MeetingMinutes,
    Minute,
    MinuteAction,
    MinutesSettings,
    MinutesStatus,
    SubstituteDisplay,
)
from clerkdesk.domain.numbering import NumberHolder
from clerkdesk.errors import NotFoundError
from clerkdesk.store.rows import date_or_none, datetime_or_none, iso_or_none

_MINUTE_COLUMNS = (
    "id, meeting_id, series, number, position, kind, agenda_item_id, section, title, body, "
    "resolution, unanimous"
)


def _to_minute(row) -> Minute:
    (minute_id, meeting_id, series, number, position, kind, item_id, section, title, body,
     resolution, unanimous) = row
    return Minute(
        id=minute_id, meeting_id=meeting_id, number=number, title=title, section=section,
        position=position, kind=kind, agenda_item_id=item_id, body=body,
        resolution=resolution, unanimous=bool(unanimous), series=series,
    )


def _minute_row(minute: Minute) -> dict:
    return {
        "meeting_id": minute.meeting_id,
        "series": minute.series,
        "number": minute.number,
        "position": minute.position,
        "kind": minute.kind,
        "agenda_item_id": minute.agenda_item_id,
        "section": minute.section,
        "title": minute.title,
        "body": minute.body,
        "resolution": minute.resolution,
        "unanimous": int(minute.unanimous),
    }


class MinutesRepository:
    def __init__(self, db: Database):
        self.db = db

    # -- settings ---------------------------------------------------------------------------
    def settings(self, committee_id: int) -> MinutesSettings:
        rows = list(self.db["minutes_settings"].rows_where("committee_id = ?", [committee_id]))
        if not rows:
            return MinutesSettings(committee_id)
        row = rows[0]
        return MinutesSettings(
            committee_id=committee_id,
            style=row["style"],
            quorum=QuorumRule(
                kind=QuorumKind(row["quorum_kind"]),
                numerator=row["quorum_numerator"],
                denominator=row["quorum_denominator"],
                fixed=row["quorum_fixed"],
                minimum=row["quorum_minimum"],
                counts_voting_co_optees=bool(row["quorum_counts_voting_co_optees"]),
                source=row["quorum_source"],
            ),
            interest_vocabulary=row["interest_vocabulary"],
            whipping_declarations=bool(row["whipping_declarations"]),
            substitutes=SubstituteDisplay(row["substitutes"]),
            running_restarted_on=date_or_none(row["running_restarted_on"]),
        )

    def saved_settings(self) -> list[MinutesSettings]:
        """Only the committees whose settings were saved (the others use the defaults)."""
        rows = self.db.execute("SELECT committee_id FROM minutes_settings ORDER BY committee_id")
        return [self.settings(row[0]) for row in rows.fetchall()]

    def save_settings(self, settings: MinutesSettings) -> None:
        quorum = settings.quorum
        self.db["minutes_settings"].upsert(
            {
                "committee_id": settings.committee_id,
                "style": settings.style,
                "quorum_kind": quorum.kind.value,
                "quorum_numerator": quorum.numerator,
                "quorum_denominator": quorum.denominator,
                "quorum_fixed": quorum.fixed,
                "quorum_minimum": quorum.minimum,
                "quorum_counts_voting_co_optees": int(quorum.counts_voting_co_optees),
                "quorum_source": quorum.source,
                "interest_vocabulary": settings.interest_vocabulary,
                "whipping_declarations": int(settings.whipping_declarations),
                "substitutes": settings.substitutes.value,
                "running_restarted_on": iso_or_none(settings.running_restarted_on),
            },
            pk="committee_id",
        )

    # -- life cycle state -------------------------------------------------------------------
    def state(self, meeting_id: int) -> MeetingMinutes:
        rows = list(self.db["meeting_minutes"].rows_where("meeting_id = ?", [meeting_id]))
        if not rows:
            return MeetingMinutes(meeting_id)
        row = rows[0]
        return MeetingMinutes(
            meeting_id=meeting_id,
            status=MinutesStatus(row["status"]),
            published_at=datetime_or_none(row["published_at"]),
            approved_at_meeting_id=row["approved_at_meeting_id"],
            approval_minute_id=row["approval_minute_id"],
            amendments=tuple(json.loads(row["amendments"])),
            signed_by_id=row["signed_by_id"],
            signed_on=date_or_none(row["signed_on"]),
        )

    def saved_states(self) -> list[MeetingMinutes]:
        """Only the meetings whose minutes have a stored state (the others are drafts)."""
        rows = self.db.execute("SELECT meeting_id FROM meeting_minutes ORDER BY meeting_id")
        return [self.state(row[0]) for row in rows.fetchall()]

    def save_state(self, state: MeetingMinutes) -> None:
        self.db["meeting_minutes"].upsert(
            {
                "meeting_id": state.meeting_id,
                "status": state.status.value,
                "published_at": iso_or_none(state.published_at),
                "approved_at_meeting_id": state.approved_at_meeting_id,
                "approval_minute_id": state.approval_minute_id,
                "amendments": json.dumps(list(state.amendments)),
                "signed_by_id": state.signed_by_id,
                "signed_on": iso_or_none(state.signed_on),
            },
            pk="meeting_id",
        )

    def state_of_minute(self, minute_id: int) -> tuple[int, MinutesStatus, int, str]:
        """(meeting id, status, number, title) in one query: the autosave path."""
        row = self.db.execute(
            "SELECT m.meeting_id, COALESCE(s.status, ?), m.number, m.title FROM minutes m "
            "LEFT JOIN meeting_minutes s ON s.meeting_id = m.meeting_id WHERE m.id = ?",
            [MinutesStatus.DRAFT.value, minute_id],
        ).fetchone()
        if row is None:
            raise NotFoundError(f"There is no minute with id {minute_id}.")
        return row[0], MinutesStatus(row[1]), row[2], row[3]

    def approvals_recorded_in(self, minute_id: int) -> list[int]:
        """Meetings whose approval this minute records."""
        rows = self.db.execute(
            "SELECT meeting_id FROM meeting_minutes WHERE approval_minute_id = ?", [minute_id]
        ).fetchall()
        return [row[0] for row in rows]

    # -- minutes ----------------------------------------------------------------------------
    def _select(self, where: str, args) -> list[Minute]:
        rows = self.db.execute(
            f"SELECT {_MINUTE_COLUMNS} FROM minutes WHERE {where} ORDER BY position, id", args
        ).fetchall()
        return [_to_minute(row) for row in rows]

    def for_meeting(self, meeting_id: int) -> list[Minute]:
        return self._select("meeting_id = ?", [meeting_id])

    def get(self, minute_id: int) -> Minute:
        found = self._select("id = ?", [minute_id])
        if not found:
            raise NotFoundError(f"There is no minute with id {minute_id}.")
        return found[0]

    def numbers(self, minute_ids) -> dict[int, int]:
        ids = list(minute_ids)
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        rows = self.db.execute(
            f"SELECT id, number FROM minutes WHERE id IN ({marks})", ids
        ).fetchall()
        return dict(rows)

    def highest_number(self, series: str) -> int:
        row = self.db.execute("SELECT MAX(number) FROM minutes WHERE series = ?", [series])
        return row.fetchone()[0] or 0

    def holders(self, series: str, number: int | None = None) -> list[NumberHolder]:
        """Minutes holding numbers in a series (one number, if given), with meeting dates."""
        sql = (
            "SELECT m.id, m.number, m.title, mt.start FROM minutes m "
            "JOIN meetings mt ON mt.id = m.meeting_id WHERE m.series = ?"
        )
        args: list = [series]
        if number is not None:
            sql += " AND m.number = ?"
            args.append(number)
        rows = self.db.execute(sql + " ORDER BY m.number", args).fetchall()
        return [
            NumberHolder(row[0], row[1], row[2], date.fromisoformat(row[3][:10]))
            for row in rows
        ]

    def referring_to(self, minute_id: int) -> list[Minute]:
        """Minutes whose body or resolution links to this one."""
        token = f"%[[minute:{minute_id}]]%"
        return self._select(
            "id != ? AND (body LIKE ? OR resolution LIKE ?)", [minute_id, token, token]
        )

    def insert(self, minute: Minute) -> int:
        row = _minute_row(minute)
        if minute.id is not None:
            row["id"] = minute.id
        return self.db["minutes"].insert(row).last_pk

    def update(self, minute: Minute) -> None:
        self.db["minutes"].update(minute.id, _minute_row(minute))

    def save_body(self, minute_id: int, body: str) -> None:
        self.db.execute("UPDATE minutes SET body = ? WHERE id = ?", [body, minute_id])

    def set_numbers(self, numbers: dict[int, int]) -> None:
        """Renumber several minutes at once without tripping the unique (series, number)."""
        for minute_id in numbers:
            self.db.execute("UPDATE minutes SET number = -id WHERE id = ?", [minute_id])
        for minute_id, number in numbers.items():
            self.db.execute("UPDATE minutes SET number = ? WHERE id = ?", [number, minute_id])

    def set_positions(self, ordered_ids: list[int]) -> None:
        for position, minute_id in enumerate(ordered_ids, start=1):
            self.db.execute("UPDATE minutes SET position = ? WHERE id = ?", [position, minute_id])

    def delete(self, minute_id: int) -> None:
        self.db["minutes"].delete(minute_id)

    # -- actions ----------------------------------------------------------------------------
    def _actions(self, where: str, args) -> list[MinuteAction]:
        rows = self.db.execute(
            "SELECT a.id, a.minute_id, m.number, m.title, a.responsible, a.text, a.position, "
            "m.meeting_id, COALESCE(i.forward_plan_ref, '') FROM minute_actions a "
            "JOIN minutes m ON m.id = a.minute_id "
            "LEFT JOIN agenda_items i ON i.id = m.agenda_item_id "
            f"WHERE {where} ORDER BY m.position, m.id, a.position, a.id",
            args,
        ).fetchall()
        return [
            MinuteAction(
                minute_id=row[1], minute_number=row[2], item_title=row[3], responsible=row[4],
                text=row[5], id=row[0], position=row[6], meeting_id=row[7],
                forward_plan_ref=row[8],
            )
            for row in rows
        ]

    def actions_for_minute(self, minute_id: int) -> list[MinuteAction]:
        return self._actions("a.minute_id = ?", [minute_id])

    def actions_for_meeting(self, meeting_id: int) -> list[MinuteAction]:
        return self._actions("m.meeting_id = ?", [meeting_id])

    def get_action(self, action_id: int) -> MinuteAction:
        found = self._actions("a.id = ?", [action_id])
        if not found:
            raise NotFoundError(f"There is no minute action with id {action_id}.")
        return found[0]

    def insert_action(self, action: MinuteAction) -> int:
        position = action.position or (
            self.db.execute(
                "SELECT COALESCE(MAX(position), 0) + 1 FROM minute_actions WHERE minute_id = ?",
                [action.minute_id],
            ).fetchone()[0]
        )
        row = {
            "minute_id": action.minute_id,
            "position": position,
            "responsible": action.responsible,
            "text": action.text,
        }
        if action.id is not None:
            row["id"] = action.id
        return self.db["minute_actions"].insert(row).last_pk

    def update_action(self, action: MinuteAction) -> None:
        self.db["minute_actions"].update(
            action.id, {"responsible": action.responsible, "text": action.text}
        )

    def delete_action(self, action_id: int) -> None:
        self.db["minute_actions"].delete(action_id)

    # -- audit ------------------------------------------------------------------------------
    def last_audit(self, entity: str, entity_id: int) -> tuple[str, str, str, str] | None:
        """(at, actor, action, summary) of the newest audit entry: autosave coalescing."""
        row = self.db.execute(
            "SELECT at, actor, action, summary FROM audit_log WHERE entity = ? AND entity_id = ? "
            "ORDER BY id DESC LIMIT 1",
            [entity, entity_id],
        ).fetchone()
        return tuple(row) if row else None
