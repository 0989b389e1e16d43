# SPDX-License-Identifier: Apache-2.0
"""The judge's case list: a table model of ``HomeCase`` rows and a filter proxy (state, text)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from app.glossary.terms import score_state_name
from app.judge_home import HomeCase
from ui.i18n import QT_TRANSLATE_NOOP

_Index = QModelIndex | QPersistentModelIndex

COL_CODE, COL_THEME, COL_TITLE, COL_HOSPITAL, COL_STATE, COL_TOTAL = range(6)
#: Column headers (English sources, translated in context "CaseListModel").
HEADERS = (
    QT_TRANSLATE_NOOP("CaseListModel", "No."),
    QT_TRANSLATE_NOOP("CaseListModel", "Theme"),
    QT_TRANSLATE_NOOP("CaseListModel", "Title"),
    QT_TRANSLATE_NOOP("CaseListModel", "Hospital"),
    QT_TRANSLATE_NOOP("CaseListModel", "State"),
    QT_TRANSLATE_NOOP("CaseListModel", "Total"),
)

CaseIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
StateRole = Qt.ItemDataRole.UserRole + 3


def state_name(state: str) -> str:
    """The case's state as the judge reads it (未开始, 草稿, 已提交, 已回避), from the glossary."""
    return score_state_name(state)


class CaseListModel(QAbstractTableModel):
    """Rows are the package's cases; ``blind`` hides the hospital column's content."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[HomeCase] = []
        self._by_id: dict[int, int] = {}
        self.blind = False
        self._state_colors: dict[str, QColor] = {}  # from the style sheet, through ``CaseTable``

    def set_state_colors(self, colors: dict[str, QColor]) -> None:
        """The colour each state's name is painted in (leitai.qss sets them on the table)."""
        self._state_colors = dict(colors)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_STATE),
                self.index(len(self._rows) - 1, COL_STATE),
                [Qt.ItemDataRole.ForegroundRole],
            )

    def set_rows(self, rows: list[HomeCase], blind: bool) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._by_id = {r.id: i for i, r in enumerate(self._rows)}
        self.blind = blind
        self.endResetModel()

    def update_row(self, row: HomeCase) -> None:
        """Replace one case's row in place (after a save) without resetting the view."""
        i = self._by_id.get(row.id)
        if i is None:
            return
        self._rows[i] = row
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(HEADERS) - 1))

    def rows(self) -> list[HomeCase]:
        return list(self._rows)

    def row_of(self, case_id: int) -> int:
        return self._by_id.get(case_id, -1)

    def case(self, row: int) -> HomeCase:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CaseListModel", HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        case = self._rows[index.row()]
        col = index.column()
        if role == CaseIdRole:
            return case.id
        if role == StateRole:
            return case.state
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(case, col)
        if role == SortRole:
            if col == COL_TOTAL:
                return -1.0 if case.total is None else case.total
            if col == COL_STATE:
                return ("not_started", "draft", "submitted", "recused").index(case.state)
            if col == COL_THEME:
                return case.theme_number or 0
            return self._display(case, col)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATE:
            return self._state_colors.get(case.state)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_TITLE, COL_THEME, COL_HOSPITAL):
            if col == COL_THEME:
                return f"{case.theme_number}. {case.theme}" if case.theme_number else case.theme
            return case.title if col == COL_TITLE else ("" if self.blind else case.hospital)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_THEME:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, case: HomeCase, col: int) -> str:
        if col == COL_CODE:
            return case.code
        if col == COL_THEME:  # the number keeps the list narrow; the tooltip names the theme
            return str(case.theme_number) if case.theme_number else case.theme
        if col == COL_TITLE:
            return case.title
        if col == COL_HOSPITAL:
            return QCoreApplication.translate("CaseListModel", "(blind)") if self.blind else case.hospital
        if col == COL_STATE:
            if case.state == "draft":
                return f"{state_name(case.state)} {case.scored}/{case.criteria}"
            return state_name(case.state)
        if col == COL_TOTAL:
            return "" if case.total is None else f"{case.total:g}"
        return ""


class CaseFilterProxy(QSortFilterProxyModel):
    """Keeps rows whose state is in ``states`` (all when empty) and whose text contains ``text``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._states: set[str] = set()
        self._text = ""
        self.setSortRole(SortRole)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_states(self, states: set[str]) -> None:
        self.beginFilterChange()
        self._states = set(states)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, CaseListModel)
        case = model.case(source_row)
        if self._states and case.state not in self._states:
            return False
        if self._text:
            hay = " ".join(
                (case.code, case.title, case.theme, "" if model.blind else case.hospital)
            ).casefold()
            return self._text in hay
        return True
