# SPDX-License-Identifier: Apache-2.0
"""Benchmark of the live semifinal (issue 12): from a judge's send to the live session showing the mark.

A rehearsal theme final — 6 cases, 15 judges, each judge on their own (loopback) address — with the LAN
receiver listening on 127.0.0.1 and a ``LiveShow`` subscribed to the merges, the scoring scene of each
case on stage. For each case every judge has scored it (not timed); then the 15 judges send at once
(``app.judge_home.send.send_bundle``: export a fresh signed bundle, POST it, wait for the merge's
answer). A judge's latency runs from the start of their send to the moment the live session's snapshot of
the case on stage first shows that judge's mark. 6 × 15 = 90 samples per round.

Baseline, same run, same server, same 15 threads released together: a bare ``POST /ping`` round trip
(connection, request, JSON answer; no export, no merge, no refresh).

Last line: ``median_ms=… p99_ms=… baseline_median_ms=… baseline_p99_ms=… ratio_median=…``
(targets: median < 1000, p99 < 2000).
"""

from __future__ import annotations

import argparse
import http.client
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.judge_home.send import send_bundle
from app.live.arrivals import Arrivals
from app.live.receiver import PING_PATH, BundleReceiver, inbox_for
from app.live.rehearsal import ROUND, Rehearsal, build_rehearsal
from app.live.setup import LiveSetup, create_session
from app.live.show import LiveShow


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def ping(url: str, source: str) -> float:
    """One bare POST round trip to the receiver (an empty body to /ping), in seconds."""
    parts = urllib.parse.urlsplit(url)
    start = time.perf_counter()
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30, source_address=(source, 0))
    conn.request("POST", PING_PATH, body=b"", headers={"Content-Length": "0"})
    conn.getresponse().read()
    conn.close()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--judges", type=int, default=15)
    parser.add_argument("--cases", type=int, default=6)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="leitai-bench-live-"))
    try:
        run(tmp, args.judges, args.cases)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


class Case:
    """One case on stage: every judge sends at once; when did the show first display each mark."""

    def __init__(self, show: LiveShow, case_id: int, judges: list[str]) -> None:
        self.show = show
        self.case_id = case_id
        self.judges = judges
        self.started: dict[str, float] = {}
        self.seen: dict[str, float] = {}
        self.done = threading.Event()
        self.gate = threading.Barrier(len(judges))
        self._lock = threading.Lock()

    def on_change(self) -> None:
        """Subscriber of the show: read its snapshot as a screen would, note each mark's first sight."""
        board = self.show.snapshot().board
        now = time.perf_counter()
        if board is None or board.case_id != self.case_id:
            return
        with self._lock:
            for m in board.marks:
                if m.value is not None and m.judge not in self.seen:
                    self.seen[m.judge] = now
            if len(self.seen) == len(self.judges):
                self.done.set()

    def send(self, rh: Rehearsal, url: str, judge: str, source: str) -> int:
        self.gate.wait()
        self.started[judge] = time.perf_counter()
        result = send_bundle(rh.homes[judge], url, source=source)
        assert result.code == "merged", result
        return result.bundle.size

    def ping(self, url: str, source: str) -> float:
        self.gate.wait()
        return ping(url, source)


def run(tmp: Path, n_judges: int, n_cases: int) -> None:
    t = time.perf_counter()
    rh = build_rehearsal(tmp / "r", cases=n_cases, judges=n_judges)
    print(f"rehearsal built in {time.perf_counter() - t:.1f} s ({n_cases} cases, {n_judges} judges)")
    info = create_session(rh.ws, LiveSetup(ROUND, "5", seed=1))
    show = LiveShow(rh.ws, info.id)
    arrivals = Arrivals(rh.ws)
    arrivals.subscribe(show.on_arrival)
    judges = rh.judge_codes()
    source = {j: f"127.0.0.{10 + i}" for i, j in enumerate(judges)}
    latencies: list[float] = []
    baseline: list[float] = []
    sizes: list[int] = []
    with BundleReceiver(arrivals, inbox_for(rh.ws.root)) as receiver, ThreadPoolExecutor(len(judges)) as pool:
        for position, card in enumerate(info.order):
            show.go("scoring", position)
            for j in judges:
                rh.score(j, card.case_id)
            case = Case(show, card.case_id, judges)
            unsubscribe = show.subscribe(case.on_change)
            sizes += pool.map(lambda j, case=case: case.send(rh, receiver.url, j, source[j]), judges)
            assert case.done.wait(30), f"only {len(case.seen)} marks seen"
            unsubscribe()
            latencies += [case.seen[j] - case.started[j] for j in judges]
            again = Case(show, card.case_id, judges)
            baseline += pool.map(lambda j, again=again: again.ping(receiver.url, source[j]), judges)
    rh.close()
    ms = [x * 1000 for x in latencies]
    base = [x * 1000 for x in baseline]
    med, p99 = statistics.median(ms), percentile(ms, 0.99)
    bmed, bp99 = statistics.median(base), percentile(base, 0.99)
    print(
        f"{len(ms)} sends of ~{statistics.median(sizes) / 1024:.1f} KB bundles, {len(judges)} judges at once"
    )
    print(f"send → mark shown: median {med:.0f} ms, p99 {p99:.0f} ms, max {max(ms):.0f} ms")
    print(f"bare POST round trip: median {bmed:.1f} ms, p99 {bp99:.1f} ms")
    print(
        f"median_ms={med:.0f} p99_ms={p99:.0f} baseline_median_ms={bmed:.1f} baseline_p99_ms={bp99:.1f} "
        f"ratio_median={med / bmed:.1f}"
    )


if __name__ == "__main__":
    main()
