# SPDX-License-Identifier: Apache-2.0
"""Score bundles arriving during a live session, by either path, through the same verified merge.

A bundle posted to the LAN receiver and one dropped into the watched folder both end in
``app.bundles.merge`` (every check, one transaction); ``Arrivals`` keeps the log of what came and tells
its subscribers (the live show, the console's log, the headless ``live serve``) each outcome.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.bundles.merge import MergeOutcome, merge_bundle, watch
from app.glossary import Phrase
from app.workspace import Workspace

#: How many arrivals the log keeps (a session has at most a few hundred).
LOG_SIZE = 500


@dataclass(frozen=True, slots=True)
class Arrival:
    """One bundle that arrived, and what the merge made of it (or why the receiver refused it first)."""

    at: datetime
    source: str  # lan | folder
    sender: str  # the sender's address, or the file's name
    code: str  # a merge outcome, or a receiver refusal (too_large, rate_limited, …)
    judge: str = ""
    revision: int = 0
    submitted: int = 0
    why: Phrase | None = None  #: why the merge ended so (None: a receiver refusal, its name says it)

    @property
    def changed(self) -> bool:
        return self.code == "merged"


def arrival_of(outcome: MergeOutcome, source: str, sender: str) -> Arrival:
    return Arrival(
        at=datetime.now(UTC),
        source=source,
        sender=sender,
        code=outcome.code,
        judge=outcome.judge,
        revision=outcome.revision,
        submitted=outcome.submitted,
        why=outcome.why,
    )


class Arrivals:
    """Merges arriving bundles one at a time and tells subscribers each outcome (from the merging thread)."""

    def __init__(self, ws: Workspace, actor: str = "organizer") -> None:
        self._ws = ws
        self._actor = actor
        self._lock = threading.Lock()  # one merge at a time: no thread waits on SQLite's busy loop
        self._log: deque[Arrival] = deque(maxlen=LOG_SIZE)
        self._log_lock = threading.Lock()
        self._subscribers: list[Callable[[Arrival], None]] = []

    def subscribe(self, callback: Callable[[Arrival], None]) -> Callable[[], None]:
        """Call ``callback(arrival)`` for each arrival, in the merging thread; returns an unsubscribe."""
        self._subscribers.append(callback)
        return lambda: self._subscribers.remove(callback) if callback in self._subscribers else None

    def log(self) -> list[Arrival]:
        with self._log_lock:
            return list(self._log)

    def publish(self, arrival: Arrival) -> Arrival:
        with self._log_lock:
            self._log.append(arrival)
        for callback in list(self._subscribers):
            callback(arrival)
        return arrival

    def _published(self, arrival: Arrival) -> None:
        self.publish(arrival)

    def merge(self, path: Path, source: str, sender: str) -> MergeOutcome:
        """Merge one bundle file; the outcome is published before it is returned."""
        with self._lock:
            outcome = merge_bundle(self._ws, path, self._actor)
        self.publish(arrival_of(outcome, source, sender))
        return outcome

    def watch_folder(self, folder: Path, stop: threading.Event, interval: float = 1.0) -> threading.Thread:
        """Merge every bundle that lands in ``folder`` (a USB stick, a share) until ``stop`` is set."""

        def run() -> None:
            watch(
                self._ws,
                folder,
                lambda o: self._published(arrival_of(o, "folder", o.path.name)),
                interval=interval,
                stop=stop.is_set,
                actor=self._actor,
            )

        thread = threading.Thread(target=run, name="live-watch", daemon=True)
        thread.start()
        return thread
