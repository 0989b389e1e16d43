# SPDX-License-Identifier: Apache-2.0
"""Findings: one per problem, each with a code, a severity, a Chinese message and its details."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

VIOLATION = "violation"
WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Code:
    """A finding code: what it is called in the UI and how serious it is."""

    code: str
    severity: str
    name: str  #: short Chinese name, for filters and reason templates


#: Every finding the checks can make. Violations break a rule of the notice; warnings are advisory.
CODES: dict[str, Code] = {
    c.code: c
    for c in (
        Code("pdf_missing", VIOLATION, "缺少 PPT 文件"),
        Code("pdf_corrupt", VIOLATION, "PPT 文件损坏或无法打开"),
        Code("pdf_too_large", VIOLATION, "PPT 文件过大"),
        Code("font_too_small", VIOLATION, "PPT 字号过小"),
        Code("video_not_mp4", VIOLATION, "视频不是 MP4 格式"),
        Code("video_too_long", VIOLATION, "视频过长"),
        Code("video_not_16_9", VIOLATION, "视频画面比例不是 16:9"),
        Code("video_low_res", VIOLATION, "视频清晰度低于标清"),
        Code("video_too_large", VIOLATION, "视频文件过大"),
        Code("video_missing", VIOLATION, "缺少视频文件"),
        Code("recommendation_too_long", VIOLATION, "推荐理由超过字数"),
        Code("recommendation_missing", VIOLATION, "缺少推荐理由"),
        Code("duplicate_theme", VIOLATION, "同一医院同一主题多个案例"),
        Code("hospital_name_inconsistent", VIOLATION, "医院名称不一致"),
        Code("province_unknown", VIOLATION, "省份无法识别"),
        Code("theme_unknown", VIOLATION, "主题无法识别"),
        Code("text_control_chars", VIOLATION, "文字中有控制字符"),
        Code("check_failed", VIOLATION, "检查时出错"),
        Code("page_count_unusual", WARNING, "页数与建议结构相差较大"),
        Code("pages_not_16_9", WARNING, "页面不是 16:9"),
        Code("pages_not_slide_shaped", WARNING, "页面不是幻灯片比例"),
        Code("pdf_no_text", WARNING, "PPT 中没有可检查的文字"),
        Code("pdf_blank_pages", WARNING, "PPT 中有空白页"),
        Code("pdf_repaired", WARNING, "PPT 文件结构有误但已修复"),
        Code("no_video", WARNING, "未提交视频"),
        Code("video_extension", WARNING, "视频文件扩展名不是 .mp4"),
        Code("tier_unknown", WARNING, "组别无法识别"),
        Code("category_unknown", WARNING, "类别无法识别"),
        Code("votes_invalid", WARNING, "网络投票数不是整数"),
        Code("title_missing", WARNING, "缺少案例名称"),
        Code("submitted_at_invalid", WARNING, "提交时间无法识别"),
    )
}
#: Findings that depend on other cases too (recomputed over the whole workspace after each change).
CROSS_CASE_CODES: frozenset[str] = frozenset({"duplicate_theme", "hospital_name_inconsistent"})


@dataclass(frozen=True, slots=True)
class SourceProblem:
    """Something wrong with the source as a whole (a refused zip entry, a skipped row), not with one
    case."""

    code: str
    message: str
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem with one case."""

    code: str
    message: str
    detail: dict[str, Any] = field(default_factory=dict)

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


def finding(code: str, message: str, **detail: Any) -> Finding:
    """A finding of a known code (KeyError for a typo, caught by the tests)."""
    if code not in CODES:
        raise KeyError(code)
    return Finding(code, message, detail)


def page_list(pages: list[int] | tuple[int, ...], limit: int = 8) -> str:
    """第 3、5、7 页 — at most ``limit`` pages named, then 等 N 页."""
    shown = "、".join(str(p) for p in pages[:limit])
    return f"第 {shown} 页" + (f"等 {len(pages)} 页" if len(pages) > limit else "")


def human_bytes(size: int) -> str:
    """A byte count as people read it: 820 KB, 1.6 GB (the same in Chinese and English)."""
    for unit, scale in (("TB", 1024**4), ("GB", 1024**3), ("MB", 1024**2)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{max(size, 0) / 1024:.0f} KB" if size >= 1024 else f"{size} B"


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
