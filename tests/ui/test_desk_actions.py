# SPDX-License-Identifier: Apache-2.0
"""The desk's other actions, each through the GUI: a proven "no solution" named case by case, manual
edits checked by the rules (a warning said, a hard conflict refused), a drop-out with new packages,
round settings, advancing with reasons, editing a judge and their conflicts, and the way in from the
organizer's window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.glossary.assignment import EDIT_WARNINGS
from app.judging.assignment import assign_round
from app.judging.roster import NewJudge, add_judge, list_judges
from app.rounds.advance import RankedCase
from app.rounds.service import get_round, member_cases
from app.workspace import Workspace
from tests.ui.conftest import FakePrompter
from tests.ui.desk_support import PASS, open_desk, open_world, wait_loaded
from ui.context import AppContext
from ui.desk.assign_dialogs import EditRequest, InfeasibleDialog
from ui.desk.desk_services import DeskServices
from ui.desk.desk_view import DeskView
from ui.main_window import PAGE_DESK, PAGE_ORGANIZER, MainWindow


@pytest.fixture
def desk_ws(tmp_path: Path) -> Iterator[Workspace]:
    with open_world(tmp_path) as ws:
        yield ws


@pytest.fixture
def desk(qtbot: Any, ctx: AppContext, desk_ws: Workspace) -> Iterator[DeskView]:
    with open_desk(qtbot, ctx, desk_ws) as view:
        yield view


def _judges(ws: Workspace, *people: tuple[str, str, str]) -> None:
    for name, institution, province in people:
        add_judge(ws, NewJudge(name=name, institution=institution, province=province))


def _error_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorBox" and w.isVisible()]


def test_no_solution_is_named_case_by_case_and_changes_nothing(
    qtbot: Any, desk: DeskView, desk_ws: Workspace, prompter: FakePrompter
) -> None:
    _judges(desk_ws, ("甲", "单位甲", "北京"), ("乙", "单位乙", "上海"))
    desk.refresh()
    wait_loaded(qtbot, desk, lambda: len(desk.snapshot.judges) == 2)

    def fill(dialog: Any) -> bool:
        dialog.per_case.setValue(3)
        return True

    prompter.fillers.append(fill)
    qtbot.mouseClick(desk.matrix_tab.assign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(desk.matrix_tab.dialog, InfeasibleDialog), timeout=20000)
    dialog = desk.matrix_tab.dialog
    assert dialog.isVisible()
    items = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    joined = "\n".join(items)
    assert all(f"2022-{i:04d}" in joined for i in range(1, 9))  # every case is named
    assert all("2" in text and "3" in text for text in items)  # 2 eligible judges, K = 3
    wait_loaded(qtbot, desk)
    assert desk.snapshot.matrix is not None
    assert desk.snapshot.matrix.cells == ()
    dialog.close()


def test_manual_edits_say_their_warnings_and_refuse_a_hard_conflict(
    qtbot: Any, desk: DeskView, desk_ws: Workspace, prompter: FakePrompter
) -> None:
    # 2022-0001 is a case of 四川第0人民医院 in 四川: 乙 works there (hard), 丙 is from 四川 (soft)
    _judges(desk_ws, ("甲", "单位甲", "北京"), ("乙", "四川第0人民医院", "上海"), ("丙", "单位丙", "四川"))
    assign_round(desk_ws, "review", 1, seed=1)
    desk.refresh()
    wait_loaded(qtbot, desk, lambda: len(desk.snapshot.matrix.cells) == 8)
    tab = desk.matrix_tab
    case = tab.model.case_at(0)
    holder = next(j for j in tab.model.judges() if tab.model.cell(case.case_id, j.judge_id) is not None)

    assert holder.code == "J001"  # 乙 may not, 丙 is avoided while 甲 can take it

    # a hard conflict is refused with its reason, and nothing changes
    tab.apply_edit(EditRequest("add", case.code, "J002", None, ""))
    qtbot.waitUntil(lambda: bool(_error_boxes()), timeout=20000)
    assert "四川第0人民医院" in _error_boxes()[0].text()
    _error_boxes()[0].close()
    wait_loaded(qtbot, desk)
    judge_ids = {j.code: j.judge_id for j in tab.model.judges()}
    assert tab.model.cell(case.case_id, judge_ids["J002"]) is None

    # swapping the case's judge for 丙 (same province) is allowed and warned about
    tab.select_cell(case.code, holder.code)

    def fill(dialog: Any) -> bool:
        dialog.incoming.setCurrentIndex(dialog.incoming.findData("J003"))
        dialog.reason.setText("原评委出差")
        return True

    prompter.fillers.append(fill)
    assert tab.swap_button.isEnabled()
    qtbot.mouseClick(tab.swap_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, desk, lambda: tab.warnings.isVisibleTo(tab))
    expected = EDIT_WARNINGS["same_province"].text(judge="J003", case=case.code)
    assert expected in tab.warnings.text()
    assert tab.model.cell(case.case_id, judge_ids["J003"]) is not None
    assert tab.model.cell(case.case_id, holder.judge_id) is None


def test_a_drop_out_hands_cases_over_and_rebuilds_packages(
    qtbot: Any, desk: DeskView, desk_ws: Workspace, prompter: FakePrompter, tmp_path: Path
) -> None:
    _judges(desk_ws, ("甲", "单位甲", "北京"), ("乙", "单位乙", "上海"), ("丙", "单位丙", "天津"))
    assign_round(desk_ws, "review", 2, seed=2)
    from app.bundles.package import build_packages

    build_packages(desk_ws, "review", None, tmp_path / "p", PASS)
    desk.refresh()
    wait_loaded(qtbot, desk, lambda: len(desk.snapshot.packages) == 3)
    desk.roster_tab.select("J001")

    def fill(dialog: Any) -> bool:
        dialog.reason.setText("生病，无法评审")
        dialog.folder.setText(str(tmp_path / "new"))
        dialog.passphrase.setText(PASS)
        return True

    prompter.fillers.append(fill)
    qtbot.mouseClick(desk.roster_tab.drop_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, desk, lambda: not desk.roster_tab.model.rows()[0].active)
    assert desk.roster_tab.model.rows()[0].drop_reason == "生病，无法评审"
    matrix = desk.snapshot.matrix
    assert matrix is not None
    assert all(c.judges == 2 for c in matrix.cases)
    assert all(j.assigned == 0 for j in matrix.judges if j.code == "J001")
    rebuilt = {b.judge_code for b in desk.packages_tab.built.rows()}
    assert rebuilt == {"J002", "J003"}
    assert all((tmp_path / "new" / b.path.name).is_file() for b in desk.packages_tab.built.rows())
    assert desk.roster_tab.report_box.objectName() == "dropOutReport"


def test_round_settings_are_saved_through_the_service(qtbot: Any, desk: DeskView, desk_ws: Workspace) -> None:
    tab = desk.rounds_tab
    assert tab.selected is not None
    assert tab.selected.key == "review"
    tab.per_case.setValue(4)
    tab.region.setChecked(True)
    tab.expertise.setCurrentIndex(tab.expertise.findData("require"))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, desk, lambda: desk.round_view("review").settings.judges_per_case == 4)
    settings = get_round(desk_ws, "review").settings
    assert (settings.judges_per_case, settings.avoid_same_region, settings.expertise) == (4, True, "require")


def test_advancing_takes_the_list_and_a_reason_for_each_change(
    qtbot: Any, desk: DeskView, desk_ws: Workspace, prompter: FakePrompter
) -> None:
    row = desk.rounds_tab.model.row_of("semifinal")
    desk.rounds_tab.table.selectRow(row)
    assert desk.rounds_tab.advance_button.isVisibleTo(desk.rounds_tab)

    def fill(dialog: Any) -> bool:
        # the dialog opens on the ranking's proposal; the organizer then pastes a list of their own
        qtbot.waitUntil(lambda: dialog.model.proposal is not None, timeout=10000)
        dialog.codes.setPlainText("2022-0001, 2022-0002\n2022-0003")
        dialog.propose(from_list=True)
        qtbot.waitUntil(lambda: dialog.model.proposal is not None, timeout=10000)
        assert dialog.model.advancing() == 3
        dialog.model.set_chosen("2022-0003", False)
        dialog.model.set_chosen("2022-0005", True)
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        assert not ok.isEnabled()  # two changes, no reasons yet
        dialog.model.set_reason("2022-0003", "材料不全")
        dialog.model.set_reason("2022-0005", "专家复议后补入")
        assert ok.isEnabled()
        return True

    prompter.fillers.append(fill)
    qtbot.mouseClick(desk.rounds_tab.advance_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, desk, lambda: desk.round_view("semifinal").cases == 3)
    members = {m.code: m for m in member_cases(desk_ws, "semifinal")}
    assert set(members) == {"2022-0001", "2022-0002", "2022-0005"}
    assert members["2022-0005"].reason == "专家复议后补入"


def test_a_judge_is_edited_and_a_conflict_declared(
    qtbot: Any, desk: DeskView, desk_ws: Workspace, prompter: FakePrompter
) -> None:
    _judges(desk_ws, ("甲", "单位甲", "北京"))
    desk.refresh()
    wait_loaded(qtbot, desk, lambda: len(desk.snapshot.judges) == 1)
    desk.roster_tab.select("J001")

    def fill_judge(dialog: Any) -> bool:
        dialog.institution.setText("北京第2人民医院")
        dialog.themes[3].setChecked(True)
        dialog.themes[5].setChecked(True)
        return True

    prompter.fillers.append(fill_judge)
    qtbot.mouseClick(desk.roster_tab.edit_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, desk, lambda: desk.roster_tab.model.rows()[0].expertise == (3, 5))
    judge = list_judges(desk_ws)[0]
    assert judge.institution == "北京第2人民医院"
    assert judge.conflicts == 1  # the institution competes: a conflict at once

    def fill_conflicts(dialog: Any) -> bool:
        qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=10000)
        dialog.case.setChecked(True)
        dialog.target.setText("2022-0004")
        dialog.reason.setText("曾指导该项目")
        dialog.declare()
        qtbot.waitUntil(lambda: dialog.list.count() == 2, timeout=10000)
        assert "曾指导该项目" in dialog.list.item(1).text()
        return True

    prompter.fillers.append(fill_conflicts)
    qtbot.mouseClick(desk.roster_tab.conflicts_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, desk, lambda: desk.roster_tab.model.rows()[0].conflicts == 2)


def test_the_organizer_reaches_the_desk_and_comes_back(
    qtbot: Any, ctx: AppContext, desk_ws: Workspace
) -> None:
    root = desk_ws.root
    desk_ws.close()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.open_workspace(root)
    qtbot.waitUntil(
        lambda: window.current_page() == PAGE_ORGANIZER and window.organizer.model.rowCount() == 8
    )
    assert not window.page_built(PAGE_DESK)  # built when first shown (start-up speed)
    window.named_actions["judging_desk"].trigger()
    assert window.current_page() == PAGE_DESK
    desk = window.desk
    wait_loaded(qtbot, desk)
    assert desk.round_key == "review"
    assert desk.round_view().cases == 8
    assert desk.matrix_tab.assign_button.isEnabled()
    qtbot.mouseClick(desk.back_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == PAGE_ORGANIZER
    window.close_workspace()
    assert desk.workspace is None


def test_the_advance_proposal_follows_the_results_ranking(
    qtbot: Any, ctx: AppContext, desk_ws: Workspace, prompter: FakePrompter
) -> None:
    # the review's ranking puts the later case of each theme first, and as the results engine does, the
    # ranking says who holds "advance" (20 % of two: the best of each theme); the proposal sends them on
    members = member_cases(desk_ws, "review")
    cases = {m.code: m.case_id for m in members}
    best = {}
    for m in sorted(members, key=lambda m: m.code, reverse=True):
        best.setdefault(m.theme, m.code)
    ranked = [
        RankedCase(cases[code], 90.0 - i, awards=("advance",) if code in best.values() else ())
        for i, code in enumerate(sorted(cases, reverse=True))
    ]
    services = DeskServices(ranking=lambda _ws: lambda _key: ranked)
    view = DeskView(ctx, services)
    qtbot.addWidget(view)
    view.set_workspace(desk_ws)
    wait_loaded(qtbot, view)
    view.rounds_tab.table.selectRow(view.rounds_tab.model.row_of("semifinal"))

    def fill(dialog: Any) -> bool:
        qtbot.waitUntil(lambda: dialog.model.proposal is not None, timeout=10000)
        assert dialog.model.proposal.ranked
        proposed = {c.code for g in dialog.model.proposal.groups for c in g.cases if c.proposed}
        assert proposed == {"2022-0005", "2022-0006", "2022-0007", "2022-0008"}
        return True

    prompter.fillers.append(fill)
    qtbot.mouseClick(view.rounds_tab.advance_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, view, lambda: view.round_view("semifinal").cases == 4)
    assert {m.admission for m in member_cases(desk_ws, "semifinal")} == {"rule"}
    view.shutdown()
