"""Building a meeting's agenda pack and publishing its agenda, off the GUI thread.

The jobs below run on a worker thread with plain data only (the database path, ids,
paths); each opens its own connection through ``worker_services``. ``AgendaOutputs``
starts them through the one task helper, shows the one progress dialog, and brings the
outcome back to the page: a summary, a ClerkError message, or nothing after a cancel (a
cancelled job leaves no file behind).
"""

from __future__ import annotations

from datetime import date, datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from clerkdesk.documents.pack import Audience, PackResult
from clerkdesk.domain.meetings import LONDON
from clerkdesk.services.publishing import PublishResult
from clerkdesk.ui.dialogs.publish_summary import SummaryDialog, pack_summary, publish_summary
from clerkdesk.ui.tasks import BackgroundTask, report_failure, run_steps, worker_services
from clerkdesk.ui.ui_settings import ui_settings
from clerkdesk.ui.widgets.progress import TaskProgress, show_progress

PACK_FOLDER_KEY = "agenda/pack_folder"
PUBLISH_FOLDER_KEY = "agenda/publish_folder"


def ask_pack_path(parent: QWidget, suggested: Path) -> Path | None:
    """Where to write the pack; None if the clerk cancelled (tests patch this)."""
    chosen, _filter = QFileDialog.getSaveFileName(parent, "Build the agenda pack",
                                                  str(suggested), "PDF (*.pdf)")
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_name(f"{path.name}.pdf")


def ask_publish_folder(parent: QWidget, start: Path) -> Path | None:
    """The folder to publish into (a dated folder is made inside it); None if cancelled."""
    chosen = QFileDialog.getExistingDirectory(
        parent, "Publish the agenda: choose the folder to publish into", str(start))
    return Path(chosen) if chosen else None


def pack_job(db_path: Path, meeting_id: int, out_path: Path, audience: Audience):
    with worker_services(db_path) as services:
        return (yield from services.packs.pack_steps(meeting_id, out_path, audience))


def publish_job(db_path: Path, meeting_id: int, out_dir: Path, now: datetime):
    with worker_services(db_path) as services:
        return (yield from services.publishing.publish_steps(meeting_id, out_dir, now))


def publication_time(today: date) -> datetime:
    """Now on the London clock, on the page's today (the real one outside tests)."""
    clock = datetime.now(LONDON)
    return datetime.combine(today, clock.time(), LONDON)


class AgendaOutputs(QObject):
    busy_changed = Signal(bool)
    published = Signal(object)  # PublishResult, before its summary is shown
    message = Signal(str)

    def __init__(self, page: QWidget, db_path: Path):
        super().__init__(page)
        self.page = page
        self.db_path = db_path
        self.task: BackgroundTask | None = None
        self.progress: TaskProgress | None = None  # the dialog of the job under way

    @property
    def busy(self) -> bool:
        return self.task is not None

    def build_pack(self, meeting_id: int, audience: Audience, suggested_name: str) -> None:
        if self.busy:
            return
        folder = Path(str(ui_settings().value(PACK_FOLDER_KEY, str(Path.home()))))
        path = ask_pack_path(self.page, folder / suggested_name)
        if path is None:
            return
        ui_settings().setValue(PACK_FOLDER_KEY, str(path.parent))
        who = "public" if audience is Audience.PUBLIC else "members'"
        self._start(partial(pack_job, self.db_path, meeting_id, path, audience),
                    f"Building the {who} agenda pack…", self._on_pack_built)

    def publish(self, meeting_id: int, today: date) -> None:
        if self.busy:
            return
        start = Path(str(ui_settings().value(PUBLISH_FOLDER_KEY, str(Path.home()))))
        folder = ask_publish_folder(self.page, start)
        if folder is None:
            return
        ui_settings().setValue(PUBLISH_FOLDER_KEY, str(folder))
        self._start(partial(publish_job, self.db_path, meeting_id, folder,
                            publication_time(today)),
                    "Publishing the agenda…", self._on_published)

    def _start(self, make_steps, title: str, on_success) -> None:
        self.task = run_steps(make_steps)
        self.progress = show_progress(self.task, title, self.page)
        self.task.finished.connect(lambda task=self.task: self._on_finished(task, on_success))
        self.busy_changed.emit(True)

    def _on_finished(self, task: BackgroundTask, on_success) -> None:
        # The page is usable again before any summary or message is shown over it.
        self.task = self.progress = None
        self.busy_changed.emit(False)
        if task.outcome == "succeeded":
            on_success(task.result)
        elif task.outcome == "failed":
            report_failure(self.page, task.error)
        else:
            self.message.emit("Cancelled: nothing was written.")

    def _on_pack_built(self, result: PackResult) -> None:
        self.message.emit(f"Wrote {result.path} ({result.page_count} pages).")
        heading, text = pack_summary(result)
        SummaryDialog.ask(self.page, heading, text, result.path.parent)

    def _on_published(self, result: PublishResult) -> None:
        # Refreshed first, so the summary sits over an agenda that shows itself locked.
        self.published.emit(result)
        self.message.emit(f"{result.publication.label} published to {result.folder}.")
        heading, text = publish_summary(result)
        SummaryDialog.ask(self.page, heading, text, result.folder)
