# SPDX-License-Identifier: Apache-2.0
"""Canonical JSON and exact decimals: the bytes that are signed (docs/bundle-format.md §2)."""

from __future__ import annotations

import base64
import binascii
import json
import re
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

#: A decimal string as the format writes it (§2.1).
DECIMAL_RE = re.compile(r"(0|[1-9][0-9]*)(\.[0-9]*[1-9])?")
_MAX_INT = 2**53 - 1


class FormatError(ValueError):
    """A signed document breaks the format; the message says what, for the refusal report."""


def _check(value: Any, path: str) -> None:
    if value is None or isinstance(value, bool | str):
        return
    if isinstance(value, int):
        if abs(value) > _MAX_INT:
            raise FormatError(f"{path}: integer out of range")
        return
    if isinstance(value, float):
        raise FormatError(f"{path}: floating-point numbers are not allowed; use a decimal string")
    if isinstance(value, list | tuple):
        for i, item in enumerate(value):
            _check(item, f"{path}[{i}]")
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str) or not key.isascii():
                raise FormatError(f"{path}: object keys must be ASCII strings")
            _check(item, f"{path}.{key}")
        return
    raise FormatError(f"{path}: {type(value).__name__} cannot be written")


def dumps(value: Any) -> bytes:
    """The canonical bytes of a JSON value: sorted keys, no spaces, UTF-8, no floats."""
    _check(value, "$")
    return _encode(value)


def _encode(value: Any) -> bytes:
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def _no_floats(text: str) -> Any:
    raise FormatError(f"floating-point number {text} is not allowed")


def _no_constants(text: str) -> Any:
    raise FormatError(f"{text} is not allowed")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise FormatError("a key appears twice in one object")
    if not "".join(out).isascii():
        raise FormatError("object keys must be ASCII")
    return out


def _bounded_int(text: str) -> int:
    value = int(text)
    if abs(value) > _MAX_INT:
        raise FormatError(f"integer {text} out of range")
    return value


def loads(data: bytes) -> Any:
    """Parse canonical JSON; refuse anything that is not exactly the canonical form of its value."""
    try:
        text = data.decode("utf-8")
        value = json.loads(
            text,
            parse_float=_no_floats,
            parse_int=_bounded_int,
            parse_constant=_no_constants,
            object_pairs_hook=_unique_keys,
        )
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise FormatError(f"not valid JSON: {exc}") from exc
    # the hooks above refused floats, big integers, non-ASCII and repeated keys, so the value is one
    # dumps() accepts: re-encode without walking it again
    if _encode(value) != data:
        raise FormatError("JSON is not in canonical form")
    return value


def decimal_text(value: Decimal | float | int | str) -> str:
    """An exact non-negative decimal as the format writes it: ``20``, ``17.5``, ``0.25``."""
    try:
        d = Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise FormatError(f"not a number: {value!r}") from exc
    if not d.is_finite() or d < 0:
        raise FormatError(f"not a non-negative number: {value!r}")
    text = format(d.normalize(), "f") if d != 0 else "0"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if not DECIMAL_RE.fullmatch(text):  # pragma: no cover - formatting above always matches
        raise FormatError(f"cannot write {value!r}")
    return text


def parse_decimal(text: Any, path: str = "value") -> Decimal:
    """Read a decimal string written by ``decimal_text``; anything else is a format error."""
    if not isinstance(text, str) or not DECIMAL_RE.fullmatch(text):
        raise FormatError(f"{path}: not a decimal string: {text!r}")
    return Decimal(text)


def on_step(value: Decimal, maximum: Decimal, step: Decimal) -> bool:
    """True when ``0 <= value <= maximum`` and value is a whole number of steps."""
    if value < 0 or value > maximum:
        return False
    if step <= 0:
        return True
    return (value / step) == (value / step).to_integral_value()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: Any, length: int | None = None, path: str = "value") -> bytes:
    """Decode standard padded base64, optionally of an exact length; refuse anything non-canonical."""
    if not isinstance(text, str):
        raise FormatError(f"{path}: not a base64 string")
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise FormatError(f"{path}: not base64") from exc
    if b64(data) != text or (length is not None and len(data) != length):
        raise FormatError(f"{path}: wrong base64 length or form")
    return data


def utc_text(moment: datetime | None = None) -> str:
    """UTC time as the format writes it: ``2026-11-22T08:00:00Z``."""
    moment = (moment or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


#: The canonical form of a time, field by field; what ``utc_text`` writes for years 1000 and later.
_UTC_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})Z")


def parse_utc(text: Any, path: str = "time") -> datetime:
    if not isinstance(text, str):
        raise FormatError(f"{path}: not a time string")
    # Fast path (a bundle has one time per case; strptime was a third of reading one): a string of the
    # canonical shape naming a real moment is exactly what the strict route below accepts. Anything
    # else takes that route, which gives the same answer and the reason.
    fields = _UTC_RE.fullmatch(text)
    if fields is not None:
        try:
            y, mo, d, h, mi, sec = map(int, fields.groups())
            moment = datetime(y, mo, d, h, mi, sec, tzinfo=UTC)
        except ValueError:
            pass
        else:
            if moment.year >= 1000:
                return moment
    try:
        moment = datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError as exc:
        raise FormatError(f"{path}: not a UTC time like 2026-11-22T08:00:00Z") from exc
    if utc_text(moment) != text:
        raise FormatError(f"{path}: time not in canonical form")
    return moment
