# SPDX-License-Identifier: Apache-2.0
"""``leitai intake import``: cases and files into the workspace, idempotent, resubmissions keep history."""

from __future__ import annotations

import sqlite3
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app import catalog
from app.casebook import NewCase, add_case
from app.cli import main
from app.intake.importer import import_source
from app.intake.screening import case_findings, merge_hospitals, reject
from app.models import AuditEvent, Case, CaseFile, CaseRevision
from app.store import sha256_file
from app.workspace import Workspace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from intake_corpus import Corpus, build_corpus, make_slides


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    corpus = build_corpus(tmp_path / "src", clean=5, videos=1, planted=False, edges=False)
    # Two problems to be stored as findings: a missing deck and a recommendation far too long.
    corpus.rows[1]["PPT文件"] = "files/gone.pdf"
    corpus.rows[2]["推荐理由"] = "字" * 400
    corpus.write_sheet()
    return corpus


def _tables(ws: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows except the audit log (which records each import), to compare states."""
    con = sqlite3.connect(ws.db_path)
    try:
        names = [r[0] for r in con.execute("select name from sqlite_master where type='table'")]
        return {
            n: sorted(map(tuple, con.execute(f'select * from "{n}"')), key=repr)
            for n in names
            if n not in ("audit_event", "alembic_version")
        }
    finally:
        con.close()


def test_import_stores_cases_files_and_findings(workspace: Workspace, corpus: Corpus) -> None:
    result = import_source(workspace, corpus.root)
    assert len(result.added) == 5
    rows = {r.code: r for r in catalog.list_cases(workspace)}
    assert set(rows) == set(corpus.expected)
    for case_id, expected in corpus.expected.items():
        assert rows[case_id].region == expected.region
        assert rows[case_id].theme_number == expected.theme
        assert rows[case_id].hospital == corpus.row(case_id)["医院名称"]
    first = corpus.rows[0]
    pdf = next(f for f in rows[first["案例编号"]].files if f.kind == "pdf")
    assert pdf.sha256 == sha256_file(corpus.root / first["PPT文件"])
    assert workspace.store.verify(pdf.sha256)
    with_video = [r for r in corpus.rows if r["视频文件"]]
    assert with_video
    assert any(f.kind == "video" for f in rows[with_video[0]["案例编号"]].files)
    assert [f.code for f in case_findings(workspace, corpus.rows[1]["案例编号"]) if f.is_violation] == [
        "pdf_missing"
    ]
    long_one = case_findings(workspace, corpus.rows[2]["案例编号"])
    assert [f.code for f in long_one if f.is_violation] == ["recommendation_too_long"]
    assert long_one[0].detail["chars"] == 400
    assert rows[first["案例编号"]].votes == int(first["网络投票"])
    assert rows[first["案例编号"]].submitted_at is not None
    with workspace.sessions() as s:
        actions = s.scalars(select(AuditEvent.action)).all()
    assert actions.count("case.add") == 5
    assert "intake.import" in actions


def test_importing_the_same_source_twice_changes_nothing(workspace: Workspace, corpus: Corpus) -> None:
    import_source(workspace, corpus.root)
    before = _tables(workspace)
    files_before = sorted(p.name for p in workspace.store.root.rglob("*") if p.is_file())
    again = import_source(workspace, corpus.root)
    assert again.added == ()
    assert again.resubmitted == ()
    assert len(again.unchanged) == 5
    assert _tables(workspace) == before
    assert sorted(p.name for p in workspace.store.root.rglob("*") if p.is_file()) == files_before


def test_resubmission_keeps_history_and_reruns_checks(workspace: Workspace, corpus: Corpus) -> None:
    import_source(workspace, corpus.root)
    case_id = corpus.rows[0]["案例编号"]
    reject(workspace, [case_id], "PPT 需要补充效果数据")
    old_sha = sha256_file(corpus.root / corpus.rows[0]["PPT文件"])
    # The hospital sends a new deck, with small print on page 2, and a new title.
    make_slides(corpus.root / "files" / "new.pdf", small={2: 10.0})
    corpus.rows[0]["PPT文件"] = "files/new.pdf"
    corpus.rows[0]["案例名称"] = "新的案例名称"
    corpus.write_sheet()
    result = import_source(workspace, corpus.root)
    assert result.resubmitted == (case_id,)
    assert len(result.unchanged) == 4
    with workspace.sessions() as s:
        case = s.scalars(select(Case).where(Case.code == case_id)).one()
        assert case.revision == 2
        assert case.title == "新的案例名称"
        assert case.status == "submitted"  # newer content is screened again
        assert case.status_reason == ""
        files = s.scalars(select(CaseFile).where(CaseFile.case_id == case.id)).all()
        old = [f for f in files if f.sha256 == old_sha]
        assert len(old) == 1
        assert not old[0].current
        assert [f.revision for f in files if f.current and f.kind == "pdf"] == [2]
        revisions = s.scalars(
            select(CaseRevision).where(CaseRevision.case_id == case.id).order_by(CaseRevision.revision)
        ).all()
        assert [r.revision for r in revisions] == [1, 2]
        assert revisions[0].snapshot["pdf"]["sha256"] == old_sha
        assert revisions[0].snapshot["title"] != "新的案例名称"
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.target == case_id)).all()
    assert "case.resubmit" in actions
    assert workspace.store.has(old_sha)  # the old file stays in the store
    found = case_findings(workspace, case_id)
    assert [(f.code, f.pages) for f in found if f.is_violation] == [("font_too_small", (2,))]
    # Importing the resubmission again changes nothing more.
    before = _tables(workspace)
    assert import_source(workspace, corpus.root).resubmitted == ()
    assert _tables(workspace) == before


def test_import_from_a_zip(workspace: Workspace, corpus: Corpus, tmp_path: Path) -> None:
    archive = tmp_path / "cases.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in corpus.root.rglob("*"):
            if path.is_file():
                zf.write(path, path.relative_to(corpus.root).as_posix())
    assert len(import_source(workspace, archive).added) == 5
    assert len(import_source(workspace, corpus.root).unchanged) == 5  # same content, other container


def test_cross_case_checks_see_cases_already_in_the_workspace(workspace: Workspace, corpus: Corpus) -> None:
    import_source(workspace, corpus.root)
    first = corpus.rows[0]
    corpus.rows[:] = [dict(first, 案例编号="LATE-1", PPT文件=first["PPT文件"])]  # same hospital and theme
    corpus.write_sheet()
    result = import_source(workspace, corpus.root)
    (late,) = result.report.cases
    assert [f.code for f in late.violations] == ["duplicate_theme"]
    # The earlier case is flagged too, in the workspace.
    assert [f.code for f in case_findings(workspace, first["案例编号"]) if f.is_violation] == [
        "duplicate_theme"
    ]


def test_merged_spelling_is_remembered_by_later_imports(workspace: Workspace, corpus: Corpus) -> None:
    hospital = corpus.rows[0]["医院名称"]
    variant = f"{hospital[:2]} {hospital[2:]}"  # a stray space: the same name, spelled differently
    corpus.rows[1]["医院名称"] = variant
    corpus.rows[1]["省份"] = corpus.rows[0]["省份"]
    corpus.rows[1]["主题"] = "10" if corpus.rows[0]["主题"] != "10" else "9"
    corpus.write_sheet()
    import_source(workspace, corpus.root)
    code = corpus.rows[1]["案例编号"]
    assert "hospital_name_inconsistent" in {f.code for f in case_findings(workspace, code)}
    merge_hospitals(workspace, variant, hospital)
    assert "hospital_name_inconsistent" not in {f.code for f in case_findings(workspace, code)}
    before = _tables(workspace)
    result = import_source(workspace, corpus.root)
    assert result.resubmitted == ()
    assert _tables(workspace) == before
    assert {r.hospital for r in catalog.list_cases(workspace) if r.code == code} == {hospital}


def test_a_case_stored_by_another_path_becomes_revision_1_of_its_history(
    workspace: Workspace, corpus: Corpus
) -> None:
    first = corpus.rows[0]
    add_case(
        workspace, NewCase(code=first["案例编号"], hospital="别的医院", province="河北", theme=1, title="旧")
    )
    result = import_source(workspace, corpus.root)
    assert result.resubmitted == (first["案例编号"],)
    with workspace.sessions() as s:
        revisions = s.scalar(
            select(func.count()).select_from(CaseRevision).join(Case).where(Case.code == first["案例编号"])
        )
    assert revisions == 2


def test_cli_import(tmp_path: Path, corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    Workspace.create(tmp_path / "ws", season=2022).close()
    assert main(["intake", "import", str(corpus.root), "-w", str(tmp_path / "ws"), "--season", "2022"]) == 0
    assert "新增 5" in capsys.readouterr().out
    assert main(["intake", "import", str(corpus.root), "-w", str(tmp_path / "ws")]) == 0
    assert "未变 5" in capsys.readouterr().out
    assert main(["intake", "import", str(corpus.root), "-w", str(tmp_path / "ws"), "--season", "2020"]) == 2
    assert "2022" in capsys.readouterr().err
    assert main(["intake", "findings", corpus.rows[1]["案例编号"], "-w", str(tmp_path / "ws")]) == 0
    assert "[缺少 PPT 文件]" in capsys.readouterr().out
