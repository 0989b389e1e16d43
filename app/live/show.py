# SPDX-License-Identifier: Apache-2.0
"""A running live session: the stage, the timer and the scores, as one object the screens read.

``LiveShow`` holds the session's plain state (``app.live.scenes.Stage``, ``app.live.timer.CaseTimer``, the
group's results) behind a lock, saves the progress on every operator move, and refreshes the scores
whenever a bundle is merged (``on_arrival``, called from the receiver's or the folder watcher's thread).
Screens never read the database: they ask for a ``Snapshot`` and are told when it changed. No Qt here;
the projector subscribes and re-emits on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from app.errors import DomainError
from app.live.arrivals import Arrival
from app.live.scenes import CASE_SCENES, Stage
from app.live.scores import CaseBoard, GroupResults, RankRow, group_results, settle_ties
from app.live.setup import CaseCard, Progress, SessionInfo, load_session, save_progress
from app.live.timer import MONOTONIC, CaseTimer, Clock, TimerStatus
from app.workspace import Workspace

#: Award keys revealed on stage, best first; the reveal runs the other way (bronze → silver → gold).
STAGE_AWARD_KEYS = ("gold", "silver", "bronze")


@dataclass(frozen=True, slots=True)
class RevealedAward:
    """An award tier shown on stage, with its cases in rank order."""

    key: str
    cases: tuple[CaseCard, ...]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything a screen of the live session shows at one moment (immutable)."""

    version: int
    scene: str  # the scene the hall sees (the ranking when it is laid over)
    stage_scene: str  # the scene under a ranking overlay
    competition: str
    title: str
    round_name: str
    group_name: str
    order: tuple[CaseCard, ...]
    order_source: str
    seed: int | None
    position: int
    case: CaseCard | None
    timer: TimerStatus
    show_slides: bool
    slides_page: int
    board: CaseBoard | None
    ranking: tuple[RankRow, ...]
    revealed: tuple[RevealedAward, ...]  # in reveal order: bronze first
    reveal_step: int
    reveal_steps: int
    complete: bool  # every case has every mark
    stealth: bool
    ranking_hidden: bool  # winners kept off this screen (the console in stealth)

    def card(self, case_id: int) -> CaseCard | None:
        return next((c for c in self.order if c.case_id == case_id), None)


def stage_tiers(ws: Workspace, round_key: str) -> tuple[tuple[str, int], ...]:
    """The stage awards of a round from the season file, best first: e.g. (gold 1, silver 2, bronze 3)."""
    tiers = []
    for award in ws.rules.awards:
        if award.key in STAGE_AWARD_KEYS and award.round == round_key and award.count:
            tiers.append((award.key, award.count))
    return tuple(sorted(tiers, key=lambda t: STAGE_AWARD_KEYS.index(t[0])))


class LiveShow:
    """One live session in progress; thread-safe; every move is saved at once."""

    def __init__(self, ws: Workspace, session_id: int, clock: Clock = MONOTONIC) -> None:
        self._ws = ws
        self._clock = clock
        self._lock = threading.RLock()
        self._refresh_lock = threading.Lock()  # one reading of the marks at a time (see refresh)
        self._listeners: list[Callable[[], None]] = []
        self.info: SessionInfo = load_session(ws, session_id)
        self.tiers = stage_tiers(ws, self.info.round_key)
        p = self.info.progress
        self._stage = Stage(
            n_cases=len(self.info.order),
            n_reveal_steps=len(self.tiers),
            scene=p.scene,
            position=min(p.position, max(len(self.info.order) - 1, 0)),
            show_slides=p.show_slides,
            slides_page=p.slides_page,
            reveal_step=p.reveal_step,
        )
        timer = CaseTimer.for_case(self.info.talk_seconds, self.info.questions_seconds, self.info.warnings)
        # a restart finds the timer paused where it was last saved
        self._timer = replace(
            timer, phase_index=min(p.timer_phase, len(timer.phases) - 1), elapsed=p.timer_elapsed
        )
        self._stealth = p.stealth
        self._version = 0
        self._results = self._load_results()

    # --- reading ---------------------------------------------------------------------------------

    def _load_results(self) -> GroupResults:
        order = [c.case_id for c in self.info.order]
        results = group_results(self._ws, self.info.round_key, order, self.info.judges, self.tiers)
        # every mark is in and a tie is still open: a recorded draw settles it, as the results would
        if settle_ties(self._ws, self.info.round_key, results, self.info.seed):
            results = group_results(self._ws, self.info.round_key, order, self.info.judges, self.tiers)
        return results

    @property
    def workspace_root(self) -> Path:
        return self._ws.root

    @property
    def stage(self) -> Stage:
        return self._stage

    @property
    def timer(self) -> CaseTimer:
        return self._timer

    @property
    def results(self) -> GroupResults:
        return self._results

    def subscribe(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call ``callback()`` after every change (from the thread that made it); returns an unsubscribe."""
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback) if callback in self._listeners else None

    def revealed(self) -> tuple[RevealedAward, ...]:
        """The tiers revealed so far, bronze first; nothing before every case is scored."""
        awards = self._results.awards
        shown = list(reversed(self.tiers))[: self._stage.reveal_step]
        cards = {c.case_id: c for c in self.info.order}
        return tuple(RevealedAward(k, tuple(cards[cid] for cid in awards.get(k, ()))) for k, _ in shown)

    def snapshot(self, for_console: bool = False) -> Snapshot:
        """What the projector shows now (``for_console``: the console's copy, without winners in stealth)."""
        with self._lock:
            st = self._stage
            case = self.info.order[st.position] if self.info.order else None
            board = self._results.boards.get(case.case_id) if case is not None else None
            hidden = for_console and self._stealth and st.visible != "ranking"
            return Snapshot(
                version=self._version,
                scene=st.visible,
                stage_scene=st.scene,
                competition=self.info.competition,
                title=self.info.title,
                round_name=self.info.round_name,
                group_name=self.info.group_name,
                order=self.info.order,
                order_source=self.info.order_source,
                seed=self.info.seed,
                position=st.position,
                case=case,
                timer=self._timer.status(self._clock()),
                show_slides=st.show_slides,
                slides_page=st.slides_page,
                board=board,
                ranking=() if hidden else self._results.ranking,
                revealed=self.revealed(),
                reveal_step=st.reveal_step,
                reveal_steps=st.n_reveal_steps,
                complete=self._results.complete,
                stealth=self._stealth,
                ranking_hidden=hidden,
            )

    # --- moves -----------------------------------------------------------------------------------

    def _apply(
        self, stage: Stage | None = None, timer: CaseTimer | None = None, stealth: bool | None = None
    ) -> None:
        """Take a new state, save it, tell the screens."""
        with self._lock:
            now = self._clock()
            if stage is not None:
                if stage.position != self._stage.position and stage.scene in CASE_SCENES:
                    timer = (timer or self._timer).reset()  # a new case on stage starts from full time
                self._stage = stage
            if timer is not None:
                self._timer = timer
            if stealth is not None:
                self._stealth = stealth
            self._version += 1
            st = self._stage
            save_progress(
                self._ws,
                self.info.id,
                Progress(
                    scene=st.scene,
                    position=st.position,
                    show_slides=st.show_slides,
                    slides_page=st.slides_page,
                    reveal_step=st.reveal_step,
                    timer_phase=self._timer.phase_index,
                    timer_elapsed=self._timer.used(now),
                    stealth=self._stealth,
                ),
            )
        self._notify()

    def _notify(self) -> None:
        for callback in list(self._listeners):
            callback()

    def next(self) -> None:
        with self._lock:
            if self._stage.scene == "awards":
                self.reveal_next()
                return
            self._apply(self._stage.next())

    def previous(self) -> None:
        with self._lock:
            self._apply(self._stage.previous())

    def go(self, scene: str, position: int | None = None) -> None:
        with self._lock:
            self._apply(self._stage.go(scene, position))

    def show_ranking(self, shown: bool) -> None:
        with self._lock:
            self._apply(self._stage.show_ranking(shown))

    def reveal_next(self) -> None:
        """Reveal the next award tier; refused until every case has every mark."""
        with self._lock:
            if self._stage.scene != "awards":
                raise DomainError("live_reveal_not_awards")
            # read the results again: an award override made since the last mark arrived counts on stage
            self._results = self._load_results()
            if not self._results.complete:
                raise DomainError("live_scores_incomplete")
            self._apply(self._stage.reveal_next())

    def show_slides(self, shown: bool) -> None:
        with self._lock:
            self._apply(self._stage.slides(shown))

    def page(self, delta: int, pages: int) -> None:
        """PageDown (+1) / PageUp (-1) on the slides of the case on stage."""
        with self._lock:
            self._apply(self._stage.page(delta, pages))

    def start_timer(self) -> None:
        with self._lock:
            self._apply(timer=self._timer.start(self._clock()))

    def pause_timer(self) -> None:
        with self._lock:
            self._apply(timer=self._timer.pause(self._clock()))

    def reset_timer(self) -> None:
        with self._lock:
            self._apply(timer=self._timer.reset())

    def next_phase(self) -> None:
        with self._lock:
            self._apply(timer=self._timer.next_phase(self._clock()))

    def set_stealth(self, on: bool) -> None:
        with self._lock:
            self._apply(stealth=on)

    # --- scores ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the marks again (after a merge) and tell the screens.

        Two bundles merged at once refresh from two threads: reading and storing one after the other means
        the last reading stored started after every merge that asked for it, so a slower, older reading
        never overwrites a newer one (a mark shown and then lost again until the next arrival).
        """
        with self._refresh_lock:
            results = self._load_results()
            with self._lock:
                self._results = results
                self._version += 1
        self._notify()

    def on_arrival(self, arrival: Arrival) -> None:
        """Subscriber of ``Arrivals``: a merged bundle may bring marks; anything else changes no score."""
        if arrival.changed:
            self.refresh()

    @classmethod
    def reopen(cls, ws: Workspace, session_id: int, clock: Clock = MONOTONIC) -> LiveShow:
        """The same session after a restart (what was saved is where it goes on)."""
        return cls(ws, session_id, clock)
