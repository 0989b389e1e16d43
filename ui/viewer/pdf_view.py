# SPDX-License-Identifier: Apache-2.0
"""Continuous-scroll page view: paints images the render thread made, asks it for what is (or will be) seen.

The view never renders. On every scroll, resize or zoom it tells the :class:`PdfRenderer` which images it
wants — the visible pages, then the next two and the previous one — so that turning a page paints an
image already in the cache. A page whose image at the exact size is not ready yet is painted from any
other size of it (blurry for a moment, never blank when it was seen before).
"""

from __future__ import annotations

import bisect
from enum import Enum

from PySide6.QtCore import Property, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPalette, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from ui.viewer.page_cache import PageKey
from ui.viewer.render_worker import TILE_PX, DocInfo, PageRequest, PdfRenderer, needs_tiles, tile_grid

#: Logical pixels per PDF point at 100 % (96 dpi screen, 72 pt per inch).
PX_PER_PT = 96 / 72
#: Gap between pages and around them, logical pixels.
GAP = 12
ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 0.25, 6.0, 1.25
#: Pages after the last visible one and before the first that are rendered ahead of time.
PREFETCH_AFTER, PREFETCH_BEFORE = 2, 1


class ZoomMode(Enum):
    FIT_WIDTH = "fit_width"
    FIT_PAGE = "fit_page"
    CUSTOM = "custom"


class PdfView(QAbstractScrollArea):
    """Shows one document's pages in a column; keyboard and wheel navigation; search highlights."""

    current_page_changed = Signal(int)  # 0-based
    zoom_changed = Signal(float)  # scale as a fraction of 100 %
    hit_changed = Signal(int, int)  # index of the current hit (0-based, -1 none), total hits

    def __init__(self, renderer: PdfRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = renderer
        self._info: DocInfo | None = None
        self._mode = ZoomMode.FIT_WIDTH
        self._zoom = 1.0  # fraction of 100 %, meaningful in CUSTOM and computed otherwise
        self._tops: list[int] = []  # y of each page's top edge in content coordinates (logical px)
        self._page_px: list[QSize] = []  # logical size of each page
        self._content = QSize(0, 0)
        self._current = 0
        self._hits: dict[int, list[tuple[float, float, float, float]]] = {}
        self._hit_order: list[tuple[int, int]] = []
        self._hit_index = -1
        self._request_pending = False
        self._jumping = False
        # Colours from leitai.qss (qproperty-pageBackground, …); the palette's until a style sheet sets them.
        palette = self.palette()
        self._background = palette.color(QPalette.ColorRole.Dark)
        self._hit = QColor(palette.color(QPalette.ColorRole.Highlight))
        self._hit.setAlpha(110)
        self._current_hit = QColor(palette.color(QPalette.ColorRole.Link))
        self._current_hit.setAlpha(150)
        self.setObjectName("pdfPageView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QAbstractScrollArea.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.horizontalScrollBar().valueChanged.connect(self._on_scrolled)
        renderer.page_rendered.connect(self._on_page_rendered)

    # ---- colours (set by the style sheet) -------------------------------------------------------------
    def _set_color(self, name: str, color: QColor) -> None:
        setattr(self, name, QColor(color))
        self.viewport().update()

    pageBackground = Property(
        QColor, lambda s: QColor(s._background), lambda s, c: s._set_color("_background", c)
    )
    hitColor = Property(QColor, lambda s: QColor(s._hit), lambda s, c: s._set_color("_hit", c))
    currentHitColor = Property(
        QColor, lambda s: QColor(s._current_hit), lambda s, c: s._set_color("_current_hit", c)
    )

    # ---- document ------------------------------------------------------------------------------------
    def set_document(self, info: DocInfo | None) -> None:
        """Show a document the renderer has opened (or nothing); starts on its first page."""
        self._info = info
        self._current = 0
        self.clear_search()
        self._relayout(keep_position=False)
        self.verticalScrollBar().setValue(0)
        self.viewport().update()
        self._schedule_requests()
        self.current_page_changed.emit(0)

    @property
    def info(self) -> DocInfo | None:
        return self._info

    @property
    def page_count(self) -> int:
        return self._info.page_count if self._info else 0

    @property
    def current_page(self) -> int:
        return self._current

    # ---- zoom ----------------------------------------------------------------------------------------
    @property
    def zoom_mode(self) -> ZoomMode:
        return self._mode

    @property
    def zoom(self) -> float:
        """Current scale as a fraction of 100 % (whatever the mode)."""
        return self._zoom

    def set_zoom_mode(self, mode: ZoomMode) -> None:
        self._mode = mode
        self._relayout(keep_position=True)

    def set_zoom(self, zoom: float) -> None:
        self._mode = ZoomMode.CUSTOM
        self._zoom = max(ZOOM_MIN, min(ZOOM_MAX, zoom))
        self._relayout(keep_position=True)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom / ZOOM_STEP)

    # ---- navigation ----------------------------------------------------------------------------------
    def go_to_page(self, page: int) -> None:
        """Scroll so that ``page`` (0-based, clamped) starts at the top of the view."""
        if not self._info:
            return
        page = max(0, min(self._info.page_count - 1, page))
        self._set_current(page)
        self._jumping = True  # the page asked for stays current even if the end of the document shows more
        try:
            self.verticalScrollBar().setValue(self._tops[page] - GAP)
        finally:
            self._jumping = False
        self.viewport().update()
        self._schedule_requests()

    def next_page(self) -> None:
        self.go_to_page(self._current + 1)

    def previous_page(self) -> None:
        self.go_to_page(self._current - 1)

    # ---- search highlights ---------------------------------------------------------------------------
    def add_hits(self, page: int, rects: list[tuple[float, float, float, float]]) -> None:
        """Highlight search hits on a page (rects in points); the first hit found becomes current."""
        current = self.current_hit
        self._hits[page] = rects
        self._hit_order = [(p, i) for p in sorted(self._hits) for i in range(len(self._hits[p]))]
        if current is None and self._hit_order:
            self._hit_index = 0
            self._reveal_hit()
        elif current is not None:
            self._hit_index = self._hit_order.index(current)
        self.hit_changed.emit(self._hit_index, len(self._hit_order))
        self.viewport().update()

    def clear_search(self) -> None:
        self._hits.clear()
        self._hit_order = []
        self._hit_index = -1
        self.hit_changed.emit(-1, 0)
        self.viewport().update()

    @property
    def hit_count(self) -> int:
        return len(self._hit_order)

    @property
    def current_hit(self) -> tuple[int, int] | None:
        """(page, index on the page) of the current hit."""
        return self._hit_order[self._hit_index] if self._hit_index >= 0 else None

    def next_hit(self) -> None:
        if self._hit_order:
            self._hit_index = (self._hit_index + 1) % len(self._hit_order)
            self._reveal_hit()

    def previous_hit(self) -> None:
        if self._hit_order:
            self._hit_index = (self._hit_index - 1) % len(self._hit_order)
            self._reveal_hit()

    def _reveal_hit(self) -> None:
        page, i = self._hit_order[self._hit_index]
        rect = self._hit_rect(page, self._hits[page][i])
        bar = self.verticalScrollBar()
        view_h = self.viewport().height()
        if rect.top() < bar.value() or rect.bottom() > bar.value() + view_h:
            bar.setValue(int(rect.center().y() - view_h / 2))
        self.hit_changed.emit(self._hit_index, len(self._hit_order))
        self.viewport().update()

    # ---- what is on screen ---------------------------------------------------------------------------
    def visible_pages(self) -> list[int]:
        if not self._info:
            return []
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        first = max(0, bisect.bisect_right(self._tops, top) - 1)
        pages = []
        for page in range(first, self._info.page_count):
            if self._tops[page] >= bottom:
                break
            if self._tops[page] + self._page_px[page].height() > top:
                pages.append(page)
        return pages

    def page_width_px(self, page: int) -> int:
        """Width in device pixels at which ``page`` is rendered now (HiDPI-sharp)."""
        return max(1, round(self._page_px[page].width() * self.devicePixelRatioF()))

    def page_height_px(self, page: int) -> int:
        return max(1, round(self._page_px[page].height() * self.devicePixelRatioF()))

    def is_sharp(self, page: int) -> bool:
        """True if the exact-size image of ``page`` is in the cache (the judge sees it crisp, now)."""
        if not self._info:
            return False
        w, h = self.page_width_px(page), self.page_height_px(page)
        if needs_tiles(w, h):
            return all(
                PageKey(self._info.doc, page, w, t) in self._renderer.cache for t in self._visible_tiles(page)
            )
        return PageKey(self._info.doc, page, w) in self._renderer.cache

    @property
    def settled(self) -> bool:
        """Every wish sent and the renderer idle: what is on screen and its neighbours are in the cache."""
        return not self._request_pending and self._renderer.is_idle()

    # ---- layout ---------------------------------------------------------------------------------------
    def _fit_scale(self) -> float:
        assert self._info is not None
        avail_w = max(50, self.viewport().width() - 2 * GAP)
        avail_h = max(50, self.viewport().height() - 2 * GAP)
        max_w = max(w for w, _ in self._info.sizes)
        if self._mode is ZoomMode.FIT_WIDTH:
            return avail_w / max_w
        w, h = self._info.sizes[self._current]
        return min(avail_w / w, avail_h / h)

    def _relayout(self, *, keep_position: bool) -> None:
        if not self._info:
            self._tops, self._page_px, self._content = [], [], QSize(0, 0)
            self.verticalScrollBar().setRange(0, 0)
            self.horizontalScrollBar().setRange(0, 0)
            return
        anchor = self._anchor() if keep_position and self._tops else None
        if self._mode is ZoomMode.CUSTOM:
            scale = self._zoom * PX_PER_PT
        else:
            scale = self._fit_scale()
            self._zoom = scale / PX_PER_PT
        y = GAP
        tops, sizes = [], []
        for w, h in self._info.sizes:
            size = QSize(max(1, round(w * scale)), max(1, round(h * scale)))
            tops.append(y)
            sizes.append(size)
            y += size.height() + GAP
        self._tops, self._page_px = tops, sizes
        self._content = QSize(max(s.width() for s in sizes) + 2 * GAP, y)
        vp = self.viewport().size()
        self.verticalScrollBar().setRange(0, max(0, self._content.height() - vp.height()))
        self.verticalScrollBar().setPageStep(vp.height())
        self.verticalScrollBar().setSingleStep(max(20, vp.height() // 20))
        self.horizontalScrollBar().setRange(0, max(0, self._content.width() - vp.width()))
        self.horizontalScrollBar().setPageStep(vp.width())
        if anchor is not None:
            page, frac = anchor
            self.verticalScrollBar().setValue(round(self._tops[page] + frac * self._page_px[page].height()))
        self.zoom_changed.emit(self._zoom)
        self.viewport().update()
        self._schedule_requests()

    def _anchor(self) -> tuple[int, float]:
        """The current page and how far down it the view's top is, to keep the place across a zoom."""
        page = self._current
        top = self.verticalScrollBar().value()
        height = max(1, self._page_px[page].height())
        return page, (top - self._tops[page]) / height

    def _page_rect(self, page: int) -> QRect:
        """Where ``page`` is in viewport coordinates (logical px)."""
        size = self._page_px[page]
        x = (
            max(GAP, (self.viewport().width() - size.width()) // 2)
            if self._content.width() <= (self.viewport().width())
            else GAP
        )
        x -= self.horizontalScrollBar().value()
        return QRect(x, self._tops[page] - self.verticalScrollBar().value(), size.width(), size.height())

    def _hit_rect(self, page: int, r: tuple[float, float, float, float]) -> QRectF:
        """A hit's rectangle in content coordinates."""
        assert self._info is not None
        scale = self._page_px[page].width() / self._info.sizes[page][0]
        return QRectF(
            r[0] * scale, self._tops[page] + r[1] * scale, (r[2] - r[0]) * scale, (r[3] - r[1]) * scale
        )

    def _visible_tiles(self, page: int) -> list[int]:
        """Tiles of a (tiled) page that intersect the viewport."""
        w, h = self.page_width_px(page), self.page_height_px(page)
        cols, rows = tile_grid(w, h)
        rect = self._page_rect(page)
        dpr = self.devicePixelRatioF()
        vis = rect.intersected(self.viewport().rect()).translated(-rect.topLeft())
        if vis.isEmpty():
            return []
        c0, c1 = int(vis.left() * dpr) // TILE_PX, min(cols - 1, int(vis.right() * dpr) // TILE_PX)
        r0, r1 = int(vis.top() * dpr) // TILE_PX, min(rows - 1, int(vis.bottom() * dpr) // TILE_PX)
        return [r * cols + c for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]

    # ---- requests to the renderer --------------------------------------------------------------------
    def _schedule_requests(self) -> None:
        if not self._request_pending:
            self._request_pending = True
            QTimer.singleShot(0, self._send_requests)

    def _send_requests(self) -> None:
        self._request_pending = False
        if not self._info:
            return
        visible = self.visible_pages()
        if not visible:
            return
        order = list(visible)
        order += [p for p in range(visible[-1] + 1, visible[-1] + 1 + PREFETCH_AFTER) if p < self.page_count]
        order += [p for p in range(visible[0] - PREFETCH_BEFORE, visible[0]) if p >= 0]
        requests: list[PageRequest] = []
        for page in order:
            w, h = self.page_width_px(page), self.page_height_px(page)
            if needs_tiles(w, h):
                if page in visible:
                    requests += [PageRequest(page, w, t) for t in self._visible_tiles(page)]
                continue  # tiles of unseen pages are not worth pre-rendering at such a zoom
            requests.append(PageRequest(page, w))
        self._renderer.want(self._info.doc, requests)

    def _on_page_rendered(self, doc: int, page: int, width_px: int, tile: int) -> None:
        if self._info and doc == self._info.doc and page in self.visible_pages():
            self.viewport().update()

    # ---- events --------------------------------------------------------------------------------------
    def _on_scrolled(self) -> None:
        visible = self.visible_pages()
        if visible and not self._jumping:
            top = self.verticalScrollBar().value()
            bottom = top + self.viewport().height()

            def shown(p: int) -> int:
                return min(bottom, self._tops[p] + self._page_px[p].height()) - max(top, self._tops[p])

            self._set_current(max(visible, key=lambda p: (shown(p), -p)))
        self._schedule_requests()
        self.viewport().update()

    def _set_current(self, page: int) -> None:
        if page != self._current:
            self._current = page
            self.current_page_changed.emit(page)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout(keep_position=True)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), self._background)
        if not self._info:
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        doc = self._info.doc
        cache = self._renderer.cache
        for page in self.visible_pages():
            rect = self._page_rect(page)
            w, h = self.page_width_px(page), self.page_height_px(page)
            painter.fillRect(rect, Qt.GlobalColor.white)
            if needs_tiles(w, h):
                fallback = cache.best_for(doc, page)
                if fallback is not None:
                    painter.drawImage(QRectF(rect), fallback)
                dpr = self.devicePixelRatioF()
                cols, _ = tile_grid(w, h)
                for tile in self._visible_tiles(page):
                    image = cache.get(PageKey(doc, page, w, tile))
                    if image is not None:
                        row, col = divmod(tile, cols)
                        origin = QPointF(rect.left() + col * TILE_PX / dpr, rect.top() + row * TILE_PX / dpr)
                        painter.drawImage(QRectF(origin, QSize(image.width(), image.height()) / dpr), image)
            else:
                image = cache.get(PageKey(doc, page, w)) or cache.best_for(doc, page)
                if image is not None:
                    painter.drawImage(QRectF(rect), image)
            self._paint_hits(painter, page, rect)

    def _paint_hits(self, painter: QPainter, page: int, rect: QRect) -> None:
        hits = self._hits.get(page)
        if not hits:
            return
        current = self.current_hit
        for i, r in enumerate(hits):
            box = self._hit_rect(page, r).translated(rect.left(), rect.top() - self._tops[page])
            painter.fillRect(box, self._current_hit if current == (page, i) else self._hit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Space) and not event.modifiers():
            self.next_page()
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Backspace) and not event.modifiers():
            self.previous_page()
        elif key == Qt.Key.Key_Home:
            self.go_to_page(0)
        elif key == Qt.Key.Key_End:
            self.go_to_page(self.page_count - 1)
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self._zoom * ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)
