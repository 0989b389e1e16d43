# SPDX-License-Identifier: Apache-2.0
"""The conftest guard itself: a test that leaves a QThread or undelivered pool work behind must fail."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from app.paths import ROOT

LEAKY_TESTS = """
import threading
from PySide6.QtCore import QThread
from ui.tasks import run_task

_release = threading.Event()


class Sleeper(QThread):
    def run(self):
        _release.wait(5)


def test_leaves_a_thread(qtbot):
    global thread
    thread = Sleeper()
    thread.start()


def test_leaves_a_task(qtbot):
    _release.set()
    run_task(lambda ctx: __import__("time").sleep(0.5), lambda v: None, lambda e: None)


def test_clean(qtbot):
    done = []
    task = run_task(lambda ctx: 1, done.append, lambda e: None)
    qtbot.waitUntil(lambda: task.done)
    assert done == [1]
"""


def test_leaked_threads_and_tasks_fail_the_test(tmp_path: Path) -> None:
    shutil.copy(Path(__file__).with_name("conftest.py"), tmp_path / "conftest.py")
    (tmp_path / "test_leaky.py").write_text(LEAKY_TESTS, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\nqt_api = pyside6\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rA", str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    out = done.stdout + done.stderr
    assert "ERROR test_leaky.py::test_leaves_a_thread" in out, out
    assert "test left QThreads running" in out
    assert "ERROR test_leaky.py::test_leaves_a_task" in out
    assert "background task(s) whose result was never delivered" in out
    assert "PASSED test_leaky.py::test_clean" in out
