# SPDX-License-Identifier: Apache-2.0
"""The judge's flow by keyboard alone, on a laptop-sized window: open the package from the judge's start
page, go to the scores, type them (Tab between them), submit, move to the next case, bring the case list
back, export. Key presses only: no mouse, no calls into the view."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.bundles.package import BuiltPackage
from tests.ui.judge_support import JudgePrompter, demo_packages
from ui.main_window import PAGE_JUDGE, MainWindow


@pytest.fixture
def prompter() -> JudgePrompter:
    return JudgePrompter()


@pytest.fixture
def window(qtbot, ctx) -> Iterator[MainWindow]:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)
    yield win
    win.judge.shutdown()


def keys(
    qtbot, sequence: str | Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """Press keys where the keyboard focus is, as a judge does."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    if isinstance(sequence, str):
        qtbot.keyClicks(target, sequence)
    else:
        qtbot.keyClick(target, sequence, modifier)


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> BuiltPackage:
    return demo_packages(tmp_path_factory.mktemp("keyboard"), cases=2, judges=1, videos=0)[0]


def test_the_whole_judge_flow_by_keyboard(qtbot, window, prompter, package, tmp_path):
    window.show_page(PAGE_JUDGE)
    judge = window.judge
    start = judge.start_page
    start.back_button.setFocus()
    keys(qtbot, Qt.Key.Key_Tab)  # back button → open button
    assert QApplication.focusWidget() is start.open_button
    prompter.files.append(package.path)
    prompter.access_codes.append(package.access_code)
    keys(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: judge.home is not None, timeout=15000)
    scoring = judge.scoring
    first = scoring.case_id

    qtbot.waitUntil(lambda: scoring.reader.is_loaded, timeout=10000)
    # A desktop gives the window the keyboard back when the progress dialog closes; offscreen Qt does not.
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    assert QApplication.focusWidget() is scoring.reader.view  # reading first
    keys(qtbot, Qt.Key.Key_PageDown)
    assert scoring.reader.view.current_page == 1
    keys(qtbot, Qt.Key.Key_F2)  # to the first criterion without a score
    spins = list(scoring.rubric.spins.values())
    assert QApplication.focusWidget() is spins[0]
    for spin in spins:
        assert QApplication.focusWidget() is spin
        keys(qtbot, "10")
        keys(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not scoring.saving, timeout=5000)
    keys(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # submit
    qtbot.waitUntil(
        lambda: scoring.model.case(scoring.model.row_of(first)).state == "submitted", timeout=5000
    )

    keys(qtbot, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)  # next case to score
    assert scoring.case_id != first
    assert not scoring.case_list.isVisible()  # folded on a laptop…
    keys(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert scoring.case_list.isVisible()  # …and back with Ctrl+L

    out = tmp_path / "out"
    out.mkdir()
    prompter.directories.append(out)
    with qtbot.waitSignal(judge.exported, timeout=10000) as exported:
        keys(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert exported.args[0].n_submitted == 1
    judge.export_dialog.close()


def _tab_to(qtbot, widget, limit: int = 30) -> None:
    """Press Tab until ``widget`` has the focus (it must be reachable by keyboard)."""
    for _ in range(limit):
        if QApplication.focusWidget() is widget:
            return
        keys(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"{widget.objectName()} cannot be reached with Tab")


def test_a_new_judge_goes_from_the_start_page_to_an_exported_bundle_by_keyboard(
    qtbot, window, prompter, package, tmp_path
):
    """First run: the guide on Leitai's start page, the judge's steps, the package opened at its first
    case, every criterion scored, the case submitted, the bundle exported — with key presses only."""
    from ui.settings import GUIDE_DISMISSED

    start = window.start_page
    assert window.current_page() == "start"
    assert start.guide.isVisible()  # first run: the guide is there
    start.setFocus()
    _tab_to(qtbot, start.guide.judge_button)
    keys(qtbot, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is start.guide.first_button  # "Open my judge package…"
    prompter.files.append(package.path)
    prompter.access_codes.append(package.access_code)
    keys(qtbot, Qt.Key.Key_Space)
    judge = window.judge
    qtbot.waitUntil(lambda: judge.home is not None, timeout=15000)
    assert window.current_page() == PAGE_JUDGE
    scoring = judge.scoring
    first = scoring.model.rows()[0].id
    assert scoring.case_id == first  # the guide ends with the first case open
    qtbot.waitUntil(lambda: scoring.reader.is_loaded, timeout=10000)
    assert not start.guide.isVisible()
    assert window.ctx.settings.get(GUIDE_DISMISSED) is True  # and stays away from now on

    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    keys(qtbot, Qt.Key.Key_F2)
    for spin in scoring.rubric.spins.values():
        assert QApplication.focusWidget() is spin
        keys(qtbot, "12")
        keys(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not scoring.saving, timeout=5000)
    keys(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: scoring.model.case(scoring.model.row_of(first)).state == "submitted", timeout=5000
    )
    out = tmp_path / "out"
    out.mkdir()
    prompter.directories.append(out)
    with qtbot.waitSignal(judge.exported, timeout=10000) as exported:
        keys(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert exported.args[0].n_submitted == 1
    assert exported.args[0].path.is_file()
    judge.export_dialog.close()
