# SPDX-License-Identifier: Apache-2.0
"""What a judge typed into a score, read the one way both the GUI rubric and ``leitai judge score`` read it.

The rule is: accept what a person plainly means, refuse everything else, never change a value. So
surrounding spaces and full-width digits (a Chinese input method in full-width mode types ``１７``) are
read as the number they show, ``25.0`` is 25, and an empty entry means "not scored". Anything outside
0..max, off the criterion's step, signed (``-0``, ``+5``), in exponent form (``1e1``: a slip of the
finger, not a way anyone writes a score) or not a number at all is refused with a message that says the
range and the step; nothing is rounded or clamped into place.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from app.bundles.canonical import decimal_text
from app.errors import DomainError

#: Plain decimal digits with at most one point ("17", "17.5", "17.", ".5"); no sign, no exponent.
_PLAIN_DECIMAL = re.compile(r"[0-9]+(\.[0-9]*)?|\.[0-9]+")


def parse_score(
    value: str | Decimal | int | float | None,
    maximum: Decimal | float,
    step: Decimal | float,
    criterion: str = "",
) -> Decimal | None:
    """The score ``value`` stands for, or None for "not scored"; DomainError when it is not a valid score.

    Refusals: ``score_not_a_number``, ``score_out_of_range``, ``score_off_step`` (each with the
    criterion's name, the value as typed, the maximum and the step).
    """
    if value is None or (isinstance(value, str) and not unicodedata.normalize("NFKC", value).strip()):
        return None
    top, unit = _exact(maximum), _exact(step)
    shown = value.strip() if isinstance(value, str) else str(value)
    number = _number(value)
    if number is None:
        raise DomainError(
            "score_not_a_number",
            value=shown,
            criterion=criterion,
            max=decimal_text(top),
            step=decimal_text(unit),
        )
    if number.is_signed() or number > top:
        raise DomainError(
            "score_out_of_range",
            value=shown,
            criterion=criterion,
            max=decimal_text(top),
            step=decimal_text(unit),
        )
    if unit > 0 and (number / unit) != (number / unit).to_integral_value():
        raise DomainError(
            "score_off_step", value=shown, criterion=criterion, max=decimal_text(top), step=decimal_text(unit)
        )
    return number


def _number(value: str | Decimal | int | float) -> Decimal | None:
    """The number a non-empty entry plainly is, or None when it is not one (sign and exponent included)."""
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        return Decimal(text) if _PLAIN_DECIMAL.fullmatch(text) else None
    if isinstance(value, bool):
        return None
    number = _exact(value)
    return number if number.is_finite() else None


def _exact(value: Decimal | float | int) -> Decimal:
    """A number as an exact decimal (a float by its shortest repr: 0.1 is 0.1, not 0.1000000000000000055)."""
    try:
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation as exc:  # pragma: no cover - ints, floats and Decimals always convert
        raise ValueError(f"not a number: {value!r}") from exc
