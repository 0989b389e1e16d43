# SPDX-License-Identifier: Apache-2.0
"""Every control a user can reach has a name a screen reader says: the start page (with its guide), the
organizer's view with a workspace open, and the judge's view with a package open at a case. The name is
read the way assistive technology reads it (``QAccessible``), so a button's text, a label's buddy or an
explicit accessible name all count; an icon-only button or a bare text field does not.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from app.bundles import DEMO_PASSPHRASE
from app.bundles.package import BuiltPackage
from tests.ui.judge_support import JudgePrompter, demo_packages
from ui.main_window import PAGE_JUDGE, MainWindow

#: Widgets a user operates (and a screen reader must name).
INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QAbstractSpinBox,
    QComboBox,
    QAbstractItemView,
    QAbstractSlider,
    QTextEdit,
    QPlainTextEdit,
    QTabBar,
)


def _part_of_another_control(widget: QWidget) -> bool:
    """Pieces Qt builds inside a control and announces through it (a scroll area's bars, a table's
    header, a line edit's clear button, a spin box's editor, a toolbar's overflow arrow)."""
    parent = widget.parentWidget()
    return (
        isinstance(widget, (QScrollBar, QHeaderView))
        or widget.objectName().startswith("qt_")
        or isinstance(parent, (QLineEdit, QAbstractSpinBox, QComboBox))
    )


def unnamed_controls(root: QWidget) -> list[str]:
    """The interactive controls under ``root`` that a user can reach now and that have no name."""
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(root):
            continue
        if _part_of_another_control(widget):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name).strip() if interface is not None else ""
        if not name:
            parent = widget.parentWidget()
            missing.append(
                f"{type(widget).__name__} {widget.objectName()!r} in "
                f"{type(parent).__name__ if parent else '-'} {parent.objectName() if parent else ''!r}"
            )
    return missing


@pytest.fixture
def prompter() -> JudgePrompter:
    return JudgePrompter()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuiltPackage]:
    """A demo workspace of two cases (one with a video) and its judge's package."""
    root = tmp_path_factory.mktemp("a11y")
    package = demo_packages(root, cases=2, judges=1, videos=1, passphrase=DEMO_PASSPHRASE)[0]
    return root / "ws", package


@pytest.fixture
def window(qtbot, ctx) -> Iterator[MainWindow]:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    yield win
    if win.page_built(PAGE_JUDGE):
        win.judge.shutdown()
    win.close_workspace()


def test_every_control_of_the_start_page_and_its_guide_is_named(window: MainWindow) -> None:
    start = window.start_page
    start.set_recent([str(Path.home() / "competitions" / "2024")])
    start.show_guide()
    assert unnamed_controls(start) == []
    for role in ("judge", "organizer"):
        start.show_guide(role)
        assert unnamed_controls(start) == [], role
    assert unnamed_controls(window.menuBar()) == []


def test_every_control_of_the_organizer_view_is_named(qtbot, window: MainWindow, demo) -> None:
    workspace, _package = demo
    window.open_workspace(workspace)
    qtbot.waitUntil(
        lambda: window.workspace is not None and window.organizer.summary is not None, timeout=20000
    )
    assert unnamed_controls(window.organizer) == []


def test_every_control_of_the_judge_view_is_named(qtbot, window: MainWindow, prompter, demo) -> None:
    _workspace, package = demo
    window.show_page(PAGE_JUDGE)
    judge = window.judge
    assert unnamed_controls(judge) == []  # the judge's start page
    prompter.access_codes.append(package.access_code)
    judge.open_package(package.path)
    qtbot.waitUntil(lambda: judge.home is not None, timeout=20000)
    scoring = judge.scoring
    qtbot.waitUntil(lambda: scoring.reader.is_loaded, timeout=10000)
    for case in scoring.model.rows():  # the case with a video shows the player's controls too
        scoring.select_case(case.id)
        for tab in range(scoring.tabs.count()):  # slides, video
            scoring.tabs.setCurrentIndex(tab)
            assert unnamed_controls(judge) == [], (case.code, scoring.tabs.tabText(tab))
