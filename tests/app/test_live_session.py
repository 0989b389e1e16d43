# SPDX-License-Identifier: Apache-2.0
"""A live session end to end without a network: setup and draw, marks from merged bundles, the trimmed
score, ranking and ties, the staged reveal, stealth, and picking up after a restart.

Every score, rank and award the session shows is checked against the results engine's (``app.results``)
as well as against numbers worked out by hand."""

from __future__ import annotations

import sys
import threading
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from live_support import rehearsal

from app.errors import DomainError
from app.judge_home import JudgeHome
from app.live.arrivals import Arrivals
from app.live.rehearsal import ROUND, Rehearsal
from app.live.scores import GroupResults
from app.live.setup import LiveSetup, create_session, draw, load_session
from app.live.show import LiveShow
from app.models import AuditEvent
from app.results.service import override_award, round_results
from app.results.types import RoundResults
from app.results.verify import verify_workspace

#: The live rubric's criteria in fill order, with their maxima (2022: 20 + 35 + 25 + 20 + 10 = 110).
FILL = (("methods", 35), ("background_goals", 20), ("value", 20), ("presentation", 10), ("results", 25))


def give(home: JudgeHome, case_id: int, total: float, effect: float = 12.5, submit: bool = True) -> None:
    """Enter scores adding up to ``total`` with ``effect`` on the 效果 (results) criterion."""
    left = Decimal(str(total)) - Decimal(str(effect))
    home.set_score(case_id, "results", Decimal(str(effect)))
    for key, top in FILL[:-1]:
        value = min(Decimal(top), left)
        home.set_score(case_id, key, value)
        left -= value
    assert left == 0
    if submit:
        home.submit(case_id)


@pytest.fixture
def rh(tmp_path: Path) -> Rehearsal:
    r = rehearsal(tmp_path / "r")
    yield r
    r.close()


def engine(r: Rehearsal) -> RoundResults:
    """The results engine's view of the rehearsal's round."""
    return round_results(r.ws, ROUND)


def engine_ranking(r: Rehearsal) -> list[tuple[int, int | None, float]]:
    """(case id, rank, score) of every scored case of the round, as the results rank them."""
    return [
        (c.case.id, c.rank, float(c.result.score))
        for g in engine(r).groups
        for c in g.cases
        if c.result.score is not None
    ]


def merge_all(r: Rehearsal, arrivals: Arrivals, judges: list[str] | None = None) -> None:
    for j in judges or r.judge_codes():
        result = r.homes[j].export_bundle(r.root / "out")
        assert arrivals.merge(result.path, "folder", result.path.name).code == "merged"


def test_the_same_seed_draws_the_same_order_and_the_draw_is_audited(rh: Rehearsal) -> None:
    a = create_session(rh.ws, LiveSetup(ROUND, "5", seed=7))
    b = create_session(rh.ws, LiveSetup(ROUND, "5", seed=7))
    c = create_session(rh.ws, LiveSetup(ROUND, "5", seed=8))
    codes = [x.code for x in a.order]
    assert codes == [x.code for x in b.order] == draw(list(rh.cases), 7)
    assert codes != [x.code for x in c.order]
    assert sorted(codes) == sorted(rh.cases)
    assert a.judges == tuple(rh.judge_codes())  # default: every judge of the group, by code
    with rh.ws.sessions() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "live.draw")).first()
    assert event is not None
    assert event.detail["seed"] == 7
    assert event.detail["order"] == codes
    assert a.group_name.startswith("主题五")


def test_a_fresh_draw_records_its_seed(rh: Rehearsal) -> None:
    info = create_session(rh.ws, LiveSetup(ROUND, "5"))
    assert info.order_source == "draw"
    assert info.seed is not None
    assert [c.code for c in info.order] == draw(list(rh.cases), info.seed)


def test_an_order_entered_by_hand_must_hold_each_case_once(rh: Rehearsal) -> None:
    codes = sorted(rh.cases, reverse=True)
    info = create_session(rh.ws, LiveSetup(ROUND, "5", order=tuple(codes)))
    assert ([c.code for c in info.order], info.order_source, info.seed) == (codes, "manual", None)
    with pytest.raises(DomainError) as bad:
        create_session(rh.ws, LiveSetup(ROUND, "5", order=(*codes[:-1], "X-1")))
    assert bad.value.code == "live_bad_order"
    assert codes[-1] in bad.value.message
    assert "X-1" in bad.value.message
    with pytest.raises(DomainError) as twice:
        create_session(rh.ws, LiveSetup(ROUND, "5", order=(*codes, codes[0])))
    assert twice.value.code == "live_bad_order"


def test_setup_refuses_judges_not_on_the_group_and_empty_groups(rh: Rehearsal) -> None:
    with pytest.raises(DomainError) as e:
        create_session(rh.ws, LiveSetup(ROUND, "5", judges=("J001", "J999")))
    assert e.value.code == "live_judge_not_assigned"
    assert "J999" in e.value.message
    with pytest.raises(DomainError) as empty:
        create_session(rh.ws, LiveSetup(ROUND, "3"))
    assert empty.value.code == "live_no_cases"
    with pytest.raises(DomainError) as times:
        create_session(rh.ws, LiveSetup(ROUND, "5", talk_seconds=0))
    assert times.value.code == "live_bad_times"


def test_marks_arrive_by_seat_and_the_trim_strikes_highest_and_lowest(rh: Rehearsal) -> None:
    info = create_session(rh.ws, LiveSetup(ROUND, "5", seed=1))
    show = LiveShow(rh.ws, info.id)
    arrivals = Arrivals(rh.ws)
    arrivals.subscribe(show.on_arrival)
    case = info.order[0].case_id
    marks = dict(zip(rh.judge_codes(), (80, 90, 70, 85, 60), strict=True))
    for judge, total in list(marks.items())[:4]:
        give(rh.homes[judge], case, total)
    give(rh.homes["J005"], case, 60, submit=False)  # a draft never counts
    merge_all(rh, arrivals)
    board = show.snapshot().board
    assert board is not None
    assert [(m.seat, m.judge, m.value) for m in board.marks] == [
        (1, "J001", 80.0), (2, "J002", 90.0), (3, "J003", 70.0), (4, "J004", 85.0), (5, "J005", None)
    ]  # fmt: skip
    assert (board.received, board.expected, board.complete) == (4, 5, False)
    assert not any(m.struck for m in board.marks)  # fewer than 5 marks: a plain mean
    ranked = engine(rh).case(case)
    assert ranked is not None
    assert board.score == float(ranked.result.score) == round((80 + 90 + 70 + 85) / 4, 2)

    rh.homes["J005"].submit(case)
    merge_all(rh, arrivals, ["J005"])
    board = show.snapshot().board
    assert board is not None
    assert board.complete
    assert [m.judge for m in board.marks if m.struck] == ["J002", "J005"]  # 90 and 60
    ranked = engine(rh).case(case)
    assert ranked is not None
    assert [m.judge_code for m in ranked.result.marks if m.dropped] == ["J002", "J005"]
    assert board.score == float(ranked.result.score) == round((80 + 70 + 85) / 3, 2)


def test_a_slow_older_reading_of_the_marks_never_overwrites_a_newer_one(
    rh: Rehearsal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two bundles merged at once refresh the show from two threads; the hall must end on both marks."""
    info = create_session(rh.ws, LiveSetup(ROUND, "5", seed=1))
    show = LiveShow(rh.ws, info.id)
    arrivals = Arrivals(rh.ws)  # not subscribed: the test drives the two refreshes itself
    case = info.order[0].case_id
    give(rh.homes["J001"], case, 80)
    merge_all(rh, arrivals, ["J001"])
    read = show._load_results
    first_read, newer_stored = threading.Event(), threading.Event()

    def held_back_once() -> GroupResults:
        results = read()
        if not first_read.is_set():
            first_read.set()
            newer_stored.wait(2)  # the older reading is slow to come back while a newer one happens
        return results

    monkeypatch.setattr(show, "_load_results", held_back_once)
    older = threading.Thread(target=show.refresh)
    older.start()
    assert first_read.wait(10)
    give(rh.homes["J002"], case, 90)
    merge_all(rh, arrivals, ["J002"])
    newer = threading.Thread(target=lambda: (show.refresh(), newer_stored.set()))
    newer.start()
    older.join(10)
    newer.join(10)
    board = show.snapshot().board
    assert board is not None
    assert [m.judge for m in board.marks if m.value is not None] == ["J001", "J002"]


def test_ranking_ties_and_the_reveal_bronze_silver_gold(rh: Rehearsal) -> None:
    info = create_session(rh.ws, LiveSetup(ROUND, "5", seed=3))
    show = LiveShow(rh.ws, info.id)
    arrivals = Arrivals(rh.ws)
    arrivals.subscribe(show.on_arrival)
    ids = [c.case_id for c in info.order]
    # five marks per case (the score is the mean of the middle three); ids[1] and ids[2] tie on it (80)
    # and the median breaks the tie; ids[3] and ids[4] tie on both and the 效果 score breaks it
    plan = {
        ids[0]: ((70, 71, 72, 73, 74), 12.5),
        ids[1]: ((60, 79, 80, 81, 95), 12.5),  # trimmed 80, median 80
        ids[2]: ((70, 78, 78, 84, 90), 12.5),  # trimmed 80, median 78
        ids[3]: ((50, 60, 60, 60, 70), 20.0),  # trimmed 60, median 60, 效果 20
        ids[4]: ((50, 60, 60, 60, 70), 10.0),  # trimmed 60, median 60, 效果 10
        ids[5]: ((90, 90, 90, 90, 90), 12.5),
    }
    for cid, (totals, effect) in plan.items():
        for judge, total in zip(rh.judge_codes(), totals, strict=True):
            give(rh.homes[judge], cid, total, effect)
    show.go("awards")
    with pytest.raises(DomainError) as early:
        show.reveal_next()
    assert early.value.code == "live_scores_incomplete"
    merge_all(rh, arrivals)
    snap = show.snapshot()
    assert snap.complete
    order = [(r.case_id, r.rank, r.score, r.tie_break) for r in snap.ranking]
    assert order == [
        (ids[5], 1, 90.0, ""),
        (ids[1], 2, 80.0, "median"),  # the median separated it from its neighbour on 80
        (ids[2], 3, 80.0, "median"),
        (ids[0], 4, 72.0, ""),
        (ids[3], 5, 60.0, "criterion"),  # the 效果 criterion separated these two
        (ids[4], 6, 60.0, "criterion"),
    ]
    assert [(r.case_id, r.rank, r.score) for r in snap.ranking] == engine_ranking(rh)
    assert snap.revealed == ()
    show.next()  # in the awards scene, "next" reveals one tier
    bronze = show.snapshot().revealed
    assert [(a.key, [c.case_id for c in a.cases]) for a in bronze] == [("bronze", [ids[0], ids[3], ids[4]])]
    show.reveal_next()
    show.reveal_next()
    show.reveal_next()  # nothing after the gold
    final = show.snapshot().revealed
    assert [(a.key, [c.case_id for c in a.cases]) for a in final] == [
        ("bronze", [ids[0], ids[3], ids[4]]),
        ("silver", [ids[1], ids[2]]),
        ("gold", [ids[5]]),
    ]
    results = engine(rh)
    assert [(a.key, tuple(c.case_id for c in a.cases)) for a in final] == [
        (key, results.holders(key)) for key in ("bronze", "silver", "gold")
    ]


def test_a_tie_left_at_the_end_is_settled_by_a_recorded_draw_the_results_agree_with(rh: Rehearsal) -> None:
    info = create_session(rh.ws, LiveSetup(ROUND, "5", seed=11))
    show = LiveShow(rh.ws, info.id)
    arrivals = Arrivals(rh.ws)
    arrivals.subscribe(show.on_arrival)
    ids = [c.case_id for c in info.order]
    # ids[0] and ids[1] are equal on every step of the chain: the same five marks, the same 效果
    plan = [(80, 82, 84, 86, 88), (80, 82, 84, 86, 88), (70,) * 5, (66,) * 5, (64,) * 5, (60,) * 5]
    for cid, totals in zip(ids[:-1], plan[:-1], strict=True):
        for judge, total in zip(rh.judge_codes(), totals, strict=True):
            give(rh.homes[judge], cid, total)
    merge_all(rh, arrivals)
    snap = show.snapshot()
    assert not snap.complete
    assert [(r.rank, r.tied) for r in snap.ranking[:2]] == [(1, True), (1, True)]  # shown as a tie
    for judge, total in zip(rh.judge_codes(), plan[-1], strict=True):
        give(rh.homes[judge], ids[-1], total)
    merge_all(rh, arrivals)
    snap = show.snapshot()
    assert snap.complete
    top = [(r.rank, r.tied, r.tie_break) for r in snap.ranking[:2]]
    assert top == [(1, False, "draw"), (2, False, "draw")]
    results = engine(rh)
    assert [d.seed for d in results.draws] == [11]  # the session's own seed, recorded
    assert [(r.case_id, r.rank, r.score) for r in snap.ranking] == engine_ranking(rh)
    assert results.holders("gold") == (snap.ranking[0].case_id,)
    with rh.ws.sessions() as s:
        drawn = s.scalars(select(AuditEvent).where(AuditEvent.action == "results.draw")).all()
    assert [e.actor for e in drawn] == ["live"]
    assert verify_workspace(rh.ws).ok  # the draw follows from its seed, the scores from the bundles


def test_an_award_override_reaches_the_reveal_on_stage(rh: Rehearsal) -> None:
    info = create_session(rh.ws, LiveSetup(ROUND, "5", seed=3))
    show = LiveShow(rh.ws, info.id)
    arrivals = Arrivals(rh.ws)
    arrivals.subscribe(show.on_arrival)
    for i, card in enumerate(info.order):
        for judge in rh.judge_codes():
            give(rh.homes[judge], card.case_id, 90 - 4 * i)
    merge_all(rh, arrivals)
    first, second = info.order[0], info.order[1]
    # after the last mark, the organizer withdraws the gold (a disqualification) and grants it again
    override_award(rh.ws, ROUND, "gold", grant=False, reason="资格复核未通过", case_code=first.code)
    override_award(rh.ws, ROUND, "gold", grant=True, reason="金奖递补", case_code=second.code)
    show.go("awards")
    for _ in range(3):
        show.reveal_next()
    revealed = {a.key: [c.case_id for c in a.cases] for a in show.snapshot().revealed}
    assert revealed["gold"] == [second.case_id]
    assert first.case_id not in revealed["gold"]
    assert revealed["gold"] == list(engine(rh).holders("gold"))


def test_stealth_keeps_the_ranking_off_the_console_until_the_hall_sees_it(rh: Rehearsal) -> None:
    info = create_session(rh.ws, LiveSetup(ROUND, "5", seed=3))
    show = LiveShow(rh.ws, info.id)
    arrivals = Arrivals(rh.ws)
    arrivals.subscribe(show.on_arrival)
    for judge in rh.judge_codes():
        give(rh.homes[judge], info.order[0].case_id, 88)
    merge_all(rh, arrivals)
    show.set_stealth(True)
    assert len(show.snapshot().ranking) == 1  # the projector's copy
    console = show.snapshot(for_console=True)
    assert console.ranking == ()
    assert console.ranking_hidden
    show.show_ranking(True)  # once the hall sees it, the console may too
    assert len(show.snapshot(for_console=True).ranking) == 1


def test_a_restart_picks_up_scene_case_reveal_and_timer(rh: Rehearsal) -> None:
    now = [100.0]
    info = create_session(rh.ws, LiveSetup(ROUND, "5", seed=5))
    show = LiveShow(rh.ws, info.id, clock=lambda: now[0])
    show.next()
    show.next()
    show.next()
    show.next()  # welcome → draw → next up 1 → presenting 1 → scoring 1
    show.next()  # next up 2
    show.next()  # presenting 2
    show.start_timer()
    now[0] += 95.0
    show.show_slides(True)
    show.page(+1, 4)
    show.set_stealth(True)

    again = LiveShow.reopen(rh.ws, info.id, clock=lambda: 9999.0)
    snap = again.snapshot()
    assert (snap.scene, snap.position, snap.show_slides, snap.slides_page, snap.stealth) == (
        "presenting", 1, True, 1, True
    )  # fmt: skip
    assert snap.case is not None
    assert snap.case.code == info.order[1].code
    assert not snap.timer.running  # a restart finds the clock paused where it was
    assert snap.timer.remaining == pytest.approx(480 - 95)
    assert load_session(rh.ws, info.id).progress.scene == "presenting"


def test_a_new_case_on_stage_starts_with_a_full_clock(rh: Rehearsal) -> None:
    now = [0.0]
    info = create_session(rh.ws, LiveSetup(ROUND, "5", seed=5, talk_seconds=300, questions_seconds=0))
    show = LiveShow(rh.ws, info.id, clock=lambda: now[0])
    show.go("presenting", 0)
    show.start_timer()
    now[0] = 200.0
    show.go("scoring", 0)
    assert show.snapshot().timer.remaining == pytest.approx(100.0)
    show.next()  # next up: the second case
    assert show.snapshot().timer.remaining == 300.0
    assert not show.snapshot().timer.running
