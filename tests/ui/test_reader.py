# SPDX-License-Identifier: Apache-2.0
"""The judge's PDF reader: pages appear, turn at once, search, zoom, never render on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QWidget

from ui.viewer.page_cache import PageCache, PageKey
from ui.viewer.pdf_view import GAP, ZoomMode
from ui.viewer.reader_widget import ReaderWidget
from ui.viewer.render_worker import TILE_PX, PdfRenderer


def make_pdf(pages: int = 8, width: float = 960, height: float = 540) -> bytes:
    """Slides with a title on each page; '血糖' appears on pages 3 and 6 (1-based), twice on page 6."""
    doc = pymupdf.open()
    cjk = pymupdf.Font("cjk").buffer
    for i in range(pages):
        page = doc.new_page(width=width, height=height)
        page.insert_font(fontname="cjk", fontbuffer=cjk)
        page.draw_rect(pymupdf.Rect(0, 0, width, 60), color=None, fill=(0.2, 0.3, 0.7))
        page.insert_text((40, 120), f"Slide {i + 1}", fontsize=36)
        if i in (2, 5):
            page.insert_text((40, 200), "降低住院患者血糖异常率", fontsize=24, fontname="cjk")
        if i == 5:
            page.insert_text((40, 260), "血糖监测流程", fontsize=24, fontname="cjk")
    data = doc.tobytes()
    doc.close()
    return data


@pytest.fixture
def reader(qtbot) -> Iterator[ReaderWidget]:
    widget = ReaderWidget()
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    yield widget
    widget.shutdown()
    assert not widget.renderer.running


def wait_sharp(qtbot, reader: ReaderWidget) -> None:
    qtbot.waitUntil(lambda: reader.is_loaded and reader.view.is_sharp(reader.view.current_page), timeout=5000)
    qtbot.waitUntil(lambda: reader.view.settled, timeout=5000)


def test_opens_shows_first_page_and_turns_to_prerendered_pages(qtbot, reader):
    with qtbot.waitSignal(reader.document_loaded, timeout=5000) as loaded:
        reader.open_pdf(make_pdf(8))
    assert loaded.args == [8]
    wait_sharp(qtbot, reader)
    assert reader.page_spin.value() == 1
    assert reader.page_total.text().strip() == "/ 8"
    for expected in range(1, 6):
        # The neighbour was rendered ahead: right after the turn, before any event is processed, it is sharp.
        reader.view.next_page()
        assert reader.view.current_page == expected
        assert reader.view.is_sharp(expected)
        assert reader.page_spin.value() == expected + 1
        wait_sharp(qtbot, reader)


def test_the_gui_thread_never_renders(qtbot, reader, monkeypatch):
    threads: set[int] = set()
    original = pymupdf.Page.get_pixmap

    def spy(self, *args, **kwargs):
        threads.add(threading.get_ident())
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pymupdf.Page, "get_pixmap", spy)
    reader.open_pdf(make_pdf(6))
    wait_sharp(qtbot, reader)
    reader.view.go_to_page(4)
    reader.view.set_zoom(2.0)
    wait_sharp(qtbot, reader)
    assert threads, "nothing was rendered"
    assert threading.get_ident() not in threads


def test_memory_stays_within_the_cache_budget_however_many_pages_are_turned(qtbot):
    renderer = PdfRenderer(cache_bytes=6 * 1024 * 1024)
    widget = ReaderWidget(renderer)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    try:
        widget.open_pdf(make_pdf(30))
        wait_sharp(qtbot, widget)
        budget = renderer.cache.max_bytes
        for _ in range(45):
            widget.view.next_page() if widget.view.current_page < 29 else widget.view.go_to_page(0)
            wait_sharp(qtbot, widget)
            assert renderer.cache.bytes <= budget
        # The budget grows only to hold three of the largest page images, never with the pages turned.
        view = widget.view
        page_bytes = QImage(view.page_width_px(0), view.page_height_px(0), QImage.Format.Format_RGB888)
        assert budget <= max(6 * 1024 * 1024, 3 * page_bytes.sizeInBytes())
        assert len(renderer.cache) < 30
    finally:
        widget.shutdown()
        renderer.stop()


def test_search_highlights_every_hit_and_walks_through_them(qtbot, reader):
    reader.open_pdf(make_pdf(8))
    wait_sharp(qtbot, reader)
    reader.search_edit.setText("血糖")
    qtbot.keyClick(reader.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: reader.view.hit_count == 3, timeout=5000)
    qtbot.waitUntil(reader.renderer.is_idle, timeout=5000)
    assert reader.view.current_hit == (2, 0)
    assert reader.view.current_page == 2
    assert reader.hit_label.text() == "1 / 3"
    reader.view.next_hit()
    assert reader.view.current_hit == (5, 0)
    assert reader.view.current_page == 5
    reader.view.next_hit()
    reader.view.next_hit()  # wraps round
    assert reader.view.current_hit == (2, 0)
    reader.search("no such words")
    qtbot.waitUntil(lambda: reader.hit_label.text() != reader.tr("searching…"), timeout=5000)
    assert reader.view.hit_count == 0


def test_fit_width_fit_page_and_zoom(qtbot, reader):
    reader.open_pdf(make_pdf(4))
    wait_sharp(qtbot, reader)
    view = reader.view
    assert view.zoom_mode is ZoomMode.FIT_WIDTH
    assert abs(view._page_px[0].width() - (view.viewport().width() - 2 * GAP)) <= 1
    reader.act_fit_page.trigger()
    size = view._page_px[0]
    assert size.width() <= view.viewport().width() - 2 * GAP
    assert size.height() <= view.viewport().height() - 2 * GAP
    assert reader.act_fit_page.isChecked()
    assert not reader.act_fit_width.isChecked()
    before = view.zoom
    reader.act_zoom_in.trigger()
    assert view.zoom == pytest.approx(before * 1.25)
    assert view.zoom_mode is ZoomMode.CUSTOM
    assert reader.zoom_label.text() == f"{round(view.zoom * 100)}%"
    wait_sharp(qtbot, reader)


def test_hidpi_renders_at_device_pixels(qtbot, reader, monkeypatch):
    reader.open_pdf(make_pdf(3))
    wait_sharp(qtbot, reader)
    logical = reader.view._page_px[0].width()
    monkeypatch.setattr(reader.view, "devicePixelRatioF", lambda: 2.0)
    reader.view.viewport().update()
    reader.view._schedule_requests()
    qtbot.waitUntil(lambda: reader.view.is_sharp(0), timeout=5000)
    image = reader.renderer.cache.get(PageKey(reader.view.info.doc, 0, reader.view.page_width_px(0)))
    assert image is not None
    assert image.width() == 2 * logical


def test_high_zoom_renders_only_visible_tiles(qtbot, reader):
    reader.open_pdf(make_pdf(2, width=1600, height=900))
    wait_sharp(qtbot, reader)
    reader.view.set_zoom(5.0)  # 10 667 x 6 000 px: far above a whole-page image
    wait_sharp(qtbot, reader)
    keys = [k for k in reader.renderer.cache._items if k.tile >= 0]
    assert keys, "no tiles were rendered"
    assert all(reader.renderer.cache.get(k).width() <= TILE_PX for k in keys)
    assert len(keys) <= 4  # what a 1000 x 700 viewport shows, not the 66 tiles of the page


def test_go_to_page_by_spin_box_and_thumbnail(qtbot, reader):
    reader.open_pdf(make_pdf(8))
    wait_sharp(qtbot, reader)
    reader.page_spin.setValue(7)
    assert reader.view.current_page == 6
    qtbot.waitUntil(lambda: reader.renderer.thumb_cache.bytes > 0, timeout=5000)
    index = reader.thumbnail_model.index(2)
    reader.thumbnails.scrollTo(index)
    rect = reader.thumbnails.visualRect(index)
    qtbot.mouseClick(reader.thumbnails.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert reader.view.current_page == 2
    assert reader.page_spin.value() == 3


def test_keyboard_turns_pages(qtbot, reader):
    reader.open_pdf(make_pdf(5))
    wait_sharp(qtbot, reader)
    reader.view.setFocus()
    qtbot.keyClick(reader.view, Qt.Key.Key_PageDown)
    qtbot.keyClick(reader.view, Qt.Key.Key_Space)
    assert reader.view.current_page == 2
    qtbot.keyClick(reader.view, Qt.Key.Key_Left)
    assert reader.view.current_page == 1
    qtbot.keyClick(reader.view, Qt.Key.Key_End)
    assert reader.view.current_page == 4
    qtbot.keyClick(reader.view, Qt.Key.Key_Home)
    assert reader.view.current_page == 0


def test_broken_and_missing_pdfs_say_so_in_place(qtbot, reader, tmp_path: Path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7 this is not really a pdf")
    with qtbot.waitSignal(reader.document_failed, timeout=5000):
        reader.open_pdf(bad)
    assert reader.stack.currentWidget() is reader.message
    assert reader.message.text()
    with qtbot.waitSignal(reader.document_failed, timeout=5000):
        reader.open_pdf(tmp_path / "gone.pdf")
    assert "gone.pdf" in reader.message.text()
    reader.open_pdf(make_pdf(2))  # and the reader still works afterwards
    wait_sharp(qtbot, reader)


def test_full_screen_and_back_into_the_layout(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    layout = QHBoxLayout(host)
    side = QWidget()
    layout.addWidget(side)
    widget = ReaderWidget()
    layout.addWidget(widget)
    host.show()
    try:
        widget.open_pdf(make_pdf(3))
        wait_sharp(qtbot, widget)
        widget.toggle_full_screen()
        assert host.isFullScreen()
        assert widget.is_full_screen
        assert not side.isVisible()
        assert widget.isVisible()
        assert widget.view.zoom_mode is ZoomMode.FIT_PAGE
        qtbot.keyClick(widget.view, Qt.Key.Key_Escape)
        assert not host.isFullScreen()
        assert side.isVisible()
        assert widget.view.zoom_mode is ZoomMode.FIT_WIDTH
        assert layout.indexOf(widget) == 1
    finally:
        widget.shutdown()


def test_page_cache_evicts_least_recently_used_by_bytes():
    cache = PageCache(max_bytes=3 * 100 * 100 * 3 + 100)
    images = {i: QImage(100, 100, QImage.Format.Format_RGB888) for i in range(4)}
    for i in range(3):
        cache.put(PageKey(1, i, 100), images[i])
    assert cache.get(PageKey(1, 0, 100)) is not None  # page 0 is now the freshest
    cache.put(PageKey(1, 3, 100), images[3])
    assert PageKey(1, 1, 100) not in cache  # the least recently used went
    assert PageKey(1, 0, 100) in cache
    assert cache.bytes <= cache.max_bytes
    cache.put(PageKey(1, 0, 50), QImage(50, 50, QImage.Format.Format_RGB888))
    assert cache.best_for(1, 0).width() == 100
    cache.drop_doc(1)
    assert len(cache) == 0
    assert cache.bytes == 0
