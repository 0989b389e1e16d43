# SPDX-License-Identifier: Apache-2.0
"""The About box names the versions a support call needs and copies a diagnostics report: versions,
system, screen, folders and the last log lines, with the user's home folder written as ``~``."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.diagnostics import logs
from ui.about_dialog import AboutDialog


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    logs.setup_logging(tmp_path / "data")
    yield tmp_path / "data"
    logs.shutdown_logging()


def test_copy_diagnostics_puts_a_report_without_the_home_folder_on_the_clipboard(
    qtbot, ctx, data_dir: Path
) -> None:
    home_path = Path.home() / "Desktop" / "leitai-judge" / "files"
    logging.getLogger("leitai.test").warning("could not read %s", home_path)
    about = AboutDialog(None, data_dir, "zh_CN")
    qtbot.addWidget(about)
    about.copy_button.click()
    report = QApplication.clipboard().text()
    assert report == about.diagnostics()
    for name in ("Leitai:", "Python:", "OS:", "Qt:", "PySide6:", "PyMuPDF:", "Video:", "Screen 1:", "Log:"):
        assert name in report, name
    assert "UI language: zh_CN" in report
    assert "could not read ~/Desktop/leitai-judge/files" in report  # the last log lines, home redacted
    if len(str(Path.home())) > 1:
        assert str(Path.home()) + "/" not in report
    assert about.copied.text()  # the user sees that it worked
    assert "PyMuPDF" in about.text()
    assert "Python" in about.text()
