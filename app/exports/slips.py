# SPDX-License-Identifier: Apache-2.0
"""Access-code slips: one slip per judge, three to an A4 page with cut lines (PDF), and the same codes
as a sheet the organizer keeps (xlsx, through ``write_workbook``).

An access code unlocks a judge's package, so it travels apart from it: on paper, by hand. Each slip
says whose it is, which round and package, the code in large monospace, and the organizer key's
fingerprint the judge compares before typing the code. Text uses PyMuPDF's built-in CJK font (Droid
Sans Fallback, as the demo slides do): the same on every machine, embedded and subset when saved.
The words come from ``app.glossary.desk`` in the current language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import DomainError
from app.exports.workbook import Sheet
from app.glossary.desk import CODES_SHEET, SLIP

#: A4 portrait in points, three slips a page.
PAGE = (595.28, 841.89)
PER_PAGE = 3
MARGIN = 42.0
GREY = (0.42, 0.42, 0.42)
BLACK = (0.0, 0.0, 0.0)
BOX = (0.94, 0.95, 0.97)
RULE = (0.7, 0.7, 0.7)


@dataclass(frozen=True, slots=True)
class AccessSlip:
    """One judge's slip."""

    judge_code: str
    judge_name: str
    institution: str
    cases: int
    package_file: str
    access_code: str


@dataclass(frozen=True, slots=True)
class SlipBatch:
    """The slips of one round, with what every slip of it repeats."""

    competition: str
    round_name: str
    fingerprint: str
    slips: tuple[AccessSlip, ...]


def _pymupdf() -> Any:
    import pymupdf  # loaded on the first PDF export: it is not needed to start the app

    return pymupdf


def _width(font: Any, text: str, size: float) -> float:
    return float(font.text_length(text, fontsize=size))


def _wrap(font: Any, text: str, size: float, width: float) -> list[str]:
    """Lines no wider than ``width``: Chinese breaks between characters, a Latin word stays whole."""
    tokens: list[str] = []
    for ch in text:
        if (
            tokens
            and not ch.isspace()
            and ch.isascii()
            and tokens[-1][-1:].isascii()
            and tokens[-1][-1:] != " "
        ):
            tokens[-1] += ch
        else:
            tokens.append(ch)
    lines, line = [], ""
    for token in tokens:
        if line and _width(font, line + token, size) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    return [*lines, line] if line else lines


class _Writer:
    """Text writers per (font, colour) for one page, written when the page is done."""

    def __init__(self, page: Any, cjk: Any, mono: Any) -> None:
        self.page, self.cjk, self.mono = page, cjk, mono
        self.writers: dict[tuple[bool, tuple[float, float, float]], Any] = {}

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        color: tuple[float, float, float] = BLACK,
        *,
        mono: bool = False,
        right: bool = False,
    ) -> float:
        font = self.mono if mono else self.cjk
        w = _width(font, text, size)
        writer = self.writers.get((mono, color))
        if writer is None:
            writer = self.writers[(mono, color)] = _pymupdf().TextWriter(self.page.rect)
        writer.append((x - w if right else x, y), text, font=font, fontsize=size)
        return w

    def finish(self) -> None:
        for (_mono, color), writer in self.writers.items():
            writer.write_text(self.page, color=color)


def _slip(w: _Writer, shape: Any, top: float, batch: SlipBatch, slip: AccessSlip) -> None:
    """One slip in the band of the page that starts at ``top``."""
    right = PAGE[0] - MARGIN
    room = right - MARGIN - w.text(MARGIN, top + 38, SLIP["title"].text(), 16) - 24
    competition = batch.competition
    while competition and _width(w.cjk, competition, 9) > room:  # a long name gives way to the title
        competition = competition[:-2] + "…"
    w.text(right, top + 38, competition, 9, GREY, right=True)
    y = top + 66
    for label, value, size in (
        (
            SLIP["judge"].text(),
            f"{slip.judge_code}  {slip.judge_name}" + (f" · {slip.institution}" if slip.institution else ""),
            12.0,
        ),
        (SLIP["round"].text(), f"{batch.round_name} · {SLIP['cases'].text(cases=slip.cases)}", 11.0),
        (SLIP["package"].text(), slip.package_file, 10.0),
    ):
        w.text(MARGIN, y, label, 9, GREY)
        w.text(MARGIN + 92, y, value, size)
        y += 20
    box = _pymupdf().Rect(MARGIN, y - 6, right, y + 52)
    shape.draw_rect(box)
    shape.finish(fill=BOX, color=RULE, width=0.6)
    w.text(MARGIN + 14, y + 28, SLIP["code"].text(), 11, GREY)
    code = " - ".join(slip.access_code.split("-"))
    left = MARGIN + 92  # centred in the box, right of its label
    w.text(left + (right - left - _width(w.mono, code, 28)) / 2, y + 33, code, 28, mono=True)
    y += 78
    w.text(MARGIN, y, SLIP["fingerprint"].text(), 9, GREY)
    w.text(MARGIN + 124, y, batch.fingerprint or "—", 11, mono=True)
    y += 20
    for key in ("how", "keep"):
        for line in _wrap(w.cjk, SLIP[key].text(), 9, right - MARGIN):
            w.text(MARGIN, y, line, 9, GREY)
            y += 13


def write_slips(path: Path, batch: SlipBatch) -> Path:
    """Write the batch's slips, three to a page, cut lines between them; ``export_failed`` if the file
    cannot be written. An empty batch is refused (there is nothing to hand out)."""
    if not batch.slips:
        raise DomainError("slips_empty")
    pymupdf = _pymupdf()
    doc = pymupdf.open()
    cjk, mono = pymupdf.Font("cjk"), pymupdf.Font("cobo")
    band = PAGE[1] / PER_PAGE
    for start in range(0, len(batch.slips), PER_PAGE):
        page = doc.new_page(width=PAGE[0], height=PAGE[1])
        writer, shape = _Writer(page, cjk, mono), page.new_shape()
        for i, slip in enumerate(batch.slips[start : start + PER_PAGE]):
            top = i * band
            _slip(writer, shape, top, batch, slip)
            if i < PER_PAGE - 1:
                shape.draw_line((MARGIN / 2, top + band), (PAGE[0] - MARGIN / 2, top + band))
                shape.finish(color=RULE, width=0.5, dashes="[4 3] 0")
                writer.text(PAGE[0] - MARGIN / 2, top + band - 3, SLIP["cut"].text(), 7, RULE, right=True)
        shape.commit()
        writer.finish()
    doc.set_metadata({"title": SLIP["title"].text(), "creator": "Leitai"})
    doc.subset_fonts()
    path = Path(path)
    try:
        doc.save(path, garbage=3, deflate=True)
    except (OSError, RuntimeError) as exc:
        raise DomainError("export_failed", path=str(path), reason=str(exc)) from None
    finally:
        doc.close()
    return path


def codes_sheet(batch: SlipBatch) -> Sheet:
    """The same codes as one worksheet the organizer keeps (``write_workbook`` writes it)."""
    keys = ("judge_code", "name", "institution", "round", "cases", "package", "code")
    return Sheet(
        title=CODES_SHEET["title"].text(),
        header=[CODES_SHEET[k].text() for k in keys],
        rows=[
            [
                s.judge_code,
                s.judge_name,
                s.institution,
                batch.round_name,
                s.cases,
                s.package_file,
                s.access_code,
            ]
            for s in batch.slips
        ],
        widths=(12, 14, 28, 16, 8, 30, 18),
    )
