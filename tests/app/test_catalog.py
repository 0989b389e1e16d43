# SPDX-License-Identifier: Apache-2.0
"""The catalog's case rows: one row type carries what every case table shows, screening included."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from app import catalog
from app.intake import findings
from app.intake.importer import import_source
from app.seasons.deadlines import screening_deadline
from app.workspace import Workspace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from intake_corpus import build_corpus


def test_the_catalog_counts_violations_with_the_intake_severity_word() -> None:
    # catalog sits below app.intake (it may not import it): the one word they share must not drift.
    assert catalog.VIOLATION == findings.VIOLATION


def test_case_rows_carry_findings_deadline_and_whether_they_were_checked(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path / "src", clean=3, videos=0, planted=False, edges=False)
    corpus.rows[0]["PPT文件"] = "files/gone.pdf"
    corpus.write_sheet()
    ws = Workspace.create(tmp_path / "ws", season=2022)
    try:
        import_source(ws, corpus.root)
        rows = {r.code: r for r in catalog.list_cases(ws, today=date(2030, 1, 1))}
        missing = rows[corpus.rows[0]["案例编号"]]
        assert missing.checked
        assert missing.counts.violations >= 1
        assert "pdf_missing" in missing.counts.codes
        assert missing.deadline == screening_deadline(missing.submitted_at, ws.rules)
        assert missing.overdue  # still waiting in 2030
        clean = rows[corpus.rows[1]["案例编号"]]
        assert clean.counts.violations == 0
        early = {r.code: r for r in catalog.list_cases(ws, today=date(2000, 1, 1))}
        assert not early[missing.code].overdue
    finally:
        ws.close()
