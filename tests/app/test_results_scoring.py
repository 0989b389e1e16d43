# SPDX-License-Identifier: Apache-2.0
"""Scoring methods, tie-break steps and judge consistency on small score tables worked out by hand."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from app.results.consistency import cusp_cases, judge_consistency, spearman
from app.results.ranking import Placed, draw_order, rank_group
from app.results.scoring import score_cases
from app.results.types import CaseInfo, CaseScore, CriterionSpec, Draw, JudgeInfo, ScoreSheet

D = Decimal
#: One criterion 0–100: a judge's total is simply their mark.
PLAIN = (CriterionSpec("x", "总分", D(100), D(1)),)
#: A weighted rubric: total = background + 2 × results, at most 20 + 2 × 25 = 70.
WEIGHTED = (CriterionSpec("bg", "背景", D(20), D(1)), CriterionSpec("results", "效果", D(25), D(2)))
#: x up to 75 plus the tie-break criterion 效果 up to 25.
SPLIT = (CriterionSpec("x", "其他", D(75), D(1)), CriterionSpec("results", "效果", D(25), D(1)))


def judges(n: int) -> list[JudgeInfo]:
    return [JudgeInfo(f"J{i}", f"评委{i}") for i in range(1, n + 1)]


def plain(table: dict[int, list[float | None]]) -> list[ScoreSheet]:
    """Sheets from {case: [mark of J1, J2, …]} (None: that judge has no sheet for the case)."""
    return [
        ScoreSheet(f"J{j}", case, {"x": D(str(v))})
        for case, marks in table.items()
        for j, v in enumerate(marks, start=1)
        if v is not None
    ]


def score(table: dict[int, list[float | None]], method: str) -> dict[int, CaseScore]:
    """Scores of a one-criterion table with the default trimming rule (5 judges)."""
    n = max(len(v) for v in table.values())
    return score_cases(list(table), judges(n), PLAIN, plain(table), method, 5, None)


# --- methods ---------------------------------------------------------------------------------------


def test_weighted_total_and_mean() -> None:
    # J1: 10 + 2 × 20 = 50; J2: 15 + 2 × 12.5 = 40; J3: 20 + 2 × 25 = 70
    sheets = [
        ScoreSheet("J1", 1, {"bg": D(10), "results": D(20)}),
        ScoreSheet("J2", 1, {"bg": D(15), "results": D("12.5")}),
        ScoreSheet("J3", 1, {"bg": D(20), "results": D(25)}),
    ]
    r = score_cases([1], judges(3), WEIGHTED, sheets, "mean", 5, "results")[1]
    assert [m.total for m in r.marks] == [D(50), D(40), D(70)]
    assert r.score == D("53.33")  # 160 / 3 = 53.333…
    assert r.median == D("50.00")
    assert r.trimmed == D("53.33")  # three judges: nothing is dropped
    assert r.criterion == D("19.17")  # (20 + 12.5 + 25) / 3 = 19.1666…
    assert r.used == 3


def test_trimmed_mean_drops_one_highest_and_one_lowest_from_five_judges() -> None:
    r = score({1: [61, 70, 80, 90, 100]}, "trimmed")[1]
    assert r.score == D("80.00")  # (70 + 80 + 90) / 3
    assert r.mean == D("80.20")  # 401 / 5
    assert [m.judge_code for m in r.marks if m.dropped] == ["J1", "J5"]
    assert r.used == 3


def test_trimmed_mean_with_four_judges_is_the_mean() -> None:
    r = score({1: [61, 70, 80, 100]}, "trimmed")[1]
    assert r.score == D("77.75")  # 311 / 4
    assert not any(m.dropped for m in r.marks)


def test_trimmed_mean_drops_one_of_equal_extremes_by_judge_code() -> None:
    r = score({1: [70, 70, 80, 90, 90]}, "trimmed")[1]
    assert r.score == D("80.00")  # (70 + 80 + 90) / 3
    assert [m.judge_code for m in r.marks if m.dropped] == ["J1", "J4"]


def test_a_recusal_does_not_cost_a_case() -> None:
    # case 1: J3 recused (no sheet); case 2: all three gave 80. Averages: both 80 (sums would be 160 / 240).
    r = score({1: [80, 80, None], 2: [80, 80, 80]}, "mean")
    assert r[1].score == r[2].score == D("80.00")


def test_zscore_removes_each_judges_severity() -> None:
    # J1 (harsh) scored cases 1, 2: 50, 60 → μ 55, σ 5. J2 (lenient) scored 3, 4: 80, 90 → μ 85, σ 5.
    # All totals 50, 60, 80, 90: M = 70, S = √((400 + 100 + 100 + 400) / 4) = √250 = 15.8114.
    # case 1: z = −1 → 70 − 15.8114 = 54.19; case 2: z = +1 → 85.81; likewise cases 3 and 4.
    r = score({1: [50, None], 2: [60, None], 3: [None, 80], 4: [None, 90]}, "zscore")
    assert [r[c].score for c in (1, 2, 3, 4)] == [D("54.19"), D("85.81"), D("54.19"), D("85.81")]
    assert r[1].mean == D("50.00")  # the raw mean is still there for the tie-break chain


def test_zscore_with_a_shared_panel() -> None:
    # J1: 60, 70, 80 (μ 70, σ √(200/3) = 8.165); J2: 80, 90, 100 (μ 90, same σ).
    # All six: M = 80, S = √(1000 / 6) = 12.910. Case 1: z = −1.2247 for both → 80 − 15.811 = 64.19.
    r = score({1: [60, 80], 2: [70, 90], 3: [80, 100]}, "zscore")
    assert [r[c].score for c in (1, 2, 3)] == [D("64.19"), D("80.00"), D("95.81")]
    assert r[1].marks[0].normalised == D("64.19")


def test_zscore_judge_without_spread_counts_as_the_average() -> None:
    # J1: 50, 70 (μ 60, σ 10); J2 scored one case, 90 (σ 0 → z = 0). All: 50, 70, 90 → M 70, S 16.33.
    # S = √(800 / 3) = 16.3299. case 1: J1 z = −1 → 70 − 16.3299 = 53.67; case 2: J1 z = +1 → 86.3299
    # and J2 → 70: mean 78.16496… → 78.16.
    r = score({1: [50, None], 2: [70, 90]}, "zscore")
    assert r[1].score == D("53.67")
    assert r[2].marks[1].normalised == D("70.00")
    assert r[2].score == D("78.16")


def test_a_case_without_sheets_has_no_score() -> None:
    r = score_cases([1, 2], judges(1), PLAIN, plain({1: [80]}), "mean", 5, None)
    assert r[2].score is None
    assert r[2].marks == ()


# --- ranking and the tie-break chain ----------------------------------------------------------------


def case(cid: int) -> CaseInfo:
    return CaseInfo(cid, f"C{cid:03d}", f"案例{cid}", cid, f"医院{cid}", "四川省", "southwest", "西南", 1,
                    "主题", "county", "县市医院", "", "")  # fmt: skip


def ranked(scores: dict[int, CaseScore], draws: tuple[Draw, ...] = ()) -> list[Placed]:
    return rank_group([(case(c), s) for c, s in scores.items()], "theme=1", draws)


def test_equal_score_broken_by_trimmed_mean() -> None:
    # A: 60 70 80 90 100 → mean 80, trimmed 80. B: 50 85 85 85 95 → mean 80, trimmed 85: B first.
    placed = ranked(score({1: [60, 70, 80, 90, 100], 2: [50, 85, 85, 85, 95]}, "mean"))
    assert [(p.case.id, p.rank, p.decided_by) for p in placed] == [(2, 1, "trimmed"), (1, 2, "trimmed")]


def test_equal_score_and_trimmed_mean_broken_by_median() -> None:
    # A: 70 75 80 85 90 → mean 80, trimmed 80, median 80. B: 70 72 84 84 90 → 80, 80, median 84.
    placed = ranked(score({1: [70, 75, 80, 85, 90], 2: [70, 72, 84, 84, 90]}, "mean"))
    assert [(p.case.id, p.rank, p.decided_by) for p in placed] == [(2, 1, "median"), (1, 2, "median")]


def test_then_the_tie_break_criterion() -> None:
    # Every judge gives A 60 + 20 and B 55 + 25: totals 80 each, equal everywhere but 效果 (20 vs 25).
    sheets = [ScoreSheet(f"J{j}", 1, {"x": D(60), "results": D(20)}) for j in (1, 2, 3)]
    sheets += [ScoreSheet(f"J{j}", 2, {"x": D(55), "results": D(25)}) for j in (1, 2, 3)]
    scores = score_cases([1, 2], judges(3), SPLIT, sheets, "mean", 5, "results")
    placed = ranked(scores)
    assert [(p.case.id, p.rank, p.decided_by) for p in placed] == [(2, 1, "criterion"), (1, 2, "criterion")]


def test_a_tie_left_after_every_step_is_shown_until_a_draw() -> None:
    scores = score({1: [80, 70], 2: [75, 75], 3: [90, 90], 4: [60, 60]}, "mean")
    # 1 and 2: mean 75, trimmed 75, median 75 — nothing separates them
    placed = ranked(scores)
    assert [(p.case.id, p.rank, p.tied) for p in placed] == [
        (3, 1, False),
        (1, 2, True),
        (2, 2, True),
        (4, 4, False),
    ]
    order = draw_order(7, [2, 1])
    # the documented rule: ascending SHA-256 of "<seed>:<case id>"
    assert order == tuple(sorted([1, 2], key=lambda c: hashlib.sha256(f"7:{c}".encode()).hexdigest()))
    drawn = ranked(scores, (Draw(1, "review", "theme=1", (1, 2), 7, order),))
    assert [(p.case.id, p.rank, p.decided_by, p.tied) for p in drawn[1:3]] == [
        (order[0], 2, "draw", False),
        (order[1], 3, "draw", False),
    ]
    # a draw of another group does not apply
    other = ranked(scores, (Draw(1, "review", "theme=2", (1, 2), 7, order),))
    assert other[1].tied


def test_unscored_cases_come_last_without_a_rank() -> None:
    scores = score_cases([1, 2], judges(1), PLAIN, plain({2: [50]}), "mean", 5, None)
    placed = ranked(scores)
    assert [(p.case.id, p.rank) for p in placed] == [(2, 1), (1, None)]


# --- judge consistency and the cusp list ------------------------------------------------------------


def test_judge_consistency_by_hand() -> None:
    # totals (J1, J2, J3) per case:   c1 80 80 74 | c2 70 70 64 | c3 60 62 55 | c4 90 88 85
    # J3's offsets from the others' mean: −6, −6, −6 (55 − 61), −4 (85 − 89) → severity −5.5;
    #   deviations −.5 −.5 −.5 1.5 → squares 3.0 → noise √(3/3) = 1.0; same order as the others → ρ = 1.
    # J1: 3, 3, 1.5, 3.5 → 2.75, squares 2.25; J2: 3, 3, 4.5, .5 → 2.75, squares 8.25.
    # pooled noise √((3 + 2.25 + 8.25) / 9) = √1.5. Median severity 2.75, MAD 0 → threshold 3 points:
    # J3 is 8.25 below → harsh.
    scores = score({1: [80, 80, 74], 2: [70, 70, 64], 3: [60, 62, 55], 4: [90, 88, 85]}, "mean")
    c = judge_consistency(judges(3), scores)
    by = {s.code: s for s in c.judges}
    assert by["J3"].severity == pytest.approx(-5.5)
    assert by["J3"].noise == pytest.approx(1.0)
    assert by["J3"].agreement == pytest.approx(1.0)
    assert by["J1"].severity == pytest.approx(2.75)
    assert by["J2"].noise == pytest.approx((8.25 / 3) ** 0.5)
    assert c.noise == pytest.approx(1.5**0.5)
    assert by["J3"].flags == ("harsh",)
    assert by["J1"].flags == by["J2"].flags == ()
    assert [p.flagged for p in c.chart.points] == [False, False, True]
    assert c.chart.axis_limit == 10.0  # |−5.5| rounded up to a multiple of 5


def test_spearman_by_hand() -> None:
    # ranks x: 1 2 3 4, y: 2 1 4 3 → d² = 1 1 1 1 → ρ = 1 − 6·4 / (4·15) = 0.6
    assert spearman([1, 2, 3, 4], [20, 10, 40, 30]) == pytest.approx(0.6)
    assert spearman([1, 1, 1], [1, 2, 3]) is None


def test_disagreeing_judge_is_flagged() -> None:
    # J3 ranks five cases in the reverse order of J1 and J2: ρ = −1 over 5 cases.
    scores = score({i: [50 + 10 * i, 50 + 10 * i, 110 - 10 * i] for i in range(1, 6)}, "mean")
    by = {s.code: s for s in judge_consistency(judges(3), scores).judges}
    assert by["J3"].agreement == pytest.approx(-1.0)
    assert "disagrees" in by["J3"].flags


def test_cusp_cases_within_one_judges_noise() -> None:
    # scores 90 85 81 | 80 79.5 70, three places; noise 3 over 3 marks → margin 1.
    # inside: 81 − 80 = 1 ≤ 1 (cusp); outside: 81 − 80 = 1 (cusp), 81 − 79.5 = 1.5 (not).
    values = [90, 85, 81, 80, 79.5, 70]
    placed = [
        Placed(case(i), CaseScore(i, (), D(str(v)), None, None, None, None, 3), i, None, False)
        for i, v in enumerate(values, start=1)
    ]
    cusp = cusp_cases("gold", "theme=1", "主题一", placed, 3, 3.0)
    assert [(c.case.id, c.inside, c.gap) for c in cusp] == [(3, True, 1.0), (4, False, 1.0)]
    assert cusp_cases("gold", "theme=1", "主题一", placed, 3, None) == []


def test_judges_json_carries_the_cusp_list_as_numbers() -> None:
    from app.cli.results_cmd import judges_document
    from app.results.types import Consistency, ConsistencyChart, CuspCase, RoundResults, SheetCounts

    k = CuspCase("theme=1", "主题1", case(1), "advance", True, D("80.50"), D("80.00"), 0.5, 1.0)
    results = RoundResults("review", "专家评选", "mean", (), D(100), 5, None, SheetCounts(),
                           Consistency((), None, ConsistencyChart((), 5.0, None)), cusp=(k,))  # fmt: skip
    doc = judges_document(results)
    assert doc["cusp"] == [
        {"group": "theme=1", "award": "advance", "case_id": 1, "case_code": "C001", "inside": True,
         "score": 80.5, "boundary": 80.0, "gap": 0.5, "margin": 1.0}
    ]  # fmt: skip
