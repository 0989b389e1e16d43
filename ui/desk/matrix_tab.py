# SPDX-License-Identifier: Apache-2.0
"""The desk's assignment matrix: cases × judges of the followed round, filtered by theme; run the
assignment (K, seed) with progress and cancel; add, remove or swap a judge on a case, checked by the
same rules, with the service's warnings said after."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.glossary.assignment import EDIT_WARNINGS, name
from app.glossary.terms import SCORE_STATES, round_name, theme_label
from app.judging.assignment import AssignmentInfeasible, AssignmentReport
from app.judging.assignment.edits import EditResult
from ui.desk.assign_dialogs import AssignDialog, EditDialog, EditRequest, InfeasibleDialog
from ui.desk.desk_services import DeskSnapshot
from ui.desk.matrix_model import (
    COL_JUDGES,
    COL_THEME,
    FIXED,
    HARD_MARK,
    MARKS,
    AssignmentMatrixModel,
    MatrixFilterProxy,
)
from ui.errors import show_error
from ui.style import set_state

if TYPE_CHECKING:
    from ui.desk.desk_host import DeskHost

#: Width of a judge's column: room for a code and a two- or three-character name.
JUDGE_COLUMN_WIDTH = 62


class MatrixTab(QWidget):
    """Filter bar and actions above the matrix, the legend and the last edit's warnings below."""

    def __init__(self, desk: DeskHost) -> None:
        super().__init__()
        self.setObjectName("deskMatrix")
        self.desk = desk
        self.model = AssignmentMatrixModel(self)
        self.proxy = MatrixFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.dialog: Any = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(self._build_actions())
        layout.addLayout(self._build_filters())
        self.table = self._build_table()
        layout.addWidget(self.table, 1)
        self.warnings = QLabel()
        self.warnings.setObjectName("editWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.hide()
        layout.addWidget(self.warnings)
        layout.addLayout(self._build_legend())
        self._update_buttons()

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.assign_button = QPushButton(self.tr("Assign…"))
        self.assign_button.setObjectName("runAssignment")
        self.assign_button.setProperty("primary", True)
        self.assign_button.clicked.connect(self.assign)
        self.fill_button = QPushButton(self.tr("Fill gaps"))
        self.fill_button.setObjectName("fillGaps")
        self.fill_button.setToolTip(
            self.tr("Give judges to the cases short of K, keeping every assignment made")
        )
        self.fill_button.clicked.connect(self.fill)
        self.add_button = QPushButton(self.tr("Add judge"))
        self.add_button.setObjectName("addToCase")
        self.add_button.clicked.connect(lambda: self.edit("add"))
        self.remove_button = QPushButton(self.tr("Remove judge"))
        self.remove_button.setObjectName("removeFromCase")
        self.remove_button.clicked.connect(lambda: self.edit("remove"))
        self.swap_button = QPushButton(self.tr("Swap…"))
        self.swap_button.setObjectName("swapOnCase")
        self.swap_button.clicked.connect(lambda: self.edit("swap"))
        self.summary = QLabel()
        self.summary.setObjectName("matrixSummary")
        for widget in (self.assign_button, self.fill_button):
            row.addWidget(widget)
        row.addSpacing(16)
        for widget in (self.add_button, self.remove_button, self.swap_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.summary)
        return row

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.theme_combo = QComboBox()
        self.theme_combo.setObjectName("matrixTheme")
        self.theme_combo.setMinimumWidth(160)
        self.theme_combo.addItem(self.tr("All themes"), None)
        self.search = QLineEdit()
        self.search.setObjectName("matrixSearch")
        self.search.setPlaceholderText(self.tr("Case code or hospital"))
        self.search.setClearButtonEnabled(True)
        self.short_check = QCheckBox(self.tr("Only cases short of judges"))
        self.short_check.setObjectName("onlyShort")
        self.theme_judges = QCheckBox(self.tr("Only judges of the theme"))
        self.theme_judges.setObjectName("themeJudges")
        self.counts = QLabel()
        self.counts.setObjectName("countLabel")
        for signal in (
            self.theme_combo.currentIndexChanged,
            self.short_check.toggled,
            self.theme_judges.toggled,
        ):
            signal.connect(self._apply_filters)
        self.search.textChanged.connect(self._apply_filters)
        row.addWidget(QLabel(self.tr("Theme")))
        row.addWidget(self.theme_combo)
        row.addWidget(self.search, 1)
        row.addWidget(self.short_check)
        row.addWidget(self.theme_judges)
        row.addWidget(self.counts)
        return row

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("assignmentMatrix")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the cases' own order (by code) until a click
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.setWordWrap(False)
        # fixed sizes: nothing measures 360,000 cells to size a row or a column
        vertical = table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(26)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(JUDGE_COLUMN_WIDTH)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setMinimumHeight(64)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._on_menu)
        table.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        return table

    def _build_legend(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(14)
        for state, mark in MARKS.items():
            label = QLabel(f"{mark} {SCORE_STATES[state].text()}")
            label.setObjectName("legendState")
            label.setProperty("state", state)
            row.addWidget(label)
        never = self.tr("never assigned (hard conflict)")
        hard = QLabel(f"{HARD_MARK} {never}")
        hard.setObjectName("legendHard")
        soft = QLabel(self.tr("avoided (same province or region)"))
        soft.setObjectName("legendSoft")
        row.addWidget(hard)
        row.addWidget(soft)
        row.addStretch(1)
        return row

    # -- showing -----------------------------------------------------------------------------------

    def show_snapshot(self, snap: DeskSnapshot) -> None:
        current = self._current()
        theme = self.theme_combo.currentData()
        self.theme_combo.blockSignals(True)
        self.theme_combo.clear()
        self.theme_combo.addItem(self.tr("All themes"), None)
        for number, title in snap.themes:
            self.theme_combo.addItem(f"{theme_label(number)} · {title}", number)
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(theme)))
        self.theme_combo.blockSignals(False)
        self.model.set_matrix(snap.matrix)
        header = self.table.horizontalHeader()
        header.resizeSection(COL_THEME, 76)
        header.resizeSection(COL_JUDGES, 64)
        self._apply_filters()
        self._summarise(snap)
        if current is not None:
            self._select(*current)
        self._update_buttons()

    def _summarise(self, snap: DeskSnapshot) -> None:
        matrix = snap.matrix
        if matrix is None or not matrix.cases:
            self.summary.setText(self.tr("No cases in this round yet."))
            return
        loads = [j.assigned for j in matrix.judges]
        short = sum(1 for c in matrix.cases if c.judges < matrix.per_case)
        low, high = min(loads, default=0), max(loads, default=0)
        text = self.tr("{cases} cases × {judges} judges · K = {per_case}").format(
            cases=len(matrix.cases), judges=len(matrix.judges), per_case=matrix.per_case
        )
        if low == high:  # "15–15" reads like a typo: every judge has the same load
            text += " · " + self.tr("{load} cases per judge").format(load=low)
        else:
            text += " · " + self.tr("{low}–{high} cases per judge").format(low=low, high=high)
        if not matrix.cells:
            text += " · " + self.tr("not assigned yet: press Assign")
        elif short:
            text += " · " + self.tr("{count} cases short of judges").format(count=short)
        self.summary.setText(text)
        set_state(self.summary, "state", "warning" if short or matrix.spread > 1 else "")

    def _apply_filters(self, *_args: Any) -> None:
        self.proxy.set_filters(
            theme=self.theme_combo.currentData(),
            text=self.search.text(),
            only_short=self.short_check.isChecked(),
            judges_of_theme=self.theme_judges.isChecked(),
        )
        self.theme_judges.setEnabled(self.theme_combo.currentData() is not None)
        self.counts.setText(
            self.tr("{shown} / {total} cases").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )

    def _current(self) -> tuple[int, int] | None:
        """(case id, judge id) of the current cell, if it is a judge's."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        source = self.proxy.mapToSource(index)
        judge = self.model.judge_at(source.column())
        return (self.model.case_at(source.row()).case_id, judge.judge_id) if judge else None

    def _select(self, case_id: int, judge_id: int) -> None:
        column = self.model.column_of_judge(judge_id)
        row = next(
            (r for r in range(self.model.rowCount()) if self.model.case_at(r).case_id == case_id), None
        )
        if column is None or row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, column))
        if index.isValid():
            self.table.setCurrentIndex(index)

    def _update_buttons(self) -> None:
        r = self.desk.round_view()
        open_ = r is not None and r.closed_at is None and r.cases > 0
        self.assign_button.setEnabled(open_)
        self.fill_button.setEnabled(open_ and r is not None and r.assignments > 0)
        current = self._current()
        cell = self.model.cell(*current) if current else None
        on_case = cell is not None and cell.state != "recused"
        self.add_button.setEnabled(open_ and current is not None and cell is None)
        self.remove_button.setEnabled(open_ and on_case)
        self.swap_button.setEnabled(open_ and on_case)

    def _on_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid() or self.proxy.mapToSource(index).column() < FIXED:
            return
        self.table.setCurrentIndex(index)
        menu = QMenu(self)
        for button in (self.add_button, self.remove_button, self.swap_button):
            action = menu.addAction(button.text(), button.click)
            action.setEnabled(button.isEnabled())
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # -- actions -----------------------------------------------------------------------------------

    def assign(self) -> None:
        ws, r = self.desk.workspace, self.desk.round_view()
        if ws is None or r is None:
            return
        title = round_name(r.key, ws.rules.year)
        dialog = AssignDialog(
            title, r.settings.judges_per_case, r.settings.seed or 0, r.assignments > 0, self
        )
        request = self.desk.ctx.prompter.ask(dialog, dialog.request)
        if request is None:
            return
        service, key = self.desk.services.assign_round, r.key
        self.desk.run_write(
            lambda task: service(
                ws,
                key,
                request.per_case,
                request.seed,
                replace=request.replace,
                progress=task.progress,
                cancel=lambda: task.cancelled,
            ),
            self._on_assigned,
            title=self.tr("Assign"),
            label=self.tr("Assigning {round}…").format(round=title),
            on_error=self._on_assign_failed,
        )

    def fill(self) -> None:
        ws, r = self.desk.workspace, self.desk.round_view()
        if ws is None or r is None:
            return
        service, key, seed = self.desk.services.fill_round, r.key, r.settings.seed or 0
        self.desk.run_write(
            lambda task: service(ws, key, seed, progress=task.progress, cancel=lambda: task.cancelled),
            self._on_assigned,
            title=self.tr("Fill gaps"),
            label=self.tr("Finding judges for the cases short of K…"),
            on_error=self._on_assign_failed,
        )

    def _on_assigned(self, report: AssignmentReport) -> None:
        self.warnings.hide()
        self.desk.message.emit(
            self.tr(
                "{created} assignments made; loads differ by {spread}; {soft} soft conflicts could not be "
                "avoided."
            ).format(created=report.created, spread=report.spread, soft=len(report.soft))
        )

    def _on_assign_failed(self, exc: BaseException) -> None:
        if isinstance(exc, AssignmentInfeasible):
            self.dialog = InfeasibleDialog(exc, self)
            self.dialog.open()
        else:
            self.dialog = show_error(self, exc, self.tr("Assign"))

    def edit(self, action: str) -> None:
        ws, current = self.desk.workspace, self._current()
        if ws is None or current is None:
            return
        case_id, judge_id = current
        case = next(
            self.model.case_at(r)
            for r in range(self.model.rowCount())
            if self.model.case_at(r).case_id == case_id
        )
        judge = next(j for j in self.model.judges() if j.judge_id == judge_id)
        candidates = None
        if action == "swap":
            candidates = [
                (j.code, f"{j.code} {j.name}")
                for j in self.model.judges()
                if self.model.cell(case_id, j.judge_id) is None
                and self.model.hard(case_id, j.judge_id) is None
            ]
        dialog = EditDialog(action, case.code, (judge.code, judge.name), candidates, self)
        request = self.desk.ctx.prompter.ask(dialog, dialog.request)
        if request is not None:
            self.apply_edit(request)

    def apply_edit(self, request: EditRequest) -> None:
        """Run one manual edit through the service; show its warnings, or why it was refused."""
        ws, key, services = self.desk.workspace, self.desk.round_key, self.desk.services
        if ws is None:
            return

        def work(_task: Any) -> EditResult:
            if request.action == "add":
                return services.add_to_case(ws, key, request.case, request.judge, request.reason)
            if request.action == "remove":
                return services.remove_from_case(ws, key, request.case, request.judge, request.reason)
            assert request.incoming is not None
            return services.swap_on_case(
                ws, key, request.case, request.judge, request.incoming, request.reason
            )

        self.desk.run_write(work, self._on_edited, title=self.tr("Change a case's judges"))

    def _on_edited(self, result: EditResult) -> None:
        lines = [name(EDIT_WARNINGS, w.kind, None, **w.params) for w in result.warnings]
        self.warnings.setText("\n".join(lines))
        self.warnings.setVisible(bool(lines))
        done = {
            "add": self.tr("{judge} added to case {case}."),
            "remove": self.tr("{judge} taken off case {case}."),
            "swap": self.tr("{judge} now judges case {case}."),
        }[result.action]
        self.desk.message.emit(done.format(judge=result.added or result.removed, case=result.case))

    def select_cell(self, case_code: str, judge_code: str) -> QModelIndex:
        """Make the judge's cell on the case current (for keyboard users' searches and for tests)."""
        case = next(
            self.model.case_at(r)
            for r in range(self.model.rowCount())
            if self.model.case_at(r).code == case_code
        )
        judge = next(j for j in self.model.judges() if j.code == judge_code)
        self._select(case.case_id, judge.judge_id)
        return self.table.currentIndex()
