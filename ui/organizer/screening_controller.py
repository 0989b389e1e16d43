# SPDX-License-Identifier: Apache-2.0
"""Screening (初筛) in the organizer view: import, findings in the case table and the details pane,
approve / reject with a reason, bulk approve of clean cases, undo, deadlines, the rejections sheet and
merging hospital spellings.

The controller plugs into :class:`~ui.organizer.organizer_view.OrganizerView` through the view's
extension interface only (actions, columns, a filter, a details section, its signals) and calls the
``app.intake`` services off the GUI thread: reads on the global pool, writes on ``ctx.write_pool``.
The screening columns read the view's own case rows (``CaseRow`` carries findings and deadlines), so a
refresh reads every case once; the controller adds only the undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox, QWidget

from app.catalog import CaseRow
from app.glossary.terms import screening_action_name
from app.intake import screening
from app.intake.importer import ImportResult
from app.intake.screening import HospitalRow, ScreeningStep, StoredFinding
from app.models import CaseStatus
from ui.context import AppContext
from ui.errors import show_error
from ui.organizer.findings_widget import FindingsWidget, PdfPageDialog
from ui.organizer.import_wizard import ImportServices, ImportWizard
from ui.organizer.organizer_view import OrganizerView
from ui.organizer.screening_columns import has_problems, screening_columns
from ui.organizer.screening_dialogs import MergeHospitalsDialog, RejectDialog
from ui.tasks import LatestRead, Task, run_task


@dataclass
class ScreeningServices:
    """The ``app.intake.screening`` calls the controller makes; tests may replace them."""

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


class ScreeningController(QObject):
    """Adds intake and screening to an organizer view; see the module docstring."""

    #: A sentence for the status bar after an action.
    message = Signal(str)
    #: The undo step was read again after the view loaded its rows: the actions are up to date.
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
        self.last: ScreeningStep | None = None
        self.wizard: ImportWizard | None = None
        self.dialog: QWidget | None = None
        self._steps: LatestRead[ScreeningStep | None] = LatestRead(self)
        self._findings: LatestRead[list[StoredFinding]] = LatestRead(self)

        self._build_actions()
        view.set_columns(screening_columns())
        self.problems_column = view.column_index("problems")
        self.deadline_column = view.column_index("deadline")
        self.problems_check = QCheckBox(self.tr("Only with problems"))
        self.problems_check.setObjectName("onlyProblems")
        self.problems_check.setToolTip(self.tr("Show only cases that break a rule of the notice"))
        self.problems_check.toggled.connect(
            lambda on: view.set_extra_filter("problems", has_problems if on else None)
        )
        view.add_filter_widget(self.problems_check)
        view.filters_cleared.connect(lambda: self.problems_check.setChecked(False))

        self.findings_widget = FindingsWidget()
        self.findings_widget.open_pdf_requested.connect(self.open_pdf_at)
        view.add_details_section(self.tr("Findings"), self.findings_widget)

        view.loaded.connect(self.reload)
        view.case_selected.connect(self._on_case_selected)
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
        self.view.add_actions(
            [
                self.import_action,
                None,
                self.approve_action,
                self.reject_action,
                self.approve_clean_action,
                self.undo_action,
                None,
                self.export_action,
                self.merge_action,
            ]
        )
        self.view.add_context_actions([self.approve_action, self.reject_action, None, self.undo_action])

    # -- loading -----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the undo step (after the view loaded its rows, which carry findings and deadlines)."""
        ws = self.view.workspace
        if ws is None:
            return
        last_step = self.services.last_step
        self._steps.start(lambda _task: last_step(ws), self._on_loaded, self._on_error)

    def _on_loaded(self, last: ScreeningStep | None) -> None:
        self.last = last
        self._update_actions()
        self._on_case_selected(self.view.selected_case())
        self.screening_loaded.emit()

    def _on_error(self, exc: BaseException) -> None:
        show_error(self.view, exc, self.tr("Screening"))

    def _waiting_clean(self) -> list[CaseRow]:
        """Waiting cases that were checked and break no rule (what "approve all clean" approves)."""
        return [
            r
            for r in self.view.rows()
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
        if case is None or ws is None:
            self._findings.forget()
            return
        self.findings_widget.show_loading()
        fetch = self.services.findings
        has_pdf = any(f.kind == "pdf" for f in case.files)
        self._findings.start(
            lambda _t: fetch(ws, case.code), lambda found: self._show_findings(found, has_pdf), self._on_error
        )

    def _show_findings(self, found: list[StoredFinding], has_pdf: bool) -> None:
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
        reason = self.ctx.prompter.ask(dialog, dialog.reason)
        if not reason:
            return
        reject = self.services.reject
        self._write(
            lambda ws: reject(ws, [case.code], reason),
            lambda _s: self.message.emit(self.tr("Case {code} rejected.").format(code=case.code)),
        )

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
        names = self.ctx.prompter.ask(dialog, dialog.names)
        if names is None:
            return
        merged, kept = names
        merge = self.services.merge_hospitals
        self._write(
            lambda ws: merge(ws, merged, kept),
            lambda result: self.message.emit(
                self.tr("“{merged}” merged into “{kept}”: {count} case(s).").format(
                    merged=merged, kept=kept, count=len(result.cases)
                )
            ),
        )

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
