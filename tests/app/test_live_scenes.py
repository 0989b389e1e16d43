# SPDX-License-Identifier: Apache-2.0
"""The projector's scenes as a state machine: the line of an event, the overlay, a reveal that never skips."""

from __future__ import annotations

import pytest

from app.live.scenes import Stage


def walk(stage: Stage, n: int) -> list[tuple[str, int]]:
    seen = []
    for _ in range(n):
        stage = stage.next()
        seen.append((stage.scene, stage.position))
    return seen


def test_next_walks_every_case_then_ranking_and_awards() -> None:
    stage = Stage(n_cases=2, n_reveal_steps=3)
    assert walk(stage, 9) == [
        ("draw", 0),
        ("next_up", 0),
        ("presenting", 0),
        ("scoring", 0),
        ("next_up", 1),
        ("presenting", 1),
        ("scoring", 1),
        ("ranking", 1),
        ("awards", 1),
    ]


def test_reveal_goes_one_step_per_click_and_never_back() -> None:
    stage = Stage(n_cases=1, n_reveal_steps=3).go("awards")
    assert stage.reveal_step == 0
    steps = []
    for _ in range(5):
        stage = stage.next()
        steps.append(stage.reveal_step)
    assert steps == [1, 2, 3, 3, 3]
    back = stage.previous()
    assert back.scene == "ranking"
    assert back.reveal_step == 3  # leaving the awards takes nothing back
    assert back.go("awards").reveal_step == 3


def test_reveal_only_from_the_awards_scene() -> None:
    stage = Stage(n_cases=3, n_reveal_steps=3).go("ranking")
    assert stage.reveal_next().reveal_step == 0


def test_previous_and_go_change_case_and_reset_slides() -> None:
    stage = Stage(n_cases=3, n_reveal_steps=3).go("presenting", 1).slides(True).page(+1, 10).page(+1, 10)
    assert (stage.show_slides, stage.slides_page) == (True, 2)
    assert stage.go("scoring").slides_page == 2  # same case: the slides stay where they were
    earlier = stage.go("next_up").previous()
    assert (earlier.scene, earlier.position, earlier.show_slides, earlier.slides_page) == (
        "scoring",
        0,
        False,
        0,
    )
    with pytest.raises(ValueError, match="no case"):
        stage.go("scoring", 3)


def test_pages_stay_inside_the_deck() -> None:
    stage = Stage(n_cases=1, n_reveal_steps=0).go("presenting")
    assert stage.page(-1, 5).slides_page == 0
    assert stage.page(+9, 5).slides_page == 4


def test_ranking_overlay_returns_to_the_scene_under_it() -> None:
    stage = Stage(n_cases=2, n_reveal_steps=3).go("presenting", 1).show_ranking()
    assert stage.visible == "ranking"
    assert stage.next().visible == "presenting"
    assert stage.next().position == 1
