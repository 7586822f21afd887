"""The one way the GUI runs work off its own thread (architecture patterns 4 and 5).

A ``BackgroundTask`` runs a job on ``QThreadPool`` and reports back on the GUI thread:
``progress``, then exactly one of ``succeeded``, ``failed`` or ``cancelled``, then
``finished``. A job is a generator of ``Progress`` (``run_steps``); between two steps the
worker checks the cancel flag, and on cancel it closes the generator, so the job's own
clean-up runs (a pack being built removes its temporary file) and nothing half-made is left.

Workers never touch widgets or the GUI thread's SQLite connection: they get plain data (a
database path, ids, a file path) and open their own ``Services`` with ``worker_services``.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from clerkdesk.documents.progress import Progress
from clerkdesk.errors import ClerkError
from clerkdesk.services.registry import Services
from clerkdesk.ui import error_dialog

Steps = Generator[Progress, None, Any]


class TaskCancelled(Exception):
    """Raised inside the worker when the clerk cancelled; reported as ``cancelled``."""


@contextmanager
def worker_services(db_path: str | Path) -> Iterator[Services]:
    """Services on the worker's own connection to the database the GUI has open.

    The GUI holds the database's file lock, so the worker opens without taking it (a
    second ``Services.open`` would be refused as "in use by another ClerkDesk"). SQLite's
    WAL journal lets this connection read and write beside the GUI thread's one.
    """
    services = Services.open_for_worker(db_path)
    try:
        yield services
    finally:
        services.close()


def drive(steps: Steps, cancel_requested: Callable[[], bool],
          report: Callable[[Progress], None]) -> Any:
    """Run a job's steps to its return value; close it and raise TaskCancelled on cancel."""
    try:
        while True:
            if cancel_requested():
                steps.close()  # GeneratorExit runs the job's clean-up at its current step
                raise TaskCancelled
            report(next(steps))
    except StopIteration as finished:
        return finished.value


class _Runner(QRunnable):
    def __init__(self, task: BackgroundTask):
        super().__init__()
        self.task = task  # keeps the task's Python object alive while the worker runs

    def run(self) -> None:  # on a pool thread
        self.task._run_job()


class BackgroundTask(QObject):
    """One job on the thread pool; its signals arrive on the GUI thread."""

    progress = Signal(object)  # Progress
    succeeded = Signal(object)  # what the job returned
    failed = Signal(object)  # the exception it raised
    cancelled = Signal()
    finished = Signal()  # after any of the three outcomes

    # Emitted on the worker thread; queued to the slots below, which run on the GUI thread.
    _stepped = Signal(object)
    _ended = Signal(str, object)

    def __init__(self, make_steps: Callable[[], Steps], parent: QObject | None = None):
        super().__init__(parent)
        self._make_steps = make_steps
        self._cancel = threading.Event()
        self._done = threading.Event()
        self.outcome: str | None = None  # "succeeded", "failed" or "cancelled" once finished
        self.result: Any = None
        self.error: BaseException | None = None
        self._stepped.connect(self._on_stepped, Qt.ConnectionType.QueuedConnection)
        self._ended.connect(self._on_ended, Qt.ConnectionType.QueuedConnection)

    # -- from the GUI thread -----------------------------------------------------------------
    def start(self, pool: QThreadPool | None = None) -> BackgroundTask:
        (pool or QThreadPool.globalInstance()).start(_Runner(self))
        return self

    def cancel(self) -> None:
        """Ask the worker to stop at its next step; ``cancelled`` follows when it has."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    @property
    def is_finished(self) -> bool:
        """True once the outcome has been delivered on the GUI thread."""
        return self.outcome is not None

    def wait_for_worker(self, timeout: float | None = None) -> bool:
        """Block until the worker thread is done (for shutdown and tests)."""
        return self._done.wait(timeout)

    # -- on the worker thread --------------------------------------------------------------
    def _run_job(self) -> None:
        try:
            value = drive(self._make_steps(), self._cancel.is_set, self._emit_step)
        except TaskCancelled:
            kind, value = "cancelled", None
        except BaseException as exc:  # delivered to the GUI thread, which decides
            kind, value = "failed", exc
        else:
            kind = "succeeded"
        self._done.set()
        # RuntimeError: the task object was deleted meanwhile, so nobody is listening.
        with suppress(RuntimeError):
            self._ended.emit(kind, value)

    def _emit_step(self, step: Progress) -> None:
        with suppress(RuntimeError):
            self._stepped.emit(step)

    # -- back on the GUI thread ------------------------------------------------------------
    @Slot(object)
    def _on_stepped(self, step: Progress) -> None:
        if self.outcome is None:
            self.progress.emit(step)

    @Slot(str, object)
    def _on_ended(self, kind: str, value: Any) -> None:
        self.outcome = kind
        if kind == "succeeded":
            self.result = value
            self.succeeded.emit(value)
        elif kind == "failed":
            self.error = value
            self.failed.emit(value)
        else:
            self.cancelled.emit()
        self.finished.emit()


def run_steps(make_steps: Callable[[], Steps]) -> BackgroundTask:
    """Start ``make_steps()`` on the thread pool. It is called on the worker thread, so a
    generator function given plain data (say ``functools.partial(job, db_path, id)``)
    opens its connections there. Keep the returned task: it has no Qt parent, so it lives
    as long as its caller (and the worker) hold it, never shorter."""
    return BackgroundTask(make_steps).start()


def report_failure(parent, exc: BaseException) -> None:
    """Show a job's failure on the GUI thread: a ClerkError as its message, anything else
    (a bug) through the one uncaught-exception handler, which logs it with its traceback."""
    if isinstance(exc, ClerkError):
        error_dialog.show_error(parent, exc)
        return
    sys.excepthook(type(exc), exc, exc.__traceback__)
