# SPDX-License-Identifier: Apache-2.0
"""Every award rule of the 2020 and 2022 season files, on small hand-made score tables.

Each case gets one mark per judge from a single 0–100 criterion, so its score is simply its mark (or the
mean of its marks); the expected winners follow from counting places by hand.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.results.awards import hospital_awards
from app.results.compute import compute_round, compute_votes
from app.results.ranking import draw_order
from app.results.types import (
    FINAL_TICKET,
    SEASON_ROUND,
    CaseInfo,
    CriterionSpec,
    Draw,
    JudgeInfo,
    Override,
    RoundInput,
    RoundResults,
    ScoreSheet,
)
from app.seasons import SeasonRules, load_season

D = Decimal
PLAIN = (CriterionSpec("x", "总分", D(100), D(1)),)


@pytest.fixture(scope="module")
def s2022() -> SeasonRules:
    return load_season(2022)


@pytest.fixture(scope="module")
def s2020() -> SeasonRules:
    return load_season(2020)


class Table:
    """Cases and their marks, built up by hand; ``run`` computes a round of them."""

    def __init__(self) -> None:
        self.cases: list[CaseInfo] = []
        self.marks: dict[int, list[float]] = {}

    def add(
        self,
        mark: float | list[float],
        theme: int = 1,
        region: str = "east",
        category: str = "",
        hospital: int | None = None,
        votes: int | None = None,
    ) -> int:
        cid = len(self.cases) + 1
        hid = hospital if hospital is not None else cid
        self.cases.append(
            CaseInfo(
                cid,
                f"C{cid:03d}",
                f"案例{cid}",
                hid,
                f"医院{hid}",
                "",
                region,
                region,
                theme,
                "",
                "county",
                "县市医院",
                category,
                category,
                votes,
            )
        )
        self.marks[cid] = mark if isinstance(mark, list) else [mark]
        return cid

    def run(
        self,
        rules: SeasonRules,
        round_key: str,
        draws: tuple[Draw, ...] = (),
        overrides: tuple[Override, ...] = (),
    ) -> RoundResults:
        n = max(len(m) for m in self.marks.values())
        sheets = tuple(
            ScoreSheet(f"J{j}", cid, {"x": D(str(v))})
            for cid, marks in self.marks.items()
            for j, v in enumerate(marks, start=1)
        )
        judges = tuple(JudgeInfo(f"J{j}", "") for j in range(1, n + 1))
        inp = RoundInput(round_key, round_key, False, "mean", PLAIN, tuple(self.cases), judges, sheets,
                         draws=draws, overrides=overrides)  # fmt: skip
        return compute_round(rules, inp)


def holders(results: RoundResults, award: str) -> list[int]:
    return sorted(results.holders(award))


# --- 2022 ------------------------------------------------------------------------------------------


def test_2022_review_value_top10_advance_and_excellent(s2022: SeasonRules) -> None:
    t = Table()
    theme1 = [t.add(100 - i, theme=1) for i in range(12)]  # 100 … 89
    theme2 = [t.add(90 - i, theme=2) for i in range(11)]
    theme3 = [t.add(70 - i, theme=3) for i in range(4)]
    r = t.run(s2022, "review")
    assert [g.name for g in r.groups] == ["主题1", "主题2", "主题3"]
    # 十大价值案例: min(10, n) per theme
    assert holders(r, "value_top10") == sorted(theme1[:10] + theme2[:10] + theme3)
    # advance: 20 % rounded half up, at least one — 12 → 2.4 → 2; 11 → 2.2 → 2; 4 → 0.8 → 1
    assert holders(r, "advance") == sorted(theme1[:2] + theme2[:2] + theme3[:1])
    # 优秀案例: every case the review scored
    assert holders(r, "excellent") == sorted(theme1 + theme2 + theme3)
    assert r.award_keys == ("excellent", "value_top10", "advance")


def test_fraction_rounding_modes(s2022: SeasonRules) -> None:
    advance = s2022.award("advance")
    # half up, at least one: 1 → 0.2 → 1 (the minimum); 2 → 0.4 → 1; 10 → 2; 13 → 2.6 → 3; 32 → 6.4 → 6
    assert [advance.places(n, n) for n in (0, 1, 2, 10, 12, 13, 30, 32, 33)] == [
        0,
        1,
        1,
        2,
        2,
        3,
        6,
        6,
        7,
    ]
    floor = type(advance)(**{**_fields(advance), "rounding": "floor", "min_places": 0})
    ceil = type(advance)(**{**_fields(advance), "rounding": "ceil", "min_places": 0})
    assert [floor.places(n, n) for n in (4, 12, 32)] == [0, 2, 6]
    assert [ceil.places(n, n) for n in (4, 12, 32)] == [1, 3, 7]


def _fields(obj: object) -> dict[str, object]:
    return {name: getattr(obj, name) for name in obj.__dataclass_fields__}  # type: ignore[attr-defined]


def test_2022_tie_at_the_top10_boundary_waits_for_a_draw(s2022: SeasonRules) -> None:
    t = Table()
    ids = [t.add(100 - i) for i in range(9)]  # places 1–9: 100 … 92
    a, b = t.add(91), t.add(91)  # places 10 and 11, tied on every step
    t.add(50)
    r = t.run(s2022, "review")
    assert holders(r, "value_top10") == sorted(ids)  # nine, not ten: the tie is not broken silently
    (pending,) = [p for p in r.pending if p.award_key == "value_top10"]
    assert (sorted(pending.case_ids), pending.places) == ([a, b], 1)
    tied = [c for c in r.groups[0].cases if c.tied]
    assert [(c.case.id, c.rank) for c in tied] == [(a, 10), (b, 10)]
    order = draw_order(42, [a, b])
    drawn = t.run(s2022, "review", draws=(Draw(1, "review", "theme=1", (a, b), 42, order),))
    assert holders(drawn, "value_top10") == sorted([*ids, order[0]])
    assert drawn.pending == ()


def test_2022_semifinal_gold_silver_bronze(s2022: SeasonRules) -> None:
    t = Table()
    ids = [t.add(95 - 5 * i) for i in range(7)]  # 95 90 85 80 75 70 65
    r = t.run(s2022, "semifinal")
    assert holders(r, "gold") == ids[:1]
    assert holders(r, "silver") == ids[1:3]
    assert holders(r, "bronze") == ids[3:6]
    assert [c.awards for c in r.groups[0].cases][6] == ()


def test_2022_semifinal_tie_across_silver_and_bronze(s2022: SeasonRules) -> None:
    t = Table()
    first, second = t.add(95), t.add(90)
    c, d = t.add(85), t.add(85)  # places 3 and 4: the last silver and the first bronze
    rest = [t.add(80), t.add(75), t.add(70)]
    r = t.run(s2022, "semifinal")
    assert holders(r, "gold") == [first]
    assert holders(r, "silver") == [second]
    assert holders(r, "bronze") == rest[:2]  # places 5 and 6
    pending = {p.award_key: (sorted(p.case_ids), p.places) for p in r.pending}
    assert pending == {"silver": ([c, d], 1), "bronze": ([c, d], 1)}
    drawn = t.run(s2022, "semifinal", draws=(Draw(1, "semifinal", "theme=1", (c, d), 3, (d, c)),))
    assert holders(drawn, "silver") == [second, d]
    assert holders(drawn, "bronze") == sorted([c, *rest[:2]])


def test_2022_final_tickets_are_group_winners_plus_four(s2022: SeasonRules) -> None:
    t = Table()
    t1 = [t.add(v, theme=1) for v in (95, 90, 85)]
    t2 = [t.add(v, theme=2) for v in (80, 79, 60)]
    t3 = [t.add(v, theme=3) for v in (70, 88, 50)]
    r = t.run(s2022, "semifinal")
    # winners 95 (theme 1), 80 (theme 2), 88 (theme 3); the four best of the rest: 90, 85, 79, 70
    assert holders(r, FINAL_TICKET) == sorted([t1[0], t2[0], t3[1], t1[1], t1[2], t2[1], t3[0]])
    assert r.award_keys[-1] == FINAL_TICKET


def test_2022_best_organization_goes_to_the_hospital_with_most_cases(s2022: SeasonRules) -> None:
    t = Table()
    for theme in (1, 2, 3):
        t.add(80, theme=theme, hospital=7)
    for theme in (1, 2):
        t.add(80, theme=theme, hospital=8)
    t.add(80, hospital=9)
    awards = hospital_awards(s2022, t.cases)
    assert {(a.award_key, a.hospital_id, a.cases) for a in awards} == {
        ("best_organization", 7, 3),
        ("best_management", 7, 3),
    }
    t.add(80, theme=3, hospital=8)  # now 7 and 8 both have three: both are "the hospital with the most"
    assert {a.hospital_id for a in hospital_awards(s2022, t.cases) if a.award_key == "best_organization"} == {
        7,
        8,
    }
    withdrawn = Override(1, SEASON_ROUND, "best_organization", None, 8, False, "材料重复申报")
    assert {
        a.hospital_id
        for a in hospital_awards(s2022, t.cases, [withdrawn])
        if a.award_key == "best_organization"
    } == {7}


def test_overrides_apply_last_and_keep_the_rule_result(s2022: SeasonRules) -> None:
    t = Table()
    ids = [t.add(95 - 5 * i) for i in range(7)]
    overrides = (
        Override(1, "semifinal", "gold", ids[0], None, False, "查实数据造假"),
        Override(2, "semifinal", "gold", ids[1], None, True, "递补"),
        Override(3, "semifinal", "bronze", ids[6], None, True, "评审组决定"),
        Override(4, "semifinal", "bronze", ids[6], None, False, "撤回上一调整"),  # the last word counts
        Override(5, "review", "gold", ids[5], None, True, "另一轮次，不影响本轮"),
    )
    r = t.run(s2022, "semifinal", overrides=overrides)
    assert holders(r, "gold") == [ids[1]]
    top = r.groups[0].cases[0]
    assert (top.awards, top.rule_awards) == ((FINAL_TICKET,), ("gold", FINAL_TICKET))
    assert r.groups[0].cases[6].awards == ()
    assert [o.id for o in r.overrides] == [1, 2, 3, 4]


# --- 2020 ------------------------------------------------------------------------------------------


def test_2020_semifinal_ladder_per_region_and_theme_daily_only(s2020: SeasonRules) -> None:
    t = Table()
    epidemic = t.add(99, region="east", category="anti_epidemic")
    east = [t.add(95 - i, region="east", category="daily") for i in range(11)]
    west = [t.add(60 - i, region="northwest", category="daily") for i in range(4)]
    r = t.run(s2020, "semifinal")
    assert [g.name for g in r.groups] == ["华东赛区 · 主题1", "西北赛区 · 主题1"]
    assert holders(r, "finalist") == sorted(east[:3] + west[:3])
    assert holders(r, "value") == sorted(east[3:6] + west[3:4])
    assert holders(r, "semifinal_excellent") == east[6:10]
    assert r.case(epidemic).awards == ()  # anti-epidemic cases share online instead of competing
    assert r.case(epidemic).rank == 1  # but they are still ranked and shown


def test_2020_review_region_excellent_and_anti_epidemic_special(s2020: SeasonRules) -> None:
    t = Table()
    daily = [t.add(80 - i, region="east", category="daily") for i in range(3)]
    epidemic = [t.add(70, region=region, category="anti_epidemic") for region in ("east", "north")]
    r = t.run(s2020, "review")
    assert holders(r, "region_excellent") == sorted(daily + epidemic)
    assert holders(r, "anti_epidemic_special") == sorted(epidemic)  # nationally, anti-epidemic only


def test_2020_final_medals_and_demonstration_per_theme(s2020: SeasonRules) -> None:
    t = Table()
    theme1 = [t.add(100 - i, theme=1, category="daily") for i in range(20)]
    r = t.run(s2020, "final")
    assert holders(r, "gold") == theme1[:1]
    assert holders(r, "silver") == theme1[1:3]
    assert holders(r, "bronze") == theme1[3:6]
    assert holders(r, "demonstration") == theme1[6:18]  # 1 + 2 + 3 + 12 = 18; places 19, 20 get none
    assert s2020.final_tickets is None
    assert FINAL_TICKET not in r.award_keys


def test_2020_popular_top10_by_votes_per_region_and_theme(s2020: SeasonRules) -> None:
    t = Table()
    east = [t.add(50, region="east", category="daily", votes=1000 - 10 * i) for i in range(12)]
    north = [t.add(50, region="north", category="daily", votes=v) for v in (5, 5, None)]
    r = compute_votes(s2020, t.cases)
    assert r.method == "votes"
    assert holders(r, "popular_top10") == sorted(east[:10] + north[:2])
    assert r.case(north[2]).rank is None  # no vote count: not ranked
    north_group = next(g for g in r.groups if g.key == "region=north|theme=1")
    assert [(c.rank, c.tied) for c in north_group.cases[:2]] == [(1, True), (1, True)]


def test_votes_never_mix_into_expert_scores(s2020: SeasonRules) -> None:
    with_votes, without = Table(), Table()
    for i in range(5):
        with_votes.add(80 - i, region="east", category="daily", votes=10_000 * (i + 1))
        without.add(80 - i, region="east", category="daily")
    a, b = with_votes.run(s2020, "semifinal"), without.run(s2020, "semifinal")
    assert [(c.case.id, c.result.score, c.rank, c.awards) for c in a.groups[0].cases] == [
        (c.case.id, c.result.score, c.rank, c.awards) for c in b.groups[0].cases
    ]
