# SPDX-License-Identifier: Apache-2.0
"""Advancing from the results: ``leitai round advance`` without a list proposes each group's holders of
the admitting award as the results engine gives them — a tie on the boundary waits for its draw, a draw
and an override count, and the proposal never applies a quota rule of its own."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import update

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from results_world import World, build_world, copy_world

from app.cli import build_parser, run
from app.models import Case
from app.results.service import advance_ranking, override_award, record_draws, round_results
from app.rounds.advance import propose_advance
from app.rounds.service import admit_approved, member_cases

#: Theme 1: five cases, 20 % → one advances; C001 and C002 are equal on every step (a tie on the
#: boundary). Theme 2: five cases with distinct totals, C006 the best.
MARKS = {
    0: (18, 30, 22, 18),  # 88
    1: (18, 30, 22, 18),  # 88, the same marks: tied with C001 to the last step
    2: (15, 30, 20, 15),  # 80
    3: (10, 20, 15, 10),  # 55
    4: (5, 10, 5, 5),  # 25
    5: (17, 31, 21, 17),  # 86
    6: (12, 22, 15, 11),  # 60
    7: (10, 20, 14, 10),  # 54
    8: (8, 15, 10, 8),  # 41
    9: (5, 9, 5, 5),  # 24
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    w = build_world(
        tmp_path_factory.mktemp("world"),
        lambda j, i: MARKS[i],
        cases=10,
        themes=lambda i: 1 if i < 5 else 2,
    )
    with w.ws.sessions.begin() as s:  # screening passed them all: they are the review's cases
        s.execute(update(Case).values(status="approved"))
    admit_approved(w.ws, "review")
    yield w
    w.ws.close()


@pytest.fixture
def world(pristine: World, tmp_path: Path) -> Iterator[World]:
    w = copy_world(pristine, tmp_path)
    yield w
    w.ws.close()


def _holders(w: World) -> set[str]:
    results = round_results(w.ws, "review")
    return {c.case.code for g in results.groups for c in g.cases if "advance" in c.awards}


def _proposed(w: World) -> dict[str, list[str]]:
    proposal = propose_advance(w.ws, "semifinal", ranking=advance_ranking(w.ws))
    return {g.name: [c.code for c in g.cases if c.proposed] for g in proposal.groups}


def test_a_tie_on_the_boundary_waits_for_its_draw_then_the_drawn_case_advances(world: World) -> None:
    proposal = propose_advance(world.ws, "semifinal", ranking=advance_ranking(world.ws))
    theme1, theme2 = proposal.groups
    assert [c.code for c in theme1.cases if c.proposed] == []  # the place waits for the draw
    assert theme1.boundary_tie
    assert [(c.code, c.rank, c.tied) for c in theme1.cases[:2]] == [("C001", 1, True), ("C002", 1, True)]
    assert [c.code for c in theme2.cases if c.proposed] == ["C006"]
    assert not theme2.boundary_tie

    (draw,) = record_draws(world.ws, "review", seed=5)
    results = round_results(world.ws, "review")
    winner = next(c.case.code for c in results.groups[0].cases if c.rank == 1)
    assert results.case(draw.order[0]) == results.groups[0].cases[0]  # the draw's first is first
    assert _proposed(world) == {results.groups[0].name: [winner], results.groups[1].name: ["C006"]}
    assert {c for codes in _proposed(world).values() for c in codes} == _holders(world)


def test_an_override_changes_who_is_proposed(world: World) -> None:
    record_draws(world.ws, "review", seed=5)
    override_award(world.ws, "review", "advance", grant=True, reason="复议后增补", case_code="C007")
    override_award(world.ws, "review", "advance", grant=False, reason="案例撤回", case_code="C006")
    proposed = {c for codes in _proposed(world).values() for c in codes}
    assert "C007" in proposed
    assert "C006" not in proposed
    assert proposed == _holders(world)


def test_round_advance_without_a_list_enters_the_holders(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(world.ws.root)
    record_draws(world.ws, "review", seed=9)
    argv = ["round", "advance", "-w", root, "--to", "semifinal", "--dry-run", "--json"]
    capsys.readouterr()
    assert run(build_parser().parse_args(argv)) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["proposal"]["ranked"] is True
    shown = {c["code"] for g in doc["proposal"]["groups"] for c in g["cases"] if c["proposed"]}
    assert shown == _holders(world)
    assert member_cases(world.ws, "semifinal") == []  # a dry run changes nothing
    assert run(build_parser().parse_args(argv[:-2])) == 0
    assert {m.code for m in member_cases(world.ws, "semifinal")} == _holders(world)
    assert {m.admission for m in member_cases(world.ws, "semifinal")} == {"rule"}
