# SPDX-License-Identifier: Apache-2.0
"""One vocabulary for the CLI, the GUI and the exports: every name and message a user reads, in zh and en.

Codes (a case status, a finding, a round, an award, a merge outcome, a ``DomainError``) never reach a
user as they are: each has a :class:`Term` here, and every surface — the ``leitai`` command, the Qt
interface, the xlsx and PDF exports — asks this package for its text in the current language. The
interface's own chrome (buttons, menus) is translated by Qt's tools in ``ui/``; what names the
competition's data lives here, so the CLI and an export say exactly what the GUI says.

The language is zh_CN unless set: the GUI calls :func:`set_language` when the user picks one; the CLI
follows ``LEITAI_LANG``.
"""

from __future__ import annotations

import os
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final, Protocol, runtime_checkable

#: Languages the product speaks; the first is the default (DESIGN.md: Chinese first).
LANGUAGES: Final = ("zh_CN", "en")
#: Environment variable that picks the language of the CLI and of exports made headless.
ENV_LANG: Final = "LEITAI_LANG"

_language: str | None = None


def language() -> str:
    """The language user-facing text is produced in now."""
    if _language is not None:
        return _language
    env = os.environ.get(ENV_LANG, "")
    return env if env in LANGUAGES else LANGUAGES[0]


def set_language(lang: str | None) -> None:
    """Switch every later text to ``lang`` (None: back to ``LEITAI_LANG`` or zh_CN)."""
    global _language
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _language = lang


@dataclass(frozen=True, slots=True)
class Term:
    """A name or a message template in both languages; placeholders are ``{name}`` fields."""

    zh: str
    en: str

    def text(self, lang: str | None = None, /, **params: Any) -> str:
        """The term in ``lang`` (default: the current language), placeholders filled from ``params``.

        A param that is itself a :class:`Term` or a :class:`Phrase` (anything :class:`Sayable`) is said
        in the same language, and a list or tuple reads as a list (``甲、乙`` in Chinese, ``a, b`` in
        English), so params can stay data.
        """
        lang = lang or language()
        template = self.en if lang == "en" else self.zh
        if not params:
            return template
        return template.format(**{name: _said(value, lang) for name, value in params.items()})

    def fields(self) -> tuple[set[str], set[str]]:
        """The placeholder names of the zh and en templates (a test keeps them equal)."""
        return _fields(self.zh), _fields(self.en)


@runtime_checkable
class Sayable(Protocol):
    """Anything that says itself in a language: a Term, a Phrase, a DomainError."""

    def text(self, lang: str | None = None, /) -> str: ...


class Phrase:
    """A sentence kept as data until someone reads it: which one (``key`` of ``table``) and its params.

    Services return these instead of text, so the same outcome reads in Chinese in the CLI and in
    English in an English GUI, and JSON carries the key and params as they are. A key ``code.variant``
    missing from the table falls back to ``code``; a param may itself be a Phrase (a reason inside a
    reason), said in the same language. Not a dataclass on purpose: ``dataclasses.asdict`` of a result
    holding one keeps it whole, and the JSON writer asks it for :meth:`to_json`.
    """

    __slots__ = ("key", "params", "table")

    def __init__(self, table: Mapping[str, Term], key: str, params: Mapping[str, Any] | None = None) -> None:
        self.table = table
        self.key = key
        self.params: Mapping[str, Any] = dict(params or {})

    def text(self, lang: str | None = None, /) -> str:
        """The sentence in ``lang`` (default: the current language)."""
        return say(self.table, self.key, self.params, lang)

    def to_json(self) -> dict[str, Any]:
        """``{"key": …, "params": {…}}``, nested phrases as the same."""
        return {"key": self.key, "params": {k: _data(v) for k, v in self.params.items()}}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Phrase):
            return NotImplemented
        return (self.table is other.table, self.key, self.params) == (True, other.key, other.params)

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return f"Phrase({self.key!r}, {dict(self.params)!r})"

    def __deepcopy__(self, memo: dict[int, Any]) -> Phrase:
        return self  # immutable once made (dataclasses.asdict deep-copies what is not a dataclass)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Phrase, (self.table, self.key, dict(self.params)))


def say(table: Mapping[str, Term], key: str, params: Mapping[str, Any], lang: str | None = None) -> str:
    """``table[key]`` (or ``table[code]`` for a ``code.variant`` it lacks) filled from ``params``.

    A key no table has, or params that do not fill it, read as the key and params: never a crash in front
    of the user, and ``tests/app/test_glossary_phrases.py`` keeps every table complete.
    """
    term = table.get(key) or table.get(key.split(".", 1)[0])
    if term is None:
        return f"{key} {dict(params)}" if params else key
    try:
        return term.text(lang, **params)
    except (KeyError, IndexError, ValueError):
        return f"{key} {dict(params)}"


def _data(value: Any) -> Any:
    if isinstance(value, Phrase):
        return value.to_json()
    if isinstance(value, Sayable):
        return value.text()
    if isinstance(value, (list, tuple)):
        return [_data(v) for v in value]
    return value


def comma_list(items: Iterable[Any], lang: str | None = None) -> str:
    """Items of a summary line, separated as the language does (``甲 1，乙 2`` / ``a 1, b 2``)."""
    return ("，" if (lang or language()) != "en" else ", ").join(str(i) for i in items)


def _said(value: Any, lang: str) -> Any:
    """A param as a sentence shows it: a Term or Phrase in ``lang``, a sequence as a list in it."""
    if isinstance(value, Sayable):
        return value.text(lang)
    if isinstance(value, (list, tuple)):
        return (", " if lang == "en" else "、").join(str(_said(v, lang)) for v in value)
    return value


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
