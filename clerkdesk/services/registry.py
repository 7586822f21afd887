"""All services over one open store, so callers pass one object around."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from clerkdesk.services.actions import ActionService
from clerkdesk.services.agenda import AgendaService
from clerkdesk.services.agenda_plan import AgendaPlanService
from clerkdesk.services.committees import CommitteeService
from clerkdesk.services.council import CouncilService
from clerkdesk.services.deadlines import DeadlineService
from clerkdesk.services.meetings import MeetingService
from clerkdesk.services.memberships import MembershipService
from clerkdesk.services.minutes import MinutesService
from clerkdesk.services.minutes_documents import (
    action_log_documents,
    previous_minutes_documents,
)
from clerkdesk.services.packs import PackService
from clerkdesk.services.people import PeopleService
from clerkdesk.services.petitions import PetitionService
from clerkdesk.services.publishing import PublishingService
from clerkdesk.store.db import Store, open_store


class Services:
    def __init__(self, store: Store):
        self.store = store

    @classmethod
    def open(cls, path: str | Path, *, create: bool = False) -> Services:
        return cls(open_store(path, create=create))

    @classmethod
    def open_for_worker(cls, path: str | Path) -> Services:
        """A background worker's own connection to a database the GUI already has open.

        The GUI holds the file lock, so the worker does not take it; SQLite's WAL journal
        lets the two connections read and write side by side.
        """
        return cls(open_store(path, lock=False))

    @cached_property
    def council(self) -> CouncilService:
        return CouncilService(self.store)

    @cached_property
    def people(self) -> PeopleService:
        return PeopleService(self.store)

    @cached_property
    def committees(self) -> CommitteeService:
        return CommitteeService(self.store)

    @cached_property
    def memberships(self) -> MembershipService:
        return MembershipService(self.store)

    @cached_property
    def meetings(self) -> MeetingService:
        return MeetingService(self.store)

    @cached_property
    def agenda(self) -> AgendaService:
        return AgendaService(self.store)

    @cached_property
    def deadlines(self) -> DeadlineService:
        return DeadlineService(self.store)

    @cached_property
    def agenda_plan(self) -> AgendaPlanService:
        return AgendaPlanService(self.store)

    @cached_property
    def actions(self) -> ActionService:
        return ActionService(self.store)

    @cached_property
    def petitions(self) -> PetitionService:
        return PetitionService(self.store)

    @cached_property
    def minutes(self) -> MinutesService:
        minutes = MinutesService(self.store)
        # A council's own standard wording (copied for editing) wins over the shipped one.
        minutes.set_template_folder(self.council.template_override())
        return minutes

    @cached_property
    def packs(self) -> PackService:
        packs = PackService(self.store, self)
        # Documents that standing items carry: the previous minutes and the action log.
        packs.standing_documents += [previous_minutes_documents(self), action_log_documents(self)]
        return packs

    @cached_property
    def publishing(self) -> PublishingService:
        return PublishingService(self.store, self)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
