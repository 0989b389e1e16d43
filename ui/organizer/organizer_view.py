# SPDX-License-Identifier: Apache-2.0
"""The organizer's case overview: filter bar, case table and the selected case's details.

Data comes only through ``ctx.services.catalog``, loaded off the GUI thread by :meth:`refresh`.

Extensions (the screening controller, later rounds and results) use this interface only, never the
view's widgets:
- :meth:`add_actions` (toolbar and "Cases" menu; :meth:`menus` lists the menus to show) and
  :meth:`add_context_actions` (the right-click menu on a case).
- :meth:`add_filter_widget` and :meth:`set_extra_filter` for another filter; ``filters_cleared`` when
  the user clears them all.
- :meth:`set_columns` / :meth:`column_index` for extra columns (they read the ``CaseRow`` alone).
- :meth:`add_details_section` for a per-case panel.
- :meth:`refresh` reloads after an action changed the workspace, ``loaded`` fires after;
  ``workspace``, :meth:`rows`, ``case_selected(row | None)``, :meth:`selected_case`, :meth:`select_case`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMenu,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.catalog import CaseRow, WorkspaceSummary
from app.workspace import Workspace
from ui.context import AppContext
from ui.errors import show_error
from ui.organizer.case_details_widget import CaseDetailsWidget
from ui.organizer.case_filter_bar import CaseFilterBar
from ui.organizer.case_filter_proxy import CaseFilterProxy
from ui.organizer.case_table_model import COL_CODE, CaseIdRole, CaseTableModel, Column
from ui.organizer.column_fitter import ColumnFitter
from ui.settings import CASE_TABLE_HEADER, ORGANIZER_SPLITTER
from ui.style import view_header
from ui.tasks import LatestRead, TaskContext

#: The competition's name keeps at least this width beside the toolbar (then it elides).
HEADING_MIN_WIDTH = 160


class ElidedLabel(QLabel):
    """A one-line label that elides its text on the right rather than grow wider than its room."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(HEADING_MIN_WIDTH)

    def setText(self, text: str) -> None:
        self._full = text
        self._elide()

    def full_text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 4, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.width())
        super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")


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
    #: The user cleared every filter: extensions reset their own filter widgets.
    filters_cleared = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("organizerView")
        self.ctx = ctx
        self.workspace: Workspace | None = None
        self.summary: WorkspaceSummary | None = None
        self._reads: LatestRead[CatalogSnapshot] = LatestRead(self)
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
        self.filter_bar = CaseFilterBar(self.proxy)
        self.filter_bar.changed.connect(self._emit_counts)
        self.filter_bar.clear_requested.connect(self.clear_filters)
        layout.addWidget(self.filter_bar)

        self._context_actions: list[QAction | None] = []
        self.table = self._build_table()
        self.details = CaseDetailsWidget()
        self.details.setMinimumWidth(280)
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
        # Both elide rather than push the toolbar off a narrow window; the full text is the tooltip.
        self.title_label = ElidedLabel()
        self.subtitle_label = ElidedLabel()
        header, row = view_header(self.title_label, self.subtitle_label)
        row.addWidget(self.toolbar, 0, Qt.AlignmentFlag.AlignVCenter)
        # The title gives way to the actions: they keep their full width as long as the title keeps
        # TITLE_MIN_WIDTH; below that the toolbar's » button holds the rest.
        self.toolbar.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        return header

    def _build_table(self) -> QTableView:
        table = self.table = QTableView()
        table.setObjectName("caseTable")
        table.setAccessibleName(self.tr("Cases"))
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
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._on_table_menu)
        self.fitter = ColumnFitter(table, self.model)
        self.fitter.apply()
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.hint_label = QLabel(table.viewport())
        self.hint_label.setObjectName("tableHint")
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint_label.setWordWrap(True)
        self.hint_label.hide()
        table.viewport().installEventFilter(self)
        return table

    def _on_header_menu(self, pos: QPoint) -> None:
        """Let the user show or hide columns (saved with the header state)."""
        menu = QMenu(self)
        for i in range(self.model.columnCount()):
            action = menu.addAction(str(self.model.headerData(i, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(i))
            action.toggled.connect(lambda on, col=i: self.fitter.set_hidden_by_user(col, not on))
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    def _on_table_menu(self, pos: QPoint) -> None:
        """The actions extensions added for a case, on a right click over the selected case."""
        if self.selected_case() is None or not self._context_actions:
            return
        menu = QMenu(self)
        for action in self._context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # -- public API --------------------------------------------------------------------------------

    def menus(self) -> list[QMenu]:
        """Menus the main window shows in its menu bar while this view is open."""
        return [self.case_menu]

    def add_actions(self, actions: Sequence[QAction | None]) -> None:
        """Put actions (None: a separator) in the toolbar, before Reload, and in the "Cases" menu."""
        toolbar = self.toolbar
        self.case_menu.addSeparator()
        for action in actions:
            if action is None:
                toolbar.insertSeparator(self.refresh_action)
            else:
                toolbar.insertAction(self.refresh_action, action)
                self.case_menu.addAction(action)
        toolbar.insertSeparator(self.refresh_action)

    def add_context_actions(self, actions: Sequence[QAction | None]) -> None:
        """Actions (None: a separator) of the right-click menu on a case."""
        self._context_actions.extend(actions)

    def add_filter_widget(self, widget: QWidget) -> None:
        """Put another area's filter control (e.g. "only with problems") before "Clear filters"."""
        self.filter_bar.add_filter_widget(widget)

    def set_extra_filter(self, name: str, keep: Callable[[CaseRow], bool] | None) -> None:
        """Show only the cases ``keep`` accepts, besides the other filters (None removes ``name``)."""
        if keep is None:
            self.proxy.extra_filters.pop(name, None)
        else:
            self.proxy.extra_filters[name] = keep
        self.proxy.filters_changed()
        self._emit_counts()

    def add_details_section(self, title: str, widget: QWidget) -> None:
        """A per-case panel under the selected case's details."""
        self.details.add_section(title, widget)

    def column_index(self, key: str) -> int:
        """The model column of the column named ``key``."""
        return self.model.column_of(key)

    def rows(self) -> list[CaseRow]:
        """Every case of the last load (filtered or not)."""
        return self.model.rows()

    def set_columns(self, columns: tuple[Column, ...]) -> None:
        """Replace the table's columns (e.g. ``(*COLUMNS, findings_column)``); keeps the rows."""
        self.model.set_columns(columns)
        self.fitter.apply()

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
            self._reads.forget()
            self._emit_counts()

    @property
    def loading(self) -> bool:
        return self._reads.running

    def refresh(self) -> None:
        """Reload cases, summary and filter choices from the workspace, off the GUI thread."""
        ws = self.workspace
        if ws is None:
            return
        catalog = self.ctx.services.catalog

        def load(task: TaskContext) -> CatalogSnapshot:
            rows = catalog.list_cases(ws)
            task.check()
            return CatalogSnapshot(
                rows, catalog.summary(ws), catalog.themes(ws), catalog.regions(ws), catalog.tiers(ws)
            )

        self.refresh_action.setEnabled(False)
        self._show_hint(self.tr("Reading the cases…"))
        self._reads.start(load, self._on_loaded, self._on_load_failed)

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
        self.filter_bar.clear()
        self._emit_counts()
        self.filters_cleared.emit()

    def save_state(self) -> None:
        """Remember the splitter and the table header (widths, order, sort)."""
        self.ctx.settings.set(ORGANIZER_SPLITTER, self.splitter.saveState())
        self.ctx.settings.set(CASE_TABLE_HEADER, self.fitter.header_state())

    # -- loading -----------------------------------------------------------------------------------

    def _on_loaded(self, snap: CatalogSnapshot) -> None:
        self.refresh_action.setEnabled(True)
        selected = self.selected_case()
        self.summary = snap.summary
        self.filter_bar.set_choices(snap.themes, snap.regions, snap.tiers)
        self.model.set_rows(snap.rows)
        if not self._header_restored:
            self._header_restored = True
            self.fitter.restore(self.ctx.settings.get(CASE_TABLE_HEADER))
        # A season with a single tier (2022) has nothing to filter or compare by tier.
        if len(snap.tiers) <= 1:
            self.fitter.hide(self.model.column_of("tier"))
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

    def _on_load_failed(self, exc: BaseException) -> None:
        self.refresh_action.setEnabled(True)
        self._show_hint(self.tr("The cases could not be read."))
        show_error(self, exc, self.tr("Could not read the cases"))

    # -- filtering and selection -------------------------------------------------------------------

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
        self.filter_bar.set_counts(shown, total)
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
            self.fitter.fit()
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
