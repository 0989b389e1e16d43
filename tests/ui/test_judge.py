# SPDX-License-Identifier: Apache-2.0
"""The judge's whole flow, offscreen: open a demo package, read, score by keyboard, submit, recuse,
export; the exported bundle verifies against the organizer's workspace and holds exactly those scores."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from app.bundles import keys
from app.bundles.bundle import read_bundle
from app.bundles.merge import verify_bundle
from app.bundles.package import BuiltPackage
from app.workspace import Workspace
from tests.ui.judge_support import JudgePrompter, demo_packages
from ui.judge.case_list_model import CaseFilterProxy, CaseListModel
from ui.judge.judge_view import JudgeView
from ui.judge.score_spin_box import ScoreSpinBox

PASS = "organizer-pass-2022"


@dataclass(frozen=True)
class Demo:
    workspace: Path
    package: BuiltPackage


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Demo:
    """A 4-case demo competition (one case with a video) and its judges' signed packages."""
    root = tmp_path_factory.mktemp("judge-demo")
    built = demo_packages(root, cases=4, judges=2, videos=1, passphrase=PASS)
    return Demo(root / "ws", max(built, key=lambda b: b.cases))


@pytest.fixture
def view(qtbot, ctx) -> Iterator[JudgeView]:
    widget = JudgeView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1600, 950)
    widget.show()
    yield widget
    widget.shutdown()


@pytest.fixture
def prompter() -> JudgePrompter:
    return JudgePrompter()


def saved(qtbot, view: JudgeView, what: str):
    """Wait for the commit of one kind of change ("submit", "comment", …) to return."""
    return qtbot.waitSignal(view.scoring.saved, timeout=5000, check_params_cb=lambda _c, w, _v: w == what)


def open_demo(qtbot, view: JudgeView, demo: Demo, prompter, monkeypatch) -> None:
    prompter.files.append(demo.package.path)
    prompter.access_codes.append(demo.package.access_code)
    view.actions_by_name["open"].trigger()
    qtbot.waitUntil(lambda: view.home is not None, timeout=15000)
    qtbot.waitUntil(lambda: view.scoring.reader.is_loaded and view.scoring.reader.view.settled, timeout=10000)


def type_score(qtbot, spin: ScoreSpinBox, text: str) -> None:
    """What a judge does: into the field, select what is there, type, Enter."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def test_whole_flow_open_read_score_submit_recuse_export_verify(
    qtbot, view, demo, prompter, monkeypatch, tmp_path
):
    open_demo(qtbot, view, demo, prompter, monkeypatch)
    info = view.info
    assert view.scoring.title_label.text() == f"{info.competition} · {info.round}"
    assert view.scoring.model.rowCount() == demo.package.cases
    assert view.counts()["not_started"] == demo.package.cases
    first = view.scoring.model.rows()[0]
    assert view.case_id == first.id  # the first case to score is open

    # Read: turn pages with the keyboard; each next page is already rendered.
    reader = view.scoring.reader
    assert reader.page_count > 3
    qtbot.keyClick(reader.view, Qt.Key.Key_PageDown)
    assert reader.view.current_page == 1
    assert reader.view.is_sharp(1)
    qtbot.waitUntil(lambda: reader.view.settled, timeout=5000)
    view.actions_by_name["next_page"].trigger()
    assert reader.view.current_page == 2

    # Score by keyboard: an out-of-range entry is refused (marked, nothing saved), never clamped.
    criteria = info.criteria
    spins = view.scoring.rubric.spins
    c0 = criteria[0]
    type_score(qtbot, spins[c0.key], str(int(c0.max) + 5))  # e.g. "25" where the maximum is 20
    assert spins[c0.key].score() is None
    assert spins[c0.key].property("invalid") is True
    assert not view.saving
    entered: dict[str, str] = {}
    for c in criteria:
        value = Decimal(str(c.max)) - Decimal(str(c.step)) * 3
        type_score(qtbot, spins[c.key], f"{value}")
        entered[c.key] = str(value.normalize()) if value % 1 else str(int(value))
    qtbot.waitUntil(lambda: not view.saving, timeout=5000)
    assert "已保存" in view.scoring.rubric.save_label.text()
    expected_total = sum(Decimal(entered[c.key]) * Decimal(str(c.weight)) for c in criteria)
    assert view.scoring.rubric.total_label.text().startswith(f"{float(expected_total):g}")
    row = view.scoring.model.case(view.scoring.model.row_of(first.id))
    assert row.state == "draft"
    assert row.total == pytest.approx(float(expected_total))

    # Submit with the keyboard: locked, the list and the progress say so.
    with qtbot.waitSignal(
        view.scoring.saved, timeout=5000, check_params_cb=lambda c, what, v: what == "submit"
    ):
        view.actions_by_name["submit"].trigger()
    assert view.scoring.model.case(view.scoring.model.row_of(first.id)).state == "submitted"
    assert view.scoring.rubric.locked
    assert spins[criteria[0].key].isReadOnly()
    assert "1" in view.scoring.progress_label.text()

    # Next case to score, then recuse from it with a reason.
    view.actions_by_name["next_unscored"].trigger()
    second = view.case_id
    assert second != first.id
    prompter.recuse_reasons.append("与该医院有合作关系")
    with qtbot.waitSignal(
        view.scoring.saved, timeout=5000, check_params_cb=lambda c, what, v: what == "recuse"
    ):
        view.actions_by_name["recuse"].trigger()
    assert view.scoring.model.case(view.scoring.model.row_of(second)).state == "recused"
    assert view.counts()["recused"] == 1

    # Export from the prominent button; the dialog says where and what.
    out = tmp_path / "out"
    out.mkdir()
    prompter.directories.append(out)
    with qtbot.waitSignal(view.exported, timeout=10000) as exported:
        qtbot.mouseClick(view.scoring.export_button, Qt.MouseButton.LeftButton)
    result = exported.args[0]
    assert result.path.parent == out
    assert (result.n_scored, result.n_recused, result.n_submitted) == (1, 1, 1)
    summary = view.export_dialog.summary_text()
    assert str(result.path) in summary
    assert f"1 / {demo.package.cases}" in summary or f"1 of {demo.package.cases}" in summary or "1" in summary

    # The organizer's side: the bundle verifies and holds exactly what was entered.
    ws = Workspace.open(demo.workspace)
    try:
        outcome = verify_bundle(ws, result.path)
    finally:
        ws.close()
    assert outcome.code == "ok", outcome.message
    doc = read_bundle(result.path).doc
    by_id = {c.id: c for c in doc.cases}
    assert {k: str(v) for k, v in by_id[first.id].scores.items()} == entered
    assert by_id[first.id].state == "submitted"
    assert by_id[second].state == "recused"
    assert by_id[second].recuse_reason == "与该医院有合作关系"
    assert not by_id[second].scores
    assert all(not c.scores for cid, c in by_id.items() if cid != first.id)


def test_reopen_a_submitted_case_and_comment_autosaves(qtbot, view, demo, prompter, monkeypatch):
    open_demo(qtbot, view, demo, prompter, monkeypatch)
    case = view.case_id
    for c in view.info.criteria:
        type_score(qtbot, view.scoring.rubric.spins[c.key], "1")
    qtbot.waitUntil(lambda: not view.saving, timeout=5000)
    with qtbot.waitSignal(
        view.scoring.saved, timeout=5000, check_params_cb=lambda c, what, v: what == "submit"
    ):
        view.submit_case()
    with qtbot.waitSignal(
        view.scoring.saved, timeout=5000, check_params_cb=lambda c, what, v: what == "reopen"
    ):
        view.scoring.rubric.submit_button.click()  # now says "reopen"
    assert not view.scoring.rubric.locked
    assert view.scoring.model.case(view.scoring.model.row_of(case)).state == "draft"
    with qtbot.waitSignal(
        view.scoring.saved, timeout=5000, check_params_cb=lambda c, what, v: what == "comment"
    ):
        view.scoring.rubric.comment.setPlainText("方法部分数据翔实")
    assert view.home.scores(case).comment == "方法部分数据翔实"
    # Switching case and back shows what is stored.
    view.scoring.move_case(1)
    view.scoring.move_case(-1)
    assert view.scoring.rubric.comment.toPlainText() == "方法部分数据翔实"


def test_a_refused_submit_says_the_scores_are_a_saved_draft_and_what_is_missing(
    qtbot, view, demo, prompter, monkeypatch
):
    open_demo(qtbot, view, demo, prompter, monkeypatch)
    criteria = view.info.criteria
    type_score(qtbot, view.scoring.rubric.spins[criteria[0].key], "10")
    qtbot.waitUntil(lambda: not view.saving, timeout=5000)
    with qtbot.waitSignal(view.scoring.save_failed, timeout=5000):
        view.actions_by_name["submit"].trigger()
    status = view.scoring.rubric.save_label.text()
    assert "未保存" not in status
    assert "草稿" in status
    assert all(c.name in status for c in criteria[1:])
    assert criteria[0].name not in status
    assert view.home.scores(view.case_id).values == {criteria[0].key: 10.0}  # it was saved, as it says
    assert not view.scoring.rubric.locked
    assert view.focusWidget() is view.scoring.rubric.spins[criteria[1].key]  # on to the next missing score
    assert not [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorBox" and w.isVisible()]


def test_score_entry_keeps_what_was_typed_and_steps_with_the_arrows(qtbot):
    spin = ScoreSpinBox(30, 0.5, "方法")
    qtbot.addWidget(spin)
    spin.show()
    entered: list[object] = []
    spin.score_entered.connect(entered.append)
    assert spin.score() is None
    assert spin.text() == ""
    assert spin.lineEdit().placeholderText() == "—"
    spin.selectAll()
    qtbot.keyClicks(spin, "35")
    assert spin.text() == "35"  # kept as typed, marked, not saved
    assert spin.property("invalid") is True
    assert "30" in spin.problem
    assert "0.5" in spin.problem
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert spin.score() is None
    assert entered == []
    spin.selectAll()
    qtbot.keyClicks(spin, "17.3")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert spin.text() == "17.3"
    assert spin.score() is None
    assert entered == []
    spin.selectAll()
    qtbot.keyClicks(spin, "17")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert spin.score() == 17
    assert spin.property("invalid") is False
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert spin.score() == 17.5
    assert entered == [Decimal(17), Decimal("17.5")]
    spin.set_score(0)
    qtbot.keyClick(spin, Qt.Key.Key_Down)  # below zero is "not scored", never a negative score
    assert spin.score() is None
    qtbot.keyClick(spin, Qt.Key.Key_Down)
    assert spin.score() is None
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert spin.score() == 0


def test_case_list_filters_and_blind_rows(qtbot, qtmodeltester, view, demo, prompter, monkeypatch):
    open_demo(qtbot, view, demo, prompter, monkeypatch)
    qtmodeltester.check(view.scoring.model)
    rows = view.scoring.model.rows()
    view.scoring.search.setText(rows[1].title[:4])
    assert view.scoring.proxy.rowCount() >= 1
    view.scoring.search.clear()
    view.scoring.state_filter.setCurrentIndex(4)  # submitted: none yet
    assert view.scoring.proxy.rowCount() == 0
    view.scoring.state_filter.setCurrentIndex(0)
    assert view.scoring.proxy.rowCount() == len(rows)
    blind = CaseListModel()
    blind.set_rows(rows, blind=True)
    proxy = CaseFilterProxy()
    proxy.setSourceModel(blind)
    assert blind.index(0, 3).data() != rows[0].hospital
    proxy.set_text(rows[0].hospital)
    assert proxy.rowCount() == 0  # a blind round cannot be searched by hospital either


def test_dropping_a_package_opens_it(qtbot, view, demo, monkeypatch):
    opened: list[Path] = []
    monkeypatch.setattr(view, "open_package", lambda path, access_code=None: opened.append(path))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(demo.package.path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)
    assert opened == [demo.package.path]


def test_help_overlay_lists_the_shortcuts(qtbot, view, demo, prompter, monkeypatch):
    open_demo(qtbot, view, demo, prompter, monkeypatch)
    view.actions_by_name["help"].trigger()
    assert view.help_overlay.isVisible()
    text = view.help_overlay.text.text()
    for shortcut in ("Ctrl+E", "Ctrl+J", "F1", "F2", "F11", "Ctrl+R", "Ctrl+L"):
        assert shortcut in text
    assert "按任意键关闭" in view.help_overlay.closing.text()
    qtbot.keyClick(view.help_overlay, Qt.Key.Key_Escape)
    assert not view.help_overlay.isVisible()


def test_continue_from_this_computer_asks_the_code_again_where_no_credential_store_keeps_the_key(
    qtbot, view, demo, prompter, monkeypatch
):
    open_demo(qtbot, view, demo, prompter, monkeypatch)
    case = view.case_id
    key = view.info.criteria[0].key
    type_score(qtbot, view.scoring.rubric.spins[key], "12.5")
    qtbot.waitUntil(lambda: not view.saving, timeout=5000)
    view.close_home()
    assert view.stack.currentWidget() is view.empty_page
    assert view.start_page.homes_list.count() == 1
    item = view.start_page.homes_list.item(0)
    prompter.access_codes.append(
        "0000-0000-0000" if demo.package.access_code != "0000-0000-0000" else "1111-1111-1111"
    )
    view.start_page.homes_list.itemClicked.emit(item)  # a wrong code: refused, nothing opens
    qtbot.waitUntil(lambda: _error_box() is not None, timeout=5000)
    box = _error_box()
    assert "访问码" in box.text()
    box.close()
    assert view.home is None
    prompter.access_codes.append(demo.package.access_code)
    with qtbot.waitSignal(view.home_opened, timeout=5000):
        view.start_page.homes_list.itemClicked.emit(item)
    assert prompter.summaries[-1][1]  # asked as a reopening
    assert view.case_id == case
    assert view.scoring.rubric.spins[key].score() == 12.5
    assert view.home is not None
    assert not view.home.key_locked  # it can sign again


def test_opening_a_package_shows_the_organizer_key_fingerprint(qtbot, view, demo, prompter, monkeypatch):
    ws = Workspace.open(demo.workspace)
    try:
        with ws.sessions() as s:
            announced = keys.fingerprint(keys.organizer_public_key(s))
    finally:
        ws.close()
    open_demo(qtbot, view, demo, prompter, monkeypatch)
    summary, reopening = prompter.summaries[0]
    assert not reopening
    assert summary.organizer_fingerprint == announced  # shown before the code is typed
    assert announced in view.scoring.judge_label.text()  # and on screen while scoring


def _error_box():
    return next(
        (w for w in QApplication.topLevelWidgets() if w.objectName() == "errorBox" and w.isVisible()), None
    )


def test_media_on_a_separate_drive_can_be_attached(qtbot, view, tmp_path, prompter, monkeypatch):
    package = demo_packages(tmp_path, cases=2, judges=1, videos=1, passphrase=PASS, external_media=True)[0]
    drive = tmp_path / "usb-drive"
    (tmp_path / "packages" / "media").rename(drive)  # the media travel on their own drive
    view.open_package(package.path, access_code=package.access_code)
    qtbot.waitUntil(lambda: view.home is not None, timeout=15000)
    assert not view.scoring.reader.is_loaded
    assert "硬盘" in view.scoring.reader.message.text()
    prompter.directories.append(drive)
    with qtbot.waitSignal(view.media_attached, timeout=15000) as attached:
        view.actions_by_name["media"].trigger()
    assert attached.args == [0]
    qtbot.waitUntil(lambda: view.scoring.reader.is_loaded, timeout=10000)
