"""Actions arising from minutes: "(Action: Democratic Services Officer)".

A minute's actions are stored rows (post or person responsible, and what is to be done),
so the action log, built elsewhere, can take them up by id with the minute's number and
title (``for_minute``, ``for_meeting``). In the text an action is a line: clerks type
"(Action: ...)" where the minutes print it, ``adopt_typed`` stores it and leaves a link
line that prints the stored action (docs/minutes-markup.md, "Actions").
"""

from __future__ import annotations

from dataclasses import replace

from clerkdesk.domain import markup
from clerkdesk.domain.minutes import Minute, MinuteAction
from clerkdesk.services.minutes_base import MinutesBase

TEXT_FIELDS = ("body", "resolution")


class MinuteActionService(MinutesBase):
    def for_minute(self, minute_id: int) -> list[MinuteAction]:
        self.repo.get(minute_id)
        return self.repo.actions_for_minute(minute_id)

    def for_meeting(self, meeting_id: int) -> list[MinuteAction]:
        self.meetings.get(meeting_id)
        return self.repo.actions_for_meeting(meeting_id)

    def after_resolution(self, minute_id: int) -> list[MinuteAction]:
        """Actions the text does not place itself: printed after the resolution."""
        minute = self.repo.get(minute_id)
        placed = {marker.action_id for name in TEXT_FIELDS
                  for marker, _ in markup.action_markers(markup.parse(getattr(minute, name)))}
        return [a for a in self.repo.actions_for_minute(minute_id) if a.id not in placed]

    def add(self, minute_id: int, responsible: str, text: str) -> MinuteAction:
        minute = self._editable(minute_id)
        action = MinuteAction(minute.id, minute.number, minute.title, responsible.strip(),
                              text.strip())
        action.validate()
        with self._audited("action") as record:
            action_id = self.repo.insert_action(action)
            record(minute.meeting_id, f"{minute.label}: action for {action.responsible} added")
        return self.repo.get_action(action_id)

    def update(self, action: MinuteAction) -> MinuteAction:
        current = self.repo.get_action(action.id)
        minute = self._editable(current.minute_id)
        action = replace(current, responsible=action.responsible.strip(),
                         text=action.text.strip())
        action.validate()
        with self._audited("action") as record:
            self.repo.update_action(action)
            record(minute.meeting_id, f"{minute.label}: action for {action.responsible} changed")
        return self.repo.get_action(action.id)

    def remove(self, action_id: int) -> None:
        """Remove the action and the line that printed it."""
        action = self.repo.get_action(action_id)
        minute = self._editable(action.minute_id)
        token = markup.action_line(action_id)

        def without(text: str) -> str:
            if token not in text:
                return text
            return "\n".join(line for line in text.splitlines() if line.strip() != token)

        with self._audited("action") as record:
            self.repo.delete_action(action_id)
            self.repo.update(replace(minute, body=without(minute.body),
                                     resolution=without(minute.resolution)))
            record(minute.meeting_id, f"{minute.label}: action for {action.responsible} removed")

    def adopt_typed(self, minute_id: int) -> list[MinuteAction]:
        """Store the "(Action: ...)" lines typed in a minute; the text each follows becomes
        the action. Returns the new actions (none when nothing was typed)."""
        minute = self.repo.get(minute_id)
        parsed = {name: markup.parse(getattr(minute, name)) for name in TEXT_FIELDS}
        typed = {name: [(marker, spans) for marker, spans in markup.action_markers(body)
                        if marker.action_id is None]
                 for name, body in parsed.items()}
        if not any(typed.values()):
            return []
        self._editable(minute_id)
        numbers = self.repo.numbers(set().union(*map(markup.minute_references, parsed.values())))
        adopted: list[int] = []
        with self._audited("action") as record:
            changed = {}
            for name, found in typed.items():
                if not found:
                    continue
                ids = [self.repo.insert_action(self._typed_action(minute, marker, spans, numbers))
                       for marker, spans in found]
                changed[name] = markup.replace_typed_actions(getattr(minute, name), ids)
                adopted.extend(ids)
            self.repo.update(replace(minute, **changed))
            record(minute.meeting_id,
                   f"{minute.label}: {len(adopted)} typed action(s) recorded as actions")
        return [self.repo.get_action(action_id) for action_id in adopted]

    @staticmethod
    def _typed_action(minute: Minute, marker, spans, numbers) -> MinuteAction:
        text = markup.spans_text(spans, lambda i: str(numbers.get(i, "?"))).strip()
        return MinuteAction(minute.id, minute.number, minute.title, marker.responsible,
                            text or minute.title)

    def _editable(self, minute_id: int) -> Minute:
        minute = self.repo.get(minute_id)
        self.editable_state(minute.meeting_id, f"actions of {minute.label}")
        return minute
