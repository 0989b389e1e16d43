# SPDX-License-Identifier: Apache-2.0
"""A small competition for the desk's tests (cases with slides, approved and in the expert review), a
desk on it, and judges who open their packages, score and export bundles as on their own laptops."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.bundles.package import BuiltPackage
from app.casebook import NewCase, add_case
from app.intake.screening import approve
from app.judge_home import JudgeHome
from app.rounds.service import admit_approved
from app.workspace import Workspace
from ui.context import AppContext
from ui.desk.desk_view import DeskView

PASS = "organizer-pass"
PROVINCES = ("四川", "浙江", "北京", "广东")


def build_cases(ws: Workspace, tmp: Path, count: int = 8) -> list[str]:
    """``count`` cases over four themes and provinces, approved and admitted to the review round."""
    codes = []
    for i in range(count):
        pdf = tmp / f"slides{i}.pdf"
        pdf.write_bytes(b"%PDF-1.4\n" + os.urandom(400))
        code = f"2022-{i + 1:04d}"
        add_case(
            ws,
            NewCase(
                code=code,
                hospital=f"{PROVINCES[i % 4]}第{i}人民医院",
                province=PROVINCES[i % 4],
                theme=1 + i % 4,
                title=f"改善案例{i}",
                pdf=pdf,
            ),
        )
        codes.append(code)
    approve(ws, codes)
    admit_approved(ws, "review")
    return codes


def wait_loaded(qtbot: Any, desk: DeskView, condition: Callable[[], bool] = lambda: True) -> None:
    """Wait until no change is running and a reload after it shows ``condition``."""
    qtbot.waitUntil(
        lambda: (
            (desk.writing is None or desk.writing.done)
            and desk._reads.task is not None
            and desk._reads.task.done
            and desk.snapshot is not None
            and condition()
        ),
        timeout=20000,
    )


def score_and_export(built: BuiltPackage, homes: Path, out: Path, submit: int, draft: int = 0) -> Path:
    """Open a judge's package as the judge would, submit ``submit`` cases and leave ``draft`` more as
    drafts, then export the signed bundle into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    with JudgeHome.open_package(built.path, homes / built.judge_code, built.access_code) as home:
        criteria = home.info().criteria
        cases = home.cases()
        for i, case in enumerate(cases[: submit + draft]):
            for c in criteria:
                home.set_score(case.id, c.key, Decimal(str(c.step)))
            if i < submit:
                home.submit(case.id)
        return home.export_bundle(out).path


@contextmanager
def open_world(tmp_path: Path, cases: int = 8) -> Iterator[Workspace]:
    """A 2022 workspace with ``build_cases``; closed after."""
    ws = Workspace.create(tmp_path / "ws", season=2022)
    build_cases(ws, tmp_path, cases)
    try:
        yield ws
    finally:
        ws.close()


@contextmanager
def open_desk(qtbot: Any, ctx: AppContext, ws: Workspace) -> Iterator[DeskView]:
    """A desk on ``ws`` at 1366×768, loaded; its watcher and writes stopped after."""
    view = DeskView(ctx)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.set_workspace(ws)
    wait_loaded(qtbot, view)
    try:
        yield view
    finally:
        view.shutdown()
        ctx.write_pool.waitForDone(5000)
