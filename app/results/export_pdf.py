# SPDX-License-Identifier: Apache-2.0
"""A round's results as a PDF report: cover, method, a table per group, the judge-consistency chart
(drawn as vector graphics: the same figure as the GUI's chart), the cusp list and every override.

A4 landscape, so a live round's panel fits as 评委1…N columns beside the case; Chinese text in the
embedded CJK font (app/exports/pdf.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from app.exports.pdf import A4, GREY, LIGHT, RULE, Page, PdfDocument, wrap
from app.glossary.results import WORDS
from app.results.text import (
    actor_name,
    award_name,
    award_names,
    counts_line,
    drawn_order,
    flag_names,
    method_lines,
    method_name,
    pending_lines,
    score_text,
    tie_note,
)
from app.results.types import VOTES_METHOD, ConsistencyChart, GroupResult, HospitalAward, RoundResults
from app.seasons import SeasonRules

LANDSCAPE = (A4[1], A4[0])
MARGIN = 42.0
#: Live panels up to this size get one column per judge in the tables (the xlsx always has them).
MAX_JUDGE_COLUMNS = 9
ACCENT = (0.60, 0.10, 0.12)
BAR = (0.25, 0.45, 0.70)
FLAGGED = (0.80, 0.20, 0.15)


def _w(key: str, **params: object) -> str:
    return WORDS[key].text(**params)


class _Report:
    """Pages of the report with a running y position, a footer and page breaks."""

    def __init__(self, competition: str, results: RoundResults) -> None:
        self.pdf = PdfDocument(LANDSCAPE)
        self.footer = f"{competition} · {results.round_name or results.round_key}"
        self.pages = 0
        self.page: Page = self.new_page()
        self.y = MARGIN

    def new_page(self) -> Page:
        self.page = self.pdf.new_page()
        self.pages += 1
        self.page.text(MARGIN, self.page.height - 20, self.footer, 7.5, GREY)
        self.page.text(
            self.page.width - MARGIN, self.page.height - 20, str(self.pages), 7.5, GREY, align="right"
        )
        self.y = MARGIN
        return self.page

    @property
    def width(self) -> float:
        return self.page.width - 2 * MARGIN

    def room(self, height: float) -> None:
        """Start a new page unless ``height`` points still fit above the footer."""
        if self.y + height > self.page.height - MARGIN:
            self.new_page()

    def heading(self, text: str, size: float = 15.0) -> None:
        self.room(size * 3.5)
        self.y += size if self.y <= MARGIN else size * 2
        self.page.text(MARGIN, self.y, text, size, ACCENT, bold=True)
        self.y += size * 0.9

    def paragraph(self, text: str, size: float = 10.0, color: tuple[float, float, float] = (0, 0, 0)) -> None:
        for line in wrap(text, size, self.width):
            self.room(size * 1.6)
            self.y += size * 1.5
            self.page.text(MARGIN, self.y, line, size, color)
        self.y += size * 0.5


def _cover(r: _Report, results: RoundResults, rules: SeasonRules, competition: str) -> None:
    page = r.page
    cx = page.width / 2
    page.rect(MARGIN, MARGIN, page.width - MARGIN, page.height - MARGIN, color=ACCENT, width=1.5)
    page.text(cx, 170, competition, 20, bold=True, align="center")
    if rules.title != competition:
        page.text(cx, 200, rules.title, 13, GREY, align="center")
    title = _w("report_title", round=results.round_name or results.round_key)
    page.text(cx, 270, title, 30, ACCENT, bold=True, align="center")
    page.line(cx - 160, 292, cx + 160, 292, ACCENT, 1.0)
    page.text(cx, 330, f"{_w('method')}：{method_name(results.method)}", 13, align="center")
    if results.method != VOTES_METHOD:
        page.text(cx, 356, counts_line(results), 11, GREY, align="center")
    groups = sum(1 for _ in results.groups)
    cases = sum(len(g.cases) for g in results.groups)
    page.text(cx, 380, f"{groups} × {_w('group')} · {cases} × {_w('case_code')}", 11, GREY, align="center")
    page.text(
        cx, 470, _w("generated", when=datetime.now().strftime("%Y-%m-%d %H:%M")), 10, GREY, align="center"
    )


def _method(r: _Report, results: RoundResults, rules: SeasonRules) -> None:
    r.new_page()
    r.heading(_w("method"))
    r.paragraph(method_name(results.method), 12)
    for line in method_lines(results):
        r.paragraph(line)
    for line in pending_lines(results, rules):
        r.paragraph(line, color=FLAGGED)
    _overrides(r, results, rules)
    if results.draws:
        r.heading(_w("sheet_draws"), 12)
        for d in results.draws:
            r.paragraph(f"{d.group_key}｜{_w('seed')} {d.seed}｜{drawn_order(d, results)}", 9.5)


def _overrides(r: _Report, results: RoundResults, rules: SeasonRules) -> None:
    r.heading(_w("sheet_overrides"), 12)
    if not results.overrides:
        r.paragraph(_w("no_overrides"))
    for o in results.overrides:
        when = o.at.strftime("%Y-%m-%d %H:%M") if o.at else ""
        verb = _w("grant" if o.grant else "revoke")
        who = actor_name(o.actor, "zh_CN")
        award = award_name(o.award_key, rules)
        r.paragraph(f"{when}  {who}：{verb}“{award}” — {o.subject}。{o.reason}", 9.5)


def panel_columns(results: RoundResults) -> bool:
    """Whether tables show one column per judge: live-style panels only (every group at most
    MAX_JUDGE_COLUMNS judges, each case scored by all of them but at most one)."""
    for group in results.groups:
        if len(group.judges) > MAX_JUDGE_COLUMNS:
            return False
        if any(c.result.marks and len(c.result.marks) < len(group.judges) - 1 for c in group.cases):
            return False
    return results.method != VOTES_METHOD


def _columns(
    group: GroupResult, results: RoundResults, width: float, judges: bool
) -> list[tuple[str, float]]:
    fixed: list[tuple[str, float]] = [(_w("rank"), 30), (_w("case_code"), 62), (_w("hospital"), 112)]
    tail = [(_w("votes") if results.method == VOTES_METHOD else _w("score"), 46), (_w("awards"), 136)]
    n = len(group.judges) if judges else 0
    rest = width - sum(w for _, w in fixed + tail)
    judge_w = min(34.0, (rest - 110) / n) if n else 0.0
    judge_cols = [(_w("judge_n", n=i), judge_w) for i in range(1, n + 1)]
    return [*fixed, (_w("title"), rest - n * judge_w), *judge_cols, *tail]


def _group_table(
    r: _Report, group: GroupResult, results: RoundResults, rules: SeasonRules, judges: bool
) -> None:
    cols = _columns(group, results, r.width, judges)
    size, lead = 8.5, 11.0
    r.heading(group.name, 13)

    def header() -> None:
        r.room(lead * 2 + 8)
        r.page.rect(MARGIN, r.y, MARGIN + r.width, r.y + lead + 6, fill=LIGHT)
        x = MARGIN
        for name, w in cols:
            r.page.text(x + 3, r.y + lead, name, size, bold=True)
            x += w
        r.y += lead + 6

    header()
    show_judges = judges
    position = {code: i for i, code in enumerate(group.judges)}
    for c in group.cases:
        marks = [""] * (len(group.judges) if show_judges else 0)
        for m in c.result.marks:
            if show_judges:
                mark = f"{float(m.total):g}"
                marks[position[m.judge_code]] = f"({mark})" if m.dropped else mark
        note = tie_note(c, results)
        cells: list[list[str]] = [
            ["—" if c.rank is None else str(c.rank)],
            [c.case.code],
            wrap(c.case.hospital, size, cols[2][1] - 6, 2),
            wrap(c.case.title, size, cols[3][1] - 6, 2),
            *[[m] for m in marks],
            [score_text(c.result.score, results.method)],
            wrap(award_names(list(c.awards), rules), size, cols[-1][1] - 6, 2) + ([note] if note else []),
        ]
        height = max(len(cell) for cell in cells) * lead + 5
        if r.y + height > r.page.height - MARGIN:
            r.new_page()
            header()
        x = MARGIN
        for (_, w), cell in zip(cols, cells, strict=True):
            for i, line in enumerate(cell):
                grey = cell is cells[-1] and note and i == len(cell) - 1
                r.page.text(x + 3, r.y + lead * (i + 1), line, size, GREY if grey else (0, 0, 0))
            x += w
        r.y += height
        r.page.line(MARGIN, r.y, MARGIN + r.width, r.y, RULE, 0.4)
    if judges and any(m.dropped for c in group.cases for m in c.result.marks):
        r.paragraph(_w("dropped_note"), 8, GREY)
    for p in group.pending:
        codes = "、".join(c.case.code for c in group.cases if c.case.id in p.case_ids)
        r.paragraph(
            _w("pending", award=award_name(p.award_key, rules), places=p.places, cases=codes), 9, FLAGGED
        )
    r.y += 8


def draw_chart(
    page: Page, chart: ConsistencyChart, x0: float, y0: float, width: float, height: float
) -> None:
    """The consistency chart: one horizontal bar per judge from 0 to their severity (red when flagged),
    gridlines every 5 points, each judge's agreement (ρ) at the right."""
    label_w, rho_w = 150.0, 60.0
    plot_x0, plot_x1 = x0 + label_w, x0 + width - rho_w
    n = max(1, len(chart.points))
    row = min(18.0, (height - 24) / n)
    limit = chart.axis_limit

    def sx(v: float) -> float:
        return plot_x0 + (v + limit) / (2 * limit) * (plot_x1 - plot_x0)

    bottom = y0 + row * n
    step = 5.0
    v = -limit
    while v <= limit + 1e-9:
        page.line(sx(v), y0, sx(v), bottom, RULE, 0.3)
        page.text(sx(v), bottom + 12, f"{v:+g}" if v else "0", 7.5, GREY, align="center")
        v += step
    page.line(sx(0), y0 - 2, sx(0), bottom, (0, 0, 0), 0.8)
    page.text(plot_x1 + rho_w - 4, y0 - 4, "ρ", 8, GREY, align="right")
    size = min(8.5, row * 0.6)
    for i, p in enumerate(chart.points):
        top = y0 + i * row + row * 0.18
        page.text(
            plot_x0 - 6, top + row * 0.55, p.label, size, FLAGGED if p.flagged else (0, 0, 0), align="right"
        )
        a, b = sorted((sx(0), sx(max(-limit, min(limit, p.severity)))))
        page.rect(a, top, max(b, a + 0.5), top + row * 0.64, fill=FLAGGED if p.flagged else BAR)
        rho = "—" if p.agreement is None else f"{p.agreement:.2f}"
        page.text(plot_x1 + rho_w - 4, top + row * 0.55, rho, size, GREY, align="right")


def _consistency(r: _Report, results: RoundResults) -> None:
    chart = results.consistency.chart
    if not chart.points:
        return
    r.new_page()
    r.heading(_w("consistency_title"))
    noise = "—" if chart.noise is None else f"{chart.noise:.2f}"
    r.paragraph(WORDS["consistency_note"].text(noise=noise), 9.5, GREY)
    r.paragraph(_w("chart_legend"), 9, FLAGGED)
    top = r.y + 10
    draw_chart(r.page, chart, MARGIN, top, r.width, r.page.height - MARGIN - top - 20)
    flagged = [j for j in results.consistency.judges if j.flags]
    r.y = r.page.height - MARGIN
    if flagged:
        r.new_page()
        r.heading(_w("flags"), 12)
        for j in flagged:
            r.paragraph(f"{j.code} {j.name}：{flag_names(j.flags)}（{_w('severity')} {j.severity:+.2f}）")


def _cusp(r: _Report, results: RoundResults, rules: SeasonRules) -> None:
    if not results.cusp:
        return
    r.heading(_w("cusp_title"), 13)
    for k in results.cusp:
        side = _w("held") if k.inside else _w("not_held")
        r.paragraph(
            f"{k.group_name}｜{award_name(k.award_key, rules)}（{side}）｜{k.case.code} {k.case.title}｜"
            f"{score_text(k.score)} / {score_text(k.boundary)}，{_w('gap')} {k.gap:.2f} ≤ {k.margin:.2f}",
            9,
        )


def _season(r: _Report, awards: Sequence[HospitalAward], rules: SeasonRules) -> None:
    if not awards:
        return
    r.heading(_w("sheet_season"), 13)
    for a in awards:
        note = "" if a.by_rule else f"（{_w('by_override')}）"
        r.paragraph(
            f"{award_name(a.award_key, rules)}：{a.hospital}（{_w('case_count')} {a.cases}）{note}", 10
        )


def write_results_pdf(
    path: Path,
    results: RoundResults,
    rules: SeasonRules,
    competition: str,
    season_awards: Sequence[HospitalAward] = (),
) -> Path:
    """Write the report of one round (with the season's hospital awards, when given)."""
    r = _Report(competition, results)
    _cover(r, results, rules, competition)
    _method(r, results, rules)
    r.new_page()
    judges = panel_columns(results)
    for group in results.groups:
        _group_table(r, group, results, rules, judges)
    _consistency(r, results)
    _cusp(r, results, rules)
    _season(r, season_awards, rules)
    return r.pdf.save(path, title=_w("report_title", round=results.round_name), author=competition)
