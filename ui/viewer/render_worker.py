# SPDX-License-Identifier: Apache-2.0
"""The one thread that owns every PyMuPDF document: it opens, renders and searches; the GUI only asks.

PyMuPDF is not thread-safe (its docs say one thread per document), so a single :class:`PdfRenderer`
thread holds all ``pymupdf.Document`` objects and the GUI thread never touches them — it never renders
either. Requests are not a growing queue: the view says which pages it *wants now* (visible ones first,
then the neighbours to pre-render) and each call replaces the previous wish, so turning pages quickly never
leaves a backlog of pages nobody looks at any more.
"""

from __future__ import annotations

import ctypes
import itertools
import logging
import math
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pymupdf
from pymupdf import mupdf
from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QImage

from ui.viewer.page_cache import PageCache, PageKey

log = logging.getLogger(__name__)


def _return_big_buffers_to_the_os() -> None:
    """Make glibc give page-sized buffers back to the OS as soon as they are freed.

    glibc raises its mmap threshold to the size of the largest block freed, so after the first evicted page
    image every later one (6-25 MB) is carved from the heap, and the heap keeps the memory after the cache
    evicts it: resident memory then grew by ~115 MB over 200 page turns although the cache held 37 MB.
    A fixed threshold keeps such blocks mmapped, so eviction really frees them (bench/reader.py).
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None)
            libc.mallopt(-3, 1 << 20)  # M_MMAP_THRESHOLD = 1 MiB (fixed: disables the dynamic raise)
        except (OSError, AttributeError):  # not glibc (musl): nothing to tune
            pass


_return_big_buffers_to_the_os()

#: Page images above this many device pixels are rendered as tiles of the visible part only, so a 600 %
#: zoom on a 4K screen never allocates a 200 MB image.
FULL_PAGE_MAX_PIXELS = 3840 * 2400
#: Side of a square tile, device pixels.
TILE_PX = 1024
#: Default page-cache budget (bytes). Grows, up to :data:`MAX_CACHE_BYTES`, to hold at least three of the
#: largest page images asked for (current page and its neighbours on a HiDPI screen).
DEFAULT_CACHE_BYTES = 40 * 1024 * 1024
MAX_CACHE_BYTES = 192 * 1024 * 1024
#: Thumbnails get their own small cache so big pages never push them out.
THUMB_CACHE_BYTES = 8 * 1024 * 1024
#: After each render MuPDF's own store (decoded images, fonts) is cut to this percentage of its size.
#: Its default limit is 256 MB, which a slide deck of photos fills; at 10 % resident memory stays flat
#: (~35 MB above an open document over 500 renders). Emptying it outright leaks: objects re-loaded after
#: fz_empty_store while the document is open are never freed (~0.6 MB a page with PyMuPDF 1.28).
STORE_KEEP_PERCENT = 10


@dataclass(frozen=True, slots=True)
class DocInfo:
    """What the GUI may know of an open document without touching it: page count and sizes in points."""

    doc: int
    page_count: int
    sizes: tuple[tuple[float, float], ...]
    title: str


class PageRequest(NamedTuple):
    """One image the view wants: a whole page (``tile`` -1) or one tile of it, ``width_px`` wide in all."""

    page: int
    width_px: int
    tile: int = -1


def tile_grid(width_px: int, height_px: int) -> tuple[int, int]:
    """(columns, rows) of :data:`TILE_PX` tiles covering a page image of that size."""
    return math.ceil(width_px / TILE_PX), math.ceil(height_px / TILE_PX)


def needs_tiles(width_px: int, height_px: int) -> bool:
    return width_px * height_px > FULL_PAGE_MAX_PIXELS


class _Search(NamedTuple):
    search_id: int
    text: str
    next_page: int
    hits: int


class PdfRenderer(QObject):
    """Owns the render thread and its two caches; every signal arrives on the GUI thread (queued)."""

    document_opened = Signal(int, object)  # doc id, DocInfo
    document_failed = Signal(int, str)  # doc id, message for the judge (translated by the caller)
    page_rendered = Signal(int, int, int, int)  # doc, page, width_px, tile
    thumbnail_rendered = Signal(int, int)  # doc, page
    page_failed = Signal(int, int, str)
    search_hits = Signal(int, int, int, object)  # doc, search id, page, list of (x0, y0, x1, y1) in points
    search_finished = Signal(int, int, int)  # doc, search id, total hits

    def __init__(self, parent: QObject | None = None, *, cache_bytes: int = DEFAULT_CACHE_BYTES) -> None:
        super().__init__(parent)
        self.cache = PageCache(cache_bytes)
        self.thumb_cache = PageCache(THUMB_CACHE_BYTES)
        self._cond = threading.Condition()
        self._control: deque[Callable[[], None]] = deque()
        self._pages: dict[int, deque[PageRequest]] = {}
        self._thumbs: dict[int, deque[PageRequest]] = {}
        self._searches: dict[int, _Search] = {}
        self._busy = False
        self._stopping = False
        self._ids = itertools.count(1)
        self._search_ids = itertools.count(1)
        # Touched by the render thread only:
        self._docs: dict[int, pymupdf.Document] = {}
        self._thread = _RenderThread(self)  # started with the first document, so an idle reader costs nothing

    # ---- GUI-thread API ------------------------------------------------------------------------------
    def open(self, source: str | Path | bytes) -> int:
        """Open a PDF (path or bytes) on the render thread; ``document_opened`` or ``_failed`` follows."""
        doc_id = next(self._ids)
        if not self._thread.isRunning() and not self._stopping:
            self._thread.start()
        self._post(lambda: self._do_open(doc_id, source))
        return doc_id

    def close(self, doc_id: int) -> None:
        """Close a document and forget its images and pending work."""
        with self._cond:
            self._pages.pop(doc_id, None)
            self._thumbs.pop(doc_id, None)
            self._searches.pop(doc_id, None)
        self.cache.drop_doc(doc_id)
        self.thumb_cache.drop_doc(doc_id)
        self._post(lambda: self._do_close(doc_id))

    def want(self, doc_id: int, requests: Sequence[PageRequest]) -> None:
        """Replace what is wanted of a document, most urgent first; images already cached are kept warm."""
        todo: deque[PageRequest] = deque()
        for req in reversed(requests):  # touch the least urgent first so the most urgent ends up freshest
            if not self.cache.touch(PageKey(doc_id, req.page, req.width_px, req.tile)):
                todo.appendleft(req)
        with self._cond:
            self._pages[doc_id] = todo
            self._cond.notify()

    def want_thumbnails(self, doc_id: int, pages: Iterable[int], width_px: int) -> None:
        todo = deque(
            PageRequest(p, width_px) for p in pages if PageKey(doc_id, p, width_px) not in self.thumb_cache
        )
        with self._cond:
            self._thumbs[doc_id] = todo
            self._cond.notify()

    def search(self, doc_id: int, text: str) -> int:
        """Start a search (replacing any running one on that document); hits arrive page by page."""
        search_id = next(self._search_ids)
        with self._cond:
            if text:
                self._searches[doc_id] = _Search(search_id, text, 0, 0)
            else:
                self._searches.pop(doc_id, None)
            self._cond.notify()
        return search_id

    def is_idle(self) -> bool:
        """Nothing queued and nothing rendering (tests and the benchmark wait for this)."""
        with self._cond:
            return not self._busy and not self._has_work_locked()

    def stop(self) -> None:
        """Close every document and end the thread (waits for the page being rendered)."""
        with self._cond:
            self._stopping = True
            self._cond.notify()
        if self._thread.isRunning():
            self._thread.wait()
        self.cache.clear()
        self.thumb_cache.clear()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    # ---- render thread -------------------------------------------------------------------------------
    def _post(self, job: Callable[[], None]) -> None:
        with self._cond:
            self._control.append(job)
            self._cond.notify()

    def _has_work_locked(self) -> bool:
        return bool(
            self._control or any(self._pages.values()) or any(self._thumbs.values()) or self._searches
        )

    def _run(self) -> None:
        try:
            while True:
                with self._cond:
                    self._busy = False
                    while not self._stopping and not self._has_work_locked():
                        self._cond.wait()
                    if self._stopping:
                        break
                    job = self._next_job_locked()
                    self._busy = job is not None
                if job is not None:
                    try:
                        job()
                    except Exception:  # a bad page must never kill the thread that renders every page
                        log.exception("render job failed")
        finally:
            for doc in self._docs.values():
                doc.close()
            self._docs.clear()
            mupdf.fz_empty_store()

    def _next_job_locked(self) -> Callable[[], None] | None:
        if self._control:
            return self._control.popleft()
        for doc_id, todo in self._pages.items():
            while todo:
                req = todo.popleft()
                if PageKey(doc_id, req.page, req.width_px, req.tile) not in self.cache:
                    return lambda d=doc_id, r=req: self._do_render(d, r)
        for doc_id, todo in self._thumbs.items():
            while todo:
                req = todo.popleft()
                if PageKey(doc_id, req.page, req.width_px) not in self.thumb_cache:
                    return lambda d=doc_id, r=req: self._do_thumb(d, r)
        for doc_id, state in list(self._searches.items()):
            return lambda d=doc_id, s=state: self._do_search_page(d, s)
        return None

    def _do_open(self, doc_id: int, source: str | Path | bytes) -> None:
        try:
            if isinstance(source, bytes):
                doc = pymupdf.open(stream=source, filetype="pdf")
            else:
                doc = pymupdf.open(str(source), filetype="pdf")
        except Exception as exc:
            self.document_failed.emit(doc_id, f"{type(exc).__name__}: {exc}")
            return
        if doc.needs_pass:
            doc.close()
            self.document_failed.emit(doc_id, "encrypted")
            return
        if doc.page_count == 0:
            doc.close()
            self.document_failed.emit(doc_id, "no pages")
            return
        sizes = []
        for i in range(doc.page_count):
            rect = doc.load_page(i).rect
            sizes.append((float(rect.width), float(rect.height)))
        self._docs[doc_id] = doc
        info = DocInfo(doc_id, doc.page_count, tuple(sizes), str((doc.metadata or {}).get("title") or ""))
        self.document_opened.emit(doc_id, info)

    def _do_close(self, doc_id: int) -> None:
        doc = self._docs.pop(doc_id, None)
        if doc is not None:
            doc.close()
        mupdf.fz_empty_store()

    def _render(self, doc_id: int, req: PageRequest) -> QImage | None:
        doc = self._docs.get(doc_id)
        if doc is None or not 0 <= req.page < doc.page_count:
            return None
        page = doc.load_page(req.page)
        zoom = req.width_px / page.rect.width
        matrix = pymupdf.Matrix(zoom, zoom)
        clip = None
        if req.tile >= 0:
            height_px = round(page.rect.height * zoom)
            cols, _rows = tile_grid(req.width_px, height_px)
            row, col = divmod(req.tile, cols)
            x0, y0 = col * TILE_PX, row * TILE_PX
            x1, y1 = min(x0 + TILE_PX, req.width_px), min(y0 + TILE_PX, height_px)
            clip = pymupdf.Rect(x0 / zoom, y0 / zoom, x1 / zoom, y1 / zoom) + (page.rect.x0, page.rect.y0) * 2
        pix = page.get_pixmap(matrix=matrix, alpha=False, clip=clip)
        image = _to_qimage(pix)
        del pix, page
        mupdf.fz_shrink_store(STORE_KEEP_PERCENT)
        return image

    def _do_render(self, doc_id: int, req: PageRequest) -> None:
        try:
            image = self._render(doc_id, req)
        except Exception as exc:
            self.page_failed.emit(doc_id, req.page, str(exc))
            return
        if image is None:
            return
        if req.tile < 0 and image.sizeInBytes() * 3 > self.cache.max_bytes:
            self.cache.set_budget(min(MAX_CACHE_BYTES, image.sizeInBytes() * 3))
        self.cache.put(PageKey(doc_id, req.page, req.width_px, req.tile), image)
        self.page_rendered.emit(doc_id, req.page, req.width_px, req.tile)

    def _do_thumb(self, doc_id: int, req: PageRequest) -> None:
        try:
            image = self._render(doc_id, req)
        except Exception:
            return
        if image is not None:
            self.thumb_cache.put(PageKey(doc_id, req.page, req.width_px), image)
            self.thumbnail_rendered.emit(doc_id, req.page)

    def _do_search_page(self, doc_id: int, state: _Search) -> None:
        doc = self._docs.get(doc_id)
        if doc is None:
            with self._cond:
                self._searches.pop(doc_id, None)
            return
        page = doc.load_page(state.next_page)
        rotation = page.rotation_matrix
        rects = [tuple(r * rotation) for r in page.search_for(state.text)]
        del page
        done = state.next_page + 1 >= doc.page_count
        total = state.hits + len(rects)
        with self._cond:
            current = self._searches.get(doc_id)
            if current is None or current.search_id != state.search_id:
                return  # replaced or cancelled while this page was searched
            if done:
                del self._searches[doc_id]
            else:
                self._searches[doc_id] = state._replace(next_page=state.next_page + 1, hits=total)
        if rects:
            self.search_hits.emit(doc_id, state.search_id, state.next_page, rects)
        if done:
            self.search_finished.emit(doc_id, state.search_id, total)


def _to_qimage(pix: pymupdf.Pixmap) -> QImage:
    """Copy a MuPDF RGB pixmap into a QImage that owns its memory: one memcpy when the strides agree."""
    image = QImage(pix.width, pix.height, QImage.Format.Format_RGB888)
    dest = image.bits()
    src = pix.samples_mv
    stride, line = pix.stride, image.bytesPerLine()
    if stride == line:
        dest[: len(src)] = src
    else:  # QImage pads each line to 4 bytes
        for y in range(pix.height):
            dest[y * line : y * line + stride] = src[y * stride : (y + 1) * stride]
    return image


class _RenderThread(QThread):
    """A QThread (not threading.Thread) so Qt and the test suite can see and wait for it."""

    def __init__(self, owner: PdfRenderer) -> None:
        super().__init__()
        self._owner = owner
        self.setObjectName("pdf-render")

    def run(self) -> None:
        self._owner._run()
