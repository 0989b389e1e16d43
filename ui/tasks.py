# SPDX-License-Identifier: Apache-2.0
"""Run work off the GUI thread and get its result back on the GUI thread (Picard's ``run_task``).

``run_task(fn, on_done, on_error, progress)`` runs ``fn(ctx)`` on a ``QThreadPool``. ``ctx`` is a
:class:`TaskContext`: the worker reports progress with ``ctx.progress(done, total)`` and checks
``ctx.cancelled`` (``ctx.progress`` and ``ctx.check()`` raise ``app.errors.Cancelled``, the product's
one cancellation type, once the user has cancelled; so may any service the worker calls).
``on_done(result)``, ``on_error(exc)``, ``progress(done, total)`` and ``on_cancelled()`` always run
on the GUI thread, through queued signals of a :class:`Task` that lives there. Workers never touch
widgets.

Cancelling is a request: a function that finishes anyway still hands its result to ``on_done`` (so a
workspace it opened is not leaked); one that raises ``Cancelled`` ends in ``on_cancelled``.

If the callbacks belong to a widget that is destroyed before the work ends, they are skipped rather
than called on a dead C++ object: pass ``owner=`` or use bound methods of a QObject.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.errors import Cancelled

T = TypeVar("T")

#: Minimum seconds between two progress signals (the last one always goes through).
PROGRESS_INTERVAL = 0.03

#: Tasks whose outcome has not reached the GUI thread yet; holds them alive until it has.
_pending: set[Task[Any]] = set()


class TaskContext:
    """What a worker function receives: a cancel flag and a progress reporter; safe from any thread."""

    def __init__(self, emit_progress: Callable[[int, int], None]) -> None:
        self._cancel = threading.Event()
        self._emit = emit_progress
        self._last = 0.0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int) -> None:
        """Report progress (throttled) and stop here if cancelled: usable as a service's callback."""
        self.check()
        now = time.monotonic()
        if done >= total or now - self._last >= PROGRESS_INTERVAL:
            self._last = now
            self._emit(done, total)


class Task(QObject, Generic[T]):
    """Handle on one background task; lives on the GUI thread so its signals are delivered there."""

    #: Emitted on the GUI thread after the task's callback ran, whatever the outcome.
    finished = Signal()

    _succeeded = Signal(object)
    _failed = Signal(object)
    _was_cancelled = Signal()
    _progressed = Signal(int, int)

    def __init__(
        self,
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
        progress: Callable[[int, int], None] | None,
        on_cancelled: Callable[[], None] | None,
        owner: QObject | None,
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = progress
        self._on_cancelled = on_cancelled
        self._owner = owner
        self.context = TaskContext(self._progressed.emit)
        self.done = False
        self._succeeded.connect(self._deliver_result)
        self._failed.connect(self._deliver_error)
        self._was_cancelled.connect(self._deliver_cancelled)
        self._progressed.connect(self._deliver_progress)

    def cancel(self) -> None:
        """Ask the worker to stop at its next check."""
        self.context.cancel()

    @property
    def cancelled(self) -> bool:
        return self.context.cancelled

    def _owner_alive(self) -> bool:
        return self._owner is None or shiboken6.isValid(self._owner)

    def _finish(self, call: Callable[[], None]) -> None:
        self.done = True
        _pending.discard(self)
        try:
            if self._owner_alive():
                call()
        finally:
            self.finished.emit()

    @Slot(object)
    def _deliver_result(self, result: T) -> None:
        self._finish(lambda: self._on_done(result))

    @Slot(object)
    def _deliver_error(self, exc: BaseException) -> None:
        self._finish(lambda: self._on_error(exc))

    @Slot()
    def _deliver_cancelled(self) -> None:
        on_cancelled = self._on_cancelled
        self._finish(on_cancelled if on_cancelled is not None else lambda: None)

    @Slot(int, int)
    def _deliver_progress(self, done: int, total: int) -> None:
        if self._on_progress is not None and not self.done and self._owner_alive():
            self._on_progress(done, total)


class _Runnable(QRunnable):
    """Runs the function on a pool thread and reports its outcome through the task's signals."""

    def __init__(self, task: Task[Any], fn: Callable[[TaskContext], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task = task
        self._fn = fn

    def run(self) -> None:
        task = self._task
        try:
            result = self._fn(task.context)
        except Cancelled:
            task._was_cancelled.emit()
        except BaseException as exc:  # any failure is the GUI's to report, never the pool's to swallow
            task._failed.emit(exc)
        else:
            task._succeeded.emit(result)
        finally:
            self._task = None  # type: ignore[assignment]
            self._fn = None  # type: ignore[assignment]


def run_task(
    fn: Callable[[TaskContext], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
    progress: Callable[[int, int], None] | None = None,
    *,
    on_cancelled: Callable[[], None] | None = None,
    owner: QObject | None = None,
    pool: QThreadPool | None = None,
) -> Task[T]:
    """Run ``fn(ctx)`` on ``pool`` (the global pool by default); callbacks run on the GUI thread.

    Call it from the GUI thread. ``owner`` defaults to the QObject that ``on_done`` is a bound method
    of, if any; the callbacks are skipped once it is destroyed.
    """
    if owner is None:
        bound = getattr(on_done, "__self__", None)
        owner = bound if isinstance(bound, QObject) else None
    task: Task[T] = Task(on_done, on_error, progress, on_cancelled, owner)
    _pending.add(task)
    (pool or QThreadPool.globalInstance()).start(_Runnable(task, fn))
    return task


class LatestRead(Generic[T]):
    """A page's reads of its snapshot, of which only the newest is shown: starting a read cancels the one
    still running, and what an older read brings (a result or an error) is dropped — as is what a read
    brings after :meth:`forget` (the workspace changed or closed)."""

    def __init__(self, owner: QObject) -> None:
        self._owner = owner
        self._generation = 0
        #: The newest read (None before the first).
        self.task: Task[T] | None = None

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.done

    def start(
        self,
        fn: Callable[[TaskContext], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> Task[T]:
        """Read with ``fn`` off the GUI thread; ``on_done`` / ``on_error`` only if no newer read started."""
        if self.task is not None and not self.task.done:
            self.task.cancel()
        self._generation += 1
        generation = self._generation

        def newest() -> bool:
            return generation == self._generation

        self.task = run_task(
            fn,
            lambda result: on_done(result) if newest() else None,
            lambda exc: on_error(exc) if newest() else None,
            on_cancelled=lambda: None,
            owner=self._owner,
        )
        return self.task

    def forget(self) -> None:
        """Drop whatever the read still running brings."""
        self._generation += 1


def pending_tasks() -> list[Task[Any]]:
    """Tasks whose outcome has not been delivered yet (for shutdown and for tests)."""
    return list(_pending)


def cancel_all(owner: QObject | None = None) -> None:
    """Ask every pending task to stop; with ``owner``, only tasks owned by it or its children."""
    for task in list(_pending):
        if owner is None or _owned_by(task._owner, owner):
            task.cancel()


def _owned_by(obj: QObject | None, owner: QObject) -> bool:
    while obj is not None and shiboken6.isValid(obj):
        if obj is owner:
            return True
        obj = obj.parent()
    return False
