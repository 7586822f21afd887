"""People: councillors, co-optees and officers."""

from __future__ import annotations

from sqlite_utils import Database

from clerkdesk.domain.people import Person, PersonKind
from clerkdesk.errors import NotFoundError


def _to_person(row: dict) -> Person:
    return Person(
        id=row["id"],
        kind=PersonKind(row["kind"]),
        title=row["title"],
        forenames=row["forenames"],
        surname=row["surname"],
        minutes_name_override=row["minutes_name"],
        front_sheet_name_override=row["front_sheet_name"],
        political_group=row["political_group"],
        ward=row["ward"],
        post=row["post"],
        email=row["email"],
        telephone=row["telephone"],
    )


def _to_row(person: Person) -> dict:
    return {
        "kind": person.kind.value,
        "title": person.title,
        "forenames": person.forenames,
        "surname": person.surname,
        "minutes_name": person.minutes_name_override,
        "front_sheet_name": person.front_sheet_name_override,
        "political_group": person.political_group,
        "ward": person.ward,
        "post": person.post,
        "email": person.email,
        "telephone": person.telephone,
    }


class PeopleRepository:
    def __init__(self, db: Database):
        self.db = db

    def list(self) -> list[Person]:
        rows = self.db["people"].rows_where(order_by="surname COLLATE NOCASE, forenames")
        return [_to_person(row) for row in rows]

    def get(self, person_id: int) -> Person:
        rows = list(self.db["people"].rows_where("id = ?", [person_id]))
        if not rows:
            raise NotFoundError(f"There is no person with id {person_id}.")
        return _to_person(rows[0])

    def insert(self, person: Person) -> int:
        row = _to_row(person)
        if person.id is not None:
            row["id"] = person.id
        return self.db["people"].insert(row).last_pk

    def update(self, person: Person) -> None:
        self.db["people"].update(person.id, _to_row(person))

    def delete(self, person_id: int) -> None:
        self.db["people"].delete(person_id)
