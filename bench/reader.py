# SPDX-License-Identifier: Apache-2.0
"""Benchmark of the judge's PDF reader (issue 5): render speed against raw PyMuPDF and poppler, and memory.

Makes a ~30 MB, 20-page 16:9 slide deck with big photos in a temporary folder, then, in the same run and
at the same resolution (2x, i.e. 1920x1080 pixels for a 960x540 pt slide):

* renders every page through the reader's renderer (request from the GUI thread -> render thread ->
  image in the page cache -> signal back on the GUI thread: what the judge waits for),
* renders every page with raw PyMuPDF in this thread,
* renders every page with poppler's ``pdftoppm`` (one process per page, PPM output),

three rounds each, interleaved, on fresh documents with MuPDF's store emptied, so no method profits from
another's caches. Then it drives the real reader widget (offscreen, 1920x1080) through 500 page turns and
measures how much the process's resident memory grew from the moment the first page was on screen.

Last line: ``ratio_vs_pymupdf=… ratio_vs_pdftoppm=… rss_growth_mb=…`` (median page times; lower is better).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pymupdf
from pymupdf import mupdf

PAGES = 20
SLIDE_W, SLIDE_H = 960, 540
ZOOM = 2.0
TURNS = 500
ROUNDS = 3


def rss_mb() -> float:
    """Resident set size of this process, MB (Linux)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _photo(width: int, height: int, seed: int, amplitude: int, quality: int) -> bytes:
    """A JPEG of coloured noise: decodes like a real photo and compresses about as badly."""
    raw = os.urandom(width * height * 3)
    base = 60 + (seed * 37) % 100
    table = bytes(base + (b * amplitude) // 256 for b in range(256))
    pix = pymupdf.Pixmap(pymupdf.csRGB, width, height, raw.translate(table), False)
    return pix.tobytes("jpeg", jpg_quality=quality)


def make_deck(path: Path) -> int:
    """Write the 20-slide deck; returns its size in bytes."""
    doc = pymupdf.open()
    font = "cjk"  # MuPDF's built-in Droid Sans Fallback, embedded as a subset, as real slides embed theirs
    cjk = pymupdf.Font("cjk").buffer
    for i in range(PAGES):
        page = doc.new_page(width=SLIDE_W, height=SLIDE_H)
        page.insert_font(fontname=font, fontbuffer=cjk)
        page.draw_rect(page.rect, color=None, fill=(0.95, 0.96, 0.98))
        page.insert_image(pymupdf.Rect(0, 90, 620, 540), stream=_photo(2400, 1350, i, 40, 85))
        page.insert_image(pymupdf.Rect(640, 300, 940, 520), stream=_photo(900, 600, i + 7, 60, 80))
        page.draw_rect(pymupdf.Rect(0, 0, SLIDE_W, 80), color=None, fill=(0.75, 0.1, 0.1))
        page.insert_text(
            (30, 55), f"改善医疗服务 案例 第 {i + 1} 页", fontsize=32, fontname=font, color=(1, 1, 1)
        )
        for j in range(6):
            page.insert_text(
                (650, 120 + j * 28), f"要点 {j + 1}：门诊流程优化 {i}", fontsize=16, fontname=font
            )
        for k in range(40):  # a chart's worth of vector strokes
            page.draw_line(
                (650 + k * 7, 290), (650 + k * 7, 290 - (k * 13 + i * 7) % 60), width=3, color=(0.1, 0.3, 0.7)
            )
    doc.subset_fonts()
    doc.save(path, garbage=3, deflate=True)
    doc.close()
    return path.stat().st_size


def time_pymupdf(path: Path) -> list[float]:
    doc = pymupdf.open(path)
    mupdf.fz_empty_store()
    times = []
    for i in range(PAGES):
        t0 = time.perf_counter()
        page = doc.load_page(i)
        pix = page.get_pixmap(matrix=pymupdf.Matrix(ZOOM, ZOOM), alpha=False)
        times.append(time.perf_counter() - t0)
        del pix, page
    doc.close()
    mupdf.fz_empty_store()
    return times


def time_pdftoppm(path: Path, out: Path) -> list[float]:
    times = []
    for i in range(1, PAGES + 1):
        t0 = time.perf_counter()
        subprocess.run(
            ["pdftoppm", "-f", str(i), "-l", str(i), "-r", str(int(72 * ZOOM)), str(path), str(out / "p")],
            check=True,
            stderr=subprocess.DEVNULL,
        )
        times.append(time.perf_counter() - t0)
    return times


def time_reader(renderer: object, path: Path) -> list[float]:
    """Each page through the reader's renderer, from the GUI thread's request to the GUI thread's signal."""
    from PySide6.QtCore import QEventLoop, QTimer

    from ui.viewer.render_worker import PageRequest, PdfRenderer

    assert isinstance(renderer, PdfRenderer)
    loop = QEventLoop()
    state: dict[str, object] = {}

    def opened(doc: int, info: object) -> None:
        state["info"] = info
        loop.quit()

    def rendered(doc: int, page: int, width: int, tile: int) -> None:
        state["done"] = time.perf_counter()
        loop.quit()

    renderer.document_opened.connect(opened)
    renderer.page_rendered.connect(rendered)
    doc = renderer.open(path)
    QTimer.singleShot(30000, loop.quit)
    loop.exec()
    times = []
    width = round(SLIDE_W * ZOOM)
    for i in range(PAGES):
        t0 = time.perf_counter()
        renderer.want(doc, [PageRequest(i, width)])
        loop.exec()
        times.append(float(state["done"]) - t0)  # type: ignore[arg-type]
    renderer.close(doc)
    while not renderer.is_idle():
        time.sleep(0.001)
    renderer.document_opened.disconnect(opened)
    renderer.page_rendered.disconnect(rendered)
    return times


def turn_pages(path: Path) -> tuple[float, float, float, float]:
    """500 page turns in the real reader widget; (growth MB, peak growth MB, prefetch hit rate, cache MB)."""
    from PySide6.QtWidgets import QApplication

    from ui.viewer.reader_widget import ReaderWidget

    app = QApplication.instance()
    reader = ReaderWidget()
    reader.resize(1920, 1080)
    reader.show()

    def settle() -> None:
        while not (
            reader.is_loaded and reader.renderer.is_idle() and reader.view.is_sharp(reader.view.current_page)
        ):
            app.processEvents()
            time.sleep(0.001)
        for _ in range(3):  # let queued requests (sent on the next event-loop turn) start
            app.processEvents()
        while not reader.renderer.is_idle():
            app.processEvents()
            time.sleep(0.001)
        app.processEvents()

    reader.open_pdf(path)
    settle()
    start = rss_mb()
    if os.environ.get("BENCH_DEBUG"):
        print(f"rss at first page {start:.1f} MB")
    peak = start
    hits = 0
    for n in range(TURNS):
        if reader.view.current_page + 1 >= reader.page_count:
            reader.view.go_to_page(0)
        else:
            reader.view.next_page()
        hits += reader.view.is_sharp(reader.view.current_page)  # shown at once, from the cache?
        settle()
        if n % 20 == 0:
            peak = max(peak, rss_mb())
    end = rss_mb()
    cache_mb = reader.renderer.cache.bytes / 2**20
    reader.shutdown()
    reader.deleteLater()
    return end - start, max(peak, end) - start, hits / TURNS, cache_mb


def main() -> int:
    if not shutil.which("pdftoppm"):
        print("pdftoppm (poppler-utils) is needed", file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication

    from ui.viewer.render_worker import PdfRenderer

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="leitai-bench-") as tmp:
        tmpdir = Path(tmp)
        deck = tmpdir / "slides.pdf"
        size = make_deck(deck)
        print(
            f"deck: {PAGES} pages, {size / 1e6:.1f} MB, "
            f"render {round(SLIDE_W * ZOOM)}x{round(SLIDE_H * ZOOM)} px"
        )
        # Memory first, before the timing runs have warmed anything up.
        growth, peak, hit_rate, cache_mb = turn_pages(deck)
        app.processEvents()
        renderer = PdfRenderer()
        reader_t: list[float] = []
        raw_t: list[float] = []
        poppler_t: list[float] = []
        for _ in range(ROUNDS):
            reader_t += time_reader(renderer, deck)
            raw_t += time_pymupdf(deck)
            poppler_t += time_pdftoppm(deck, tmpdir)
        renderer.stop()
    med = {
        name: statistics.median(t) * 1000
        for name, t in (("reader", reader_t), ("pymupdf", raw_t), ("pdftoppm", poppler_t))
    }
    print("median ms/page: " + " ".join(f"{k}={v:.1f}" for k, v in med.items()))
    print(
        f"page turns: {TURNS}, shown at once from the cache: {hit_rate:.0%}, "
        f"page cache at end {cache_mb:.0f} MB, "
        f"peak rss growth {peak:.1f} MB"
    )
    print(
        f"ratio_vs_pymupdf={med['reader'] / med['pymupdf']:.3f} "
        f"ratio_vs_pdftoppm={med['reader'] / med['pdftoppm']:.3f} rss_growth_mb={growth:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
