# SPDX-License-Identifier: Apache-2.0
"""The desk's table headers: an untranslated header table (``QT_TRANSLATE_NOOP``) said in the
interface language."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt


def header_text(
    context: str, headers: Sequence[str], section: int, orientation: Qt.Orientation, role: int
) -> Any:
    """The translated header of a column for the display role, else None (``headerData``'s answer)."""
    horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
    return (
        QCoreApplication.translate(context, headers[section])
        if horizontal and 0 <= section < len(headers)
        else None
    )
