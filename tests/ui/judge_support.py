# SPDX-License-Identifier: Apache-2.0
"""What the judge's GUI tests share: a small signed package, a prompter that also answers the judge's
questions (access code, recusal reason), typing a score as a judge does."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from app.bundles.package import BuiltPackage, build_packages
from app.casebook import NewCase, add_case
from app.judging.roster import NewJudge, add_judge
from app.judging.round_robin import ensure_round_robin
from app.workspace import Workspace
from ui.judge.score_spin_box import ScoreSpinBox

PASS = "organizer-pass-2022"


def small_package(root: Path, cases: int = 3) -> BuiltPackage:
    """A 2022 workspace of ``cases`` cases (PDF-like bytes, no video) and one judge's signed package."""
    ws = Workspace.create(root / "ws", season=2022)
    try:
        for i in range(cases):
            pdf = root / f"c{i}.pdf"
            pdf.write_bytes(b"%PDF-1.4\n" + os.urandom(800))
            add_case(
                ws,
                NewCase(
                    code=f"C{i:03d}",
                    hospital=f"第{i}人民医院",
                    province="浙江",
                    theme=1,
                    title=f"案例{i}",
                    pdf=pdf,
                ),
            )
        add_judge(ws, NewJudge(name="评委甲"))
        ensure_round_robin(ws, "review", judges_per_case=1)
        return build_packages(ws, "review", None, root / "packages", PASS)[0]
    finally:
        ws.close()


@dataclass
class JudgeAnswers:
    """Canned answers to the judge's questions; each list is used up in order."""

    access_codes: list[str | None] = field(default_factory=list)
    recuse_reasons: list[str | None] = field(default_factory=list)
    asked: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


def type_text(qtbot: Any, spin: ScoreSpinBox, text: str) -> None:
    """Type ``text`` as a judge would: key presses, or an input method's commit for what is not ASCII
    (full-width digits come from a Chinese input method, and QTest only types ASCII keys)."""
    if text.isascii():
        qtbot.keyClicks(spin, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(spin.lineEdit(), event)


def type_score(qtbot: Any, spin: ScoreSpinBox, text: str) -> None:
    """What a judge does: into the field, select what is there, type (or delete), Enter."""
    spin.setFocus()
    spin.selectAll()
    if text:
        type_text(qtbot, spin, text)
    else:
        qtbot.keyClick(spin, Qt.Key.Key_Delete)
    qtbot.keyClick(spin, Qt.Key.Key_Return)
