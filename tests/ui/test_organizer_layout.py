# SPDX-License-Identifier: Apache-2.0
"""The organizer view fits a laptop screen in English (the longer language): every action reachable,
every column header whole, the filter row without overlaps, the case titles readable (issue 8, item 10).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QToolButton, QWidget

from tests.ui.conftest import FakePrompter
from ui.context import AppContext, make_context
from ui.main import apply_language, apply_style
from ui.main_window import MainWindow
from ui.organizer.column_fitter import TITLE_MIN_WIDTH
from ui.organizer.organizer_view import OrganizerView


@pytest.fixture
def english(qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppContext]:
    monkeypatch.delenv("LEITAI_PSEUDO_TRANSLATE", raising=False)
    context = make_context(tmp_path / "data", "en", prompter=FakePrompter())
    apply_style(qapp, context)
    apply_language(qapp, context)
    yield context
    context.translators.remove(qapp)
    qapp.setStyleSheet("")


@pytest.fixture
def organizer(qtbot: Any, english: AppContext, sample_workspace_dir: Path) -> Iterator[OrganizerView]:
    window = MainWindow(english)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    with qtbot.waitSignal(window.organizer.loaded, timeout=10000):
        window.open_workspace(sample_workspace_dir)
    qtbot.wait(50)
    yield window.organizer
    window.close_workspace()


def resize(qtbot: Any, view: OrganizerView, width: int, height: int) -> None:
    view.window().resize(width, height)
    qtbot.waitUntil(lambda: view.window().width() == width, timeout=2000)
    qtbot.wait(50)


def test_every_toolbar_action_is_shown_at_1280x720(organizer: OrganizerView) -> None:
    toolbar = organizer.toolbar
    for action in toolbar.actions():
        if action.isSeparator():
            continue
        button = toolbar.widgetForAction(action)
        assert button is not None
        assert button.isVisible(), f"{action.text()} went into the overflow menu"
        assert toolbar.rect().contains(button.geometry()), action.text()


def test_the_overflow_button_is_drawn_when_the_window_is_narrow(qtbot: Any, organizer: OrganizerView) -> None:
    resize(qtbot, organizer, 1024, 680)
    toolbar = organizer.toolbar
    hidden = [
        a for a in toolbar.actions() if not a.isSeparator() and not toolbar.widgetForAction(a).isVisible()
    ]
    extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is not None
    if not hidden:
        pytest.fail("the narrow window was meant to overflow the toolbar")  # keeps the test meaningful
    assert extension.isVisible()
    assert extension.width() >= 16
    image = extension.grab().toImage()
    background = QColor(image.pixel(1, image.height() // 2)).lightness()
    dark = sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if QColor(image.pixel(x, y)).lightness() < background - 80
    )
    assert dark > 6, "the » button is blank"


@pytest.mark.parametrize("size", [(1024, 680), (1280, 720), (1366, 768)])
def test_every_shown_column_header_is_whole(
    qtbot: Any, organizer: OrganizerView, size: tuple[int, int]
) -> None:
    resize(qtbot, organizer, *size)
    header = organizer.table.horizontalHeader()
    font = QFont(header.font())
    font.setBold(True)
    metrics = QFontMetrics(font)
    for col in range(organizer.model.columnCount()):
        if organizer.table.isColumnHidden(col):
            continue
        text = str(organizer.model.headerData(col, Qt.Orientation.Horizontal))
        assert header.sectionSize(col) >= metrics.horizontalAdvance(text) + 16, f"{text} is cut at {size}"


def test_the_title_column_stays_readable_at_1280x720(organizer: OrganizerView) -> None:
    title = organizer.model.column_of("title")
    assert organizer.table.horizontalHeader().sectionSize(title) >= TITLE_MIN_WIDTH
    assert organizer.table.horizontalScrollBar().maximum() == 0  # and nothing hides to the right


def _shown_children(bar: QWidget) -> list[tuple[str, QRect]]:
    return [
        (w.objectName() or type(w).__name__, w.geometry())
        for w in bar.findChildren(QWidget)
        if w.parent() is bar and w.isVisible()
    ]


@pytest.mark.parametrize("size", [(1024, 680), (1280, 720)])
def test_the_filter_row_never_overlaps(qtbot: Any, organizer: OrganizerView, size: tuple[int, int]) -> None:
    resize(qtbot, organizer, *size)
    bar = organizer.filter_bar
    shown = _shown_children(bar)
    assert {"caseSearch", "themeFilter", "statusFilter", "clearFilters"} <= {name for name, _ in shown}
    for name, rect in shown:
        assert bar.rect().contains(rect), f"{name} sticks out of the filter row at {size}"
    for (a, ra), (b, rb) in combinations(shown, 2):
        assert not ra.intersects(rb), f"{a} overlaps {b} at {size}"
