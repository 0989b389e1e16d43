# SPDX-License-Identifier: Apache-2.0
"""The PyInstaller one-folder build builds, and the frozen app runs its commands and starts its GUI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from intake_corpus import build_corpus  # noqa: E402


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="the CI machine builds the Linux bundle")
def test_frozen_build_starts(tmp_path: Path) -> None:
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    assert pyinstaller.exists(), "pyinstaller is not installed (pip install -e .[dev])"
    subprocess.run(
        [
            str(pyinstaller),
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
            str(ROOT / "build_installer.spec"),
        ],
        check=True,
        cwd=tmp_path,
        capture_output=True,
        timeout=900,
    )
    exe = tmp_path / "dist" / "leitai" / "leitai"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    demo = subprocess.run(
        [str(exe), "demo", str(tmp_path / "ws"), "--cases", "10", "--judges", "2"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert demo.returncode == 0, demo.stderr
    info = subprocess.run(
        [str(exe), "info", "--workspace", str(tmp_path / "ws"), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert '"cases": 10' in info.stdout, info.stderr
    # Intake runs its media checks in worker processes: the frozen app must start them (freeze_support).
    corpus = build_corpus(
        tmp_path / "src", clean=3, videos=1, planted=False, edges=False, distinct_decks=1, huge=False
    )
    check = subprocess.run(
        [str(exe), "intake", "check", str(corpus.root), "--season", "2022", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert check.returncode == 0, check.stderr
    report = json.loads(check.stdout)
    assert report["summary"]["clean"] == report["summary"]["cases"] == len(corpus.expected)
    # The GUI must come up and stay up; it is stopped after a few seconds.
    gui = subprocess.Popen(
        [str(exe), "gui", str(tmp_path / "ws")], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        gui.wait(timeout=8)
    except subprocess.TimeoutExpired:
        gui.terminate()
        gui.wait(timeout=10)
    else:
        err = gui.stderr.read().decode() if gui.stderr else ""
        pytest.fail(f"the frozen GUI exited early ({gui.returncode}): {err}")
    shutil.rmtree(tmp_path / "build", ignore_errors=True)
