# SPDX-License-Identifier: Apache-2.0
"""Export a round's results in one call: xlsx workbook, PDF report, certificates (any of them)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.models import Competition
from app.results.service import round_results, season_awards
from app.workspace import Workspace


def competition_name(ws: Workspace) -> str:
    """The competition's name as the workspace has it."""
    with ws.sessions() as s:
        return s.scalars(select(Competition.name)).one()


def export_round(
    ws: Workspace,
    round_key: str,
    *,
    xlsx: Path | None = None,
    pdf: Path | None = None,
    certificates: Path | None = None,
) -> list[Path]:
    """Write whichever of the three exports is asked for; returns the files written."""
    results = round_results(ws, round_key)
    rules = ws.rules
    name = competition_name(ws)
    written: list[Path] = []
    hospitals = season_awards(ws)
    if xlsx is not None:
        from app.results.export_xlsx import write_results_xlsx

        written.append(write_results_xlsx(xlsx, results, rules, name, hospitals))
    if pdf is not None:
        from app.results.export_pdf import write_results_pdf  # PyMuPDF loads on the first PDF

        written.append(write_results_pdf(pdf, results, rules, name, hospitals))
    if certificates is not None:
        from app.results.certificates import write_certificates, write_hospital_certificates

        written.extend(write_certificates(certificates, results, rules, name))
        # the season's hospital awards are listed in every round's workbook and report: printed too
        written.extend(write_hospital_certificates(certificates, hospitals, rules, name))
    return written
