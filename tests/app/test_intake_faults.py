# SPDX-License-Identifier: Apache-2.0
"""One bad row never costs the whole report (issue 8 #2, #13, #19): hostile rows mixed with clean ones."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.intake import CheckOptions, check_source
from app.seasons import load_season
from app.workspace import Workspace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from intake_corpus import Corpus, add_hostile_rows, build_corpus

RULES = load_season(2022)
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Corpus, dict[str, tuple[str, str]]]:
    corpus = build_corpus(tmp_path / "src", clean=3, videos=0, planted=False, edges=False)
    return corpus, add_hostile_rows(corpus)


def _codes(case: Any) -> dict[str, dict[str, Any]]:
    return {f.code: f.detail for f in case.findings}


def test_every_hostile_row_is_its_own_finding_and_the_rest_is_checked(
    hostile: tuple[Corpus, dict[str, tuple[str, str]]],
) -> None:
    corpus, expected = hostile
    report = check_source(corpus.root, RULES, options=CheckOptions(workers=1, pdf_timeout=5, video_timeout=5))
    cases = {c.case_id: c for c in report.cases}
    assert set(cases) == {r["案例编号"] for r in corpus.rows}
    for case_id, (code, reason) in expected.items():
        found = _codes(cases[case_id])
        assert code in found, (case_id, found)
        assert not cases[case_id].clean
        if reason:
            assert found[code]["reason"] == reason, (case_id, found[code])
    for case_id in corpus.clean_ids:
        assert cases[case_id].clean, (case_id, cases[case_id].findings)
    # Control characters are gone from what is kept, and the finding names the column.
    assert cases["H07"].fields.hospital == "青铜峡市中医医院"
    assert _codes(cases["H07"])["text_control_chars"]["columns"] == ["hospital"]
    assert cases["H06"].fields.title == ""
    assert "\x00" not in json.dumps([c.to_json() for c in report.cases], ensure_ascii=False)


def test_intake_check_prints_the_full_report_and_exits_1(
    hostile: tuple[Corpus, dict[str, tuple[str, str]]],
) -> None:
    """The acceptance line of issue 8: a full JSON report, a finding on each hostile row, exit 1."""
    corpus, expected = hostile
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["intake", "check", str(corpus.root), "--season", "2022", "--json", "--timeout", "5"])
    assert code == 1
    data = json.loads(out.getvalue())
    got = {c["case_id"]: {v["code"] for v in c["violations"]} for c in data["cases"]}
    assert set(got) == {r["案例编号"] for r in corpus.rows}
    for case_id, (want, _reason) in expected.items():
        assert want in got[case_id], (case_id, got[case_id])
    assert data["summary"]["clean"] == len(corpus.clean_ids)


def test_an_unexpected_failure_in_one_cases_checks_is_that_cases_finding(
    hostile: tuple[Corpus, dict[str, tuple[str, str]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.intake import runner

    corpus, _expected = hostile
    victim = corpus.clean_ids[1]
    real = runner.field_findings

    def flaky(fields: Any, *args: Any) -> Any:
        if fields.case_id == victim:
            raise RuntimeError("boom in a check")
        return real(fields, *args)

    monkeypatch.setattr(runner, "field_findings", flaky)
    report = check_source(corpus.root, RULES, options=CheckOptions(workers=1, pdf_timeout=5, video_timeout=5))
    cases = {c.case_id: c for c in report.cases}
    failed = _codes(cases[victim])["check_failed"]
    assert "boom in a check" in failed["error"]
    assert not cases[victim].clean
    assert all(cases[c].clean for c in corpus.clean_ids if c != victim)


@pytest.mark.parametrize("timeout", [None, "5"])
def test_import_with_a_fifo_as_a_pdf_finishes(
    hostile: tuple[Corpus, dict[str, tuple[str, str]]], tmp_path: Path, timeout: str | None
) -> None:
    """Issue 8 #13: a FIFO named as a case's PDF hung `intake import` for ever, even with --timeout."""
    corpus, _expected = hostile
    corpus.rows = [r for r in corpus.rows if r["案例编号"] in {*corpus.clean_ids, "H04", "H05"}]
    corpus.write_sheet()  # only the FIFOs: nothing else in the sheet may stop the import first
    ws = tmp_path / "ws"
    Workspace.create(ws, 2022).close()
    args = [sys.executable, "-m", "app.cli", "intake", "import", str(corpus.root), "-w", str(ws), "--json"]
    run = subprocess.run(
        [*args, *(["--timeout", timeout] if timeout else [])],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,  # hung for ever before; a run takes a few seconds
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert run.returncode == 0, run.stderr
    imported = json.loads(run.stdout)["imported"]
    assert set(imported["added"]) == {r["案例编号"] for r in corpus.rows}


def test_control_characters_never_reach_the_workspace(
    hostile: tuple[Corpus, dict[str, tuple[str, str]]], workspace: Any
) -> None:
    from app import catalog
    from app.intake.importer import import_source
    from app.intake.screening import case_findings

    corpus, _expected = hostile
    import_source(workspace, corpus.root, options=CheckOptions(workers=1, pdf_timeout=5, video_timeout=5))
    rows = {r.code: r for r in catalog.list_cases(workspace)}
    assert rows["H07"].hospital == "青铜峡市中医医院"
    assert rows["H06"].title == ""
    assert "text_control_chars" in {f.code for f in case_findings(workspace, "H06")}
    assert not any("\x00" in (r.hospital + r.title) for r in rows.values())


def test_a_case_that_fails_to_store_is_reported_and_the_others_are_stored(
    hostile: tuple[Corpus, dict[str, tuple[str, str]]], workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app import catalog
    from app.intake import importer

    corpus, _expected = hostile
    victim = corpus.clean_ids[0]
    real = importer._apply_fields

    def flaky(s: Any, rules: Any, row: Any, case: Any, submitted: Any) -> None:
        if case.case_id == victim:
            raise ValueError("cannot store this one")
        real(s, rules, row, case, submitted)

    monkeypatch.setattr(importer, "_apply_fields", flaky)
    result = importer.import_source(
        workspace, corpus.root, options=CheckOptions(workers=1, pdf_timeout=5, video_timeout=5)
    )
    (problem,) = [p for p in result.report.problems if p.code == "case_not_stored"]
    assert problem.detail["case_id"] == victim
    stored = {r.code for r in catalog.list_cases(workspace)}
    assert stored == {r["案例编号"] for r in corpus.rows} - {victim}
