# SPDX-License-Identifier: Apache-2.0
"""Drawing on a 16:9 PDF page with PyMuPDF: the built-in CJK font, Chinese line breaking, boxes, and a
page canvas that writes its shapes and text straight into the content stream.

The demo's slide decks (``slides``) and video frames (``video``) are drawn with these. Text uses
the app's one CJK font (``app.exports.cjk_font``: PyMuPDF's built-in Droid Sans Fallback), embedded as a
subset, so a page renders the same on every machine with no system font.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pymupdf as _pymupdf

from app.exports.cjk_font import cjk_font, text_width

#: PyMuPDF, typed loosely: its API is only partly annotated.
pymupdf: Any = _pymupdf

#: Slide size in points: 16:9, the size PowerPoint exports a widescreen deck at.
WIDTH, HEIGHT = 960.0, 540.0
MARGIN = 48.0
BODY_TOP, BODY_BOTTOM = 128.0, 482.0

Color = tuple[float, float, float]

#: (primary, accent, light tint) colour schemes; a case picks one.
PALETTES: tuple[tuple[Color, Color, Color], ...] = (
    ((0.07, 0.33, 0.60), (0.91, 0.45, 0.13), (0.90, 0.94, 0.98)),  # hospital blue, orange
    ((0.00, 0.47, 0.43), (0.95, 0.62, 0.10), (0.89, 0.96, 0.95)),  # teal, amber
    ((0.55, 0.12, 0.20), (0.10, 0.45, 0.62), (0.98, 0.92, 0.93)),  # burgundy, blue
    ((0.18, 0.40, 0.20), (0.80, 0.30, 0.15), (0.91, 0.96, 0.91)),  # green, brick
    ((0.24, 0.25, 0.55), (0.92, 0.55, 0.10), (0.92, 0.92, 0.98)),  # indigo, orange
)
DARK: Color = (0.13, 0.15, 0.18)
GREY: Color = (0.42, 0.45, 0.50)
LIGHT_GREY: Color = (0.80, 0.82, 0.85)
WHITE: Color = (1.0, 1.0, 1.0)

#: Sizes in points; the smallest is the season minimum, checked in ``render_deck``.
SIZE_SMALL = 14.0
SIZE_LABEL = 16.0
SIZE_BODY = 20.0
SIZE_SUBTITLE = 22.0
SIZE_HEADING = 26.0

#: A run of Latin letters, digits and the marks inside numbers stays on one line.
_TOKEN = re.compile(r"[A-Za-z0-9.%‰+\-/]+|.", re.S)
#: Marks that must not start a line (they hang at the end of the previous one).
_NO_LINE_START = set("，。、；：！？）》」』”’,.;:!?)%‰")
#: Marks that must not end a line.
_NO_LINE_END = set("（《「『“‘(")

#: Bezier control-point distance that draws a quarter circle.
_KAPPA = 0.5523
#: Glyph id of each character, looked up once.
_GLYPH: dict[str, int] = {}
#: Resource name of the embedded font on every page.
FONT_NAME = "FCJK"


def glyph_ids(text: str) -> str:
    """``text`` as hex glyph ids of the CJK font; a character the font lacks is an error, not a box."""
    out = []
    for ch in text:
        gid = _GLYPH.get(ch)
        if gid is None:
            gid = _GLYPH[ch] = int(cjk_font().has_glyph(ord(ch)))
            if gid == 0:
                raise ValueError(f"the CJK font has no glyph for {ch!r} (U+{ord(ch):04X})")
        out.append(f"{gid:04x}")
    return "".join(out)


def wrap(text: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` at ``size`` pt, the way Chinese text breaks:
    between any two characters, but never inside a number or word, never before a closing mark, never
    after an opening one, and never leaving one character alone on the last line."""
    lines: list[list[str]] = []
    line: list[str] = []
    for token in _TOKEN.findall(text):
        if token == "\n":
            lines.append(line)
            line = []
            continue
        if line and text_width("".join(line) + token, size) > width:
            carry = [token]
            # A closing mark takes the token before it along; an opening mark goes with what follows.
            if len(line) > 1 and (token in _NO_LINE_START or line[-1] in _NO_LINE_END):
                carry.insert(0, line.pop())
            lines.append(line)
            line = carry if carry[0].strip() else carry[1:]
        else:
            line.append(token)
    if line:
        lines.append(line)
    if len(lines) > 1 and len("".join(lines[-1])) == 1 and len(lines[-2]) > 2:
        lines[-1].insert(0, lines[-2].pop())
    return ["".join(ln) for ln in lines]


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in page coordinates (y grows downwards, as PyMuPDF has it)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0


class PdfDoc:
    """A new PDF whose pages share one embedded copy of the CJK font (subset when saved)."""

    def __init__(self) -> None:
        self.doc = pymupdf.open()
        self._font_xref = 0

    def new_page(self, width: float = WIDTH, height: float = HEIGHT) -> Canvas:
        page = self.doc.new_page(width=width, height=height)
        if not self._font_xref:
            self._font_xref = page.insert_font(fontname=FONT_NAME, fontbuffer=cjk_font().buffer)
        else:
            self.doc.xref_set_key(page.xref, "Resources", f"<</Font<</{FONT_NAME} {self._font_xref} 0 R>>>>")
        return Canvas(self.doc, page)


class Canvas:
    """One page being drawn as raw PDF operators: shapes first, then text on top.

    Writing operators directly is ~10× faster than PyMuPDF's Shape and TextWriter for the few hundred
    shapes and lines of a deck; the text is a Type0 font with Identity-H glyph ids and a ToUnicode map
    (made by ``insert_font``), so it extracts, searches and copies like any exported deck's text.
    """

    def __init__(self, doc: Any, page: Any) -> None:
        self.doc = doc
        self.page = page
        self.h = float(page.rect.height)
        self._ops: list[str] = []
        self._text: list[str] = []
        self.sizes: list[float] = []

    # shapes ------------------------------------------------------------------------------------

    def _paint(
        self, path: str, fill: Color | None, line: Color | None, width: float = 1.0, dashes: str | None = None
    ) -> None:
        ops = ["q"]
        if dashes:
            ops.append(f"{dashes} d")
        if fill is not None:
            ops.append("{:.3f} {:.3f} {:.3f} rg".format(*fill))
        if line is not None:
            ops.append("{:.3f} {:.3f} {:.3f} RG {:.2f} w".format(*line, width))
        ops.append(path)
        ops.append("B" if fill is not None and line is not None else "f" if fill is not None else "S")
        ops.append("Q")
        self._ops.append("\n".join(ops))

    def rect(
        self,
        r: Box,
        fill: Color | None = None,
        line: Color | None = None,
        width: float = 1.0,
        radius: float | None = None,
        dashes: str | None = None,
    ) -> None:
        """A rectangle; ``radius`` rounds its corners, as a fraction of its shorter side."""
        x0, y0, x1, y1 = r.x0, self.h - r.y1, r.x1, self.h - r.y0  # PDF space: y grows upwards
        if not radius:
            self._paint(f"{x0:.2f} {y0:.2f} {x1 - x0:.2f} {y1 - y0:.2f} re", fill, line, width, dashes)
            return
        k = min(radius, 0.5) * min(x1 - x0, y1 - y0)
        c = k * (1 - _KAPPA)
        path = (
            f"{x0 + k:.2f} {y0:.2f} m {x1 - k:.2f} {y0:.2f} l "
            f"{x1 - c:.2f} {y0:.2f} {x1:.2f} {y0 + c:.2f} {x1:.2f} {y0 + k:.2f} c "
            f"{x1:.2f} {y1 - k:.2f} l {x1:.2f} {y1 - c:.2f} {x1 - c:.2f} {y1:.2f} {x1 - k:.2f} {y1:.2f} c "
            f"{x0 + k:.2f} {y1:.2f} l {x0 + c:.2f} {y1:.2f} {x0:.2f} {y1 - c:.2f} {x0:.2f} {y1 - k:.2f} c "
            f"{x0:.2f} {y0 + k:.2f} l {x0:.2f} {y0 + c:.2f} {x0 + c:.2f} {y0:.2f} {x0 + k:.2f} {y0:.2f} c h"
        )
        self._paint(path, fill, line, width, dashes)

    def line(
        self,
        a: tuple[float, float],
        b: tuple[float, float],
        color: Color,
        width: float = 1.0,
        dashes: str | None = None,
    ) -> None:
        path = f"{a[0]:.2f} {self.h - a[1]:.2f} m {b[0]:.2f} {self.h - b[1]:.2f} l"
        self._paint(path, None, color, width, dashes)

    def circle(self, center: tuple[float, float], radius: float, fill: Color) -> None:
        x, y, r = center[0], self.h - center[1], radius
        k = r * _KAPPA
        path = (
            f"{x + r:.2f} {y:.2f} m "
            f"{x + r:.2f} {y + k:.2f} {x + k:.2f} {y + r:.2f} {x:.2f} {y + r:.2f} c "
            f"{x - k:.2f} {y + r:.2f} {x - r:.2f} {y + k:.2f} {x - r:.2f} {y:.2f} c "
            f"{x - r:.2f} {y - k:.2f} {x - k:.2f} {y - r:.2f} {x:.2f} {y - r:.2f} c "
            f"{x + k:.2f} {y - r:.2f} {x + r:.2f} {y - k:.2f} {x + r:.2f} {y:.2f} c h"
        )
        self._paint(path, fill, None)

    def arrow(self, x: float, y: float, color: Color, size: float = 12.0) -> None:
        """A right-pointing triangle with its tip at (x, y)."""
        y = self.h - y
        h = size * 0.7
        self._paint(
            f"{x - size:.2f} {y + h:.2f} m {x:.2f} {y:.2f} l {x - size:.2f} {y - h:.2f} l h", color, None
        )

    # text --------------------------------------------------------------------------------------

    def text(
        self,
        x: float,
        y: float,
        s: str,
        size: float,
        color: Color = DARK,
        bold: bool = False,
        align: str = "left",
    ) -> float:
        """Write one line with its baseline at ``y``; returns its width. ``align`` is left/center/right
        about ``x``."""
        width = text_width(s, size)
        if align == "center":
            x -= width / 2
        elif align == "right":
            x -= width
        fill = "{:.3f} {:.3f} {:.3f}".format(*color)
        where = f"1 0 0 1 {x:.2f} {self.h - y:.2f} Tm"
        op = f"BT /{FONT_NAME} {size:g} Tf {fill} rg {where} <{glyph_ids(s)}> Tj ET"
        if bold:  # the font has no bold face: fill and outline the glyphs (render mode 2)
            op = f"q {fill} RG {max(0.4, size * 0.028):.2f} w 2 Tr {op} Q"
        self._text.append(op)
        self.sizes.append(size)
        return width

    def paragraph(
        self,
        x: float,
        top: float,
        width: float,
        s: str,
        size: float,
        color: Color = DARK,
        bold: bool = False,
        leading: float = 1.4,
        max_lines: int = 99,
        align: str = "left",
    ) -> float:
        """Write wrapped text whose first line's top is ``top``; returns the y below the last line."""
        lines = wrap(s, size, width)[:max_lines]
        y = top + size * 0.92
        ax = x + width / 2 if align == "center" else x
        for ln in lines:
            self.text(ax, y, ln, size, color, bold, align)
            y += size * leading
        return top + len(lines) * size * leading

    def height(self, s: str, size: float, width: float, leading: float = 1.4) -> float:
        return len(wrap(s, size, width)) * size * leading

    def finish(self) -> None:
        """Write the page's content stream: shapes, then the text over them."""
        xref = self.doc.get_new_xref()
        self.doc.update_object(xref, "<<>>")
        self.doc.update_stream(xref, "\n".join(self._ops + self._text).encode("ascii"))
        self.page.set_contents(xref)
