# SPDX-License-Identifier: Apache-2.0
"""In English, the organizer reads English: the findings pane says what is wrong with a case, and the
desk's merge panel why each bundle merged or not, in the interface's language — the same findings and
outcomes read in Chinese in a Chinese session (they are stored as codes and details, never as text)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from app import glossary
from app.bundles.package import build_packages
from app.intake.importer import import_source
from app.judging.assignment import assign_round
from app.judging.roster import NewJudge, add_judge
from app.workspace import Workspace
from tests.intake_corpus import Corpus, build_corpus, make_slides
from tests.language_support import CJK, without_quoted
from tests.ui.conftest import FakePrompter
from tests.ui.desk_support import PASS, open_desk, open_world, score_and_export, wait_loaded
from ui import tasks
from ui.context import AppContext, make_context
from ui.desk.outcome_model import COL_OUTCOME, COL_REASON, CodeRole
from ui.main import apply_language
from ui.organizer.organizer_view import OrganizerView
from ui.organizer.screening_controller import ScreeningController


@pytest.fixture
def english(
    qapp: Any, tmp_path: Path, prompter: FakePrompter, monkeypatch: pytest.MonkeyPatch
) -> Iterator[AppContext]:
    """A context whose interface language is English (as View ▸ Language ▸ English leaves it)."""
    monkeypatch.setenv("LEITAI_LANG", "en")
    monkeypatch.delenv("LEITAI_PSEUDO_TRANSLATE", raising=False)
    context = make_context(tmp_path / "data", prompter=prompter)
    assert context.language == "en"
    apply_language(qapp, context)
    yield context
    context.translators.remove(qapp)


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    """Clean demo cases, one naming slides that are not there, one with text too small on two pages."""
    corpus = build_corpus(tmp_path / "src", clean=3, videos=0, planted=False, edges=False, distinct_decks=1)
    corpus.rows[0]["PPT文件"] = "files/gone.pdf"
    make_slides(corpus.root / "files" / "small.pdf", small={3: 10.0, 5: 11.0})
    corpus.rows[1]["PPT文件"] = "files/small.pdf"
    corpus.write_sheet()
    return corpus


def test_the_findings_pane_speaks_english(
    qtbot: Any, english: AppContext, corpus: Corpus, tmp_path: Path
) -> None:
    with Workspace.create(tmp_path / "ws", season=2022) as ws:
        import_source(ws, corpus.root)  # checked and stored in a Chinese-speaking process
        view = OrganizerView(english)
        view.resize(1280, 720)
        controller = ScreeningController(english, view)
        try:
            with qtbot.waitSignal(controller.screening_loaded, timeout=10000):
                view.set_workspace(ws)
            said: dict[str, str] = {}
            for row in (0, 1):
                code = corpus.rows[row]["案例编号"]
                case_id = next(r.id for r in view.rows() if r.code == code)
                with qtbot.waitSignal(controller.findings_shown, timeout=10000):
                    assert view.select_case(case_id)
                pane = controller.findings_widget
                names = [w.text() for w in pane.findChildren(QLabel, "findingName")]
                messages = [w.text() for w in pane.findChildren(QLabel, "findingMessage")]
                assert names
                assert len(messages) == len(names)
                for finding, name, message in zip(pane.findings, names, messages, strict=False):
                    said[finding.code] = message
                    left = without_quoted(message, finding.detail)  # less the slides' own words
                    assert not CJK.search(left), f"{finding.code}: {message}"
                    assert not CJK.search(name), name
                assert not CJK.search(pane.summary_label.text())
            assert said["pdf_missing"] == "The slides file “files/gone.pdf” is not there."
            assert said["font_too_small"].startswith(
                "Text smaller than 14 pt on pages 3, 5; the smallest is 10 pt"
            )
            # the same stored findings, read by a Chinese session
            glossary.set_language("zh_CN")
            missing = next(f for f in controller.findings_widget.findings if f.code == "font_too_small")
            assert missing.message.startswith("PPT 中有小于 14 号的文字：第 3、5 页")
        finally:
            qtbot.waitUntil(lambda: not tasks.pending_tasks(), timeout=10000)
            view.set_workspace(None)
            view.close()
            view.deleteLater()


def test_the_merge_panel_speaks_english(qtbot: Any, english: AppContext, tmp_path: Path) -> None:
    with open_world(tmp_path, cases=4) as ws:
        for name in ("Judge One", "Judge Two"):
            add_judge(ws, NewJudge(name=name, institution="Guest"))
        assign_round(ws, "review", 2)
        built = {b.judge_code: b for b in build_packages(ws, "review", None, tmp_path / "packages", PASS)}
        bundles = tmp_path / "bundles"
        good = score_and_export(built["J001"], tmp_path / "homes", bundles, submit=2)
        tampered = score_and_export(built["J002"], tmp_path / "homes", bundles, submit=1)
        data = bytearray(tampered.read_bytes())
        data[len(data) // 2] ^= 0x20
        tampered.write_bytes(bytes(data))
        shutil.copy(good, bundles / f"copy-{good.name}")  # sorted after the original: a duplicate
        with open_desk(qtbot, english, ws) as desk:
            desk.tabs.setCurrentWidget(desk.merge_tab)
            desk.merge_tab.merge([bundles])
            qtbot.waitUntil(lambda: desk.merge_tab.outcomes.rowCount() == 3, timeout=20000)
            wait_loaded(qtbot, desk)  # the desk reloads after a merge
            model = desk.merge_tab.outcomes
            rows = {model.index(r, 0).data(CodeRole): r for r in range(3)}
            assert {"merged", "duplicate"} < set(rows)
            assert len(set(rows) & {"malformed", "bad_signature"}) == 1  # the tampered bundle
            for r in range(3):
                for col in (COL_OUTCOME, COL_REASON):
                    text = model.index(r, col).data()
                    assert text
                    assert not CJK.search(text), text
            assert model.index(rows["merged"], COL_REASON).data().startswith("Merged judge J001's scores")
            assert model.index(rows["duplicate"], COL_REASON).data() == (
                "This bundle was merged before: nothing changed."
            )
            refused = next(r for code, r in rows.items() if code not in ("merged", "duplicate"))
            assert model.index(refused, COL_REASON).data().startswith("Refused:")
            assert model.index(rows["merged"], COL_OUTCOME).data() == "Merged"
