# SPDX-License-Identifier: Apache-2.0
"""The projector's scenes as a state machine: plain, immutable state and the moves an operator makes.

An event runs welcome → the draw → for each case in order (next up → presenting → scoring) → the live
ranking → the award reveal. ``next``/``previous`` walk that line; ``go`` jumps to a scene of the case on
stage (the console's thumbnails); ``show_ranking`` lays the ranking over whatever is on. The award reveal
only ever moves one step forward (bronze → silver → gold): there is no move that skips a step or takes
one back, so a mis-click can never announce the gold before the silver.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

#: Every scene, in the order of an event.
SCENES = ("welcome", "draw", "next_up", "presenting", "scoring", "ranking", "awards")
#: The scenes that belong to the case on stage.
CASE_SCENES = ("next_up", "presenting", "scoring")


@dataclass(frozen=True, slots=True)
class Stage:
    """Where the show stands: the scene, the case on stage (index into the order), slides, reveal."""

    n_cases: int
    n_reveal_steps: int  # award tiers to reveal (e.g. 3: bronze, silver, gold)
    scene: str = "welcome"
    position: int = 0
    show_slides: bool = False
    slides_page: int = 0
    reveal_step: int = 0  # tiers revealed so far; only ever grows by one
    ranking_shown: bool = False  # the ranking laid over the scene

    @property
    def visible(self) -> str:
        """The scene the hall sees."""
        return "ranking" if self.ranking_shown else self.scene

    @property
    def fully_revealed(self) -> bool:
        return self.reveal_step >= self.n_reveal_steps

    def _line(self) -> list[tuple[str, int]]:
        steps = [("welcome", 0), ("draw", 0)]
        for i in range(self.n_cases):
            steps += [(s, i) for s in CASE_SCENES]
        return [*steps, ("ranking", 0), ("awards", 0)]

    def _index(self) -> int:
        line = self._line()
        here = (self.scene, self.position if self.scene in CASE_SCENES else 0)
        return line.index(here) if here in line else 0

    def _at(self, scene: str, position: int) -> Stage:
        changed_case = position != self.position
        return replace(
            self,
            scene=scene,
            position=position,
            ranking_shown=False,
            slides_page=0 if changed_case else self.slides_page,
            show_slides=False if changed_case else self.show_slides,
        )

    def next(self) -> Stage:
        """One scene on; at the awards, one reveal step on (until all are revealed)."""
        if self.ranking_shown:
            return replace(self, ranking_shown=False)
        if self.scene == "awards":
            return self.reveal_next()
        line = self._line()
        i = self._index()
        scene, pos = line[min(i + 1, len(line) - 1)]
        return self._at(scene, pos if scene in CASE_SCENES else self.position)

    def previous(self) -> Stage:
        """One scene back; never takes back a revealed award (the reveal stays where it is)."""
        if self.ranking_shown:
            return replace(self, ranking_shown=False)
        line = self._line()
        scene, pos = line[max(self._index() - 1, 0)]
        return self._at(scene, pos if scene in CASE_SCENES else self.position)

    def go(self, scene: str, position: int | None = None) -> Stage:
        """Jump to a scene (of the case at ``position``, default the one on stage)."""
        if scene not in SCENES:
            raise ValueError(f"unknown scene {scene!r}")
        pos = self.position if position is None else position
        if not 0 <= pos < max(self.n_cases, 1):
            raise ValueError(f"no case at position {pos}")
        return self._at(scene, pos)

    def show_ranking(self, shown: bool = True) -> Stage:
        return replace(self, ranking_shown=shown)

    def reveal_next(self) -> Stage:
        """Reveal the next award tier; only from the awards scene, one step at a time."""
        if self.scene != "awards" or self.fully_revealed:
            return self
        return replace(self, reveal_step=self.reveal_step + 1)

    def slides(self, shown: bool) -> Stage:
        return replace(self, show_slides=shown)

    def page(self, delta: int, pages: int) -> Stage:
        """Page the slides of the case on stage by ``delta`` (PageDown +1, PageUp -1), within the deck."""
        if pages <= 0:
            return self
        return replace(self, slides_page=max(0, min(pages - 1, self.slides_page + delta)))
