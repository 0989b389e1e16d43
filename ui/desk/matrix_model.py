# SPDX-License-Identifier: Apache-2.0
"""Table model of a round's assignment: cases × judges, each cell a judge's state on a case and its
conflict; a filter proxy in front (by theme, text, short cases; judges of the theme).

One model over the service's ``AssignmentMatrix``, never a widget per cell: a 3,000 × 120 round is
360,000 cells, looked up in dicts on demand (``data`` for the cells on screen only). The case code is
the vertical header, so it stays in view while the judges scroll by. Colours come from leitai.qss
(``ui.style.theme_colors``): a hard conflict red, a soft one amber; the state's mark in its colour.
"""

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

from app.glossary.assignment import CONFLICT_KINDS, name
from app.glossary.terms import score_state_name, theme_label
from app.judging.assignment.views import AssignmentMatrix, Cell, MatrixCase, MatrixJudge
from ui.i18n import QT_TRANSLATE_NOOP
from ui.style import theme_colors

#: The case's id (int) for any cell of its row.
CaseIdRole = Qt.ItemDataRole.UserRole + 1
#: The judge's id (int) for a judge's cell (None in the case columns).
JudgeIdRole = Qt.ItemDataRole.UserRole + 2
#: The cell's state (a ``SCORE_STATES`` key) or None when the judge is not on the case.
StateRole = Qt.ItemDataRole.UserRole + 3
#: The pair's conflict kind (hard or soft, a ``CONFLICT_KINDS`` key) or None.
ConflictRole = Qt.ItemDataRole.UserRole + 4
#: A sortable value for the column.
SortRole = Qt.ItemDataRole.UserRole + 5

COL_THEME, COL_JUDGES = 0, 1
#: Columns before the first judge.
FIXED = 2
#: Translation context of the headers (explicit: the model may be subclassed).
CONTEXT = "AssignmentMatrixModel"
_HEADERS = (
    QT_TRANSLATE_NOOP("AssignmentMatrixModel", "Theme"),
    QT_TRANSLATE_NOOP("AssignmentMatrixModel", "Judges"),
)
#: A state's mark in a cell: not started, draft, submitted, recused.
MARKS = {"not_started": "○", "draft": "◐", "submitted": "●", "recused": "⊘"}
#: The mark of a pair that may never be assigned.
HARD_MARK = "×"
_STATE_ORDER = {"submitted": 0, "draft": 1, "not_started": 2, "recused": 3}
_CENTER = Qt.AlignmentFlag.AlignCenter


class AssignmentMatrixModel(QAbstractTableModel):
    """Rows are the round's cases (by code), columns its judges after the theme and judge count."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.matrix: AssignmentMatrix | None = None
        self._cases: tuple[MatrixCase, ...] = ()
        self._judges: tuple[MatrixJudge, ...] = ()
        self._cells: dict[tuple[int, int], Cell] = {}
        self._hard: dict[tuple[int, int], str] = {}
        self._soft: dict[tuple[int, int], str] = {}
        self._judge_column: dict[int, int] = {}

    # -- data in -----------------------------------------------------------------------------------

    def set_matrix(self, matrix: AssignmentMatrix | None) -> None:
        """Show ``matrix`` (None: nothing)."""
        self.beginResetModel()
        self.matrix = matrix
        self._cases = matrix.cases if matrix else ()
        self._judges = matrix.judges if matrix else ()
        self._cells = {(c.case_id, c.judge_id): c for c in matrix.cells} if matrix else {}
        self._hard = {(p.case_id, p.judge_id): p.kind for p in matrix.hard} if matrix else {}
        self._soft = {(p.case_id, p.judge_id): p.kind for p in matrix.soft} if matrix else {}
        self._judge_column = {j.judge_id: FIXED + i for i, j in enumerate(self._judges)}
        self.endResetModel()

    def case_at(self, row: int) -> MatrixCase:
        return self._cases[row]

    def judge_at(self, column: int) -> MatrixJudge | None:
        """The judge of a column (None for the case columns)."""
        return self._judges[column - FIXED] if column >= FIXED else None

    def column_of_judge(self, judge_id: int) -> int | None:
        return self._judge_column.get(judge_id)

    def judges(self) -> tuple[MatrixJudge, ...]:
        return self._judges

    def cell(self, case_id: int, judge_id: int) -> Cell | None:
        """The judge's assignment on the case, or None."""
        return self._cells.get((case_id, judge_id))

    def hard(self, case_id: int, judge_id: int) -> str | None:
        return self._hard.get((case_id, judge_id))

    def soft(self, case_id: int, judge_id: int) -> str | None:
        return self._soft.get((case_id, judge_id))

    @property
    def per_case(self) -> int:
        return self.matrix.per_case if self.matrix else 0

    # -- Qt ----------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cases)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED + len(self._judges)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self._cases):
                return None
            case = self._cases[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return case.code
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{case.code} · {case.hospital}"
            return None
        if not 0 <= section < self.columnCount():
            return None
        judge = self.judge_at(section)
        if judge is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate(CONTEXT, _HEADERS[section])
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{judge.code}\n{judge.name}\n{judge.assigned}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._judge_tip(judge)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTER
        return None

    def _judge_tip(self, judge: MatrixJudge) -> str:
        themes = "、".join(theme_label(t) for t in judge.expertise) or "—"
        return QCoreApplication.translate(
            "AssignmentMatrixModel",
            "{code} {name}\nThemes: {themes}\n{assigned} cases, {submitted} submitted, {recused} recused",
        ).format(
            code=judge.code,
            name=judge.name,
            themes=themes,
            assigned=judge.assigned,
            submitted=judge.submitted,
            recused=judge.recused,
        )

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        case = self._cases[index.row()]
        column = index.column()
        if role == CaseIdRole:
            return case.case_id
        if column < FIXED:
            return self._case_data(case, column, role)
        judge = self._judges[column - FIXED]
        if role == JudgeIdRole:
            return judge.judge_id
        key = (case.case_id, judge.judge_id)
        cell = self._cells.get(key)
        if role == Qt.ItemDataRole.DisplayRole:
            if cell is not None:
                return MARKS.get(cell.state, "?")
            return HARD_MARK if key in self._hard else ""
        if role == StateRole:
            return cell.state if cell is not None else None
        if role == ConflictRole:
            return self._hard.get(key) or self._soft.get(key)
        if role == SortRole:
            return _STATE_ORDER.get(cell.state, 9) if cell is not None else 10
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTER
        if role == Qt.ItemDataRole.BackgroundRole:
            colors = theme_colors()
            return colors.hard if key in self._hard else colors.soft if key in self._soft else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._mark_color(cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._cell_tip(case, judge, cell, key)
        return None

    def _case_data(self, case: MatrixCase, column: int, role: int) -> Any:
        if column == COL_THEME:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return theme_label(case.theme)
            if role == SortRole:
                return case.theme if case.theme is not None else 99
            return None
        short = case.judges < self.per_case
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{case.judges}/{self.per_case}"
        if role == SortRole:
            return case.judges
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTER
        if role == Qt.ItemDataRole.ForegroundRole and short:
            return theme_colors().violation
        if role == Qt.ItemDataRole.ToolTipRole and short:
            return QCoreApplication.translate(
                "AssignmentMatrixModel", "{judges} of the {per_case} judges this round asks for"
            ).format(judges=case.judges, per_case=self.per_case)
        return None

    def _mark_color(self, cell: Cell | None) -> Any:
        colors = theme_colors()
        if cell is None:
            return colors.violation  # the × of a hard conflict
        return {
            "not_started": colors.assigned,
            "draft": colors.warning,
            "submitted": colors.approved,
            "recused": colors.muted,
        }.get(cell.state)

    def _cell_tip(self, case: MatrixCase, judge: MatrixJudge, cell: Cell | None, key: tuple[int, int]) -> str:
        lines = [f"{case.code} · {judge.code} {judge.name}"]
        if cell is not None:
            lines.append(score_state_name(cell.state))
        else:
            lines.append(QCoreApplication.translate("AssignmentMatrixModel", "Not assigned"))
        conflict = self._hard.get(key)
        if conflict is not None:
            lines.append(
                QCoreApplication.translate("AssignmentMatrixModel", "Never assigned: {reason}").format(
                    reason=name(CONFLICT_KINDS, conflict)
                )
            )
        elif key in self._soft:
            lines.append(
                QCoreApplication.translate("AssignmentMatrixModel", "Avoided: {reason}").format(
                    reason=name(CONFLICT_KINDS, self._soft[key])
                )
            )
        return "\n".join(lines)


class MatrixFilterProxy(QSortFilterProxyModel):
    """Filters the matrix: cases of a theme, a code or hospital containing a text, only cases short of
    judges; and, for a theme, only the judges whose expertise it is."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.theme: int | None = None
        self.text = ""
        self.only_short = False
        self.judges_of_theme = False
        self.setSortRole(SortRole)

    def matrix_model(self) -> AssignmentMatrixModel:
        model = self.sourceModel()
        assert isinstance(model, AssignmentMatrixModel)
        return model

    def set_filters(self, *, theme: int | None, text: str, only_short: bool, judges_of_theme: bool) -> None:
        """Apply the filter bar's choices (rows and columns at once)."""
        self.beginFilterChange()
        self.theme, self.text, self.only_short = theme, text.strip().casefold(), only_short
        self.judges_of_theme = judges_of_theme
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows | QSortFilterProxyModel.Direction.Columns)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.matrix_model()
        case = model.case_at(source_row)
        if self.theme is not None and case.theme != self.theme:
            return False
        if self.only_short and case.judges >= model.per_case:
            return False
        return not self.text or self.text in case.code.casefold() or self.text in case.hospital.casefold()

    def filterAcceptsColumn(
        self, source_column: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        judge = self.matrix_model().judge_at(source_column)
        if judge is None or not self.judges_of_theme or self.theme is None:
            return True
        return self.theme in judge.expertise
