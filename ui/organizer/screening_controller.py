# SPDX-License-Identifier: Apache-2.0
"""Screening (初筛) in the organizer view: import, findings in the case table and the details pane,
approve / reject with a reason, bulk approve of clean cases, undo, deadlines, the rejections sheet and
merging hospital spellings.

The controller plugs into :class:`~ui.organizer.organizer_view.OrganizerView` through its extension
points (toolbar, case menu, extra columns, a filter widget, a details section) and calls the
``app.intake`` services off the GUI thread: reads on the global pool, writes on ``ctx.write_pool``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QLocale, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence
from PySide6.QtWidgets import QCheckBox, QMenu, QWidget

from app.catalog import CaseRow
from app.glossary.terms import finding_name, screening_action_name
from app.intake import screening
from app.intake.importer import ImportResult
from app.intake.screening import HospitalRow, ScreeningRow, ScreeningStep, StoredFinding
from app.models import CaseStatus
from ui.errors import show_error
from ui.i18n import QT_TRANSLATE_NOOP
from ui.main import AppContext
from ui.organizer.case_table_model import COLUMNS, Column
from ui.organizer.findings_widget import (
    VIOLATION_COLOR,
    WARNING_COLOR,
    FindingsWidget,
    PdfPageDialog,
    severity_icon,
)
from ui.organizer.import_wizard import ImportServices, ImportWizard
from ui.organizer.organizer_view import OrganizerView
from ui.organizer.screening_dialogs import MergeHospitalsDialog, RejectDialog
from ui.tasks import Task, TaskContext, run_task

#: Missing values sort after every real one.
_LAST = (1, 0)
_CENTER = Qt.AlignmentFlag.AlignCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass
class ScreeningServices:
    """The ``app.intake.screening`` calls the controller makes; tests may replace them."""

    rows: Callable[..., list[ScreeningRow]] = screening.screening_rows
    findings: Callable[..., list[StoredFinding]] = screening.case_findings
    reason_templates: Callable[..., list[str]] = screening.reason_templates
    approve: Callable[..., ScreeningStep] = screening.approve
    reject: Callable[..., ScreeningStep] = screening.reject
    approve_clean: Callable[..., ScreeningStep] = screening.approve_clean
    undo: Callable[..., ScreeningStep | None] = screening.undo
    last_step: Callable[..., ScreeningStep | None] = screening.last_step
    export_rejections: Callable[..., int] = screening.export_rejections
    list_hospitals: Callable[..., list[HospitalRow]] = screening.list_hospitals
    spelling_suggestions: Callable[..., list[tuple[str, str]]] = screening.spelling_suggestions
    merge_hospitals: Callable[..., Any] = screening.merge_hospitals


@dataclass(frozen=True)
class _Snapshot:
    rows: list[ScreeningRow]
    last: ScreeningStep | None


class ScreeningController(QObject):
    """Adds intake and screening to an organizer view; see the module docstring."""

    #: A sentence for the status bar after an action.
    message = Signal(str)
    #: Screening data (findings counts, deadlines, undo step) reloaded after the view's rows.
    screening_loaded = Signal()
    #: The findings of the selected case are shown.
    findings_shown = Signal()

    def __init__(
        self,
        ctx: AppContext,
        view: OrganizerView,
        services: ScreeningServices | None = None,
        import_services: ImportServices | None = None,
    ) -> None:
        super().__init__(view)
        self.ctx = ctx
        self.view = view
        self.services = services or ScreeningServices()
        self.import_services = import_services
        self.rows: dict[int, ScreeningRow] = {}
        self.last: ScreeningStep | None = None
        self.wizard: ImportWizard | None = None
        self.dialog: QWidget | None = None
        self._load_task: Task[_Snapshot] | None = None
        self._findings_generation = 0

        self._build_actions()
        self._build_columns()
        self.problems_check = QCheckBox(self.tr("Only with problems"))
        self.problems_check.setObjectName("onlyProblems")
        self.problems_check.setToolTip(self.tr("Show only cases that break a rule of the notice"))
        self.problems_check.toggled.connect(self._on_problems_toggled)
        view.add_filter_widget(self.problems_check)
        view.clear_button.clicked.connect(lambda: self.problems_check.setChecked(False))

        self.findings_widget = FindingsWidget()
        self.findings_widget.open_pdf_requested.connect(self.open_pdf_at)
        view.details.add_section(self.tr("Findings"), self.findings_widget)

        view.loaded.connect(self.reload)
        view.case_selected.connect(self._on_case_selected)
        view.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.table.customContextMenuRequested.connect(self._on_table_menu)
        self._update_actions()

    # -- building ----------------------------------------------------------------------------------

    def _action(self, name: str, text: str, slot: Callable[[], None], tip: str = "") -> QAction:
        action = QAction(text, self.view)
        action.setObjectName(name)
        action.setStatusTip(tip)
        action.setToolTip(tip or text)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.import_action = self._action(
            "importCases",
            self.tr("Import cases…"),
            self.open_import_wizard,
            self.tr("Check and import a submissions folder or zip"),
        )
        self.approve_action = self._action(
            "approveCase", self.tr("Approve"), self.approve_selected, self.tr("Approve the selected case")
        )
        self.approve_action.setShortcut(QKeySequence("Ctrl+Return"))
        self.reject_action = self._action(
            "rejectCase",
            self.tr("Reject…"),
            self.reject_selected,
            self.tr("Reject the selected case with a reason"),
        )
        self.approve_clean_action = self._action(
            "approveClean",
            self.tr("Approve all clean…"),
            self.approve_clean,
            self.tr("Approve every waiting case that breaks no rule"),
        )
        self.undo_action = self._action(
            "undoScreening", self.tr("Undo"), self.undo, self.tr("Undo the last screening step")
        )
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.export_action = self._action(
            "exportRejections",
            self.tr("Export rejections…"),
            self.export_rejections,
            self.tr("Write rejected cases and their reasons to an Excel sheet for notifying hospitals"),
        )
        self.merge_action = self._action(
            "mergeHospitals",
            self.tr("Merge hospital names…"),
            self.merge_hospitals,
            self.tr("Merge two spellings of one hospital"),
        )
        toolbar, menu = self.view.toolbar, self.view.case_menu
        first = toolbar.actions()[0] if toolbar.actions() else None
        toolbar.insertAction(first, self.import_action)
        toolbar.insertSeparator(first)
        for action in (self.approve_action, self.reject_action, self.approve_clean_action, self.undo_action):
            toolbar.insertAction(first, action)
        toolbar.insertSeparator(first)
        for action in (self.export_action, self.merge_action):
            toolbar.insertAction(first, action)
        toolbar.insertSeparator(first)
        menu.addSeparator()
        for action in (
            self.import_action,
            self.approve_action,
            self.reject_action,
            self.approve_clean_action,
            self.undo_action,
            self.export_action,
            self.merge_action,
        ):
            menu.addAction(action)

    def _build_columns(self) -> None:
        problems = Column(
            "problems",
            QT_TRANSLATE_NOOP("CaseTableModel", "Problems"),
            self._problems_text,
            self._problems_sort,
            align=_LEFT,
            width=64,
            tooltip=self._problems_tooltip,
            color=self._problems_color,
            icon=self._problems_icon,
        )
        deadline = Column(
            "deadline",
            QT_TRANSLATE_NOOP("CaseTableModel", "Deadline"),
            self._deadline_text,
            self._deadline_sort,
            width=100,
            tooltip=self._deadline_tooltip,
            color=self._deadline_color,
        )
        # Votes matter later (public voting), not while screening: hidden by default to leave the title
        # room; the header's context menu shows it again.
        columns = [replace(c, visible=False) if c.key == "votes" else c for c in COLUMNS]
        at = next(i for i, c in enumerate(columns) if c.key == "status") + 1
        columns[at:at] = [problems, deadline]
        self.view.set_columns(tuple(columns))
        self.problems_column = self.view.model.column_of("problems")
        self.deadline_column = self.view.model.column_of("deadline")

    # -- column data (reads the rows loaded beside the table) --------------------------------------

    def _row(self, case: CaseRow) -> ScreeningRow | None:
        return self.rows.get(case.id)

    def _problems_text(self, case: CaseRow) -> str:
        row = self._row(case)
        if row is None:
            return ""
        if row.counts.violations:
            return str(row.counts.violations)
        return ""

    def _problems_sort(self, case: CaseRow) -> Any:
        row = self._row(case)
        return (0, row.counts.violations, row.counts.warnings) if row is not None and row.checked else _LAST

    def _problems_icon(self, case: CaseRow) -> QIcon | None:
        row = self._row(case)
        if row is None or not row.checked:
            return None
        if row.counts.violations:
            return severity_icon("violation")
        if row.counts.warnings:
            return severity_icon("warning")
        return severity_icon("clean")

    def _problems_color(self, case: CaseRow) -> QColor | None:
        row = self._row(case)
        return VIOLATION_COLOR if row is not None and row.counts.violations else None

    def _problems_tooltip(self, case: CaseRow) -> str:
        row = self._row(case)
        if row is None:
            return ""
        if not row.checked:
            return self.tr("Not checked: this case was not imported through the intake")
        if not row.counts.codes:
            return self.tr("No problems found")
        return "\n".join(finding_name(code) for code in row.counts.codes)

    def _deadline_text(self, case: CaseRow) -> str:
        row = self._row(case)
        if row is None or row.deadline is None or row.status != CaseStatus.SUBMITTED.value:
            return ""
        # Overdue ones are red, with the number of days in the tooltip: the column stays narrow.
        return QLocale().toString(
            QDate(row.deadline.year, row.deadline.month, row.deadline.day), "yyyy-MM-dd"
        )

    def _deadline_sort(self, case: CaseRow) -> Any:
        row = self._row(case)
        if row is None or row.deadline is None or row.status != CaseStatus.SUBMITTED.value:
            return _LAST
        return (0, row.deadline.toordinal())

    def _deadline_color(self, case: CaseRow) -> QColor | None:
        row = self._row(case)
        if row is None or row.status != CaseStatus.SUBMITTED.value or row.deadline is None:
            return None
        if row.overdue:
            return VIOLATION_COLOR
        return WARNING_COLOR if (row.deadline - date.today()).days <= 1 else None

    def _deadline_tooltip(self, case: CaseRow) -> str:
        row = self._row(case)
        if row is None or row.deadline is None or row.status != CaseStatus.SUBMITTED.value:
            return ""
        if row.overdue:
            return self.tr("Overdue: screening was due by {date}").format(date=row.deadline.isoformat())
        return self.tr("Screening due by the end of {date}").format(date=row.deadline.isoformat())

    # -- loading -----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read findings counts, deadlines and the undo step (after the view loaded its rows)."""
        ws = self.view.workspace
        if ws is None:
            self.rows = {}
            return
        if self._load_task is not None and not self._load_task.done:
            self._load_task.cancel()
        services = self.services

        def load(task: TaskContext) -> _Snapshot:
            rows = services.rows(ws)
            task.check()
            return _Snapshot(rows, services.last_step(ws))

        self._load_task = run_task(
            load, self._on_loaded, self._on_error, on_cancelled=lambda: None, owner=self
        )

    def _on_loaded(self, snap: _Snapshot) -> None:
        self.rows = {r.case_id: r for r in snap.rows}
        self.last = snap.last
        model = self.view.model
        model.column_changed(self.problems_column)
        model.column_changed(self.deadline_column)
        self.view.proxy.filters_changed()  # "only with problems" reads the new counts
        self._update_actions()
        self._on_case_selected(self.view.selected_case())
        self.screening_loaded.emit()

    def _on_error(self, exc: BaseException) -> None:
        show_error(self.view, exc, self.tr("Screening"))

    def _on_problems_toggled(self, on: bool) -> None:
        proxy = self.view.proxy
        if on:
            proxy.extra_filters["problems"] = lambda case: bool(
                (row := self.rows.get(case.id)) is not None and row.counts.violations
            )
        else:
            proxy.extra_filters.pop("problems", None)
        proxy.filters_changed()

    def _waiting_clean(self) -> list[ScreeningRow]:
        """Waiting cases that were checked and break no rule (what "approve all clean" approves)."""
        return [
            r
            for r in self.rows.values()
            if r.status == CaseStatus.SUBMITTED.value and r.checked and not r.counts.violations
        ]

    def _update_actions(self) -> None:
        has_ws = self.view.workspace is not None
        case = self.view.selected_case()
        self.import_action.setEnabled(has_ws)
        self.approve_action.setEnabled(case is not None and case.status != CaseStatus.APPROVED.value)
        self.reject_action.setEnabled(case is not None)
        waiting_clean = self._waiting_clean()
        self.approve_clean_action.setEnabled(has_ws and bool(waiting_clean))
        self.export_action.setEnabled(has_ws)
        self.merge_action.setEnabled(has_ws)
        self.undo_action.setEnabled(has_ws and self.last is not None)
        if self.last is not None:
            what = screening_action_name(self.last.action)
            self.undo_action.setText(self.tr("Undo {what}").format(what=what))
        else:
            self.undo_action.setText(self.tr("Undo"))

    # -- the selected case -------------------------------------------------------------------------

    def _on_case_selected(self, case: CaseRow | None) -> None:
        self._update_actions()
        ws = self.view.workspace
        self._findings_generation += 1
        if case is None or ws is None:
            return
        generation = self._findings_generation
        self.findings_widget.show_loading()
        fetch = self.services.findings
        has_pdf = any(f.kind == "pdf" for f in case.files)
        run_task(
            lambda _t: fetch(ws, case.code),
            lambda found: self._show_findings(generation, found, has_pdf),
            self._on_error,
            owner=self,
        )

    def _show_findings(self, generation: int, found: list[StoredFinding], has_pdf: bool) -> None:
        if generation != self._findings_generation:
            return
        self.findings_widget.show_findings(found, has_pdf)
        self.findings_shown.emit()

    def open_pdf_at(self, page: int) -> None:
        """Open the selected case's slides at ``page`` in the reader (a window of its own)."""
        case = self.view.selected_case()
        ws = self.view.workspace
        if case is None or ws is None:
            return
        pdf = next((f for f in case.files if f.kind == "pdf"), None)
        if pdf is None:
            return
        path = ws.store.path_for(pdf.sha256)
        title = self.tr("{code} — page {page}").format(code=case.code, page=page)
        self.dialog = PdfPageDialog(path, page, title, self.view.window())
        self.dialog.show()

    def _on_table_menu(self, pos: QPoint) -> None:
        if self.view.selected_case() is None:
            return
        menu = QMenu(self.view)
        menu.addAction(self.approve_action)
        menu.addAction(self.reject_action)
        menu.addSeparator()
        menu.addAction(self.undo_action)
        menu.popup(self.view.table.viewport().mapToGlobal(pos))

    # -- actions -----------------------------------------------------------------------------------

    def _write(self, work: Callable[[Any], Any], done: Callable[[Any], None]) -> Task[Any]:
        """Run a change on the write pool, then report and reload the view."""
        ws = self.view.workspace
        assert ws is not None

        def finished(result: Any) -> None:
            done(result)
            self.view.refresh()

        return run_task(lambda _t: work(ws), finished, self._on_error, owner=self, pool=self.ctx.write_pool)

    def approve_selected(self) -> None:
        case = self.view.selected_case()
        if case is None:
            return
        approve = self.services.approve
        self._write(
            lambda ws: approve(ws, [case.code]),
            lambda _s: self.message.emit(self.tr("Case {code} approved.").format(code=case.code)),
        )

    def reject_selected(self) -> None:
        """Ask for a reason (templates from the case's findings), then reject."""
        case = self.view.selected_case()
        ws = self.view.workspace
        if case is None or ws is None:
            return
        templates = self.services.reason_templates
        run_task(
            lambda _t: templates(ws, case.code),
            lambda found: self._ask_reason(case, found),
            self._on_error,
            owner=self,
        )

    def _ask_reason(self, case: CaseRow, templates: list[str]) -> None:
        dialog = RejectDialog(case.code, case.title, templates, self.view.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        reject = self.services.reject

        def accepted() -> None:
            reason = dialog.reason()
            self._write(
                lambda ws: reject(ws, [case.code], reason),
                lambda _s: self.message.emit(self.tr("Case {code} rejected.").format(code=case.code)),
            )

        dialog.accepted.connect(accepted)
        self.dialog = dialog
        dialog.open()

    def approve_clean(self) -> None:
        waiting = self._waiting_clean()
        if not waiting:
            return
        if not self.ctx.prompter.confirm(
            self.view,
            self.tr("Approve all clean cases"),
            self.tr("Approve the {count} waiting cases that break no rule? You can undo this.").format(
                count=len(waiting)
            ),
        ):
            return
        approve_clean = self.services.approve_clean
        self._write(
            approve_clean,
            lambda step: self.message.emit(
                self.tr("{count} clean cases approved.").format(count=len(step.codes))
            ),
        )

    def undo(self) -> None:
        undo = self.services.undo
        self._write(
            undo,
            lambda step: self.message.emit(
                self.tr("Undone: {count} case(s) back as they were.").format(count=len(step.codes))
                if step is not None
                else self.tr("Nothing to undo.")
            ),
        )

    def export_rejections(self) -> None:
        ws = self.view.workspace
        if ws is None:
            return
        start = str(Path(ws.root) / self.tr("rejections.xlsx"))
        path = self.ctx.prompter.choose_save_file(
            self.view, self.tr("Export rejections"), self.tr("Excel workbooks (*.xlsx)"), start
        )
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        export = self.services.export_rejections
        run_task(
            lambda _t: export(ws, path),
            lambda count: self.message.emit(
                self.tr("{count} rejected cases written to {path}.").format(count=count, path=path)
            ),
            self._on_error,
            owner=self,
        )

    def merge_hospitals(self) -> None:
        ws = self.view.workspace
        if ws is None:
            return
        services = self.services
        run_task(
            lambda _t: (services.list_hospitals(ws), services.spelling_suggestions(ws)),
            lambda found: self._ask_merge(*found),
            self._on_error,
            owner=self,
        )

    def _ask_merge(self, hospitals: list[HospitalRow], suggestions: list[tuple[str, str]]) -> None:
        dialog = MergeHospitalsDialog(hospitals, suggestions, self.view.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        merge = self.services.merge_hospitals

        def accepted() -> None:
            merged, kept = dialog.names()
            self._write(
                lambda ws: merge(ws, merged, kept),
                lambda result: self.message.emit(
                    self.tr("“{merged}” merged into “{kept}”: {count} case(s).").format(
                        merged=merged, kept=kept, count=len(result.cases)
                    )
                ),
            )

        dialog.accepted.connect(accepted)
        self.dialog = dialog
        dialog.open()

    def open_import_wizard(self) -> None:
        ws = self.view.workspace
        if ws is None:
            return
        wizard = ImportWizard(self.ctx, ws, self.view.window(), self.import_services)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.imported.connect(self._on_imported)
        self.wizard = wizard
        wizard.open()

    def _on_imported(self, result: ImportResult) -> None:
        s = result.report.summary()
        self.message.emit(
            self.tr("{cases} cases imported; {problems} with problems.").format(
                cases=s["cases"], problems=s["cases"] - s["clean"]
            )
        )
        self.view.refresh()
