"""The one progress dialog for background jobs (architecture pattern 5).

It stays hidden for a short delay, so a job that finishes at once never flashes a dialog,
then shows the job's own words ("Reading 'Free School Proposals'") and a Cancel button.
Cancel asks the task to stop; the dialog closes when the task reports it has finished.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from clerkdesk.documents.progress import Progress
from clerkdesk.ui.tasks import BackgroundTask

SHOW_AFTER_MS = 300
# QProgressDialog would pop itself up from its own estimate of the time left, which jumps
# about with uneven steps; this keeps its estimate out of it, so only our timer shows it.
_NEVER_BY_ESTIMATE_MS = 24 * 60 * 60 * 1000


class TaskProgress(QObject):
    """Shows ``task``'s progress in a window-modal dialog over ``parent``."""

    def __init__(self, task: BackgroundTask, title: str, parent: QWidget,
                 show_after_ms: int = SHOW_AFTER_MS):
        super().__init__(parent)
        self.task = task
        self.dialog = QProgressDialog(title, "Cancel", 0, 100, parent)
        self.dialog.setWindowTitle("ClerkDesk")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        # The task decides when it is over: reaching 100 % must not close or reset it.
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        self.dialog.setMinimumWidth(420)
        self.dialog.setMinimumDuration(_NEVER_BY_ESTIMATE_MS)
        self.dialog.hide()
        self.dialog.canceled.connect(self._on_dialog_canceled)
        task.progress.connect(self._on_task_progress)
        task.finished.connect(self._on_task_finished)
        self.show_timer = QTimer(self)
        self.show_timer.setSingleShot(True)
        self.show_timer.timeout.connect(self._on_show_timer_timeout)
        self.show_timer.start(show_after_ms)

    def _on_show_timer_timeout(self) -> None:
        if not self.task.is_finished and not self.dialog.wasCanceled():
            self.dialog.show()

    def _on_task_progress(self, step: Progress) -> None:
        if self.dialog.wasCanceled():
            return
        self.dialog.setLabelText(step.label)
        self.dialog.setMaximum(max(step.total, 1))
        self.dialog.setValue(min(step.done, max(step.total, 1)))

    def _on_dialog_canceled(self) -> None:
        self.task.cancel()

    def _on_task_finished(self) -> None:
        self.show_timer.stop()
        self.dialog.canceled.disconnect(self._on_dialog_canceled)
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.deleteLater()


def show_progress(task: BackgroundTask, title: str, parent: QWidget) -> TaskProgress:
    return TaskProgress(task, title, parent)
