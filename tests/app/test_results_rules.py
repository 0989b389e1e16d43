# SPDX-License-Identifier: Apache-2.0
"""What the season files say about results, and the loader refusing a file that says it wrongly."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.seasons import SeasonError, load_season, load_season_file
from app.seasons.loader import seasons_dir


def test_both_seasons_say_how_results_rank_and_how_awards_ladder() -> None:
    for year in (2020, 2022):
        rules = load_season(year)
        assert rules.ranking.tie_break_criterion == "results"  # 实施效果
        assert rules.ranking.trim_min_judges == 5
        fractions = [a for a in rules.awards if a.fraction is not None]
        assert all(a.rounding in ("ceil", "floor", "half_up") for a in fractions)
    s2022 = load_season(2022)
    advance = s2022.award("advance")
    assert (advance.fraction, advance.rounding, advance.min_places) == (0.2, "half_up", 1)
    assert [(a.key, a.follows) for a in s2022.awards if a.round == "semifinal"] == [
        ("gold", None),
        ("silver", "gold"),
        ("bronze", "silver"),
    ]
    s2020 = load_season(2020)
    assert [(a.key, a.follows) for a in s2020.awards if a.round == "final"] == [
        ("gold", None),
        ("silver", "gold"),
        ("bronze", "silver"),
        ("demonstration", "bronze"),
    ]


def _variant(tmp_path: Path, old: str, new: str) -> Path:
    text = (seasons_dir() / "2022.toml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "2022.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('rounding = "half_up"\n', "", r"rounding"),
        ('rounding = "half_up"', 'rounding = "up"', r"rounding"),
        ("count = 10\n", "count = 10\nmin_places = 1\n", r"min_places"),
        ('count = 1\nnotes = "七 3 角逐', 'count = 1\nrounding = "ceil"\nnotes = "七 3 角逐', r"rounding"),
        ('follows = "gold"', 'follows = "bronze"', r"follows"),
        ('follows = "gold"', 'follows = "advance"', r"follows"),
        ('tie_break_criterion = "results"', 'tie_break_criterion = "effect"', r"tie_break_criterion"),
        ("trim_min_judges = 5", "trim_min_judges = 2", r"trim_min_judges"),
        ("trim_min_judges = 5", "trim_min_judges = 5\ndrop = 1", r"drop"),
    ],
)
def test_a_wrong_results_rule_is_refused_naming_the_key(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    with pytest.raises(SeasonError, match=message):
        load_season_file(_variant(tmp_path, old, new))
