# SPDX-License-Identifier: Apache-2.0
"""The desk's roster: import judges from a sheet (with the column-mapping step), add and edit them,
their declared conflicts, and a drop-out — one action that keeps what they submitted, hands the rest
to other judges and rebuilds the packages that change (progress and cancel)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.judging.dropout import DropOutReport
from app.judging.judge_import import JudgeImportReport
from app.judging.roster import JudgeRow
from ui.desk.desk_services import DeskSnapshot
from ui.desk.judge_dialogs import ConflictsDialog, DropOutDialog, JudgeDialog
from ui.desk.roster_import_dialog import RosterImportDialog
from ui.desk.roster_model import JudgeCodeRole, RosterFilterProxy, RosterModel
from ui.tasks import TaskContext

if TYPE_CHECKING:
    from ui.desk.desk_host import DeskHost


class RosterTab(QWidget):
    """Actions above the roster table; double-click a judge to edit."""

    def __init__(self, desk: DeskHost) -> None:
        super().__init__()
        self.setObjectName("deskRoster")
        self.desk = desk
        self.model = RosterModel(self)
        self.proxy = RosterFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("rosterTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((70, 90, 220, 110, 120, 180, 260, 60, 80)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.import_button = self._button("importJudges", self.tr("Import judges…"), self.import_roster)
        self.import_button.setProperty("primary", True)
        self.add_button = self._button("addJudge", self.tr("New judge…"), self.add_judge)
        self.edit_button = self._button("editJudge", self.tr("Edit…"), self.edit_selected)
        self.conflicts_button = self._button("judgeConflicts", self.tr("Conflicts…"), self.conflicts)
        self.drop_button = self._button("dropOut", self.tr("Drop out…"), self.drop_out)
        self.reinstate_button = self._button("reinstate", self.tr("Reinstate"), self.reinstate)
        self.search = QLineEdit()
        self.search.setObjectName("rosterSearch")
        self.search.setPlaceholderText(self.tr("Search judges"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        for button in (self.import_button, self.add_button, self.edit_button, self.conflicts_button):
            bar.addWidget(button)
        bar.addSpacing(12)
        bar.addWidget(self.drop_button)
        bar.addWidget(self.reinstate_button)
        bar.addStretch(1)
        bar.addWidget(self.search)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    def _button(self, object_name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(object_name)
        button.clicked.connect(slot)
        return button

    def show_snapshot(self, snap: DeskSnapshot) -> None:
        selected = self.selected()
        self.model.set_rows(snap.judges)
        if selected is not None:
            self.select(selected.code)
        self._update_buttons()

    def selected(self) -> JudgeRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        source = self.model.row_of(rows[0].data(JudgeCodeRole))
        return self.model.row_at(source) if source is not None else None

    def select(self, code: str) -> None:
        row = self.model.row_of(code)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())

    def _update_buttons(self) -> None:
        judge = self.selected()
        for button in (self.edit_button, self.conflicts_button):
            button.setEnabled(judge is not None)
        self.drop_button.setEnabled(judge is not None and judge.active)
        self.reinstate_button.setEnabled(judge is not None and not judge.active)

    # -- actions -----------------------------------------------------------------------------------

    def import_roster(self) -> None:
        ws = self.desk.workspace
        if ws is None:
            return
        dialog = RosterImportDialog(self.desk, self)
        request = self.desk.ctx.prompter.ask(dialog, dialog.request)
        if request is None:
            return
        importer = self.desk.services.import_judges
        self.desk.run_write(
            lambda _t: importer(ws, request.path, mapping=request.mapping),
            self._show_import,
            title=self.tr("Import judges"),
            label=self.tr("Enrolling the judges of {name}…").format(name=request.path.name),
        )

    def _show_import(self, report: JudgeImportReport) -> None:
        box = QMessageBox(self)
        box.setObjectName("rosterImportReport")
        box.setWindowTitle(self.tr("Import judges"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(
            self.tr("{added} judges enrolled, {skipped} rows skipped.").format(
                added=len(report.added), skipped=report.skipped
            )
        )
        if report.problems:
            box.setDetailedText(
                "\n".join(
                    self.tr("Row {row}: {message}").format(row=p.row, message=p.message)
                    for p in report.problems
                )
            )
        box.open()
        self.report_box = box
        self.desk.message.emit(box.text())

    def add_judge(self) -> None:
        ws, snap = self.desk.workspace, self.desk.snapshot
        if ws is None or snap is None:
            return
        dialog = JudgeDialog(snap.themes, snap.provinces, None, self)
        new = self.desk.ctx.prompter.ask(dialog, dialog.new_judge)
        if new is None:
            return
        add = self.desk.services.add_judge
        self.desk.run_write(lambda _t: add(ws, new), lambda _id: None, title=self.tr("New judge"))

    def edit_selected(self, _index: QModelIndex | None = None) -> None:
        judge, ws, snap = self.selected(), self.desk.workspace, self.desk.snapshot
        if judge is None or ws is None or snap is None:
            return
        dialog = JudgeDialog(snap.themes, snap.provinces, judge, self)
        edit = self.desk.ctx.prompter.ask(dialog, dialog.edit)
        if edit is None:
            return
        service = self.desk.services.edit_judge
        self.desk.run_write(
            lambda _t: service(ws, judge.code, edit), lambda _row: None, title=self.tr("Edit judge")
        )

    def conflicts(self) -> None:
        judge = self.selected()
        if judge is None or self.desk.workspace is None:
            return
        dialog = ConflictsDialog(self.desk, judge, self)
        self.desk.ctx.prompter.ask(dialog, lambda: None)
        if dialog.changed:
            self.desk.refresh()

    def drop_out(self) -> None:
        judge, ws = self.selected(), self.desk.workspace
        if judge is None or ws is None:
            return
        dialog = DropOutDialog(self.desk, judge, self)
        request = self.desk.ctx.prompter.ask(dialog, dialog.request)
        if request is None:
            return
        service = self.desk.services.drop_out

        def work(task: TaskContext) -> DropOutReport:
            return service(
                ws,
                judge.code,
                request.reason,
                packages_dir=request.packages_dir,
                passphrase=request.passphrase,
                progress=task.progress,
                cancel=lambda: task.cancelled,
            )

        def done(report: DropOutReport) -> None:
            if request.passphrase:
                self.desk.passphrase = request.passphrase
            self._show_drop_out(report)

        self.desk.run_write(
            work,
            done,
            title=self.tr("Drop out"),
            label=self.tr("Handing the cases of {code} to other judges…").format(code=judge.code),
        )

    def _show_drop_out(self, report: DropOutReport) -> None:
        lines = []
        for h in report.rounds:
            lines.append(
                self.tr("{round}: kept {kept} submitted, {released} handed to {judges}.").format(
                    round=h.round,
                    kept=len(h.kept),
                    released=len(h.released),
                    judges="、".join(h.judges_changed) or "—",
                )
            )
        if report.rebuilt:
            lines.append(
                self.tr("New packages for {judges}: print their slips on the Packages tab.").format(
                    judges="、".join(b.judge_code for b in report.rebuilt)
                )
            )
            self.desk.packages_built(list(report.rebuilt))
        if report.needs_package:
            lines.append(
                self.tr("Build new packages for {judges}.").format(
                    judges="、".join(code for _, code in report.needs_package)
                )
            )
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Drop out"), "\n".join(lines), parent=self)
        box.setObjectName("dropOutReport")
        box.open()
        self.report_box = box

    def reinstate(self) -> None:
        judge, ws = self.selected(), self.desk.workspace
        if judge is None or ws is None:
            return
        service = self.desk.services.reinstate
        self.desk.run_write(lambda _t: service(ws, judge.code), lambda _r: None, title=self.tr("Reinstate"))
