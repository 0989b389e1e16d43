# SPDX-License-Identifier: Apache-2.0
"""A whole live theme final offscreen: the console drives the projector, simulated judges send their
bundles over loopback, every mark appears on the projector's model, and the final ranking and the awards
are the results engine's."""

from __future__ import annotations

import statistics
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from live_support import rehearsal

from app.judge_home.send import send_bundle
from app.live.rehearsal import ROUND, Rehearsal
from app.live.setup import LiveSetup, banner_path, create_session, list_sessions, load_session
from app.results.service import round_results
from tests.ui.conftest import FakePrompter
from ui.projector.console_window import LiveConsoleWindow
from ui.projector.setup_dialog import LiveSetupDialog


@pytest.fixture
def rh(tmp_path: Path) -> Rehearsal:
    r = rehearsal(tmp_path / "r", cases=6, judges=5)
    yield r
    r.close()


def expected_ranking(totals: dict[int, list[float]], order: list[int]) -> list[int]:
    """By hand: drop one highest and one lowest of five marks, mean the rest, best first (then the
    median; no two cases tie with these marks, so no draw is needed)."""

    def score(cid: int) -> tuple[float, float, int]:
        marks = sorted(totals[cid])
        return (-statistics.fmean(marks[1:-1]), -statistics.median(marks), order.index(cid))

    return sorted(totals, key=score)


@pytest.mark.slow
def test_a_whole_six_case_session_from_the_console(qtbot: Any, rh: Rehearsal) -> None:
    info = create_session(rh.ws, LiveSetup(ROUND, "5", seed=2022, title="主题决赛"))
    console = LiveConsoleWindow(rh.ws, info.id)
    qtbot.addWidget(console)
    console.start_receiving("127.0.0.1", 0)
    console.show()
    projector = console.open_projector()
    model = projector.canvas
    url = console.model.receiver.url
    assert console.address.text() == url
    assert console.qr.pixmap() is not None
    assert not console.qr.pixmap().isNull()

    qtbot.mouseClick(console.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.snapshot.scene == "draw")
    assert [c.code for c in model.snapshot.order] == [c.code for c in info.order]
    order = [c.case_id for c in info.order]
    totals: dict[int, list[float]] = {}
    for position, card in enumerate(info.order):
        qtbot.mouseClick(console.next_button, Qt.MouseButton.LeftButton)  # next up
        qtbot.waitUntil(lambda: model.snapshot.scene == "next_up")
        assert model.snapshot.case is not None
        assert model.snapshot.case.case_id == card.case_id
        qtbot.mouseClick(console.next_button, Qt.MouseButton.LeftButton)  # presenting
        qtbot.mouseClick(console.clock_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: model.snapshot.scene == "presenting" and model.snapshot.timer.running)
        qtbot.mouseClick(console.clock_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(console.next_button, Qt.MouseButton.LeftButton)  # scoring
        qtbot.waitUntil(lambda: model.snapshot.scene == "scoring")
        totals[card.case_id] = []
        for i, judge in enumerate(rh.judge_codes()):
            quality = 0.6 + 0.05 * ((position * 3 + i * 7) % 7)
            totals[card.case_id].append(rh.score(judge, card.case_id, quality))
            sent = send_bundle(rh.homes[judge], url, source=f"127.0.0.{20 + i}")
            assert sent.code == "merged"
        qtbot.waitUntil(lambda: model.snapshot.board is not None and model.snapshot.board.complete)
        board = model.snapshot.board
        seats = [(i + 1, j) for i, j in enumerate(rh.judge_codes())]
        assert [(m.seat, m.judge) for m in board.marks] == seats
        assert [m.value for m in board.marks] == pytest.approx(totals[card.case_id])
        assert sum(m.struck for m in board.marks) == 2
        assert board.score == round(statistics.fmean(sorted(totals[card.case_id])[1:-1]), 2)
        ranked = round_results(rh.ws, ROUND).case(card.case_id)
        assert ranked is not None
        assert board.score == float(ranked.result.score)
        assert [m.judge for m in board.marks if m.struck] == [
            m.judge_code for m in ranked.result.marks if m.dropped
        ]
        assert console.log.rowCount() == 5 * (position + 1)
        assert console.log.item(0, 2).text() == "已合并"  # the outcome's name, never its code

    qtbot.mouseClick(console.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.snapshot.scene == "ranking")
    assert [r.case_id for r in model.snapshot.ranking] == expected_ranking(totals, order)
    results = round_results(rh.ws, ROUND)  # the results engine's final ranking, the same
    assert [(r.case_id, r.rank, r.score) for r in model.snapshot.ranking] == [
        (c.case.id, c.rank, float(c.result.score)) for g in results.groups for c in g.cases
    ]
    qtbot.mouseClick(console.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.snapshot.scene == "awards")
    ranking = expected_ranking(totals, order)
    for step, (key, cases) in enumerate(
        (("bronze", ranking[3:6]), ("silver", ranking[1:3]), ("gold", ranking[:1])), start=1
    ):
        qtbot.mouseClick(console.reveal_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda step=step: model.snapshot.reveal_step == step)
        latest = model.snapshot.revealed[-1]
        assert (latest.key, [c.case_id for c in latest.cases]) == (key, cases)
        assert tuple(c.case_id for c in latest.cases) == results.holders(key)
    assert not console.reveal_button.isEnabled()  # nothing after the gold
    console.close()


def test_stealth_hides_the_ranking_from_the_console_preview_only(qtbot: Any, rh: Rehearsal) -> None:
    info = create_session(rh.ws, LiveSetup(ROUND, "5", seed=1))
    console = LiveConsoleWindow(rh.ws, info.id)
    qtbot.addWidget(console)
    projector = console.open_projector()
    for judge in rh.judge_codes():
        rh.score(judge, info.order[0].case_id)
        console.model.arrivals.merge(rh.homes[judge].export_bundle(rh.root).path, "folder", judge)
    console.stealth.setChecked(True)
    console.model.act("go", "awards")
    qtbot.waitUntil(lambda: projector.canvas.snapshot.scene == "awards")
    assert len(projector.canvas.snapshot.ranking) == 1
    assert console.preview.snapshot.ranking == ()
    assert console.preview.snapshot.ranking_hidden
    console.close()


def test_the_setup_dialog_sets_up_and_resumes(qtbot: Any, rh: Rehearsal) -> None:
    dialog = LiveSetupDialog(rh.ws)
    qtbot.addWidget(dialog)
    assert dialog.round.currentData() in ("semifinal", "final")
    dialog.round.setCurrentIndex(dialog.round.findData(ROUND))
    assert dialog.group.currentData() == "5"
    assert "主题五" in dialog.group.currentText()
    assert dialog.judges.count() == 5
    dialog.judges.item(4).setCheckState(Qt.CheckState.Unchecked)
    dialog.seed.setText("77")
    dialog.talk.setValue(6)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    sessions = list_sessions(rh.ws)
    assert [s[0] for s in sessions] == [dialog.session_id]
    info = load_session(rh.ws, dialog.session_id)
    assert (info.seed, info.talk_seconds, len(info.judges)) == (77, 360, 4)

    again = LiveSetupDialog(rh.ws)
    qtbot.addWidget(again)
    again.sessions.setCurrentRow(0)
    again.accept()
    assert again.session_id == dialog.session_id
    assert len(list_sessions(rh.ws)) == 1


def test_the_console_merges_from_a_watched_folder_and_shows_the_banner(
    qtbot: Any, rh: Rehearsal, tmp_path: Path
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    banner = tmp_path / "banner.png"
    image = QImage(1200, 200, QImage.Format.Format_RGB32)
    image.fill(QColor(Qt.GlobalColor.darkGreen))
    assert image.save(str(banner))
    info = create_session(rh.ws, LiveSetup(ROUND, "5", seed=1))
    answers = FakePrompter()
    answers.directories.append(folder)
    answers.files.append(banner)
    console = LiveConsoleWindow(rh.ws, info.id, prompter=answers)
    qtbot.addWidget(console)
    console.model.act("go", "scoring", 0)
    console.watch_button.click()
    console.banner_button.click()
    assert banner_path(rh.ws) is not None
    rh.score("J003", info.order[0].case_id)
    rh.homes["J003"].export_bundle(folder)
    qtbot.waitUntil(lambda: console.log.rowCount() == 1, timeout=15000)
    assert console.log.item(0, 1).text() == "J003"
    board = console.preview.snapshot.board
    assert board is not None
    assert [m.judge for m in board.marks if m.value is not None] == ["J003"]
    # the banner is painted in the header band: its colour is where the competition's name was
    frame = console.preview.render_pixmap(QSize(1920, 1080)).toImage()
    assert frame.pixelColor(200, 60) == QColor(Qt.GlobalColor.darkGreen)
    console.watch_button.click()  # stop watching before the test ends
    console.close()
