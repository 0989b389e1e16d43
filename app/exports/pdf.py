# SPDX-License-Identifier: Apache-2.0
"""A small PDF writer for exports (reports, certificates, slips): pages, Chinese text, lines, tables.

Text uses PyMuPDF's built-in CJK font (Droid Sans Fallback, as the demo slides do): the same on every
machine, with no system font needed, embedded once per document and subset when saved, so a report of
hundreds of cases stays small and every character renders and copies. Coordinates are points with y
growing downwards (PyMuPDF's); ``text`` takes the baseline.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.errors import DomainError
from app.exports.cjk_font import cjk_font, text_width

#: A4 portrait, in points.
A4 = (595.28, 841.89)
BLACK = (0.0, 0.0, 0.0)
GREY = (0.45, 0.45, 0.45)
LIGHT = (0.93, 0.93, 0.93)
RULE = (0.75, 0.75, 0.75)


def _pymupdf() -> Any:
    import pymupdf  # loaded on the first PDF export: it is not needed to start the app

    return pymupdf


def wrap(text: str, size: float, width: float, max_lines: int | None = None) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` (Chinese breaks between any two characters; a
    Latin word or number stays whole when it fits). With ``max_lines``, the last line ends in '…'."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for token in _tokens(para):
            if line and text_width(line + token, size) > width:
                lines.append(line.rstrip())
                line = token.lstrip()
            else:
                line += token
        lines.append(line)
    # never leave one or two characters alone on the last line of a paragraph
    if len(lines) > 1 and len(lines[-1]) <= 2 and len(lines[-2]) > 4:
        lines[-1] = lines[-2][-2:] + lines[-1]
        lines[-2] = lines[-2][:-2]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and text_width(last + "…", size) > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines


def balanced_wrap(text: str, size: float, width: float) -> list[str]:
    """Like ``wrap`` but with lines of even length (as many lines as ``wrap`` needs, each about as wide
    as the others): what centred text on a certificate or a cover wants."""
    lines = wrap(text, size, width)
    if len(lines) < 2:
        return lines
    total = text_width(text, size)
    narrow = total / len(lines)
    while narrow < width:
        candidate = wrap(text, size, narrow)
        if len(candidate) == len(lines):
            return candidate
        narrow += size / 2
    return lines


def _tokens(text: str) -> list[str]:
    """Words of Latin letters and digits stay together; everything else is one character."""
    out: list[str] = []
    for ch in text:
        if out and ch.isascii() and ch.isalnum() and out[-1][-1].isascii() and out[-1][-1].isalnum():
            out[-1] += ch
        else:
            out.append(ch)
    return out


class Page:
    """One page being drawn. Shapes and text are collected and written when the page is done (one
    shape and one text writer per style: PyMuPDF's per-call insert_text re-reads the font each time)."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.width = float(raw.rect.width)
        self.height = float(raw.rect.height)
        self._shape = raw.new_shape()
        self._writers: dict[tuple[tuple[float, float, float], bool], Any] = {}

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float = 10.0,
        color: tuple[float, float, float] = BLACK,
        *,
        bold: bool = False,
        align: str = "left",
    ) -> float:
        """Draw one line with its baseline at ``y``; ``align`` left / center / right of ``x``. Returns
        its width. The font has no bold face: bold fills and strokes the glyphs."""
        w = text_width(text, size)
        if align == "center":
            x -= w / 2
        elif align == "right":
            x -= w
        writer = self._writers.get((color, bold))
        if writer is None:
            writer = self._writers[(color, bold)] = _pymupdf().TextWriter(self.raw.rect)
        writer.append((x, y), text, font=cjk_font(), fontsize=size)
        return w

    def lines(
        self,
        x: float,
        y: float,
        lines: Sequence[str],
        size: float = 10.0,
        leading: float = 1.45,
        **kw: Any,
    ) -> float:
        """Draw lines downwards from the first baseline ``y``; returns the baseline after the last."""
        for line in lines:
            self.text(x, y, line, size, **kw)
            y += size * leading
        return y

    def rect(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        *,
        fill: tuple[float, float, float] | None = None,
        color: tuple[float, float, float] | None = None,
        width: float = 0.5,
    ) -> None:
        self._shape.draw_rect(_pymupdf().Rect(x0, y0, x1, y1))
        self._shape.finish(color=color, fill=fill, width=width if color else 0)

    def line(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        color: tuple[float, float, float] = RULE,
        width: float = 0.5,
    ) -> None:
        self._shape.draw_line((x0, y0), (x1, y1))
        self._shape.finish(color=color, width=width)

    def circle(
        self, x: float, y: float, r: float, color: tuple[float, float, float], width: float = 1.0
    ) -> None:
        self._shape.draw_circle((x, y), r)
        self._shape.finish(color=color, width=width)

    def finish(self) -> None:
        """Write what was drawn: shapes first, text on top."""
        self._shape.commit()
        for (color, bold), writer in self._writers.items():
            writer.write_text(self.raw, color=color, render_mode=2 if bold else 0)
        self._writers.clear()
        self._shape = self.raw.new_shape()


class PdfDocument:
    """A new PDF; every page carries the one embedded CJK font."""

    def __init__(self, page_size: tuple[float, float] = A4) -> None:
        self.doc = _pymupdf().open()
        self.page_size = page_size
        self._sources: dict[Path, Any] = {}
        self._page: Page | None = None

    def new_page(self, size: tuple[float, float] | None = None) -> Page:
        """A new page; the previous one is finished (written) now and may not be drawn on again."""
        if self._page is not None:
            self._page.finish()
        width, height = size or self.page_size
        self._page = Page(self.doc.new_page(width=width, height=height))
        return self._page

    def show_pdf(self, page: Page, path: Path) -> None:
        """Draw the first page of another PDF (a template's background) over the whole page; a source
        shown on many pages is stored once."""
        src = self._sources.get(path)
        if src is None:
            src = self._sources[path] = _pymupdf().open(path)
        page.raw.show_pdf_page(page.raw.rect, src, 0)

    def save(self, path: Path, title: str = "", author: str = "") -> Path:
        """Subset the font, write the file (replacing it); ``export_failed`` if it cannot be written."""
        if self._page is not None:
            self._page.finish()
            self._page = None
        self.doc.set_metadata({"title": title, "author": author, "creator": "Leitai"})
        self.doc.subset_fonts()
        path = Path(path)
        try:
            self.doc.save(path, garbage=3, deflate=True)
        except (OSError, RuntimeError) as exc:
            raise DomainError("export_failed", path=str(path), reason=str(exc)) from None
        finally:
            self.doc.close()
            for src in self._sources.values():
                src.close()
        return path
