# SPDX-License-Identifier: Apache-2.0
"""The case table: model contract, filters by theme/region/tier/status/search, sorting, details pane."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app import catalog
from app.catalog import CaseRow
from app.errors import DomainError
from app.workspace import Workspace
from ui.context import AppContext
from ui.organizer.case_table_model import (
    COL_CODE,
    COL_STATUS,
    COL_TITLE,
    COL_VOTES,
    CaseIdRole,
    CaseTableModel,
)
from ui.organizer.organizer_view import OrganizerView


def shown_codes(view: OrganizerView) -> set[str]:
    proxy = view.proxy
    return {proxy.index(r, COL_CODE).data() for r in range(proxy.rowCount())}


def choose(combo: Any, data: Any) -> None:
    """Pick a filter value the way a user does: select the combo entry carrying it."""
    index = combo.findData(data)
    assert index > 0, f"no entry for {data!r}"
    combo.setCurrentIndex(index)


@pytest.fixture
def rows(sample_workspace: Workspace) -> list[CaseRow]:
    return catalog.list_cases(sample_workspace)


@pytest.fixture
def view(qtbot: Any, ctx: AppContext, sample_workspace: Workspace) -> OrganizerView:
    widget = OrganizerView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.set_workspace(sample_workspace)
    return widget


def test_model_passes_qtmodeltester(qtmodeltester: Any, rows: list[CaseRow]) -> None:
    model = CaseTableModel()
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(rows) > 0
    model.set_rows([])
    qtmodeltester.check(model, force_py=True)


def test_model_roles_give_ids_and_sortable_values(rows: list[CaseRow]) -> None:
    model = CaseTableModel()
    model.set_rows(rows)
    for r, row in enumerate(rows):
        assert model.index(r, COL_TITLE).data(CaseIdRole) == row.id
        assert model.index(r, COL_TITLE).data() == row.title
        assert model.row_of_case(row.id) == r


def test_loaded_view_shows_every_case_of_the_workspace(view: OrganizerView, rows: list[CaseRow]) -> None:
    assert shown_codes(view) == {r.code for r in rows}
    assert view.filter_bar.count_label.text() == f"{len(rows)} / {len(rows)}"


@pytest.mark.parametrize(
    ("combo_name", "key"),
    [
        ("theme_combo", lambda r: r.theme_number),
        ("region_combo", lambda r: r.region_code),
        ("tier_combo", lambda r: r.tier),
        ("status_combo", lambda r: r.status),
    ],
)
def test_each_filter_narrows_to_the_matching_cases(
    view: OrganizerView, rows: list[CaseRow], combo_name: str, key: Any
) -> None:
    combo = getattr(view.filter_bar, combo_name)
    values = sorted({key(r) for r in rows if key(r) is not None}, key=str)
    assert len(values) > 1, "sample data must offer a choice"
    for value in values:
        choose(combo, value)
        expected = {r.code for r in rows if key(r) == value}
        assert shown_codes(view) == expected
        assert 0 < len(expected) < len(rows)
    combo.setCurrentIndex(0)
    assert len(shown_codes(view)) == len(rows)


def test_filters_combine(view: OrganizerView, rows: list[CaseRow]) -> None:
    choose(view.filter_bar.theme_combo, 1)
    choose(view.filter_bar.tier_combo, next(r.tier for r in rows if r.theme_number == 1 and r.tier))
    tier = view.filter_bar.tier_combo.currentData()
    assert shown_codes(view) == {r.code for r in rows if r.theme_number == 1 and r.tier == tier}
    view.filter_bar.clear_button.click()
    assert len(shown_codes(view)) == len(rows)
    assert view.filter_bar.theme_combo.currentIndex() == 0


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("a2020-00", "code"),  # code, lower case
        ("MDT", "title"),
        ("mdt", "title"),
        ("AI 日间", "title"),  # every word must match, in any case
        ("smart pharmacy", "title"),
        ("县人民医院", "hospital"),
    ],
)
def test_search_matches_code_title_and_hospital_case_insensitively(
    qtbot: Any, view: OrganizerView, rows: list[CaseRow], query: str, field: str
) -> None:
    if query.isascii():
        qtbot.keyClicks(view.filter_bar.search_edit, query)
    else:  # QTest.keyClicks aborts on characters outside Latin-1: paste them instead
        view.filter_bar.search_edit.insert(query)
    words = query.casefold().split()
    expected = {r.code for r in rows if all(w in getattr(r, field).casefold() for w in words)}
    assert expected, "the query must match something"
    qtbot.waitUntil(lambda: shown_codes(view) == expected, timeout=2000)
    assert len(expected) < len(rows) or field == "code"


def test_search_with_no_match_shows_nothing_and_clearing_restores(
    qtbot: Any, view: OrganizerView, rows: list[CaseRow]
) -> None:
    view.filter_bar.search_edit.insert("不存在的案例xyz")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 0, timeout=2000)
    assert view.filter_bar.count_label.text() == f"0 / {len(rows)}"
    view.filter_bar.search_edit.clear()
    qtbot.waitUntil(lambda: view.proxy.rowCount() == len(rows), timeout=2000)


def test_sorting_by_votes_is_numeric_with_missing_last(view: OrganizerView, rows: list[CaseRow]) -> None:
    view.table.sortByColumn(COL_VOTES, Qt.SortOrder.AscendingOrder)
    proxy = view.proxy
    ids = [proxy.index(r, 0).data(CaseIdRole) for r in range(proxy.rowCount())]
    by_id = {r.id: r for r in rows}
    votes = [by_id[i].votes for i in ids]
    present = [v for v in votes if v is not None]
    assert present == sorted(present)
    assert votes[len(present) :] == [None] * (len(votes) - len(present))


def test_status_column_shows_chinese_names(view: OrganizerView, rows: list[CaseRow]) -> None:
    names = {"submitted": "待初筛", "approved": "已通过", "rejected": "未通过"}
    proxy = view.proxy
    for r in range(proxy.rowCount()):
        case_id = proxy.index(r, 0).data(CaseIdRole)
        row = next(x for x in rows if x.id == case_id)
        assert proxy.index(r, COL_STATUS).data() == names[row.status]


def test_selecting_a_row_shows_its_details(qtbot: Any, view: OrganizerView, rows: list[CaseRow]) -> None:
    target = next(r for r in rows if r.files)
    view.filter_bar.search_edit.setText(target.code)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1, timeout=2000)
    with qtbot.waitSignal(view.case_selected) as blocker:
        view.table.selectRow(0)
    assert blocker.args == [target]
    details = view.details
    assert details.content.isVisibleTo(details)
    assert details.code_label.text() == target.code
    assert details.title_label.text() == target.title
    assert details.fields["hospital"].text() == target.hospital
    assert details.fields["province"].text() == target.province
    assert details.fields["region"].text() == target.region
    assert target.theme_title in details.fields["theme"].text()
    assert details.fields["status"].text() == "已通过"
    assert details.fields["votes"].text().replace(",", "") == str(target.votes)
    assert details.recommendation.text() == target.recommendation
    texts = " ".join(w.text() for w in details.files_box.findChildren(type(details.code_label)))
    assert target.files[0].original_name in texts
    assert target.files[0].sha256[:8] in texts
    view.table.clearSelection()
    assert details.row is None
    assert not details.content.isVisibleTo(details)


def test_rejected_case_details_show_the_reason(qtbot: Any, view: OrganizerView, rows: list[CaseRow]) -> None:
    target = next(r for r in rows if r.status == "rejected")
    assert view.select_case(target.id)
    assert "未通过" in view.details.fields["status"].text()
    assert target.status_reason in view.details.fields["status"].text()


def test_refresh_keeps_filters_and_selection(qtbot: Any, view: OrganizerView, rows: list[CaseRow]) -> None:
    choose(view.filter_bar.status_combo, "approved")
    target = next(r for r in rows if r.status == "approved")
    assert view.select_case(target.id)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.refresh()
    assert view.filter_bar.status_combo.currentData() == "approved"
    assert shown_codes(view) == {r.code for r in rows if r.status == "approved"}
    assert view.selected_case() == target


def test_hints_over_the_table_say_why_it_is_empty(qtbot: Any, view: OrganizerView) -> None:
    assert not view.hint_label.isVisibleTo(view)
    view.filter_bar.search_edit.insert("不存在的案例xyz")
    qtbot.waitUntil(lambda: view.hint_label.isVisibleTo(view), timeout=2000)
    assert view.hint_label.text() == "没有符合筛选条件的案例。"


def test_an_empty_workspace_says_it_has_no_cases(qtbot: Any, ctx: AppContext, workspace: Workspace) -> None:
    widget = OrganizerView(ctx)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.set_workspace(workspace)
        assert widget.hint_label.text() == "正在读取案例…"
    assert widget.hint_label.text() == "此工作区还没有案例。"
    assert widget.title_label.text() == workspace_summary_name(workspace)


def test_a_failing_service_shows_an_error_not_a_traceback(
    qtbot: Any, ctx: AppContext, workspace: Workspace
) -> None:
    class Broken:
        def list_cases(self, ws: Workspace) -> list[CaseRow]:
            raise DomainError("workspace_unreadable", path="/x/leitai.db", reason="disk I/O error")

    ctx.services.catalog = Broken()  # type: ignore[assignment]
    widget = OrganizerView(ctx)
    qtbot.addWidget(widget)
    widget.set_workspace(workspace)
    qtbot.waitUntil(lambda: widget.findChild(QMessageBox, "errorBox") is not None, timeout=5000)
    box = widget.findChild(QMessageBox, "errorBox")
    assert box.text() == "无法打开工作区数据库 /x/leitai.db：disk I/O error"
    assert widget.hint_label.text() == "无法读取案例。"
    box.close()


def workspace_summary_name(ws: Workspace) -> str:
    return catalog.summary(ws).competition
