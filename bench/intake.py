# SPDX-License-Identifier: Apache-2.0
"""Benchmark of ``leitai intake check`` (issue 3): 240 cases against raw PyMuPDF reading the same PDFs.

Builds, once, a 240-case submission folder with the demo generator (each case its own slide deck, one in
ten with a video) and keeps it under the temp folder for later runs. Then, in the same run, three rounds
each, interleaved:

* ``leitai intake check DIR --season 2022 --json`` as a user runs it: a fresh process, the sheet read,
  every PDF and video probed in the worker pool, every rule checked, the JSON written;
* the same check in this process (``check_source``), which leaves out the interpreter start and the
  imports of every ``leitai`` subcommand;
* raw PyMuPDF in this process: open every PDF and extract each page's text dict (default flags), which
  is the least work any font-size check must do.

Last line: ``seconds=<median command> ratio_vs_pymupdf=<median command / median raw>
in_process_seconds=… ratio_in_process=…``. Target: under 30 s on 2 cores, ratio <= 1.5.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

CASES = 240
VIDEOS = 24
ROUNDS = 5
#: Bump when the corpus changes shape, so an old cached one is not reused.
CORPUS_VERSION = 1


def corpus_dir() -> Path:
    """The cached corpus, built on first use (about a minute: 240 demo decks)."""
    from intake_corpus import build_corpus

    folder = Path(tempfile.gettempdir()) / f"leitai-bench-intake-{CASES}-v{CORPUS_VERSION}"
    done = folder / ".complete"
    if not done.exists():
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        print(f"building the {CASES}-case corpus in {folder} …", flush=True)
        build_corpus(folder, clean=CASES, videos=VIDEOS, planted=False, edges=False, distinct_decks=CASES)
        done.write_text("ok")
        print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)
    return folder


def run_check(folder: Path) -> tuple[float, dict[str, object]]:
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "app.cli", "intake", "check", str(folder), "--season", "2022", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"intake check failed ({proc.returncode}): {proc.stderr}")
    return seconds, json.loads(proc.stdout)


def run_raw(pdfs: list[Path]) -> float:
    import pymupdf

    started = time.perf_counter()
    for path in pdfs:
        with pymupdf.open(path) as doc:
            for page in doc:
                page.get_text("dict")
    return time.perf_counter() - started


def run_in_process(folder: Path) -> float:
    from app.intake import CheckOptions, check_source
    from app.seasons import load_season

    started = time.perf_counter()
    check_source(folder, load_season(2022), options=CheckOptions(start_method="fork"))
    return time.perf_counter() - started


def main() -> None:
    folder = corpus_dir()
    pdfs = sorted((folder / "files").glob("*.pdf"))
    pages = 0
    import pymupdf

    for path in pdfs:
        with pymupdf.open(path) as doc:
            pages += doc.page_count
    size_mb = sum(p.stat().st_size for p in (folder / "files").iterdir()) / 1024 / 1024
    print(f"corpus: {CASES} cases, {len(pdfs)} PDFs ({pages} pages), {VIDEOS} videos, {size_mb:.0f} MB")
    print(f"cores: {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count()}")
    checks: list[float] = []
    inside: list[float] = []
    raws: list[float] = []
    report: dict[str, object] = {}
    for i in range(ROUNDS):
        seconds, report = run_check(folder)
        checks.append(seconds)
        inside.append(run_in_process(folder))
        raws.append(run_raw(pdfs))
        print(
            f"round {i + 1}: leitai intake check {checks[-1]:.2f} s, in process {inside[-1]:.2f} s, "
            f"raw PyMuPDF {raws[-1]:.2f} s",
            flush=True,
        )
    summary = report["summary"]
    assert isinstance(summary, dict)
    print(
        f"check summary: {summary['cases']} cases, {summary['clean']} clean, violations {summary['by_code']}"
    )
    check = statistics.median(checks)
    own = statistics.median(inside)
    raw = statistics.median(raws)
    print(
        f"median: leitai intake check {check:.2f} s ({CASES / check:.0f} cases/s), in process {own:.2f} s, "
        f"raw PyMuPDF {raw:.2f} s"
    )
    print(
        f"seconds={check:.2f} ratio_vs_pymupdf={check / raw:.2f} "
        f"in_process_seconds={own:.2f} ratio_in_process={own / raw:.2f}"
    )


if __name__ == "__main__":
    main()
