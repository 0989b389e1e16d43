# SPDX-License-Identifier: Apache-2.0
"""A score is stored only as the judge typed it: the GUI rubric and ``leitai judge score`` accept and
refuse exactly the same entries (one reader in app/), a refusal is shown at once with the range and the
step, and clearing an entry makes the criterion unscored again."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.cli import main as cli
from app.errors import DomainError
from app.judge_home import JudgeHome
from app.judge_home.score_input import parse_score
from tests.ui.judge_support import small_package, type_score, type_text
from ui.judge.judge_view import JudgeView

#: The criterion the table is typed into: 实施效果, 0–25 in steps of 0.5.
KEY = "results"
BEFORE = Decimal(10)
REFUSED = "refused"
#: What a judge types, and what is stored (None: not scored; REFUSED: the value before stays).
ENTRIES: list[tuple[str, Decimal | str | None]] = [
    ("99", REFUSED),  # out of range: never 25
    ("17.3", REFUSED),  # off the step: never 17 or 17.5
    ("17.5", Decimal("17.5")),
    ("", None),  # cleared: the criterion is unscored again
    (" 12 ", Decimal(12)),  # spaces around a number are not part of it
    ("1e1", REFUSED),  # nobody writes a score in exponent form: a slip, not 10
    ("-0", REFUSED),  # a sign has no place in a score
    ("25.0", Decimal(25)),
    ("abc", REFUSED),
    ("１７", Decimal(17)),  # full-width digits, as a Chinese input method types them: 17
    ("17。5", REFUSED),  # an ideographic full stop is not a decimal point
    ("0", Decimal(0)),
]


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    return small_package(tmp_path_factory.mktemp("scores"))


def test_the_reader_in_app_follows_the_table() -> None:
    for typed, expected in ENTRIES:
        if expected == REFUSED:
            with pytest.raises(DomainError) as err:
                parse_score(typed, 25, 0.5, "实施效果")
            assert "25" in err.value.message, typed
            assert "0.5" in err.value.message, typed
        else:
            assert parse_score(typed, 25, 0.5, "实施效果") == expected, typed


@pytest.fixture
def view(qtbot, ctx, package, tmp_path) -> Iterator[JudgeView]:
    widget = JudgeView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1600, 950)
    widget.show()
    widget.open_package(package.path, access_code=package.access_code)
    qtbot.waitUntil(lambda: widget.home is not None, timeout=15000)
    yield widget
    widget.shutdown()


def stored(view: JudgeView) -> Decimal | None:
    assert view.home is not None
    assert view.case_id is not None
    text = view.home.scores(view.case_id).texts.get(KEY)
    return None if text is None else Decimal(text)


def test_gui_stores_exactly_what_the_table_says_and_shows_refusals_at_once(qtbot, view) -> None:
    spin = view.scoring.rubric.spins[KEY]
    problem = view.scoring.rubric.problems[KEY]
    for typed, expected in ENTRIES:
        type_score(qtbot, spin, str(BEFORE))
        qtbot.waitUntil(lambda: not view.saving and stored(view) == BEFORE, timeout=5000)
        spin.setFocus()
        spin.selectAll()
        if typed:
            type_text(qtbot, spin, typed)
        else:
            qtbot.keyClick(spin, Qt.Key.Key_Backspace)
        if expected == REFUSED:  # marked while typing, before Enter
            assert spin.property("invalid") is True, typed
            assert problem.isVisible(), typed
            assert "25" in problem.text(), typed
            assert "0.5" in problem.text(), typed
        qtbot.keyClick(spin, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not view.saving, timeout=5000)
        if expected == REFUSED:
            assert stored(view) == BEFORE, typed  # nothing saved
            assert spin.text() == typed, typed  # what was typed stays on screen, never "corrected"
            assert spin.property("invalid") is True
        else:
            assert stored(view) == expected, typed
            assert spin.property("invalid") is False, typed
            assert not problem.isVisible()
    # Cleared is saved as "not scored": a case with no score left is not started again.
    type_score(qtbot, spin, "")
    qtbot.waitUntil(lambda: not view.saving and stored(view) is None, timeout=5000)
    assert view.home is not None
    assert view.home.scores(view.case_id).state == "not_started"


def test_cli_accepts_and_refuses_the_same_entries(package, tmp_path: Path, capsys) -> None:
    home_dir = tmp_path / "home"
    JudgeHome.open_package(package.path, home_dir, package.access_code).close()
    with JudgeHome.open(home_dir) as home:
        case = home.cases()[0].id
    args = ["judge", "score", "--home", str(home_dir), "--case", str(case)]
    for typed, expected in ENTRIES:
        assert cli([*args, "--criterion", f"{KEY}={BEFORE}"]) == 0
        code = cli([*args, "--criterion", f"{KEY}={typed}"])
        err = capsys.readouterr().err
        with JudgeHome.open(home_dir) as home:
            text = home.scores(case).texts.get(KEY)
        now = None if text is None else Decimal(text)
        if expected == REFUSED:
            assert code == 2, typed
            assert now == BEFORE, typed
            assert "25" in err, err
            assert "0.5" in err, err
        else:
            assert code == 0, (typed, err)
            assert now == expected, typed
