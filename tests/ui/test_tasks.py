# SPDX-License-Identifier: Apache-2.0
"""run_task: work runs off the GUI thread; results, errors, progress and cancel come back on it."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import QObject, QThreadPool

from app.errors import Cancelled
from ui import tasks
from ui.tasks import TaskContext, run_task


def wait_done(qtbot: Any, task: tasks.Task[Any]) -> None:
    qtbot.waitUntil(lambda: task.done, timeout=5000)


def test_result_arrives_on_the_gui_thread(qtbot: Any) -> None:
    gui = threading.get_ident()
    seen: dict[str, Any] = {}

    def work(_ctx: TaskContext) -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["callback"] = threading.get_ident()

    task = run_task(work, done, lambda exc: pytest.fail(str(exc)))
    wait_done(qtbot, task)
    assert seen["value"] == 42
    assert seen["worker"] != gui
    assert seen["callback"] == gui
    assert tasks.pending_tasks() == []


def test_errors_go_to_on_error_not_the_pool(qtbot: Any) -> None:
    errors: list[BaseException] = []

    def work(_ctx: TaskContext) -> None:
        raise ValueError("boom")

    task = run_task(work, lambda _v: pytest.fail("no result expected"), errors.append)
    wait_done(qtbot, task)
    assert len(errors) == 1
    assert isinstance(errors[0], ValueError)


def test_progress_is_reported_on_the_gui_thread_and_ends_at_total(qtbot: Any) -> None:
    gui = threading.get_ident()
    reports: list[tuple[int, int, bool]] = []

    def work(ctx: TaskContext) -> str:
        for i in range(1, 6):
            time.sleep(tasks.PROGRESS_INTERVAL + 0.005)
            ctx.progress(i, 5)
        return "ok"

    task = run_task(
        work,
        lambda _v: None,
        lambda exc: pytest.fail(str(exc)),
        lambda d, t: reports.append((d, t, threading.get_ident() == gui)),
    )
    wait_done(qtbot, task)
    assert reports, "progress must be reported"
    assert all(on_gui for _d, _t, on_gui in reports)
    assert reports[-1][:2] == (5, 5)
    assert [d for d, _t, _g in reports] == sorted(d for d, _t, _g in reports)


def test_cancel_stops_the_worker_at_its_next_check(qtbot: Any) -> None:
    started = threading.Event()
    steps: list[int] = []
    outcome: list[str] = []

    def work(ctx: TaskContext) -> None:
        started.set()
        for i in range(10_000):
            steps.append(i)
            ctx.progress(i, 10_000)
            time.sleep(0.001)

    task = run_task(
        work,
        lambda _v: outcome.append("done"),
        lambda exc: outcome.append(f"error {exc!r}"),
        on_cancelled=lambda: outcome.append("cancelled"),
    )
    assert started.wait(5)
    task.cancel()
    wait_done(qtbot, task)
    assert outcome == ["cancelled"]
    assert len(steps) < 10_000


def test_a_result_that_arrives_after_cancel_is_still_delivered(qtbot: Any) -> None:
    """Cancelling is a request: work that finished anyway must not be lost (e.g. an opened workspace)."""
    release = threading.Event()
    results: list[str] = []

    def work(_ctx: TaskContext) -> str:
        release.wait(5)
        return "finished"

    task = run_task(work, results.append, lambda exc: pytest.fail(str(exc)))
    task.cancel()
    release.set()
    wait_done(qtbot, task)
    assert results == ["finished"]


def test_callbacks_are_skipped_once_their_owner_is_destroyed(qtbot: Any) -> None:
    release = threading.Event()
    calls: list[str] = []

    class Owner(QObject):
        def on_done(self, value: str) -> None:
            calls.append(value)

    owner = Owner()
    task = run_task(lambda _ctx: release.wait(5) and "late", owner.on_done, lambda exc: calls.append("error"))
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=2000)
    release.set()
    wait_done(qtbot, task)
    assert calls == []


def _alive(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_raising_cancelled_without_a_handler_ends_quietly(qtbot: Any) -> None:
    def work(_ctx: TaskContext) -> None:
        raise Cancelled

    task = run_task(work, lambda _v: pytest.fail("no result"), lambda exc: pytest.fail(str(exc)))
    wait_done(qtbot, task)
    assert task.done


def test_a_separate_pool_can_serialise_work(qtbot: Any) -> None:
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    order: list[int] = []
    active = {"now": 0, "max": 0}
    lock = threading.Lock()

    def work(n: int) -> Any:
        def run(_ctx: TaskContext) -> int:
            with lock:
                active["now"] += 1
                active["max"] = max(active["max"], active["now"])
            time.sleep(0.01)
            with lock:
                active["now"] -= 1
            return n

        return run

    started = [
        run_task(work(n), order.append, lambda exc: pytest.fail(str(exc)), pool=pool) for n in range(4)
    ]
    qtbot.waitUntil(lambda: all(t.done for t in started), timeout=5000)
    assert active["max"] == 1
    assert sorted(order) == [0, 1, 2, 3]
    assert pool.waitForDone(1000)


def test_dangling_fixture_notices_undelivered_work(qtbot: Any) -> None:
    """The conftest check relies on pending_tasks(): a task is pending until its result is delivered."""
    release = threading.Event()
    task = run_task(lambda _ctx: release.wait(5), lambda _v: None, lambda exc: None)
    assert task in tasks.pending_tasks()
    release.set()
    wait_done(qtbot, task)
    assert task not in tasks.pending_tasks()


def test_cancel_all_for_an_owner_spares_other_owners_tasks(qtbot: Any) -> None:
    release = threading.Event()
    window, other = QObject(), QObject()
    child = QObject(window)
    mine = run_task(lambda _ctx: release.wait(5), lambda _v: None, lambda _e: None, owner=child)
    theirs = run_task(lambda _ctx: release.wait(5), lambda _v: None, lambda _e: None, owner=other)
    tasks.cancel_all(owner=window)
    assert mine.cancelled
    assert not theirs.cancelled
    release.set()
    qtbot.waitUntil(lambda: mine.done and theirs.done, timeout=5000)


def test_a_service_stopped_by_the_cancel_flag_ends_in_on_cancelled_not_on_error(qtbot: Any) -> None:
    """One cancellation type: a service that stops at the user's cancel (here the byte meter of a
    package build) ends the task as cancelled, never as an error box saying "cancelled"."""
    from app.bundles.stream import Meter

    outcome: list[str] = []

    def work(ctx: TaskContext) -> None:
        ctx.cancel()
        Meter(total=10, cancel=lambda: ctx.cancelled).step(1)

    task = run_task(
        work,
        lambda _v: outcome.append("done"),
        lambda exc: outcome.append(f"error {exc!r}"),
        on_cancelled=lambda: outcome.append("cancelled"),
    )
    wait_done(qtbot, task)
    assert outcome == ["cancelled"]
    assert Cancelled().code == "cancelled"


def test_a_page_shows_only_its_newest_read(qtbot: Any) -> None:
    """An older read that finishes late (it ignored its cancel) never overwrites the newer one; after
    forget() (the workspace closed) nothing a read brings is shown."""
    owner = QObject()
    reads: tasks.LatestRead[str] = tasks.LatestRead(owner)
    shown: list[str] = []
    release = threading.Event()

    def failed(_exc: BaseException) -> None:
        shown.append("error")

    older = reads.start(lambda _ctx: release.wait(5) and "older", shown.append, failed)
    newer = reads.start(lambda _ctx: "newer", shown.append, failed)
    assert older.cancelled
    wait_done(qtbot, newer)
    release.set()  # the older read comes back anyway, with a result
    wait_done(qtbot, older)
    assert shown == ["newer"]
    assert not reads.running

    failing = reads.start(lambda _ctx: 1 / 0, shown.append, failed)
    reads.forget()
    wait_done(qtbot, failing)
    assert shown == ["newer"]
