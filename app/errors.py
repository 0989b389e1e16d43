# SPDX-License-Identifier: Apache-2.0
"""Errors a user can cause: a code and its parameters; the words come from ``app.glossary``."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A problem with the user's input or data, never a bug: shown as one clear line, no traceback.

    ``code`` names the problem; ``params`` fill its message, which ``app.glossary.errors`` keeps in
    Chinese and English (``message`` is the text in the current language). Raise it as
    ``DomainError("code", name=value, …)`` and add the code's words to the area's module there;
    ``tests/app/test_glossary.py`` fails while any raised code lacks them or a raise misses a param.
    """

    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __reduce__(self) -> tuple[Any, ...]:
        # Keep the params when the error crosses a process boundary (the intake's worker processes).
        return (_remake, (type(self), self.code, self.params))

    def text(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        from app.glossary.errors import error_text  # the glossary loads on the first error shown

        return error_text(self.code, self.params, lang) or f"{self.code} {self.params}"

    @property
    def message(self) -> str:
        return self.text()

    def __str__(self) -> str:
        return self.text()


def _remake(cls: type[DomainError], code: str, params: dict[str, Any]) -> DomainError:
    return cls(code, **params)
