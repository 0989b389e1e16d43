# SPDX-License-Identifier: Apache-2.0
"""What the judge's GUI tests share: a small signed package, a demo competition's packages, a prompter
that also answers the judge's questions (access code, recusal reason), typing a score as a judge does."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from app.bundles.package import BuiltPackage, build_packages
from app.casebook import NewCase, add_case
from app.demo import generate_demo
from app.judge_home import PackageSummary
from app.judging.assignment import ensure_assigned
from app.judging.roster import NewJudge, add_judge
from app.rounds.service import first_judged_round
from app.workspace import Workspace
from tests.ui.conftest import FakePrompter
from ui.judge.access_code_dialog import AccessCodeDialog
from ui.judge.recuse_dialog import RecuseDialog
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
        ensure_assigned(ws, "review", per_case=1)
        return build_packages(ws, "review", None, root / "packages", PASS)[0]
    finally:
        ws.close()


def demo_packages(
    root: Path, *, cases: int, judges: int, videos: int, passphrase: str = PASS, external_media: bool = False
) -> list[BuiltPackage]:
    """A demo competition in ``root/ws`` and its judges' signed packages (in ``root/packages``) for the
    first round judges score."""
    ws = generate_demo(root / "ws", cases=cases, judges=judges, videos=videos)
    try:
        round_key = first_judged_round(ws)
        ensure_assigned(ws, round_key)
        return build_packages(
            ws, round_key, None, root / "packages", passphrase, external_media=external_media
        )
    finally:
        ws.close()


class JudgePrompter(FakePrompter):
    """The test prompter, answering also the judge's own questions (access code, recusal reason) from
    queues, the way a judge fills those dialogs; anything else is asked as ``FakePrompter`` asks it.

    Test modules use it as their ``prompter`` fixture (the ``ctx`` fixture then carries it)."""

    def __init__(self) -> None:
        super().__init__()
        self.access_codes: list[str | None] = []
        self.recuse_reasons: list[str | None] = []
        self.summaries: list[tuple[PackageSummary, bool]] = []  # what the access-code dialog showed

    def ask(self, dialog: Any, answer: Any) -> Any:
        """The judge's own questions, answered from the queues like a judge would fill the dialog."""
        if isinstance(dialog, AccessCodeDialog):
            self.summaries.append((dialog.summary, dialog.reopening))
            return self._answer(dialog, answer, "access_code", self.access_codes, dialog.code.setText)
        if isinstance(dialog, RecuseDialog):
            return self._answer(
                dialog, answer, "recuse_reason", self.recuse_reasons, dialog.reason.setPlainText
            )
        return super().ask(dialog, answer)

    def _answer(
        self, dialog: Any, answer: Any, question: str, queue: list[str | None], fill: Callable[[str], None]
    ) -> Any:
        """Fill ``dialog`` with the next queued text and press OK (None in the queue: cancel)."""
        self.asked.append(question)
        try:
            assert queue, f"unexpected {question} question"
            text = queue.pop(0)
            if text is None:
                return None
            fill(text)
            return answer()
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
