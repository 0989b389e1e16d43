# SPDX-License-Identifier: Apache-2.0
"""Errors a user can cause: they carry a code for the UI's translation and a sentence for the CLI."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A problem with the user's input or data, never a bug: shown as one clear line, no traceback.

    ``code`` lets ``ui/errors.py`` pick a translated message; ``message`` is the Chinese sentence the
    command line prints; ``params`` fill either.
    """

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.params = params

    def __str__(self) -> str:
        return self.message
