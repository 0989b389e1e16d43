# SPDX-License-Identifier: Apache-2.0
"""An unexpected error: logged with its traceback before anything else, the user told once (nothing is
lost, where the log is), never a loop of dialogs; errors from other threads and fatal Qt messages too."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMessageLogContext, QtMsgType
from PySide6.QtWidgets import QApplication

from app.diagnostics import logs
from ui.crash_handler import CONTINUE, QUIT, CrashDialog, CrashHandler, CrashReport


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = logs.setup_logging(tmp_path / "data")
    yield path
    logs.shutdown_logging()


def _raise(message: str) -> BaseException:
    try:
        raise RuntimeError(message)
    except RuntimeError as exc:
        return exc


def _hook(handler: CrashHandler, exc: BaseException) -> None:
    handler.on_exception(type(exc), exc, exc.__traceback__)


def test_the_log_is_in_the_data_folder_when_one_is_given(log_file: Path, tmp_path: Path) -> None:
    assert log_file == tmp_path / "data" / "logs" / "leitai.log"
    assert "starting" in log_file.read_text(encoding="utf-8")


def test_an_error_is_logged_first_then_shown_once_with_the_log(qapp, log_file: Path) -> None:
    shown: list[CrashReport] = []

    def show(report: CrashReport) -> str:
        # By the time the user reads the dialog, the traceback is on disk.
        assert "disk full in paint" in log_file.read_text(encoding="utf-8")
        shown.append(report)
        return CONTINUE

    handler = CrashHandler(show)
    _hook(handler, _raise("disk full in paint"))
    assert len(shown) == 1
    assert shown[0].log_file == log_file
    assert "RuntimeError: disk full in paint" in shown[0].summary
    assert "Traceback" in log_file.read_text(encoding="utf-8")


def test_a_second_error_while_the_dialog_is_up_is_only_logged(qapp, log_file: Path) -> None:
    calls: list[str] = []
    handler: CrashHandler

    def show(report: CrashReport) -> str:
        calls.append(report.summary)
        _hook(handler, _raise("again, from inside the dialog"))  # e.g. a repaint that fails again
        return CONTINUE

    handler = CrashHandler(show)
    _hook(handler, _raise("first"))
    _hook(handler, _raise("right after"))  # in the quiet period after the dialog closed
    assert calls == ["RuntimeError: first"]
    text = log_file.read_text(encoding="utf-8")
    assert "again, from inside the dialog" in text
    assert "right after" in text


def test_an_error_on_a_worker_thread_is_shown_on_the_gui_thread(qtbot, log_file: Path) -> None:
    shown: list[tuple[str, bool]] = []
    handler = CrashHandler(
        lambda r: shown.append((r.summary, threading.current_thread() is threading.main_thread())) or CONTINUE
    )
    worker = threading.Thread(
        target=lambda: handler._on_thread_exception(  # as threading.excepthook would
            threading.ExceptHookArgs((RuntimeError, RuntimeError("in the worker"), None, None))
        )
    )
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    assert shown == [("RuntimeError: in the worker", True)]


def test_a_fatal_qt_message_is_on_disk_before_qt_aborts(qapp, log_file: Path) -> None:
    handler = CrashHandler(lambda r: CONTINUE)
    handler.on_qt_message(QtMsgType.QtFatalMsg, QMessageLogContext(), "could not load the platform plugin")
    text = log_file.read_text(encoding="utf-8")
    assert "Qt stopped the program: could not load the platform plugin" in text


def test_quit_closes_every_window_the_normal_way(qtbot, log_file: Path, monkeypatch) -> None:
    closed: list[bool] = []
    monkeypatch.setattr(QApplication, "closeAllWindows", lambda *_: closed.append(True))
    monkeypatch.setattr(QApplication, "exit", lambda *args: closed.append(args[-1] == 1))
    handler = CrashHandler(lambda r: QUIT)
    _hook(handler, _raise("quit now"))
    assert closed == [True, True]


def test_the_dialog_says_nothing_is_lost_and_where_the_log_is(qtbot, ctx, log_file: Path) -> None:
    dialog = CrashDialog(CrashReport("RuntimeError: boom", "Traceback …", log_file))
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.log_label)))
    assert "保存" in texts  # zh by default: 已保存
    assert str(log_file) in dialog.log_label.text()
    dialog.copy_button.click()
    assert "RuntimeError: boom" in QApplication.clipboard().text()
    dialog.quit_button.click()
    assert dialog.choice == QUIT
