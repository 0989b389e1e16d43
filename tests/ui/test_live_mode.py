# SPDX-License-Identifier: Apache-2.0
"""A judge's live mode: big inputs for one case, submit sends the bundle, the organizer's answer shows."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from live_support import rehearsal

from app.live.arrivals import Arrivals
from app.live.receiver import BundleReceiver, inbox_for
from app.live.rehearsal import Rehearsal
from ui.judge.live_mode import LiveModeDialog


@pytest.fixture
def rh(tmp_path: Path) -> Rehearsal:
    r = rehearsal(tmp_path / "r")
    yield r
    r.close()


def test_submit_sends_and_shows_the_organizers_answer(qtbot: Any, rh: Rehearsal) -> None:
    arrivals = Arrivals(rh.ws)
    with BundleReceiver(arrivals, inbox_for(rh.ws.root)) as receiver:
        home = rh.homes["J001"]
        dialog = LiveModeDialog(home, receiver.url)
        qtbot.addWidget(dialog)
        case_id = dialog.case_id()
        dialog.send_button.click()  # nothing scored yet: refused before anything is saved or sent
        assert home.scores(case_id).state == "not_started"
        assert arrivals.log() == []
        maxima = {c.key: c.max for c in home.info().criteria}
        first = next(iter(dialog.inputs))
        type_in(dialog.inputs[first], "99")  # out of range: refused at once, nothing sent or saved
        dialog.send_button.click()
        assert "99" not in dialog.total.text()
        assert dialog.outcome.property("outcome") == "refused"
        assert home.scores(case_id).state == "not_started"
        assert arrivals.log() == []
        for key, box in dialog.inputs.items():
            type_in(box, f"{maxima[key] / 2:g}")
        assert dialog.total.text().endswith("55")
        dialog.send_button.click()
        qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=10000)
        assert dialog.last_result is not None
        assert dialog.last_result.code == "merged"
        assert dialog.outcome.text().startswith("已合并")
        assert home.scores(case_id).state == "submitted"
        assert [a.code for a in arrivals.log()] == ["merged"]
        assert not any(box.isEnabled() for box in dialog.inputs.values())  # submitted: read-only
        assert dialog.send_button.text() != ""


def test_an_unreachable_organizer_is_said_plainly_and_the_scores_are_kept(qtbot: Any, rh: Rehearsal) -> None:
    home = rh.homes["J002"]
    dialog = LiveModeDialog(home, "http://127.0.0.1:9")  # the discard port: nobody listens
    qtbot.addWidget(dialog)
    maxima = {c.key: c.max for c in home.info().criteria}
    for key, box in dialog.inputs.items():
        type_in(box, f"{maxima[key]:g}")
    dialog.send_button.click()
    qtbot.waitUntil(lambda: dialog.outcome.property("outcome") == "refused", timeout=10000)
    assert "127.0.0.1:9" in dialog.outcome.text()
    assert home.scores(dialog.case_id()).state == "submitted"  # saved, and in the outbox for a USB stick
    assert list((home.home_dir / "outbox").iterdir())


def type_in(box: Any, text: str) -> None:
    """What a judge does in the big field: replace what is there, then leave it (commits the entry)."""
    box.lineEdit().setText(text)
    box.commit()
