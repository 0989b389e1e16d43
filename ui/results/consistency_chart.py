# SPDX-License-Identifier: Apache-2.0
"""The judge consistency chart of a round (QtCharts): one bar per judge for their severity — their mean
offset from the other judges on the same cases, negative is harsher — on a symmetric axis, the judges to
look at in the flagged colour, each judge's agreement (rank correlation ρ) as a marker on the right axis,
and dashed lines at ± one judge's noise. The same figure as the PDF report's (``app.results``'s
``ConsistencyChart``). Colours come from the style sheet (``qproperty-*`` of ``ConsistencyChartView``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Property, QPointF, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from app.glossary.results import WORDS
from app.results.text import flag_names
from app.results.types import Consistency, JudgeStat


def _color_property(name: str) -> Any:
    def get(self: ConsistencyChartView) -> QColor:
        return self._colors.get(name, QColor())

    def set_(self: ConsistencyChartView, value: QColor) -> None:
        self._colors[name] = QColor(value)

    return Property(QColor, get, set_)


class ConsistencyChartView(QChartView):
    """Severity bars and agreement markers per judge; ``set_consistency`` draws a round."""

    barColor = _color_property("bar")
    flaggedColor = _color_property("flagged")
    agreementColor = _color_property("agreement")
    noiseColor = _color_property("noise")
    textColor = _color_property("text")

    def __init__(self, parent: QWidget | None = None) -> None:
        self._colors: dict[str, QColor] = {}
        super().__init__(parent)
        self.setObjectName("consistencyChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.judges: tuple[JudgeStat, ...] = ()
        self.flagged_set: QBarSet | None = None
        self.normal_set: QBarSet | None = None
        self.agreement: QScatterSeries | None = None
        self.set_consistency(None)

    def _font(self, scale: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(9.0, font.pointSizeF() * scale))
        font.setBold(bold)
        return font

    def set_consistency(self, consistency: Consistency | None) -> None:
        """Draw the judges of ``consistency`` who have a severity (None: an empty chart)."""
        self.ensurePolished()  # the style sheet's colours are set when the widget is polished
        chart = QChart()
        # no title: the tab names the chart, and a small window keeps the room for the bars
        chart.setToolTip(WORDS["consistency_title"].text())
        chart.setBackgroundVisible(False)
        chart.setMargins(chart.margins())
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setFont(self._font(1.05))
        self.judges = tuple(j for j in consistency.judges if j.severity is not None) if consistency else ()
        if consistency is not None and self.judges:
            self._draw(chart, consistency)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()

    def _draw(self, chart: QChart, consistency: Consistency) -> None:
        judges = self.judges
        normal = QBarSet(self.tr("Severity"))
        flagged = QBarSet(self.tr("Severity: a judge to look at"))
        for j in judges:
            value = float(j.severity or 0.0)
            normal.append(0.0 if j.flags else value)
            flagged.append(value if j.flags else 0.0)
        for bar_set, name in ((normal, "bar"), (flagged, "flagged")):
            if self._colors.get(name, QColor()).isValid():
                bar_set.setColor(self._colors[name])
                bar_set.setBorderColor(self._colors[name])
            bar_set.hovered.connect(self._on_hover)
        bars = QStackedBarSeries()
        bars.append(normal)
        bars.append(flagged)
        bars.setBarWidth(0.6)
        chart.addSeries(bars)
        self.normal_set, self.flagged_set = normal, flagged

        labels = QBarCategoryAxis()
        labels.append([j.code for j in judges])
        labels.setLabelsFont(self._font(1.0))
        limit = float(consistency.chart.axis_limit)
        severity = QValueAxis()
        severity.setRange(-limit, limit)
        severity.setTitleText(self.tr("Severity (points)"))
        severity.setTitleFont(self._font(1.0))
        severity.setLabelsFont(self._font(1.0))
        severity.setLabelFormat("%.0f")
        # ticks at round numbers from 0 (the axis is a multiple of 5 points either side)
        severity.setTickType(QValueAxis.TickType.TicksDynamic)
        severity.setTickAnchor(0.0)
        severity.setTickInterval(5.0 if limit <= 10 else 10.0 if limit <= 30 else 20.0)
        agreement_axis = QValueAxis()
        agreement_axis.setRange(-1.0, 1.0)
        agreement_axis.setTitleText(self.tr("Agreement ρ"))
        agreement_axis.setTitleFont(self._font(1.0))
        agreement_axis.setLabelsFont(self._font(1.0))
        agreement_axis.setLabelFormat("%.1f")
        agreement_axis.setTickCount(5)
        agreement_axis.setGridLineVisible(False)
        chart.addAxis(labels, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(severity, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(agreement_axis, Qt.AlignmentFlag.AlignRight)
        bars.attachAxis(labels)
        bars.attachAxis(severity)

        if consistency.noise is not None and consistency.noise < limit:
            self._noise_lines(chart, len(judges), consistency.noise, labels, severity)

        marks = QScatterSeries()
        marks.setName(self.tr("Agreement ρ"))
        marks.setMarkerSize(12.0)
        if self._colors.get("agreement", QColor()).isValid():
            marks.setColor(self._colors["agreement"])
            marks.setBorderColor(self._colors["agreement"])
        for i, j in enumerate(judges):
            if j.agreement is not None:
                marks.append(QPointF(i, j.agreement))
        chart.addSeries(marks)
        marks.attachAxis(labels)
        marks.attachAxis(agreement_axis)
        self.agreement = marks
        text = self._colors.get("text", QColor())
        if text.isValid():
            for axis in (labels, severity, agreement_axis):
                axis.setLabelsColor(text)

    def _noise_lines(
        self, chart: QChart, n: int, noise: float, labels: QBarCategoryAxis, severity: QValueAxis
    ) -> None:
        """Dashed lines at ± one judge's noise, across every bar."""
        pen = QPen(self._colors.get("noise", QColor(Qt.GlobalColor.gray)))
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setWidthF(1.5)
        for sign in (1.0, -1.0):
            line = QLineSeries()
            line.setName(self.tr("± one judge's noise ({noise})").format(noise=f"{noise:.1f}"))
            line.append(-0.5, sign * noise)
            line.append(n - 0.5, sign * noise)
            line.setPen(pen)
            chart.addSeries(line)
            line.attachAxis(labels)
            line.attachAxis(severity)
            if sign < 0:
                for marker in chart.legend().markers(line):
                    marker.setVisible(False)

    def tooltip(self, index: int) -> str:
        """What hovering over a judge's bar says: code, name, severity, agreement, flags."""
        j = self.judges[index]
        parts = [f"{j.code} {j.name}".strip(), f"{WORDS['severity'].text()} {j.severity or 0.0:+.2f}"]
        if j.agreement is not None:
            parts.append(f"{WORDS['agreement'].text()} {j.agreement:.2f}")
        if j.flags:
            parts.append(flag_names(j.flags))
        return "\n".join(parts)

    def _on_hover(self, status: bool, index: int) -> None:
        if status and 0 <= index < len(self.judges):
            QToolTip.showText(QCursor.pos(), self.tooltip(index), self)
        else:
            QToolTip.hideText()
