# SPDX-License-Identifier: Apache-2.0
"""Findings: one per problem, each with a code, a severity and its details (data, in no language).

A finding's sentence is said from its code and detail when it is read (``app.intake.finding_text``), in
the reader's language. A new code needs its name in ``app.glossary.terms.FINDINGS`` and its sentence in
``app.glossary.findings.MESSAGES`` (``tests/app/test_glossary_phrases.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.intake.finding_text import finding_text, source_problem_text

VIOLATION = "violation"
WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Code:
    """A finding code and how serious it is; its name, in zh and en, is ``app.glossary.terms.FINDINGS``."""

    code: str
    severity: str


#: Every finding the checks can make. Violations break a rule of the notice; warnings are advisory.
CODES: dict[str, Code] = {
    c.code: c
    for c in (
        Code("pdf_missing", VIOLATION),
        Code("pdf_corrupt", VIOLATION),
        Code("pdf_too_large", VIOLATION),
        Code("font_too_small", VIOLATION),
        Code("video_not_mp4", VIOLATION),
        Code("video_too_long", VIOLATION),
        Code("video_not_16_9", VIOLATION),
        Code("video_low_res", VIOLATION),
        Code("video_too_large", VIOLATION),
        Code("video_missing", VIOLATION),
        Code("recommendation_too_long", VIOLATION),
        Code("recommendation_missing", VIOLATION),
        Code("duplicate_theme", VIOLATION),
        Code("hospital_name_inconsistent", VIOLATION),
        Code("province_unknown", VIOLATION),
        Code("theme_unknown", VIOLATION),
        Code("text_control_chars", VIOLATION),
        Code("check_failed", VIOLATION),
        Code("page_count_unusual", WARNING),
        Code("pages_not_16_9", WARNING),
        Code("pages_not_slide_shaped", WARNING),
        Code("pdf_no_text", WARNING),
        Code("pdf_blank_pages", WARNING),
        Code("pdf_repaired", WARNING),
        Code("no_video", WARNING),
        Code("video_extension", WARNING),
        Code("tier_unknown", WARNING),
        Code("category_unknown", WARNING),
        Code("votes_invalid", WARNING),
        Code("title_missing", WARNING),
        Code("submitted_at_invalid", WARNING),
    )
}
#: Findings that depend on other cases too (recomputed over the whole workspace after each change).
CROSS_CASE_CODES: frozenset[str] = frozenset({"duplicate_theme", "hospital_name_inconsistent"})


@dataclass(frozen=True, slots=True)
class SourceProblem:
    """Something wrong with the source as a whole (a refused zip entry, a skipped row), not with one
    case."""

    code: str
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The problem in a sentence, in the current language."""
        return source_problem_text(self.code, self.detail)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "detail": dict(self.detail)}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem with one case."""

    code: str
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """What is wrong, in a sentence, in the current language."""
        return finding_text(self.code, self.detail)

    @property
    def severity(self) -> str:
        return CODES[self.code].severity

    @property
    def is_violation(self) -> bool:
        return self.severity == VIOLATION

    @property
    def pages(self) -> tuple[int, ...]:
        """The PDF pages this finding is about (for "open the PDF at this page")."""
        pages = self.detail.get("pages", ())
        return tuple(int(p) for p in pages) if isinstance(pages, list | tuple) else ()

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "detail": dict(self.detail)}


def finding(code: str, **detail: Any) -> Finding:
    """A finding of a known code (KeyError for a typo, caught by the tests)."""
    if code not in CODES:
        raise KeyError(code)
    return Finding(code, detail)


def human_bytes(size: int) -> str:
    """A byte count as people read it: 820 KB, 1.6 GB (the same in Chinese and English)."""
    for unit, scale in (("TB", 1024**4), ("GB", 1024**3), ("MB", 1024**2)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{max(size, 0) / 1024:.0f} KB" if size >= 1024 else f"{size} B"
