# SPDX-License-Identifier: Apache-2.0
"""Typed reading of one decoded TOML table: each getter names the key it refuses, and unknown keys fail.

The season loader's vocabulary (``text``, ``integer``, ``day``, ``tables``…); a problem is a key of
``app.glossary.seasons.PROBLEMS`` and its params, said in the reader's language inside
``season_invalid``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any, NoReturn, TypeVar

from app.glossary import Phrase, Term
from app.glossary.seasons import KINDS, PROBLEMS, TOP_LEVEL

#: Raises the caller's error for the key at ``where`` (dotted path) with its ``problem``.
Fail = Callable[[str | Term, Phrase], NoReturn]

_T = TypeVar("_T")


class TomlTable:
    """One TOML table being read: typed getters that name the key on error, and a check for unknown keys.

    ``fail(where, problem)`` raises the caller's error; ``where`` is the dotted path of the key.
    """

    def __init__(self, fail: Fail, data: object, where: str) -> None:
        self._fail = fail
        self.where = where
        if not isinstance(data, dict):
            fail(where, problem("not_table", actual=_kind(data)))
        self._data: dict[str, Any] = data
        self._seen: set[str] = set()

    def _at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def fail(self, key: str, kind: str, /, **params: Any) -> NoReturn:
        """Refuse ``key`` with the problem ``kind`` (a key of ``app.glossary.seasons.PROBLEMS``)."""
        self._fail(self._at(key), problem(kind, **params))

    def _get(self, key: str, kind: str, check: Callable[[object], bool], *, required: bool) -> Any:
        self._seen.add(key)
        if key not in self._data:
            if required:
                self.fail(key, "missing")
            return None
        value = self._data[key]
        if not check(value):
            self.fail(key, "wrong_type", expected=KINDS[kind], actual=_kind(value), value=repr(value))
        return value

    def text(self, key: str, *, required: bool = True, empty_ok: bool = False) -> str:
        value: str | None = self._get(key, "text", lambda v: isinstance(v, str), required=required)
        if value is None:
            return ""
        if not empty_ok and not value.strip():
            self.fail(key, "empty")
        return value

    def opt_text(self, key: str) -> str | None:
        value: str | None = self._get(key, "text", lambda v: isinstance(v, str), required=False)
        if value is not None and not value.strip():
            self.fail(key, "empty_optional")
        return value

    def integer(self, key: str, *, minimum: int = 1) -> int:
        value = self.opt_integer(key, minimum=minimum, required=True)
        assert value is not None  # required=True never returns None
        return value

    def opt_integer(self, key: str, *, minimum: int = 1, required: bool = False) -> int | None:
        value: int | None = self._get(key, "integer", _is_int, required=required)
        if value is not None and value < minimum:
            self.fail(key, "too_small", minimum=minimum, value=value)
        return value

    def number(self, key: str, *, positive: bool = True) -> float:
        value = self.opt_number(key, positive=positive, required=True)
        assert value is not None  # required=True never returns None
        return value

    def opt_number(self, key: str, *, positive: bool = True, required: bool = False) -> float | None:
        value: int | float | None = self._get(
            key, "number", lambda v: _is_int(v) or isinstance(v, float), required=required
        )
        if value is None:
            return None
        if positive and not value > 0:
            self.fail(key, "not_positive", value=value)
        if not positive and value < 0:
            self.fail(key, "negative", value=value)
        return float(value)

    def flag(self, key: str, *, default: bool | None = None) -> bool:
        value: bool | None = self._get(key, "flag", lambda v: isinstance(v, bool), required=default is None)
        if value is None:
            assert default is not None
            return default
        return value

    def day(self, key: str) -> date:
        value: date = self._get(
            key,
            "day",
            lambda v: isinstance(v, date) and not isinstance(v, datetime),
            required=True,
        )
        return value

    def table(self, key: str, *, required: bool = True) -> TomlTable | None:
        value = self._get(key, "table", lambda v: isinstance(v, dict), required=required)
        return None if value is None else TomlTable(self._fail, value, self._at(key))

    def tables(self, key: str, *, allow_empty: bool = False) -> list[TomlTable]:
        value: list[object] = self._get(key, "tables", lambda v: isinstance(v, list), required=True)
        if not value and not allow_empty:
            self.fail(key, "no_items")
        return [TomlTable(self._fail, item, f"{self._at(key)}[{i}]") for i, item in enumerate(value)]

    def texts(self, key: str) -> tuple[str, ...]:
        value: list[object] = self._get(key, "texts", _is_text_list, required=False)
        return tuple(str(v) for v in value or ())

    def int_pair(self, key: str) -> tuple[int, int]:
        value: list[int] = self._get(
            key,
            "int_pair",
            lambda v: isinstance(v, list) and len(v) == 2 and all(_is_int(x) and x > 0 for x in v),
            required=True,
        )
        return (value[0], value[1])

    def done(self) -> None:
        """Refuse keys nobody read: a misspelt key would otherwise be silently ignored."""
        unknown = sorted(set(self._data) - self._seen)
        if unknown:
            self._fail(self.where or TOP_LEVEL, problem("unknown_keys", keys=unknown))


def finish_each(tables: list[TomlTable]) -> Iterable[TomlTable]:
    """Yield each table, then check it had no unknown keys (after the caller read what it needs)."""
    for table in tables:
        yield table
        table.done()


def unique(items: Iterable[_T], key: Callable[[_T], str], on_duplicate: Callable[[str], None]) -> list[_T]:
    """``items`` as a list; ``on_duplicate`` gets the first key seen twice (and is expected to raise)."""
    seen: set[str] = set()
    out: list[_T] = []
    for item in items:
        k = key(item)
        if k in seen:
            on_duplicate(k)
        seen.add(k)
        out.append(item)
    return out


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_text_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def problem(kind: str, /, **params: Any) -> Phrase:
    """A problem with a key, said when read (``app.glossary.seasons.PROBLEMS``)."""
    return Phrase(PROBLEMS, kind, params)


_KIND_OF: dict[type, str] = {
    bool: "boolean",
    int: "integer",
    float: "float",
    str: "text",
    list: "list",
    dict: "table_short",
    date: "date",
    datetime: "datetime",
}


def _kind(value: object) -> Term | str:
    kind = _KIND_OF.get(type(value))
    return KINDS[kind] if kind is not None else type(value).__name__
