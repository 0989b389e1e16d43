# SPDX-License-Identifier: Apache-2.0
"""The one error a season file can cause: which file, and (in its params) which key and why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.errors import DomainError


class SeasonError(DomainError, ValueError):
    """A season that does not exist, or a season file that cannot be used; the message says which key.

    Raised as ``SeasonError("code", path=…, …)`` like any DomainError; ``path`` is also kept as a Path.
    """

    def __init__(self, code: str, /, *, path: Path | str, **params: Any) -> None:
        super().__init__(code, path=str(path), **params)
        self.path = Path(path)
