# SPDX-License-Identifier: Apache-2.0
"""Table model of merge outcomes, newest last: when, which file, what happened — said by its name from
``app.glossary`` (never the code) — whose bundle, which revision, and why."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.bundles.merge import MergeOutcome
from app.glossary.terms import outcome_name
from ui.desk.headers import header_text
from ui.i18n import QT_TRANSLATE_NOOP
from ui.style import theme_colors

CONTEXT = "OutcomeModel"
_HEADERS = (
    QT_TRANSLATE_NOOP("OutcomeModel", "Time"),
    QT_TRANSLATE_NOOP("OutcomeModel", "Outcome"),
    QT_TRANSLATE_NOOP("OutcomeModel", "Judge"),
    QT_TRANSLATE_NOOP("OutcomeModel", "Revision"),
    QT_TRANSLATE_NOOP("OutcomeModel", "File"),
    QT_TRANSLATE_NOOP("OutcomeModel", "Reason"),
)
COL_OUTCOME, COL_REASON = 1, 5
#: The outcome's code for any cell (for tests and filters; never shown).
CodeRole = Qt.ItemDataRole.UserRole + 1


def reason(outcome: MergeOutcome) -> str:
    """Why the merge ended so, naming the exact fault, in the interface's language."""
    return outcome.message


class OutcomeModel(QAbstractTableModel):
    """Every outcome of this session's merges, in the order they happened."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[datetime, MergeOutcome]] = []

    def add(self, outcome: MergeOutcome) -> None:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append((datetime.now(), outcome))
        self.endInsertRows()

    def outcomes(self) -> list[MergeOutcome]:
        return [o for _, o in self._rows]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_text(CONTEXT, _HEADERS, section, orientation, role)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        at, o = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                at.strftime("%H:%M:%S"),
                outcome_name(o.code),
                o.judge,
                str(o.revision) if o.revision else "",
                o.path.name,
                reason(o),
            )
            return values[index.column()]
        if role == CodeRole:
            return o.code
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{o.path}\n{o.message}"
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == COL_OUTCOME:
            colors = theme_colors()
            return colors.approved if o.changed else colors.violation if o.refused else colors.muted
        return None
