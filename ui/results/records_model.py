# SPDX-License-Identifier: Apache-2.0
"""A read-only table of records (judges' consistency, cusp cases, draws, overrides, season awards): each
column a header and functions of a record — so the results view's smaller tables are one model."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

T = TypeVar("T")

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
#: The record itself, for any cell.
RecordRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Field(Generic[T]):
    """One column: its (translated) header, the text of a record, optional tooltip and colour."""

    header: str
    text: Callable[[T], str]
    align: Qt.AlignmentFlag = LEFT
    tooltip: Callable[[T], str | None] | None = None
    color: Callable[[T], QColor | None] | None = None


class RecordsModel(QAbstractTableModel, Generic[T]):
    """Rows of records under the given fields; ``set_records`` replaces them."""

    def __init__(self, fields: Sequence[Field[T]], parent: Any = None) -> None:
        super().__init__(parent)
        self._fields = list(fields)
        self._records: list[T] = []

    def set_records(self, records: Sequence[T]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def records(self) -> list[T]:
        return list(self._records)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._fields)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._fields)
        if horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._fields[section].header
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record, field = self._records[index.row()], self._fields[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return field.text(record)
        if role == RecordRole:
            return record
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return field.align
        if role == Qt.ItemDataRole.ToolTipRole:
            return field.tooltip(record) if field.tooltip is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and field.color is not None:
            color = field.color(record)
            return color if color is not None and color.isValid() else None
        return None
