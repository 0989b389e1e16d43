# SPDX-License-Identifier: Apache-2.0
"""The results view's tables: a ``QTableView`` that carries the colours of marked cells from the style
sheet (``qproperty-pendingColor`` … of ``ResultsTable``), so the models never hold a colour of their own."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView, QWidget

from ui.results.ranking_model import ResultColors


def _color_property(name: str) -> Any:
    def get(self: ResultsTable) -> QColor:
        return self._colors.get(name, QColor())

    def set_(self: ResultsTable, value: QColor) -> None:
        self._colors[name] = QColor(value)

    return Property(QColor, get, set_)


class ResultsTable(QTableView):
    """A table of results; its colours come from ``leitai.qss``."""

    mutedColor = _color_property("muted")
    pendingColor = _color_property("pending")
    overrideColor = _color_property("override")
    flaggedColor = _color_property("flagged")

    def __init__(self, parent: QWidget | None = None) -> None:
        self._colors: dict[str, QColor] = {}
        super().__init__(parent)

    def result_colors(self) -> ResultColors:
        """The colours of marked cells (the style sheet applies them when the table is polished)."""
        self.ensurePolished()
        return ResultColors(
            QColor(self._colors.get("muted", QColor())),
            QColor(self._colors.get("pending", QColor())),
            QColor(self._colors.get("override", QColor())),
        )

    def flagged_color(self) -> QColor:
        self.ensurePolished()
        return QColor(self._colors.get("flagged", QColor()))
