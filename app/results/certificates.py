# SPDX-License-Identifier: Apache-2.0
"""Award certificates (奖状): one PDF per award, a page per holder, laid out by a template in
resources/certificates/ — ``certificate.toml`` for a case's award, ``hospital_certificate.toml`` for a
hospital's (最佳组织奖 …).

A template names a page size, an optional background PDF and text items with placeholders; see the files
themselves. A different template can be given, so an organizer can use their own design without touching
code.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.errors import DomainError
from app.exports.pdf import BLACK, PdfDocument, balanced_wrap
from app.paths import RESOURCES_DIR
from app.results.text import award_name
from app.results.types import HospitalAward, RankedCase, RoundResults
from app.seasons import SeasonRules

#: The templates shipped with the app: a case's award, a hospital's award.
DEFAULT_TEMPLATE = RESOURCES_DIR / "certificates" / "certificate.toml"
HOSPITAL_TEMPLATE = RESOURCES_DIR / "certificates" / "hospital_certificate.toml"
#: Placeholders a case's certificate may use.
PLACEHOLDERS = frozenset(
    {
        "season_title",
        "competition",
        "organizer",
        "round",
        "group",
        "award",
        "hospital",
        "case_code",
        "case_title",
        "date",
    }
)
#: Placeholders a hospital's certificate may use (``cases``: how many it entered).
HOSPITAL_PLACEHOLDERS = frozenset(
    {"season_title", "competition", "organizer", "award", "hospital", "cases", "date"}
)
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


@dataclass(frozen=True, slots=True)
class TextItem:
    """One line (or wrapped paragraph) of the certificate."""

    text: str
    x: float
    y: float
    size: float
    align: str
    bold: bool
    color: tuple[float, float, float]
    width: float | None


@dataclass(frozen=True, slots=True)
class Template:
    """A certificate layout read from a template file."""

    width: float
    height: float
    background: Path | None
    items: tuple[TextItem, ...]


def load_template(path: Path = DEFAULT_TEMPLATE, placeholders: frozenset[str] = PLACEHOLDERS) -> Template:
    """Read and check a certificate template; ``certificate_template`` names what is wrong."""
    path = Path(path)

    def bad(problem: str) -> DomainError:
        return DomainError("certificate_template", path=str(path), problem=problem)

    try:
        raw: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise bad(str(exc)) from None
    page = raw.get("page", {})
    background = page.get("background")
    bg_path = (path.parent / background) if background else None
    if bg_path is not None and not bg_path.is_file():
        raise bad(f"background {background}")
    items = []
    for i, t in enumerate(raw.get("text", [])):
        try:
            names = {n for _, n, _, _ in string.Formatter().parse(t["text"]) if n}
            if names - placeholders:
                raise bad(f"text[{i}]: {', '.join(sorted(names - placeholders))}")
            color = tuple(float(c) for c in t.get("color", BLACK))
            align = str(t.get("align", "left"))
            if len(color) != 3 or align not in ("left", "center", "right"):
                raise bad(f"text[{i}]: color / align")
            items.append(
                TextItem(
                    str(t["text"]),
                    float(t["x"]),
                    float(t["y"]),
                    float(t.get("size", 14)),
                    align,
                    bool(t.get("bold", False)),
                    (color[0], color[1], color[2]),
                    float(t["width"]) if "width" in t else None,
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise bad(f"text[{i}]: {exc}") from None
    try:
        width, height = float(page.get("width", 841.89)), float(page.get("height", 595.28))
    except (TypeError, ValueError) as exc:
        raise bad(f"page: {exc}") from None
    return Template(width, height, bg_path, tuple(items))


def certificate_fields(
    results: RoundResults, rules: SeasonRules, competition: str, group: str, case: RankedCase, award: str
) -> dict[str, str]:
    """What fills a certificate's placeholders for one award of one case."""
    return {
        "season_title": rules.title,
        "competition": competition,
        "organizer": rules.organizer,
        "round": results.round_name or results.round_key,
        "group": group,
        "award": award_name(award, rules),
        "hospital": case.case.hospital,
        "case_code": case.case.code,
        "case_title": case.case.title,
        "date": _today(),
    }


def hospital_certificate_fields(rules: SeasonRules, competition: str, award: HospitalAward) -> dict[str, str]:
    """What fills a hospital certificate's placeholders."""
    return {
        "season_title": rules.title,
        "competition": competition,
        "organizer": rules.organizer,
        "award": award_name(award.award_key, rules),
        "hospital": award.hospital,
        "cases": str(award.cases),
        "date": _today(),
    }


def _today() -> str:
    today = date.today()
    return f"{today.year}年{today.month}月{today.day}日"


def _draw(doc: PdfDocument, template: Template, fields: dict[str, str]) -> None:
    """One certificate page."""
    page = doc.new_page()
    if template.background is not None:
        doc.show_pdf(page, template.background)
    for item in template.items:
        text = item.text.format(**fields)
        lines = balanced_wrap(text, item.size, item.width) if item.width else [text]
        page.lines(item.x, item.y, lines, item.size, 1.6, color=item.color, bold=item.bold, align=item.align)


def write_certificates(
    folder: Path,
    results: RoundResults,
    rules: SeasonRules,
    competition: str,
    template_path: Path = DEFAULT_TEMPLATE,
) -> list[Path]:
    """One PDF per award (``<award name>.pdf``), a page per holder in group and rank order, for every
    award held now (overrides applied); returns the files written."""
    template = load_template(template_path)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for award in results.award_keys:
        holders = [(g, c) for g in results.groups for c in g.cases if award in c.awards]
        if not holders:
            continue
        doc = PdfDocument((template.width, template.height))
        for group, case in holders:
            _draw(doc, template, certificate_fields(results, rules, competition, group.name, case, award))
        name = _UNSAFE.sub("_", award_name(award, rules))[:80] or award
        written.append(
            doc.save(folder / f"{name}.pdf", title=award_name(award, rules), author=rules.organizer)
        )
    return written


def write_hospital_certificates(
    folder: Path,
    awards: Sequence[HospitalAward],
    rules: SeasonRules,
    competition: str,
    template_path: Path = HOSPITAL_TEMPLATE,
) -> list[Path]:
    """One PDF per hospital award of the season (``<award name>.pdf``), a page per hospital holding it
    (overrides applied); returns the files written."""
    template = load_template(template_path, HOSPITAL_PLACEHOLDERS)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for key in dict.fromkeys(a.award_key for a in awards):
        doc = PdfDocument((template.width, template.height))
        for award in (a for a in awards if a.award_key == key):
            _draw(doc, template, hospital_certificate_fields(rules, competition, award))
        name = _UNSAFE.sub("_", award_name(key, rules))[:80] or key
        written.append(doc.save(folder / f"{name}.pdf", title=award_name(key, rules), author=rules.organizer))
    return written
