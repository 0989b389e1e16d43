# SPDX-License-Identifier: Apache-2.0
"""The one wiring of long work to a progress dialog: ``run_with_progress`` = ``run_task`` + a
``QProgressDialog`` with a cancel button that closes on every outcome before the caller's callback runs.

Use it for anything a user waits for (opening a package, building packages, a demo, a merge): the GUI
never freezes, progress is shown, and cancel reaches the worker through ``TaskContext``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.tasks import Task, TaskContext, run_task

T = TypeVar("T")

#: Milliseconds of work before the dialog appears, so quick work does not flash a window.
SHOW_AFTER_MS = 300


def run_with_progress(
    parent: QWidget,
    fn: Callable[[TaskContext], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
    *,
    label: str,
    title: str,
    cancel_text: str,
    on_cancelled: Callable[[], None] | None = None,
    pool: QThreadPool | None = None,
    object_name: str = "",
    show_after_ms: int = SHOW_AFTER_MS,
    maximum: int = 100,
) -> Task[T]:
    """Run ``fn`` off the GUI thread behind a modal progress dialog owned by ``parent``.

    The dialog's cancel button asks the task to stop; the dialog is closed before ``on_done``,
    ``on_error`` or ``on_cancelled`` runs, so a callback may open another window at once.
    """
    dialog = QProgressDialog(label, cancel_text, 0, maximum, parent)
    if object_name:
        dialog.setObjectName(object_name)
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(show_after_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(420)
    dialog.setValue(0)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, total))

    task: Task[T] | None = None

    def close() -> None:
        # QProgressDialog.close() emits canceled(); the work is over, so nothing may listen any more.
        if task is not None:
            dialog.canceled.disconnect(task.cancel)
        dialog.close()
        dialog.deleteLater()

    def done(result: T) -> None:
        close()
        on_done(result)

    def failed(exc: BaseException) -> None:
        close()
        on_error(exc)

    def cancelled() -> None:
        close()
        if on_cancelled is not None:
            on_cancelled()

    task = run_task(fn, done, failed, progress, on_cancelled=cancelled, owner=parent, pool=pool)
    dialog.canceled.connect(task.cancel)
    if show_after_ms == 0:
        dialog.show()
    return task
