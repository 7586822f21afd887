"""The background-task helper and its progress dialog: work off the GUI thread, outcomes
on it, cancel between steps with the job's clean-up run, and a dialog only for slow jobs."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QPushButton, QWidget

from clerkdesk.documents.progress import Progress
from clerkdesk.domain.people import Person, PersonKind
from clerkdesk.errors import ValidationError
from clerkdesk.ui import tasks
from clerkdesk.ui.tasks import run_steps, worker_services
from clerkdesk.ui.widgets.progress import SHOW_AFTER_MS, show_progress

MAIN = threading.main_thread()


def finished(qtbot, task, timeout=5000):
    qtbot.waitUntil(lambda: task.is_finished, timeout=timeout)
    assert task.wait_for_worker(1)


class ShowWatcher(QObject):
    """Records whether a widget was ever shown."""

    def __init__(self, widget):
        super().__init__()
        self.shown = False
        widget.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.Type.Show:
            self.shown = True
        return False


def test_the_job_runs_on_a_worker_and_reports_on_the_gui_thread(qtbot):
    seen = {}

    def job():
        seen["job"] = threading.current_thread()
        for done in range(3):
            yield Progress(done, 3, f"step {done}")
        return "built"

    task = run_steps(job)
    steps, results = [], []
    task.progress.connect(lambda step: steps.append((step, threading.current_thread())))
    task.succeeded.connect(lambda value: results.append((value, threading.current_thread())))
    finished(qtbot, task)
    assert seen["job"] is not MAIN
    assert [step.label for step, _ in steps] == ["step 0", "step 1", "step 2"]
    assert all(thread is MAIN for _, thread in steps)
    assert results == [("built", MAIN)]
    assert task.outcome == "succeeded" and task.result == "built"


def test_cancel_closes_the_job_between_steps_and_runs_its_clean_up(qtbot):
    gate, cleaned_up, reached = threading.Event(), [], []

    def job():
        try:
            yield Progress(1, 3, "first")
            gate.wait(5)
            yield Progress(2, 3, "second")
            reached.append("the end")
            yield Progress(3, 3, "third")
        finally:
            cleaned_up.append(True)  # where a pack removes its temporary file

    task = run_steps(job)
    outcomes = []
    task.succeeded.connect(lambda _value: outcomes.append("succeeded"))
    task.cancelled.connect(lambda: outcomes.append("cancelled"))
    with qtbot.waitSignal(task.progress, timeout=2000):
        pass
    task.cancel()
    gate.set()
    finished(qtbot, task)
    assert outcomes == ["cancelled"]
    assert cleaned_up == [True] and reached == []


def test_a_clerk_error_comes_back_as_a_failure_and_is_shown(qtbot, shown_errors):
    def job():
        yield Progress(0, 1, "checking")
        raise ValidationError("Item 7: 'Appendix 2' is exempt but has no public-interest note.")

    task = run_steps(job)
    failures = []
    task.failed.connect(failures.append)
    finished(qtbot, task)
    assert task.outcome == "failed" and isinstance(failures[0], ValidationError)
    tasks.report_failure(None, failures[0])
    assert shown_errors == failures


def test_an_unexpected_error_goes_to_the_one_exception_handler(qtbot, monkeypatch,
                                                               shown_errors):
    def job():
        yield Progress(0, 1, "working")
        raise KeyError("bug")

    task = run_steps(job)
    finished(qtbot, task)
    handled = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: handled.append(info))
    tasks.report_failure(None, task.error)
    assert handled[0][0] is KeyError and handled[0][2] is not None  # with its traceback
    assert shown_errors == []


def test_a_worker_opens_its_own_connection_beside_the_locked_gui_one(qtbot, services, make):
    make.council()
    path = services.store.path

    def job():
        with worker_services(path) as own:  # the GUI's Services still holds the lock
            yield Progress(0, 1, "adding")
            own.people.add(Person(id=None, kind=PersonKind.COUNCILLOR, forenames="Sam",
                                  surname="Fromtheworker", title="Councillor"))
            return [p.surname for p in own.people.list()]

    task = run_steps(job)
    finished(qtbot, task)
    assert task.outcome == "succeeded", task.error
    assert "Fromtheworker" in task.result
    assert "Fromtheworker" in [p.surname for p in services.people.list()]


def test_the_progress_dialog_waits_then_shows_and_its_cancel_stops_the_job(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    gate = threading.Event()

    def job():
        yield Progress(10, 100, "Reading 'Free School Proposals'")
        while not gate.wait(0.02):
            yield Progress(20, 100, "Checking page 1 of 20")

    task = run_steps(job)
    progress = show_progress(task, "Building the public agenda pack…", parent)
    assert not progress.dialog.isVisible()  # nothing flashes for a quick job
    qtbot.waitUntil(progress.dialog.isVisible, timeout=SHOW_AFTER_MS + 2000)
    assert progress.dialog.labelText() in {"Reading 'Free School Proposals'",
                                           "Checking page 1 of 20"}
    qtbot.mouseClick(progress.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    finished(qtbot, task)
    gate.set()
    assert task.outcome == "cancelled"


def test_a_quick_job_never_shows_the_dialog(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    def job():
        yield Progress(50, 100, "half")
        return 1

    task = run_steps(job)
    watcher = ShowWatcher(show_progress(task, "Quick", parent).dialog)
    finished(qtbot, task)
    qtbot.wait(SHOW_AFTER_MS + 150)
    assert not watcher.shown
