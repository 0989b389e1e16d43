# SPDX-License-Identifier: Apache-2.0
"""Public votes from a sheet whose columns are named differently: recognised where the intake knows the
header, named by the user otherwise (the GUI's mapping step, the command's ``--column``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.casebook import NewCase, add_case
from app.cli import build_parser, run
from app.errors import DomainError
from app.results.votes import import_votes, preview_votes
from app.workspace import Workspace


def _cases(ws: Workspace) -> None:
    for i in range(3):
        add_case(ws, NewCase(code=f"V{i}", hospital=f"医院{i}", province="四川", theme=1, title="题目"))


def _votes(ws: Workspace) -> dict[str, int | None]:
    with sqlite3.connect(ws.db_path) as db:
        return dict(db.execute("SELECT code, votes FROM 'case' ORDER BY code").fetchall())


def test_a_votes_column_the_intake_does_not_know_is_named_by_the_user(
    workspace: Workspace, tmp_path: Path
) -> None:
    _cases(workspace)
    sheet = tmp_path / "投票.csv"
    sheet.write_text("案例编号,点赞数\nV0,120\nV2,7\n", encoding="utf-8")
    preview = preview_votes(sheet)
    assert (preview.headers, preview.rows, preview.mapping) == (
        ("案例编号", "点赞数"),
        2,
        {"case_id": "案例编号"},
    )
    with pytest.raises(DomainError) as err:
        import_votes(workspace, sheet)
    assert err.value.code == "votes_columns"
    assert "点赞数" in err.value.message
    done = import_votes(workspace, sheet, mapping={"case_id": "案例编号", "votes": "点赞数"})
    assert (done.rows, done.changed) == (2, 2)
    assert _votes(workspace) == {"V0": 120, "V1": None, "V2": 7}


def test_the_command_takes_the_column_as_field_equals_header(workspace: Workspace, tmp_path: Path) -> None:
    _cases(workspace)
    sheet = tmp_path / "投票.csv"
    sheet.write_text("案例编号,点赞数\nV1,55\n", encoding="utf-8")
    root = str(workspace.root)
    argv = ["results", "votes", str(sheet), "-w", root]
    assert run(build_parser().parse_args([*argv, "--column", "votes=点赞数"])) == 0
    assert _votes(workspace)["V1"] == 55
    assert run(build_parser().parse_args([*argv, "--column", "likes=点赞数"])) == 2  # an unknown field
