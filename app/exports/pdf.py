# SPDX-License-Identifier: Apache-2.0
"""A small PDF writer for exports (reports, certificates, slips): pages, Chinese text, lines, tables.

Text uses PyMuPDF's built-in CJK font (Droid Sans Fallback, as the demo slides do): the same on every
machine, with no system font needed, embedded once per document and subset when saved, so a report of
hundreds of cases stays small and every character renders and copies. Coordinates are points with y
growing downwards (PyMuPDF's); ``text`` takes the baseline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import DomainError

#: A4 portrait, in points.
A4 = (595.28, 841.89)
#: Resource name of the font on every page.
FONT_NAME = "cjk"
BLACK = (0.0, 0.0, 0.0)
GREY = (0.45, 0.45, 0.45)
LIGHT = (0.93, 0.93, 0.93)
RULE = (0.75, 0.75, 0.75)

_FONT: Any = None
_ADVANCE: dict[str, float] = {}


def _pymupdf() -> Any:
    import pymupdf  # loaded on the first PDF export: it is not needed to start the app

    return pymupdf


def font() -> Any:
    """PyMuPDF's built-in CJK font, loaded once."""
    global _FONT
    if _FONT is None:
        _FONT = _pymupdf().Font("cjk")
    return _FONT


def text_width(text: str, size: float) -> float:
    """Width of ``text`` at ``size`` pt (advances cached per character: text_length is slow per call)."""
    total = 0.0
    for ch in text:
        adv = _ADVANCE.get(ch)
        if adv is None:
            adv = _ADVANCE[ch] = float(font().glyph_advance(ord(ch)))
        total += adv
    return total * size


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


def _tokens(text: str) -> list[str]:
    """Words of Latin letters and digits stay together; everything else is one character."""
    out: list[str] = []
    for ch in text:
        if out and ch.isascii() and ch.isalnum() and out[-1][-1].isascii() and out[-1][-1].isalnum():
            out[-1] += ch
        else:
            out.append(ch)
    return out


@dataclass
class Page:
    """One page being drawn."""

    raw: Any
    width: float
    height: float

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
        self.raw.insert_text(
            (x, y),
            text,
            fontname=FONT_NAME,
            fontsize=size,
            color=color,
            fill=color,
            render_mode=2 if bold else 0,
            border_width=0.03 if bold else 0.05,
        )
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
        self.raw.draw_rect((x0, y0, x1, y1), color=color, fill=fill, width=width if color else 0)

    def line(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        color: tuple[float, float, float] = RULE,
        width: float = 0.5,
    ) -> None:
        self.raw.draw_line((x0, y0), (x1, y1), color=color, width=width)

    def circle(
        self, x: float, y: float, r: float, color: tuple[float, float, float], width: float = 1.0
    ) -> None:
        self.raw.draw_circle((x, y), r, color=color, width=width)


class PdfDocument:
    """A new PDF; every page carries the one embedded CJK font."""

    def __init__(self, page_size: tuple[float, float] = A4) -> None:
        self.doc = _pymupdf().open()
        self.page_size = page_size
        self._sources: dict[Path, Any] = {}

    def new_page(self, size: tuple[float, float] | None = None) -> Page:
        width, height = size or self.page_size
        raw = self.doc.new_page(width=width, height=height)
        raw.insert_font(fontname=FONT_NAME, fontbuffer=font().buffer)  # one copy per document
        return Page(raw, width, height)

    def show_pdf(self, page: Page, path: Path) -> None:
        """Draw the first page of another PDF (a template's background) over the whole page; a source
        shown on many pages is stored once."""
        src = self._sources.get(path)
        if src is None:
            src = self._sources[path] = _pymupdf().open(path)
        page.raw.show_pdf_page(page.raw.rect, src, 0)

    def save(self, path: Path, title: str = "", author: str = "") -> Path:
        """Subset the font, write the file (replacing it); ``export_failed`` if it cannot be written."""
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
