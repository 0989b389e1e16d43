# SPDX-License-Identifier: Apache-2.0
"""Table model of a workspace's cases, one ``CaseRow`` a row; read-only; sorts itself.

Sorting happens here, in one Python sort per column and load (text by ``QCollator``, numbers by value,
missing values last), not in the proxy with a Python ``lessThan`` call per comparison: a 3,000-case
table sorts in milliseconds (issue 8, item 12). The proxy in front forwards ``sort()`` here and only
filters; ``SortRole`` gives each row's rank in its column's order.

Columns are declared once in :data:`COLUMNS` (header, text, sort key, alignment, width); ``COL_*`` are
their indices. To add a column (say, the intake findings of issue 3), pass ``columns=(*COLUMNS, mine)``
to the model; a column's functions may read data the caller keeps beside the rows, and
``column_changed(col)`` repaints it when that data changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cmp_to_key
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QIcon

from app.catalog import CaseRow
from app.glossary.terms import region_label
from app.models import CaseStatus
from ui.i18n import QT_TRANSLATE_NOOP, STATUSES, status_text
from ui.style import theme_colors

#: The case's ``CaseRow.id`` (int) for any cell.
CaseIdRole = Qt.ItemDataRole.UserRole + 1
#: The row's rank in the column's sort order (an int: Qt's proxy compares it without calling Python).
SortRole = Qt.ItemDataRole.UserRole + 2
#: The whole ``CaseRow`` for any cell (for delegates and the filter proxy).
CaseRowRole = Qt.ItemDataRole.UserRole + 3

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter

#: Translation context of the column headers (explicit: the model may be subclassed).
HEADER_CONTEXT = "CaseTableModel"


@dataclass(frozen=True)
class Column:
    """One column: an untranslated header, how to show and sort a row, its alignment and width."""

    key: str
    header: str
    text: Callable[[CaseRow], str]
    sort: Callable[[CaseRow], Any]
    align: Qt.AlignmentFlag = _LEFT
    width: int = 100
    tooltip: Callable[[CaseRow], str] | None = None
    stretch: bool = False
    #: Shown by default (the header's context menu shows or hides any column).
    visible: bool = True
    #: Text colour for a row, or None for the default.
    color: Callable[[CaseRow], QColor | None] | None = None
    #: Icon shown before the text (e.g. the intake findings' severity), or None.
    icon: Callable[[CaseRow], QIcon | None] | None = None
    #: Narrowest width the view may give it on a small window so the title stays readable (0: never
    #: narrower than ``width``).
    min_width: int = 0
    #: On a table too narrow for the title even then, columns with ``drop`` > 0 are hidden, lowest
    #: first (0: always shown). See ``ui/organizer/column_fitter.py``.
    drop: int = 0


def _theme_text(row: CaseRow) -> str:
    if row.theme_number is None:
        return ""
    return f"{row.theme_number} · {row.theme_title}"


def _date_text(row: CaseRow) -> str:
    if row.submitted_at is None:
        return ""
    return row.submitted_at.strftime("%Y-%m-%d %H:%M")


def _votes_text(row: CaseRow) -> str:
    return QLocale().toString(row.votes) if row.votes is not None else ""


#: Missing values sort after every real one, whichever the type.
_LAST = (1, 0)


def status_color(status: str) -> QColor | None:
    """Status text colour from leitai.qss: approved green, rejected red, waiting in the default colour."""
    colors = theme_colors()
    return {CaseStatus.APPROVED.value: colors.approved, CaseStatus.REJECTED.value: colors.rejected}.get(
        status
    )


#: Statuses sort in the order a case goes through screening.
_STATUS_ORDER = {status: i for i, status in enumerate(STATUSES)}


COLUMNS: tuple[Column, ...] = (
    Column(
        "code",
        QT_TRANSLATE_NOOP("CaseTableModel", "Code"),
        lambda r: r.code,
        lambda r: r.code,
        width=104,
        min_width=92,
    ),
    Column(
        "title",
        QT_TRANSLATE_NOOP("CaseTableModel", "Title"),
        lambda r: r.title,
        lambda r: r.title,
        width=280,
        tooltip=lambda r: r.title,
        stretch=True,
    ),
    Column(
        "hospital",
        QT_TRANSLATE_NOOP("CaseTableModel", "Hospital"),
        lambda r: r.hospital,
        lambda r: r.hospital,
        width=176,
        tooltip=lambda r: f"{r.hospital}（{r.province}）" if r.province else r.hospital,
        min_width=112,
    ),
    Column(
        "region",
        QT_TRANSLATE_NOOP("CaseTableModel", "Region"),
        lambda r: region_label(r.region) if r.region else "",
        lambda r: r.region,
        width=64,
        drop=2,  # the details and the region filter say it too
    ),
    Column(
        "theme",
        QT_TRANSLATE_NOOP("CaseTableModel", "Theme"),
        _theme_text,
        lambda r: (0, r.theme_number) if r.theme_number is not None else _LAST,
        width=204,
        tooltip=_theme_text,
        min_width=112,
    ),
    Column(
        "tier",
        QT_TRANSLATE_NOOP("CaseTableModel", "Tier"),
        lambda r: r.tier,
        lambda r: r.tier,
        width=90,
        drop=3,  # the details and the tier filter say it too
    ),
    Column(
        "status",
        QT_TRANSLATE_NOOP("CaseTableModel", "Status"),
        lambda r: status_text(r.status),
        lambda r: _STATUS_ORDER.get(r.status, len(_STATUS_ORDER)),
        width=90,
        tooltip=lambda r: r.status_reason,
        color=lambda r: status_color(r.status),
    ),
    Column(
        "votes",
        QT_TRANSLATE_NOOP("CaseTableModel", "Votes"),
        _votes_text,
        lambda r: (0, r.votes) if r.votes is not None else _LAST,
        align=_RIGHT,
        width=76,
    ),
    Column(
        "video",
        QT_TRANSLATE_NOOP("CaseTableModel", "Video"),
        lambda r: "▶" if r.has_video else "",
        lambda r: 0 if r.has_video else 1,
        align=_CENTER,
        width=52,
        drop=1,  # a missing video is a finding in the problems column
    ),
    Column(
        "submitted",
        QT_TRANSLATE_NOOP("CaseTableModel", "Submitted"),
        _date_text,
        lambda r: (0, r.submitted_at.isoformat()) if r.submitted_at else _LAST,
        width=140,
        visible=False,
    ),
)

(
    COL_CODE,
    COL_TITLE,
    COL_HOSPITAL,
    COL_REGION,
    COL_THEME,
    COL_TIER,
    COL_STATUS,
    COL_VOTES,
    COL_VIDEO,
    COL_SUBMITTED,
) = range(len(COLUMNS))


class CaseTableModel(QAbstractTableModel):
    """Table model for case rows; ``set_rows()`` replaces them all (a reset, like Vorta's archives)."""

    def __init__(self, columns: Sequence[Column] = COLUMNS, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns: tuple[Column, ...] = tuple(columns)
        self._rows: list[CaseRow] = []
        self._row_of_id: dict[int, int] = {}
        #: Column → each row's rank in that column's order, computed when the column is first sorted.
        self._ranks: dict[int, list[int]] = {}
        self._collator = QCollator(QLocale())
        self._collator.setNumericMode(True)  # "第 2 页" before "第 10 页"
        #: The column and order rows are kept in (None: as given).
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- data in -----------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[CaseRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._ranks.clear()
        if self._sort is not None and self._sort[0] < len(self.columns):
            self._rows = self._sorted(*self._sort)
        self._row_of_id = {r.id: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Keep the rows in ``column``'s order (a layout change: selections follow their rows)."""
        self._sort = (column, order) if 0 <= column < len(self.columns) else None
        if self._sort is None or not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[i.row()].id for i in before]
        self._rows = self._sorted(column, order)
        self._ranks.clear()
        self._row_of_id = {r.id: i for i, r in enumerate(self._rows)}
        after = [
            self.index(self._row_of_id[case_id], i.column()) for i, case_id in zip(before, ids, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sorted(self, column: int, order: Qt.SortOrder) -> list[CaseRow]:
        ranks = [self.sort_rank(r, column) for r in range(len(self._rows))]
        order_rows = sorted(range(len(self._rows)), key=ranks.__getitem__)
        if order == Qt.SortOrder.DescendingOrder:
            order_rows.reverse()
        return [self._rows[r] for r in order_rows]

    def set_columns(self, columns: Sequence[Column]) -> None:
        """Replace the columns, keeping the rows (a reset)."""
        self.beginResetModel()
        self.columns = tuple(columns)
        self._ranks.clear()
        self.endResetModel()

    def column_changed(self, column: int) -> None:
        """Repaint one column after data it reads (beside the rows) changed."""
        self._ranks.pop(column, None)
        if self._rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    # -- data out ----------------------------------------------------------------------------------

    def rows(self) -> list[CaseRow]:
        return list(self._rows)

    def row_at(self, row: int) -> CaseRow:
        return self._rows[row]

    def row_of_case(self, case_id: int) -> int | None:
        """Source row of a case id, or None if it is not in the table."""
        return self._row_of_id.get(case_id)

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def sort_rank(self, row: int, column: int) -> int:
        """Where ``row`` comes in ``column``'s order. The order is worked out once per column and load
        with one Python sort, not one Python comparison call per pair from Qt (3,000 cases: issue 8)."""
        ranks = self._ranks.get(column)
        if ranks is None:
            sort = self.columns[column].sort
            keys = [sort(r) for r in self._rows]
            compare = self._compare
            order = sorted(range(len(keys)), key=cmp_to_key(lambda a, b: compare(keys[a], keys[b])))
            ranks = [0] * len(keys)
            for position, r in enumerate(order):
                ranks[r] = position
            self._ranks[column] = ranks
        return ranks[row]

    def _compare(self, a: Any, b: Any) -> int:
        """Text by the locale's collation (numbers by value), anything else by ``<``, missing last."""
        if isinstance(a, str) and isinstance(b, str):
            return self._collator.compare(a, b)
        try:
            return -1 if a < b else 1 if b < a else 0
        except TypeError:  # mixed or missing values: None last, then compare as text
            if a is None or b is None:
                return (a is None) - (b is None)
            return -1 if str(a) < str(b) else 1 if str(b) < str(a) else 0

    # -- Qt model interface ------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self.columns):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SortRole:
            return self.sort_rank(index.row(), index.column())
        if role == CaseIdRole:
            return row.id
        if role == CaseRowRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return (column.tooltip(row) or None) if column.tooltip else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            return column.color(row)
        if role == Qt.ItemDataRole.DecorationRole and column.icon is not None:
            return column.icon(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(HEADER_CONTEXT, column.header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
