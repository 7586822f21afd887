"""Recording declarations of interest made at a meeting."""

from __future__ import annotations

from dataclasses import replace

from clerkdesk.domain.declarations import Declaration, vocabulary
from clerkdesk.errors import ValidationError
from clerkdesk.services.minutes_base import MinutesBase


class DeclarationService(MinutesBase):
    def list(self, meeting_id: int) -> list[Declaration]:
        self.meetings.get(meeting_id)
        return self.attendance_repo.declarations(meeting_id)

    def add(self, declaration: Declaration) -> Declaration:
        return self._save(replace(declaration, id=None), "recorded")

    def update(self, declaration: Declaration) -> Declaration:
        current = self.attendance_repo.get_declaration(declaration.id)
        declaration = replace(declaration, meeting_id=current.meeting_id,
                              position=declaration.position or current.position)
        return self._save(declaration, "changed")

    def remove(self, declaration_id: int) -> None:
        declaration = self.attendance_repo.get_declaration(declaration_id)
        self.editable_state(declaration.meeting_id, "declarations")
        with self._audited("declaration") as record:
            self.attendance_repo.delete_declaration(declaration_id)
            record(declaration.meeting_id, f"Declaration removed: {self._describe(declaration)}")

    def _save(self, declaration: Declaration, what: str) -> Declaration:
        meeting = self.meetings.get(declaration.meeting_id)
        settings = self.repo.settings(meeting.committee_id)
        declaration.validate(vocabulary(settings.interest_vocabulary),
                             settings.whipping_declarations)
        self.editable_state(meeting.id, "declarations")
        if declaration.agenda_item_id is not None:
            item = self.agenda.get_item(declaration.agenda_item_id)
            if item.meeting_id != meeting.id:
                raise ValidationError(f"'{item.title}' is not on this meeting's agenda.")
        if self.attendance_repo.find(meeting.id, declaration.person_id) is None:
            name = self.full_names().get(declaration.person_id, "That person")
            raise ValidationError(
                f"{name} is not in the attendance: add them before recording their declaration."
            )
        with self._audited("declaration") as record:
            if declaration.id is None:
                position = self.attendance_repo.next_declaration_position(meeting.id)
                declaration_id = self.attendance_repo.insert_declaration(
                    replace(declaration, position=position)
                )
            else:
                declaration_id = declaration.id
                self.attendance_repo.update_declaration(declaration)
            record(meeting.id, f"Declaration {what}: {self._describe(declaration)}")
        return self.attendance_repo.get_declaration(declaration_id)

    def _describe(self, declaration: Declaration) -> str:
        name = self.full_names().get(declaration.person_id, "?")
        item = ""
        if declaration.agenda_item_id is not None:
            item = f" in '{self.agenda.get_item(declaration.agenda_item_id).title}'"
        return (f"{name}, {declaration.interest_type.value} interest{item}, "
                f"{declaration.action.value}")
