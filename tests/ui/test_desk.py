# SPDX-License-Identifier: Apache-2.0
"""The judging desk driven like an organizer: enrol judges from a sheet (mapping a column by hand),
assign, build packages, print the slips, merge three bundles (one tampered) and read each judge's
progress; a proven "no solution"; manual edits checked by the rules; a drop-out; a watched folder."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pymupdf
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app.bundles.merge import REFUSALS
from app.bundles.package import build_packages
from app.glossary.terms import outcome_name
from app.judging.assignment import assign_round
from app.judging.roster import NewJudge, add_judge
from app.workspace import Workspace
from tests.ui.conftest import FakePrompter
from tests.ui.desk_support import PASS, open_desk, open_world, score_and_export, wait_loaded
from ui.context import AppContext
from ui.desk.desk_view import DeskView
from ui.desk.merge_tab import RELOAD_DELAY_MS
from ui.desk.outcome_model import COL_OUTCOME, CodeRole
from ui.desk.progress_model import COL


@pytest.fixture
def desk_ws(tmp_path: Path) -> Iterator[Workspace]:
    with open_world(tmp_path) as ws:
        yield ws


@pytest.fixture
def desk(qtbot: Any, ctx: AppContext, desk_ws: Workspace) -> Iterator[DeskView]:
    with open_desk(qtbot, ctx, desk_ws) as view:
        yield view


ROSTER = "2022年专家评委名单\n评审专家,工作单位,所在省份,擅长主题,手机\n{rows}"
JUDGES = (
    ("钱专家", "北京协和医院", "北京", "主题1、主题2", "13800000001"),
    ("孙专家", "浙江大学医学院附属第一医院", "浙江", "主题2", "13800000002"),
    ("李专家", "四川大学华西医院", "四川", "主题3、主题4", "13800000003"),
    ("周专家", "中山大学附属第一医院", "广东", "主题4、主题1", "13800000004"),
)


def _roster(tmp: Path) -> Path:
    path = tmp / "评委名单.csv"
    rows = "\n".join(",".join(j) for j in JUDGES)
    path.write_text(ROSTER.format(rows=rows), encoding="utf-8-sig")
    return path


def _progress(desk: DeskView) -> dict[str, tuple[str, str, str]]:
    model = desk.merge_tab.progress
    out = {}
    for r in range(model.rowCount()):
        cells = [
            model.index(r, c).data() for c in (COL["code"], COL["assigned"], COL["scored"], COL["submitted"])
        ]
        out[cells[0]] = (cells[1], cells[2], cells[3])
    return out


def _enrol(qtbot: Any, desk: DeskView, prompter: FakePrompter, tmp_path: Path) -> None:
    def fill_import(dialog: Any) -> bool:
        dialog.set_path(_roster(tmp_path))
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
        assert dialog.preview.missing == ("name",)  # 评审专家 is no name the reader knows: map it
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.columns.set_column("name", "评审专家")
        assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        return True

    prompter.fillers.append(fill_import)
    qtbot.mouseClick(desk.roster_tab.import_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, desk, lambda: desk.roster_tab.model.rowCount() == 4)
    names = {j.name: j for j in desk.roster_tab.model.rows()}
    assert names["钱专家"].institution == "北京协和医院"
    assert names["钱专家"].expertise == (1, 2)
    assert names["周专家"].province == "广东省"


def test_enrol_assign_build_merge_and_follow_progress(
    qtbot: Any, desk: DeskView, prompter: FakePrompter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _enrol(qtbot, desk, prompter, tmp_path)

    # assign: K = 2 over 8 cases and 4 judges, seed 7
    def fill_assign(dialog: Any) -> bool:
        dialog.per_case.setValue(2)
        dialog.seed.setValue(7)
        return True

    prompter.fillers.append(fill_assign)
    desk.tabs.setCurrentWidget(desk.matrix_tab)
    qtbot.mouseClick(desk.matrix_tab.assign_button, Qt.MouseButton.LeftButton)
    wait_loaded(
        qtbot, desk, lambda: desk.snapshot.matrix is not None and len(desk.snapshot.matrix.cells) == 16
    )
    matrix = desk.matrix_tab.model
    assert [matrix.judge_at(c).assigned for c in range(2, matrix.columnCount())] == [4, 4, 4, 4]
    assert all(matrix.index(r, 1).data() == "2/2" for r in range(matrix.rowCount()))
    # a judge never sits on a case of their own institution's province... and never on a hard conflict
    for cell in desk.snapshot.matrix.cells:
        assert matrix.hard(cell.case_id, cell.judge_id) is None

    # build every package; the codes are listed for the slips
    out = tmp_path / "packages"

    def fill_build(dialog: Any) -> bool:
        dialog.folder.setText(str(out))
        dialog.passphrase.setText(PASS)
        return True

    prompter.fillers.append(fill_build)
    desk.tabs.setCurrentWidget(desk.packages_tab)
    qtbot.mouseClick(desk.packages_tab.build_all, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, desk, lambda: len(desk.packages_tab.built.rows()) == 4)
    assert {r.state for r in desk.packages_tab.issued.rows()} == {"current"}
    built = {b.judge_code: b for b in desk.packages_tab.built.rows()}
    assert desk.passphrase == PASS

    slips = tmp_path / "slips.pdf"
    monkeypatch.setattr(prompter, "choose_save_file", lambda *a, **k: slips, raising=False)
    qtbot.mouseClick(desk.packages_tab.slips_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(slips.exists, timeout=10000)
    wait_loaded(qtbot, desk)
    with pymupdf.open(slips) as doc:
        text = "".join(p.get_text() for p in doc)
    for b in built.values():
        assert " - ".join(b.access_code.split("-")) in text

    # three bundles come back: J001 submits all 4, J002 submits 1 and drafts 2, J003's is tampered with
    bundles = tmp_path / "bundles"
    homes = tmp_path / "homes"
    score_and_export(built["J001"], homes, bundles, submit=4)
    score_and_export(built["J002"], homes, bundles, submit=1, draft=2)
    tampered = score_and_export(built["J003"], homes, bundles, submit=4)
    data = bytearray(tampered.read_bytes())
    data[len(data) // 2] ^= 0x20
    tampered.write_bytes(bytes(data))

    desk.tabs.setCurrentWidget(desk.merge_tab)
    desk.merge_tab.merge([bundles])
    qtbot.waitUntil(lambda: desk.merge_tab.outcomes.rowCount() == 3, timeout=20000)
    wait_loaded(qtbot, desk, lambda: _progress(desk)["J002"] == ("4", "3", "1"))
    codes = [desk.merge_tab.outcomes.index(r, 0).data(CodeRole) for r in range(3)]
    assert codes.count("merged") == 2
    refused = [c for c in codes if c != "merged"]
    assert len(refused) == 1
    assert refused[0] in REFUSALS
    shown = {desk.merge_tab.outcomes.index(r, COL_OUTCOME).data() for r in range(3)}
    assert shown == {outcome_name("merged"), outcome_name(refused[0])}  # names, never codes
    assert not shown & set(REFUSALS)
    assert _progress(desk) == {
        "J001": ("4", "4", "4"),
        "J002": ("4", "3", "1"),
        "J003": ("4", "0", "0"),  # the tampered bundle changed nothing
        "J004": ("4", "0", "0"),
    }
    row = desk.merge_tab.progress.row_of("J001")
    merged_j001 = next(o for o in desk.merge_tab.outcomes.outcomes() if o.judge == "J001")
    assert desk.merge_tab.progress.index(row, COL["revision"]).data() == str(merged_j001.revision)
    assert desk.merge_tab.progress.index(row, COL["bundle"]).data()
    assert desk.merge_tab.progress.index(desk.merge_tab.progress.row_of("J003"), COL["bundle"]).data() == ""


def test_a_bundle_dropped_on_the_panel_is_merged(
    qtbot: Any, desk: DeskView, desk_ws: Workspace, tmp_path: Path
) -> None:
    for i in range(2):
        add_judge(desk_ws, NewJudge(name=f"评委{i}", institution=f"单位{i}"))
    assign_round(desk_ws, "review", 1)
    built = build_packages(desk_ws, "review", None, tmp_path / "p", PASS)
    bundle = score_and_export(built[0], tmp_path / "homes", tmp_path / "b", submit=1)
    desk.refresh()
    wait_loaded(qtbot, desk)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(bundle))])
    area = desk.merge_tab.drop_area
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)  # fmt: skip
    area.dropEvent(event)
    qtbot.waitUntil(lambda: desk.merge_tab.outcomes.rowCount() == 1, timeout=20000)
    assert desk.merge_tab.outcomes.index(0, 0).data(CodeRole) == "merged"
    wait_loaded(qtbot, desk, lambda: _progress(desk).get(built[0].judge_code, ("", "", ""))[2] == "1")


def _one_judges_bundle(ws: Workspace, tmp_path: Path, submit: int) -> Path:
    """One judge (J001) on every case, their package built and ``submit`` cases scored, as a bundle."""
    add_judge(ws, NewJudge(name="评委", institution="单位"))
    assign_round(ws, "review", 1)
    built = build_packages(ws, "review", None, tmp_path / "p", PASS)
    return score_and_export(built[0], tmp_path / "homes", tmp_path / "b", submit=submit)


def test_a_watched_folder_merges_what_lands_in_it(
    qtbot: Any, desk: DeskView, desk_ws: Workspace, tmp_path: Path
) -> None:
    bundle = _one_judges_bundle(desk_ws, tmp_path, submit=2)
    watched = tmp_path / "share"
    watched.mkdir()
    desk.merge_tab.watch_interval = 0.1
    desk.merge_tab.watch(watched)
    assert desk.merge_tab.watching
    shutil.copy(bundle, watched / bundle.name)
    qtbot.waitUntil(lambda: desk.merge_tab.outcomes.rowCount() == 1, timeout=20000)
    assert desk.merge_tab.outcomes.index(0, 0).data(CodeRole) == "merged"
    wait_loaded(qtbot, desk, lambda: _progress(desk).get("J001", ("", "", ""))[2] == "2")
    desk.merge_tab.stop_watching()
    qtbot.waitUntil(lambda: not desk.merge_tab.watching, timeout=5000)


def test_a_desk_shut_right_after_a_merge_reads_the_workspace_no_more(
    qtbot: Any, desk: DeskView, desk_ws: Workspace, tmp_path: Path
) -> None:
    """The reload a merge from a watched folder asks for waits a moment (to gather a burst); closing the
    workspace drops it."""
    bundle = _one_judges_bundle(desk_ws, tmp_path, submit=1)
    desk.merge_tab.merge([bundle])
    qtbot.waitUntil(lambda: desk.merge_tab.outcomes.rowCount() == 1, timeout=20000)
    assert desk.merge_tab.outcomes.index(0, 0).data(CodeRole) == "merged"
    wait_loaded(qtbot, desk)  # this merge's own write and the reload after it are over
    desk.merge_tab._reload.start()  # as an arrival in a watched folder asks; no event runs before shutdown
    load_before = desk._reads.task
    desk.shutdown()
    qtbot.wait(RELOAD_DELAY_MS * 3)
    assert desk._reads.task is load_before
