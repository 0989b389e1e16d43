# SPDX-License-Identifier: Apache-2.0
"""Table model of the judge roster: one ``JudgeRow`` a row, read-only (edits go through a dialog and
``app.judging.roster``), with a proxy that filters by any text of the row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from app.glossary.assignment import JUDGE_STATUS, name
from app.glossary.terms import theme_label
from app.judging.roster import JudgeRow
from ui.desk.headers import header_text
from ui.i18n import QT_TRANSLATE_NOOP
from ui.style import theme_colors

#: The judge's code for any cell.
JudgeCodeRole = Qt.ItemDataRole.UserRole + 1
CONTEXT = "RosterModel"


def themes_text(themes: tuple[int, ...]) -> str:
    return "、".join(theme_label(t) for t in themes)


#: (header, text of a row).
COLUMNS: tuple[tuple[str, Callable[[JudgeRow], str]], ...] = (
    (QT_TRANSLATE_NOOP("RosterModel", "Code"), lambda j: j.code),
    (QT_TRANSLATE_NOOP("RosterModel", "Name"), lambda j: j.name),
    (QT_TRANSLATE_NOOP("RosterModel", "Institution"), lambda j: j.institution),
    (QT_TRANSLATE_NOOP("RosterModel", "Province"), lambda j: j.province),
    (QT_TRANSLATE_NOOP("RosterModel", "Phone"), lambda j: j.phone),
    (QT_TRANSLATE_NOOP("RosterModel", "Email"), lambda j: j.email),
    (QT_TRANSLATE_NOOP("RosterModel", "Themes of expertise"), lambda j: themes_text(j.expertise)),
    (QT_TRANSLATE_NOOP("RosterModel", "Conflicts"), lambda j: str(j.conflicts) if j.conflicts else ""),
    (QT_TRANSLATE_NOOP("RosterModel", "Status"), lambda j: name(JUDGE_STATUS, j.status)),
)
COL_STATUS = len(COLUMNS) - 1


class RosterModel(QAbstractTableModel):
    """The roster, by code."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[JudgeRow] = []

    def set_rows(self, rows: list[JudgeRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[JudgeRow]:
        return list(self._rows)

    def row_at(self, row: int) -> JudgeRow:
        return self._rows[row]

    def row_of(self, code: str) -> int | None:
        return next((i for i, j in enumerate(self._rows) if j.code == code), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_text(CONTEXT, [c[0] for c in COLUMNS], section, orientation, role)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        judge = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[index.column()][1](judge)
        if role == JudgeCodeRole:
            return judge.code
        if role == Qt.ItemDataRole.ForegroundRole and not judge.active:
            return theme_colors().muted
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_STATUS and not judge.active:
            return QCoreApplication.translate("RosterModel", "Dropped out: {reason}").format(
                reason=judge.drop_reason
            )
        return None


class RosterFilterProxy(QSortFilterProxyModel):
    """Rows whose code, name, institution, province or themes contain the typed text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = ""

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.text:
            return True
        model = self.sourceModel()
        assert isinstance(model, RosterModel)
        judge = model.row_at(source_row)
        fields = (judge.code, judge.name, judge.institution, judge.province, themes_text(judge.expertise))
        return any(self.text in f.casefold() for f in fields)
