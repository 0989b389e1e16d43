# SPDX-License-Identifier: Apache-2.0
"""Fits the case table's columns to its width, so the title stays readable on a laptop screen.

Every header shows whole in the current language (a column is never narrower than its header text and
sort arrow: "Problems", not "Probler"). When the table gets narrow, the columns that may give way
(``Column.min_width``) shrink, widest first; if the title still has less than ``TITLE_MIN_WIDTH``, the
columns that may be dropped (``Column.drop``, lowest first) are hidden. As the table widens they come
back in the opposite order. A column the user showed or hid through the header's menu is theirs: it is
never hidden or shown automatically again (issue 8, item 10).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

from ui.organizer.case_table_model import CaseTableModel

#: The title column keeps at least this width while other columns can give way.
TITLE_MIN_WIDTH = 240
#: Header room besides its text: the section's padding (leitai.qss) and the sort arrow.
HEADER_EXTRA = 16 + 16


class ColumnFitter:
    """Sets the case table's column widths and automatic visibility; call :meth:`fit` on a resize."""

    def __init__(self, table: QTableView, model: CaseTableModel) -> None:
        self.table = table
        self.model = model
        #: Columns hidden because the table was narrow, with their width (shown again when it widens).
        self.auto_hidden: dict[int, int] = {}
        #: Columns the user showed or hid themselves.
        self.pinned: set[int] = set()

    def apply(self) -> None:
        """Resize modes, default widths and default visibility of the model's columns, then fit."""
        header = self.table.horizontalHeader()
        self.auto_hidden.clear()
        self.pinned.clear()
        for i, column in enumerate(self.model.columns):
            header.setSectionResizeMode(
                i, QHeaderView.ResizeMode.Stretch if column.stretch else QHeaderView.ResizeMode.Interactive
            )
            self.table.setColumnWidth(i, self.default_width(i))
            self.table.setColumnHidden(i, not column.visible)
        self.fit()

    def set_hidden_by_user(self, col: int, hidden: bool) -> None:
        self.pinned.add(col)
        self.auto_hidden.pop(col, None)
        self.table.setColumnHidden(col, hidden)
        self.fit()

    def hide(self, col: int) -> None:
        """Hide a column that means nothing here (a season's only tier): never shown back for room."""
        self.auto_hidden.pop(col, None)
        self.table.setColumnHidden(col, True)

    def header_width(self, col: int) -> int:
        """What the column's header needs, in the current language, to show whole with its sort arrow."""
        font = QFont(self.table.horizontalHeader().font())
        font.setBold(True)
        text = str(self.model.headerData(col, Qt.Orientation.Horizontal))
        return QFontMetrics(font).horizontalAdvance(text) + HEADER_EXTRA

    def default_width(self, col: int) -> int:
        return max(self.model.columns[col].width, self.header_width(col))

    def restore(self, state: QByteArray) -> None:
        """Restore a saved header state (widths, order, sort, what the user hid), then fit."""
        header = self.table.horizontalHeader()
        for col in self.auto_hidden:  # the saved state decides, not a fit made before it
            header.setSectionHidden(col, False)
        self.auto_hidden.clear()
        header.restoreState(state)
        self.fit()

    def header_state(self) -> QByteArray:
        """The header's state to save, as if nothing had been hidden for want of room."""
        header = self.table.horizontalHeader()
        for col in self.auto_hidden:
            header.setSectionHidden(col, False)
        state = header.saveState()
        for col in self.auto_hidden:
            header.setSectionHidden(col, True)
        return state

    def fit(self) -> None:
        """Shrink or drop columns until the title has ``TITLE_MIN_WIDTH``; give room back when there is."""
        cols = self.model.columns
        title = next((i for i, c in enumerate(cols) if c.stretch), None)
        if title is None or self.table.isColumnHidden(title) or not self.table.isVisible():
            return  # a table not on screen yet has no real width to fit
        room = self._room(title)
        flexible = [i for i in self._shown(title) if cols[i].min_width]
        if room < 0:
            room = self._shrink(flexible, room)
            droppable = [i for i in self._shown(title) if cols[i].drop and i not in self.pinned]
            for col in sorted(droppable, key=lambda i: cols[i].drop):
                if room >= 0:
                    break
                self.auto_hidden[col] = self.table.columnWidth(col)
                room += self.auto_hidden[col]
                self.table.setColumnHidden(col, True)
            return
        for col in sorted(self.auto_hidden, key=lambda i: cols[i].drop, reverse=True):
            width = self.auto_hidden[col]
            if width > room:
                return  # the next one back does not fit yet; keep the order
            room -= width
            del self.auto_hidden[col]
            self.table.setColumnHidden(col, False)
            self.table.setColumnWidth(col, width)
        for col in sorted(flexible, key=self.table.columnWidth):
            take = min(room, max(self.default_width(col) - self.table.columnWidth(col), 0))
            self.table.setColumnWidth(col, self.table.columnWidth(col) + take)
            room -= take

    def _shown(self, title: int) -> list[int]:
        return [i for i in range(len(self.model.columns)) if i != title and not self.table.isColumnHidden(i)]

    def _room(self, title: int) -> int:
        """Width left for the title beyond its minimum (negative: missing)."""
        used = sum(self.table.columnWidth(i) for i in self._shown(title))
        return self.table.viewport().width() - used - TITLE_MIN_WIDTH

    def _shrink(self, flexible: list[int], room: int) -> int:
        for col in sorted(flexible, key=self.table.columnWidth, reverse=True):
            floor = max(self.model.columns[col].min_width, self.header_width(col))
            give = min(-room, max(self.table.columnWidth(col) - floor, 0))
            self.table.setColumnWidth(col, self.table.columnWidth(col) - give)
            room += give
        return room
