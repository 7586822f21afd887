"""The minutes feed the action log: each minute's "(Action: ...)" becomes one log entry.

Publishing draft minutes stores typed action lines as minute actions and then calls
``add_meeting``, which puts every minute action not yet taken up on the committee's action
log through ``ActionService.create_from_minute``. It is safe to call again at any time:
``minute_action_links`` remembers which entry each minute action became (or that the clerk
has since deleted that entry), so nothing is ever added twice.

An entry the clerk already typed into the log for the same minute (same meeting and minute
number, not yet linked to a minute action) is linked instead of duplicated: entries with
the same wording are paired first, the rest in the order they were written. Linking points
the entry at the minute and keeps everything else about it (its text, officers, progress).

The minutes name a post ("Democratic Services Officer"); the log names the person
(domain.md §3.5). A post held by exactly one officer on record becomes that person; when
several officers share the post, the committee's clerk is chosen if the clerk is one of
them; otherwise the post is kept as written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from clerkdesk.domain.actions import Action
from clerkdesk.domain.minutes import MinuteAction
from clerkdesk.domain.people import PersonKind
from clerkdesk.services.actions import ActionService
from clerkdesk.services.minutes_base import MinutesBase
from clerkdesk.store.actions_repo import ActionRepository
from clerkdesk.store.minute_action_links_repo import MinuteActionLinkRepository


def _same_words(a: str, b: str) -> bool:
    def squash(text: str) -> str:
        return " ".join(text.casefold().split()).rstrip(".;:, ")

    return squash(a) == squash(b)


class MinuteActionLog(MinutesBase):
    def __init__(self, store):
        super().__init__(store)
        self.links = MinuteActionLinkRepository(self.db)
        self.log = ActionService(store)
        self.log_repo = ActionRepository(self.db)

    def entry_for(self, minute_action_id: int) -> Action | None:
        """The log entry a minute action became, if it has been taken up and not deleted."""
        link = self.links.for_minute_actions([minute_action_id]).get(minute_action_id)
        return self.log_repo.get(link.action_id) if link and link.action_id else None

    def add_meeting(self, meeting_id: int) -> list[Action]:
        """Put every minute action of the meeting not yet taken up on the action log.
        Returns the entries created or linked by this call."""
        self.meetings.get(meeting_id)
        return self._add(meeting_id, self.repo.actions_for_meeting(meeting_id))

    def add_minute(self, minute_id: int) -> list[Action]:
        minute = self.repo.get(minute_id)
        return self._add(minute.meeting_id, self.repo.actions_for_minute(minute_id))

    # -- the work ---------------------------------------------------------------------------
    def _add(self, meeting_id: int, minute_actions: list[MinuteAction]) -> list[Action]:
        done = self.links.for_minute_actions(a.id for a in minute_actions)
        pending = [a for a in minute_actions if a.id not in done]
        if not pending:
            return []
        meeting = self.meetings.get(meeting_id)
        typed_by_hand = self._unlinked_entries(meeting_id)
        results: list[Action] = []
        with self._audited("action log") as record:
            for minute_action, existing in self._pairs(pending, typed_by_hand):
                if existing is not None:
                    entry = self.log.update(replace(existing, minute_id=minute_action.minute_id,
                                                    minute_number=str(minute_action.minute_number)))
                else:
                    entry = self.log.create_from_minute(
                        meeting.committee_id, meeting_id, minute_action.minute_id,
                        minute_action.minute_number, minute_action.item_title,
                        minute_action.forward_plan_ref,
                        self._officers(minute_action.responsible, meeting.committee_id),
                        minute_action.text,
                    )
                self.links.link(minute_action.id, entry.id, adopted=existing is not None)
                results.append(entry)
            linked = sum(1 for a in results if a.id in {e.id for e in typed_by_hand})
            record(meeting_id, f"{len(results)} action(s) from the minutes put on the action "
                               f"log ({linked} already there, linked)")
        return results

    def _unlinked_entries(self, meeting_id: int) -> list[Action]:
        taken = self.links.linked_action_ids()
        return [a for a in self.log_repo.for_meeting(meeting_id) if a.id not in taken]

    @staticmethod
    def _pairs(pending: list[MinuteAction], entries: list[Action]):
        """Each pending minute action with the hand-typed entry it matches, or None."""
        free = list(entries)

        def candidates(minute_action: MinuteAction) -> list[Action]:
            return [e for e in free
                    if e.minute_number.strip() == str(minute_action.minute_number)
                    and e.minute_id in (None, minute_action.minute_id)]

        chosen: dict[int, Action] = {}
        for minute_action in pending:  # the same wording first ...
            same = [e for e in candidates(minute_action) if _same_words(e.text, minute_action.text)]
            if same:
                chosen[minute_action.id] = same[0]
                free.remove(same[0])
        for minute_action in pending:  # ... then the rest in order
            if minute_action.id not in chosen and (left := candidates(minute_action)):
                chosen[minute_action.id] = left[0]
                free.remove(left[0])
        return [(a, chosen.get(a.id)) for a in pending]

    def _officers(self, responsible: str, committee_id: int) -> list[int | str]:
        """Each post written in the minutes ("A/ B" lists two) as a person where one is
        certain, else as the post."""
        clerk_id = self.committees.get(committee_id).clerk_id
        officers = [p for p in self.people.list() if p.kind is PersonKind.OFFICER]
        chosen: list[int | str] = []
        for post in _posts(responsible):
            holders = [p.id for p in officers if _same_words(p.post, post)]
            if len(holders) == 1:
                chosen.append(holders[0])
            elif clerk_id in holders:
                chosen.append(clerk_id)
            else:
                chosen.append(post)
        return chosen


def _posts(responsible: str) -> Iterable[str]:
    return [part.strip() for part in responsible.split("/") if part.strip()]
