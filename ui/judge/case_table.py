# SPDX-License-Identifier: Apache-2.0
"""The table of the judge's cases: a QTableView whose state colours come from leitai.qss.

A model cannot be styled; this view can (``qproperty-draftColor: …`` in the style sheet), and hands the
colours to the :class:`CaseListModel` under its filter proxy, which paints each state's name with them.
"""

from __future__ import annotations

from PySide6.QtCore import Property, QAbstractItemModel, QSortFilterProxyModel
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView, QWidget

from ui.judge.case_list_model import CaseListModel


class CaseTable(QTableView):
    """``notStartedColor``, ``draftColor``, ``submittedColor``, ``recusedColor``: set by the style sheet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colors: dict[str, QColor] = {}

    def _source(self) -> CaseListModel | None:
        model = self.model()
        if isinstance(model, QSortFilterProxyModel):
            model = model.sourceModel()
        return model if isinstance(model, CaseListModel) else None

    def _get(self, state: str) -> QColor:
        return QColor(self._colors.get(state, self.palette().text().color()))

    def _set(self, state: str, color: QColor) -> None:
        self._colors[state] = QColor(color)
        source = self._source()
        if source is not None:
            source.set_state_colors(self._colors)

    notStartedColor = Property(QColor, lambda s: s._get("not_started"), lambda s, c: s._set("not_started", c))
    draftColor = Property(QColor, lambda s: s._get("draft"), lambda s, c: s._set("draft", c))
    submittedColor = Property(QColor, lambda s: s._get("submitted"), lambda s, c: s._set("submitted", c))
    recusedColor = Property(QColor, lambda s: s._get("recused"), lambda s, c: s._set("recused", c))

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        source = self._source()
        if source is not None and self._colors:
            source.set_state_colors(self._colors)
