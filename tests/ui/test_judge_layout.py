# SPDX-License-Identifier: Apache-2.0
"""The judge's screen on the laptops judges read on: at 1280×720, 1366×768 and 1920×1080 the slide is
the largest thing on screen (at 1366×768 at least 55 % of the window's width), the case list and the
thumbnails fold away on the small screens and come back on demand, every rubric entry and button is
reachable and uncut, full screen and search are never hidden behind an overflow "»", and the status
line and the empty page's hint are never clipped. Also: a way back from the judge's empty page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QToolButton, QWidget

from app.bundles.package import BuiltPackage
from tests.ui.judge_support import JudgePrompter, demo_packages
from ui.judge.case_list_model import COL_STATE
from ui.main import apply_style
from ui.main_window import PAGE_JUDGE, PAGE_START, MainWindow

SIZES = [(1280, 720), (1366, 768), (1920, 1080)]


@pytest.fixture
def prompter() -> JudgePrompter:
    return JudgePrompter()


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> BuiltPackage:
    return demo_packages(tmp_path_factory.mktemp("layout"), cases=2, judges=1, videos=0)[0]


@pytest.fixture
def window(qtbot, qapp, ctx) -> Iterator[MainWindow]:
    apply_style(qapp, ctx)  # the real style sheet: its fonts and paddings take room too
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.judge.shutdown()
    qapp.setStyleSheet("")


def in_window(widget: QWidget) -> QRect:
    """The widget's rectangle in its window's coordinates."""
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def fully_inside(widget: QWidget, outer: QWidget) -> bool:
    return in_window(outer).contains(in_window(widget))


def shows_all_its_text(label: QLabel) -> bool:
    """Every line the label needs fits in it: wrapped lines have the height, none is wider than it."""
    metrics = label.fontMetrics()
    lines = max(1, label.contentsRect().height() // metrics.lineSpacing())
    wide_enough = metrics.horizontalAdvance(label.text()) <= label.contentsRect().width() * lines
    return wide_enough and (not label.wordWrap() or label.height() >= label.heightForWidth(label.width()))


def area(widget: QWidget) -> int:
    return widget.width() * widget.height() if widget.isVisible() else 0


def resize(qtbot, window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.size().width() == width and window.size().height() == height)
    QApplication.processEvents()
    QApplication.processEvents()


@pytest.fixture
def scoring_window(qtbot, window, package):
    window.judge.open_package(package.path, access_code=package.access_code)
    qtbot.waitUntil(lambda: window.judge.home is not None, timeout=15000)
    scoring = window.judge.scoring
    qtbot.waitUntil(lambda: scoring.reader.is_loaded, timeout=10000)
    assert window.current_page() == PAGE_JUDGE
    return window


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_slide_is_the_largest_thing_on_screen(qtbot, scoring_window, width, height):
    resize(qtbot, scoring_window, width, height)
    s = scoring_window.judge.scoring
    page = s.reader.view
    others = [s.case_list, s.reader.thumbnails, s.rubric, s.video]
    assert all(area(page) > area(w) for w in others), [(w.objectName(), area(w)) for w in others]
    if width <= 1366:
        assert page.width() >= 0.55 * width, f"page view {page.width()} px of {width}"
        assert not s.case_list.isVisible()  # folded away on a laptop…
        assert not s.reader.thumbnails.isVisible()
    else:
        assert s.case_list.isVisible()
        assert s.reader.thumbnails.isVisible()


def test_case_list_and_thumbnails_come_back_on_demand(qtbot, scoring_window):
    resize(qtbot, scoring_window, 1366, 768)
    judge = scoring_window.judge
    s = judge.scoring
    judge.actions_by_name["case_list"].trigger()
    assert s.case_list.isVisible()
    assert s.list_button.isChecked()
    s.reader.act_thumbs.trigger()
    assert s.reader.thumbnails.isVisible()
    assert s.reader.view.width() > s.case_list.width()  # still the widest
    resize(qtbot, scoring_window, 1280, 720)
    assert s.case_list.isVisible()  # the judge's choice holds when the window changes
    judge.actions_by_name["case_list"].trigger()
    assert not s.case_list.isVisible()


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_full_screen_and_search_are_never_behind_an_overflow(qtbot, scoring_window, width, height):
    resize(qtbot, scoring_window, width, height)
    reader = scoring_window.judge.scoring.reader
    toolbar = reader.toolbar
    overflow = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert overflow is None or not overflow.isVisible()
    for widget in (reader.search_edit, toolbar.widgetForAction(reader.act_full)):
        assert widget.isVisible()
        assert fully_inside(widget, toolbar)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_rubric_entry_and_button_is_reachable_and_uncut(qtbot, scoring_window, width, height):
    resize(qtbot, scoring_window, width, height)
    rubric = scoring_window.judge.scoring.rubric
    assert fully_inside(rubric, scoring_window.centralWidget())
    for spin in rubric.spins.values():
        spin.setFocus()  # Tab or F2 puts it there; the scroll area brings it into sight
        rubric.scroll.ensureWidgetVisible(spin)
        QApplication.processEvents()
        assert fully_inside(spin, rubric.scroll.viewport()), spin.objectName()
    for widget in (rubric.comment, rubric.submit_button, rubric.recuse_button, rubric.total_label):
        assert widget.isVisible()
        assert fully_inside(widget, rubric), widget.objectName()


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_status_line_is_never_cut(qtbot, scoring_window, width, height):
    resize(qtbot, scoring_window, width, height)
    rubric = scoring_window.judge.scoring.rubric
    names = [c.name for c in scoring_window.judge.info.criteria]
    rubric.show_submit_refused(names)  # the longest thing it says
    QApplication.processEvents()
    label = rubric.save_label
    assert label.isVisible()
    assert fully_inside(label, rubric)
    assert shows_all_its_text(label)


@pytest.mark.parametrize(("width", "height"), [(1024, 680), *SIZES])
def test_the_empty_judge_page_hint_is_never_clipped_and_there_is_a_way_back(
    qtbot, window, prompter, width, height
):
    resize(qtbot, window, width, height)
    prompter.files.append(None)  # the judge cancels 打开评审包…
    window.start_page.package_button.click()
    assert window.current_page() == PAGE_JUDGE
    page = window.judge.start_page
    QApplication.processEvents()
    hint = page.hint
    assert fully_inside(hint, page)
    assert shows_all_its_text(hint)
    assert page.back_button.isVisible()
    page.back_button.click()
    assert window.current_page() == PAGE_START


def test_the_judge_and_viewer_colours_come_from_the_style_sheet(qtbot, scoring_window):
    s = scoring_window.judge.scoring
    colour = s.model.index(0, COL_STATE).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(colour, QColor)
    assert colour.name() == "#5f6368"  # not started, as leitai.qss says
    assert s.reader.view.pageBackground.name() == "#5f6368"
    here = Path(__file__).resolve().parents[2] / "ui"
    inline = [
        f"{path.relative_to(here)}:{n}"
        for package in ("judge", "viewer")
        for path in sorted((here / package).glob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "setStyleSheet(" in line or re.search(r"[\"']#[0-9a-fA-F]{3,8}\b", line)
    ]
    assert inline == []  # colours and spacing live in resources/style/leitai.qss
