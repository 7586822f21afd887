"""Publishing an agenda: the public and members' packs, the Word and HTML agenda, recorded.

The first publication is the agenda; items added afterwards go out as "Supplement n" with
its own files. A publication never replaces another: its files get new names, and if a file
of that name is already in the folder nothing is written. What was published, when, and the
SHA-256 of each file are recorded so the published set can be proved later.
"""

from __future__ import annotations

import hashlib
from collections.abc import Generator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from clerkdesk.documents.pack import Audience
from clerkdesk.documents.progress import Progress, run_to_end
from clerkdesk.domain.committees import StandingItemKind
from clerkdesk.domain.meetings import LONDON
from clerkdesk.domain.publication import Publication, PublicationKind, PublishedFile
from clerkdesk.domain.validation import Problems
from clerkdesk.errors import ClerkError, ValidationError
from clerkdesk.services.base import Service, current_actor
from clerkdesk.store.publication_repo import PublicationRepository


@dataclass(frozen=True)
class PublishResult:
    publication: Publication
    folder: Path
    paths: tuple[Path, ...]
    compliance: object | None  # PublicationCompliance for the agenda itself
    warnings: tuple[str, ...]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class PublishingService(Service):
    def __init__(self, store, services):
        super().__init__(store)
        self.s = services
        self.repo = PublicationRepository(self.db)

    def history(self, meeting_id: int) -> list[Publication]:
        return self.repo.for_meeting(meeting_id)

    def next_supplement(self, meeting_id: int) -> int:
        """0 when the agenda itself is next to publish, else the supplement's number."""
        published = self.s.agenda.published_supplement_count(meeting_id)
        return 0 if published is None else published + 1

    def _check_ready(self, meeting_id: int, supplement: int) -> None:
        if supplement:
            pending = [i for i in self.s.agenda.items(meeting_id) if i.supplement == supplement]
            if not pending:
                raise ClerkError(
                    "Nothing new to publish: the agenda has been published and no items have "
                    "been added since. Items added now go into a supplementary agenda."
                )
        problems = Problems()
        for number, item in self.s.packs.numbered_items(meeting_id, supplement):
            try:
                item.validate()
            except ValidationError as exc:
                for problem in exc.problems:
                    problems.add(f"Item {number}: {problem}")
        problems.raise_if_any()

    def publish_steps(self, meeting_id: int, out_dir: Path, now: datetime | None = None
                      ) -> Generator[Progress, None, PublishResult]:
        meeting = self.s.meetings.get(meeting_id)
        committee = self.s.committees.get(meeting.committee_id)
        supplement = self.next_supplement(meeting_id)
        self._check_ready(meeting_id, supplement)
        now = (now or datetime.now(LONDON)).astimezone(LONDON)
        folder = Path(out_dir) / f"{meeting.date:%Y-%m-%d} {committee.code}"
        stem = f"{committee.code} {meeting.date:%Y-%m-%d} " + (
            f"supplement {supplement}" if supplement else "agenda")
        targets = {
            "public": folder / f"{stem} pack (public).pdf",
            "members": folder / f"{stem} pack (members, not for publication).pdf",
            "docx": folder / f"{stem}.docx",
            "html": folder / f"{stem}.html",
        }
        existing = [path.name for path in targets.values() if path.exists()]
        if existing:
            raise ClerkError(
                f"{folder} already holds {', '.join(existing)}; a publication is never "
                "overwritten. Choose another folder."
            )
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ClerkError(f"Cannot create the folder {folder}: {exc.strerror}.") from exc
        # One reading of the records for both packs and both front sheets.
        packs = self.s.packs
        spec, context = packs.spec_and_context(meeting_id, supplement=supplement,
                                               published_on=now.date())
        written: list[Path] = []
        try:
            # Listed before each pack is built: a pack is in place by its last progress step,
            # and a cancel at that step must still take it away.
            written.append(targets["public"])
            public = yield from _scaled(
                packs.steps_for(spec, targets["public"], Audience.PUBLIC), 0, 50)
            written.append(targets["members"])
            members = yield from _scaled(
                packs.steps_for(spec, targets["members"], Audience.MEMBERS), 50, 90)
            yield Progress(92, 100, "Writing the Word and web agenda")
            for fmt in ("docx", "html"):
                packs.write_front_sheet(meeting_id, fmt, targets[fmt], ranges=public.ranges,
                                        context=context)
                written.append(targets[fmt])
        except BaseException:
            # Cancelled or failed: a half-published set must not look like a publication.
            for path in written:
                path.unlink(missing_ok=True)
            raise
        yield Progress(97, 100, "Recording the publication")
        result = self._record(meeting, committee, supplement, now, folder, targets)
        warnings = list(public.warnings) + [w for w in members.warnings
                                             if w not in public.warnings]
        if result.compliance is not None and not result.compliance.achieved.met:
            warnings.append(result.compliance.achieved.explanation.splitlines()[-1])
        yield Progress(100, 100, "Published")
        return replace(result, warnings=tuple(warnings))

    def _record(self, meeting, committee, supplement, now, folder, targets) -> PublishResult:
        files = tuple(
            PublishedFile(path.name, Audience.MEMBERS if key == "members" else Audience.PUBLIC,
                          _sha256(path), path.stat().st_size)
            for key, path in targets.items()
        )
        kind = PublicationKind.SUPPLEMENT if supplement else PublicationKind.AGENDA
        previous = [p for p in self.repo.for_meeting(meeting.id)
                    if p.kind is kind and p.supplement == supplement]
        publication = Publication(
            None, meeting.id, kind, len(previous) + 1, now, supplement=supplement,
            recorded_by=current_actor(), folder=str(folder), files=files,
        )
        label = publication.label
        with self._change("publish", "meeting") as record:
            publication = replace(publication, id=self.repo.insert(publication))
            record(meeting.id, f"{label} published {now:%d/%m/%Y %H:%M} "
                               f"({', '.join(f.sha256[:12] for f in files)})")
        if not supplement and any(item.standing_kind is StandingItemKind.ACTION_LOG
                                  for item in self.s.agenda.items(meeting.id)):
            # The log has now been reported once: completed actions can drop off next time.
            self.s.actions.record_log_issued(committee.id, now.date(), meeting.id)
        compliance = None if supplement else self.s.deadlines.for_meeting(meeting.id).compliance
        return PublishResult(publication, folder, tuple(targets.values()), compliance, ())

    def publish(self, meeting_id: int, out_dir: Path, now: datetime | None = None
                ) -> PublishResult:
        return run_to_end(self.publish_steps(meeting_id, out_dir, now))


def _scaled(steps, start: int, end: int):
    """Run a sub-job's steps, mapping its 0-100 progress onto start-end of this job."""
    try:
        step = next(steps)
        while True:
            fraction = step.done / step.total if step.total else 0
            yield Progress(start + int((end - start) * fraction), 100, step.label)
            step = next(steps)
    except StopIteration as finished:
        return finished.value
