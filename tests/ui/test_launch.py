# SPDX-License-Identifier: Apache-2.0
"""The ``leitai`` entry: headless commands never load Qt; no command (or ``gui``) starts the GUI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.paths import ROOT

#: Runs ui.launch.main in a fresh interpreter and reports its exit code and whether Qt got imported.
PROBE = """
import json, sys
from ui.launch import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "vlc"))
print("\\n" + json.dumps({"code": code, "qt": qt}))
"""


def probe(*args: str) -> tuple[dict[str, Any], str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    *lines, last = done.stdout.rstrip("\n").split("\n")
    return json.loads(last), "\n".join(lines) + done.stderr


def test_help_does_not_import_qt() -> None:
    result, output = probe("--help")
    assert result == {"code": 0, "qt": []}
    assert "usage: leitai" in output
    assert "gui" in output


def test_info_runs_headless_without_qt(sample_workspace_dir: Path) -> None:
    result, output = probe("info", "--workspace", str(sample_workspace_dir))
    assert result == {"code": 0, "qt": []}
    assert "案例 8 个" in output


def test_a_user_mistake_is_one_line_without_qt(tmp_path: Path) -> None:
    result, output = probe("info", "--workspace", str(tmp_path))
    assert result["code"] == 2
    assert result["qt"] == []
    assert "Traceback" not in output
    assert "不是擂台工作区" in output


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], {"workspace": None, "language": None, "data_dir": None}),
        (["gui"], {"workspace": None, "language": None, "data_dir": None}),
        (
            ["--data-dir", "/tmp/d", "gui", "/tmp/ws", "--lang", "en"],
            {"workspace": "/tmp/ws", "language": "en", "data_dir": "/tmp/d"},
        ),
    ],
)
def test_no_command_or_gui_starts_the_gui(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], expected: dict[str, Any]
) -> None:
    import ui.main
    from ui import launch

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(ui.main, "run_gui", lambda **kw: calls.append(kw) or 0)
    assert launch.main(argv) == 0
    assert calls == [expected]


#: Builds the whole main window on its start page, shows it and lets it paint, in a fresh interpreter;
#: prints which of the slow packages got imported.
START_PAGE_PROBE = """
import json, os, sys, tempfile
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from ui.main import apply_language, apply_style
from ui.context import make_context
from ui.main_window import MainWindow
app = QApplication([])
ctx = make_context(tempfile.mkdtemp())
apply_style(app, ctx)
apply_language(app, ctx)
window = MainWindow(ctx)
window.show()
app.processEvents()
assert window.current_page() == "start"
slow = ("sqlalchemy", "alembic", "fitz", "pymupdf", "vlc", "av", "openpyxl", "cryptography")
found = sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in slow})
found += sorted(m for m in sys.modules if m.startswith("PySide6.QtMultimedia"))
print("\\n" + json.dumps(found))
"""


def test_the_start_page_paints_without_loading_the_database_pdf_or_video_code() -> None:
    """Start fast (issue 8, item 12): what the first screen does not need loads when it is first used."""
    done = subprocess.run(
        [sys.executable, "-c", START_PAGE_PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.rstrip("\n").rsplit("\n", 1)[-1]) == []
