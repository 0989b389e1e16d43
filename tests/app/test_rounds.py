# SPDX-License-Identifier: Apache-2.0
"""Rounds: state and settings, and advancing cases by each season's rule as an adjustable proposal."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.casebook import NewCase, add_case
from app.cli import main as cli_main
from app.errors import DomainError
from app.judging.assignment import assign_round
from app.judging.roster import NewJudge, add_judge
from app.models import AuditEvent, Case
from app.rounds.advance import Adjustment, RankedCase, apply_advance, propose_advance
from app.rounds.service import admit_approved, get_round, list_rounds, member_cases, update_settings
from app.workspace import Workspace

PROVINCES = ["河南", "广东", "四川", "辽宁", "江苏", "陕西"]


def _cases(ws: Workspace, per_theme: int, themes: range = range(1, 11), category: str | None = None) -> None:
    for t in themes:
        for i in range(per_theme):
            add_case(
                ws,
                NewCase(
                    code=f"T{t:02d}-{i:02d}",
                    hospital=f"医院{t}-{i}",
                    province=PROVINCES[i % len(PROVINCES)],
                    theme=t,
                    title="题目",
                    category=category,
                ),
            )
    with ws.sessions.begin() as s:
        s.execute(update(Case).values(status="approved"))


def _ranking_by_code(ws: Workspace) -> dict[str, int]:
    with ws.sessions() as s:
        return dict(s.execute(select(Case.code, Case.id)).all())


def test_rounds_list_their_state_and_settings_are_audited(workspace: Workspace) -> None:
    rounds = list_rounds(workspace)
    assert [r.key for r in rounds] == ["screening", "voting", "review", "semifinal", "final"]
    assert {r.status for r in rounds} == {"empty"}
    _cases(workspace, 1, range(1, 4))
    add_judge(workspace, NewJudge(name="评委"))
    assert admit_approved(workspace, "review") == 3
    assert admit_approved(workspace, "review") == 0  # already in
    assert get_round(workspace, "review").status == "unassigned"
    update_settings(workspace, "review", judges_per_case=1, avoid_same_region=True)
    with pytest.raises(DomainError) as err:
        update_settings(workspace, "review", judges_per_case=0)
    assert err.value.code == "bad_per_case"
    assign_round(workspace, "review")
    view = get_round(workspace, "review")
    assert (view.status, view.assignments, view.settings.avoid_same_region) == ("assigned", 3, True)
    with workspace.sessions() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "round.settings")).one()
    assert event.detail["changes"]["judges_per_case"] == [3, 1]


def test_2022_review_to_theme_final_sends_on_the_holders_of_advance(workspace: Workspace) -> None:
    _cases(workspace, 6, range(1, 6))  # 6 cases in each of themes 1-5
    admit_approved(workspace, "review")
    ids = _ranking_by_code(workspace)
    order = sorted(ids, key=lambda code: (code[:3], -int(code[-2:])))

    # the results, stood in by a fixed ranking: a higher suffix is better and the best of each theme
    # holds "advance"; in theme 3 an override also granted it to the runner-up; in theme 4 the best two
    # are tied with no draw yet, so nobody holds it there
    def holds(code: str) -> bool:
        theme, i = code[:3], int(code[-2:])
        return (i == 5 and theme != "T04") or code == "T03-04"

    def ranking(round_key: str) -> list[RankedCase]:
        assert round_key == "review"
        return [
            RankedCase(
                ids[c],
                score=100 - int(c[-2:]),
                tied=c in ("T04-05", "T04-04"),
                rank=1 if c == "T04-04" else 6 - int(c[-2:]),
                awards=("advance", "excellent") if holds(c) else ("excellent",),
            )
            for c in order
        ]

    proposal = propose_advance(workspace, "semifinal", ranking=ranking)
    assert proposal.award == "advance"
    assert [g.quota for g in proposal.groups] == [1, 1, 2, 0, 1]  # as many as hold it
    top = {c.code for g in proposal.groups for c in g.cases if c.proposed}
    assert top == {"T01-05", "T02-05", "T03-05", "T03-04", "T05-05"}
    assert [g.boundary_tie for g in proposal.groups] == [False, False, False, True, False]
    assert [c.rank for c in proposal.groups[3].cases[:3]] == [1, 1, 3]  # a tie shares its rank
    with pytest.raises(DomainError) as err:
        apply_advance(workspace, proposal, [Adjustment("T04-04", True, " ")])
    assert err.value.code == "advance_reason_required"
    result = apply_advance(
        workspace,
        proposal,
        [Adjustment("T04-04", True, "并列，评审会复议后晋级"), Adjustment("T02-05", False, "案例撤回")],
    )
    assert set(result.admitted) == (top - {"T02-05"}) | {"T04-04"}
    members = {m.code: m for m in member_cases(workspace, "semifinal")}
    assert members["T04-04"].admission == "adjusted"
    assert members["T04-04"].reason == "并列，评审会复议后晋级"
    assert members["T03-05"].admission == "rule"
    with workspace.sessions() as s:
        adjust = s.scalars(select(AuditEvent).where(AuditEvent.action == "round.advance.adjust")).all()
    assert {(e.target, e.detail["include"], e.detail["reason"]) for e in adjust} == {
        ("T04-04", True, "并列，评审会复议后晋级"),
        ("T02-05", False, "案例撤回"),
    }


def test_proposal_groups_come_in_theme_order(workspace: Workspace) -> None:
    """主题2 before 主题10 (the keys sorted as text put theme 10 second, in the CLI and the desk)."""
    _cases(workspace, 1, range(1, 11))
    admit_approved(workspace, "review")
    proposal = propose_advance(workspace, "semifinal", explicit=list(_ranking_by_code(workspace)))
    assert [g.key for g in proposal.groups] == [f"theme:{t}" for t in range(1, 11)]


def test_2022_final_takes_the_holders_of_the_final_tickets(workspace: Workspace) -> None:
    _cases(workspace, 3, range(1, 11))
    admit_approved(workspace, "review")
    ids = _ranking_by_code(workspace)
    apply_advance(workspace, propose_advance(workspace, "semifinal", explicit=list(ids)))
    scores = dict(zip(sorted(ids), random.Random(3).sample(range(100), len(ids)), strict=True))
    ranked = sorted(ids, key=lambda c: (c[:3], -scores[c]))
    winners = {max((c for c in ids if c[:3] == f"T{t:02d}"), key=scores.__getitem__) for t in range(1, 11)}
    rest = sorted((c for c in ids if c not in winners), key=lambda c: -scores[c])
    tickets = winners | set(rest[:4])  # the results' final tickets: each theme's winner and four more
    proposal = propose_advance(
        workspace,
        "final",
        ranking=lambda _key: [
            RankedCase(ids[c], float(scores[c]), awards=("final_ticket",) if c in tickets else ())
            for c in ranked
        ],
    )
    chosen = {c.code for g in proposal.groups for c in g.cases if c.proposed}
    assert chosen == tickets
    assert len(chosen) == 14
    assert sum(g.quota or 0 for g in proposal.groups) == 14


def test_2020_advance_by_the_organizers_number_or_by_the_finalists(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "ws2020", season=2020) as ws:
        _cases(ws, 12, range(1, 3), category="daily")
        admit_approved(ws, "review")
        ids = _ranking_by_code(ws)
        best_first = [RankedCase(ids[c]) for c in sorted(ids)]
        with pytest.raises(DomainError) as err:  # 赛区优秀案例 has no number: the organizer must say
            propose_advance(ws, "semifinal", ranking=lambda _k: best_first)
        assert err.value.code == "advance_needs_number"
        semis = propose_advance(ws, "semifinal", ranking=lambda _k: best_first, count=1)
        assert all(g.quota == 1 for g in semis.groups)
        assert all(
            [c.proposed for c in g.cases] == [True] + [False] * (len(g.cases) - 1) for g in semis.groups
        )
        apply_advance(ws, propose_advance(ws, "semifinal", explicit=list(ids)))
        # the results' finalists: the first three of each region and theme (the groups as listed)
        groups = propose_advance(ws, "final", explicit=list(ids)).groups
        finalists = {c.code for g in groups for c in g.cases[:3]}
        ranked = [RankedCase(ids[c], awards=("finalist",) if c in finalists else ()) for c in sorted(ids)]
        proposal = propose_advance(ws, "final", ranking=lambda _key: ranked)
        assert proposal.award == "finalist"
        assert {c.code for g in proposal.groups for c in g.cases if c.proposed} == finalists
        assert all(g.quota == min(3, len(g.cases)) for g in proposal.groups)


def test_advance_after_assignment_is_refused_and_explicit_lists_are_checked(workspace: Workspace) -> None:
    _cases(workspace, 1, range(1, 3))
    add_judge(workspace, NewJudge(name="评委"))
    with pytest.raises(DomainError) as err:
        propose_advance(workspace, "semifinal")
    assert err.value.code == "advance_needs_ranking"
    with pytest.raises(DomainError) as err:
        propose_advance(workspace, "semifinal", explicit=["T01-00"])
    assert err.value.code == "advance_case_not_in_round"  # the review has no cases yet
    apply_advance(workspace, propose_advance(workspace, "review"))
    proposal = propose_advance(workspace, "semifinal", explicit=["T01-00"])
    apply_advance(workspace, proposal)
    update_settings(workspace, "semifinal", judges_per_case=1)
    assign_round(workspace, "semifinal")
    with pytest.raises(DomainError) as err:
        apply_advance(workspace, proposal)
    assert err.value.code == "round_already_assigned"


def test_cli_round_list_and_advance(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _cases(workspace, 2, range(1, 3))
    root = str(workspace.root)
    assert cli_main(["round", "advance", "-w", root, "--to", "review"]) == 0
    listing = tmp_path / "advance.txt"
    listing.write_text("T01-00\nT02-01\n", encoding="utf-8")
    assert (
        cli_main(
            ["round", "advance", "-w", root, "--to", "semifinal", "--from-file", str(listing), "--dry-run"]
        )
        == 0
    )
    assert get_round(workspace, "semifinal").cases == 0
    args = ["round", "advance", "-w", root, "--to", "semifinal", "--from-file", str(listing)]
    assert cli_main([*args, "--include", "T01-01=评审会决定"]) == 0
    assert {m.code for m in member_cases(workspace, "semifinal")} == {"T01-00", "T02-01", "T01-01"}
    capsys.readouterr()
    assert cli_main(["round", "list", "-w", root]) == 0
    out = capsys.readouterr().out
    assert "semifinal\t线下主题决赛\t待分配\t3 个案例" in out
    assert (
        cli_main(
            ["round", "advance", "-w", root, "--to", "semifinal", "--cases", "T01-00", "--include", "T02-00"]
        )
        == 2
    )
    assert "必须写明原因" in capsys.readouterr().err
