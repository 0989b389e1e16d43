# SPDX-License-Identifier: Apache-2.0
"""The desk's table models pass Qt's model tester, and the matrix stays a model on a 3,000-case ×
120-judge round: no widget per cell, filters and sorting over every case, cells read on demand."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from app import glossary
from app.bundles.merge import MergeOutcome
from app.glossary import Phrase
from app.glossary.bundles import MERGE
from app.glossary.terms import outcome_name, score_state_name
from app.judging.assignment.views import AssignmentMatrix, Cell, HardPair, MatrixCase, MatrixJudge, SoftCell
from app.judging.handout import IssuedView
from app.judging.roster import JudgeRow
from app.rounds.advance import AdvanceProposal, ProposalGroup, ProposedCase
from ui.desk.advance_dialog import COL_CHECK, COL_REASON, ProposalModel
from ui.desk.matrix_model import (
    FIXED,
    HARD_MARK,
    MARKS,
    AssignmentMatrixModel,
    ConflictRole,
    MatrixFilterProxy,
    StateRole,
)
from ui.desk.outcome_model import COL_OUTCOME, OutcomeModel
from ui.desk.outcome_model import COL_REASON as OUTCOME_REASON
from ui.desk.packages_model import IssuedModel
from ui.desk.progress_model import COL, JudgeProgressModel
from ui.desk.roster_model import RosterFilterProxy, RosterModel
from ui.style import theme_colors

STATES = ("not_started", "draft", "submitted", "recused")


def synthetic_matrix(cases: int, judges: int, per_case: int, seed: int = 3) -> AssignmentMatrix:
    """A round as ``assignment_matrix`` returns it: each case on ``per_case`` judges in turn, a hard
    pair and a soft pair per judge, states spread over the four."""
    rng = random.Random(seed)
    case_rows = tuple(
        MatrixCase(i + 1, f"C{i:05d}", f"医院{i // 2}", 1 + i % 10, per_case) for i in range(cases)
    )
    cells, load = [], [0] * judges
    for i in range(cases):
        for k in range(per_case):
            j = (i * per_case + k) % judges
            load[j] += 1
            cells.append(Cell(i + 1, j + 1001, rng.choice(STATES), None))
    judge_rows = tuple(
        MatrixJudge(
            j + 1001,
            f"J{j + 1:03d}",
            f"评委{j}",
            (1 + j % 10, 1 + (j + 3) % 10),
            load[j],
            0,
            0,
            0,
            None,
            None,
        )
        for j in range(judges)
    )
    taken = {(c.case_id, c.judge_id) for c in cells}
    hard = [
        HardPair(i, 1001 + (i * 7) % judges, "institution")
        for i in range(1, cases + 1, max(1, cases // judges))
    ]
    hard = [h for h in hard if (h.case_id, h.judge_id) not in taken]
    soft = [SoftCell(i, 1001 + (i * 11) % judges, "same_province") for i in range(2, cases + 1, 5)]
    return AssignmentMatrix("review", per_case, case_rows, judge_rows, tuple(cells), tuple(hard), tuple(soft))


def test_matrix_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = AssignmentMatrixModel()
    model.set_matrix(synthetic_matrix(40, 8, 3))
    qtmodeltester.check(model, force_py=True)
    model.set_matrix(None)
    qtmodeltester.check(model, force_py=True)


def test_matrix_cells_say_state_and_conflict_in_words_and_colours(qapp: Any) -> None:
    matrix = synthetic_matrix(30, 6, 2)
    model = AssignmentMatrixModel()
    model.set_matrix(matrix)
    colors = theme_colors()
    cell = matrix.cells[0]
    index = model.index(0, model.column_of_judge(cell.judge_id))
    assert index.data() == MARKS[cell.state]
    assert index.data(StateRole) == cell.state
    assert score_state_name(cell.state) in index.data(Qt.ItemDataRole.ToolTipRole)
    hard = matrix.hard[0]
    row = next(r for r in range(model.rowCount()) if model.case_at(r).case_id == hard.case_id)
    index = model.index(row, model.column_of_judge(hard.judge_id))
    assert index.data() == HARD_MARK
    assert index.data(ConflictRole) == "institution"
    assert index.data(Qt.ItemDataRole.BackgroundRole) == colors.hard
    soft = next(
        p
        for p in matrix.soft
        if model.cell(p.case_id, p.judge_id) is None and not model.hard(p.case_id, p.judge_id)
    )
    row = next(r for r in range(model.rowCount()) if model.case_at(r).case_id == soft.case_id)
    index = model.index(row, model.column_of_judge(soft.judge_id))
    assert index.data() == ""
    assert index.data(Qt.ItemDataRole.BackgroundRole) == colors.soft
    assert model.headerData(FIXED, Qt.Orientation.Horizontal).split("\n") == [
        "J001",
        "评委0",
        str(matrix.judges[0].assigned),
    ]
    assert model.headerData(0, Qt.Orientation.Vertical) == "C00000"


@pytest.mark.slow
def test_qts_model_tester_passes_over_a_whole_3000_by_120_round(qtmodeltester: Any) -> None:
    model = AssignmentMatrixModel()
    model.set_matrix(synthetic_matrix(3000, 120, 5))
    qtmodeltester.check(model)  # Qt's own tester (C++): it reads every one of the 366,000 cells


def test_a_3000_by_120_round_stays_a_model(qtbot: Any) -> None:
    matrix = synthetic_matrix(3000, 120, 5)
    model = AssignmentMatrixModel()
    model.set_matrix(matrix)
    assert (model.rowCount(), model.columnCount()) == (3000, FIXED + 120)
    proxy = MatrixFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.resize(1366, 700)
    view.show()
    qtbot.waitExposed(view)
    assert not view.findChildren(QTableView)  # the table paints cells: no widget stands in one
    proxy.set_filters(theme=3, text="", only_short=False, judges_of_theme=True)
    assert proxy.rowCount() == 300  # every tenth case is theme 3
    assert all(
        model.case_at(proxy.mapToSource(proxy.index(r, 0)).row()).theme == 3 for r in range(proxy.rowCount())
    )
    judges = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(FIXED, proxy.columnCount())]
    assert len(judges) == sum(1 for j in matrix.judges if 3 in j.expertise) == 24
    proxy.set_filters(theme=None, text="C0299", only_short=False, judges_of_theme=False)
    assert proxy.rowCount() == 10
    proxy.set_filters(theme=None, text="", only_short=False, judges_of_theme=False)
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.case_at(proxy.mapToSource(proxy.index(0, 0)).row()).theme == 10


def _judge(i: int, **kw: Any) -> MatrixJudge:
    base: dict[str, Any] = dict(
        judge_id=i,
        code=f"J{i:03d}",
        name=f"评委{i}",
        expertise=(1,),
        assigned=10,
        scored=4,
        submitted=3,
        recused=1,
        last_bundle_revision=None,
        last_bundle_at=None,
    )
    base.update(kw)
    return MatrixJudge(**base)


def test_progress_model(qtmodeltester: Any) -> None:
    model = JudgeProgressModel()
    at = datetime(2026, 11, 29, 5, 30, tzinfo=UTC).replace(tzinfo=None)
    model.set_judges(
        (
            _judge(1, last_bundle_revision=1764393000, last_bundle_at=at),
            _judge(2, assigned=12, submitted=12, scored=12),
            _judge(3, assigned=9),
        )
    )
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, COL["revision"]).data() == "1764393000"
    assert model.index(0, COL["bundle"]).data().startswith("2026-11-29")
    assert model.index(1, COL["done"]).data() == "100 %"
    colors = theme_colors()
    assert model.index(1, COL["done"]).data(Qt.ItemDataRole.ForegroundRole) == colors.approved
    # loads 12 and 9 are three apart: both ends are marked
    assert model.index(1, COL["assigned"]).data(Qt.ItemDataRole.ForegroundRole) == colors.warning
    assert model.index(2, COL["assigned"]).data(Qt.ItemDataRole.ForegroundRole) == colors.warning
    assert model.index(0, COL["assigned"]).data(Qt.ItemDataRole.ForegroundRole) is None


def test_roster_model_and_search(qtmodeltester: Any) -> None:
    model = RosterModel()
    model.set_rows(
        [
            JudgeRow(1, "J001", "钱专家", "北京协和医院", "北京市", (1, 2)),
            JudgeRow(2, "J002", "孙专家", "县医院", "浙江省", (3,), status="dropped", drop_reason="生病"),
        ]
    )
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 6).data() == "主题1、主题2"
    assert model.index(1, 8).data(Qt.ItemDataRole.ToolTipRole).endswith("生病")
    proxy = RosterFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_text("协和")
    assert proxy.rowCount() == 1
    proxy.set_text("主题3")
    assert proxy.index(0, 0).data() == "J002"


def test_outcome_model_names_every_outcome(qtmodeltester: Any) -> None:
    model = OutcomeModel()
    for code in ("merged", "bad_signature", "duplicate"):
        why = Phrase(MERGE, code, {"judge": "J001", "revision": 7, "scores": 12})
        model.add(MergeOutcome(Path(f"/b/{code}.leitai-scores"), code, why, judge="J001", revision=7))
    qtmodeltester.check(model, force_py=True)
    assert [model.index(r, COL_OUTCOME).data() for r in range(3)] == [
        outcome_name("merged"),
        outcome_name("bad_signature"),
        outcome_name("duplicate"),
    ]
    colors = theme_colors()
    assert model.index(1, COL_OUTCOME).data(Qt.ItemDataRole.ForegroundRole) == colors.violation
    assert model.index(2, OUTCOME_REASON).data() == "这份评分包已经合并过，没有变化。"
    assert model.index(0, OUTCOME_REASON).data() == "已合并评委 J001 的评分（修订号 7，12 项分数）。"
    glossary.set_language("en")
    assert model.index(1, OUTCOME_REASON).data().startswith("Refused: the judge's signature does not match")
    assert model.index(0, OUTCOME_REASON).data() == "Merged judge J001's scores (revision 7, 12 scores)."
    assert model.index(0, COL_OUTCOME).data() == "Merged"


def test_issued_model_ticks(qtmodeltester: Any) -> None:
    model = IssuedModel()
    model.set_rows(
        [
            IssuedView(1, "J001", "甲", 5, "current", 1, "J001-review.leitai-pkg", datetime(2026, 1, 1)),
            IssuedView(2, "J002", "乙", 5, "outdated", 2, "J002-review.leitai-pkg", datetime(2026, 1, 1)),
            IssuedView(3, "J003", "丙", 4, "none", None, "", None),
        ]
    )
    qtmodeltester.check(model, force_py=True)
    model.setData(model.index(2, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.picked() == [1, 3]


def test_proposal_model_asks_a_reason_for_each_change(qtmodeltester: Any) -> None:
    cases = tuple(
        ProposedCase(i, f"C{i}", f"案例{i}", "医院", 1, "华北", i, 90.0 - i, False, i <= 2)
        for i in range(1, 5)
    )
    proposal = AdvanceProposal(
        "review", "semifinal", "award", "advance", True, (ProposalGroup("theme:1", "主题1", 2, False, cases),)
    )
    model = ProposalModel()
    model.set_proposal(proposal)
    qtmodeltester.check(model, force_py=True)
    assert model.advancing() == 2
    assert model.adjustments() == []
    assert not model.flags(model.index(2, COL_REASON)) & Qt.ItemFlag.ItemIsEditable
    model.set_chosen("C3", True)
    model.set_chosen("C1", False)
    assert [(a.case, a.include, a.reason) for a in model.adjustments()] == [
        ("C1", False, ""),
        ("C3", True, ""),
    ]
    assert model.flags(model.index(2, COL_REASON)) & Qt.ItemFlag.ItemIsEditable
    model.set_reason("C3", "并列第二，评委会复议")
    assert model.index(2, COL_CHECK).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert [a.reason for a in model.adjustments()] == ["", "并列第二，评委会复议"]
