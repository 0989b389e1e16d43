# SPDX-License-Identifier: Apache-2.0
"""The rules of the notice, as checks: facts about one case (and across cases) in, findings out.

Every limit comes from the season's rules (``SeasonRules.limits``); the constants here are the ways of
measuring that no notice spells out (how far from 16:9 a page may be, how much rounding a font size
may carry), documented where they are defined.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.intake.findings import Finding, finding
from app.intake.source import Located
from app.media import Outcome, PdfFacts, VideoFacts
from app.seasons import FileLimits, SeasonRules

#: Font sizes are read as exported: PowerPoint's 14 pt text exports at 13.98–14.0 pt, and some
#: exporters round to the half point. Text counts as too small only below the limit minus this
#: (14 pt → 13.5 pt, as issue #3 fixes it).
FONT_TOLERANCE_PT = 0.5
#: A page is slide-shaped when its aspect is within this fraction of 16:9 or 4:3.
PAGE_ASPECT_TOLERANCE = 0.02
PAGE_16_9 = 16 / 9
PAGE_4_3 = 4 / 3
#: The page count is "far from" the suggested structure when off by more than this fraction of it
#: (17 suggested → fewer than 9 or more than 25 pages).
PAGE_COUNT_TOLERANCE = 0.5


@dataclass(frozen=True, slots=True)
class CaseFields:
    """A case's own fields as the sheet gives them (before any look-up)."""

    case_id: str
    hospital: str
    province: str
    tier: str
    category: str
    theme: str
    title: str
    recommendation: str
    votes: str
    submitted_at: str


@dataclass(frozen=True, slots=True)
class Resolved:
    """What the sheet's text resolves to in the season: province, region, theme (None when unknown)."""

    province: str | None
    region: str | None
    region_code: str | None
    theme: int | None


def resolve(fields: CaseFields, rules: SeasonRules) -> Resolved:
    """Province, region and theme of a case, by the season's rules."""
    province = rules.resolve_province(fields.province) if fields.province else None
    region = rules.region_of(province) if province is not None else None
    theme = rules.resolve_theme(fields.theme) if fields.theme else None
    return Resolved(
        province.name if province else None,
        region.name if region else None,
        region.code if region else None,
        theme.number if theme else None,
    )


def field_findings(fields: CaseFields, resolved: Resolved, rules: SeasonRules) -> list[Finding]:
    """Checks on the sheet's text: province, theme, recommendation, tier, category, votes, title."""
    out: list[Finding] = []
    limits = rules.limits
    if resolved.province is None:
        out.append(finding("province_unknown", province=fields.province))
    if resolved.theme is None:
        out.append(finding("theme_unknown", theme=fields.theme))
    chars = len(fields.recommendation.strip())
    if chars > limits.recommendation_max_chars:
        out.append(finding("recommendation_too_long", chars=chars, max=limits.recommendation_max_chars))
    elif chars == 0 and limits.recommendation_required:
        out.append(finding("recommendation_missing"))
    if fields.tier and not _known(fields.tier, ((t.code, t.name) for t in rules.tiers)):
        out.append(finding("tier_unknown", tier=fields.tier))
    if fields.category and not _known(fields.category, ((c.code, c.name) for c in rules.categories)):
        out.append(finding("category_unknown", category=fields.category))
    if fields.votes and parse_votes(fields.votes) is None:
        out.append(finding("votes_invalid", votes=fields.votes))
    if not fields.title.strip():
        out.append(finding("title_missing"))
    if fields.submitted_at and parse_time(fields.submitted_at) is None:
        out.append(finding("submitted_at_invalid", submitted_at=fields.submitted_at))
    return out


def resolve_named(value: str, options: Iterable[tuple[str, str]]) -> str | None:
    """The code of the option (code, name) that ``value`` names, by code or name, spaces ignored."""
    from app.seasons import normalise

    key = normalise(value)
    for code, name in options:
        if key in (normalise(code), normalise(name)):
            return code
    return None


def _known(value: str, options: Iterable[tuple[str, str]]) -> bool:
    return resolve_named(value, options) is not None


def parse_votes(text: str) -> int | None:
    """Votes as an integer ("1,234", "1234.0" and full-width digits accepted), None if not a count."""
    import unicodedata

    clean = unicodedata.normalize("NFKC", text).replace(",", "").replace(" ", "").strip()
    try:
        value = float(clean)
    except ValueError:
        return None
    if not value.is_integer() or value < 0 or math.isinf(value):
        return None
    return int(value)


def parse_time(text: str) -> datetime | None:
    """A submission time as the website or Excel writes it (ISO, 2022/5/3 10:00, 2022年5月3日)."""
    import re
    import unicodedata

    clean = unicodedata.normalize("NFKC", text).strip()
    clean = re.sub(r"(\d+)年(\d+)月(\d+)日?", r"\1-\2-\3", clean).replace("/", "-").replace("T", " ")
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y-%m-%d %H:%M:%S.%f"):
        try:
            return datetime.strptime(clean, fmt)
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(clean)
    except ValueError:
        return None


def pdf_findings(located: Located, given: str, outcome: Outcome | None, rules: SeasonRules) -> list[Finding]:
    """Checks on the slides PDF: present, readable, within size, text large enough; page advisories."""
    limits = rules.limits
    if located.path is None:
        return [_missing("pdf_missing", located, given)]
    out: list[Finding] = []
    size = located.size
    if size > limits.pdf_max_bytes:
        out.append(finding("pdf_too_large", size=size, max=limits.pdf_max_bytes))
    if outcome is None or not outcome.ok:
        kind = outcome.kind if outcome else "error"
        out.append(finding("pdf_corrupt", reason=kind, error=outcome.message if outcome else ""))
        return out
    facts: PdfFacts = outcome.value
    if facts.problem is not None:
        out.append(finding("pdf_corrupt", reason=facts.problem, error=facts.problem_detail))
        return out
    if facts.damaged_pages:
        out.append(finding("pdf_corrupt", reason="damaged_pages", pages=list(facts.damaged_pages)))
    out.extend(font_findings(facts, limits))
    out.extend(page_findings(facts, rules))
    if facts.repaired:
        out.append(finding("pdf_repaired"))
    return out


def font_findings(facts: PdfFacts, limits: FileLimits) -> list[Finding]:
    """``font_too_small``: pages with a span of 4+ non-blank characters below the limit (less tolerance)."""
    threshold = limits.min_font_pt - FONT_TOLERANCE_PT
    small = [p for p in facts.pages if p.min_font_pt is not None and p.min_font_pt < threshold]
    if not small:
        return []
    pages = [p.number for p in small]
    smallest = min(small, key=lambda p: p.min_font_pt or 0.0)
    size = smallest.min_font_pt or 0.0
    return [
        finding(
            "font_too_small",
            pages=pages,
            smallest_pt=size,
            smallest_page=smallest.number,
            sample=smallest.min_font_sample,
            min_pt=limits.min_font_pt,
            per_page={str(p.number): p.min_font_pt for p in small},
        )
    ]


def _near(aspect: float, target: float) -> bool:
    return abs(aspect / target - 1) <= PAGE_ASPECT_TOLERANCE


def page_findings(facts: PdfFacts, rules: SeasonRules) -> list[Finding]:
    """Advisories: page count far from the suggested structure, pages not 16:9, blank pages, no text."""
    out: list[Finding] = []
    suggested = rules.suggested_pages()
    count = facts.page_count
    if suggested:
        low = math.ceil(suggested * (1 - PAGE_COUNT_TOLERANCE))
        high = math.floor(suggested * (1 + PAGE_COUNT_TOLERANCE))
        if not low <= count <= high:
            out.append(finding("page_count_unusual", pages_total=count, suggested=suggested))
    not_wide = [p for p in facts.pages if not _near(p.aspect, PAGE_16_9)]
    if not_wide:
        four_three = [p.number for p in not_wide if _near(p.aspect, PAGE_4_3)]
        odd = [p for p in not_wide if not _near(p.aspect, PAGE_4_3)]
        out.append(finding("pages_not_16_9", pages=[p.number for p in not_wide], four_three=four_three))
        if odd:
            out.append(
                finding(
                    "pages_not_slide_shaped",
                    pages=[p.number for p in odd],
                    sizes={str(p.number): [p.width, p.height] for p in odd},
                )
            )
    if facts.pages and not any(p.has_text for p in facts.pages):
        out.append(finding("pdf_no_text"))
    blank = [p.number for p in facts.pages if p.blank]
    if blank:
        out.append(finding("pdf_blank_pages", pages=blank))
    return out


def video_findings(
    located: Located, given: str, outcome: Outcome | None, rules: SeasonRules
) -> list[Finding]:
    """Checks on the optional video: present when named, MP4 by content, length, aspect, height, size."""
    limits = rules.limits
    if not given.strip():
        if limits.video_required:
            return [finding("video_missing", reason="not_given")]
        return [finding("no_video")]
    if located.path is None:
        return [_missing("video_missing", located, given)]
    out: list[Finding] = []
    size = located.size
    if size > limits.video_max_bytes:
        out.append(finding("video_too_large", size=size, max=limits.video_max_bytes))
    format_findings, facts = _video_format_findings(located.path, outcome, limits.video_container)
    out.extend(format_findings)
    if facts is None:
        return out
    if not facts.has_video:
        out.append(finding("video_not_mp4", reason="no_video_stream"))
        return out
    out.extend(_video_picture_findings(facts, limits))
    return out


def _video_format_findings(
    path: Path, outcome: Outcome | None, container: str
) -> tuple[list[Finding], VideoFacts | None]:
    """Is the file a readable video in the season's container, under a name that says so? The facts
    read, or None when nothing more can be checked."""
    out: list[Finding] = []
    expected = container.upper()
    if outcome is None or not outcome.ok:
        kind = outcome.kind if outcome else "error"
        error = outcome.message if outcome else ""
        out.append(finding("video_not_mp4", reason=kind, error=error, expected=expected))
        return out, None
    facts: VideoFacts = outcome.value
    if not facts.readable:
        out.append(finding("video_not_mp4", reason="unreadable", error=facts.error, expected=expected))
        return out, None
    if not facts.is_container(container):
        out.append(
            finding(
                "video_not_mp4",
                reason="container",
                container=facts.container,
                brand=facts.brand,
                expected=expected,
            )
        )
    elif path.suffix.lower() != f".{container}":
        out.append(finding("video_extension", name=path.name, expected=expected))
    return out, facts


def _video_picture_findings(facts: VideoFacts, limits: FileLimits) -> list[Finding]:
    """Length, picture aspect and height of a readable video against the season's limits."""
    out: list[Finding] = []
    if facts.duration_s is not None and facts.duration_s > limits.video_max_seconds:
        out.append(finding("video_too_long", seconds=facts.duration_s, max=limits.video_max_seconds))
    w, h = limits.video_aspect
    target = w / h
    if (
        facts.display_aspect is not None
        and abs(facts.display_aspect / target - 1) > limits.video_aspect_tolerance
    ):
        out.append(
            finding(
                "video_not_16_9",
                aspect=facts.display_aspect,
                width=facts.width,
                height=facts.height,
                rotation=facts.rotation,
                expected=f"{w}:{h}",
            )
        )
    shown_height = facts.width if facts.rotation % 180 == 90 else facts.height
    if shown_height is not None and shown_height < limits.video_min_height:
        out.append(
            finding(
                "video_low_res",
                width=facts.width,
                height=facts.height,
                min_height=limits.video_min_height,
            )
        )
    return out


def _missing(code: str, located: Located, given: str) -> Finding:
    """A file the sheet names that cannot be used, and why (``located.reason``, ``why``, ``note``)."""
    if located.reason == "not_given":
        return finding(code, reason="not_given")
    if located.reason == "not_found":
        return finding(code, reason="not_found", path=given)
    extra = {"error": located.note} if located.note else {}
    return finding(code, reason=located.reason, path=given, why=located.why, **extra)


def control_chars_finding(columns: Sequence[str]) -> Finding:
    """``text_control_chars``: the sheet's text in ``columns`` (keys, or an extra column's header) held
    control characters, removed."""
    return finding("text_control_chars", columns=list(columns))


def check_failed_finding(step: str, exc: BaseException) -> Finding:
    """``check_failed``: a step of this case's checks failed unexpectedly; the others went on."""
    return finding("check_failed", step=step, error=f"{type(exc).__name__}: {exc}"[:300])
