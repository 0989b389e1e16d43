# SPDX-License-Identifier: Apache-2.0
"""A finding's sentence, said from its code and detail in the reader's language (``app.glossary.findings``).

The detail is what the checks measured (bytes, seconds, page numbers, the sheet's own text); here it is
turned into what a sentence shows (1.6 GB, 2 分 5 秒 / 2 min 5 s, 第 3、5 页 / pages 3, 5) and handed
to the code's :class:`~app.glossary.Term`. Nothing is stored in any language: a workspace made in a
Chinese session reads in English in an English one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from app.glossary import language, say
from app.glossary.findings import CHECK_STEPS, COLUMN_NAMES, MESSAGES, SOURCE_PROBLEMS, WHY, WORDS
from app.glossary.terms import FINDINGS

#: Causes that read as another's sentence: a folder or a bad name "cannot be read" like an OS error.
_SAME_SENTENCE = {"not_a_file": "unreadable", "invalid": "unreadable"}
#: A file name longer than this is shortened in a sentence (a 300-character name is an attack).
SHOWN_NAME_LIMIT = 60


def finding_text(
    code: str, detail: Mapping[str, Any], lang: str | None = None, *, strict: bool = False
) -> str:
    """The sentence of a finding of ``code`` with ``detail``, in ``lang`` (default: the current one).

    A detail that cannot fill the sentence (stored by an older version) reads as the finding's short
    name; ``strict`` raises instead (for the tests that keep every sentence fillable).
    """
    lang = lang or language()
    reason = detail.get("reason")
    term = MESSAGES.get(f"{code}.{_SAME_SENTENCE.get(str(reason), reason)}") or MESSAGES.get(code)
    shown = _SHOWN.get(code)
    try:
        params = shown(detail, lang) if shown is not None else dict(detail)
        if term is not None:
            return term.text(lang, **params)
    except (KeyError, IndexError, ValueError, TypeError):
        if strict:
            raise
    if strict:
        raise KeyError(f"no sentence for finding {code!r} with reason {reason!r}")
    return FINDINGS[code].text(lang) if code in FINDINGS else code


def source_problem_text(code: str, detail: Mapping[str, Any], lang: str | None = None) -> str:
    """The sentence of a problem of a whole source (a skipped row, a refused zip entry)."""
    lang = lang or language()
    reason = detail.get("reason")
    params = dict(detail)
    if "why" in params:
        params["why"] = _why(params, lang)
    return say(SOURCE_PROBLEMS, f"{code}.{reason}" if reason else code, params, lang)


def page_list(pages: Sequence[int], lang: str | None = None, limit: int = 8) -> str:
    """第 3、5、7 页 / pages 3, 5, 7 — at most ``limit`` pages named, then how many in all."""
    lang = lang or language()
    shown = (", " if lang == "en" else "、").join(str(p) for p in pages[:limit])
    if len(pages) > limit:
        return WORDS["pages_more"].text(lang, pages=shown, total=len(pages))
    return WORDS["page" if len(pages) == 1 else "pages"].text(lang, pages=shown)


def duration(seconds: float, lang: str | None = None) -> str:
    """45 秒 / 45 s, 2 分钟 / 2 min, 2 分 5 秒 / 2 min 5 s."""
    whole = round(seconds)
    if whole < 60:
        return WORDS["seconds"].text(lang, seconds=seconds)
    if whole % 60 == 0:
        return WORDS["minutes"].text(lang, minutes=whole // 60)
    return WORDS["minutes_seconds"].text(lang, minutes=whole // 60, seconds=whole % 60)


def megabytes(size: int) -> str:
    """A size as the notice's limits are written: 30.0 MB (the same in every language)."""
    return f"{size / (1024 * 1024):.1f} MB"


def shown_name(path: str, limit: int = SHOWN_NAME_LIMIT) -> str:
    """A file name as a sentence shows it: shortened when absurdly long."""
    return path if len(path) <= limit else f"{path[: limit // 2]}…{path[-limit // 3 :]}"


def ratio(aspect: float) -> str:
    """16:9, 4:3 … for a picture's aspect, or 1.85:1."""
    for w, h in ((16, 9), (4, 3), (9, 16), (3, 4), (1, 1), (21, 9), (16, 10)):
        if abs(aspect / (w / h) - 1) < 0.01:
            return f"{w}:{h}"
    return f"{aspect:.2f}:1"


def _why(detail: Mapping[str, Any], lang: str) -> str:
    return say(WHY, str(detail.get("why", "os_error")), {"error": detail.get("error", "")}, lang)


def _or_empty(detail: Mapping[str, Any], lang: str, *keys: str) -> dict[str, Any]:
    return {**detail, **{k: detail.get(k) or WORDS["empty"].text(lang) for k in keys}}


def _missing_file(detail: Mapping[str, Any], lang: str) -> dict[str, Any]:
    return {**detail, "path": shown_name(str(detail.get("path", ""))), "why": _why(detail, lang)}


def _sizes(detail: Mapping[str, Any], _lang: str) -> dict[str, Any]:
    return {**detail, "size": megabytes(int(detail["size"])), "max": megabytes(int(detail["max"]))}


def _pages(detail: Mapping[str, Any], lang: str) -> dict[str, Any]:
    return {**detail, "pages": page_list(detail.get("pages", ()), lang)}


def _odd_pages(detail: Mapping[str, Any], lang: str) -> dict[str, Any]:
    pages = list(detail.get("pages", ()))
    first = pages[0] if pages else 0
    width, height = detail.get("sizes", {}).get(str(first), (0, 0))
    return {**detail, "pages": page_list(pages, lang), "first": first, "width": width, "height": height}


def _video_length(detail: Mapping[str, Any], lang: str) -> dict[str, Any]:
    return {**detail, "seconds": duration(detail["seconds"], lang), "max": duration(detail["max"], lang)}


def _video_format(detail: Mapping[str, Any], lang: str) -> dict[str, Any]:
    container = str(detail.get("container", ""))
    if "mp4" in container.split(",") and str(detail.get("brand", "")).strip() == "qt":
        actual = "QuickTime MOV"
    else:
        actual = container.split(",")[0].upper() or WORDS["unknown_format"].text(lang)
    return {"expected": "MP4", **detail, "actual": actual}


def _video_aspect(detail: Mapping[str, Any], lang: str) -> dict[str, Any]:
    rotation = detail.get("rotation") or 0
    rotated = WORDS["rotated"].text(lang, degrees=rotation) if rotation else ""
    return {"expected": "16:9", **detail, "ratio": ratio(detail["aspect"]), "rotated": rotated}


def _columns(detail: Mapping[str, Any], lang: str) -> dict[str, Any]:
    columns = [COLUMN_NAMES[c].text(lang) if c in COLUMN_NAMES else c for c in detail.get("columns", ())]
    return {**detail, "columns": columns}


def _step(detail: Mapping[str, Any], lang: str) -> dict[str, Any]:
    step = str(detail.get("step", ""))
    return {**detail, "step": CHECK_STEPS[step].text(lang) if step in CHECK_STEPS else step}


def _spelling(detail: Mapping[str, Any], _lang: str) -> dict[str, Any]:
    return {**detail, "count": dict(detail.get("counts", {})).get(detail.get("likely"), 0)}


def _same_theme(detail: Mapping[str, Any], _lang: str) -> dict[str, Any]:
    others = list(detail.get("others", ()))
    return {**detail, "others": others, "n": len(others) + 1}


#: How each code's detail becomes what its sentence shows (a code not here shows its detail as it is).
_SHOWN: dict[str, Callable[[Mapping[str, Any], str], dict[str, Any]]] = {
    "province_unknown": lambda d, lang: _or_empty(d, lang, "province"),
    "theme_unknown": lambda d, lang: _or_empty(d, lang, "theme"),
    "pdf_missing": _missing_file,
    "video_missing": _missing_file,
    "pdf_too_large": _sizes,
    "video_too_large": _sizes,
    "pdf_corrupt": _pages,
    "font_too_small": _pages,
    "pages_not_16_9": _pages,
    "pdf_blank_pages": _pages,
    "pages_not_slide_shaped": _odd_pages,
    "video_too_long": _video_length,
    "video_not_mp4": _video_format,
    "video_extension": _video_format,
    "video_not_16_9": _video_aspect,
    "text_control_chars": _columns,
    "check_failed": _step,
    "hospital_name_inconsistent": _spelling,
    "duplicate_theme": _same_theme,
}
