"""Adding, changing and removing people."""

from __future__ import annotations

from dataclasses import replace

from clerkdesk.domain.people import Person
from clerkdesk.services.base import Service
from clerkdesk.store.membership_repo import MembershipRepository
from clerkdesk.store.people_repo import PeopleRepository


class PeopleService(Service):
    def __init__(self, store):
        super().__init__(store)
        self.repo = PeopleRepository(self.db)

    def list(self) -> list[Person]:
        return self.repo.list()

    def get(self, person_id: int) -> Person:
        return self.repo.get(person_id)

    def add(self, person: Person) -> Person:
        person.validate()
        with self._change("add", "person") as record:
            person_id = self.repo.insert(person)
            record(person_id, person.full_name)
        return replace(person, id=person_id)

    def update(self, person: Person) -> Person:
        person.validate()
        self.repo.get(person.id)
        with self._change("update", "person") as record:
            self.repo.update(person)
            record(person.id, person.full_name)
        return person

    def delete_consequences(self, person_id: int) -> list[str]:
        """What deleting this person would also remove, for the confirmation question."""
        count = len(MembershipRepository(self.db).for_person(person_id))
        return [f"{count} committee membership(s)"] if count else []

    def delete(self, person_id: int) -> None:
        person = self.repo.get(person_id)
        with self._change("delete", "person") as record:
            self.repo.delete(person_id)
            record(person_id, person.full_name)
