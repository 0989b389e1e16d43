# SPDX-License-Identifier: Apache-2.0
"""Assignment: balanced where the conflicts allow, never a hard conflict, seeded, proven impossible."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select, update

from app.casebook import NewCase, add_case
from app.cli import main as cli_main
from app.errors import DomainError
from app.glossary import set_language
from app.intake.screening import merge_hospitals
from app.judging.assignment import AssignmentInfeasible, assign_round, fill_round
from app.judging.assignment.solver import Problem, Solution, solve
from app.judging.conflicts import declare_conflict
from app.judging.roster import NewJudge, add_judge
from app.models import Assignment, AuditEvent, Case, Judge
from app.rounds.service import admit_approved, update_settings
from app.workspace import Workspace

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from assign_world import build_world, count_hard_conflicts, load_spread


def _greedy(problem: Problem) -> list[int] | None:
    """The old stand-in: each case in turn takes the least-loaded eligible judges (ties: lower index)."""
    m, n = problem.shape
    loads = [0] * m
    for c in range(n):
        free = sorted((loads[j], j) for j in range(m) if problem.eligible[j, c])
        if len(free) < problem.need[c]:
            return None
        for _, j in free[: problem.need[c]]:
            loads[j] += 1
    return loads


def _problem(eligible: list[list[bool]], need: int, seed: int = 0) -> Problem:
    e = np.array(eligible, dtype=np.bool_)
    m, n = e.shape
    return Problem(
        e, np.zeros((m, n), dtype=np.int64), np.full(n, need), np.zeros(m, dtype=np.int64), None, seed
    )


def test_an_instance_the_greedy_loop_unbalances_is_solved_balanced() -> None:
    # Cases 1 and 3 may only go to judge 0; cases 0 and 2 to either. Balanced: judge 1 takes 0 and 2.
    eligible = [
        [True, True, True, True],
        [True, False, True, False],
    ]
    problem = _problem(eligible, 1)
    greedy = _greedy(problem)
    assert greedy is not None
    assert greedy == [3, 1]  # case 0 went to judge 0 first (a tie); cases 1 and 3 had nowhere else
    result = solve(problem)
    assert isinstance(result, Solution)
    assert max(result.loads) - min(result.loads) <= 1
    assert all(eligible[j][c] for j, c in result.pairs)
    assert sorted(c for _, c in result.pairs) == [0, 1, 2, 3]


def _case(ws: Workspace, code: str, hospital: str, province: str, theme: int) -> None:
    add_case(ws, NewCase(code=code, hospital=hospital, province=province, theme=theme, title=f"题目{code}"))


def _small(ws: Workspace, cases: int = 12, judges: int = 6) -> None:
    provinces = ["河南", "广东", "四川", "辽宁"]
    for i in range(cases):
        _case(ws, f"A{i:02d}", f"第{i // 2}医院", provinces[i % 4], 1 + i % 3)
    for j in range(judges):
        add_judge(ws, NewJudge(name=f"评委{j}", province=provinces[j % 4], expertise=(1 + j % 3,)))
    with ws.sessions.begin() as s:
        s.execute(update(Case).values(status="approved"))
    admit_approved(ws, "review")


def _pairs(ws: Workspace) -> set[tuple[str, str]]:
    with ws.sessions() as s:
        rows = s.execute(
            select(Judge.code, Case.code)
            .join(Assignment, Assignment.judge_id == Judge.id)
            .join(Case, Case.id == Assignment.case_id)
        ).all()
    return {(j, c) for j, c in rows}


def test_every_case_gets_k_judges_balanced_seeded_and_audited(workspace: Workspace) -> None:
    _small(workspace)
    report = assign_round(workspace, "review", 3, seed=5)
    assert report.created == 36
    assert report.spread == 0  # 36 places over 6 judges
    first = _pairs(workspace)
    assert {c for _, c in first} == {f"A{i:02d}" for i in range(12)}
    with pytest.raises(DomainError) as err:
        assign_round(workspace, "review", 3, seed=5)
    assert err.value.code == "assignment_exists"
    assign_round(workspace, "review", 3, seed=5, replace=True)
    assert _pairs(workspace) == first  # the same seed, the same assignment
    others = set()
    for seed in range(6, 12):
        assign_round(workspace, "review", 3, seed=seed, replace=True)
        others.add(frozenset(_pairs(workspace)))
    assert len(others) > 1  # the seed really changes the tie-breaks
    with workspace.sessions() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "assignment.solve")).all()
    assert events[-1].detail["per_case"] == 3


def test_hard_conflicts_are_never_assigned(workspace: Workspace) -> None:
    _small(workspace, cases=8, judges=4)
    # 评委0 works at 第0医院 but writes it the way another sheet spelled it; the organizer merged that
    # spelling into 第0医院, so the assignment must find it through the alias.
    _case(workspace, "X01", "第0医院（本部）", "河南", 1)
    merge_hospitals(workspace, "第0医院（本部）", "第0医院")
    with workspace.sessions.begin() as s:
        s.execute(update(Judge).where(Judge.code == "J001").values(institution="第0医院（本部）"))
    declare_conflict(workspace, "J002", case="A03", reason="指导过该项目")
    declare_conflict(workspace, "J003", hospital="第2医院", reason="兼职")
    assign_round(workspace, "review", 3, seed=1)
    pairs = _pairs(workspace)
    assert not {("J001", "A00"), ("J001", "A01")} & pairs
    assert ("J002", "A03") not in pairs
    assert not {("J003", "A04"), ("J003", "A05")} & pairs
    assert count_hard_conflicts(workspace.db_path, "review") == 0
    # a recusal sent back in a bundle: the case gets another judge, never the same one again
    with workspace.sessions.begin() as s:
        row = s.scalars(select(Assignment).join(Case).where(Case.code == "A06")).first()
        assert row is not None
        row.recused = True
        recused_judge = row.judge_id
    report = fill_round(workspace, "review", seed=1)
    assert report.created == 1
    with workspace.sessions() as s:
        on_a06 = s.execute(
            select(Assignment.judge_id, Assignment.recused).join(Case).where(Case.code == "A06")
        ).all()
    assert sum(1 for _, recused in on_a06 if not recused) == 3
    assert (recused_judge, False) not in on_a06
    assert count_hard_conflicts(workspace.db_path, "review") == 0


def test_soft_conflicts_are_avoided_when_possible_and_reported_when_not(workspace: Workspace) -> None:
    for i in range(4):
        _case(workspace, f"S{i}", f"医院{i}", "河南" if i < 2 else "广东", 1)
    for name, province in (("甲", "河南"), ("乙", "河南"), ("丙", "广东"), ("丁", "广东")):
        add_judge(workspace, NewJudge(name=name, province=province))
    with workspace.sessions.begin() as s:
        s.execute(update(Case).values(status="approved"))
    admit_approved(workspace, "review")
    report = assign_round(workspace, "review", 2, seed=3)
    assert report.soft == ()  # 河南's cases went to 广东's judges and the other way round
    report = assign_round(workspace, "review", 3, seed=3, replace=True)
    # three judges a case, only two from the other province: one same-province pair per case, reported
    assert len(report.soft) == 4
    assert {p.kind for p in report.soft} == {"same_province"}
    assert report.spread == 0


def test_no_solution_is_proven_and_named(workspace: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(6):
        _case(workspace, f"T{i}", f"医院{i}", "河南", 7 if i < 3 else 1)
    for j in range(9):
        add_judge(workspace, NewJudge(name=f"评委{j}", province="广东", expertise=(7,) if j < 4 else (1,)))
    with workspace.sessions.begin() as s:
        s.execute(update(Case).values(status="approved"))
    admit_approved(workspace, "review")
    update_settings(workspace, "review", expertise="require")
    with pytest.raises(AssignmentInfeasible) as err:
        assign_round(workspace, "review", 5)
    (shortfall,) = err.value.shortfalls
    assert shortfall.cases == ("T0", "T1", "T2")
    assert shortfall.eligible == 4
    assert shortfall.excluded["expertise"] == 5
    set_language("en")
    try:
        assert shortfall.text().startswith("Theme 7: 3 cases have only 4 eligible judges, K = 5")
    finally:
        set_language(None)
    assert shortfall.text("zh_CN").startswith("主题7：3 个案例只有 4 位可选评委，每个案例需要 5 位")
    with workspace.sessions() as s:
        assert s.scalar(select(Assignment.id)) is None  # nothing written
    code = cli_main(["assign", "--workspace", str(workspace.root), "--round", "review", "--per-case", "5"])
    assert code == 1
    err_text = capsys.readouterr().err
    assert "T0、T1、T2" in err_text
    assert "主题7：3 个案例只有 4 位可选评委" in err_text


def test_a_cap_per_judge_that_cannot_hold_the_cases_is_named_by_a_min_cut(workspace: Workspace) -> None:
    _small(workspace, cases=12, judges=6)
    update_settings(workspace, "review", max_per_judge=5)
    with pytest.raises(AssignmentInfeasible) as err:
        assign_round(workspace, "review", 3)  # 36 places, 6 judges × 5 = 30
    capacity = [sf for sf in err.value.shortfalls if sf.kind == "capacity"]
    assert capacity
    assert capacity[0].needed > capacity[0].available
    update_settings(workspace, "review", max_per_judge=6)
    assert assign_round(workspace, "review", 3).spread == 0


def test_cli_assign_json(workspace: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    _small(workspace)
    root = str(workspace.root)
    assert (
        cli_main(["assign", "-w", root, "--round", "review", "--per-case", "2", "--seed", "4", "--json"]) == 0
    )
    out = capsys.readouterr().out
    assert '"created": 24' in out
    assert '"spread": 0' in out
    assert cli_main(["assign", "show", "-w", root, "--round", "review"]) == 0
    assert "案例数相差 0" in capsys.readouterr().out


@pytest.mark.slow
def test_3000_cases_120_judges_k5(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "big") as ws:
        key = build_world(ws, cases=3000, judges=120, crowded_share=0.1)
        report = assign_round(ws, key, 5, seed=11)
        assert report.created == 15000
        assert count_hard_conflicts(ws.db_path, key) == 0
        low, high = load_spread(ws.db_path, key)
        assert high - low <= 1
        first = _pairs(ws)
        assign_round(ws, key, 5, seed=11, replace=True)
        assert _pairs(ws) == first


def test_cli_round_settings_judges_edits_fill_and_close(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    _small(workspace, cases=6, judges=4)
    root = str(workspace.root)
    assert (
        cli_main(["round", "settings", "review", "-w", root, "--per-case", "2", "--no-avoid-province"]) == 0
    )
    assert (
        cli_main(
            ["round", "judges", "review", "-w", root, "--judge", "J001", "--judge", "J002", "--judge", "J003"]
        )
        == 0
    )
    assert cli_main(["assign", "-w", root, "--round", "review"]) == 0
    assert "J004" not in {j for j, _ in _pairs(workspace)}  # not named for the round
    on_a00 = sorted(j for j, c in _pairs(workspace) if c == "A00")
    other = next(j for j in ("J001", "J002", "J003") if j not in on_a00)
    args = ["-w", root, "--round", "review", "--case", "A00"]
    assert cli_main(["assign", "swap", *args, "--out", on_a00[0], "--in", other, "--reason", "对口"]) == 0
    assert cli_main(["assign", "remove", *args, "--judge", other]) == 0
    capsys.readouterr()
    assert cli_main(["assign", "add", *args, "--judge", "J004"]) == 2
    assert "不是轮次「专家评选」的评委" in capsys.readouterr().err
    assert cli_main(["assign", "fill", "-w", root, "--round", "review", "--json"]) == 0
    assert '"created": 1' in capsys.readouterr().out
    assert len([c for _, c in _pairs(workspace) if c == "A00"]) == 2
    assert cli_main(["round", "close", "review", "-w", root]) == 0
    assert cli_main(["assign", "add", *args, "--judge", "J001"]) == 2
    assert "已结束" in capsys.readouterr().err
    assert cli_main(["round", "show", "review", "-w", root, "--json"]) == 0
    assert '"status": "closed"' in capsys.readouterr().out


def test_loads_stay_within_one_among_the_judges_the_conflicts_leave_free() -> None:
    # judge 0 may score only case 0; the other four share the remaining places within one
    eligible = [[c == 0 for c in range(9)]] + [[True] * 9 for _ in range(4)]
    result = solve(_problem(eligible, 2, seed=3))
    assert isinstance(result, Solution)
    assert result.loads[0] == 1
    assert max(result.loads[1:]) - min(result.loads[1:]) <= 1
    assert sum(result.loads) == 18
