# SPDX-License-Identifier: Apache-2.0
"""The results page on a played-through demo season: each group's ranking as the results engine ranks
it (评委1…N, ties, drafts counted), the scoring method changed and audited, a tie drawn and an award
overridden from the page, the consistency chart, the cusp list, exports off the GUI thread, and a
verification that names a tampered case. The demo's review is played once per module; each test gets a
copy."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from app.demo import generate_demo
from app.demo.season import play_through
from app.intake.screening import list_hospitals
from app.models import AuditEvent
from app.results.service import round_results, season_awards
from app.results.text import score_text
from app.workspace import Workspace
from ui.context import AppContext
from ui.main_window import PAGE_ORGANIZER, MainWindow
from ui.results.hook import PAGE_RESULTS
from ui.results.ranking_model import FIXED, RankedRole, RankingModel, RankingProxy, SortRole
from ui.results.records_model import RecordsModel
from ui.results.results_view import ResultsView
from ui.style import STYLE_SHEET

REVIEW = "review"


@pytest.fixture(scope="module")
def season(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small 2022 season played through the expert review (24 cases, 6 judges), closed again."""
    root = tmp_path_factory.mktemp("season")
    ws = generate_demo(root / "ws", cases=24, judges=6, videos=0)
    try:
        play_through(ws, root / "files", REVIEW)
        with ws.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        ws.close()
    return root / "ws"


@pytest.fixture
def ws(season: Path, tmp_path: Path) -> Iterator[Workspace]:
    shutil.copytree(season, tmp_path / "ws", ignore=shutil.ignore_patterns("*-wal", "*-shm"))
    workspace = Workspace.open(tmp_path / "ws")
    yield workspace
    workspace.close()


def open_view(qtbot: Any, ctx: AppContext, ws: Workspace, round_key: str = REVIEW) -> ResultsView:
    view = ResultsView(ctx)
    view.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))  # as the app styles it (colours, sizes)
    qtbot.addWidget(view)
    view.resize(1366, 720)
    view.set_workspace(ws)
    view.show()
    qtbot.waitUntil(lambda: view.snapshot is not None and not view.loading, timeout=20000)
    if view.round_key() != round_key:
        reload(qtbot, view, round_key)
    return view


def reload(qtbot: Any, view: ResultsView, round_key: str | None = None) -> None:
    """Read again and wait until the page shows the new snapshot."""
    before = view.snapshot
    view.refresh(round_key)
    qtbot.waitUntil(lambda: view.snapshot is not before and not view.loading, timeout=20000)


def shown_rows(view: ResultsView) -> list[Any]:
    proxy = view.ranking.proxy
    return [proxy.index(r, 0).data(RankedRole) for r in range(proxy.rowCount())]


def test_models_pass_qtmodeltester(qtmodeltester: Any, ws: Workspace) -> None:
    results = round_results(ws, REVIEW)
    model = RankingModel()
    model.set_group(None, None, None)
    qtmodeltester.check(model, force_py=True)
    model.set_group(results, results.groups[0], ws.rules)
    qtmodeltester.check(model, force_py=True)
    assert model.columnCount() == len(FIXED) + len(results.groups[0].judges)
    judges: RecordsModel[Any] = RecordsModel([])
    judges.set_records(results.consistency.judges)
    qtmodeltester.check(judges, force_py=True)
    # last: the tester stays connected to what it checked, and a proxy resets with its source
    proxy = RankingProxy()
    proxy.setSourceModel(model)
    proxy.set_text("2022")
    qtmodeltester.check(proxy, force_py=True)
    assert proxy.rowCount() == model.rowCount()


def test_each_group_shows_the_engines_ranking_with_each_judges_mark(
    qtbot: Any, ctx: AppContext, ws: Workspace
) -> None:
    view = open_view(qtbot, ctx, ws)
    results = round_results(ws, REVIEW)
    assert view.ranking.group.count() == len(results.groups)
    for index, group in enumerate(results.groups[:3]):
        view.ranking.group.setCurrentIndex(index)
        model = view.ranking.model
        assert [r.case.id for r in shown_rows(view)] == [c.case.id for c in group.cases]
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        assert headers[: len(FIXED)] == ["排名", "案例编号", "案例名称", "医院", "赛区", "本轮得分", "奖项"]
        assert headers[len(FIXED) :] == [f"评委{n + 1}" for n in range(len(group.judges))]
        first = group.cases[0]
        row = [model.index(0, c).data() for c in range(model.columnCount())]
        assert row[0] == str(first.rank)
        assert row[5] == score_text(first.result.score)
        marks = {m.judge_code: score_text(m.total) for m in first.result.marks}
        assert [row[len(FIXED) + i] for i, j in enumerate(group.judges) if j in marks] == [
            marks[j] for j in group.judges if j in marks
        ]
    # sorting by score, lowest first, is the ranking upside down
    view.ranking.table.sortByColumn(FIXED.index("score"), Qt.SortOrder.AscendingOrder)
    scores = [
        view.ranking.proxy.index(r, FIXED.index("score")).data(SortRole)
        for r in range(view.ranking.proxy.rowCount())
    ]
    assert scores == sorted(scores)
    assert "草稿 0 份" in view.counts.text()


def test_a_draft_is_counted_and_never_enters_a_score(qtbot: Any, ctx: AppContext, ws: Workspace) -> None:
    group = round_results(ws, REVIEW).groups[0]
    case = group.cases[0]
    judge = case.result.marks[0].judge_code
    with sqlite3.connect(ws.db_path) as db:  # the judge's sheet was merged as a draft after all
        db.execute(
            "UPDATE assignment SET submitted_at = NULL WHERE case_id = ? AND judge_id = "
            "(SELECT id FROM judge WHERE code = ?) AND round_id = (SELECT id FROM round WHERE key = ?)",
            (case.case.id, judge, REVIEW),
        )
    view = open_view(qtbot, ctx, ws)
    assert "草稿 1 份（不计入）" in view.counts.text()
    assert view.counts.property("state") == "warning"
    ranked = round_results(ws, REVIEW).case(case.case.id)
    assert ranked is not None
    assert judge not in {m.judge_code for m in ranked.result.marks}
    shown = next(r for r in view.ranking.model._rows if r.ranked.case.id == case.case.id).ranked
    assert shown.result.score == ranked.result.score


def test_the_scoring_method_changes_after_a_confirmation_and_is_audited(
    qtbot: Any, ctx: AppContext, ws: Workspace, prompter: Any
) -> None:
    view = open_view(qtbot, ctx, ws)
    method = view.method
    prompter.confirmations += [False, True]
    method.setCurrentIndex(method.findData("trimmed"))
    view.commands.change_method("trimmed")  # declined: nothing changes, the box goes back
    assert method.currentData() == "mean"
    assert round_results(ws, REVIEW).method == "mean"
    view.commands.change_method("trimmed")
    qtbot.waitUntil(
        lambda: view.snapshot is not None and view.snapshot.results.method == "trimmed", timeout=20000
    )
    assert method.currentData() == "trimmed"
    with ws.sessions() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "results.method")).one()
    assert (event.detail["before"], event.detail["after"]) == ("mean", "trimmed")


def _tie(ws: Workspace) -> tuple[int, int]:
    """Make the first two cases of the first review group equal on every step: every mark 10."""
    group = round_results(ws, REVIEW).groups[0]
    a, b = group.cases[0].case.id, group.cases[1].case.id
    with sqlite3.connect(ws.db_path) as db:
        db.execute(
            "UPDATE score SET value = 10 WHERE assignment_id IN (SELECT id FROM assignment WHERE case_id IN "
            "(?, ?) AND round_id = (SELECT id FROM round WHERE key = ?))",
            (a, b, REVIEW),
        )
    return a, b


def test_a_tie_is_shown_as_a_tie_then_settled_by_a_draw_from_the_page(
    qtbot: Any, ctx: AppContext, ws: Workspace, prompter: Any
) -> None:
    a, b = _tie(ws)
    view = open_view(qtbot, ctx, ws)
    tied = [r for r in shown_rows(view) if r.case.id in (a, b)]
    assert [(r.rank, r.tied) for r in tied] == [(tied[0].rank, True)] * 2
    texts = [view.ranking.proxy.index(r, 0).data() for r in range(2) if shown_rows(view)[r].tied]
    assert all(t.startswith("并列") for t in texts)
    assert view.pending.text()
    assert view.commands.draw.isEnabled()

    def fill(dialog: Any) -> bool:
        assert dialog.ties.count() >= 1
        dialog.seed.setText("7")
        return True

    prompter.fillers.append(fill)
    view.commands.record_draws()
    qtbot.waitUntil(lambda: bool(view.snapshot and view.snapshot.results.draws), timeout=20000)
    results = round_results(ws, REVIEW)
    assert [d.seed for d in results.draws] == [7]
    assert not any(r.tied for r in shown_rows(view))
    assert {r.decided_by for r in shown_rows(view) if r.case.id in (a, b)} == {"draw"}
    assert view.records.draws.rowCount() == 1


def test_an_award_is_overridden_with_a_reason_and_marked(
    qtbot: Any, ctx: AppContext, ws: Workspace, prompter: Any
) -> None:
    view = open_view(qtbot, ctx, ws)
    first = shown_rows(view)[0]
    assert "value_top10" in first.awards
    view.ranking.table.selectRow(0)

    def fill(dialog: Any) -> bool:
        assert dialog.subject.currentData() == first.case.code  # the selected case
        dialog.award.setCurrentIndex(dialog.award.findData("value_top10"))
        assert dialog.withdraw.isChecked()  # it holds the award: withdrawing is proposed
        assert not dialog.ok.isEnabled()  # no reason yet
        dialog.reason.setPlainText("材料存在抄袭，经评审委员会复议撤销")
        assert dialog.ok.isEnabled()
        return True

    prompter.fillers.append(fill)
    view.commands.override_award()
    qtbot.waitUntil(lambda: bool(view.snapshot and view.snapshot.results.overrides), timeout=20000)
    ranked = round_results(ws, REVIEW).case(first.case.id)
    assert ranked is not None
    assert "value_top10" not in ranked.awards
    row = view.ranking.model.row_of_case(first.case.id)
    assert row is not None
    awards = view.ranking.model.index(row, FIXED.index("awards"))
    assert "撤销" in awards.data()
    assert "材料存在抄袭" in awards.data(Qt.ItemDataRole.ToolTipRole)
    assert awards.data(Qt.ItemDataRole.ForegroundRole) is not None  # in the override colour
    assert view.records.overrides.rowCount() == 1
    view.ranking.award.setCurrentIndex(view.ranking.award.findData("__overridden__"))
    assert [r.case.id for r in shown_rows(view)] == [first.case.id]


def test_a_season_award_is_given_to_another_hospital_from_the_records_tab(
    qtbot: Any, ctx: AppContext, ws: Workspace, prompter: Any
) -> None:
    """最佳组织奖 goes by rule to the hospital with the most cases; the organizer may give it elsewhere."""
    view = open_view(qtbot, ctx, ws)
    view.tabs.setCurrentWidget(view.records)
    button = view.records.season_button
    assert button.isVisible()
    assert button.isEnabled()
    by_rule = {a.hospital for a in season_awards(ws) if a.award_key == "best_organization"}
    assert by_rule
    assert all(a.by_rule for a in season_awards(ws))
    other = next(h for h in list_hospitals(ws) if h.name not in by_rule)

    def fill(dialog: Any) -> bool:
        assert dialog.subject.count() == len(list_hospitals(ws))
        assert dialog.subject.itemText(0).startswith(sorted(by_rule)[0])  # most cases first
        assert {dialog.award.itemData(i) for i in range(dialog.award.count())} == {
            "best_organization",
            "best_management",
        }
        dialog.subject.setCurrentIndex(dialog.subject.findData(other.name))
        dialog.award.setCurrentIndex(dialog.award.findData("best_organization"))
        assert dialog.grant.isChecked()  # it does not hold the award: granting is proposed
        assert not dialog.ok.isEnabled()  # no reason yet
        dialog.reason.setPlainText("组委会决定：该院组织工作突出")
        return True

    prompter.fillers.append(fill)
    button.click()
    qtbot.waitUntil(lambda: any(not a.by_rule for a in view.snapshot.season), timeout=20000)
    granted = [a for a in season_awards(ws) if a.award_key == "best_organization"]
    assert {a.hospital for a in granted} == by_rule | {other.name}
    model = view.records.season
    shown = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert any(other.name in row and "经奖项调整授予" in row for row in shown), shown
    with ws.sessions() as session:
        audited = session.scalars(select(AuditEvent).where(AuditEvent.target == other.name)).all()
    assert audited


def test_the_consistency_chart_has_a_bar_per_judge_and_flags_outliers(
    qtbot: Any, ctx: AppContext, ws: Workspace
) -> None:
    view = open_view(qtbot, ctx, ws)
    assert view.consistency.chart is None  # QtCharts loads when the tab is first shown
    view.tabs.setCurrentIndex(1)
    chart = view.consistency.chart
    assert chart is not None
    judges = [j for j in round_results(ws, REVIEW).consistency.judges if j.severity is not None]
    assert [j.code for j in chart.judges] == [j.code for j in judges]
    assert chart.flagged_set is not None
    flagged = [chart.flagged_set.at(i) != 0 for i in range(len(judges))]
    assert flagged == [bool(j.flags) for j in judges]
    assert any(flagged)  # the demo seats a harsh, a lenient and an erratic judge
    assert "偏严" in chart.tooltip(next(i for i, j in enumerate(judges) if "harsh" in j.flags))
    assert view.consistency.model.rowCount() == len(round_results(ws, REVIEW).consistency.judges)


def test_the_cusp_list_is_the_engines(qtbot: Any, ctx: AppContext, ws: Workspace) -> None:
    view = open_view(qtbot, ctx, ws)
    results = round_results(ws, REVIEW)
    assert view.cusp.model.records() == list(results.cusp)


def test_export_writes_the_workbook_report_and_certificates(
    qtbot: Any, ctx: AppContext, ws: Workspace, prompter: Any, tmp_path: Path
) -> None:
    view = open_view(qtbot, ctx, ws)
    out = tmp_path / "out"

    def fill(dialog: Any) -> bool:
        dialog.folder.setText(str(out))
        return True

    prompter.fillers.append(fill)
    view.commands.export_round()
    qtbot.waitUntil(lambda: bool(view.commands.last_export), timeout=60000)
    names = {p.name for p in out.iterdir()}
    stem = view.round.currentText()
    assert {f"{stem}.xlsx", f"{stem}.pdf", f"{stem}-奖状"} <= names
    certificates = {p.name for p in (out / f"{stem}-奖状").iterdir()}
    assert {"十大价值案例.pdf", "主题决赛晋级资格.pdf", "最佳组织奖.pdf"} <= certificates


def test_verify_passes_then_names_the_case_whose_score_was_changed(
    qtbot: Any, ctx: AppContext, ws: Workspace, prompter: Any
) -> None:
    view = open_view(qtbot, ctx, ws)
    seen: list[tuple[str, list[str]]] = []

    def look(dialog: Any) -> bool:
        items = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
        seen.append((dialog.summary.property("state"), items))
        return True

    prompter.fillers.append(look)
    view.commands.verify_all()
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=60000)
    assert seen[0] == ("ok", [])
    case = round_results(ws, REVIEW).groups[0].cases[0].case
    with sqlite3.connect(ws.db_path) as db:
        db.execute(
            "UPDATE score SET value = value - 1 WHERE id = (SELECT score.id FROM score JOIN assignment "
            "ON assignment.id = score.assignment_id WHERE assignment.case_id = ? LIMIT 1)",
            (case.id,),
        )
    prompter.fillers.append(look)
    view.commands.verify_all()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=60000)
    state, problems = seen[1]
    assert state == "error"
    assert any(case.code in p for p in problems)


def test_votes_are_imported_from_a_sheet_with_its_columns_mapped(
    qtbot: Any, ctx: AppContext, ws: Workspace, prompter: Any, tmp_path: Path
) -> None:
    view = open_view(qtbot, ctx, ws)
    code = shown_rows(view)[0].case.code
    sheet = tmp_path / "votes.csv"
    sheet.write_text(f"案例编号,点赞数\n{code},4321\n", encoding="utf-8")  # 点赞数: a name the intake lacks
    prompter.files.append(sheet)

    def fill(dialog: Any) -> bool:
        dialog.findChild(QPushButton, "resultsVotesChoose").click()  # asks the prompter for the file
        assert dialog.columns.mapping() == {"case_id": "案例编号"}  # recognised
        assert not dialog.ok.isEnabled()  # the votes column is not
        dialog.columns.set_column("votes", "点赞数")
        assert dialog.ok.isEnabled()
        return True

    prompter.fillers.append(fill)
    messages: list[str] = []
    view.message.connect(messages.append)
    view.commands.import_votes()
    qtbot.waitUntil(lambda: bool(messages) and not view.loading, timeout=20000)
    assert "1 个案例的票数有变化" in messages[0]
    with sqlite3.connect(ws.db_path) as db:
        assert db.execute("SELECT votes FROM 'case' WHERE code = ?", (code,)).fetchone() == (4321,)


def test_the_organizer_reaches_the_results_and_nothing_is_cut_at_1366(
    qtbot: Any, ctx: AppContext, ws: Workspace
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.open_workspace(ws.root)
    qtbot.waitUntil(lambda: window.workspace is not None and not window.organizer.loading, timeout=20000)
    action = window.named_actions["results"]
    assert action in window.organizer.toolbar.actions()
    action.trigger()
    assert window.current_page() == PAGE_RESULTS
    view = window.page(PAGE_RESULTS)
    assert isinstance(view, ResultsView)
    qtbot.waitUntil(lambda: view.snapshot is not None and not view.loading, timeout=20000)
    toolbar = view.toolbar
    for a in toolbar.actions():
        if not a.isSeparator():
            button = toolbar.widgetForAction(a)
            assert button is not None
            assert button.isVisible(), a.text()  # none hidden behind the » button
    bar = view.tabs.tabBar()
    assert all(bar.tabRect(i).right() <= bar.width() for i in range(bar.count()))
    assert view.ranking.table.horizontalHeader().sectionSize(
        FIXED.index("title")
    ) >= 14 * view.ranking.table.fontMetrics().horizontalAdvance("中")
    view.commands.back.trigger()
    assert window.current_page() == PAGE_ORGANIZER
    window.close_workspace()
    assert view.workspace is None


def test_public_votes_rank_on_their_own_page_without_expert_scores(
    qtbot: Any, ctx: AppContext, tmp_path: Path
) -> None:
    ws = generate_demo(tmp_path / "ws2020", season=2020, cases=8, judges=0, videos=0)
    try:
        view = open_view(qtbot, ctx, ws, "voting")
        results = round_results(ws, "voting")
        assert view.round.currentText() == "案例网络投票"
        assert (view.method.currentText(), view.method.isEnabled()) == ("网络投票数", False)
        assert not view.tabs.isTabEnabled(1)  # no judges, no consistency
        model = view.ranking.model
        assert model.columnCount() == len(FIXED)  # no 评委 columns
        assert model.headerData(FIXED.index("score"), Qt.Orientation.Horizontal) == "网络投票"
        first = results.groups[0].cases[0]
        assert model.index(0, FIXED.index("score")).data() == f"{first.result.score:.0f}"
        assert "十大人气案例" in model.index(0, FIXED.index("awards")).data()
    finally:
        ws.close()
