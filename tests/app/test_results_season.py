# SPDX-License-Identifier: Apache-2.0
"""A whole 2022 season played by the demo (``leitai demo --play-through final``), checked end to end.

CI plays a small season (80 cases, 9 judges: 8 per theme, so two advance from each and the final has
four places beyond the ten winners); ``bench/results.py`` plays the full acceptance size (300 cases, 30
judges) and checks the same rules, including full medal tables per theme final.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from app.cli import build_parser, run


def _cli(*argv: str) -> int:
    return run(build_parser().parse_args(list(argv)))


def _rank(capsys: pytest.CaptureFixture[str], ws: Path, round_key: str) -> dict[str, Any]:
    capsys.readouterr()
    assert _cli("results", "rank", "-w", str(ws), "--round", round_key, "--json") == 0
    doc: dict[str, Any] = json.loads(capsys.readouterr().out)
    return doc


def _awards(group: dict[str, Any]) -> Counter[str]:
    return Counter(a for c in group["cases"] for a in c["awards"])


@pytest.mark.slow
def test_demo_plays_a_whole_season_and_verify_names_a_tampered_score(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = tmp_path / "demo"
    argv = ["demo", str(ws), "--cases", "80", "--judges", "9", "--videos", "0", "--play-through", "final"]
    assert _cli(*argv) == 0

    review = _rank(capsys, ws, "review")
    assert review["method"] == "mean"
    assert len(review["groups"]) == 10  # one per theme
    for group in review["groups"]:
        n = len(group["cases"])
        awards = _awards(group)
        assert awards["value_top10"] == min(10, n), group["name"]
        assert awards["advance"] == max(1, math.floor(0.2 * n + 0.5)), group["name"]  # half up, at least 1
        assert awards["excellent"] == sum(1 for c in group["cases"] if c["rank"] is not None)
    advanced = {c["case_id"] for g in review["groups"] for c in g["cases"] if "advance" in c["awards"]}

    semifinal = _rank(capsys, ws, "semifinal")
    assert semifinal["method"] == "trimmed"  # a live round
    assert {c["case_id"] for g in semifinal["groups"] for c in g["cases"]} == advanced
    winners = set()
    for group in semifinal["groups"]:
        n = len(group["cases"])
        awards = _awards(group)
        assert (awards["gold"], awards["silver"], awards["bronze"]) == (
            1,
            min(2, n - 1),
            min(3, max(0, n - 3)),
        )
        winners |= {c["case_id"] for c in group["cases"] if c["rank"] == 1}
    tickets = {c["case_id"] for g in semifinal["groups"] for c in g["cases"] if "final_ticket" in c["awards"]}

    final = _rank(capsys, ws, "final")
    in_final = {c["case_id"] for g in final["groups"] for c in g["cases"]}
    assert len(in_final) == 14  # ten theme winners and four more
    assert in_final == tickets
    assert winners <= in_final

    capsys.readouterr()
    assert _cli("results", "judges", "-w", str(ws), "--round", "review", "--json") == 0
    consistency = json.loads(capsys.readouterr().out)
    judges = {j["code"]: j for j in consistency["judges"]}
    assert "harsh" in judges["J003"]["flags"]  # the demo's planted harsh judge…
    assert max(judges, key=lambda c: judges[c]["severity"]) == "J005"  # …and its most lenient one

    assert _cli("results", "verify", "-w", str(ws)) == 0
    with sqlite3.connect(ws / "leitai.db") as db:  # one stored mark of the theme finals, edited by hand
        score_id, code = db.execute(
            'SELECT s.id, c.code FROM score s JOIN assignment a ON a.id = s.assignment_id JOIN "case" c'
            " ON c.id = a.case_id JOIN round r ON r.id = a.round_id WHERE r.key = 'semifinal'"
            " AND s.value >= 0.5 ORDER BY s.id LIMIT 1"
        ).fetchone()
        db.execute("UPDATE score SET value = value - 0.5 WHERE id = ?", (score_id,))
    capsys.readouterr()
    assert _cli("results", "verify", "-w", str(ws)) == 1
    assert code in capsys.readouterr().out
