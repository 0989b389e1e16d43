# SPDX-License-Identifier: Apache-2.0
"""Access-code slips: one slip per judge, three to an A4 page with cut lines (PDF), and the same codes
as a sheet the organizer keeps (xlsx, through ``write_workbook``).

An access code unlocks a judge's package, so it travels apart from it: on paper, by hand. Each slip
says whose it is, which round and package, the code in large type, and the organizer key's fingerprint
the judge compares before typing the code. Drawn with ``app.exports.pdf`` (PyMuPDF's built-in CJK font,
embedded and subset); the words come from ``app.glossary.desk`` in the current language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.errors import DomainError
from app.exports.cjk_font import text_width
from app.exports.pdf import A4, GREY, RULE, Page, PdfDocument, wrap
from app.exports.workbook import Sheet
from app.glossary.desk import CODES_SHEET, SLIP

#: Three slips to an A4 page.
PER_PAGE = 3
MARGIN = 42.0
#: The box the code sits in.
BOX = (0.94, 0.95, 0.97)


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


def _fit(text: str, size: float, width: float) -> str:
    """``text``, cut with '…' until it fits ``width`` (a long competition name gives way to the title)."""
    while text and text_width(text, size) > width:
        text = text[:-2] + "…"
    return text


def _slip(page: Page, top: float, batch: SlipBatch, slip: AccessSlip) -> None:
    """One slip in the band of the page that starts at ``top``."""
    right = page.width - MARGIN
    title = page.text(MARGIN, top + 38, SLIP["title"].text(), 16, bold=True)
    page.text(
        right, top + 38, _fit(batch.competition, 9, right - MARGIN - title - 24), 9, GREY, align="right"
    )
    y = top + 66
    institution = f" · {slip.institution}" if slip.institution else ""
    for label, value, size in (
        (SLIP["judge"].text(), f"{slip.judge_code}  {slip.judge_name}{institution}", 12.0),
        (SLIP["round"].text(), f"{batch.round_name} · {SLIP['cases'].text(cases=slip.cases)}", 11.0),
        (SLIP["package"].text(), slip.package_file, 10.0),
    ):
        page.text(MARGIN, y, label, 9, GREY)
        page.text(MARGIN + 92, y, value, size)
        y += 20
    page.rect(MARGIN, y - 6, right, y + 52, fill=BOX, color=RULE, width=0.6)
    page.text(MARGIN + 14, y + 28, SLIP["code"].text(), 11, GREY)
    left = MARGIN + 92  # the code centred in the box, right of its label, groups spaced apart
    page.text(
        (left + right) / 2, y + 34, " - ".join(slip.access_code.split("-")), 28, bold=True, align="center"
    )
    y += 78
    page.text(MARGIN, y, SLIP["fingerprint"].text(), 9, GREY)
    page.text(MARGIN + 124, y, batch.fingerprint or "—", 11, bold=True)
    y += 20
    for key in ("how", "keep"):
        y = page.lines(MARGIN, y, wrap(SLIP[key].text(), 9, right - MARGIN), 9, leading=1.45, color=GREY)


def write_slips(path: Path, batch: SlipBatch) -> Path:
    """Write the batch's slips, three to a page, a cut line between them; ``export_failed`` if the file
    cannot be written. An empty batch is refused (there is nothing to hand out)."""
    if not batch.slips:
        raise DomainError("slips_empty")
    doc = PdfDocument(A4)
    band = A4[1] / PER_PAGE
    for start in range(0, len(batch.slips), PER_PAGE):
        page = doc.new_page()
        for i, slip in enumerate(batch.slips[start : start + PER_PAGE]):
            top = i * band
            _slip(page, top, batch, slip)
            if i < PER_PAGE - 1:
                page.line(MARGIN / 2, top + band, page.width - MARGIN / 2, top + band)
                page.text(page.width - MARGIN / 2, top + band - 3, SLIP["cut"].text(), 7, RULE, align="right")
    return doc.save(path, title=SLIP["title"].text(), author=batch.competition)


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
