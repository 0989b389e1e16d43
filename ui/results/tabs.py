# SPDX-License-Identifier: Apache-2.0
"""The pages of the results view: the ranking of a group, judge consistency (chart and table), the cusp
list, and the round's draws and overrides with the season's hospital awards. Each shows one
``RoundResults``; none reads the workspace."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.glossary.results import CLI, WORDS
from app.results.text import actor_name, award_name, draw_lines, flag_names, score_text
from app.results.types import CuspCase, Draw, HospitalAward, JudgeStat, Override, RankedCase, RoundResults
from app.seasons import SeasonRules
from ui.results.ranking_model import OVERRIDDEN, PENDING, RankedRole, RankingModel, RankingProxy
from ui.results.records_model import RIGHT, Field, RecordsModel
from ui.results.results_table import ResultsTable

if TYPE_CHECKING:
    from ui.results.consistency_chart import ConsistencyChartView

#: The case title keeps at least this many characters' width, however many judges there are.
TITLE_EMS = 14


def records_table(name: str) -> ResultsTable:
    """A read-only table for records, rows selected whole."""
    table = ResultsTable()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    table.ensurePolished()  # the style sheet's font size, for the row height
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 14)
    return table


def _fit(table: QTableView, stretch: int) -> None:
    """Columns as wide as their contents, ``stretch`` taking the rest."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if 0 <= stretch < header.count():
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def _num(value: float | None, fmt: str) -> str:
    return "—" if value is None else format(value, fmt)


class RankingTab(QWidget):
    """A group's ranking: choose the group, filter by text or award, a table, and the selected case's note."""

    #: The selected case (``RankedCase``) or None.
    case_selected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsRankingTab")
        self.results: RoundResults | None = None
        self.rules: SeasonRules | None = None
        self.model = RankingModel(self)
        self.proxy = RankingProxy(self)
        self.proxy.setSourceModel(self.model)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(8)
        row = QHBoxLayout()
        row.setSpacing(8)
        self.group = QComboBox()
        self.group.setObjectName("resultsGroup")
        self.group.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.award = QComboBox()
        self.award.setObjectName("resultsAwardFilter")
        self.search = QLineEdit()
        self.search.setObjectName("resultsSearch")
        self.search.setPlaceholderText(self.tr("Find a case, hospital or region…"))
        self.search.setClearButtonEnabled(True)
        self.shown = QLabel()
        self.shown.setObjectName("countLabel")
        group_label = QLabel(self.tr("Group"))
        group_label.setObjectName("resultsFieldLabel")
        row.addWidget(group_label)
        row.addWidget(self.group)
        row.addSpacing(8)
        row.addWidget(self.award)
        row.addWidget(self.search, 1)
        row.addWidget(self.shown)
        layout.addLayout(row)

        self.table = ResultsTable()
        self.table.setObjectName("resultsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setSectionsMovable(True)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.ensurePolished()  # the style sheet's font size, for the row height
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 16)
        layout.addWidget(self.table, 1)
        self.note = QLabel()
        self.note.setObjectName("resultsCaseNote")
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.note)

        self.group.currentIndexChanged.connect(self._show_group)
        self.award.currentIndexChanged.connect(lambda _i: self._filter())
        self.search.textChanged.connect(lambda _t: self._filter())
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.proxy.modelReset.connect(self._count)
        self.proxy.layoutChanged.connect(self._count)
        self.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._size_columns()
        return super().eventFilter(watched, event)

    def set_results(self, results: RoundResults | None, rules: SeasonRules | None) -> None:
        """Show a round; keeps the chosen group (by key) and the filters when it can."""
        self.model.set_colors(self.table.result_colors())
        keep_group = self.group.currentData()
        keep_award = self.award.currentData()
        self.results, self.rules = results, rules
        self.group.blockSignals(True)
        self.award.blockSignals(True)
        self.group.clear()
        self.award.clear()
        self.award.addItem(self.tr("All cases"), "")
        if results is not None and rules is not None:
            for g in results.groups:
                self.group.addItem(self.tr("{group} ({n} cases)").format(group=g.name, n=len(g.cases)), g.key)
            for key in results.award_keys:
                self.award.addItem(award_name(key, rules), key)
            self.award.addItem(self.tr("Waiting for a draw"), PENDING)
            self.award.addItem(self.tr("Overridden"), OVERRIDDEN)
        self.group.setCurrentIndex(max(0, self.group.findData(keep_group)))
        self.award.setCurrentIndex(max(0, self.award.findData(keep_award)))
        self.group.blockSignals(False)
        self.award.blockSignals(False)
        self._show_group()
        self._filter()

    def _show_group(self) -> None:
        results = self.results
        key = self.group.currentData()
        group = next((g for g in results.groups if g.key == key), None) if results else None
        self.model.set_group(results, group, self.rules)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self._size_columns()
        self.note.clear()
        self.case_selected.emit(None)

    def _size_columns(self) -> None:
        """Every column as wide as its contents need; the title takes the room left, at least
        ``TITLE_EMS`` characters — with many judges their marks scroll, never the rank, score or awards."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        em = self.table.fontMetrics().horizontalAdvance("中")
        pad = em + 8
        font = QFont(self.table.font())
        font.setBold(True)
        bold = QFontMetrics(font)
        plain = self.table.fontMetrics()
        widths = {
            "rank": bold.horizontalAdvance(self.model.widest_rank()) + pad,
            "code": bold.horizontalAdvance("2022-0000") + pad,
            "hospital": 11 * em,
            "region": 2 * em + pad,
            "score": bold.horizontalAdvance("100.00") + pad,
            # as wide as the group's longest list of awards (within reason): they matter more than marks
            "awards": min(22 * em, max(10 * em, plain.horizontalAdvance(self.model.widest_awards()) + pad)),
            "judge": plain.horizontalAdvance("(100.00)") + pad,  # a dropped mark shows in brackets
        }
        heads = header.fontMetrics()
        header.setMinimumSectionSize(3 * em)
        fixed = 0
        for col in range(self.model.columnCount()):
            key = self.model.column_key(col)
            if key != "title":
                text = str(self.model.headerData(col, Qt.Orientation.Horizontal))
                width = max(widths[key], heads.horizontalAdvance(text) + pad + 12)  # + the sort arrow
                header.resizeSection(col, width)
                fixed += width
        title = self.model.column_index("title")
        room = self.table.viewport().width() - fixed
        header.resizeSection(title, max(TITLE_EMS * em, room))

    def _filter(self) -> None:
        self.proxy.set_award(self.award.currentData() or "")
        self.proxy.set_text(self.search.text())
        self._count()

    def _count(self) -> None:
        self.shown.setText(
            self.tr("{shown} of {total} cases").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )

    def selected(self) -> RankedCase | None:
        rows = self.table.selectionModel().selectedRows()
        ranked = rows[0].data(RankedRole) if rows else None
        return ranked if isinstance(ranked, RankedCase) else None

    def select_case(self, case_id: int) -> bool:
        row = self.model.row_of_case(case_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        return True

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and self.results is not None and self.rules is not None:
            source = self.proxy.mapToSource(rows[0]).row()
            self.note.setText(self.model.note(source, self.results, self.rules))
        else:
            self.note.clear()
        self.case_selected.emit(self.selected())


class ConsistencyTab(QWidget):
    """The consistency chart over each judge's figures; the chart (QtCharts) is built on first show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsConsistencyTab")
        self.chart: ConsistencyChartView | None = None
        self._pending: RoundResults | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(8)
        self.note = QLabel()
        self.note.setObjectName("resultsHint")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("resultsConsistencySplitter")
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        self.model: RecordsModel[JudgeStat] = RecordsModel(self._fields(), self)
        self.table = records_table("resultsJudges")
        self.table.setModel(self.model)
        self.splitter.addWidget(self.table)

    def _fields(self) -> list[Field[JudgeStat]]:
        def flagged(j: JudgeStat) -> QColor | None:
            return self.table.flagged_color() if j.flags else None

        return [
            Field(WORDS["code"].text(), lambda j: j.code),
            Field(WORDS["name"].text(), lambda j: j.name),
            Field(WORDS["cases"].text(), lambda j: str(j.cases), RIGHT),
            Field(WORDS["severity"].text(), lambda j: _num(j.severity, "+.2f"), RIGHT, color=flagged),
            Field(WORDS["agreement"].text(), lambda j: _num(j.agreement, ".2f"), RIGHT),
            Field(WORDS["noise"].text(), lambda j: _num(j.noise, ".2f"), RIGHT),
            Field(WORDS["flags"].text(), lambda j: flag_names(j.flags), color=flagged),
        ]

    def ensure_chart(self) -> ConsistencyChartView:
        """Build the chart now (QtCharts loads on first use) and draw what is waiting."""
        if self.chart is None:
            from ui.results.consistency_chart import (
                ConsistencyChartView,
            )  # lazy: QtCharts loads on first show

            self.chart = ConsistencyChartView()
            self.chart.setMinimumHeight(260)
            self.splitter.insertWidget(0, self.chart)
            self.splitter.setStretchFactor(0, 3)
            self.splitter.setStretchFactor(1, 2)
            self.splitter.setSizes([700, 300])
        self.chart.set_consistency(self._pending.consistency if self._pending is not None else None)
        return self.chart

    def set_results(self, results: RoundResults | None) -> None:
        self._pending = results
        c = results.consistency if results is not None else None
        self.model.set_records(c.judges if c is not None else ())
        _fit(self.table, 6)
        noise = "—" if c is None or c.noise is None else f"{c.noise:.2f}"
        self.note.setText(WORDS["consistency_note"].text(noise=noise) + "　" + WORDS["chart_legend"].text())
        if self.chart is not None:
            self.chart.set_consistency(c)


class CuspTab(QWidget):
    """Cases within one judge's noise of an award boundary: a second look before the results go out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsCuspTab")
        self.rules: SeasonRules | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(8)
        self.note = QLabel(WORDS["cusp_title"].text())
        self.note.setObjectName("resultsHint")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.model: RecordsModel[CuspCase] = RecordsModel(self._fields(), self)
        self.table = records_table("resultsCusp")
        self.table.setModel(self.model)
        layout.addWidget(self.table, 1)

    def _fields(self) -> list[Field[CuspCase]]:
        return [
            Field(WORDS["group"].text(), lambda k: k.group_name),
            Field(WORDS["award"].text(), lambda k: award_name(k.award_key, self.rules)),
            Field(WORDS["case_code"].text(), lambda k: k.case.code),
            Field(WORDS["title"].text(), lambda k: k.case.title, tooltip=lambda k: k.case.title),
            Field(WORDS["hospital"].text(), lambda k: k.case.hospital),
            Field(WORDS["score"].text(), lambda k: score_text(k.score), RIGHT),
            Field(WORDS["boundary"].text(), lambda k: score_text(k.boundary), RIGHT),
            Field(WORDS["gap"].text(), lambda k: f"{k.gap:.2f}", RIGHT),
            Field(WORDS["margin"].text(), lambda k: f"{k.margin:.2f}", RIGHT),
            Field(WORDS["inside"].text(), lambda k: WORDS["held" if k.inside else "not_held"].text()),
        ]

    def set_results(self, results: RoundResults | None, rules: SeasonRules | None) -> None:
        self.rules = rules
        self.model.set_records(results.cusp if results is not None else ())
        _fit(self.table, 3)
        n = len(results.cusp) if results is not None else 0
        self.note.setText(
            WORDS["cusp_title"].text()
            + "　"
            + self.tr("{n} cases are within one judge's noise of a boundary.").format(n=n)
        )


class RecordsTab(QWidget):
    """The round's recorded draws and award overrides, and the season's hospital awards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsRecordsTab")
        self.rules: SeasonRules | None = None
        self.results: RoundResults | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(6)
        self.overrides: RecordsModel[Override] = RecordsModel(self._override_fields(), self)
        self.draws: RecordsModel[Draw] = RecordsModel(self._draw_fields(), self)
        self.season: RecordsModel[HospitalAward] = RecordsModel(self._season_fields(), self)
        self.tables: list[QTableView] = []
        self.empties: list[QLabel] = []
        #: Shows the page's "override a season award" action (``ResultsActions.season_override``).
        self.season_button = QToolButton()
        self.season_button.setObjectName("resultsSeasonOverride")
        self.season_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for title, model, name, empty in (
            (
                WORDS["sheet_overrides"].text(),
                self.overrides,
                "resultsOverrides",
                WORDS["no_overrides"].text(),
            ),
            (WORDS["sheet_draws"].text(), self.draws, "resultsDraws", self.tr("No draw recorded.")),
            (WORDS["sheet_season"].text(), self.season, "resultsSeasonAwards", CLI["none"].text()),
        ):
            heading = QLabel(title)
            heading.setObjectName("sectionHeading")
            if model is self.season:  # a season award is overridden here (the toolbar's is per round)
                row = QHBoxLayout()
                row.addWidget(heading)
                row.addStretch(1)
                row.addWidget(self.season_button)
                layout.addLayout(row)
            else:
                layout.addWidget(heading)
            table = records_table(name)
            table.setModel(model)
            layout.addWidget(table, 1)
            note = QLabel(empty)
            note.setObjectName("resultsHint")
            layout.addWidget(note)
            self.tables.append(table)
            self.empties.append(note)
        layout.addStretch(0)

    def _override_fields(self) -> list[Field[Override]]:
        return [
            Field(WORDS["when"].text(), lambda o: o.at.strftime("%Y-%m-%d %H:%M") if o.at else ""),
            Field(WORDS["award"].text(), lambda o: award_name(o.award_key, self.rules)),
            Field(WORDS["subject"].text(), lambda o: o.subject),
            Field(WORDS["change"].text(), lambda o: WORDS["grant" if o.grant else "revoke"].text()),
            Field(WORDS["reason"].text(), lambda o: o.reason, tooltip=lambda o: o.reason),
            Field(WORDS["who"].text(), lambda o: actor_name(o.actor)),
        ]

    def _draw_fields(self) -> list[Field[Draw]]:
        def line(d: Draw) -> str:
            if self.results is None or self.rules is None:
                return ""
            return draw_lines((d,), self.results, self.rules)[0]

        return [
            Field(WORDS["when"].text(), lambda d: d.at.strftime("%Y-%m-%d %H:%M") if d.at else ""),
            Field(WORDS["drawn"].text(), line, tooltip=line),
            Field(WORDS["who"].text(), lambda d: actor_name(d.actor)),
        ]

    def _season_fields(self) -> list[Field[HospitalAward]]:
        return [
            Field(WORDS["award"].text(), lambda a: award_name(a.award_key, self.rules)),
            Field(WORDS["hospital"].text(), lambda a: a.hospital),
            Field(WORDS["case_count"].text(), lambda a: str(a.cases), RIGHT),
            Field(WORDS["change"].text(), lambda a: "" if a.by_rule else WORDS["by_override"].text()),
        ]

    def set_results(
        self, results: RoundResults | None, season: Sequence[HospitalAward], rules: SeasonRules | None
    ) -> None:
        self.results, self.rules = results, rules
        self.overrides.set_records(results.overrides if results is not None else ())
        self.draws.set_records(results.draws if results is not None else ())
        self.season.set_records(season)
        layout = self.layout()
        for i, (table, stretch) in enumerate(zip(self.tables, (4, 1, 1), strict=True)):
            _fit(table, stretch)
            rows = table.model().rowCount()
            table.setVisible(rows > 0)
            self.empties[i].setVisible(rows == 0)
            if isinstance(layout, QVBoxLayout):
                layout.setStretchFactor(table, min(rows, 12) + 1)
