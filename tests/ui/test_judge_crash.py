# SPDX-License-Identifier: Apache-2.0
"""Pull the plug on the judge app 50 times: every score the screen showed as saved is there afterwards.

The real judge workspace runs in a subprocess (``tests.ui.judge_harness``: a JudgeView on the judge's home,
fed key presses from stdin). The test types scores into it, SIGKILLs it at a random moment, starts it
again and reads what its rubric panel shows for every case. A score counts as "shown as saved" once the
harness printed ``saved`` — it does so when the panel shows "saved", i.e. after the commit returned.
A value typed later may also have landed just before the kill; anything older than the last saved value,
or missing, is a loss and fails the test.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from app.judge_home import JudgeHome
from tests.ui.judge_support import demo_packages

KILLS = 50
COMMANDS_PER_RUN = 24


ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen", LEITAI_VIDEO_BACKEND="qt", PYTHONUNBUFFERED="1")
ROOT = Path(__file__).resolve().parents[2]


class Zygote:
    """``tests.ui.judge_harness --zygote``: pays Python's imports once, forks a fresh app process per run."""

    def __init__(self, fifo_dir: Path) -> None:
        self.fifo_dir = fifo_dir
        self.runs = 0
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.ui.judge_harness", "--zygote"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            bufsize=1,
            env=ENV,
            cwd=ROOT,
        )
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "zygote"

    def spawn(self, home: Path, data: Path, code: str) -> tuple[int, object, object]:
        self.runs += 1
        fifo_in, fifo_out = self.fifo_dir / f"in{self.runs}", self.fifo_dir / f"out{self.runs}"
        os.mkfifo(fifo_in)
        os.mkfifo(fifo_out)
        assert self.proc.stdin is not None
        assert self.proc.stdout is not None
        self.proc.stdin.write(f"spawn {home} {data} {code} {fifo_in} {fifo_out}\n")
        self.proc.stdin.flush()
        pid = int(self.proc.stdout.readline().split()[1])
        stdin = open(fifo_in, "w", buffering=1, encoding="utf-8")  # noqa: SIM115 (closed by the run)
        stdout = open(fifo_out, encoding="utf-8")  # noqa: SIM115
        return pid, stdin, stdout

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=20)


class Harness:
    """One run of the judge app (a process of its own), its output lines collected on a thread."""

    def __init__(self, home: Path, data: Path, code: str, zygote: Zygote | None) -> None:
        if zygote is not None:
            self.pid, self.stdin, self.stdout = zygote.spawn(home, data, code)
            self.proc = None
        else:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "tests.ui.judge_harness", str(home), str(data), code],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                bufsize=1,
                env=ENV,
                cwd=ROOT,
            )
            self.pid, self.stdin, self.stdout = self.proc.pid, self.proc.stdin, self.proc.stdout
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        for line in self.stdout:
            self.lines.put(line.strip())
        self.lines.put(None)

    def gone(self, timeout: float = 20) -> None:
        """Wait until the process no longer exists."""
        if self.proc is not None:
            self.proc.wait(timeout=timeout)
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.005)
        raise AssertionError(f"process {self.pid} did not end")

    def expect(self, word: str, timeout: float = 20) -> list[str]:
        """Lines up to and including the first one that starts with ``word``."""
        seen = []
        deadline = time.monotonic() + timeout
        while True:
            line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            assert line is not None, f"the judge app ended before saying {word!r}: {seen}"
            seen.append(line)
            if line.startswith(word):
                return seen

    def send(self, text: str) -> None:
        self.stdin.write(text)
        self.stdin.flush()

    def wait_saved(self, count: int, timeout: float = 30) -> list[str]:
        """Lines until ``count`` scores were shown as saved (or the time is up), so a kill lands while
        scores are being saved however slow the machine is."""
        seen: list[str] = []
        deadline = time.monotonic() + timeout
        while sum(line.startswith("saved ") for line in seen) < count and time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                break
            if line is None:
                self.lines.put(None)  # the end stays for kill() to see
                break
            seen.append(line)
        return seen

    def kill(self, seen: list[str] | None = None) -> list[str]:
        """SIGKILL, then every line it had printed (what the judge had seen), ``seen`` first."""
        os.kill(self.pid, signal.SIGKILL)
        self.gone()
        rest = list(seen or [])
        while (line := self.lines.get(timeout=10)) is not None:
            rest.append(line)
        self.close()
        return rest

    def close(self) -> None:
        with contextlib.suppress(BrokenPipeError):  # the process is gone: nothing was left to read it
            self.stdin.close()
        self.stdout.close()


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> tuple[Path, Path, str, dict[str, tuple[float, float]], list[int]]:
    root = tmp_path_factory.mktemp("crash")
    package = max(demo_packages(root, cases=4, judges=2, videos=0), key=lambda b: b.cases)
    with JudgeHome.open_package(package.path, root / "home", package.access_code) as h:
        criteria = {c.key: (c.max, c.step) for c in h.info().criteria}
        cases = [c.id for c in h.cases()]
    return root / "home", root / "data", package.access_code, criteria, cases


@pytest.fixture
def zygote(tmp_path) -> Iterator[Zygote | None]:
    if not hasattr(os, "fork") or not hasattr(os, "mkfifo"):
        yield None  # elsewhere every run pays its own start-up
        return
    z = Zygote(tmp_path)
    yield z
    z.close()


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing_shown_as_saved(home, zygote):
    home_dir, data_dir, code, criteria, cases = home
    rng = random.Random(20221122)
    #: Values typed, per (case, key), in order; and the index of the last one shown as saved.
    history: dict[tuple[int, str], list[float]] = {}
    saved_at: dict[tuple[int, str], int] = {}
    starts: list[float] = []
    saved_total = 0
    killed_mid_stream = 0

    def check(values: dict[int, dict[str, float | None]]) -> None:
        for (case, key), typed in history.items():
            shown = values[case][key]
            if (case, key) in saved_at:
                allowed = typed[saved_at[(case, key)] :]  # the last saved value, or one typed after it
                assert shown in allowed, (
                    f"case {case} {key}: shows {shown}, saved {typed[saved_at[(case, key)]]}"
                )
            else:
                assert shown is None or shown in typed

    def record_saved(lines: list[str]) -> int:
        n = 0
        for line in lines:
            if line.startswith("saved "):
                _, case, key, text = line.split()
                k = (int(case), key)
                # FIFO: the saved value is the first typed value at or after the last saved one that matches
                start = saved_at.get(k, 0)
                found = [i for i in range(start, len(history[k])) if history[k][i] == float(text)]
                assert found, f"{line}: typed {history[k]}, last saved index {saved_at.get(k)}; {lines}"
                idx = found[0]
                saved_at[k] = idx
                n += 1
        return n

    for run in range(KILLS + 1):
        t0 = time.monotonic()
        app = Harness(home_dir, data_dir, code, zygote)
        app.expect("ready")
        starts.append(time.monotonic() - t0)
        # After every restart the screen shows each score that had been shown as saved.
        app.send("dump\n")
        values = {}
        for line in app.expect("dumped"):
            if line.startswith("values "):
                _, case, blob = line.split(" ", 2)
                values[int(case)] = json.loads(blob)
        assert set(values) == set(cases)
        check(values)
        if run == KILLS:
            app.send("quit\n")
            app.gone()
            assert app.lines.get(timeout=10) is None  # it ended by itself, having said nothing more
            app.close()
            break
        batch = []
        for _ in range(COMMANDS_PER_RUN):
            case, key = rng.choice(cases), rng.choice(sorted(criteria))
            top, step = criteria[key]
            steps = int(Decimal(str(top)) / Decimal(str(step)))
            previous = history.get((case, key), [None])[-1]
            value = previous
            while value == previous:
                value = float(Decimal(str(step)) * rng.randint(0, steps))
            history.setdefault((case, key), []).append(value)
            batch.append(f"score {case} {key} {value:g}\n")
        app.send("".join(batch))
        # Kill after a random number of saves (none, some, nearly all) and a random moment more: the
        # kills land while scores are being saved whatever the load on the machine (a fixed delay made
        # the count depend on how busy the machine was).
        seen = app.wait_saved(rng.choice([0, rng.randint(1, COMMANDS_PER_RUN - 1)]))
        time.sleep(rng.uniform(0.0, 0.03))
        lines = app.kill(seen)
        n = record_saved(lines)
        saved_total += n
        killed_mid_stream += n < COMMANDS_PER_RUN

    # The store itself agrees with what the app showed.
    with JudgeHome.open(home_dir) as h:
        for (case, key), typed in history.items():
            stored = h.scores(case).values.get(key)
            if (case, key) in saved_at:
                assert stored in typed[saved_at[(case, key)] :]
    print(
        f"\n{KILLS} kills, {saved_total} scores shown as saved, {killed_mid_stream} kills mid-stream; "
        f"start to ready: median {sorted(starts)[len(starts) // 2]:.2f} s"
    )
    assert saved_total > KILLS  # the kills really came while scores were being entered and saved
    assert killed_mid_stream >= KILLS // 3
