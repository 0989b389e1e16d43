# SPDX-License-Identifier: Apache-2.0
"""The main window as a user drives it: start page, open a workspace, demo with progress, menus."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from app.workspace import Workspace
from tests.ui.conftest import SAMPLE_CASES, FakePrompter, build_sample_workspace
from ui import workspace_maker
from ui.context import AppContext
from ui.main import Shell
from ui.main_window import PAGE_JUDGE, PAGE_ORGANIZER, PAGE_START, MainWindow
from ui.settings import LANGUAGE
from ui.workspace_maker import demo_target


@pytest.fixture
def window(qtbot: Any, ctx: AppContext) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


def open_from_start_page(qtbot: Any, window: MainWindow, prompter: FakePrompter, path: Path) -> None:
    prompter.directories.append(path)
    with qtbot.waitSignal(window.organizer.loaded, timeout=10000):
        window.start_page.open_button.click()


def test_window_opens_on_the_start_page(window: MainWindow) -> None:
    assert window.current_page() == PAGE_START
    assert window.windowTitle() == "擂台"
    assert window.file_menu.title() == "文件(&F)"
    assert not window.named_actions["close_workspace"].isEnabled()


def test_menus_have_the_usual_shortcuts(window: MainWindow) -> None:
    shortcuts = {name: a.shortcut() for name, a in window.named_actions.items()}
    assert shortcuts["open_workspace"] == QKeySequence("Ctrl+O")
    assert shortcuts["close_workspace"] == QKeySequence("Ctrl+W")
    assert shortcuts["quit"] == QKeySequence("Ctrl+Q")
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["文件(&F)", "视图(&V)", "帮助(&H)"]


def test_opening_a_workspace_from_the_start_page_shows_its_cases(
    qtbot: Any, window: MainWindow, prompter: FakePrompter, sample_workspace_dir: Path
) -> None:
    open_from_start_page(qtbot, window, prompter, sample_workspace_dir)
    assert window.current_page() == PAGE_ORGANIZER
    codes = {window.organizer.model.row_at(r).code for r in range(window.organizer.model.rowCount())}
    assert codes == {c.code for c in SAMPLE_CASES}
    n = len(SAMPLE_CASES)
    assert window.cases_label.text() == f"显示 {n} / {n} 个案例"
    assert "2020 年度" in window.competition_label.text()
    assert window.judges_label.text() == "评委 0 位"
    assert window.windowTitle().endswith("— 擂台")
    # the organizer's Cases menu sits between File and View while it is open
    assert [a.text() for a in window.menuBar().actions()] == ["文件(&F)", "案例(&C)", "视图(&V)", "帮助(&H)"]
    assert window.ctx.settings.recent_workspaces()[0] == str(sample_workspace_dir.resolve())


def test_close_goes_back_to_the_start_page_and_lists_the_workspace(
    qtbot: Any, window: MainWindow, prompter: FakePrompter, sample_workspace_dir: Path
) -> None:
    open_from_start_page(qtbot, window, prompter, sample_workspace_dir)
    window.named_actions["close_workspace"].trigger()
    assert window.current_page() == PAGE_START
    assert window.workspace is None
    assert window.cases_label.text() == ""
    assert window.start_page.recent_paths() == [str(sample_workspace_dir.resolve())]
    assert [a.text() for a in window.menuBar().actions()] == ["文件(&F)", "视图(&V)", "帮助(&H)"]


def test_a_recent_workspace_opens_with_one_click(
    qtbot: Any, ctx: AppContext, sample_workspace_dir: Path
) -> None:
    ctx.settings.add_recent_workspace(sample_workspace_dir)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    item = win.start_page.recent_list.item(0)
    assert item.toolTip() == str(sample_workspace_dir.resolve())
    with qtbot.waitSignal(win.organizer.loaded, timeout=10000):
        win.start_page.recent_list.itemClicked.emit(item)
    assert win.current_page() == PAGE_ORGANIZER


def test_a_folder_that_is_not_a_workspace_gives_a_chinese_message(
    qtbot: Any, window: MainWindow, prompter: FakePrompter, tmp_path: Path
) -> None:
    folder = tmp_path / "not-a-workspace"
    folder.mkdir()
    window.ctx.settings.add_recent_workspace(folder)
    prompter.directories.append(folder)
    window.start_page.open_button.click()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None, timeout=5000)
    box = window.findChild(QMessageBox, "errorBox")
    assert "不是擂台工作区" in box.text()
    assert str(folder) in box.text()
    assert window.current_page() == PAGE_START
    assert str(folder.resolve()) not in window.ctx.settings.recent_workspaces()
    box.close()


def test_cancelled_folder_dialog_does_nothing(window: MainWindow, prompter: FakePrompter) -> None:
    prompter.directories.append(None)
    window.named_actions["open_workspace"].trigger()
    assert window.current_page() == PAGE_START
    assert prompter.asked == ["打开工作区文件夹"]


def fake_demo(release: threading.Event | None = None) -> Callable[..., Workspace]:
    """A stand-in for app.demo.generate_demo: reports progress per case, builds a small workspace."""

    def generate(root: Path, *, cases: int, progress: Callable[[int, int], None], **_kw: Any) -> Workspace:
        for i in range(cases):
            if release is not None:
                release.wait(0.005)
            progress(i + 1, cases)
        build_sample_workspace(root)
        return Workspace.open(root)

    return generate


def test_create_demo_shows_progress_then_the_new_workspace(
    qtbot: Any, window: MainWindow, prompter: FakePrompter, tmp_path: Path
) -> None:
    window.ctx.services.generate_demo = fake_demo()
    folder = tmp_path / "demo-here"
    folder.mkdir()
    prompter.directories.append(folder)
    with qtbot.waitSignal(window.organizer.loaded, timeout=10000):
        window.start_page.demo_button.click()
        dialog = window.findChild(QProgressDialog, "demoProgress")
        assert dialog is not None
        assert dialog.labelText() == "正在生成演示比赛…"
    assert window.current_page() == PAGE_ORGANIZER
    assert window.workspace is not None
    assert window.workspace.root == folder  # an empty folder is used as it is
    assert window.organizer.model.rowCount() == len(SAMPLE_CASES)


def test_cancelling_the_demo_removes_what_it_started(
    qtbot: Any, window: MainWindow, prompter: FakePrompter, tmp_path: Path
) -> None:
    never = threading.Event()
    window.ctx.services.generate_demo = fake_demo(release=never)
    folder = tmp_path / "busy"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    prompter.directories.append(folder)
    window.named_actions["create_demo"].trigger()
    dialog = window.findChild(QProgressDialog, "demoProgress")
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=5000)
    cancel_button = dialog.findChild(QPushButton)
    assert cancel_button.text() == "取消"
    cancel_button.click()
    qtbot.waitUntil(lambda: window.maker.task.done, timeout=5000)
    assert window.current_page() == PAGE_START
    assert window.workspace is None
    assert not (folder / "leitai-demo").exists()
    assert (folder / "notes.txt").read_text() == "mine"  # the user's own files are untouched


def test_demo_goes_into_a_new_subfolder_of_a_non_empty_folder(tmp_path: Path) -> None:
    assert demo_target(tmp_path / "new") == tmp_path / "new"
    (tmp_path / "x.txt").write_text("x")
    assert demo_target(tmp_path) == tmp_path / "leitai-demo"
    (tmp_path / "leitai-demo").mkdir()
    assert demo_target(tmp_path) == tmp_path / "leitai-demo-2"


def test_open_judge_package_shows_the_judge_workspace(window: MainWindow, prompter: FakePrompter) -> None:
    prompter.files.append(None)  # the judge cancels the file dialog: the empty workspace stays
    window.start_page.package_button.click()
    assert window.current_page() == PAGE_JUDGE
    page = window.page(PAGE_JUDGE)
    assert page.stack.currentWidget() is page.empty_page
    assert page.open_button.text() == "打开评审包…"
    assert prompter.asked == ["打开评审包"]


def test_about_box_names_versions_and_video_backend(window: MainWindow) -> None:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    window.named_actions["about"].trigger()
    text = window.about_box.text()
    assert qVersion() in text
    assert pyside_version in text
    assert "视频播放" in text
    assert "libvlc" in text  # either "python-vlc（libvlc x）" or "QtMultimedia（未找到 libvlc）"
    window.about_box.close()


def test_about_box_says_when_the_video_backend_was_forced(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEITAI_VIDEO_BACKEND", "qt")
    window.named_actions["about"].trigger()
    text = window.about_box.text()
    assert "LEITAI_VIDEO_BACKEND" in text
    assert "未找到 libvlc" not in text
    window.about_box.close()


def test_switching_language_rebuilds_the_window_in_english(
    qtbot: Any, qapp: Any, ctx: AppContext, prompter: FakePrompter, sample_workspace_dir: Path
) -> None:
    shell = Shell(qapp, ctx)
    first = shell.window  # not registered with qtbot: the switch closes and deletes it
    open_from_start_page(qtbot, first, prompter, sample_workspace_dir)
    first.named_actions["language_en"].trigger()
    second = shell.window
    qtbot.addWidget(second)
    assert second is not first
    assert second.file_menu.title() == "&File"
    qtbot.waitUntil(lambda: second.organizer.model.rowCount() == len(SAMPLE_CASES), timeout=10000)
    assert second.workspace is not None
    assert second.workspace.root == sample_workspace_dir
    assert ctx.language == "en"
    assert ctx.settings.get(LANGUAGE) == "en"


def test_create_demo_with_the_real_generator(
    qtbot: Any, window: MainWindow, prompter: FakePrompter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workspace_maker, "DEMO_CASES", 3)
    monkeypatch.setattr(workspace_maker, "DEMO_JUDGES", 2)
    prompter.directories.append(tmp_path / "real-demo")
    with qtbot.waitSignal(window.organizer.loaded, timeout=60000):
        window.named_actions["create_demo"].trigger()
    assert window.organizer.model.rowCount() == 3
    assert window.judges_label.text() == "评委 2 位"
    assert window.ctx.settings.recent_workspaces()[0] == str((tmp_path / "real-demo").resolve())
