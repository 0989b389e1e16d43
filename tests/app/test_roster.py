# SPDX-License-Identifier: Apache-2.0
"""The roster: edit judges and their conflicts, manual assignment edits, and a judge's drop-out."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.bundles.package import build_packages
from app.casebook import NewCase, add_case
from app.cli import main as cli_main
from app.errors import DomainError
from app.judging.assignment import assign_round
from app.judging.assignment.edits import add_judge_to_case, remove_judge_from_case, swap_judge
from app.judging.assignment.views import assignment_matrix
from app.judging.conflicts import list_conflicts
from app.judging.dropout import drop_out, reinstate
from app.judging.roster import JudgeEdit, NewJudge, add_judge, edit_judge, get_judge
from app.models import Assignment, AuditEvent, Case, Conflict, Judge
from app.rounds.service import admit_approved
from app.workspace import Workspace

PASS = "organizer-pass"


def _world(ws: Workspace, cases: int = 8, judges: int = 4) -> None:
    for i in range(cases):
        add_case(
            ws, NewCase(code=f"D{i}", hospital=f"医院{i}", province="河南", theme=1 + i % 2, title="题目")
        )
    for j in range(judges):
        add_judge(ws, NewJudge(name=f"评委{j}", province="广东", expertise=(1,)))
    with ws.sessions.begin() as s:
        s.execute(update(Case).values(status="approved"))
    admit_approved(ws, "review")


def _on(ws: Workspace, case: str) -> set[str]:
    with ws.sessions() as s:
        return set(
            s.scalars(
                select(Judge.code)
                .join(Assignment, Assignment.judge_id == Judge.id)
                .join(Case, Case.id == Assignment.case_id)
                .where(Case.code == case, Assignment.recused.is_(False))
            )
        )


def _submit(ws: Workspace, judge: str, case: str) -> None:
    with ws.sessions.begin() as s:
        row = s.scalars(
            select(Assignment).join(Judge).join(Case).where(Judge.code == judge, Case.code == case)
        ).one()
        row.submitted_at = datetime.now(UTC)


def test_editing_a_judge_is_audited_and_moves_the_institution_conflict(workspace: Workspace) -> None:
    _world(workspace)
    row = edit_judge(
        workspace, "J001", JudgeEdit(institution="医院3", province="四川", phone="139", expertise=(2, 1))
    )
    assert (row.institution, row.province, row.expertise) == ("医院3", "四川省", (1, 2))
    kinds = {(c.kind, c.hospital) for c in list_conflicts(workspace, "J001")}
    assert kinds == {("institution", "医院3")}
    edit_judge(workspace, "J001", JudgeEdit(institution="医院4"))
    assert {c.hospital for c in list_conflicts(workspace, "J001")} == {"医院4"}
    with pytest.raises(DomainError) as err:
        edit_judge(workspace, "J001", JudgeEdit(province="火星"))
    assert err.value.code == "province_unknown"
    with workspace.sessions() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "judge.edit")).first()
    assert event is not None
    assert event.detail["changes"]["province"] == ["广东省", "四川省"]


def test_cli_edit_and_declared_conflicts(workspace: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    _world(workspace)
    root = str(workspace.root)
    assert cli_main(["judges", "edit", "J002", "-w", root, "--themes", "主题一、3", "--email", "a@b.cn"]) == 0
    assert get_judge(workspace, "J002").expertise == (1, 3)
    assert (
        cli_main(["judges", "conflict", "add", "J002", "-w", root, "--case", "D3", "--reason", "指导"]) == 0
    )
    assert cli_main(["judges", "conflict", "add", "J002", "-w", root, "--hospital", "医院5"]) == 0
    capsys.readouterr()
    assert cli_main(["judges", "show", "J002", "-w", root]) == 0
    out = capsys.readouterr().out
    assert "声明回避的案例\tD3\t指导" in out
    assert "声明回避的医院\t医院5" in out
    assign_round(workspace, "review", 3)
    assert "J002" not in _on(workspace, "D3") | _on(workspace, "D5")
    with workspace.sessions() as s:
        number = s.scalars(select(Conflict.id).where(Conflict.case_id.is_not(None))).one()
    assert cli_main(["judges", "conflict", "remove", "J002", str(number), "-w", root]) == 0
    assert cli_main(["judges", "conflict", "remove", "J002", str(number), "-w", root]) == 2


def test_manual_edits_follow_the_solvers_rules(workspace: Workspace) -> None:
    _world(workspace, cases=4, judges=4)
    add_judge(workspace, NewJudge(name="本院评委", institution="医院0", province="广东"))
    assign_round(workspace, "review", 2, seed=2)
    on_d0 = sorted(_on(workspace, "D0"))
    free = next(j for j in ("J001", "J002", "J003", "J004") if j not in on_d0)
    with pytest.raises(DomainError) as err:
        add_judge_to_case(workspace, "review", "D0", free)
    assert err.value.code == "case_full"
    with pytest.raises(DomainError) as err:
        swap_judge(workspace, "review", "D0", on_d0[0], "J005")
    assert err.value.code == "conflict_institution"
    result = swap_judge(workspace, "review", "D0", on_d0[0], free, reason="专业更对口")
    assert _on(workspace, "D0") == {on_d0[1], free}
    assert "same_province" not in {w.kind for w in result.warnings}  # 广东 judge, 河南 case
    _submit(workspace, free, "D0")
    with pytest.raises(DomainError) as err:
        remove_judge_from_case(workspace, "review", "D0", free)
    assert err.value.code == "assignment_scored"
    result = remove_judge_from_case(workspace, "review", "D0", on_d0[1])
    assert "case_short" in {w.kind for w in result.warnings}
    result = add_judge_to_case(workspace, "review", "D0", on_d0[0])
    assert _on(workspace, "D0") == {free, on_d0[0]}
    assert assignment_matrix(workspace, "review").cases[0].judges == 2


def test_a_drop_out_keeps_what_was_submitted_and_hands_over_the_rest(
    workspace: Workspace, tmp_path: Path
) -> None:
    _world(workspace, cases=8, judges=4)
    report = assign_round(workspace, "review", 2, seed=1)
    assert report.spread == 0  # 16 places, 4 each
    with workspace.sessions() as s:
        held = sorted(s.scalars(select(Case.code).join(Assignment).join(Judge).where(Judge.code == "J001")))
    assert len(held) == 4
    build_packages(workspace, "review", None, tmp_path / "pkgs", PASS)
    _submit(workspace, "J001", held[0])
    out = drop_out(workspace, "J001", "家中有事", packages_dir=tmp_path / "new", passphrase=PASS)
    (handover,) = out.rounds
    assert handover.kept == (held[0],)
    assert set(handover.released) == set(held[1:])
    assert {case for case, _ in handover.reassigned} == set(held[1:])
    assert {b.judge_code for b in out.rebuilt} == set(handover.judges_changed)
    assert all((tmp_path / "new" / b.path.name).is_file() for b in out.rebuilt)
    for case in held[1:]:
        assert "J001" not in _on(workspace, case)
        assert len(_on(workspace, case)) == 2
    assert "J001" in _on(workspace, held[0])  # the submitted score stays
    matrix = assignment_matrix(workspace, "review")
    remaining = [j.assigned for j in matrix.judges if j.code != "J001"]
    assert sum(remaining) == 15
    assert max(remaining) - min(remaining) <= 1
    assert get_judge(workspace, "J001").status == "dropped"
    with pytest.raises(DomainError) as err:
        drop_out(workspace, "J001", "again")
    assert err.value.code == "judge_already_dropped"
    with pytest.raises(DomainError) as err:
        add_judge_to_case(workspace, "review", held[1], "J001")
    assert err.value.code == "judge_dropped"
    reinstate(workspace, "J001")
    assert get_judge(workspace, "J001").active


def test_a_drop_out_that_leaves_a_case_without_judges_changes_nothing(workspace: Workspace) -> None:
    _world(workspace, cases=2, judges=2)
    assign_round(workspace, "review", 2)
    with pytest.raises(DomainError) as err:
        drop_out(workspace, "J001", "生病")
    assert err.value.code == "assignment_infeasible"
    assert get_judge(workspace, "J001").status == "active"
    assert _on(workspace, "D0") == {"J001", "J002"}


def test_cli_drop_out_lists_packages_to_rebuild(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    _world(workspace, cases=6, judges=3)
    assign_round(workspace, "review", 1)
    root = str(workspace.root)
    assert cli_main(["judges", "drop-out", "J003", "-w", root, "--reason", "出差"]) == 0
    out = capsys.readouterr().out
    assert "需要重新生成评审包" in out
    assert cli_main(["judges", "list", "-w", root]) == 0
    assert "已退出" in capsys.readouterr().out
