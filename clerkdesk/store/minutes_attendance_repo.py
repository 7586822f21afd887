"""Attendance and declarations of interest at a meeting."""

from __future__ import annotations

from sqlite_utils import Database

from clerkdesk.domain.attendance import Attendee, Capacity, Presence
from clerkdesk.domain.declarations import Declaration, DeclarationAction, InterestType
from clerkdesk.domain.membership import Role, VotingScope
from clerkdesk.errors import NotFoundError


def _to_attendee(row: dict) -> Attendee:
    return Attendee(
        id=row["id"],
        meeting_id=row["meeting_id"],
        person_id=row["person_id"],
        capacity=Capacity(row["capacity"]),
        presence=Presence(row["presence"]),
        role=Role(row["role"]) if row["role"] else None,
        role_title=row["role_title"],
        voting_scope=VotingScope(row["voting_scope"]),
        substitute_for_id=row["substitute_for_id"],
        membership_id=row["membership_id"],
        represents=row["represents"],
        post=row["post"],
        description=row["description"],
        position=row["position"],
    )


def _attendee_row(attendee: Attendee) -> dict:
    return {
        "meeting_id": attendee.meeting_id,
        "person_id": attendee.person_id,
        "position": attendee.position,
        "capacity": attendee.capacity.value,
        "presence": attendee.presence.value,
        "role": attendee.role.value if attendee.role else None,
        "role_title": attendee.role_title,
        "voting_scope": attendee.voting_scope.value,
        "substitute_for_id": attendee.substitute_for_id,
        "membership_id": attendee.membership_id,
        "represents": attendee.represents,
        "post": attendee.post,
        "description": attendee.description,
    }


def _to_declaration(row: dict) -> Declaration:
    return Declaration(
        id=row["id"],
        meeting_id=row["meeting_id"],
        person_id=row["person_id"],
        agenda_item_id=row["agenda_item_id"],
        interest_type=InterestType(row["interest_type"]),
        nature=row["nature"],
        sensitive=bool(row["sensitive"]),
        action=DeclarationAction(row["action"]),
        dispensation_ref=row["dispensation_ref"],
        position=row["position"],
    )


def _declaration_row(declaration: Declaration) -> dict:
    return {
        "meeting_id": declaration.meeting_id,
        "person_id": declaration.person_id,
        "agenda_item_id": declaration.agenda_item_id,
        "position": declaration.position,
        "interest_type": declaration.interest_type.value,
        "nature": declaration.nature,
        "sensitive": int(declaration.sensitive),
        "action": declaration.action.value,
        "dispensation_ref": declaration.dispensation_ref,
    }


class AttendanceRepository:
    def __init__(self, db: Database):
        self.db = db

    # -- attendance -------------------------------------------------------------------------
    def for_meeting(self, meeting_id: int) -> list[Attendee]:
        rows = self.db["attendance"].rows_where(
            "meeting_id = ?", [meeting_id], order_by="position, id"
        )
        return [_to_attendee(row) for row in rows]

    def get(self, attendee_id: int) -> Attendee:
        rows = list(self.db["attendance"].rows_where("id = ?", [attendee_id]))
        if not rows:
            raise NotFoundError(f"There is no attendance record with id {attendee_id}.")
        return _to_attendee(rows[0])

    def find(self, meeting_id: int, person_id: int) -> Attendee | None:
        rows = list(
            self.db["attendance"].rows_where(
                "meeting_id = ? AND person_id = ?", [meeting_id, person_id]
            )
        )
        return _to_attendee(rows[0]) if rows else None

    def next_position(self, meeting_id: int) -> int:
        row = self.db.execute(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM attendance WHERE meeting_id = ?",
            [meeting_id],
        ).fetchone()
        return row[0]

    def insert(self, attendee: Attendee) -> int:
        row = _attendee_row(attendee)
        if attendee.id is not None:
            row["id"] = attendee.id
        return self.db["attendance"].insert(row).last_pk

    def update(self, attendee: Attendee) -> None:
        self.db["attendance"].update(attendee.id, _attendee_row(attendee))

    def delete(self, attendee_id: int) -> None:
        self.db["attendance"].delete(attendee_id)

    # -- declarations -----------------------------------------------------------------------
    def declarations(self, meeting_id: int) -> list[Declaration]:
        rows = self.db["declarations"].rows_where(
            "meeting_id = ?", [meeting_id], order_by="position, id"
        )
        return [_to_declaration(row) for row in rows]

    def get_declaration(self, declaration_id: int) -> Declaration:
        rows = list(self.db["declarations"].rows_where("id = ?", [declaration_id]))
        if not rows:
            raise NotFoundError(f"There is no declaration with id {declaration_id}.")
        return _to_declaration(rows[0])

    def next_declaration_position(self, meeting_id: int) -> int:
        row = self.db.execute(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM declarations WHERE meeting_id = ?",
            [meeting_id],
        ).fetchone()
        return row[0]

    def insert_declaration(self, declaration: Declaration) -> int:
        row = _declaration_row(declaration)
        if declaration.id is not None:
            row["id"] = declaration.id
        return self.db["declarations"].insert(row).last_pk

    def update_declaration(self, declaration: Declaration) -> None:
        self.db["declarations"].update(declaration.id, _declaration_row(declaration))

    def delete_declaration(self, declaration_id: int) -> None:
        self.db["declarations"].delete(declaration_id)
