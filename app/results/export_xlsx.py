# SPDX-License-Identifier: Apache-2.0
"""A round's results as an xlsx workbook (Chinese by default), through the one xlsx writer.

Sheets: 说明 (method, tie-break chain, progress, open ties), one per group (rank, case, hospital,
region, each judge's total as 评委1…N, the round's score, awards, why equal scores are in that order),
评委编号 (who 评委n is in each group), 评委一致性, 临界案例, 奖项调整 (always there, even when empty) and
抽签记录; a season's hospital awards when given.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from app.exports.workbook import CellValue, Sheet, write_workbook
from app.glossary.results import WORDS
from app.results.text import (
    actor_name,
    award_name,
    award_names,
    drawn_order,
    flag_names,
    method_lines,
    method_name,
    pending_lines,
    tie_note,
)
from app.results.types import VOTES_METHOD, GroupResult, HospitalAward, RoundResults
from app.seasons import SeasonRules


def _w(key: str, **params: object) -> str:
    return WORDS[key].text(**params)


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def overview_rows(results: RoundResults, rules: SeasonRules, competition: str) -> list[list[CellValue]]:
    """Label / value rows: what the round is, how it is scored, how far it is, what is still open."""
    rows: list[list[CellValue]] = [
        [_w("competition"), competition],
        [_w("season"), rules.title],
        [_w("round"), results.round_name or results.round_key],
        [_w("method"), method_name(results.method)],
    ]
    rows.extend(["", line] for line in method_lines(results))
    rows.extend(["", line] for line in pending_lines(results, rules))
    if not results.overrides:
        rows.append([_w("sheet_overrides"), _w("no_overrides")])
    rows.append(["", _w("generated", when=datetime.now().strftime("%Y-%m-%d %H:%M"))])
    return rows


def group_sheet(group: GroupResult, results: RoundResults, rules: SeasonRules) -> Sheet:
    """One group: a row per case in rank order."""
    votes = results.method == VOTES_METHOD
    judge_cols = [] if votes else [_w("judge_n", n=i) for i in range(1, len(group.judges) + 1)]
    header = [_w("rank"), _w("case_code"), _w("title"), _w("hospital"), _w("region"), *judge_cols]
    header += [_w("votes") if votes else _w("score"), _w("awards"), _w("tie")]
    rows: list[list[CellValue]] = []
    position = {code: i for i, code in enumerate(group.judges)}
    for c in group.cases:
        marks: list[CellValue] = [None] * len(judge_cols)
        for m in c.result.marks:
            marks[position[m.judge_code]] = float(m.total)
        score: CellValue = (
            int(c.result.score) if votes and c.result.score is not None else _num(c.result.score)
        )
        rows.append(
            [
                c.rank,
                c.case.code,
                c.case.title,
                c.case.hospital,
                c.case.region,
                *marks,
                score,
                award_names(list(c.awards), rules),
                tie_note(c, results),
            ]
        )
    widths = [6, 12, 40, 28, 8, *([8] * len(judge_cols)), 10, 30, 22]
    return Sheet(group.name, header, rows, widths=widths, wrap=frozenset({2, len(header) - 2}))


def judges_sheet(results: RoundResults) -> Sheet:
    """Who 评委n is in each group (the group sheets number judges per group)."""
    names = {j.code: j.name for j in results.consistency.judges}
    rows: list[list[CellValue]] = [
        [g.name, _w("judge_n", n=i), code, names.get(code, "")]
        for g in results.groups
        for i, code in enumerate(g.judges, start=1)
    ]
    return Sheet(
        _w("sheet_judges"), [_w("group"), _w("judge"), _w("code"), _w("name")], rows, widths=[24, 10, 10, 14]
    )


def consistency_sheet(results: RoundResults) -> Sheet:
    c = results.consistency
    rows: list[list[CellValue]] = [
        [
            j.code,
            j.name,
            j.cases,
            _round(j.severity),
            _round(j.agreement),
            _round(j.noise),
            flag_names(j.flags),
        ]
        for j in c.judges
    ]
    noise = "—" if c.noise is None else f"{c.noise:.2f}"
    rows.append([])
    rows.append([WORDS["consistency_note"].text(noise=noise)])
    header = [_w("judge"), _w("name"), _w("cases"), _w("severity"), _w("agreement"), _w("noise"), _w("flags")]
    return Sheet(_w("sheet_consistency"), header, rows, widths=[10, 14, 10, 10, 10, 10, 24])


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def cusp_sheet(results: RoundResults, rules: SeasonRules) -> Sheet:
    rows: list[list[CellValue]] = [
        [
            k.group_name,
            award_name(k.award_key, rules),
            k.case.code,
            k.case.title,
            _num(k.score),
            _num(k.boundary),
            round(k.gap, 2),
            round(k.margin, 2),
            _w("held") if k.inside else _w("not_held"),
        ]
        for k in results.cusp
    ]
    header = [
        _w("group"),
        _w("award"),
        _w("case_code"),
        _w("title"),
        _w("score"),
        _w("boundary"),
        _w("gap"),
        _w("margin"),
        _w("inside"),
    ]
    return Sheet(
        _w("sheet_cusp"), header, rows, widths=[20, 18, 12, 40, 10, 10, 8, 12, 10], wrap=frozenset({3})
    )


def overrides_sheet(results: RoundResults, rules: SeasonRules) -> Sheet:
    rows: list[list[CellValue]] = [
        [
            o.at.strftime("%Y-%m-%d %H:%M") if o.at else "",
            actor_name(o.actor, "zh_CN"),
            award_name(o.award_key, rules),
            o.subject,
            _w("grant" if o.grant else "revoke"),
            o.reason,
        ]
        for o in results.overrides
    ] or [["", "", "", "", "", _w("no_overrides")]]
    header = [_w("when"), _w("who"), _w("award"), _w("subject"), _w("change"), _w("reason")]
    return Sheet(_w("sheet_overrides"), header, rows, widths=[18, 12, 18, 40, 8, 40], wrap=frozenset({3, 5}))


def draws_sheet(results: RoundResults) -> Sheet:
    rows: list[list[CellValue]] = [
        [d.at.strftime("%Y-%m-%d %H:%M") if d.at else "", d.group_key, d.seed, drawn_order(d, results)]
        for d in results.draws
    ]
    return Sheet(
        _w("sheet_draws"), [_w("when"), _w("group"), _w("seed"), _w("drawn")], rows, widths=[18, 24, 14, 50]
    )


def season_sheet(awards: Sequence[HospitalAward], rules: SeasonRules) -> Sheet:
    rows: list[list[CellValue]] = [
        [award_name(a.award_key, rules), a.hospital, a.cases, "" if a.by_rule else _w("by_override")]
        for a in awards
    ]
    header = [_w("award"), _w("hospital"), _w("case_count"), _w("change")]
    return Sheet(_w("sheet_season"), header, rows, widths=[18, 40, 10, 16])


def write_results_xlsx(
    path: Path,
    results: RoundResults,
    rules: SeasonRules,
    competition: str,
    season_awards: Sequence[HospitalAward] = (),
) -> Path:
    """Write the whole workbook of one round."""
    sheets = [
        Sheet(
            _w("sheet_overview"),
            [_w("item"), _w("content")],
            overview_rows(results, rules, competition),
            widths=[14, 100],
        )
    ]
    sheets.extend(group_sheet(g, results, rules) for g in results.groups)
    if results.method != VOTES_METHOD:
        sheets += [judges_sheet(results), consistency_sheet(results), cusp_sheet(results, rules)]
    sheets += [overrides_sheet(results, rules), draws_sheet(results)]
    if season_awards:
        sheets.append(season_sheet(season_awards, rules))
    return write_workbook(path, sheets)
