# SPDX-License-Identifier: Apache-2.0
"""Table model of each judge's progress in a round: cases assigned, scored, submitted, recused, and the
last bundle merged (when, which revision). Read from the round's ``AssignmentMatrix``; the desk reloads
it after every merge, so the table follows the bundles as they arrive."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimeZone,
)

from app.judging.assignment.views import MatrixJudge
from ui.desk.headers import header_text
from ui.i18n import QT_TRANSLATE_NOOP
from ui.style import theme_colors

#: The judge's id for any cell.
JudgeIdRole = Qt.ItemDataRole.UserRole + 1
#: Sortable value of the cell.
SortRole = Qt.ItemDataRole.UserRole + 2
CONTEXT = "JudgeProgressModel"
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def local_time(moment: Any) -> str:
    """A stored UTC time as the user's local date and time ('' for None)."""
    if moment is None:
        return ""
    utc = QDateTime(moment.date(), moment.time(), QTimeZone.utc())
    return QLocale().toString(utc.toLocalTime(), "yyyy-MM-dd HH:mm")


@dataclass(frozen=True)
class _Column:
    key: str
    header: str
    value: Callable[[MatrixJudge], Any]
    numeric: bool = False


def _done(j: MatrixJudge) -> int:
    return round(100 * j.submitted / j.assigned) if j.assigned else 0


COLUMNS: tuple[_Column, ...] = (
    _Column("code", QT_TRANSLATE_NOOP("JudgeProgressModel", "Code"), lambda j: j.code),
    _Column("name", QT_TRANSLATE_NOOP("JudgeProgressModel", "Judge"), lambda j: j.name),
    _Column("assigned", QT_TRANSLATE_NOOP("JudgeProgressModel", "Assigned"), lambda j: j.assigned, True),
    _Column("scored", QT_TRANSLATE_NOOP("JudgeProgressModel", "Scored"), lambda j: j.scored, True),
    _Column("submitted", QT_TRANSLATE_NOOP("JudgeProgressModel", "Submitted"), lambda j: j.submitted, True),
    _Column("recused", QT_TRANSLATE_NOOP("JudgeProgressModel", "Recused"), lambda j: j.recused, True),
    _Column("done", QT_TRANSLATE_NOOP("JudgeProgressModel", "Done"), _done, True),
    _Column("bundle", QT_TRANSLATE_NOOP("JudgeProgressModel", "Last bundle"), lambda j: j.last_bundle_at),
    _Column(
        "revision",
        QT_TRANSLATE_NOOP("JudgeProgressModel", "Revision"),
        lambda j: j.last_bundle_revision,
        True,
    ),
)
COL = {c.key: i for i, c in enumerate(COLUMNS)}


class JudgeProgressModel(QAbstractTableModel):
    """One judge a row; read-only."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._judges: tuple[MatrixJudge, ...] = ()
        self._low = self._high = 0

    def set_judges(self, judges: tuple[MatrixJudge, ...]) -> None:
        self.beginResetModel()
        self._judges = tuple(judges)
        loads = [j.assigned for j in self._judges]
        self._low, self._high = (min(loads), max(loads)) if loads else (0, 0)
        self.endResetModel()

    def judge_at(self, row: int) -> MatrixJudge:
        return self._judges[row]

    def row_of(self, code: str) -> int | None:
        return next((i for i, j in enumerate(self._judges) if j.code == code), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._judges)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_text(CONTEXT, [c.header for c in COLUMNS], section, orientation, role)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        judge = self._judges[index.row()]
        column = COLUMNS[index.column()]
        value = column.value(judge)
        if role == Qt.ItemDataRole.DisplayRole:
            if column.key == "bundle":
                return local_time(value)
            if column.key == "done":
                return f"{value} %"
            return "" if value is None else str(value)
        if role == JudgeIdRole:
            return judge.judge_id
        if role == SortRole:
            return value if value is not None else (-1 if column.numeric else "")
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._color(column.key, judge)
        if role == Qt.ItemDataRole.ToolTipRole and column.key == "assigned" and self._apart(judge):
            return QCoreApplication.translate(
                "JudgeProgressModel", "Loads differ by more than one: {low}–{high}"
            ).format(low=self._low, high=self._high)
        return None

    def _apart(self, judge: MatrixJudge) -> bool:
        return self._high - self._low > 1 and judge.assigned in (self._low, self._high)

    def _color(self, key: str, judge: MatrixJudge) -> Any:
        colors = theme_colors()
        if key == "assigned" and self._apart(judge):
            return colors.warning
        if key == "done" and judge.assigned and judge.submitted == judge.assigned:
            return colors.approved
        return None
