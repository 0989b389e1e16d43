# SPDX-License-Identifier: Apache-2.0
"""Table models of the packages tab: the round's judges with their newest package (tick the ones to
build), and the packages built in this session with the access codes to hand out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.bundles.package import BuiltPackage
from app.glossary.desk import PACKAGE_STATE
from app.judging.handout import IssuedView
from ui.desk.headers import header_text
from ui.desk.progress_model import local_time
from ui.i18n import QT_TRANSLATE_NOOP
from ui.style import theme_colors

CONTEXT = "PackagesModel"
_ISSUED = (
    QT_TRANSLATE_NOOP("PackagesModel", "Judge"),
    QT_TRANSLATE_NOOP("PackagesModel", "Name"),
    QT_TRANSLATE_NOOP("PackagesModel", "Cases"),
    QT_TRANSLATE_NOOP("PackagesModel", "Package"),
    QT_TRANSLATE_NOOP("PackagesModel", "File"),
    QT_TRANSLATE_NOOP("PackagesModel", "Built"),
)
_BUILT = (
    QT_TRANSLATE_NOOP("PackagesModel", "Judge"),
    QT_TRANSLATE_NOOP("PackagesModel", "Name"),
    QT_TRANSLATE_NOOP("PackagesModel", "Cases"),
    QT_TRANSLATE_NOOP("PackagesModel", "Access code"),
    QT_TRANSLATE_NOOP("PackagesModel", "File"),
)


class IssuedModel(QAbstractTableModel):
    """One judge of the round a row; the first column's box picks them for the next build."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[IssuedView] = []
        self._picked: set[int] = set()

    def set_rows(self, rows: list[IssuedView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._picked &= {r.judge_id for r in rows}
        self.endResetModel()

    def rows(self) -> list[IssuedView]:
        return list(self._rows)

    def picked(self) -> list[int]:
        """Ids of the ticked judges, in the table's order."""
        return [r.judge_id for r in self._rows if r.judge_id in self._picked]

    def pick(self, judge_ids: set[int]) -> None:
        self._picked = set(judge_ids)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_ISSUED)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_text(CONTEXT, _ISSUED, section, orientation, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else base

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if r.judge_id in self._picked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                r.judge_code,
                r.judge_name,
                str(r.cases),
                PACKAGE_STATE[r.state].text(),
                r.file_name,
                local_time(r.built_at),
            )
            return values[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            colors = theme_colors()
            return {"current": colors.approved, "outdated": colors.warning, "none": colors.muted}.get(r.state)
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        jid = self._rows[index.row()].judge_id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._picked.add(jid)
        else:
            self._picked.discard(jid)
        self.dataChanged.emit(index, index)
        return True


class BuiltModel(QAbstractTableModel):
    """Packages built in this session, each with the access code to hand to its judge."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[BuiltPackage] = []

    def add(self, built: list[BuiltPackage]) -> None:
        """Add packages just built; a judge's newer package replaces their older one of the round."""
        self.beginResetModel()
        keys = {(b.judge_code, b.round_key) for b in built}
        self._rows = [b for b in self._rows if (b.judge_code, b.round_key) not in keys] + list(built)
        self.endResetModel()

    def rows(self, round_key: str | None = None) -> list[BuiltPackage]:
        return [b for b in self._rows if round_key is None or b.round_key == round_key]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_BUILT)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_text(CONTEXT, _BUILT, section, orientation, role)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        b = self._rows[index.row()]
        return (b.judge_code, b.judge_name, str(b.cases), b.access_code, b.path.name)[index.column()]
