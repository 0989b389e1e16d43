# SPDX-License-Identifier: Apache-2.0
"""The organizer's case overview: filter bar, case table and the selected case's details.

Data comes only through ``ctx.services.catalog``, loaded off the GUI thread by :meth:`refresh`.

Extension points (issue 3 and later):
- ``toolbar`` (a ``QToolBar`` above the filters) and ``case_menu`` (the "Cases" menu the main window
  shows while this view is open): add actions to them; :meth:`menus` lists the menus to show.
- ``add_filter_widget(widget)`` for another filter control in the filter bar.
- ``refresh()`` reloads everything after an action changed the workspace; ``loaded`` fires after.
- ``case_selected(row | None)`` and :meth:`selected_case` for actions on the selected case.
- ``details.add_section(title, widget)`` for per-case panels; ``CaseTableModel(columns=...)`` and
  :meth:`set_columns` for extra columns; ``CaseFilterProxy.accepts`` for extra filters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.catalog import CaseRow, WorkspaceSummary
from app.workspace import Workspace
from ui.errors import show_error
from ui.i18n import STATUSES, status_text
from ui.main import AppContext
from ui.organizer.case_details_widget import CaseDetailsWidget
from ui.organizer.case_filter_proxy import CaseFilterProxy
from ui.organizer.case_table_model import COL_CODE, CaseIdRole, CaseTableModel, Column
from ui.settings import CASE_TABLE_HEADER, ORGANIZER_SPLITTER
from ui.tasks import Task, TaskContext, run_task

#: Milliseconds the search box waits after the last keystroke before filtering.
SEARCH_DELAY_MS = 150


@dataclass(frozen=True)
class CatalogSnapshot:
    """Everything the view shows, read in one background task."""

    rows: list[CaseRow]
    summary: WorkspaceSummary
    themes: list[tuple[int, str]]
    regions: list[tuple[str, str]]
    tiers: list[tuple[str, str]]


class OrganizerView(QWidget):
    """Case table with filters and details for an open workspace."""

    #: (shown, total) cases after each load or filter change.
    counts_changed = Signal(int, int)
    #: The workspace summary after each load (``WorkspaceSummary``).
    summary_loaded = Signal(object)
    #: A load finished and the table shows its rows.
    loaded = Signal()
    #: The selected case (``CaseRow``) or None.
    case_selected = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("organizerView")
        self.ctx = ctx
        self.workspace: Workspace | None = None
        self.summary: WorkspaceSummary | None = None
        self._task: Task[CatalogSnapshot] | None = None
        self._generation = 0
        self._header_restored = False

        self.model = CaseTableModel(parent=self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.refresh_action = QAction(self.tr("&Reload"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.setStatusTip(self.tr("Read the cases from the workspace again"))
        self.refresh_action.triggered.connect(self.refresh)

        self.case_menu = QMenu(self.tr("&Cases"), self)
        self.case_menu.addAction(self.refresh_action)

        self.toolbar = QToolBar(self.tr("Cases"), self)
        self.toolbar.setObjectName("organizerToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.refresh_action)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_header())
        layout.addWidget(self._build_filter_bar())

        self.table = self._build_table()
        self.details = CaseDetailsWidget()
        self.details.setMinimumWidth(320)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("organizerSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1040, 400])
        self.splitter.restoreState(ctx.settings.get(ORGANIZER_SPLITTER))
        layout.addWidget(self.splitter, 1)

        self.proxy.modelReset.connect(self._emit_counts)
        self.proxy.layoutChanged.connect(self._emit_counts)
        self.proxy.rowsInserted.connect(self._emit_counts)
        self.proxy.rowsRemoved.connect(self._emit_counts)

    # -- building ----------------------------------------------------------------------------------

    def _build_header(self) -> QWidget:
        """Competition name and season on the left, the view's toolbar on the right."""
        header = QWidget()
        header.setObjectName("viewHeader")
        row = QHBoxLayout(header)
        row.setContentsMargins(16, 10, 12, 8)
        row.setSpacing(12)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title_label = QLabel()
        self.title_label.setObjectName("viewTitle")
        self.subtitle_label = QLabel()
        self.subtitle_label.setObjectName("viewSubtitle")
        titles.addWidget(self.title_label)
        titles.addWidget(self.subtitle_label)
        row.addLayout(titles, 1)
        row.addWidget(self.toolbar, 0, Qt.AlignmentFlag.AlignVCenter)
        return header

    def _build_filter_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("filterBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(12, 10, 12, 10)
        row.setSpacing(8)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("caseSearch")
        self.search_edit.setPlaceholderText(self.tr("Search code, title or hospital"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(260)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search_edit.textChanged.connect(self._search_timer.start)
        row.addWidget(self.search_edit, 2)

        self.theme_combo = self._combo("themeFilter", self.tr("All themes"), 260)
        self.region_combo = self._combo("regionFilter", self.tr("All regions"), 120)
        self.tier_combo = self._combo("tierFilter", self.tr("All tiers"), 120)
        self.status_combo = self._combo("statusFilter", self.tr("All statuses"), 120)
        for status in STATUSES:
            self.status_combo.addItem(status_text(status), status)
        for combo in (self.theme_combo, self.region_combo, self.tier_combo, self.status_combo):
            row.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self._apply_filters)

        self._filter_row = row
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.clicked.connect(self.clear_filters)
        row.addWidget(self.clear_button)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.setMinimumWidth(72)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.count_label)
        return bar

    def _combo(self, name: str, all_text: str, min_width: int) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setMinimumWidth(min_width)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.addItem(all_text, None)
        return combo

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("caseTable")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(COL_CODE, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(32)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu)
        self._apply_columns(table)
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.hint_label = QLabel(table.viewport())
        self.hint_label.setObjectName("tableHint")
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint_label.setWordWrap(True)
        self.hint_label.hide()
        table.viewport().installEventFilter(self)
        return table

    def _apply_columns(self, table: QTableView) -> None:
        header = table.horizontalHeader()
        for i, column in enumerate(self.model.columns):
            header.setSectionResizeMode(
                i, QHeaderView.ResizeMode.Stretch if column.stretch else QHeaderView.ResizeMode.Interactive
            )
            table.setColumnWidth(i, column.width)
            table.setColumnHidden(i, not column.visible)

    def _on_header_menu(self, pos: QPoint) -> None:
        """Let the user show or hide columns (saved with the header state)."""
        menu = QMenu(self)
        for i in range(self.model.columnCount()):
            action = menu.addAction(str(self.model.headerData(i, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(i))
            action.toggled.connect(lambda on, col=i: self.table.setColumnHidden(col, not on))
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    # -- public API --------------------------------------------------------------------------------

    def menus(self) -> list[QMenu]:
        """Menus the main window shows in its menu bar while this view is open."""
        return [self.case_menu]

    def add_filter_widget(self, widget: QWidget) -> None:
        """Put another area's filter control (e.g. "only with problems") before "Clear filters"."""
        self._filter_row.insertWidget(self._filter_row.indexOf(self.clear_button), widget)

    def set_columns(self, columns: tuple[Column, ...]) -> None:
        """Replace the table's columns (e.g. ``(*COLUMNS, findings_column)``); keeps the rows."""
        rows = self.model.rows()
        self.model.beginResetModel()
        self.model.columns = tuple(columns)
        self.model.endResetModel()
        self.model.set_rows(rows)
        self._apply_columns(self.table)

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Show ``workspace`` (None: show nothing) and start loading it."""
        self.workspace = workspace
        self.summary = None
        self.model.set_rows([])
        self.details.show_case(None)
        self.title_label.setText(workspace.root.name if workspace is not None else "")
        self.subtitle_label.setText(self.tr("Loading…") if workspace is not None else "")
        if workspace is not None:
            self.refresh()
        else:
            self._generation += 1
            self._emit_counts()

    @property
    def loading(self) -> bool:
        return self._task is not None and not self._task.done

    def refresh(self) -> None:
        """Reload cases, summary and filter choices from the workspace, off the GUI thread."""
        ws = self.workspace
        if ws is None:
            return
        if self._task is not None and not self._task.done:
            self._task.cancel()
        self._generation += 1
        generation = self._generation
        catalog = self.ctx.services.catalog

        def load(task: TaskContext) -> CatalogSnapshot:
            rows = catalog.list_cases(ws)
            task.check()
            return CatalogSnapshot(
                rows, catalog.summary(ws), catalog.themes(ws), catalog.regions(ws), catalog.tiers(ws)
            )

        self.refresh_action.setEnabled(False)
        self._show_hint(self.tr("Reading the cases…"))
        self._task = run_task(
            load,
            lambda snap: self._on_loaded(generation, snap),
            lambda exc: self._on_load_failed(generation, exc),
            on_cancelled=lambda: None,
            owner=self,
        )

    def selected_case(self) -> CaseRow | None:
        return self.details.row

    def select_case(self, case_id: int, reveal: bool = True) -> bool:
        """Select the case's row; ``reveal`` clears filters that hide it. False if it is not shown."""
        source_row = self.model.row_of_case(case_id)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            if not reveal:
                return False
            self.clear_filters()
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def clear_filters(self) -> None:
        for combo in (self.theme_combo, self.region_combo, self.tier_combo, self.status_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self._search_timer.stop()
        self.proxy.clear_filters()
        self._emit_counts()

    def save_state(self) -> None:
        """Remember the splitter and the table header (widths, order, sort)."""
        self.ctx.settings.set(ORGANIZER_SPLITTER, self.splitter.saveState())
        self.ctx.settings.set(CASE_TABLE_HEADER, self.table.horizontalHeader().saveState())

    # -- loading -----------------------------------------------------------------------------------

    def _on_loaded(self, generation: int, snap: CatalogSnapshot) -> None:
        if generation != self._generation:
            return  # a newer load (or another workspace) superseded this one
        self.refresh_action.setEnabled(True)
        selected = self.selected_case()
        self.summary = snap.summary
        self._fill_combo(self.theme_combo, [(f"{n} · {title}", n) for n, title in snap.themes])
        self._fill_combo(self.region_combo, [(name, code) for code, name in snap.regions])
        self._fill_combo(self.tier_combo, [(name, name) for _code, name in snap.tiers])
        self.model.set_rows(snap.rows)
        if not self._header_restored:
            self._header_restored = True
            self.table.horizontalHeader().restoreState(self.ctx.settings.get(CASE_TABLE_HEADER))
        # A season with a single tier (2022) has nothing to filter or compare by tier.
        single_tier = len(snap.tiers) <= 1
        self.tier_combo.setVisible(not single_tier)
        if single_tier:
            self.table.setColumnHidden(self.model.column_of("tier"), True)
        self.title_label.setText(snap.summary.competition)
        self.subtitle_label.setText(
            self.tr("Season {season} · {cases} cases · {judges} judges").format(
                season=snap.summary.season, cases=snap.summary.cases, judges=snap.summary.judges
            )
        )
        if selected is None or not self.select_case(selected.id, reveal=False):
            self.details.show_case(None)
            self.case_selected.emit(None)
        self._emit_counts()
        self.summary_loaded.emit(snap.summary)
        self.loaded.emit()

    def _on_load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.refresh_action.setEnabled(True)
        self._show_hint(self.tr("The cases could not be read."))
        show_error(self, exc, self.tr("Could not read the cases"))

    def _fill_combo(self, combo: QComboBox, items: list[tuple[str, Any]]) -> None:
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

    # -- filtering and selection -------------------------------------------------------------------

    def _apply_filters(self) -> None:
        self.proxy.theme = self.theme_combo.currentData()
        self.proxy.region_code = self.region_combo.currentData()
        self.proxy.tier = self.tier_combo.currentData()
        self.proxy.status = self.status_combo.currentData()
        self.proxy.filters_changed()
        self._emit_counts()

    def _apply_search(self) -> None:
        self.proxy.set_search(self.search_edit.text())
        self._emit_counts()

    def _emit_counts(self, *_args: Any) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if self.loading:
            self._show_hint(self.tr("Reading the cases…"))
        elif self.workspace is not None and total == 0:
            self._show_hint(self.tr("This workspace has no cases yet."))
        elif total and not shown:
            self._show_hint(self.tr("No case matches the filters."))
        else:
            self._show_hint("")
        self.count_label.setText(self.tr("{shown} / {total}").format(shown=shown, total=total))
        self.count_label.setToolTip(self.tr("Cases shown / all cases"))
        self.counts_changed.emit(shown, total)

    def _show_hint(self, text: str) -> None:
        """A centred grey sentence over the empty table (loading, no cases, nothing matches)."""
        self.hint_label.setText(text)
        self.hint_label.setVisible(bool(text))
        self._place_hint()

    def _place_hint(self) -> None:
        viewport = self.table.viewport()
        self.hint_label.setGeometry(0, 0, viewport.width(), min(viewport.height(), 160))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._place_hint()
        return super().eventFilter(watched, event)

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = self._row_for(rows[0]) if rows else None
        self.details.show_case(row)
        self.case_selected.emit(row)

    def _row_for(self, index: QModelIndex) -> CaseRow | None:
        case_id = index.data(CaseIdRole)
        source_row = self.model.row_of_case(case_id) if case_id is not None else None
        return self.model.row_at(source_row) if source_row is not None else None
