# SPDX-License-Identifier: Apache-2.0
"""What the judge's GUI tests share: a small signed package, a prompter that also answers the judge's
questions (access code, recusal reason), typing a score as a judge does."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from app.bundles.package import BuiltPackage, build_packages
from app.casebook import NewCase, add_case
from app.judge_home import PackageSummary
from app.judging.assignment import ensure_assigned
from app.judging.roster import NewJudge, add_judge
from app.workspace import Workspace
from ui.judge.access_code_dialog import AccessCodeDialog
from ui.judge.recuse_dialog import RecuseDialog
from ui.judge.score_spin_box import ScoreSpinBox
from ui.prompter import Prompter

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
        ensure_assigned(ws, "review", per_case=1)
        return build_packages(ws, "review", None, root / "packages", PASS)[0]
    finally:
        ws.close()


class JudgePrompter(Prompter):
    """Answers every question the judge's side asks from queues; fails the test on one not expected.

    Test modules use it as their ``prompter`` fixture (the ``ctx`` fixture then carries it)."""

    def __init__(self) -> None:
        self.directories: list[Path | None] = []
        self.files: list[Path | None] = []
        self.access_codes: list[str | None] = []
        self.recuse_reasons: list[str | None] = []
        self.asked: list[str] = []
        self.summaries: list[tuple[PackageSummary, bool]] = []  # what the access-code dialog showed

    def choose_directory(self, parent: Any, title: str, start: str = "") -> Path | None:
        self.asked.append(title)
        assert self.directories, f"unexpected folder question: {title}"
        return self.directories.pop(0)

    def choose_file(self, parent: Any, title: str, name_filter: str, start: str = "") -> Path | None:
        self.asked.append(title)
        assert self.files, f"unexpected file question: {title}"
        return self.files.pop(0)

    def ask(self, dialog: Any, answer: Any) -> Any:
        """The judge's own questions, answered from the queues like a judge would fill the dialog."""
        try:
            if isinstance(dialog, AccessCodeDialog):
                self.asked.append("access_code")
                self.summaries.append((dialog.summary, dialog.reopening))
                assert self.access_codes, f"unexpected access code question for {dialog.summary.path}"
                code = self.access_codes.pop(0)
                if code is None:
                    return None
                dialog.code.setText(code)
                return answer()
            if isinstance(dialog, RecuseDialog):
                self.asked.append("recuse_reason")
                assert self.recuse_reasons, "unexpected recusal question"
                reason = self.recuse_reasons.pop(0)
                if reason is None:
                    return None
                dialog.reason.setPlainText(reason)
                return answer()
            raise AssertionError(f"unexpected question: {dialog.objectName()}")
        finally:
            dialog.deleteLater()


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
