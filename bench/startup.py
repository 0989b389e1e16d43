# SPDX-License-Identifier: Apache-2.0
"""Benchmark of the GUI's start (issue 8, item 12): time to the painted start page and peak memory,
against a bare Qt window measured in the same run; and opening a 3,000-case workspace.

Whole processes, offscreen, interleaved, ``--runs`` of each (medians):

* **bare Qt**: ``python -c`` that imports QtWidgets, shows an empty 1440×900 ``QMainWindow`` and
  stops once it is painted;
* **Leitai**: the real entry point, ``ui.launch.main(["gui"])`` (command line parsing, context,
  translators, style sheet, main window), stopped once the start page is painted;
* **open 3,000**: Leitai started likewise, then the time from ``open_workspace`` on a workspace of
  3,000 cases (each with its slides and a finding on one case in five) until the organizer's table is
  painted with its rows (what the user waits for after choosing a workspace, SQLAlchemy's import
  included).

Times run from the moment the parent starts the process to the end of the first paint (Python's own
start-up included, for both). Peak memory is the start-page process's high-water mark (``VmHWM``).

Last line: ``ratio_vs_bare_qt=… peak_mib=… open_3000_s=…`` (targets: ≤ 4, < 130, < 2).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = 3000

#: Shared by the children: report once the first frame after ``show()`` is painted, then quit.
_PAINT_WATCH = """
import json, os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

def peak_mib():
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) / 1024 for l in f if l.startswith("VmHWM:"))

class FirstPaint(QObject):
    '''Calls ``then`` once the frame holding the first painted widget is finished.'''
    def __init__(self, then):
        super().__init__()
        self.then = then
        self.seen = False
    def eventFilter(self, obj, event):
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            QTimer.singleShot(0, self.then)  # after the rest of this frame is painted
        return False

app = QApplication([sys.argv[0]])
"""

#: Both start-up children: report when the first frame is painted, and how much memory it took.
_REPORT_FIRST_PAINT = """
def done():
    print(json.dumps({"painted": time.time(), "peak_mib": peak_mib()}))
    app.quit()
watch = FirstPaint(done)
app.installEventFilter(watch)
"""

BARE = (
    _PAINT_WATCH
    + "from PySide6.QtWidgets import QMainWindow\n"
    + _REPORT_FIRST_PAINT
    + """window = QMainWindow()
window.resize(1440, 900)
window.show()
app.exec()
"""
)

LEITAI = (
    _PAINT_WATCH
    + "from ui.launch import main\n"
    + _REPORT_FIRST_PAINT
    + """main(["--data-dir", sys.argv[1], "gui"])
"""
)

OPEN = (
    _PAINT_WATCH
    + """
from pathlib import Path
from ui.launch import main
from ui import main as ui_main

def opened():
    print(json.dumps({"open_s": time.perf_counter() - started[0], "rows": view.model.rowCount()}))
    app.quit()

def on_loaded():
    table_watch = FirstPaint(opened)
    view.table.viewport().installEventFilter(table_watch)
    keep.append(table_watch)
    view.table.viewport().update()

def start_page_painted():
    global view
    window = shell_window()
    started[0] = time.perf_counter()
    view = window.organizer  # the page is built on first use: part of what is timed
    view.loaded.connect(on_loaded)
    window.open_workspace(Path(sys.argv[2]))

started, keep, view = [0.0], [], None
windows = []
real_shell = ui_main.Shell
class Shell(real_shell):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        windows.append(self)
ui_main.Shell = Shell
shell_window = lambda: windows[0].window
watch = FirstPaint(start_page_painted)
app.installEventFilter(watch)
main(["--data-dir", sys.argv[1], "gui"])
"""
)


def run_child(script: str, *args: str) -> dict[str, float]:
    """Run ``script`` in a fresh interpreter; its report, plus ``start`` (when the parent started it)."""
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-c", script, *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    if done.returncode != 0:
        raise SystemExit(f"child failed ({done.returncode}):\n{done.stderr[-3000:]}")
    report: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    report["start"] = start
    return report


def build_workspace(root: Path) -> None:
    """A 2022 workspace of ``CASES`` cases, each with its slides; a violation on one case in five.

    Written in one transaction with the models (``app.casebook.add_case`` commits per case: minutes
    for 3,000); the rows are what an import stores: hospital, province's region, theme, files, history.
    """
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import select

    from app.casebook import hospital_by_name
    from app.models import Case, CaseFile, CaseRevision, Finding, Province, Theme
    from app.workspace import Workspace

    pdf = root.parent / "slides.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% bench slides\n" * 256)
    ws = Workspace.create(root, season=2022)
    try:
        slides = ws.store.add_file(pdf)
        first = datetime(2022, 4, 1, 9, 0)
        with ws.sessions.begin() as s:
            provinces = list(s.scalars(select(Province).order_by(Province.id)))
            themes = {t.number: t for t in s.scalars(select(Theme))}
            for i in range(CASES):
                province = provinces[i % len(provinces)]
                case = Case(
                    code=f"2022-{i + 1:04d}",
                    hospital=hospital_by_name(s, f"{province.name}第{i // 10 + 1}人民医院", province),
                    theme=themes[i % 10 + 1],
                    region_id=province.region_id,
                    title=f"改善医疗服务案例 {i + 1}：门诊预约与日间手术流程优化",
                    recommendation="该案例以患者需求为导向，持续改进服务流程。" * 4,
                    votes=(i * 37) % 5000,
                    submitted_at=first + timedelta(minutes=7 * i),
                )
                case.files = [
                    CaseFile(kind="pdf", sha256=slides.sha256, size=slides.size, original_name="slides.pdf")
                ]
                s.add(case)
                s.flush()
                s.add(CaseRevision(case_id=case.id, revision=1, fingerprint=f"{case.id:064x}"))
                if i % 5 == 0:
                    s.add(Finding(case_id=case.id, code="font_too_small", severity="violation"))
    finally:
        ws.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="processes of each kind (default 7)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        began = time.perf_counter()
        build_workspace(work / "ws3000")
        print(f"built a {CASES}-case workspace in {time.perf_counter() - began:.1f} s", flush=True)
        bare, leitai, peaks, opens = [], [], [], []
        for run in range(args.runs):
            data = work / f"data-{run}"
            b = run_child(BARE)
            lt = run_child(LEITAI, str(data))
            op = run_child(OPEN, str(data), str(work / "ws3000"))
            if op["rows"] != CASES:
                raise SystemExit(f"the table showed {op['rows']} rows, not {CASES}")
            bare.append(b["painted"] - b["start"])
            leitai.append(lt["painted"] - lt["start"])
            peaks.append(lt["peak_mib"])
            opens.append(op["open_s"])
            print(
                f"run {run + 1}: bare Qt {bare[-1]:.3f} s ({b['peak_mib']:.0f} MiB), "
                f"start page {leitai[-1]:.3f} s ({peaks[-1]:.0f} MiB), open {CASES} {opens[-1]:.3f} s",
                flush=True,
            )
    bare_s, start_s = statistics.median(bare), statistics.median(leitai)
    print(f"median: bare Qt {bare_s:.3f} s, start page {start_s:.3f} s")
    print(
        f"ratio_vs_bare_qt={start_s / bare_s:.2f} peak_mib={statistics.median(peaks):.0f} "
        f"open_3000_s={statistics.median(opens):.2f}"
    )
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
