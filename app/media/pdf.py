# SPDX-License-Identifier: Apache-2.0
"""Facts about a slides PDF, read with PyMuPDF (pypdf as a second opinion on damaged files).

Pure functions over a path, meant to run inside a worker process (``app.media.pool``): PyMuPDF is not
thread-safe, and a hostile file must not take the importing process down with it. Nothing here knows a
season's limits; ``app.intake.checks`` compares these facts with the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: A span counts for the font-size rule only with at least this many non-blank characters, so page
#: numbers, footnote marks and the like (1–3 characters) never make a finding (issue #3).
MIN_SPAN_CHARS = 4
#: The PDF specification puts ``%%EOF`` within the last 1024 bytes; a file cut short has none there.
EOF_WINDOW = 1024
#: Longest sample of small text kept per page, so a finding can quote what it means.
SAMPLE_CHARS = 24

#: Why a PDF cannot be used at all.
PROBLEM_UNREADABLE = "unreadable"
PROBLEM_ENCRYPTED = "encrypted"
PROBLEM_TRUNCATED = "truncated"
PROBLEM_NO_PAGES = "no_pages"
PROBLEM_DAMAGED = "damaged"


@dataclass(frozen=True, slots=True)
class PageFacts:
    """One page as exported: its size in points and the smallest text that counts for the font rule."""

    number: int  #: 1-based, as a reader counts pages
    width: float
    height: float
    has_text: bool
    blank: bool  #: nothing at all is drawn on the page
    min_font_pt: float | None  #: smallest span of MIN_SPAN_CHARS+ non-blank characters, or None
    min_font_sample: str = ""  #: the start of that span, to show the organizer what is too small

    @property
    def aspect(self) -> float:
        return self.width / self.height if self.height else 0.0


@dataclass(frozen=True, slots=True)
class PdfFacts:
    """What a PDF is: readable or not (``problem``), and its pages when it is."""

    size: int
    problem: str | None = None  #: one of the PROBLEM_* values, or None for a usable file
    problem_detail: str = (
        ""  #: evidence for a report (the library's words); a person reads ``problem``'s finding
    )
    repaired: bool = False  #: MuPDF had to rebuild the cross-reference table to open it
    pages: tuple[PageFacts, ...] = ()
    damaged_pages: tuple[int, ...] = ()  #: pages whose content could not be read

    @property
    def page_count(self) -> int:
        return len(self.pages)


def pdf_facts(path: Path | str) -> PdfFacts:
    """Open ``path`` with PyMuPDF and read every page's size and text sizes; never raises for a bad file."""
    pymupdf = _mupdf()
    path = Path(path)
    size = path.stat().st_size
    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    pymupdf.TOOLS.mupdf_warnings(reset=True)
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except Exception as exc:  # MuPDF refuses: not a PDF, empty, hopelessly broken
        if _starts_like_pdf(path) and not _ends_with_eof(path, size):
            return PdfFacts(size, PROBLEM_TRUNCATED, "no %%EOF end marker")
        return PdfFacts(size, PROBLEM_UNREADABLE, _one_line(exc) + _also(_second_opinion(path)))
    with doc:
        if not doc.is_pdf:  # MuPDF also reads HTML, images, XPS…: a renamed file opens "fine"
            return PdfFacts(
                size,
                PROBLEM_UNREADABLE,
                f"not a PDF (MuPDF reads it as {doc.metadata.get('format') or 'another format'})",
            )
        if doc.needs_pass:
            return PdfFacts(size, PROBLEM_ENCRYPTED, "needs a password")
        repaired = bool(doc.is_repaired)
        truncated = repaired and not _ends_with_eof(path, size)
        if truncated:
            return PdfFacts(size, PROBLEM_TRUNCATED, "no %%EOF end marker", repaired=True)
        if repaired:
            opinion = _second_opinion(path)
            if opinion:
                return PdfFacts(size, PROBLEM_DAMAGED, opinion, repaired=True)
        if doc.page_count == 0:
            return PdfFacts(size, PROBLEM_NO_PAGES, "no pages", repaired=repaired)
        pages: list[PageFacts] = []
        damaged: list[int] = []
        for index in range(doc.page_count):
            try:
                pages.append(_page_facts(doc.load_page(index), index + 1))
            except Exception:  # one unreadable page: note it and read the others
                damaged.append(index + 1)
        if damaged and not pages:
            return PdfFacts(size, PROBLEM_DAMAGED, "no page can be read", repaired, (), tuple(damaged))
        return PdfFacts(size, None, "", repaired, tuple(pages), tuple(damaged))


def _mupdf() -> Any:
    """PyMuPDF, imported on first use (workers only) and typed loosely: its API is only partly annotated."""
    import pymupdf

    return pymupdf


def _page_facts(page: Any, number: int) -> PageFacts:
    pymupdf = _mupdf()
    rect = page.rect
    # Images are not needed for text sizes and are the slowest part of a text dict: leave them out.
    flags = pymupdf.TEXTFLAGS_DICT & ~pymupdf.TEXT_PRESERVE_IMAGES
    smallest: float | None = None
    sample = ""
    has_text = False
    for block in page.get_text("dict", flags=flags)["blocks"]:
        for line in block.get("lines", ()):
            for span in line["spans"]:
                text: str = span["text"]
                chars = sum(1 for ch in text if not ch.isspace())
                if chars == 0:
                    continue
                has_text = True
                if chars < MIN_SPAN_CHARS:
                    continue
                span_size = float(span["size"])
                if smallest is None or span_size < smallest:
                    smallest = span_size
                    sample = text.strip()[:SAMPLE_CHARS]
    blank = not has_text and not page.get_bboxlog()
    return PageFacts(
        number=number,
        width=round(float(rect.width), 2),
        height=round(float(rect.height), 2),
        has_text=has_text,
        blank=blank,
        min_font_pt=round(smallest, 2) if smallest is not None else None,
        min_font_sample=sample,
    )


def _ends_with_eof(path: Path, size: int) -> bool:
    with path.open("rb") as f:
        f.seek(max(0, size - EOF_WINDOW))
        return b"%%EOF" in f.read()


def _starts_like_pdf(path: Path) -> bool:
    with path.open("rb") as f:
        return b"%PDF-" in f.read(1024)


def _also(opinion: str) -> str:
    return f"; pypdf: {opinion}" if opinion else ""


def _second_opinion(path: Path) -> str:
    """pypdf's reading of a file MuPDF had trouble with: "" when pypdf reads every page, else why not."""
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            return "needs a password"
        count = len(reader.pages)
        for page in reader.pages:
            page.get_contents()
        return "" if count else "no pages"
    except Exception as exc:
        return _one_line(exc)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]
