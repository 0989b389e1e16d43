# SPDX-License-Identifier: Apache-2.0
"""A killed import leaves temporary folders and half-copied files; the next run removes them, and
only them (issue 8 #17): never what another import running at the same moment is writing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import pytest

from app.cli import main
from app.workspace import Workspace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from intake_corpus import Corpus, build_corpus, make_slow_pdf

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    return build_corpus(tmp_path / "src", clean=2, videos=0, planted=False, edges=False)


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _zip(folder: Path, dest: Path) -> Path:
    with zipfile.ZipFile(dest, "w") as zf:
        for path in folder.rglob("*"):
            if path.is_file():
                zf.write(path, path.relative_to(folder).as_posix())
    return dest


def test_a_killed_import_leaves_a_temp_folder_that_the_next_run_removes(
    corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    make_slow_pdf(corpus.root / corpus.rows[0]["PPT文件"])  # keeps the import busy checking
    archive = _zip(corpus.root, tmp_path / "cases.zip")
    ws = tmp_path / "ws"
    Workspace.create(ws, 2022).close()
    env = {**os.environ, "TMPDIR": str(temp), "PYTHONPATH": str(REPO)}
    args = [
        sys.executable,
        "-m",
        "app.cli",
        "intake",
        "import",
        str(archive),
        "-w",
        str(ws),
        "--timeout",
        "60",
    ]
    run = subprocess.Popen(args, cwd=REPO, env=env, start_new_session=True, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not list(temp.glob(f"leitai-intake-{run.pid}-*/cases.csv")) and time.monotonic() < deadline:
            assert run.poll() is None, "the import ended before it could be killed"
            time.sleep(0.1)
    finally:
        os.killpg(run.pid, signal.SIGKILL)  # the import and its workers, as a power cut would
        run.wait()
    (left,) = temp.glob("leitai-intake-*")
    assert (left / "cases.csv").is_file()

    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    main(["intake", "check", str(corpus.root), "--season", "2022", "--json", "--timeout", "1"])
    assert not left.exists()


def test_only_leftovers_of_dead_processes_are_removed(
    corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    ws = tmp_path / "ws"
    Workspace.create(ws, 2022).close()
    store = ws / "files"
    dead = _dead_pid()
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        gone = [
            temp / f"leitai-intake-{dead}-abc",
            temp / f"leitai-preview-{dead}-abc",
            store / f".incoming-{dead}-x1y2",
        ]
        kept = [
            temp / f"leitai-intake-{running.pid}-def",  # another import, running now
            store / f".incoming-{running.pid}-z9",
            temp / "leitai-intake-fresh",  # an older layout, but written just now
            temp / "someone-elses-folder",
        ]
        old = temp / "leitai-intake-k3j2h1"  # an older layout, untouched for two days
        for path in [*gone, *kept, old]:
            if path.parent == store:
                path.write_bytes(b"half a video")
            else:
                path.mkdir()
                (path / "files").mkdir()
                (path / "files" / "a.pdf").write_bytes(b"%PDF")
        two_days_ago = time.time() - 2 * 24 * 3600
        os.utime(old, (two_days_ago, two_days_ago))
        assert main(["intake", "import", str(corpus.root), "-w", str(ws), "--workers", "1"]) == 0
        for path in [*gone, old]:
            assert not path.exists(), path
        for path in kept:
            assert path.exists(), path
    finally:
        running.kill()
        running.wait()
