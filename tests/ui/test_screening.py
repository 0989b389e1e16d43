# SPDX-License-Identifier: Apache-2.0
"""Screening in the organizer view: findings column and filter, details with pages, approve / reject
with a reason / undo, approve all clean, deadline sorting, rejections sheet, merging hospital names."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app import catalog
from app.intake.importer import import_source
from app.intake.screening import HospitalRow, list_hospitals
from app.workspace import Workspace
from ui import tasks
from ui.context import AppContext
from ui.organizer.case_table_model import COL_CODE, SortRole
from ui.organizer.findings_widget import PdfPageDialog
from ui.organizer.organizer_view import OrganizerView
from ui.organizer.screening_controller import ScreeningController
from ui.organizer.screening_dialogs import MergeHospitalsDialog, RejectDialog

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from intake_corpus import Corpus, build_corpus, make_slides


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    corpus = build_corpus(tmp_path / "src", clean=6, videos=0, planted=False, edges=False)
    corpus.rows[0]["PPT文件"] = "files/gone.pdf"
    make_slides(corpus.root / "files" / "small.pdf", small={3: 10.0, 5: 11.0})
    corpus.rows[1]["PPT文件"] = "files/small.pdf"
    base = corpus.rows[2]
    for row, theme in ((corpus.rows[3], "9"), (corpus.rows[4], "8")):
        row.update(
            医院名称=base["医院名称"] + "（总院）",
            省份=base["省份"],
            主题=theme if base["主题"] != theme else "7",
        )
    corpus.write_sheet()
    return corpus


@pytest.fixture
def ws(tmp_path: Path, corpus: Corpus) -> Iterator[Workspace]:
    workspace = Workspace.create(tmp_path / "ws", season=2022)
    import_source(workspace, corpus.root)
    yield workspace
    workspace.close()


@pytest.fixture
def screening(qtbot: Any, ctx: AppContext, ws: Workspace) -> Iterator[ScreeningController]:
    # Not handed to qtbot.addWidget: pytest-qt would delete the view before this fixture's teardown,
    # which still needs it to let go of the workspace.
    view = OrganizerView(ctx)
    view.resize(1400, 800)
    controller = ScreeningController(ctx, view)
    with qtbot.waitSignal(controller.screening_loaded, timeout=10000):
        view.set_workspace(ws)
    yield controller
    qtbot.waitUntil(lambda: not tasks.pending_tasks(), timeout=10000)
    view.set_workspace(None)
    view.close()
    view.deleteLater()


def codes_shown(view: OrganizerView) -> list[str]:
    return [view.proxy.index(r, COL_CODE).data() for r in range(view.proxy.rowCount())]


def select(qtbot: Any, c: ScreeningController, code: str) -> None:
    case_id = next(r.id for r in c.view.rows() if r.code == code)
    with qtbot.waitSignal(c.findings_shown, timeout=10000):
        assert c.view.select_case(case_id)


def reload_after(qtbot: Any, c: ScreeningController, action: Any) -> None:
    with qtbot.waitSignal(c.screening_loaded, timeout=15000):
        action()


def status_of(c: ScreeningController, code: str) -> tuple[str, str]:
    row = next(r for r in c.view.rows() if r.code == code)
    return row.status, row.status_reason


def test_findings_column_icon_count_and_only_problems_filter(
    qtmodeltester: Any, screening: ScreeningController, corpus: Corpus
) -> None:
    view = screening.view
    model = view.model
    col = screening.problems_column
    by_code = {model.row_at(r).code: r for r in range(model.rowCount())}
    missing = model.index(by_code[corpus.rows[0]["案例编号"]], col)
    assert missing.data() == "1"
    assert missing.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "Slides missing" in missing.data(Qt.ItemDataRole.ToolTipRole) or "缺少" in missing.data(
        Qt.ItemDataRole.ToolTipRole
    )
    clean = model.index(by_code[corpus.rows[5]["案例编号"]], col)
    assert clean.data() == ""
    assert clean.data(Qt.ItemDataRole.DecorationRole) is not None  # the green tick
    qtmodeltester.check(model, force_py=True)
    assert len(codes_shown(view)) == 6
    screening.problems_check.setChecked(True)
    problems = {corpus.rows[i]["案例编号"] for i in (0, 1, 2)}
    assert set(codes_shown(view)) == problems
    assert view.filter_bar.count_label.text().startswith("3")
    view.filter_bar.clear_button.click()
    assert not screening.problems_check.isChecked()
    assert len(codes_shown(view)) == 6


def test_deadline_column_is_shown_and_sortable(screening: ScreeningController) -> None:
    view = screening.view
    col = screening.deadline_column
    texts = [view.model.index(r, col).data() for r in range(view.model.rowCount())]
    assert all(len(t) == 10 for t in texts), texts  # yyyy-MM-dd for every waiting case
    view.table.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    keys = [view.proxy.index(r, col).data(SortRole) for r in range(view.proxy.rowCount())]
    assert keys == sorted(keys)
    # Demo submissions are from 2022: their screening is overdue, shown in red.
    assert view.proxy.index(0, col).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_details_list_findings_with_pages_and_open_the_pdf_there(
    qtbot: Any, screening: ScreeningController, corpus: Corpus
) -> None:
    select(qtbot, screening, corpus.rows[1]["案例编号"])
    widget = screening.findings_widget
    small = next(f for f in widget.findings if f.code == "font_too_small")
    assert small.pages == (3, 5)
    button = widget.findChild(QPushButton, "openAtPage")
    assert button is not None
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = screening.dialog
    assert isinstance(dialog, PdfPageDialog)
    try:
        qtbot.waitUntil(lambda: dialog.reader.page_count > 0, timeout=10000)
        qtbot.waitUntil(lambda: dialog.reader.view.current_page == 2, timeout=10000)  # page 3, 0-based
    finally:
        dialog.close()  # deletes itself and stops the reader's render thread


def test_approve_reject_with_a_template_and_undo(
    qtbot: Any, screening: ScreeningController, corpus: Corpus, prompter: Any
) -> None:
    code = corpus.rows[0]["案例编号"]
    select(qtbot, screening, code)
    reload_after(qtbot, screening, screening.approve_action.trigger)
    assert status_of(screening, code) == ("approved", "")
    assert screening.undo_action.isEnabled()
    reload_after(qtbot, screening, screening.undo_action.trigger)
    assert status_of(screening, code) == ("submitted", "")

    select(qtbot, screening, code)
    seen: list[str | None] = []

    def write_reason(dialog: RejectDialog) -> bool:
        seen.append(dialog.reason())  # the template from the finding, ready to edit
        dialog.reason_edit.setPlainText("")
        seen.append(dialog.reason())
        assert not dialog.reject_button.isEnabled()  # a reason is required
        dialog.reason_edit.setPlainText("请补交 PPT 文件")
        assert dialog.reject_button.isEnabled()
        return True

    prompter.fillers.append(write_reason)
    reload_after(qtbot, screening, screening.reject_action.trigger)
    assert prompter.asked == ["rejectDialog"]
    assert "找不到 PPT 文件" in (seen[0] or "")
    assert seen[1] is None
    assert status_of(screening, code) == ("rejected", "请补交 PPT 文件")


def test_cancelling_the_reason_rejects_nothing(
    qtbot: Any, screening: ScreeningController, corpus: Corpus, prompter: Any
) -> None:
    code = corpus.rows[0]["案例编号"]
    select(qtbot, screening, code)
    prompter.fillers.append(lambda dialog: False)
    screening.reject_action.trigger()
    qtbot.waitUntil(lambda: prompter.asked == ["rejectDialog"], timeout=10000)
    qtbot.waitUntil(lambda: not tasks.pending_tasks(), timeout=10000)
    assert status_of(screening, code) == ("submitted", "")


def test_approve_all_clean_asks_then_approves_only_clean_cases(
    qtbot: Any, screening: ScreeningController, corpus: Corpus, prompter: Any
) -> None:
    prompter.confirmations.append(False)
    screening.approve_clean_action.trigger()
    assert all(r.status == "submitted" for r in screening.view.rows())
    prompter.confirmations.append(True)
    reload_after(qtbot, screening, screening.approve_clean_action.trigger)
    statuses = {r.code: r.status for r in screening.view.rows()}
    for i, row in enumerate(corpus.rows):
        assert statuses[row["案例编号"]] == ("submitted" if i in (0, 1, 2) else "approved")
    assert not screening.approve_clean_action.isEnabled()


def test_export_rejections(
    qtbot: Any, screening: ScreeningController, corpus: Corpus, prompter: Any, tmp_path: Path
) -> None:
    code = corpus.rows[1]["案例编号"]
    ws = screening.view.workspace
    assert ws is not None
    screening.services.reject(ws, [code], "字号过小")
    out = tmp_path / "out" / "驳回清单"
    out.parent.mkdir()
    prompter.choose_save_file = lambda *_a, **_k: out  # type: ignore[method-assign]
    with qtbot.waitSignal(screening.message, timeout=10000):
        screening.export_action.trigger()
    rows = list(openpyxl.load_workbook(out.with_suffix(".xlsx")).active.iter_rows(values_only=True))
    assert rows[1][0] == code
    assert rows[1][6] == "字号过小"


def test_merge_hospital_names(
    qtbot: Any, screening: ScreeningController, corpus: Corpus, prompter: Any
) -> None:
    def merge_suggested(dialog: MergeHospitalsDialog) -> bool:
        assert dialog.suggestion_list.count() == 1
        assert dialog.names() == (corpus.rows[2]["医院名称"], corpus.rows[3]["医院名称"])
        assert dialog.merge_button.isEnabled()
        return True

    prompter.fillers.append(merge_suggested)
    reload_after(qtbot, screening, screening.merge_action.trigger)
    assert prompter.asked == ["mergeHospitalsDialog"]
    names = {h.name for h in list_hospitals(screening.view.workspace)}
    assert corpus.rows[2]["医院名称"] not in names
    row = next(r for r in screening.view.rows() if r.code == corpus.rows[2]["案例编号"])
    assert row.counts.violations == 0
    assert row.hospital == corpus.rows[3]["医院名称"]


def test_merge_dialog_needs_two_different_known_names(qtbot: Any) -> None:
    hospitals = [HospitalRow(1, "甲医院", "北京", 2, ()), HospitalRow(2, "乙医院", "北京", 1, ())]
    dialog = MergeHospitalsDialog(hospitals, [])
    qtbot.addWidget(dialog)
    assert dialog.names() is None
    assert not dialog.merge_button.isEnabled()
    dialog.from_combo.setCurrentText("甲医院")
    dialog.into_combo.setCurrentText("甲医院")
    assert dialog.names() is None
    dialog.into_combo.setCurrentText("丙医院")  # not a hospital of this workspace
    assert not dialog.merge_button.isEnabled()
    dialog.into_combo.setCurrentText("乙医院")
    assert dialog.names() == ("甲医院", "乙医院")
    assert dialog.merge_button.isEnabled()
    assert "2" in dialog.info_label.text()


def test_a_refresh_reads_the_cases_once_and_the_screening_columns_come_with_them(
    qtbot: Any, ctx: AppContext, ws: Workspace, corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One row type: the screening columns read the view's own rows, so a refresh (with the screening
    controller attached) reads every case once, not a second time for the findings and deadlines."""
    reads: list[str] = []
    real_list_cases = catalog.list_cases

    def counting_list_cases(workspace: Workspace, *args: Any) -> Any:
        reads.append("cases")
        return real_list_cases(workspace, *args)

    monkeypatch.setattr(catalog, "list_cases", counting_list_cases)
    ctx.services.catalog = catalog  # the module itself, so the patched function is what the view calls
    view = OrganizerView(ctx)
    controller = ScreeningController(ctx, view)
    try:
        with qtbot.waitSignal(controller.screening_loaded, timeout=10000):
            view.set_workspace(ws)
        assert reads == ["cases"]
        with qtbot.waitSignal(controller.screening_loaded, timeout=10000):
            view.refresh()
        assert reads == ["cases", "cases"]
        missing = next(r for r in view.rows() if r.code == corpus.rows[0]["案例编号"])
        assert "pdf_missing" in missing.counts.codes
        index = view.model.index(view.model.row_of_case(missing.id), controller.problems_column)
        assert index.data() == str(missing.counts.violations)
    finally:
        qtbot.waitUntil(lambda: not tasks.pending_tasks(), timeout=10000)
        view.set_workspace(None)
        view.deleteLater()
