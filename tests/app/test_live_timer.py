# SPDX-License-Identifier: Apache-2.0
"""The countdown of a case on stage, driven by a fake clock: phases, warnings, pause, overtime."""

from __future__ import annotations

from app.live.timer import CaseTimer


def timer() -> CaseTimer:
    return CaseTimer.for_case(480, 120, (60, 0))


def test_talk_counts_down_and_warns_at_one_minute_and_at_zero() -> None:
    t = timer().start(1000.0)
    assert t.status(1000.0).display == "8:00"
    assert t.status(1000.0).level == "normal"
    assert t.status(1000.0 + 419.5).display == "1:01"
    assert t.status(1000.0 + 419.5).level == "normal"
    assert t.status(1000.0 + 420.0).level == "warning"
    assert t.status(1000.0 + 420.0).display == "1:00"
    assert t.status(1000.0 + 479.9).display == "0:01"
    assert t.status(1000.0 + 480.0).level == "time_up"
    assert t.status(1000.0 + 480.0).display == "0:00"
    # overtime keeps counting, so the hall sees by how much the speaker ran over
    assert t.status(1000.0 + 545.0).display == "-1:05"
    assert t.status(1000.0 + 545.0).level == "time_up"


def test_pause_freezes_and_start_resumes() -> None:
    t = timer().start(0.0).pause(100.0)
    assert not t.running
    assert t.status(5000.0).remaining == 380.0
    t = t.start(6000.0)
    assert t.status(6010.0).remaining == 370.0
    assert t.start(6005.0) == t  # starting a running timer changes nothing


def test_questions_phase_and_reset() -> None:
    t = timer().start(0.0)
    t = t.next_phase(500.0)  # the talk ran 20 s over; questions start with their full time
    s = t.status(500.0)
    assert (s.phase, s.remaining, s.running, s.last_phase) == ("questions", 120.0, True, True)
    assert t.status(560.0).level == "warning"
    assert t.next_phase(600.0) == t  # no phase after the questions
    r = t.reset()
    assert (r.status(9999.0).phase, r.status(9999.0).remaining, r.running) == ("talk", 480.0, False)


def test_no_questions_means_one_phase() -> None:
    t = CaseTimer.for_case(300, 0, (60,))
    assert [p.key for p in t.phases] == ["talk"]
    assert t.start(0.0).status(250.0).level == "warning"
