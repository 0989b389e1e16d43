# SPDX-License-Identifier: Apache-2.0
"""A demo case's slide deck as a 16:9 PDF, drawn on ``canvas`` pages: title, the season's sections,
closing. A deck is a few tens of KB (the font embedded as a subset), and no text is smaller than the
season's minimum (14 pt): titles, bullets, chart labels and page numbers alike.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.demo.canvas import (
    BODY_BOTTOM,
    DARK,
    GREY,
    HEIGHT,
    LIGHT_GREY,
    MARGIN,
    PALETTES,
    SIZE_BODY,
    SIZE_HEADING,
    SIZE_LABEL,
    SIZE_SMALL,
    SIZE_SUBTITLE,
    WHITE,
    WIDTH,
    Box,
    Canvas,
    Color,
    PdfDoc,
    wrap,
)
from app.demo.content import CasePlan, Metric, Section
from app.demo.inputs import Method
from app.exports.cjk_font import text_width
from app.seasons import SeasonRules


@dataclass(frozen=True, slots=True)
class DeckText:
    """Words around a case's content (data/demo/slides.toml) and the season's numbers."""

    numerals: tuple[str, ...]
    theme_label: str
    section_heading: str
    labels: Mapping[str, str]
    title_slide: Mapping[str, str]
    closing: Mapping[str, str]
    survey: str
    footer: str

    @classmethod
    def from_data(cls, slides: Mapping[str, Any], rules: SeasonRules) -> DeckText:
        return cls(
            numerals=tuple(slides["numerals"]),
            theme_label=slides["theme_label"],
            section_heading=slides["section_heading"],
            labels=slides["labels"],
            title_slide=slides["title_slide"],
            closing=slides["closing"],
            survey=slides["survey"],
            footer=rules.title,
        )

    def numeral(self, n: int) -> str:
        return self.numerals[n - 1] if 1 <= n <= len(self.numerals) else str(n)

    def theme(self, number: int, title: str) -> str:
        return self.theme_label.format(numeral=self.numeral(number), theme=title)


@dataclass
class _Deck:
    plan: CasePlan
    text: DeckText
    rules: SeasonRules
    primary: Color
    accent: Color
    tint: Color
    total: int
    rng: random.Random


def page_count(plan: CasePlan) -> int:
    """Pages of a case's deck: title, each section's pages, closing."""
    return 2 + sum(len(plan.methods) if s.kind == "methods" else s.pages for s in plan.sections)


def render_deck(plan: CasePlan, rules: SeasonRules, text: DeckText, path: Path) -> int:
    """Write the case's deck to ``path``; returns its page count."""
    if rules.limits.min_font_pt > SIZE_SMALL:  # pragma: no cover - a season stricter than 14 pt
        raise ValueError(f"demo slides use {SIZE_SMALL} pt text, below the season's minimum")
    primary, accent, tint = PALETTES[plan.style % len(PALETTES)]
    deck = _Deck(plan, text, rules, primary, accent, tint, page_count(plan), random.Random(plan.style))
    pdf = PdfDoc()
    doc = pdf.doc
    toc: list[list[Any]] = [[1, plan.title, 1]]
    _title_page(pdf, deck)
    for number, section in enumerate(plan.sections, start=1):
        heading = text.section_heading.format(numeral=text.numeral(number), section=section.title)
        toc.append([1, heading, doc.page_count + 1])
        pages = len(plan.methods) if section.kind == "methods" else section.pages
        for k in range(pages):
            canvas = _body_page(pdf, deck, heading, k, pages)
            _FILLERS.get(section.kind, _background)(canvas, deck, section, k)
            canvas.finish()
    _closing_page(pdf, deck)
    doc.set_toc(toc)
    stamp = plan.submitted_at.strftime("D:%Y%m%d%H%M%S+08'00'")
    doc.set_metadata(
        {
            "title": plan.title,
            "author": plan.hospital.name,
            "subject": text.theme(plan.theme_number, plan.theme_title),
            "keywords": rules.title,
            "creator": "Leitai demo generator",
            "producer": "PyMuPDF",
            "creationDate": stamp,
            "modDate": stamp,
        }
    )
    doc.subset_fonts()
    doc.save(path, garbage=3, deflate=True, no_new_id=True)
    count = int(doc.page_count)
    doc.close()
    return count


# ------------------------------------------------------------------------------------------- pages


def _title_page(pdf: PdfDoc, d: _Deck) -> None:
    c = pdf.new_page()
    plan, t = d.plan, d.text
    c.rect(Box(0, 0, WIDTH, HEIGHT), fill=d.tint)
    c.rect(Box(0, 0, 22, HEIGHT), fill=d.primary)
    c.rect(Box(22, 0, 30, HEIGHT), fill=d.accent)
    c.rect(Box(0, 456, WIDTH, HEIGHT), fill=d.primary)
    # Decorative rings at the top right, as deck templates have.
    for r, col in ((120, WHITE), (80, d.tint)):
        c.circle((WIDTH - 40, 40), r, col)
    c.text(80, 78, t.footer, 18, GREY)
    label = t.theme(plan.theme_number, plan.theme_title)
    w = text_width(label, 18)
    c.rect(Box(76, 100, 76 + w + 28, 134), fill=d.primary, radius=0.5)
    c.text(90, 123, label, 18, WHITE)
    size = 40.0
    while size > 28 and len(wrap(plan.title, size, WIDTH - 150)) > 2:
        size -= 2
    bottom = c.paragraph(80, 168, WIDTH - 150, plan.title, size, DARK, bold=True, leading=1.3, max_lines=3)
    c.line((80, bottom + 14), (200, bottom + 14), d.accent, width=4)
    c.text(80, bottom + 62, t.title_slide["applicant"].format(hospital=plan.hospital.name), 24, DARK)
    when = t.title_slide["date"].format(year=plan.submitted_at.year, month=plan.submitted_at.month)
    c.text(
        80, bottom + 98, t.title_slide["where"].format(province=plan.hospital.province, date=when), 18, GREY
    )
    c.text(80, 505, plan.content.short, 20, WHITE, bold=True)
    c.text(WIDTH - MARGIN, 505, plan.hospital.name, 16, WHITE, align="right")
    c.finish()


def _closing_page(pdf: PdfDoc, d: _Deck) -> None:
    c = pdf.new_page()
    c.rect(Box(0, 0, WIDTH, HEIGHT), fill=d.primary)
    c.circle((WIDTH - 60, HEIGHT - 40), 150, d.accent)
    c.circle((WIDTH - 60, HEIGHT - 40), 110, d.primary)
    c.text(WIDTH / 2, 230, d.text.closing["big"], 60, WHITE, bold=True, align="center")
    c.text(WIDTH / 2, 290, d.text.closing["small"], 22, WHITE, align="center")
    c.line((WIDTH / 2 - 60, 318), (WIDTH / 2 + 60, 318), d.accent, width=3)
    c.text(WIDTH / 2, 362, d.plan.hospital.name, 22, WHITE, align="center")
    c.text(WIDTH / 2, 398, d.text.theme(d.plan.theme_number, d.plan.theme_title), 18, d.tint, align="center")
    c.text(WIDTH - MARGIN, 522, f"{d.total} / {d.total}", SIZE_SMALL, d.tint, align="right")
    c.finish()


def _body_page(pdf: PdfDoc, d: _Deck, heading: str, k: int, pages: int) -> Canvas:
    """A content page's frame: top band, section heading, hospital, footer and page number."""
    c = pdf.new_page()
    number = pdf.doc.page_count
    c.rect(Box(0, 0, WIDTH, 8), fill=d.primary)
    c.rect(Box(MARGIN, 32, MARGIN + 6, 66), fill=d.accent)
    title = heading if pages == 1 else f"{heading}（{k + 1}/{pages}）"
    c.text(MARGIN + 18, 60, title, SIZE_HEADING, d.primary, bold=True)
    c.text(WIDTH - MARGIN, 58, d.plan.hospital.name, SIZE_SMALL, GREY, align="right")
    c.line((MARGIN, 80), (WIDTH - MARGIN, 80), LIGHT_GREY, width=1)
    c.line((MARGIN, 500), (WIDTH - MARGIN, 500), LIGHT_GREY, width=0.8)
    c.text(MARGIN, 524, d.text.footer, SIZE_SMALL, GREY)
    c.text(WIDTH - MARGIN, 524, f"{number} / {d.total}", SIZE_SMALL, GREY, align="right")
    return c


def _subtitle(c: Canvas, d: _Deck, s: str, badge: str | None = None) -> None:
    x = MARGIN
    if badge:
        c.circle((x + 16, 108), 16, d.primary)
        c.text(x + 16, 115, badge, 18, WHITE, bold=True, align="center")
        x += 44
    c.text(x, 116, s, SIZE_SUBTITLE, DARK, bold=True)


def _bullets(
    c: Canvas,
    d: _Deck,
    items: Sequence[str],
    x: float,
    top: float,
    width: float,
    bottom: float = BODY_BOTTOM,
    size: float = SIZE_BODY,
    gap: float = 16.0,
) -> float:
    """Bullet points (a small square, then wrapped text) from ``top``; stops before ``bottom``."""
    y = top
    for item in items:
        h = c.height(item, size, width - 26)
        if y + h > bottom:
            break
        c.rect(Box(x + 2, y + size * 0.35, x + 12, y + size * 0.35 + 10), fill=d.accent)
        c.paragraph(x + 26, y, width - 26, item, size, DARK)
        y += h + gap
    return y


def _number_card(
    c: Canvas, d: _Deck, r: Box, caption: str, value: str, note: str, color: Color | None = None
) -> None:
    """A card with a caption, a big number and a note under it."""
    c.rect(r, fill=WHITE, line=LIGHT_GREY, radius=0.08)
    c.rect(Box(r.x0, r.y0, r.x0 + 6, r.y1), fill=color or d.primary)
    y = c.paragraph(r.x0 + 20, r.y0 + 12, r.width - 32, caption, SIZE_LABEL, GREY, max_lines=2)
    c.text(r.x0 + 20, y + 34, value, 30, color or d.primary, bold=True)
    c.text(r.x0 + 20, y + 60, note, SIZE_SMALL, GREY)


# ----------------------------------------------------------------------------------------- sections


def _background(c: Canvas, d: _Deck, section: Section, k: int) -> None:
    labels = d.text.labels
    _subtitle(c, d, labels["baseline"])
    y = _bullets(c, d, d.plan.background, MARGIN, 146, 560, bottom=380)
    survey = d.text.survey.format(
        short=d.plan.content.short, sent=d.plan.survey[0], valid=d.plan.survey[1], share=d.plan.survey[2]
    )
    h = c.height(survey, 18, 560 - 44)
    top = max(y + 8, 454 - h)
    c.rect(Box(MARGIN, top, 608, top + h + 26), fill=d.tint, radius=0.12)
    c.rect(Box(MARGIN, top, MARGIN + 5, top + h + 26), fill=d.primary)
    c.paragraph(MARGIN + 22, top + 13, 560 - 44, survey, 18, DARK)
    x0 = 640.0
    for i, m in enumerate(d.plan.metrics[:2]):
        r = Box(x0, 146 + i * 166, WIDTH - MARGIN, 146 + i * 166 + 146)
        _number_card(c, d, r, m.name, m.fmt(m.before), labels["before"], d.accent)


def _goals(c: Canvas, d: _Deck, section: Section, k: int) -> None:
    labels = d.text.labels
    _subtitle(c, d, d.plan.content.short + section.title)
    y = _bullets(c, d, d.plan.goals, MARGIN, 146, WIDTH - 2 * MARGIN, bottom=318)
    metrics = d.plan.metrics[:3]
    gap = 20.0
    w = (WIDTH - 2 * MARGIN - gap * (len(metrics) - 1)) / max(1, len(metrics))
    top = max(y + 6, 330.0)
    for i, m in enumerate(metrics):
        target = m.after + (m.before - m.after) * 0.1
        sign = "≤" if m.lower_is_better else "≥"
        r = Box(MARGIN + i * (w + gap), top, MARGIN + i * (w + gap) + w, top + 140)
        _number_card(c, d, r, m.name, f"{sign} {m.fmt(target)}", f"{labels['before']} {m.fmt(m.before)}")


def _methods(c: Canvas, d: _Deck, section: Section, k: int) -> None:
    method: Method = d.plan.methods[k]
    _subtitle(c, d, method.name, badge=str(k + 1))
    # Where this page sits among the section's methods: a row of numbered dots at the top right.
    n = len(d.plan.methods)
    for i in range(n):
        cx = WIDTH - MARGIN - 14 - (n - 1 - i) * 34
        c.circle((cx, 108), 13, d.primary if i == k else LIGHT_GREY)
        c.text(cx, 113, str(i + 1), SIZE_SMALL, WHITE if i == k else DARK, align="center")
    if method.steps:
        y = _bullets(c, d, method.points, MARGIN, 148, WIDTH - 2 * MARGIN, bottom=330)
        _flow(c, d, method.steps, min(352.0, max(y + 34, 300.0)))
    else:
        # No flow chart: each point on its own card, numbered.
        top = 148.0
        for i, point in enumerate(method.points[:3]):
            r = Box(MARGIN, top, WIDTH - MARGIN, top + 96)
            c.rect(r, fill=d.tint if i % 2 == 0 else WHITE, line=LIGHT_GREY, radius=0.06)
            c.text(MARGIN + 38, top + 60, f"{i + 1:02d}", 30, d.accent, bold=True, align="center")
            c.paragraph(
                MARGIN + 86,
                top + 48 - c.height(point, SIZE_BODY, r.width - 110) / 2,
                r.width - 110,
                point,
                SIZE_BODY,
                DARK,
                max_lines=2,
            )
            top += 110


def _flow(c: Canvas, d: _Deck, steps: Sequence[str], top: float) -> None:
    """Steps as boxes joined by arrows, with the label of a flow chart above them."""
    c.text(MARGIN, top + 14, d.text.labels["flow"], SIZE_LABEL, GREY)
    n = len(steps)
    gap = 40.0
    w = (WIDTH - 2 * MARGIN - gap * (n - 1)) / n
    y0, y1 = top + 30, top + 110
    for i, step in enumerate(steps):
        x0 = MARGIN + i * (w + gap)
        fill = d.primary if i == n - 1 else d.tint
        c.rect(Box(x0, y0, x0 + w, y1), fill=fill, line=d.primary, width=1.5, radius=0.15)
        size = SIZE_BODY
        while size > SIZE_LABEL and text_width(step, size) > w - 16:
            size -= 1
        c.paragraph(
            x0 + 8,
            (y0 + y1) / 2 - c.height(step, size, w - 16, 1.25) / 2,
            w - 16,
            step,
            size,
            WHITE if i == n - 1 else d.primary,
            bold=True,
            leading=1.25,
            align="center",
        )
        if i < n - 1:
            c.line((x0 + w + 6, (y0 + y1) / 2), (x0 + w + gap - 8, (y0 + y1) / 2), d.accent, width=3)
            c.arrow(x0 + w + gap - 4, (y0 + y1) / 2, d.accent)


def _results(c: Canvas, d: _Deck, section: Section, k: int) -> None:
    metrics = d.plan.metrics
    m = metrics[k % len(metrics)]
    labels = d.text.labels
    if k % 2 == 0:
        _subtitle(c, d, labels["trend"].format(metric=m.name))
        _trend_chart(c, d, m, Box(MARGIN, 150, 600, 470))
    else:
        other = metrics[(k + 1) % len(metrics)]
        _subtitle(c, d, labels["key_results"])
        _pair_chart(c, d, m, Box(MARGIN, 150, 316, 470))
        _pair_chart(c, d, other, Box(340, 150, 608, 470))
    _change_panel(c, d, m, Box(636, 150, WIDTH - MARGIN, 470))


def _quarters(d: _Deck, n: int) -> list[str]:
    """The ``n`` quarters before the one submissions open in, as 2021Q3 labels."""
    start: date = d.rules.submission_start
    q = (start.month - 1) // 3 + start.year * 4 - 1  # the quarter before, counted from year 0
    return [f"{(q - i) // 4}Q{(q - i) % 4 + 1}" for i in range(n - 1, -1, -1)]


def _trend_chart(c: Canvas, d: _Deck, m: Metric, r: Box) -> None:
    """Quarterly bars: grey before the improvement, coloured after, values over the bars."""
    n, n_before = 6, 2 + d.rng.randrange(2)
    gap = m.after - m.before
    values = []
    for i in range(n):
        if i < n_before:
            base = m.before
        else:  # approach the final value over the quarters after the start
            base = m.before + gap * (0.55 + 0.45 * (i - n_before + 1) / (n - n_before))
        # Quarter-to-quarter wobble, small against the improvement; a rate never passes 100 %.
        value = base + abs(gap) * d.rng.uniform(-0.08, 0.08)
        values.append(min(value, 100.0) if m.unit == "%" else max(value, 0.0))
    values[-1] = m.after
    labels = _quarters(d, n)
    _bars(c, d, r, values, labels, m, [LIGHT_GREY if i < n_before else d.primary for i in range(n)])
    slot = r.width / n
    x = r.x0 + slot * n_before
    c.line((x, r.y0 + 10), (x, r.y1 - 30), d.accent, width=1.5, dashes="[4 3] 0")
    c.text(x + 6, r.y0 + 24, d.text.labels["start"], SIZE_SMALL, d.accent)


def _pair_chart(c: Canvas, d: _Deck, m: Metric, r: Box) -> None:
    """Two bars, before and after, with the metric's name under them."""
    labels = d.text.labels
    name_h = c.height(m.name, SIZE_LABEL, r.width)
    chart = Box(r.x0, r.y0, r.x1, r.y1 - name_h - 8)
    _bars(c, d, chart, [m.before, m.after], [labels["before"], labels["after"]], m, [LIGHT_GREY, d.primary])
    c.paragraph(r.x0, r.y1 - name_h, r.width, m.name, SIZE_LABEL, DARK, align="center")


def _bars(
    c: Canvas,
    d: _Deck,
    r: Box,
    values: Sequence[float],
    labels: Sequence[str],
    m: Metric,
    colors: Sequence[Color],
) -> None:
    """A bar chart in ``r``: bars from a baseline, value labels above, category labels below."""
    base_y = r.y1 - 30
    top = r.y0 + 40
    vmax = max(values) or 1.0
    slot = r.width / len(values)
    bar_w = min(64.0, slot * 0.56)
    for i, v in enumerate(values):
        cx = r.x0 + slot * (i + 0.5)
        h = (base_y - top) * (v / vmax)
        c.rect(Box(cx - bar_w / 2, base_y - h, cx + bar_w / 2, base_y), fill=colors[i])
        c.text(cx, base_y - h - 8, f"{v:.{m.decimals}f}", SIZE_SMALL, DARK, align="center")
        c.text(cx, base_y + 22, labels[i], SIZE_SMALL, GREY, align="center")
    c.line((r.x0, base_y), (r.x1, base_y), GREY, width=1.2)
    c.text(r.x0, r.y0 + 14, m.unit, SIZE_SMALL, GREY)


def _change_panel(c: Canvas, d: _Deck, m: Metric, r: Box) -> None:
    """Before → after of one metric, with its relative change."""
    labels = d.text.labels
    c.rect(r, fill=d.tint, radius=0.06)
    y = c.paragraph(r.x0 + 20, r.y0 + 18, r.width - 40, m.name, SIZE_LABEL, DARK, bold=True, max_lines=2)
    c.text(r.x0 + 20, y + 30, labels["before"], SIZE_SMALL, GREY)
    c.text(r.x0 + 20, y + 68, m.fmt(m.before), 30, GREY, bold=True)
    c.text(r.x0 + 20, y + 108, labels["after"], SIZE_SMALL, GREY)
    c.text(r.x0 + 20, y + 146, m.fmt(m.after), 34, d.primary, bold=True)
    change = labels["change_down"] if m.lower_is_better else labels["change_up"]
    c.rect(Box(r.x0 + 20, y + 168, r.x1 - 20, y + 206), fill=d.accent, radius=0.3)
    c.text(
        (r.x0 + r.x1) / 2,
        y + 194,
        f"{change} {m.change_pct:.1f}%",
        SIZE_BODY,
        WHITE,
        bold=True,
        align="center",
    )


def _values(c: Canvas, d: _Deck, section: Section, k: int) -> None:
    labels = d.text.labels
    own, shared = d.plan.values[:3], d.plan.values[3:]
    if k % 2 == 0:
        _subtitle(c, d, section.title)
        top = 150.0
        for i, v in enumerate(own):
            r = Box(MARGIN, top, WIDTH - MARGIN, top + 92)
            c.rect(r, fill=d.tint, radius=0.08)
            c.circle((MARGIN + 44, top + 46), 24, d.primary)
            c.text(MARGIN + 44, top + 54, str(i + 1), 22, WHITE, bold=True, align="center")
            c.paragraph(
                MARGIN + 90,
                top + 46 - c.height(v, SIZE_BODY, r.width - 120) / 2,
                r.width - 120,
                v,
                SIZE_BODY,
                DARK,
                max_lines=2,
            )
            top += 108
    else:
        _subtitle(c, d, labels["spread"])
        metrics = d.plan.metrics[:3]
        gap = 20.0
        w = (WIDTH - 2 * MARGIN - gap * (len(metrics) - 1)) / max(1, len(metrics))
        for i, m in enumerate(metrics):
            change = labels["change_down"] if m.lower_is_better else labels["change_up"]
            r = Box(MARGIN + i * (w + gap), 146, MARGIN + i * (w + gap) + w, 286)
            _number_card(c, d, r, m.name, m.fmt(m.after), f"{change} {m.change_pct:.1f}%", d.accent)
        _bullets(c, d, shared, MARGIN, 312, WIDTH - 2 * MARGIN)


_FILLERS = {
    "background": _background,
    "goals": _goals,
    "methods": _methods,
    "results": _results,
    "values": _values,
}
