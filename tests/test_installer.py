# SPDX-License-Identifier: Apache-2.0
"""The PyInstaller one-folder build builds within its size budget, passes its own ``--self-test``
offscreen, runs its commands and starts its GUI; and the build's exclusions never drop what the app
imports (packaging/bundle_rules.py)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "packaging"))

from bundle_rules import EXCLUDED_MODULES, keep_binary, keep_data  # noqa: E402
from intake_corpus import build_corpus  # noqa: E402

#: The built folder may not grow past this (MiB, files counted once, symlinks not followed). It was
#: 505 MiB on Linux x86-64 on 2026-11-29 (README "Installing"); raising it is a decision, not a fix.
SIZE_BUDGET_MIB = 530

#: Every Qt module, and every other top-level package, that app/ and ui/ import anywhere.
_IMPORT = re.compile(r"^\s*(?:from|import)\s+([A-Za-z_][\w.]*)", re.MULTILINE)


def _imported_modules() -> set[str]:
    found: set[str] = set()
    for folder in ("app", "ui"):
        for path in (ROOT / folder).rglob("*.py"):
            found.update(_IMPORT.findall(path.read_text(encoding="utf-8")))
    return found


def test_the_build_never_excludes_a_module_the_app_imports() -> None:
    imported = _imported_modules()
    qt = {m for m in imported if m.startswith("PySide6.Qt")}
    assert {"PySide6.QtCore", "PySide6.QtWidgets", "PySide6.QtMultimedia"} <= qt  # the scan works
    for module in imported:
        assert not any(module == ex or module.startswith(ex + ".") for ex in EXCLUDED_MODULES), module


def test_the_bundle_rules_keep_what_the_app_needs_and_drop_the_rest() -> None:
    keep = [
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Quick.so.6",  # the FFmpeg multimedia plug-in links it
        "PySide6/Qt/lib/libQt6Charts.so.6",  # the results page's consistency chart
        "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6\\Qt\\plugins\\platforms\\qwindows.dll",
        "pymupdf/libmupdf.so.28.2",
    ]
    drop = [
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libQt6ChartsQml.so.6",
        "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6\\Qt\\plugins\\imageformats\\qpdf.dll",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    ]
    assert all(keep_binary(name, "linux") for name in keep)
    assert not any(keep_binary(name, "linux") for name in drop)
    assert not keep_binary("libvlc.so.5", "linux")
    assert keep_binary("vlc/libvlc.dll", "win32")
    assert keep_data("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert keep_data("resources/i18n/judge_zh_CN.qm")
    assert not keep_data("resources/i18n/judge_zh_CN.ts")


def _folder_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


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
    folder = tmp_path / "dist" / "leitai"
    exe = folder / "leitai"
    size = _folder_mib(folder)
    assert size <= SIZE_BUDGET_MIB, (
        f"the built folder is {size:.0f} MiB, over its {SIZE_BUDGET_MIB} MiB budget"
    )
    inside = {p.relative_to(folder).as_posix() for p in folder.rglob("*")}
    assert not [p for p in inside if not keep_binary(p, sys.platform) or not keep_data(p)]
    assert "_internal/resources/i18n/judge_zh_CN.qm" in inside  # compiled by the build
    assert not [p for p in inside if p.endswith(".ts")]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "LEITAI_LANG": "en"}
    env.pop("LEITAI_KEY_STORE", None)  # the installed app as a judge runs it
    selftest = subprocess.run(
        [str(exe), "--data-dir", str(tmp_path / "data"), "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert selftest.returncode == 0, selftest.stdout + selftest.stderr
    assert "self-test passed: 11 checks" in selftest.stdout
    assert "QtMultimedia" in selftest.stdout  # Linux: the folder carries no libvlc (README)
    assert (tmp_path / "data" / "logs" / "leitai.log").is_file()
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
