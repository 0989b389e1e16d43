# SPDX-License-Identifier: Apache-2.0
"""The desk's services: access-code slips and sheet, packages handed out, the matrix's states and soft
pairs, and a roster whose columns the organizer maps by hand."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pymupdf
import pytest

from app.bundles.package import build_packages
from app.casebook import NewCase, add_case
from app.cli import build_parser, run
from app.errors import DomainError
from app.intake.sheet import read_table
from app.judging.assignment import assign_round
from app.judging.assignment.edits import swap_judge
from app.judging.assignment.views import assignment_matrix
from app.judging.handout import (
    IssuedCode,
    codes_of,
    issued_packages,
    read_codes_file,
    write_handout,
)
from app.judging.judge_import import import_judges, preview_roster
from app.judging.roster import NewJudge, add_judge, list_judges
from app.rounds.service import admit_approved, update_settings
from app.workspace import Workspace

PASS = "organizer-pass"


def _world(ws: Workspace, tmp: Path, provinces: tuple[str, ...] = ("四川", "浙江", "北京")) -> None:
    for i in range(6):
        pdf = tmp / f"c{i}.pdf"
        pdf.write_bytes(b"%PDF-1.4\n" + os.urandom(300))
        add_case(
            ws,
            NewCase(
                code=f"C{i:03d}",
                hospital=f"医院{i}",
                province=provinces[i % len(provinces)],
                theme=1 + i % 3,
                title=f"案例{i}",
                pdf=pdf,
            ),
        )
    for i, province in enumerate(("四川", "浙江", "北京")):
        add_judge(ws, NewJudge(name=f"评委{i}", institution=f"单位{i}", province=province))
    from app.intake.screening import approve

    approve(ws, [f"C{i:03d}" for i in range(6)])
    admit_approved(ws, "review")


def test_slips_and_sheet_carry_each_judges_code(workspace: Workspace, tmp_path: Path) -> None:
    _world(workspace, tmp_path)
    assign_round(workspace, "review", 2)
    built = build_packages(workspace, "review", None, tmp_path / "pkgs", PASS)
    pdf, xlsx = tmp_path / "slips.pdf", tmp_path / "codes.xlsx"
    batch = write_handout(workspace, "review", codes_of(built), pdf=pdf, xlsx=xlsx)
    assert [s.judge_code for s in batch.slips] == [b.judge_code for b in built]
    assert all(s.cases == 4 for s in batch.slips)
    with pymupdf.open(pdf) as doc:
        text = "".join(page.get_text() for page in doc)
        assert doc.page_count == 1  # three slips a page
    for b in built:
        assert b.judge_code in text
        assert b.judge_name in text
        assert " - ".join(b.access_code.split("-")) in text
    assert batch.fingerprint.replace(" ", "") in text.replace(" ", "")
    # the sheet reads back through the one safe reader, and feeds the slips command
    assert read_codes_file(xlsx) == [IssuedCode(b.judge_code, b.access_code) for b in built]
    table = read_table(xlsx)
    assert table.headers[0] == "评委编号"
    assert len(table.rows) == len(built)


def test_codes_file_lines_and_bad_codes(tmp_path: Path) -> None:
    lines = tmp_path / "codes.csv"
    lines.write_text("J001,甲,ABCD-EFGH-JKMN\nJ002,乙,2345-6789-ABCD\n", encoding="utf-8")
    assert read_codes_file(lines) == [
        IssuedCode("J001", "ABCD-EFGH-JKMN"),
        IssuedCode("J002", "2345-6789-ABCD"),
    ]
    lines.write_text("J001,甲,not-a-code\n", encoding="utf-8")
    with pytest.raises(DomainError) as err:
        read_codes_file(lines)
    assert err.value.code == "codes_file_bad_code"
    assert err.value.params["row"] == 1


def test_slips_command_reads_the_codes_file_build_wrote(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _world(workspace, tmp_path)
    assign_round(workspace, "review", 2)
    root = str(workspace.root)
    workspace.close()
    (tmp_path / "pass").write_text(PASS, encoding="utf-8")
    parser = build_parser()
    codes = tmp_path / "codes.csv"
    args = parser.parse_args(
        ["package", "build", "-w", root, "--all", "--round", "review", "--out", str(tmp_path / "p"),
         "--passphrase-file", str(tmp_path / "pass"), "--codes-file", str(codes)]
    )  # fmt: skip
    assert run(args) == 0
    slips = tmp_path / "slips.pdf"
    args = parser.parse_args(
        ["package", "slips", "-w", root, "--round", "review", "--codes", str(codes), "--pdf", str(slips)]
    )
    assert run(args) == 0
    with pymupdf.open(slips) as doc:
        text = doc[0].get_text()
    for line in codes.read_text(encoding="utf-8").splitlines():
        judge, _name, code = line.split(",")
        assert judge in text
        assert " - ".join(code.split("-")) in text
    args = parser.parse_args(["package", "slips", "-w", root, "--round", "review", "--codes", str(codes)])
    assert run(args) == 2  # no output named: one line, non-zero
    assert "--pdf" in capsys.readouterr().err


def test_issued_packages_notice_an_edit_after_the_build(workspace: Workspace, tmp_path: Path) -> None:
    _world(workspace, tmp_path)
    assign_round(workspace, "review", 1)
    assert {r.state for r in issued_packages(workspace, "review")} == {"none"}
    build_packages(workspace, "review", None, tmp_path / "pkgs", PASS)
    rows = {r.judge_code: r for r in issued_packages(workspace, "review")}
    assert {r.state for r in rows.values()} == {"current"}
    matrix = assignment_matrix(workspace, "review")
    codes = {j.judge_id: j.code for j in matrix.judges}
    cell = matrix.cells[0]
    case = next(c.code for c in matrix.cases if c.case_id == cell.case_id)
    other = next(code for jid, code in codes.items() if jid != cell.judge_id)
    swap_judge(workspace, "review", case, codes[cell.judge_id], other)
    rows = {r.judge_code: r for r in issued_packages(workspace, "review")}
    assert rows[codes[cell.judge_id]].state == "outdated"
    assert rows[other].state == "outdated"


def test_matrix_cells_speak_the_judges_states_and_show_every_soft_pair(
    workspace: Workspace, tmp_path: Path
) -> None:
    _world(workspace, tmp_path)
    update_settings(workspace, "review", avoid_same_province=True, avoid_same_region=False)
    assign_round(workspace, "review", 1)
    matrix = assignment_matrix(workspace, "review")
    assert {c.state for c in matrix.cells} == {"not_started"}
    case_code = {c.case_id: c.code for c in matrix.cases}
    judge_code = {j.judge_id: j.code for j in matrix.judges}
    # each judge shares a province with two cases: every such pair is tinted, assigned or not
    provinces = ("四川", "浙江", "北京")
    expected = {(f"C{i:03d}", f"J{i % 3 + 1:03d}") for i in range(6)}
    assert [j.province[:2] for j in list_judges(workspace)] == list(provinces)
    assert {(case_code[p.case_id], judge_code[p.judge_id]) for p in matrix.soft} == expected
    assert {p.kind for p in matrix.soft} == {"same_province"}
    # the solver avoided them all
    soft = {(p.case_id, p.judge_id) for p in matrix.soft}
    assert not any((c.case_id, c.judge_id) in soft for c in matrix.cells)


def test_a_roster_whose_columns_are_mapped_by_hand(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(
        "评审专家,供职机构,手机号码\n钱专家,中心医院,13800000001\n李专家,县医院,\n", encoding="utf-8"
    )
    preview = preview_roster(path)
    assert preview.headers == ("评审专家", "供职机构", "手机号码")
    assert preview.missing == ("name",)
    assert preview.rows == 2
    with pytest.raises(DomainError):
        import_judges(workspace, path)
    report = import_judges(
        workspace, path, mapping={"name": "评审专家", "institution": "供职机构", "phone": "手机号码"}
    )
    assert len(report.added) == 2
    judges = {j.name: j for j in list_judges(workspace)}
    assert judges["钱专家"].institution == "中心医院"
    assert judges["钱专家"].phone == "13800000001"


def test_the_desks_roster_and_package_actions_have_their_commands(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _world(workspace, tmp_path)
    root = str(workspace.root)
    workspace.close()
    roster = tmp_path / "roster.csv"
    roster.write_text("评审专家,供职机构\n钱专家,中心医院\n", encoding="utf-8")
    parser = build_parser()

    def leitai(*argv: str) -> int:
        return run(parser.parse_args(list(argv)))

    assert leitai("judges", "import", str(roster), "-w", root) == 2  # no name column: one line, refused
    assert "评审专家" not in capsys.readouterr().out
    assert leitai("judges", "import", str(roster), "-w", root, "--column", "name=评审专家",
                  "--column", "institution=供职机构") == 0  # fmt: skip
    assert (
        leitai("judges", "add", "-w", root, "--name", "孙专家", "--province", "浙江", "--themes", "2,3") == 0
    )
    assert leitai("judges", "import", str(roster), "-w", root, "--column", "nickname=评审专家") == 2
    capsys.readouterr()
    assert leitai("judges", "list", "-w", root, "--json") == 0
    judges = {j["name"]: j for j in json.loads(capsys.readouterr().out)}
    assert judges["钱专家"]["institution"] == "中心医院"
    assert judges["孙专家"]["expertise"] == [2, 3]
    assert leitai("assign", "-w", root, "--round", "review", "--per-case", "1") == 0
    capsys.readouterr()
    assert leitai("package", "list", "-w", root, "--round", "review", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["state"] for r in rows} == {"none"}
    assert sum(r["cases"] for r in rows) == 6
