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


#: OSError numbers that mean the disk (or the user's quota) is full, or the folder is read-only.
_FULL_ERRNOS = frozenset({28, 122})  # ENOSPC, EDQUOT
_READ_ONLY_ERRNOS = frozenset({30})  # EROFS
#: SQLite's primary result codes for the same (sqlite3.Error.sqlite_errorcode & 0xFF).
_SQLITE_FULL, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CANTOPEN = 13, 8, 10, 14


def storage_error(exc: BaseException, path: object) -> DomainError | None:
    """The DomainError for a write that failed because of the disk, not the data: ``storage_full``,
    ``workspace_read_only`` or ``storage_failed`` (None when ``exc`` is something else).

    ``exc`` is an OSError, a ``sqlite3.Error`` or SQLAlchemy's wrapper of one (its ``orig``); ``path``
    is the workspace folder or file the write went to. Every such write happens inside a transaction
    or to a temporary file, so the message can say that nothing stored was changed.
    """
    orig = getattr(exc, "orig", None) or exc
    where = str(path)
    if isinstance(orig, OSError):
        if orig.errno in _FULL_ERRNOS:
            return DomainError("storage_full", path=where)
        if orig.errno in _READ_ONLY_ERRNOS:
            return DomainError("workspace_read_only", path=where)
        return None
    code = getattr(orig, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    primary = code & 0xFF
    if primary == _SQLITE_FULL:
        return DomainError("storage_full", path=where)
    if primary == _SQLITE_READONLY or (primary in (_SQLITE_IOERR, _SQLITE_CANTOPEN) and _read_only(where)):
        return DomainError("workspace_read_only", path=where)
    if primary in (_SQLITE_IOERR, _SQLITE_CANTOPEN):
        return DomainError("storage_failed", path=where, reason=str(orig))
    return None


def _read_only(folder: str) -> bool:
    """Whether ``folder`` exists and cannot be written (a read-only mount, a folder without the right)."""
    import os  # only when a write has already failed

    return bool(folder) and os.path.isdir(folder) and not os.access(folder, os.W_OK)


def _remake(cls: type[DomainError], code: str, params: dict[str, Any]) -> DomainError:
    return cls(code, **params)


class Cancelled(DomainError):
    """The user asked to stop (glossary code ``cancelled``, "已取消" / "Cancelled"): the one
    cancellation type of the whole product.

    Long work raises it at its next check once its cancel flag is up (an import, a package build, the
    media probes, a demo); ``ui.tasks.run_task`` turns it into ``on_cancelled`` rather than an error.
    It is a :class:`DomainError` so a caller that only knows those still shows one clear line.
    """

    def __init__(self) -> None:
        super().__init__("cancelled")

    def __reduce__(self) -> tuple[Any, ...]:
        return (Cancelled, ())
