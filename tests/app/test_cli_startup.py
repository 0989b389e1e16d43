# SPDX-License-Identifier: Apache-2.0
"""The ``leitai`` command starts without loading the services it does not run.

Every command, even ``--help``, pays for what building the command tree imports; SQLAlchemy with
Alembic, cryptography, PyMuPDF… cost about a second before any work starts. Each case below runs the
command in a fresh interpreter with ``-X importtime``, which reports every module as it is first
imported (in worker processes too), and looks for the heavy ones.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from intake_corpus import build_corpus

ROOT = Path(__file__).resolve().parents[2]

#: Top-level packages that no command may load just to build its parser (Qt: only the GUI loads it).
HEAVY = ("sqlalchemy", "alembic", "cryptography", "pymupdf", "fitz", "av", "openpyxl", "rapidfuzz", "PySide6")


def imported(*args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run ``python -X importtime ARGS``; the process and the top-level packages it imported."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    names = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            name = line.rsplit("|", 1)[1].strip()
            names.add(name.split(".")[0])
    assert "app" in names, proc.stderr[-2000:]  # the probe really sees this process's imports
    return proc, names


@pytest.mark.parametrize(
    "args",
    [
        ["-m", "app.cli", "--help"],
        ["-c", "from app.cli import build_parser; build_parser()"],
        ["-m", "ui.launch", "intake", "check", "--help"],  # the installed ``leitai`` command
        ["-m", "app.cli", "package", "build", "--help"],
        ["-m", "app.cli", "judge", "open", "--help"],
    ],
    ids=lambda a: " ".join(a[1:]),
)
def test_building_the_command_tree_imports_no_service(args: list[str]) -> None:
    proc, names = imported(*args)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert sorted(names.intersection(HEAVY)) == []


def test_intake_check_needs_no_workspace_database_or_keys(tmp_path: Path) -> None:
    corpus = build_corpus(
        tmp_path / "src", clean=2, videos=0, planted=False, edges=False, distinct_decks=1, huge=False
    )
    proc, names = imported(
        "-m", "app.cli", "intake", "check", str(corpus.root), "--season", "2022", "--json", "--workers", "1"
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout)
    assert {c["case_id"] for c in report["cases"]} == set(corpus.expected)
    assert "pymupdf" in names  # the PDFs really were read
    assert sorted(names.intersection({"alembic", "cryptography", "PySide6"})) == []
