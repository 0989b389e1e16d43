# SPDX-License-Identifier: Apache-2.0
"""Filter and sort proxy in front of the case table: theme, region, tier, status and a search box.

Each filter is None for "all". The search matches case code, title and hospital, case-insensitively,
every word of the query somewhere in them. Sorting is the source model's (``CaseTableModel.sort``: one
Python sort, not a Python call per comparison); this proxy forwards it and keeps the source's order.
Subclasses add criteria by overriding :meth:`accepts` and calling ``self.filters_changed()`` when
theirs change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from app.catalog import CaseRow
from ui.organizer.case_table_model import CaseTableModel


class CaseFilterProxy(QSortFilterProxyModel):
    """Shows the cases that pass every active filter, in the source model's order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.theme: int | None = None
        self.region_code: str | None = None
        self.tier: str | None = None
        self.status: str | None = None
        self._terms: tuple[str, ...] = ()
        #: Criteria other areas add by name (issue 3: "only cases with problems"); each keeps a row
        #: when it returns True. Call ``filters_changed()`` after changing them.
        self.extra_filters: dict[str, Callable[[CaseRow], bool]] = {}
        self.setDynamicSortFilter(True)

    # -- filters -----------------------------------------------------------------------------------

    def set_theme(self, number: int | None) -> None:
        self.theme = number
        self.filters_changed()

    def set_region(self, code: str | None) -> None:
        self.region_code = code or None
        self.filters_changed()

    def set_tier(self, name: str | None) -> None:
        """Filter on the tier's name as the rows carry it (``CaseRow.tier``)."""
        self.tier = name or None
        self.filters_changed()

    def set_status(self, status: str | None) -> None:
        self.status = status or None
        self.filters_changed()

    def set_search(self, text: str) -> None:
        self._terms = tuple(text.casefold().split())
        self.filters_changed()

    def clear_filters(self) -> None:
        self.theme = self.region_code = self.tier = self.status = None
        self._terms = ()
        self.extra_filters.clear()
        self.filters_changed()

    def filters_changed(self) -> None:
        """Re-run the filter after any criterion changed."""
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def accepts(self, row: CaseRow) -> bool:
        """Whether ``row`` passes every filter; override to add criteria (call super first)."""
        if self.theme is not None and row.theme_number != self.theme:
            return False
        if self.region_code is not None and row.region_code != self.region_code:
            return False
        if self.tier is not None and row.tier != self.tier:
            return False
        if self.status is not None and row.status != self.status:
            return False
        if not all(keep(row) for keep in self.extra_filters.values()):
            return False
        if self._terms:
            haystack = f"{row.code}\n{row.title}\n{row.hospital}".casefold()
            return all(term in haystack for term in self._terms)
        return True

    # -- Qt overrides ------------------------------------------------------------------------------

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, CaseTableModel) or source_parent.isValid():
            return True
        return self.accepts(model.row_at(source_row))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the source model's: it orders its rows once, this proxy keeps that order."""
        model = self.sourceModel()
        if isinstance(model, CaseTableModel):
            model.sort(column, order)
