# SPDX-License-Identifier: Apache-2.0
"""The one CJK font every PDF the app draws uses: PyMuPDF's built-in Droid Sans Fallback, and its widths.

Exports (reports, certificates) and the demo's slides and video frames both draw with it, so a page
renders the same on every machine with no system font. Loaded once and shared; widths are cached per
character, because PyMuPDF's ``text_length`` is slow per call.
"""

from __future__ import annotations

from typing import Any

_FONT: Any = None
#: Advance width of each character in em, measured once.
_ADVANCE: dict[str, float] = {}


def cjk_font() -> Any:
    """PyMuPDF's built-in CJK font (``pymupdf.Font("cjk")``), loaded once."""
    global _FONT
    if _FONT is None:
        import pymupdf  # loaded on the first PDF drawn: it is not needed to start the app

        untyped: Any = pymupdf  # its API is only partly annotated
        _FONT = untyped.Font("cjk")
    return _FONT


def text_width(text: str, size: float) -> float:
    """Width of ``text`` in points at ``size`` pt in the CJK font."""
    total = 0.0
    for ch in text:
        adv = _ADVANCE.get(ch)
        if adv is None:
            adv = _ADVANCE[ch] = float(cjk_font().glyph_advance(ord(ch)))
        total += adv
    return total * size
