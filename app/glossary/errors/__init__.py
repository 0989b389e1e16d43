# SPDX-License-Identifier: Apache-2.0
"""The message of every ``DomainError`` code, in zh and en, kept by area (one module each).

Add a code: one line ``"code": Term("中文……{param}", "English … {param}")`` in the area's module (a new
area: a new module, listed in ``AREAS``). ``tests/app/test_glossary.py`` walks every
``DomainError("code", …)`` raised under ``app/`` and fails when a code has no message here, or when a
message names a placeholder the raise does not pass.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

from app.glossary import Term

#: Modules under ``app.glossary.errors`` that define ``MESSAGES: dict[str, Term]``.
AREAS: tuple[str, ...] = (
    "general",
    "workspace",
    "intake",
    "screening",
    "judging",
    "bundles",
    "judge_home",
    "results",
    "cli",
    "demo",
    "rounds",
    "assignment",
    "live",
    "desk",
)


@cache
def messages() -> dict[str, Term]:
    """Every code's message; a code defined by two areas is a bug caught here."""
    merged: dict[str, Term] = {}
    for area in AREAS:
        table: dict[str, Term] = importlib.import_module(f"{__name__}.{area}").MESSAGES
        for code, term in table.items():
            if code in merged:
                raise RuntimeError(f"DomainError code {code!r} is defined twice (area {area})")
            merged[code] = term
    return merged


def error_text(code: str, params: dict[str, Any], lang: str | None = None) -> str | None:
    """The message of ``code`` filled from ``params``, or None when the code has none (a bug)."""
    term = messages().get(code)
    if term is None:
        return None
    try:
        return term.text(lang, **params)
    except (KeyError, IndexError, ValueError):
        return None
