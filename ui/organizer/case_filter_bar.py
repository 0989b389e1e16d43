# SPDX-License-Identifier: Apache-2.0
"""The filter row above the case table: search, theme, region, tier and status, other areas' filter
controls, "Clear filters" and the count of cases shown. It drives a :class:`CaseFilterProxy`.

Every control may shrink (down to a readable minimum) so the row fits the main window's smallest width
(1024 px) in every language without two controls overlapping (issue 8, item 10).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QWidget

from app.glossary.terms import region_label
from ui.i18n import STATUSES, status_text
from ui.organizer.case_filter_proxy import CaseFilterProxy

#: Milliseconds the search box waits after the last keystroke before filtering.
SEARCH_DELAY_MS = 150
#: Characters a filter box shows at least before it elides ("All themes", "1 · 构建…").
COMBO_MIN_CHARS = 8


class CaseFilterBar(QWidget):
    """Search box and filter boxes in one row; changes go straight to the proxy."""

    #: A filter changed (the proxy has re-filtered).
    changed = Signal()
    #: The user pressed "Clear filters".
    clear_requested = Signal()

    def __init__(self, proxy: CaseFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.proxy = proxy
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 10, 12, 10)
        row.setSpacing(8)
        self._row = row

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("caseSearch")
        self.search_edit.setPlaceholderText(self.tr("Search code, title or hospital"))
        self.search_edit.setAccessibleName(self.tr("Search code, title or hospital"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(160)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search_edit.textChanged.connect(self._search_timer.start)
        row.addWidget(self.search_edit, 3)

        self.theme_combo = self._combo("themeFilter", self.tr("All themes"))
        self.region_combo = self._combo("regionFilter", self.tr("All regions"))
        self.tier_combo = self._combo("tierFilter", self.tr("All tiers"))
        self.status_combo = self._combo("statusFilter", self.tr("All statuses"))
        for status in STATUSES:
            self.status_combo.addItem(status_text(status), status)
        for combo, stretch in (
            (self.theme_combo, 3),
            (self.region_combo, 1),
            (self.tier_combo, 1),
            (self.status_combo, 1),
        ):
            row.addWidget(combo, stretch)
            combo.currentIndexChanged.connect(self._apply_filters)

        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.clicked.connect(self.clear_requested)
        row.addWidget(self.clear_button)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label.setToolTip(self.tr("Cases shown / all cases"))
        row.addWidget(self.count_label)

    def _combo(self, name: str, all_text: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        # Sized by a few characters, not by its longest entry (a theme's title), so the row can shrink.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(COMBO_MIN_CHARS)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        combo.addItem(all_text, None)
        return combo

    # -- what other code calls ---------------------------------------------------------------------

    def add_filter_widget(self, widget: QWidget) -> None:
        """Put another area's filter control (e.g. "only with problems") before "Clear filters"."""
        self._row.insertWidget(self._row.indexOf(self.clear_button), widget)

    def set_choices(
        self, themes: list[tuple[int, str]], regions: list[tuple[str, str]], tiers: list[tuple[str, str]]
    ) -> None:
        """The season's themes, regions and tiers; a season with one tier hides the tier filter."""
        self._fill(self.theme_combo, [(f"{n} · {title}", n) for n, title in themes])
        self._fill(self.region_combo, [(region_label(name), code) for code, name in regions])
        self._fill(self.tier_combo, [(name, name) for _code, name in tiers])
        self.tier_combo.setVisible(len(tiers) > 1)

    def set_counts(self, shown: int, total: int) -> None:
        self.count_label.setText(self.tr("{shown} / {total}").format(shown=shown, total=total))

    def clear(self) -> None:
        """Back to "all" everywhere, without a signal per control; the proxy forgets every filter."""
        for combo in (self.theme_combo, self.region_combo, self.tier_combo, self.status_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self._search_timer.stop()
        self.proxy.clear_filters()

    # -- applying ----------------------------------------------------------------------------------

    def _fill(self, combo: QComboBox, items: list[tuple[str, Any]]) -> None:
        """Replace the choices after "All …", keeping the current one if it still exists."""
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, data in items:
            combo.addItem(text, data)
            combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        if current is not None and index < 0:
            self._apply_filters()

    def _apply_filters(self) -> None:
        self.proxy.theme = self.theme_combo.currentData()
        self.proxy.region_code = self.region_combo.currentData()
        self.proxy.tier = self.tier_combo.currentData()
        self.proxy.status = self.status_combo.currentData()
        self.proxy.filters_changed()
        self.changed.emit()

    def _apply_search(self) -> None:
        self.proxy.set_search(self.search_edit.text())
        self.changed.emit()
