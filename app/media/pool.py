# SPDX-License-Identifier: Apache-2.0
"""A pool of worker processes that runs one media probe per file, each bounded in time and memory.

A hostile file may make a parser loop, eat memory or crash outright. Each job therefore runs in a
separate process: a job that passes its time limit is killed (and its worker replaced), a worker that
dies (segfault, out of memory) is reported and replaced, and the other jobs go on. ``concurrent.futures``
cannot kill one running job, so the pool is written on ``multiprocessing`` connections directly.

By default workers never fork the calling process (the GUI calls this from a worker thread, and forking a
process that has threads is unsafe): they fork from a ``forkserver`` that has the parsers already
imported (a new worker is ready in milliseconds), or ``spawn`` where there is no forkserver. A caller
that knows it has no other thread (the command line) may ask for ``start_method="fork"``. (A frozen build must
call ``multiprocessing.freeze_support()`` in its main.)
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from app.errors import Cancelled

#: Address space each worker may use; PyMuPDF and FFmpeg need a few hundred MB on the worst real file.
DEFAULT_MEMORY_BYTES = 2 * 1024 * 1024 * 1024
#: How often the dispatcher wakes up to look at the cancel flag while every worker is busy.
POLL_SECONDS = 0.1
#: How long a new worker may take to start (Python, then the preloaded modules) before it counts as
#: dead; a job's own time bound starts only once its worker is ready, so a slow start never eats it.
BOOT_SECONDS = 120.0
_READY = "ready"

#: Outcome kinds.
OK = "ok"
TIMEOUT = "timeout"
CRASHED = "crashed"
MEMORY = "memory"
ERROR = "error"


@dataclass(frozen=True, slots=True)
class Job:
    """One call to run in a worker: ``fn(*args)``, cut off after ``timeout`` seconds.

    ``fn`` must be importable by name (a module-level function), as the worker is a fresh process.
    """

    fn: Callable[..., Any]
    args: tuple[Any, ...] = ()
    timeout: float = 60.0


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of a job: ``kind`` OK with its ``value``, or why not (TIMEOUT, CRASHED, MEMORY, ERROR).

    ``message`` is evidence for a log or a JSON report (an exception's text, a signal's name), in no
    language of ours: what a person reads is the finding the kind leads to (``app.glossary.findings``).
    """

    kind: str
    value: Any = None
    message: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.kind == OK


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class _Worker:
    def __init__(self, ctx: Any, memory_bytes: int | None, preload: tuple[str, ...]) -> None:
        parent, child = ctx.Pipe(duplex=True)
        self.conn: Connection = parent
        self.process: BaseProcess = ctx.Process(
            target=_worker_main, args=(child, memory_bytes, preload), daemon=True, name="leitai-media"
        )
        with _main_module_hidden():
            self.process.start()
        child.close()
        self.ready = False
        self.job: int | None = None
        self.started = 0.0
        self.deadline = 0.0
        self.timeout = 0.0

    def send(self, index: int, job: Job) -> None:
        self.job = index
        self.timeout = job.timeout
        self.conn.send((job.fn, job.args))
        self._start_clock(time.monotonic() if self.ready else None)

    def _start_clock(self, now: float | None) -> None:
        if now is None:  # still starting: the job waits in the pipe, its clock not yet running
            self.started = time.monotonic()
            self.deadline = self.started + BOOT_SECONDS + self.timeout
        else:
            self.started = now
            self.deadline = now + self.timeout

    def mark_ready(self, now: float) -> None:
        self.ready = True
        if self.job is not None:
            self._start_clock(now)

    def stop(self) -> None:
        """Kill the worker at once (it may be stuck inside C code) and reap it."""
        with contextlib.suppress(Exception):
            self.process.kill()
        self.process.join(5)
        with contextlib.suppress(Exception):
            self.conn.close()

    def close(self) -> None:
        """Ask an idle worker to leave; kill it if it does not."""
        with contextlib.suppress(Exception):
            self.conn.send(None)
        self.process.join(1)
        if self.process.is_alive():
            self.stop()
        with contextlib.suppress(Exception):
            self.conn.close()


class WorkerPool:
    """Runs jobs on up to ``workers`` processes; use as a context manager so the workers always end."""

    def __init__(
        self,
        workers: int | None = None,
        memory_bytes: int | None = DEFAULT_MEMORY_BYTES,
        preload: tuple[str, ...] = (),
        start_method: str | None = None,
    ) -> None:
        self.size = max(1, workers or default_workers())
        self.memory_bytes = memory_bytes
        self.preload = preload
        self._ctx = _context(preload, start_method)
        self._idle: list[_Worker] = []

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """End every worker."""
        while self._idle:
            self._idle.pop().close()

    def run(
        self,
        jobs: Sequence[Job],
        on_outcome: Callable[[int, Outcome], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[Outcome]:
        """Run every job; outcomes come back in the jobs' order, and to ``on_outcome`` as each ends.

        Raises Cancelled (after stopping the busy workers) as soon as ``cancelled()`` is true.
        """
        outcomes: list[Outcome | None] = [None] * len(jobs)
        pending = deque(range(len(jobs)))
        busy: list[_Worker] = []

        def record(index: int, outcome: Outcome) -> None:
            outcomes[index] = outcome
            if on_outcome is not None:
                on_outcome(index, outcome)

        def finish(worker: _Worker, outcome: Outcome) -> None:
            assert worker.job is not None
            index = worker.job
            worker.job = None
            busy.remove(worker)
            record(index, outcome)

        try:
            while pending or busy:
                if cancelled is not None and cancelled():
                    raise Cancelled()
                self._start(jobs, pending, busy, record)
                if busy:
                    self._collect(busy, finish)
        except BaseException:
            for worker in busy:
                worker.stop()
            raise
        return [o if o is not None else Outcome(ERROR, message="not run") for o in outcomes]

    def _start(
        self,
        jobs: Sequence[Job],
        pending: deque[int],
        busy: list[_Worker],
        record: Callable[[int, Outcome], None],
    ) -> None:
        """Hand pending jobs to idle (or new) workers until every slot is busy."""
        while pending and len(busy) < self.size:
            worker = self._idle.pop() if self._idle else _Worker(self._ctx, self.memory_bytes, self.preload)
            index = pending.popleft()
            try:
                worker.send(index, jobs[index])
            except Exception as exc:  # an argument that cannot be pickled: the caller's bug
                worker.job = None
                self._idle.append(worker)
                record(index, Outcome(ERROR, message=f"{type(exc).__name__}: {exc}"))
                continue
            busy.append(worker)

    def _collect(self, busy: list[_Worker], finish: Callable[[_Worker, Outcome], None]) -> None:
        """Wait (at most one poll) for answers, deaths and deadlines among the busy workers."""
        now = time.monotonic()
        timeout = max(0.0, min(min(w.deadline for w in busy) - now, POLL_SECONDS))
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout))
        now = time.monotonic()
        for worker in list(busy):
            elapsed = now - worker.started
            if worker.conn in ready:
                try:
                    answer = worker.conn.recv()
                except (EOFError, OSError):  # died while answering
                    worker.stop()
                    finish(worker, Outcome(CRASHED, message=_death(worker.process), seconds=elapsed))
                    continue
                if answer == _READY:
                    worker.mark_ready(now)
                    continue
                kind, value, message = answer
                finish(worker, Outcome(kind, value, message, elapsed))
                self._idle.append(worker)
            elif worker.process.sentinel in ready:
                worker.stop()
                finish(worker, Outcome(CRASHED, message=_death(worker.process), seconds=elapsed))
            elif now >= worker.deadline:
                worker.stop()
                timeout_message = f"not done within {worker.timeout:g} s"
                finish(worker, Outcome(TIMEOUT, message=timeout_message, seconds=elapsed))


@contextlib.contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Start a worker without it re-running the caller's main script.

    ``spawn`` and ``forkserver`` children normally re-import ``__main__`` (for functions defined there).
    Workers run only functions of importable modules, and re-running the main script would, for the GUI,
    import all of Qt in every worker, and for a script without a ``__main__`` guard, start it over.
    """
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    saved = main.__dict__.copy()
    try:
        main.__dict__.pop("__file__", None)
        main.__spec__ = None
        yield
    finally:
        for key in ("__file__", "__spec__"):
            if key in saved:
                main.__dict__[key] = saved[key]


def _context(preload: tuple[str, ...], start_method: str | None) -> Any:
    methods = multiprocessing.get_all_start_methods()
    if start_method is not None and start_method in methods:
        return multiprocessing.get_context(start_method)
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        # Only heeded before the server first starts (once per process); workers import the rest.
        ctx.set_forkserver_preload(list(preload))
        return ctx
    return multiprocessing.get_context("spawn")


def _death(process: BaseProcess) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        with contextlib.suppress(ValueError):
            return f"worker died (signal {signal.Signals(-code).name})"
    return f"worker died (exit code {code})"


def _limit_memory(memory_bytes: int | None) -> None:
    """Let the worker grow by at most ``memory_bytes`` beyond what it already maps (a forked worker
    starts with its parent's whole address space)."""
    if memory_bytes is None or not sys.platform.startswith("linux"):
        return  # RLIMIT_AS is only honoured on Linux; elsewhere the time bound still holds
    import resource

    with contextlib.suppress(ValueError, OSError):
        with open("/proc/self/statm") as f:
            mapped = int(f.read().split()[0]) * resource.getpagesize()
        limit = mapped + memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _worker_main(conn: Connection, memory_bytes: int | None, preload: tuple[str, ...]) -> None:
    """Loop of one worker: say it is ready, then receive (fn, args) and answer (kind, value, message);
    None ends it."""
    import faulthandler
    import importlib

    faulthandler.disable()  # a parser that crashes is reported by the pool, not dumped on the terminal
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    for module in preload:
        with contextlib.suppress(ImportError):
            importlib.import_module(module)
    _limit_memory(memory_bytes)
    conn.send(_READY)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        fn, args = message
        try:
            answer: tuple[str, Any, str] = (OK, fn(*args), "")
        except MemoryError:
            answer = (MEMORY, None, "MemoryError")
        except Exception as exc:
            answer = (ERROR, None, f"{type(exc).__name__}: {exc}"[:300])
        try:
            conn.send(answer)
        except Exception as exc:  # a result that cannot be pickled
            conn.send((ERROR, None, f"{type(exc).__name__}: {exc}"[:300]))
