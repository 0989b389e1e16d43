# SPDX-License-Identifier: Apache-2.0
"""The surface a live scene is painted on: the projector's whole screen, or the console's preview.

Colours come from the style sheet (``qproperty-*`` of ``ProjectorCanvas`` in leitai.qss). A change of
scene cross-fades: the outgoing frame is kept as a pixmap at the screen's device pixel ratio and faded out
over the new one by a ``QPropertyAnimation`` on ``fade``, all inside one paint event, so nothing flickers.
The case's slides are rendered by the reader's renderer (ui/viewer) at the screen's real pixel width.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Property, QEasingCurve, QPropertyAnimation, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.live.show import Snapshot
from ui.projector.live_model import LiveModel
from ui.projector.painter import ProjectorPalette, paint_scene
from ui.style import color_property
from ui.viewer.page_cache import PageKey
from ui.viewer.render_worker import FULL_PAGE_MAX_PIXELS, DocInfo, PageRequest, PdfRenderer

#: Milliseconds a change of scene takes to cross-fade.
FADE_MS = 450
#: Fallbacks until the style sheet sets the real colours (Qt's named colours, not a design).
_DEFAULTS = {
    "background": Qt.GlobalColor.black,
    "panel": Qt.GlobalColor.darkBlue,
    "text": Qt.GlobalColor.white,
    "muted": Qt.GlobalColor.lightGray,
    "accent": Qt.GlobalColor.red,
    "warning": Qt.GlobalColor.yellow,
    "danger": Qt.GlobalColor.red,
    "gold": Qt.GlobalColor.yellow,
    "silver": Qt.GlobalColor.lightGray,
    "bronze": Qt.GlobalColor.darkYellow,
}


class ProjectorCanvas(QWidget):
    """Paints the live session's current scene; ``console=True`` paints the console's (stealth) copy."""

    background = color_property("background")
    panel = color_property("panel")
    text = color_property("text")
    muted = color_property("muted")
    accent = color_property("accent")
    warning = color_property("warning")
    danger = color_property("danger")
    gold = color_property("gold")
    silver = color_property("silver")
    bronze = color_property("bronze")

    def __init__(
        self,
        model: LiveModel,
        *,
        console: bool = False,
        renderer: PdfRenderer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("projectorCanvas")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # every pixel is painted: no flash
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._colors: dict[str, QColor] = {k: QColor(v) for k, v in _DEFAULTS.items()}
        self._model = model
        self._console = console
        self._renderer = renderer
        self._banner: QImage | None = None
        self._fade = 1.0
        self._outgoing: QPixmap | None = None
        self._anim = QPropertyAnimation(self, b"fade", self)
        self._anim.setDuration(FADE_MS)
        self._anim.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self._anim.finished.connect(self._on_fade_done)
        self._doc: tuple[Path, int] | None = None  # slides path, renderer doc id
        self._doc_info: DocInfo | None = None
        self._slide: QImage | None = None
        self.snapshot: Snapshot = self._read()
        model.changed.connect(self._on_changed)
        model.ticked.connect(self._on_ticked)
        if renderer is not None:
            renderer.document_opened.connect(self._on_document_opened)
            renderer.page_rendered.connect(self._on_page_rendered)
        self._want_slides()

    # --- fade ----------------------------------------------------------------------------------------

    def _get_fade(self) -> float:
        return self._fade

    def _set_fade(self, value: float) -> None:
        self._fade = value
        self.update()

    fade = Property(float, _get_fade, _set_fade)

    def _on_fade_done(self) -> None:
        self._outgoing = None
        self.update()

    @property
    def fading(self) -> bool:
        return self._outgoing is not None

    # --- state ---------------------------------------------------------------------------------------

    def palette_colors(self) -> ProjectorPalette:
        return ProjectorPalette(**{k: QColor(v) for k, v in self._colors.items()})

    def set_banner(self, image: QImage | None) -> None:
        self._banner = image
        self.update()

    def _read(self) -> Snapshot:
        return self._model.console() if self._console else self._model.projector()

    @staticmethod
    def _frame_key(s: Snapshot) -> tuple[object, ...]:
        return (s.scene, s.position, s.reveal_step, s.show_slides)

    def _on_changed(self) -> None:
        new = self._read()
        if self._frame_key(new) != self._frame_key(self.snapshot) and self.isVisible() and self.width() > 0:
            self._outgoing = self.render_pixmap(self.size())  # the frame the hall sees now
            self._anim.stop()
            self._anim.setStartValue(0.0)
            self._anim.setEndValue(1.0)
            self._anim.start()
        self.snapshot = new
        self._want_slides()
        self.update()

    def _on_ticked(self) -> None:
        self.snapshot = self._read()
        self.update()

    # --- slides --------------------------------------------------------------------------------------

    def _want_slides(self) -> None:
        s = self.snapshot
        if self._renderer is None or s.case is None or not s.show_slides or s.case.slides is None:
            return
        path = s.case.slides
        if self._doc is None or self._doc[0] != path:
            if self._doc is not None:
                self._renderer.close(self._doc[1])
            self._doc = (path, self._renderer.open(path))
            self._doc_info = None
            self._slide = None
            return
        self._request_page()

    def slide_pages(self) -> int:
        return self._doc_info.page_count if self._doc_info is not None else 0

    def _slide_width(self) -> int:
        px = int(self.width() * self.devicePixelRatioF()) or 1920
        if self._doc_info is not None and self._doc_info.sizes:
            w, h = self._doc_info.sizes[0]
            px = min(px, int((FULL_PAGE_MAX_PIXELS * w / max(h, 1.0)) ** 0.5))  # one image, no tiles
        return px

    def _request_page(self) -> None:
        if self._renderer is None or self._doc is None or self._doc_info is None:
            return
        page = min(self.snapshot.slides_page, self._doc_info.page_count - 1)
        key = PageKey(self._doc[1], page, self._slide_width(), -1)
        cached = self._renderer.cache.get(key)
        if cached is not None:
            self._slide = cached
            self.update()
            return
        self._renderer.want(self._doc[1], [PageRequest(page, key.width_px)])

    def _on_document_opened(self, doc_id: int, info: DocInfo) -> None:
        if self._doc is not None and doc_id == self._doc[1]:
            self._doc_info = info
            self._request_page()

    def _on_page_rendered(self, doc_id: int, page: int, width_px: int, tile: int) -> None:
        if self._doc is not None and doc_id == self._doc[1] and page == self.snapshot.slides_page:
            image = (
                self._renderer.cache.get(PageKey(doc_id, page, width_px, tile)) if self._renderer else None
            )
            if image is not None:
                self._slide = image
                self.update()

    def close_slides(self) -> None:
        if self._renderer is not None and self._doc is not None:
            self._renderer.close(self._doc[1])
        self._doc = None

    # --- painting ------------------------------------------------------------------------------------

    def render_pixmap(
        self, size: QSize, scene: str | None = None, snapshot: Snapshot | None = None
    ) -> QPixmap:
        """The scene as it would be painted at ``size``, at this screen's device pixel ratio."""
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        p = QPainter(pixmap)
        self._paint(p, size.width(), size.height(), scene, snapshot or self.snapshot)
        p.end()
        return pixmap

    def _paint(self, p: QPainter, w: float, h: float, scene: str | None, s: Snapshot) -> None:
        slide = (
            self._slide
            if s.case is not None and self._doc is not None and self._doc[0] == s.case.slides
            else None
        )
        paint_scene(p, w, h, s, self.palette_colors(), scene, banner=self._banner, slide=slide)

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        self._paint(p, self.width(), self.height(), None, self.snapshot)
        if self._outgoing is not None:
            p.setOpacity(1.0 - self._fade)
            p.drawPixmap(0, 0, self._outgoing)
        p.end()
