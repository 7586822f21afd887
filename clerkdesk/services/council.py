"""The council profile and its municipal years."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from clerkdesk.domain.council import CouncilProfile
from clerkdesk.errors import ClerkError
from clerkdesk.services.base import Service
from clerkdesk.store.council_repo import CouncilRepository


class CouncilService(Service):
    def __init__(self, store):
        super().__init__(store)
        self.repo = CouncilRepository(self.db)

    def get(self) -> CouncilProfile:
        council = self.repo.get()
        if council is None:
            raise ClerkError(
                "This database has no council profile yet: open Council settings and enter "
                "the council's name."
            )
        return council

    def get_or_none(self) -> CouncilProfile | None:
        return self.repo.get()

    def save(self, council: CouncilProfile) -> CouncilProfile:
        council.validate()
        with self._change("save", "council") as record:
            self.repo.save(council)
            record(1, council.name)
        return self.get()

    def add_municipal_year(self, start: date) -> CouncilProfile:
        council = self.get()
        starts = tuple(sorted({*council.municipal_year_starts, start}))
        return self.save(replace(council, municipal_year_starts=starts))
