# SPDX-License-Identifier: Apache-2.0
"""A score entry that shows exactly what the judge typed and never stores anything else.

Every keystroke is kept on screen; the text is read by ``app.judge_home.score_input.parse_score`` (the
same function ``leitai judge score`` uses). A text that is not a valid score marks the field at once
(the dynamic property ``invalid``, styled in leitai.qss) and says why, with the range and the step; it is
never rounded, clamped or put back to the previous value, and nothing is saved while it stands. Enter,
leaving the field, or an arrow-key step commits a valid value; an empty field means "not scored".
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QWidget

from app.bundles.canonical import decimal_text
from app.errors import DomainError
from app.judge_home.score_input import parse_score

#: What an unscored criterion shows (a placeholder: the field itself is empty).
UNSET_TEXT = "—"


def step_decimals(step: float) -> int:
    """Decimals a value on this step needs: 1 -> 0, 0.5 -> 1, 0.25 -> 2."""
    exponent = Decimal(str(step)).normalize().as_tuple().exponent
    return max(0, -int(exponent)) if isinstance(exponent, int) else 2


class ScoreSpinBox(QAbstractSpinBox):
    """0..max in steps of ``step``; ``score()`` is the last committed value, None while unscored."""

    #: The judge committed a valid value that differs from the last one: Decimal, or None (unscored).
    score_entered = Signal(object)
    #: The text became valid ("") or invalid (the message saying why, with the range and the step).
    problem_changed = Signal(str)

    def __init__(
        self, maximum: float, step: float, criterion: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._max = Decimal(str(maximum))
        self._step = Decimal(str(step))
        self._criterion = criterion
        self._committed: Decimal | None = None
        self._problem = ""
        self.setProperty("invalid", False)
        self.setAccelerated(True)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.lineEdit().setPlaceholderText(UNSET_TEXT)
        self.lineEdit().textChanged.connect(self._check)
        self.editingFinished.connect(self.commit)

    # ---- value ---------------------------------------------------------------------------------------
    def score(self) -> float | None:
        return None if self._committed is None else float(self._committed)

    def set_score(self, value: float | Decimal | None) -> None:
        """Show a saved value (no signal: nothing was typed)."""
        self._committed = None if value is None else Decimal(str(value))
        self.blockSignals(True)
        self.lineEdit().setText("" if self._committed is None else decimal_text(self._committed))
        self.blockSignals(False)
        self._check(self.text())

    @property
    def problem(self) -> str:
        """Why the text on screen is not a valid score ("" when it is)."""
        return self._problem

    def parsed(self) -> Decimal | None:
        """The text on screen as a score (DomainError when it is not one)."""
        return parse_score(self.text(), self._max, self._step, self._criterion)

    def commit(self) -> None:
        """Take the text as the judge's entry: emit it when it is valid and new; leave a refusal shown."""
        if self.isReadOnly():
            return
        try:
            value = self.parsed()
        except DomainError:
            return  # the field is marked and says why; the saved value stays as it was
        if value != self._committed:
            self._committed = value
            self.score_entered.emit(value)

    # ---- checking --------------------------------------------------------------------------------------
    def _check(self, _text: str) -> None:
        try:
            self.parsed()
            problem = ""
        except DomainError as exc:
            problem = exc.message
        if problem == self._problem:
            return
        self._problem = problem
        self.setProperty("invalid", bool(problem))
        self.style().unpolish(self)
        self.style().polish(self)
        self.update()
        self.problem_changed.emit(problem)

    def validate(self, text: str, pos: int) -> object:
        # Never refuse a keystroke: the judge must see what they typed, marked, and why it is not taken.
        return QValidator.State.Acceptable, text, pos

    def fixup(self, text: str) -> str:
        return text  # never "correct" an entry into another value

    # ---- arrow keys ------------------------------------------------------------------------------------
    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        if self.isReadOnly() or not self.isEnabled() or self._problem:
            return QAbstractSpinBox.StepEnabledFlag.StepNone
        return (
            QAbstractSpinBox.StepEnabledFlag.StepUpEnabled | QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        )

    def stepBy(self, steps: int) -> None:
        """One step up from "not scored" is 0; one step down from 0 is "not scored" again."""
        if self.isReadOnly():
            return
        try:
            current = self.parsed()
        except DomainError:
            return
        if current is None:
            value: Decimal | None = Decimal(0) if steps > 0 else None
        else:
            value = current + self._step * steps
            value = None if value < 0 else min(value, self._max)
        self.lineEdit().setText("" if value is None else decimal_text(value))
        self.selectAll()
        self.commit()
