# SPDX-License-Identifier: Apache-2.0
"""Regenerate resources/certificates/background.pdf: the default 奖状 border (vector, no font).

Run from the repository root: ``.venv/bin/python scripts/make_certificate_background.py``. An organizer
who has a designed certificate replaces the PDF (first page, A4 landscape) instead.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

OUT = Path(__file__).resolve().parents[1] / "resources" / "certificates" / "background.pdf"
W, H = 841.89, 595.28
GOLD = (0.78, 0.60, 0.20)
RED = (0.62, 0.09, 0.10)
PAPER = (1.0, 0.985, 0.95)


def main() -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=W, height=H)
    page.draw_rect(page.rect, fill=PAPER, width=0)
    page.draw_rect((22, 22, W - 22, H - 22), color=GOLD, width=7)
    page.draw_rect((36, 36, W - 36, H - 36), color=RED, width=1.2)
    page.draw_rect((42, 42, W - 42, H - 42), color=GOLD, width=0.6)
    for cx, cy in ((36, 36), (W - 36, 36), (36, H - 36), (W - 36, H - 36)):
        page.draw_rect((cx - 9, cy - 9, cx + 9, cy + 9), color=RED, fill=GOLD, width=1.2)
        page.draw_circle((cx, cy), 3.2, color=RED, fill=RED, width=0)
    # a band under the title and a place for the organizer's seal (盖章)
    page.draw_line((W / 2 - 150, 170), (W / 2 + 150, 170), color=GOLD, width=1.6)
    page.draw_line((W / 2 - 110, 176), (W / 2 + 110, 176), color=GOLD, width=0.6)
    page.draw_circle((640, 486), 50, color=(0.85, 0.55, 0.55), width=0.8, dashes="[3 3] 0")
    doc.save(OUT, garbage=4, deflate=True)
    print("wrote", OUT, OUT.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
