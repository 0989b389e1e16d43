# SPDX-License-Identifier: Apache-2.0
"""The Qt side of a live session: re-emits the show's changes and each arriving bundle on the GUI thread.

``LiveShow`` (app/live) is plain, thread-safe state; merges happen on the receiver's and the folder
watcher's threads. This model subscribes to both and turns their callbacks into signals, which Qt
queues to the GUI thread, so screens repaint from there only. It also ticks while the clock runs, and
carries the operator's moves to the show, turning a refused move into a message for the console.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from app.errors import DomainError
from app.live.arrivals import Arrival, Arrivals
from app.live.receiver import BundleReceiver, inbox_for
from app.live.show import LiveShow, Snapshot

#: How often a running countdown repaints (ms); the display shows whole seconds.
TICK_MS = 200


class LiveModel(QObject):
    """One live session for the projector and the console; owns the receiver and the folder watcher."""

    changed = Signal()  # the show changed (a move, a mark)
    ticked = Signal()  # the countdown moved on
    arrived = Signal(object)  # an Arrival (from any path)
    refused = Signal(str)  # a move the show refused, as a message for the operator
    receiver_changed = Signal()

    def __init__(self, show: LiveShow, arrivals: Arrivals, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.show = show
        self.arrivals = arrivals
        self.receiver: BundleReceiver | None = None
        self._watch_stop: threading.Event | None = None
        self._watch_thread: threading.Thread | None = None
        self._unsubscribe = [
            show.subscribe(self.changed.emit),  # from any thread: Qt queues it to ours
            arrivals.subscribe(self._on_arrival),
        ]
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()

    def _on_arrival(self, arrival: Arrival) -> None:
        self.show.on_arrival(arrival)  # the marks first, so the log never names a mark not yet shown
        self.arrived.emit(arrival)

    def _on_tick(self) -> None:
        if self.show.timer.running:
            self.ticked.emit()

    # --- what screens read -----------------------------------------------------------------------

    def projector(self) -> Snapshot:
        return self.show.snapshot()

    def console(self) -> Snapshot:
        return self.show.snapshot(for_console=True)

    # --- the operator's moves ----------------------------------------------------------------------

    def act(self, name: str, *args: object) -> bool:
        """Run a move of the show (``next``, ``go``, ``start_timer``…); False and ``refused`` if refused."""
        try:
            getattr(self.show, name)(*args)
        except DomainError as exc:
            self.refused.emit(exc.message)
            return False
        return True

    # --- arrivals ----------------------------------------------------------------------------------

    def start_receiver(self, bind: str, port: int) -> str:
        """Listen for judges' bundles on ``bind:port``; returns the address to give judges."""
        self.stop_receiver()
        receiver = BundleReceiver(self.arrivals, inbox_for(self.show.workspace_root), bind, port)
        receiver.start()
        self.receiver = receiver
        self.receiver_changed.emit()
        return receiver.url

    def stop_receiver(self) -> None:
        if self.receiver is not None:
            self.receiver.stop()
            self.receiver = None
            self.receiver_changed.emit()

    def watch_folder(self, folder: Path | None) -> None:
        """Merge every bundle that lands in ``folder`` (None: stop watching)."""
        if self._watch_stop is not None:
            self._watch_stop.set()
            if self._watch_thread is not None:
                self._watch_thread.join(timeout=5)
        self._watch_stop = self._watch_thread = None
        if folder is not None:
            self._watch_stop = threading.Event()
            self._watch_thread = self.arrivals.watch_folder(folder, self._watch_stop)

    def close(self) -> None:
        """Stop listening and watching; the session's progress is already saved."""
        self._tick.stop()
        self.stop_receiver()
        self.watch_folder(None)
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
