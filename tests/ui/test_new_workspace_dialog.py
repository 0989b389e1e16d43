# SPDX-License-Identifier: Apache-2.0
"""New workspace from the GUI: the dialog accepts only a valid entry, and the window creates and opens it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from app import catalog
from app.bundles import MIN_PASSPHRASE, keys
from app.errors import DomainError
from app.seasons import available_seasons, load_season
from app.workspace import Workspace
from tests.ui.conftest import FakePrompter
from ui.context import AppContext
from ui.main_window import PAGE_ORGANIZER, PAGE_START, MainWindow
from ui.new_workspace_dialog import NewWorkspaceDialog, NewWorkspaceRequest

GOOD = "correct horse"


@pytest.fixture
def dialog(qtbot: Any, ctx: AppContext) -> NewWorkspaceDialog:
    d = NewWorkspaceDialog(ctx.prompter.choose_directory)
    qtbot.addWidget(d)
    return d


def fill(dialog: NewWorkspaceDialog, folder: Path, passphrase: str = GOOD, repeat: str | None = None) -> None:
    dialog.folder.setText(str(folder))
    dialog.passphrase.setText(passphrase)
    dialog.repeat.setText(passphrase if repeat is None else repeat)


def test_defaults_are_the_newest_season_and_its_title(dialog: NewWorkspaceDialog) -> None:
    newest = max(available_seasons())
    assert dialog.season.currentData() == newest
    assert load_season(newest).title in dialog.season.currentText()
    assert dialog.name.text() == load_season(newest).title
    assert not dialog.ok_button.isEnabled()  # no folder, no passphrase yet


def test_name_follows_the_season_until_the_organizer_types_one(dialog: NewWorkspaceDialog) -> None:
    oldest = min(available_seasons())
    dialog.season.setCurrentIndex(dialog.season.findData(oldest))
    assert dialog.name.text() == load_season(oldest).title
    dialog.name.setText("省级选拔赛")
    dialog.season.setCurrentIndex(dialog.season.findData(max(available_seasons())))
    assert dialog.name.text() == "省级选拔赛"


def test_ok_only_for_a_long_enough_matching_passphrase(dialog: NewWorkspaceDialog, tmp_path: Path) -> None:
    fill(dialog, tmp_path / "new", "x" * (MIN_PASSPHRASE - 1))
    assert not dialog.ok_button.isEnabled()
    assert str(MIN_PASSPHRASE) in dialog.passphrase_hint.text()
    fill(dialog, tmp_path / "new", GOOD, GOOD + "!")
    assert not dialog.ok_button.isEnabled()
    assert dialog.passphrase_hint.text() == "两次输入的口令不一致。"
    fill(dialog, tmp_path / "new")
    assert dialog.ok_button.isEnabled()
    assert dialog.passphrase_hint.text() == ""
    assert dialog.passphrase.echoMode() == dialog.passphrase.EchoMode.Password
    assert dialog.repeat.echoMode() == dialog.repeat.EchoMode.Password
    dialog.name.setText("  ")
    assert not dialog.ok_button.isEnabled()


def test_a_non_empty_folder_is_refused_inline(dialog: NewWorkspaceDialog, tmp_path: Path) -> None:
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("x")
    fill(dialog, busy)
    assert not dialog.ok_button.isEnabled()
    assert "不是空文件夹" in dialog.folder_hint.text()
    empty = tmp_path / "empty"
    empty.mkdir()
    fill(dialog, empty)  # an empty existing folder is fine
    assert dialog.ok_button.isEnabled()
    assert dialog.folder_hint.text() == ""
    dialog.folder.setText("relative/path")
    assert not dialog.ok_button.isEnabled()


def test_the_folder_chooser_fills_the_folder(
    dialog: NewWorkspaceDialog, prompter: FakePrompter, tmp_path: Path
) -> None:
    prompter.directories.append(tmp_path / "chosen")
    dialog.browse.click()
    assert dialog.folder.text() == str(tmp_path / "chosen")
    assert prompter.asked == ["选择新工作区的文件夹"]


@pytest.fixture
def window(qtbot: Any, ctx: AppContext) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


def test_new_workspace_from_the_start_page_is_created_and_opened(
    qtbot: Any, window: MainWindow, prompter: FakePrompter, ctx: AppContext, tmp_path: Path
) -> None:
    target = tmp_path / "competition"
    oldest = min(available_seasons())

    def enter(dialog: NewWorkspaceDialog) -> bool:
        dialog.season.setCurrentIndex(dialog.season.findData(oldest))
        dialog.name.setText("测试擂台赛")
        fill(dialog, target)
        return True

    prompter.fillers.append(enter)
    with qtbot.waitSignal(window.organizer.loaded, timeout=10000):
        window.start_page.new_button.click()
    assert window.current_page() == PAGE_ORGANIZER
    assert window.workspace is not None
    assert window.workspace.root == target
    assert ctx.settings.recent_workspaces()[0] == str(target)
    assert "测试擂台赛" in window.windowTitle()
    window.close_workspace()

    with Workspace.open(target) as ws:
        summary = catalog.summary(ws)
        assert (summary.season, summary.competition) == (oldest, "测试擂台赛")
        with ws.sessions.begin() as s:
            public = keys.organizer_public_key(s)
            assert public is not None
            # sealed under the passphrase typed: it unlocks with it, and only with it
            assert keys.raw_public(keys.ensure_organizer_key(s, ws.competition_uid, GOOD)) == public
            with pytest.raises(DomainError, match="口令不正确"):
                keys.ensure_organizer_key(s, ws.competition_uid, GOOD + "?")


def test_file_menu_cancel_creates_nothing(window: MainWindow, prompter: FakePrompter, tmp_path: Path) -> None:
    target = tmp_path / "never"

    def cancel(dialog: NewWorkspaceDialog) -> bool:
        fill(dialog, target)
        return False

    prompter.fillers.append(cancel)
    window.named_actions["new_workspace"].trigger()
    assert prompter.asked == ["newWorkspaceDialog"]
    assert window.current_page() == PAGE_START
    assert not target.exists()


def test_a_failure_is_shown_and_leaves_no_half_made_folder(
    qtbot: Any,
    window: MainWindow,
    prompter: FakePrompter,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "made"

    def enter(dialog: NewWorkspaceDialog) -> bool:
        fill(dialog, target)
        return True

    prompter.fillers.append(enter)
    # The folder was empty when the dialog checked it; someone makes it a workspace before the work runs.
    real_request = NewWorkspaceDialog.request

    def request_then_race(self: NewWorkspaceDialog) -> NewWorkspaceRequest | None:
        got = real_request(self)
        Workspace.create(target, season=min(available_seasons())).close()
        return got

    monkeypatch.setattr(NewWorkspaceDialog, "request", request_then_race)
    window.named_actions["new_workspace"].trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None, timeout=10000)
    box = window.findChild(QMessageBox, "errorBox")
    assert "已经是一个擂台工作区" in box.text() + box.informativeText()
    box.close()
    assert window.current_page() == PAGE_START
    assert target.exists()  # it existed before this run: never deleted
