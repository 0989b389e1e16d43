# SPDX-License-Identifier: Apache-2.0
"""The start page's first-run guide: there on the first run, one role's four steps, its last step asks
what the start page's own buttons ask; once put away it stays away, across restarts; Help brings it back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from ui.main_window import PAGE_START, MainWindow
from ui.settings import GUIDE_DISMISSED, Settings
from ui.start_page import StartPage


def _page(qtbot, settings: Settings) -> StartPage:
    page = StartPage(package_suffix=".leitai-pkg", settings=settings)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


def test_the_guide_is_there_on_the_first_run_and_stays_away_once_hidden(qtbot, ctx, tmp_path: Path) -> None:
    page = _page(qtbot, ctx.settings)
    assert page.guide.isVisible()
    qtbot.mouseClick(page.guide.hide_button, Qt.MouseButton.LeftButton)
    assert not page.guide.isVisible()
    ctx.settings.sync()
    restarted = _page(qtbot, Settings(ctx.settings.path))
    assert not restarted.guide.isVisible()


def test_the_judges_guide_ends_by_asking_for_the_package(qtbot, ctx) -> None:
    page = _page(qtbot, ctx.settings)
    qtbot.mouseClick(page.guide.judge_button, Qt.MouseButton.LeftButton)
    steps = page.guide.steps.text()
    assert steps.count("\n") == 3  # four steps
    assert "访问码" in steps  # zh by default: the access code
    with qtbot.waitSignal(page.open_package_requested):
        qtbot.mouseClick(page.guide.first_button, Qt.MouseButton.LeftButton)
    assert ctx.settings.get(GUIDE_DISMISSED) is True


def test_the_organizers_guide_offers_a_workspace_or_the_demo(qtbot, ctx) -> None:
    page = _page(qtbot, ctx.settings)
    page.guide.organizer_button.click()
    assert page.guide.second_button.isVisible()
    with qtbot.waitSignal(page.create_demo_requested):
        page.guide.second_button.click()
    page.show_guide()
    assert page.guide.isVisible()
    assert page.guide.organizer_button.isVisible()  # back at the choice of role
    page.guide.organizer_button.click()
    with qtbot.waitSignal(page.new_workspace_requested):
        page.guide.first_button.click()


def test_help_brings_the_guide_back(qtbot, ctx) -> None:
    ctx.settings.set(GUIDE_DISMISSED, True)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert not window.start_page.guide.isVisible()
    window.named_actions["guide"].trigger()
    assert window.current_page() == PAGE_START
    assert window.start_page.guide.isVisible()
    assert ctx.settings.get(GUIDE_DISMISSED) is False
