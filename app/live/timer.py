# SPDX-License-Identifier: Apache-2.0
"""A case's time on stage as plain state over a monotonic clock: phases, countdown, warnings.

The state is immutable: ``start``, ``pause``, ``reset`` and ``next_phase`` return a new ``CaseTimer``,
and what a screen shows is ``status(now)``. The clock is passed in (``time.monotonic`` in the app, a
fake in tests), so a countdown can be tested to the second without sleeping. A phase that runs out keeps
counting into negative (overtime): the speaker may run over, and the hall should see by how much; the
operator moves on to the questions with ``next_phase``.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

#: A monotonic clock in seconds (``time.monotonic`` unless a test injects its own).
Clock = Callable[[], float]
MONOTONIC: Clock = time.monotonic

#: The level names, from calm to the end of the phase (``app.glossary.live.TIMER_LEVELS``).
LEVELS = ("normal", "warning", "time_up")


@dataclass(frozen=True, slots=True)
class Phase:
    """One stretch of a case's time on stage, e.g. the 8-minute talk."""

    key: str  # talk | questions
    seconds: int


@dataclass(frozen=True, slots=True)
class TimerStatus:
    """What the countdown shows at one moment."""

    phase: str
    phase_index: int
    remaining: float  # seconds; negative in overtime
    running: bool
    level: str  # normal | warning | time_up
    last_phase: bool

    @property
    def display(self) -> str:
        """``m:ss`` rounded up while time remains (so 0:00 shows exactly when time is up), ``-m:ss`` over."""
        if self.remaining > 0:
            whole = math.ceil(self.remaining - 1e-9)
            return f"{whole // 60}:{whole % 60:02d}"
        over = int(-self.remaining)
        return f"-{over // 60}:{over % 60:02d}" if over else "0:00"


@dataclass(frozen=True, slots=True)
class CaseTimer:
    """The countdown of the case on stage: which phase, time used in it, and whether it runs.

    ``elapsed`` counts the time used in the phase up to ``started_at`` (None while paused); warnings are
    seconds left, e.g. (60, 0): one minute left raises ``warning``, none left ``time_up``.
    """

    phases: tuple[Phase, ...]
    warnings: tuple[int, ...] = (60, 0)
    phase_index: int = 0
    elapsed: float = 0.0
    started_at: float | None = None

    @classmethod
    def for_case(cls, talk_seconds: int, questions_seconds: int, warnings: tuple[int, ...]) -> CaseTimer:
        """A talk, then questions if they have time, with the given warnings (seconds left)."""
        phases = [Phase("talk", talk_seconds)]
        if questions_seconds > 0:
            phases.append(Phase("questions", questions_seconds))
        return cls(tuple(phases), tuple(sorted(warnings, reverse=True)))

    @property
    def running(self) -> bool:
        return self.started_at is not None

    def used(self, now: float) -> float:
        """Seconds used in the current phase."""
        return self.elapsed + (now - self.started_at if self.started_at is not None else 0.0)

    def start(self, now: float) -> CaseTimer:
        return self if self.running else replace(self, started_at=now)

    def pause(self, now: float) -> CaseTimer:
        return replace(self, elapsed=self.used(now), started_at=None) if self.running else self

    def reset(self) -> CaseTimer:
        """Back to the start of the first phase, stopped."""
        return replace(self, phase_index=0, elapsed=0.0, started_at=None)

    def next_phase(self, now: float) -> CaseTimer:
        """On to the next phase (questions), keeping the clock running if it was; the last phase stays."""
        if self.phase_index + 1 >= len(self.phases):
            return self
        return replace(
            self, phase_index=self.phase_index + 1, elapsed=0.0, started_at=now if self.running else None
        )

    def status(self, now: float) -> TimerStatus:
        phase = self.phases[self.phase_index]
        remaining = phase.seconds - self.used(now)
        if remaining <= 0:
            level = "time_up"
        elif any(remaining <= w for w in self.warnings if w > 0):
            level = "warning"
        else:
            level = "normal"
        return TimerStatus(
            phase=phase.key,
            phase_index=self.phase_index,
            remaining=remaining,
            running=self.running,
            level=level,
            last_phase=self.phase_index + 1 >= len(self.phases),
        )
