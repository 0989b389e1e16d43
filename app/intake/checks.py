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

from app.intake.findings import Finding, finding, megabytes, page_list
from app.intake.source import Located
from app.media import CRASHED, MEMORY, TIMEOUT, Outcome, PdfFacts, VideoFacts
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
#: How outcome kinds of the worker pool read in a message.
_OUTCOME_WORDS = {TIMEOUT: "读取超时", CRASHED: "读取时解析程序崩溃", MEMORY: "读取时内存超出限制"}
_PDF_PROBLEM_WORDS = {
    "unreadable": "无法打开（不是有效的 PDF 文件）",
    "encrypted": "已加密，需要密码才能打开",
    "truncated": "不完整（可能上传中断）",
    "no_pages": "中没有页面",
    "damaged": "已损坏",
}


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
        shown = fields.province or "（空）"
        out.append(finding("province_unknown", f"省份“{shown}”无法识别。", province=fields.province))
    if resolved.theme is None:
        shown = fields.theme or "（空）"
        out.append(finding("theme_unknown", f"主题“{shown}”无法识别。", theme=fields.theme))
    text = fields.recommendation.strip()
    chars = len(text)
    if chars > limits.recommendation_max_chars:
        out.append(
            finding(
                "recommendation_too_long",
                f"推荐理由共 {chars} 字，超过 {limits.recommendation_max_chars} 字的上限。",
                chars=chars,
                max=limits.recommendation_max_chars,
            )
        )
    elif chars == 0 and limits.recommendation_required:
        out.append(finding("recommendation_missing", "缺少推荐理由（本届为必交材料）。"))
    if fields.tier and not _known(fields.tier, ((t.code, t.name) for t in rules.tiers)):
        out.append(finding("tier_unknown", f"组别“{fields.tier}”无法识别。", tier=fields.tier))
    if fields.category and not _known(fields.category, ((c.code, c.name) for c in rules.categories)):
        out.append(
            finding("category_unknown", f"类别“{fields.category}”无法识别。", category=fields.category)
        )
    if fields.votes and parse_votes(fields.votes) is None:
        out.append(finding("votes_invalid", f"网络投票数“{fields.votes}”不是整数。", votes=fields.votes))
    if not fields.title.strip():
        out.append(finding("title_missing", "缺少案例名称。"))
    if fields.submitted_at and parse_time(fields.submitted_at) is None:
        out.append(
            finding(
                "submitted_at_invalid",
                f"提交时间“{fields.submitted_at}”无法识别，按导入时间计算审核期限。",
                submitted_at=fields.submitted_at,
            )
        )
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
        return [_missing("pdf_missing", "PPT 文件", located, given)]
    out: list[Finding] = []
    size = located.size
    if size > limits.pdf_max_bytes:
        out.append(
            finding(
                "pdf_too_large",
                f"PPT 文件 {megabytes(size)}，超过 {megabytes(limits.pdf_max_bytes)} 的上限。",
                size=size,
                max=limits.pdf_max_bytes,
            )
        )
    if outcome is None or not outcome.ok:
        kind = outcome.kind if outcome else "error"
        words = _OUTCOME_WORDS.get(kind, "无法读取")
        message = outcome.message if outcome else ""
        out.append(finding("pdf_corrupt", f"PPT 文件{words}。", reason=kind, error=message))
        return out
    facts: PdfFacts = outcome.value
    if facts.problem is not None:
        out.append(
            finding(
                "pdf_corrupt",
                f"PPT 文件{_PDF_PROBLEM_WORDS.get(facts.problem, '无法读取')}。",
                reason=facts.problem,
                error=facts.problem_detail,
            )
        )
        return out
    if facts.damaged_pages:
        pages = list(facts.damaged_pages)
        out.append(
            finding(
                "pdf_corrupt", f"PPT 文件{page_list(pages)}无法读取。", reason="damaged_pages", pages=pages
            )
        )
    out.extend(font_findings(facts, limits))
    out.extend(page_findings(facts, rules))
    if facts.repaired:
        out.append(finding("pdf_repaired", "PPT 文件的内部结构有误，已自动修复后检查；建议重新导出。"))
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
            f"PPT 中有小于 {limits.min_font_pt:g} 号的文字：{page_list(pages)}，最小 {size:g} 号"
            f"（第 {smallest.number} 页“{smallest.min_font_sample}”）。",
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
            out.append(
                finding(
                    "page_count_unusual",
                    f"PPT 共 {count} 页，与建议的 {suggested} 页结构相差较大。",
                    pages_total=count,
                    suggested=suggested,
                )
            )
    not_wide = [p for p in facts.pages if not _near(p.aspect, PAGE_16_9)]
    if not_wide:
        four_three = [p.number for p in not_wide if _near(p.aspect, PAGE_4_3)]
        odd = [p for p in not_wide if not _near(p.aspect, PAGE_4_3)]
        out.append(
            finding(
                "pages_not_16_9",
                f"PPT {page_list([p.number for p in not_wide])}不是 16:9 的页面。",
                pages=[p.number for p in not_wide],
                four_three=four_three,
            )
        )
        if odd:
            first = odd[0]
            out.append(
                finding(
                    "pages_not_slide_shaped",
                    f"PPT {page_list([p.number for p in odd])}不是幻灯片比例（如第 {first.number} 页为 "
                    f"{first.width:g}×{first.height:g} 磅），字号按导出后的页面计算，未做缩放。",
                    pages=[p.number for p in odd],
                    sizes={str(p.number): [p.width, p.height] for p in odd},
                )
            )
    if facts.pages and not any(p.has_text for p in facts.pages):
        out.append(finding("pdf_no_text", "PPT 中没有可提取的文字（可能是图片或扫描件），无法检查字号。"))
    blank = [p.number for p in facts.pages if p.blank]
    if blank:
        out.append(finding("pdf_blank_pages", f"PPT {page_list(blank)}是空白页。", pages=blank))
    return out


def video_findings(
    located: Located, given: str, outcome: Outcome | None, rules: SeasonRules
) -> list[Finding]:
    """Checks on the optional video: present when named, MP4 by content, length, aspect, height, size."""
    limits = rules.limits
    if not given.strip():
        if limits.video_required:
            return [finding("video_missing", "缺少视频文件（本届为必交材料）。", reason="not_given")]
        return [finding("no_video", "未提交视频（本届为自愿提交）。")]
    if located.path is None:
        return [_missing("video_missing", "视频文件", located, given)]
    out: list[Finding] = []
    size = located.size
    if size > limits.video_max_bytes:
        out.append(
            finding(
                "video_too_large",
                f"视频文件 {megabytes(size)}，超过 {megabytes(limits.video_max_bytes)} 的上限。",
                size=size,
                max=limits.video_max_bytes,
            )
        )
    format_findings, facts = _video_format_findings(located.path, outcome, limits.video_container)
    out.extend(format_findings)
    if facts is None:
        return out
    if not facts.has_video:
        out.append(
            finding("video_not_mp4", "视频文件中没有画面（只有声音或为空）。", reason="no_video_stream")
        )
        return out
    out.extend(_video_picture_findings(facts, limits))
    return out


def _video_format_findings(
    path: Path, outcome: Outcome | None, container: str
) -> tuple[list[Finding], VideoFacts | None]:
    """Is the file a readable video in the season's container, under a name that says so? The facts
    read, or None when nothing more can be checked."""
    out: list[Finding] = []
    if outcome is None or not outcome.ok:
        kind = outcome.kind if outcome else "error"
        words = _OUTCOME_WORDS.get(kind, "无法读取")
        out.append(
            finding(
                "video_not_mp4",
                f"视频文件{words}，无法确认为 {container.upper()} 格式。",
                reason=kind,
                error=outcome.message if outcome else "",
            )
        )
        return out, None
    facts: VideoFacts = outcome.value
    if not facts.readable:
        out.append(
            finding(
                "video_not_mp4",
                f"视频文件的内容不是视频，不是 {container.upper()} 格式。",
                reason="unreadable",
                error=facts.error,
            )
        )
        return out, None
    if not facts.is_container(container):
        out.append(
            finding(
                "video_not_mp4",
                f"视频文件不是 {container.upper()} 格式（实际为 {_container_name(facts)}）。",
                reason="container",
                container=facts.container,
                brand=facts.brand,
            )
        )
    elif path.suffix.lower() != f".{container}":
        out.append(
            finding(
                "video_extension",
                f"视频内容是 {container.upper()}，但文件名是 {path.name}。",
                name=path.name,
            )
        )
    return out, facts


def _video_picture_findings(facts: VideoFacts, limits: FileLimits) -> list[Finding]:
    """Length, picture aspect and height of a readable video against the season's limits."""
    out: list[Finding] = []
    if facts.duration_s is not None and facts.duration_s > limits.video_max_seconds:
        out.append(
            finding(
                "video_too_long",
                f"视频时长 {_duration(facts.duration_s)}，超过 {_duration(limits.video_max_seconds)}的上限。",
                seconds=facts.duration_s,
                max=limits.video_max_seconds,
            )
        )
    w, h = limits.video_aspect
    target = w / h
    if (
        facts.display_aspect is not None
        and abs(facts.display_aspect / target - 1) > limits.video_aspect_tolerance
    ):
        out.append(
            finding(
                "video_not_16_9",
                f"视频画面比例为 {_ratio(facts.display_aspect)}（{facts.width}×{facts.height}"
                f"{'，旋转 ' + str(facts.rotation) + '°' if facts.rotation else ''}），不是 {w}:{h}。",
                aspect=facts.display_aspect,
                width=facts.width,
                height=facts.height,
                rotation=facts.rotation,
            )
        )
    shown_height = facts.width if facts.rotation % 180 == 90 else facts.height
    if shown_height is not None and shown_height < limits.video_min_height:
        out.append(
            finding(
                "video_low_res",
                f"视频分辨率 {facts.width}×{facts.height}，低于标清（{limits.video_min_height} 行）。",
                width=facts.width,
                height=facts.height,
                min_height=limits.video_min_height,
            )
        )
    return out


def _missing(code: str, what: str, located: Located, given: str) -> Finding:
    gap = " " if what[:1].isascii() else ""  # 找不到 PPT 文件 / 找不到视频文件
    if located.reason == "not_given":
        return finding(code, f"表格中没有填写{gap}{what}。", reason="not_given")
    if located.reason == "outside":
        return finding(code, f"{what}路径“{given}”无效：{located.note}。", reason="outside", path=given)
    if located.reason == "refused":
        return finding(code, f"{what}“{given}”未被读取：{located.note}。", reason="refused", path=given)
    if located.reason in ("not_a_file", "unreadable", "invalid"):
        return finding(
            code,
            f"{what}“{_shown(given)}”无法读取：{located.note}。",
            reason=located.reason,
            path=given,
            error=located.note,
        )
    return finding(code, f"找不到{gap}{what}“{given}”。", reason="not_found", path=given)


def _shown(path: str, limit: int = 60) -> str:
    """A file name as a message shows it: shortened when absurdly long."""
    return path if len(path) <= limit else f"{path[: limit // 2]}…{path[-limit // 3 :]}"


def control_chars_finding(columns: Sequence[str], labels: Sequence[str]) -> Finding:
    """``text_control_chars``: the sheet's text in ``columns`` held control characters, removed."""
    return finding(
        "text_control_chars",
        f"表格中{'、'.join(labels)}的文字含有控制字符（如 NUL），已删除后保存，请核对原文。",
        columns=list(columns),
    )


def check_failed_finding(step: str, exc: BaseException) -> Finding:
    """``check_failed``: a step of this case's checks failed unexpectedly; the others went on."""
    error = f"{type(exc).__name__}: {exc}"[:300]
    return finding(
        "check_failed",
        f"检查此案例时出错（{step}）：{error}。请核对其文件后重新检查。",
        step=step,
        error=error,
    )


def _container_name(facts: VideoFacts) -> str:
    if "mp4" in facts.container.split(",") and facts.brand.strip() == "qt":
        return "QuickTime MOV"
    return facts.container.split(",")[0].upper() or "未知"


def _duration(seconds: float) -> str:
    whole = round(seconds)
    if whole < 60:
        return f"{seconds:g} 秒"
    return f"{whole // 60} 分钟" if whole % 60 == 0 else f"{whole // 60} 分 {whole % 60} 秒"


def _ratio(aspect: float) -> str:
    for w, h in ((16, 9), (4, 3), (9, 16), (3, 4), (1, 1), (21, 9), (16, 10)):
        if abs(aspect / (w / h) - 1) < 0.01:
            return f"{w}:{h}"
    return f"{aspect:.2f}:1"
