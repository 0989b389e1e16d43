# SPDX-License-Identifier: Apache-2.0
"""Screening services: decisions with reasons, bulk approve, undo, deadlines, rejections sheet, merges."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from app.cli import main
from app.errors import DomainError
from app.exports.workbook import RISKY_PREFIXES
from app.intake.importer import import_source
from app.intake.screening import (
    REJECTION_COLUMNS,
    approve,
    approve_clean,
    case_findings,
    export_rejections,
    finding_counts,
    last_step,
    list_hospitals,
    merge_hospitals,
    reason_templates,
    reject,
    screening_rows,
    spelling_suggestions,
    undo,
)
from app.models import AuditEvent, HospitalAlias
from app.seasons import load_season
from app.seasons.deadlines import add_working_days, screening_deadline
from app.workspace import Workspace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from intake_corpus import Corpus, build_corpus


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    corpus = build_corpus(tmp_path / "src", clean=6, videos=0, planted=False, edges=False)
    corpus.rows[0]["PPT文件"] = "files/gone.pdf"  # one violation
    corpus.rows[1]["推荐理由"] = "长" * 350  # another
    # One hospital under two spellings: rows 3 and 4 use the full name, row 2 (less used) is flagged.
    base = corpus.rows[2]
    corpus.rows[3].update(
        医院名称=base["医院名称"] + "（总院）", 省份=base["省份"], 主题="9" if base["主题"] != "9" else "8"
    )
    corpus.rows[4].update(
        医院名称=base["医院名称"] + "（总院）", 省份=base["省份"], 主题="7" if base["主题"] != "7" else "6"
    )
    # Another hospital in the same province and theme: clean, until someone merges it wrongly.
    corpus.rows[5].update(医院名称="同省另一家人民医院", 省份=base["省份"], 主题=base["主题"])
    corpus.write_sheet()
    return corpus


@pytest.fixture
def imported(workspace: Workspace, corpus: Corpus) -> Workspace:
    import_source(workspace, corpus.root)
    return workspace


def _status(ws: Workspace) -> dict[str, tuple[str, str]]:
    return {r.code: (r.status, r.status_reason) for r in screening_rows(ws)}


def test_working_day_deadlines_skip_weekends() -> None:
    monday = date(2022, 7, 25)
    assert add_working_days(monday, 3) == date(2022, 7, 28)  # Thursday
    assert add_working_days(date(2022, 7, 28), 3) == date(2022, 8, 2)  # Thursday → Tuesday
    assert add_working_days(date(2022, 7, 29), 3) == date(2022, 8, 3)  # Friday → Wednesday
    assert add_working_days(date(2022, 7, 30), 3) == date(2022, 8, 3)  # Saturday → Wednesday
    rules = load_season(2022)
    # 26 July 17:30 UTC is already 27 July (Wednesday) in Beijing: three working days → Monday 1 August.
    assert screening_deadline(datetime(2022, 7, 26, 17, 30, tzinfo=UTC), rules) == date(2022, 8, 1)
    # 2020 has no turnaround per submission: the screening window of the notice ends 28 August.
    assert screening_deadline(datetime(2020, 8, 1, tzinfo=UTC), load_season(2020)) == date(2020, 8, 28)


def test_rows_show_deadline_overdue_and_counts(imported: Workspace, corpus: Corpus) -> None:
    rows = {r.code: r for r in screening_rows(imported, today=date(2022, 12, 1))}
    first = rows[corpus.rows[0]["案例编号"]]
    assert first.counts.violations == 1
    assert first.counts.codes[0] == "pdf_missing"
    assert first.deadline is not None
    assert first.overdue  # submitted in 2022, still waiting in December
    assert rows[corpus.rows[5]["案例编号"]].counts.violations == 0
    early = screening_rows(imported, today=date(2022, 1, 1))
    assert not any(r.overdue for r in early)


def test_reject_with_reason_from_findings_then_undo(imported: Workspace, corpus: Corpus) -> None:
    code = corpus.rows[0]["案例编号"]
    templates = reason_templates(imported, code)
    assert templates
    assert "找不到 PPT 文件" in templates[0]
    step = reject(imported, [code], templates[0] + "，请补交。")
    assert step.codes == (code,)
    assert _status(imported)[code] == ("rejected", templates[0] + "，请补交。")
    assert last_step(imported) == step
    with pytest.raises(DomainError):
        reject(imported, [code], "   ")
    undone = undo(imported)
    assert undone is not None
    assert undone.codes == (code,)
    assert _status(imported)[code] == ("submitted", "")
    assert undo(imported) is None
    with imported.sessions() as s:
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.action.like("screen.%"))).all()
    assert actions == ["screen.reject", "screen.undo"]


def test_approve_clean_skips_cases_with_violations_and_is_one_undoable_step(
    imported: Workspace, corpus: Corpus
) -> None:
    counts = finding_counts(imported)
    approve(imported, [corpus.rows[5]["案例编号"]])
    step = approve_clean(imported)
    status = _status(imported)
    with_violations = {r.code for r in screening_rows(imported) if r.counts.violations}
    assert with_violations == {corpus.rows[i]["案例编号"] for i in (0, 1, 2)}
    for code, (st, _reason) in status.items():
        assert st == ("submitted" if code in with_violations else "approved"), code
    assert corpus.rows[5]["案例编号"] not in step.codes  # it was approved already
    assert len(step.codes) == 2
    undo(imported)
    assert _status(imported)[corpus.rows[3]["案例编号"]] == ("submitted", "")
    assert _status(imported)[corpus.rows[5]["案例编号"]] == ("approved", "")  # the earlier step stays
    assert counts  # findings were there to decide on


def test_export_rejections_sheet(imported: Workspace, corpus: Corpus, tmp_path: Path) -> None:
    reject(imported, [corpus.rows[0]["案例编号"]], "PPT 文件缺失")
    reject(imported, [corpus.rows[1]["案例编号"]], "推荐理由超过 300 字")
    out = tmp_path / "驳回.xlsx"
    assert export_rejections(imported, out) == 2
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == list(REJECTION_COLUMNS)
    by_code = {r[0]: r for r in rows[1:]}
    assert by_code[corpus.rows[0]["案例编号"]][1] == corpus.rows[0]["医院名称"]
    assert by_code[corpus.rows[1]["案例编号"]][6] == "推荐理由超过 300 字"
    assert all(r[7] for r in rows[1:])  # when it was rejected


def test_merge_two_spellings(imported: Workspace, corpus: Corpus) -> None:
    main_name = corpus.rows[3]["医院名称"]
    other = corpus.rows[2]["医院名称"]
    code = corpus.rows[2]["案例编号"]
    assert (other, main_name) in spelling_suggestions(imported)
    assert "hospital_name_inconsistent" in {f.code for f in case_findings(imported, code)}
    result = merge_hospitals(imported, other, main_name)
    assert result.cases == (code,)
    names = {h.name: h for h in list_hospitals(imported)}
    assert other not in names
    assert names[main_name].cases == 3
    assert names[main_name].aliases == (other,)
    assert "hospital_name_inconsistent" not in {f.code for f in case_findings(imported, code)}
    assert spelling_suggestions(imported) == []
    with imported.sessions() as s:
        assert s.scalars(select(HospitalAlias.name)).all() == [other]
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "hospital.merge")).one()
    assert event.detail["merged"] == other
    with pytest.raises(DomainError):
        merge_hospitals(imported, "没有这家医院", main_name)


def test_merge_that_makes_a_duplicate_theme_flags_it(imported: Workspace, corpus: Corpus) -> None:
    a, b = corpus.rows[2], corpus.rows[5]
    merge_hospitals(imported, b["医院名称"], a["医院名称"])
    for row in (a, b):
        assert "duplicate_theme" in {f.code for f in case_findings(imported, row["案例编号"])}


def test_cli_twins(
    imported: Workspace, corpus: Corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = str(imported.root)
    imported.close()
    code0, code5 = corpus.rows[0]["案例编号"], corpus.rows[5]["案例编号"]
    assert main(["screen", "reject", code0, "-w", ws]) == 0  # reason from the findings
    assert main(["screen", "approve", code5, "-w", ws]) == 0
    assert main(["screen", "list", "-w", ws, "--status", "rejected"]) == 0
    out = capsys.readouterr().out
    assert code0 in out
    assert main(["screen", "reject", code5, "-w", ws]) == 2  # no violation: a reason is required
    assert "--reason" in capsys.readouterr().err
    assert main(["screen", "undo", "-w", ws]) == 0
    assert main(["screen", "approve-clean", "-w", ws]) == 0
    assert main(["screen", "export-rejections", str(tmp_path / "r.xlsx"), "-w", ws]) == 0
    assert "已导出 1 个" in capsys.readouterr().out
    assert main(["hospitals", "list", "-w", ws]) == 0
    assert "建议合并" in capsys.readouterr().out
    assert main(["hospitals", "merge", corpus.rows[2]["医院名称"], corpus.rows[3]["医院名称"], "-w", ws]) == 0
    assert "已将" in capsys.readouterr().out
    assert main(["screen", "list", "-w", ws, "--json"]) == 0


def test_cases_that_were_never_checked_are_not_approved_as_clean(imported: Workspace) -> None:
    from app.casebook import NewCase, add_case

    add_case(imported, NewCase(code="DEMO-1", hospital="演示医院", province="河北", theme=1, title="演示"))
    rows = {r.code: r for r in screening_rows(imported)}
    assert not rows["DEMO-1"].checked
    assert all(r.checked for code, r in rows.items() if code != "DEMO-1")
    step = approve_clean(imported)
    assert "DEMO-1" not in step.codes


# --- issue 8 #16: what a hospital typed never runs in the organizer's Excel ---------------------------

_HOSTILE_HOSPITAL = "=cmd|' /C calc'!A0"
_HOSTILE_TITLE = '=HYPERLINK("http://evil.example/x","点击查看")'
_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def test_rejections_sheet_writes_every_text_as_text(workspace: Workspace, tmp_path: Path) -> None:
    import zipfile

    corpus = build_corpus(tmp_path / "src", clean=6, videos=0, planted=False, edges=False)
    corpus.rows[0].update(医院名称=_HOSTILE_HOSPITAL, 案例名称=_HOSTILE_TITLE)
    corpus.write_sheet()
    import_source(workspace, corpus.root)
    reasons = {
        row["案例编号"]: f"{prefix}SUM(1,2) 原因" for row, prefix in zip(corpus.rows, _PREFIXES, strict=True)
    }
    for code, reason in reasons.items():
        reject(workspace, [code], reason)
    out = tmp_path / "rejections.xlsx"
    assert export_rejections(workspace, out) == 6

    with zipfile.ZipFile(out) as zf:
        sheets = [n for n in zf.namelist() if n.startswith("xl/worksheets/")]
        assert sheets
        for name in sheets:
            assert b"<f>" not in zf.read(name)
            assert b"<f " not in zf.read(name)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    cells = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    first = cells[corpus.rows[0]["案例编号"]]
    assert (first[1].value, first[1].data_type) == (_HOSTILE_HOSPITAL, "s")
    assert (first[5].value, first[5].data_type) == (_HOSTILE_TITLE, "s")
    assert first[1].quotePrefix
    for code, reason in reasons.items():
        cell = cells[code][6]
        stored = reason.strip()  # a reason is stored without surrounding blanks (a tab, a CR)
        assert cell.data_type == "s"
        assert cell.value == stored
        assert cell.quotePrefix is stored.startswith(RISKY_PREFIXES)  # editing it later keeps it text
