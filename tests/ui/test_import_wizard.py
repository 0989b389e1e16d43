# SPDX-License-Identifier: Apache-2.0
"""The import wizard: choose a source, map columns when needed, per-file progress, cancel."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from app import catalog
from app.errors import Cancelled
from app.workspace import Workspace
from ui.context import AppContext
from ui.organizer.import_wizard import ImportServices, ImportWizard

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from intake_corpus import Corpus, build_corpus


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.create(tmp_path / "ws", season=2022)
    yield workspace
    workspace.close()


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    corpus = build_corpus(tmp_path / "src", clean=4, videos=1, planted=False, edges=False)
    corpus.rows[0]["PPT文件"] = "files/missing.pdf"
    corpus.write_sheet()
    return corpus


def open_wizard(
    qtbot: Any, ctx: AppContext, ws: Workspace, services: ImportServices | None = None
) -> ImportWizard:
    wizard = ImportWizard(ctx, ws, services=services)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_import_from_a_chosen_folder(
    qtbot: Any, ctx: AppContext, ws: Workspace, corpus: Corpus, prompter: Any
) -> None:
    wizard = open_wizard(qtbot, ctx, ws)
    prompter.directories.append(corpus.root)
    assert not wizard.source_page.isComplete()
    qtbot.mouseClick(wizard.source_page.folder_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(wizard.source_page.isComplete, timeout=10000)
    assert "4" in wizard.source_page.status_label.text()  # 4 case rows
    assert wizard.source_page.nextId() == ImportWizard.PAGE_IMPORT  # every column recognised: no mapping
    with qtbot.waitSignal(wizard.imported, timeout=60000) as imported:
        wizard.next()
    result = imported.args[0]
    assert len(result.added) == 4
    page = wizard.import_page
    assert page.isComplete()
    assert page.file_list.count() >= 5  # one line per checked file, then the summary
    assert "4" in page.result_label.text()
    assert {r.code for r in catalog.list_cases(ws)} == set(corpus.expected)
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()


def test_columns_named_differently_are_mapped(
    qtbot: Any, ctx: AppContext, ws: Workspace, corpus: Corpus
) -> None:
    sheet = corpus.root / "cases.csv"
    sheet.write_text(
        sheet.read_text(encoding="utf-8-sig").replace("PPT文件", "附件", 1), encoding="utf-8-sig"
    )
    wizard = open_wizard(qtbot, ctx, ws)
    wizard.source_page.set_source(corpus.root)
    qtbot.waitUntil(wizard.source_page.isComplete, timeout=10000)
    assert wizard.preview is not None
    assert wizard.preview.missing == ("pdf",)
    assert "PPT文件 [pdf]" in wizard.source_page.status_label.text()
    wizard.next()
    assert wizard.currentId() == ImportWizard.PAGE_MAPPING
    page = wizard.mapping_page
    assert not page.isComplete()
    assert page.combos["hospital"].currentData() == "医院名称"  # the recognised ones are filled in
    page.combos["pdf"].setCurrentIndex(page.combos["pdf"].findData("附件"))
    assert page.isComplete()
    page.combos["title"].setCurrentIndex(page.combos["title"].findData("附件"))  # one column twice: no
    assert not page.isComplete()
    page.combos["title"].setCurrentIndex(page.combos["title"].findData("案例名称"))
    with qtbot.waitSignal(wizard.imported, timeout=60000):
        wizard.next()
    rows = {r.code: r for r in catalog.list_cases(ws)}
    assert any(f.kind == "pdf" for f in rows[corpus.rows[1]["案例编号"]].files)


def test_a_bad_source_says_why(qtbot: Any, ctx: AppContext, ws: Workspace, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    wizard = open_wizard(qtbot, ctx, ws)
    wizard.source_page.set_source(empty)
    qtbot.waitUntil(lambda: "cases.csv" in wizard.source_page.status_label.text(), timeout=10000)
    assert not wizard.source_page.isComplete()


def test_cancel_stops_a_running_import(qtbot: Any, ctx: AppContext, ws: Workspace, corpus: Corpus) -> None:
    started = threading.Event()

    def slow_import(_ws: Workspace, _src: Path, *, cancelled: Any, progress: Any, **_kw: Any) -> Any:
        from app.intake import Progress

        started.set()
        done = 0
        while not cancelled():
            done += 1
            progress(Progress("check", done, 10_000, f"file{done}.pdf"))
            threading.Event().wait(0.01)
        raise Cancelled

    wizard = open_wizard(qtbot, ctx, ws, ImportServices(import_source=slow_import))
    wizard.source_page.set_source(corpus.root)
    qtbot.waitUntil(wizard.source_page.isComplete, timeout=10000)
    wizard.next()
    qtbot.waitUntil(started.is_set, timeout=5000)
    qtbot.waitUntil(lambda: wizard.import_page.file_list.count() > 3, timeout=5000)
    assert wizard.running
    assert "file" in wizard.import_page.file_list.item(0).text()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.running, timeout=5000)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)
    assert wizard.result is None
    assert catalog.list_cases(ws) == []
