# SPDX-License-Identifier: Apache-2.0
"""The organizer's case table, status filter, details pane and findings say names, never codes, in the
interface language, and the same names the ``leitai`` command prints (one glossary, issue 8 item 8)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.glossary import terms
from app.intake.importer import import_source
from app.intake.screening import approve, reject
from app.workspace import Workspace
from tests.intake_corpus import Corpus, build_corpus
from ui import tasks
from ui.context import AppContext, make_context
from ui.main import apply_language
from ui.organizer.case_table_model import COL_STATUS
from ui.organizer.organizer_view import OrganizerView
from ui.organizer.screening_controller import ScreeningController

CODES = {*terms.STATUSES, *terms.FINDINGS, *terms.SEVERITIES}


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    corpus = build_corpus(tmp_path / "src", clean=4, videos=0, planted=False, edges=False, distinct_decks=1)
    corpus.rows[0]["PPT文件"] = "files/gone.pdf"  # pdf_missing
    corpus.rows[1]["主题"] = "第十一主题"  # theme_unknown
    corpus.write_sheet()
    return corpus


@pytest.fixture
def ws(tmp_path: Path, corpus: Corpus) -> Iterator[Workspace]:
    workspace = Workspace.create(tmp_path / "ws", season=2022)
    import_source(workspace, corpus.root)
    approve(workspace, [corpus.rows[3]["案例编号"]])
    reject(workspace, [corpus.rows[2]["案例编号"]], "不符合要求")
    yield workspace
    workspace.close()


@pytest.fixture(params=["zh_CN", "en"])
def lang_ctx(
    request: pytest.FixtureRequest, qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[AppContext]:
    monkeypatch.setenv("LEITAI_LANG", request.param)
    context = make_context(tmp_path / "data")
    apply_language(qapp, context)
    yield context
    context.translators.remove(qapp)


def test_table_filter_details_and_findings_show_names(
    qtbot: Any, lang_ctx: AppContext, ws: Workspace, corpus: Corpus
) -> None:
    lang = lang_ctx.language
    view = OrganizerView(lang_ctx)
    view.resize(1400, 800)
    controller = ScreeningController(lang_ctx, view)
    with qtbot.waitSignal(controller.screening_loaded, timeout=10000):
        view.set_workspace(ws)
    try:
        model = view.model
        shown_status = {model.index(r, COL_STATUS).data() for r in range(model.rowCount())}
        assert shown_status == {t.text(lang) for t in terms.STATUSES.values()}
        combo = view.filter_bar.status_combo
        filter_items = {combo.itemText(i) for i in range(1, combo.count())}
        assert filter_items == shown_status
        col = controller.problems_column
        tips = " ".join(
            model.index(r, col).data(Qt.ItemDataRole.ToolTipRole) or "" for r in range(model.rowCount())
        )
        assert terms.FINDINGS["pdf_missing"].text(lang) in tips
        assert terms.FINDINGS["theme_unknown"].text(lang) in tips

        by_code = {model.row_at(r).code: model.row_at(r) for r in range(model.rowCount())}
        unthemed = by_code[corpus.rows[1]["案例编号"]]
        with qtbot.waitSignal(controller.findings_shown, timeout=10000):
            assert view.select_case(unthemed.id)
        assert view.details.fields["theme"].text() == terms.NO_THEME.text(lang)
        assert view.details.fields["status"].text() == terms.STATUSES["submitted"].text(lang)
        names = [w.text() for w in controller.findings_widget.findChildren(QLabel, "findingName")]
        assert terms.FINDINGS["theme_unknown"].text(lang) in names
        words = [*shown_status, tips, *names, view.details.fields["status"].text()]
        assert not [w for w in words if set(w.replace(",", " ").split()) & CODES]
        if lang == "en":
            assert not [w for w in words if any("\u4e00" <= ch <= "\u9fff" for ch in w)]
    finally:
        qtbot.waitUntil(lambda: not tasks.pending_tasks(), timeout=10000)
        view.set_workspace(None)
        view.close()
        view.deleteLater()
