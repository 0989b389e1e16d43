# SPDX-License-Identifier: Apache-2.0
"""Drive the real judge workspace from stdin, for the crash test (``tests/ui/test_judge_crash.py``).

``python -m tests.ui.judge_harness HOME DATA_DIR CODE`` opens the judge's home in a real
:class:`JudgeView` (offscreen is fine; CODE is the access code, asked again where no credential store
keeps the judge's key) and reads one command per line:

* ``score CASE KEY VALUE`` — selects the case and types VALUE into the criterion's entry with key
  events, then Enter, exactly as a judge would; once the panel shows "saved" it prints
  ``saved CASE KEY VALUE``.
* ``dump`` — prints ``values CASE {json}`` for every case, read from the rubric panel, then ``dumped``.
* ``quit``.

It prints ``ready`` when the home is open. Slides and videos are not loaded (the test is about saving).

``python -m tests.ui.judge_harness --zygote`` imports every module the app needs, without starting
anything (no QApplication, no thread, no file open), then for each ``spawn HOME DATA_DIR CODE IN_FIFO
OUT_FIFO`` line
forks a fresh process that runs the above on those FIFOs and prints its pid. A run then starts in
~0.2 s instead of ~1.2 s (most of it importing SQLAlchemy, cryptography, PyMuPDF and Qt), which is what
lets the crash test kill and restart the app 50 times quickly; each run is still a process of its own,
killed with SIGKILL and started from nothing but the disk.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


class _Stdin(QObject):
    """Reads stdin on a thread and hands each line to the GUI thread."""

    line = Signal(str)

    def start(self) -> None:
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        for raw in sys.stdin:
            self.line.emit(raw.strip())
        self.line.emit("quit")


def main(argv: list[str]) -> int:
    home_dir, data_dir, code = Path(argv[0]), Path(argv[1]), argv[2]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(["leitai-judge-harness"])
    from ui.judge.judge_view import JudgeView
    from ui.main import apply_language, make_context

    ctx = make_context(data_dir)
    apply_language(app, ctx)
    view = JudgeView(ctx)
    scoring = view.scoring
    scoring.reader.open_pdf = lambda _source: None  # type: ignore[method-assign]
    scoring.video.open_video = lambda _path: None  # type: ignore[method-assign]
    view.resize(1400, 900)
    view.show()
    view.open_home(home_dir, access_code=code)
    while view.home is None and (view.opener.task is not None and not view.opener.task.done):
        app.processEvents()  # the key is unlocked on the write thread
    if view.home is None:
        print("error cannot open home", flush=True)
        return 2
    #: Entries typed and not yet reported, in typing order: (line to print, waits for a commit).
    waiting: list[tuple[str, bool]] = []

    def report(commits: int) -> None:
        """Print entries in typing order: those needing a commit once it returned, the others with them."""
        while waiting and (commits > 0 or not waiting[0][1]):
            line, needs_commit = waiting.pop(0)
            commits -= needs_commit
            print(line, flush=True)

    def on_saved(case_id: int, what: str, value: object) -> None:
        if what.startswith("score:"):
            report(1)

    scoring.saved.connect(on_saved)

    def on_line(line: str) -> None:
        parts = line.split()
        if not parts:
            return
        if parts[0] == "quit":
            if view.home is not None:
                view.shutdown()
            app.quit()
        elif parts[0] == "score" and len(parts) == 4:
            case, key, text = int(parts[1]), parts[2], parts[3]
            if view.case_id != case:
                scoring.select_case(case)
            spin = scoring.rubric.spins[key]
            spin.setFocus()
            spin.selectAll()
            before = spin.score()
            QTest.keyClicks(spin, text)
            QTest.keyClick(spin, Qt.Key.Key_Return)
            # The same value again changes nothing and needs no commit of its own.
            waiting.append((f"saved {case} {key} {text}", spin.score() != before))
            report(0)
        elif parts[0] == "dump":
            for row in scoring.model.rows():
                scoring.select_case(row.id)
                print(f"values {row.id} {json.dumps(scoring.rubric.values())}", flush=True)
            print("dumped", flush=True)

    reader = _Stdin()
    reader.line.connect(on_line)
    reader.start()
    print("ready", flush=True)
    return int(app.exec())


def zygote() -> int:
    """Preload, then fork one app process per ``spawn`` line (Linux only)."""
    import signal

    # The point of the zygote: pay these imports once, before any fork.
    import ui.judge.judge_view
    import ui.main  # noqa: F401

    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    print("zygote", flush=True)
    for raw in sys.stdin:
        parts = raw.split()
        if len(parts) != 6 or parts[0] != "spawn":
            continue
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            stdin = os.open(parts[4], os.O_RDONLY)
            stdout = os.open(parts[5], os.O_WRONLY)
            os.dup2(stdin, 0)
            os.dup2(stdout, 1)
            os.close(stdin)
            os.close(stdout)
            sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115 (lives as long as the process)
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
            code = 1
            try:
                code = main(parts[1:4])
            finally:
                sys.stdout.flush()
                os._exit(code)
        print(f"pid {pid}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(zygote() if sys.argv[1:] == ["--zygote"] else main(sys.argv[1:]))
