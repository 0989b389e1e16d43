# SPDX-License-Identifier: Apache-2.0
"""A score entry that cannot hold a value outside its criterion's range or off its step.

Typing "35" where the maximum is 30, or "17.3" where the step is 0.5, is refused keystroke by keystroke
(the validator says Invalid), not reported afterwards. The value just below the minimum is the "not
scored yet" state and shows as a dash.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QWidget

#: What an unscored criterion shows.
UNSET_TEXT = "—"


def step_decimals(step: float) -> int:
    """Decimals a value on this step needs: 1 -> 0, 0.5 -> 1, 0.25 -> 2."""
    exponent = Decimal(str(step)).normalize().as_tuple().exponent
    return max(0, -int(exponent)) if isinstance(exponent, int) else 2


class ScoreSpinBox(QDoubleSpinBox):
    """0..max in steps of ``step``; ``score()`` is None while unscored."""

    def __init__(self, maximum: float, step: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._max = Decimal(str(maximum))
        self._step = Decimal(str(step))
        self.setDecimals(step_decimals(step))
        self.setRange(-step, maximum)  # the minimum is the "unscored" sentinel
        self.setSingleStep(step)
        self.setSpecialValueText(UNSET_TEXT)
        self.setKeyboardTracking(False)  # valueChanged on Enter, focus out and steps: one save per entry
        self.setAccelerated(True)
        self.setValue(-step)

    def score(self) -> float | None:
        return None if self.value() < 0 else self.value()

    def set_score(self, value: float | None) -> None:
        self.blockSignals(True)
        self.setValue(self.minimum() if value is None else value)
        self.blockSignals(False)

    def _on_step(self, value: Decimal) -> bool:
        return Decimal(0) <= value <= self._max and value % self._step == 0

    def validate(self, text: str, pos: int) -> object:
        if UNSET_TEXT in text and text.strip() != UNSET_TEXT:  # typing over the dash replaces it
            pos = max(0, pos - len(UNSET_TEXT))
            text = text.replace(UNSET_TEXT, "")
        stripped = text.strip()
        if stripped in ("", UNSET_TEXT):
            return QValidator.State.Intermediate, text, pos
        try:
            value = Decimal(stripped.rstrip("."))
        except InvalidOperation:
            return QValidator.State.Invalid, text, pos
        if value < 0 or value > self._max:
            return QValidator.State.Invalid, text, pos
        if self._on_step(value) and not stripped.endswith("."):
            return QValidator.State.Acceptable, text, pos
        decimals = len(stripped.split(".", 1)[1]) if "." in stripped else 0
        if decimals < self.decimals():  # more digits may still reach the step ("17." -> "17.5")
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def fixup(self, text: str) -> str:
        """An unfinished entry is rounded down to the step ("17." -> "17")."""
        try:
            value = Decimal(text.strip().rstrip("."))
        except InvalidOperation:
            return text
        value = min(self._max, max(Decimal(0), (value // self._step) * self._step))
        return f"{value:.{self.decimals()}f}"

    def valueFromText(self, text: str) -> float:
        if text.strip() in ("", UNSET_TEXT):
            return self.minimum()
        return super().valueFromText(text)
