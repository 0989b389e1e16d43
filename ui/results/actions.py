# SPDX-License-Identifier: Apache-2.0
"""What the organizer does on the results page: change the scoring method, draw lots for ties, override
an award with a reason, import public votes, export the round (xlsx, PDF report, certificates) and
verify everything from the signed bundles.

Every question goes through ``ctx.prompter``; every write runs on the context's write pool and reloads
the page after; exports and the verification run behind a progress dialog (``run_with_progress``).
Each is also a ``leitai results`` command.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QToolBar, QWidget

from app.glossary.results import CLI, TIE_STEPS, WORDS
from app.results.awards import season_award_keys
from app.results.exports import export_round
from app.results.service import override_award, record_draws, set_method
from app.results.text import award_name, method_name, pending_lines
from app.results.types import SEASON_ROUND, VOTES_METHOD, RoundResults
from app.results.verify import VerifyReport, verify_workspace
from app.results.votes import VotesImport, import_votes
from ui.context import AppContext
from ui.errors import show_error
from ui.progress import run_with_progress
from ui.results.dialogs import DrawDialog, ExportDialog, OverrideDialog, VerifyDialog, VotesDialog
from ui.settings import Setting
from ui.tasks import TaskContext, run_task

if TYPE_CHECKING:
    from app.workspace import Workspace
    from ui.results.tabs import RankingTab, RecordsTab


#: Folder the last export went to.
EXPORT_FOLDER: Setting[str] = Setting("results/export_folder", "")


def open_ties(results: RoundResults) -> list[str]:
    """Each tie still open, as a line: group, the tied cases, their shared rank; then pending places."""
    lines = []
    for g in results.groups:
        runs: dict[int, list[str]] = {}
        for c in g.cases:
            if c.tied and c.rank is not None:
                runs.setdefault(c.rank, []).append(c.case.code)
        for rank, codes in runs.items():
            note = TIE_STEPS["tied"].text()
            lines.append(
                QCoreApplication.translate(
                    "ResultsActions", "{group}: {cases} share rank {rank} ({note})"
                ).format(group=g.name, cases="、".join(codes), rank=rank, note=note)
            )
    return lines


class ResultsPage(Protocol):
    """What the actions need of the results page (``ResultsView``)."""

    ctx: AppContext
    workspace: Workspace | None
    snapshot: Any  # ResultsSnapshot | None
    round: QComboBox
    method: QComboBox
    ranking: RankingTab
    records: RecordsTab
    toolbar: QToolBar
    message: Any  # Signal(str)
    back_requested: Any  # Signal()

    def refresh(self, round_key: str | None = None) -> None: ...


class ResultsActions(QObject):
    """The results page's actions, in its toolbar (and the ranking's right-click menu)."""

    def __init__(self, view: ResultsPage, widget: QWidget) -> None:
        """``widget``: the page itself, parent of the actions and of every dialog."""
        super().__init__(widget)
        self.widget = widget
        self.view = view
        self.ctx = view.ctx
        #: The files the last export wrote, and the last verification's report.
        self.last_export: list[Path] = []
        self.last_report: VerifyReport | None = None
        self.back = self._action(
            self.tr("← Cases"), view.back_requested.emit, self.tr("Back to the case table")
        )
        self.reload = self._action(
            self.tr("Reload"), lambda: view.refresh(), self.tr("Read the results again")
        )
        self.reload.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.draw = self._action(
            self.tr("Draw lots…"), self.record_draws, self.tr("Settle the open ties by a recorded draw")
        )
        self.override = self._action(
            self.tr("Override an award…"),
            self.override_award,
            self.tr("Grant or withdraw an award, with a reason"),
        )
        self.season_override = self._action(
            self.tr("Override a season award…"),
            self.override_season_award,
            self.tr("Grant or withdraw an award to a hospital, with a reason"),
        )
        self.votes = self._action(
            self.tr("Import votes…"), self.import_votes, self.tr("Public vote counts from a sheet")
        )
        self.export = self._action(
            self.tr("Export…"), self.export_round, self.tr("Workbook, PDF report, certificates")
        )
        self.verify = self._action(
            self.tr("Verify…"), self.verify_all, self.tr("Recompute every result from the signed bundles")
        )
        toolbar = view.toolbar
        toolbar.addAction(self.back)
        toolbar.addSeparator()
        for action in (self.draw, self.override, self.votes, self.export, self.verify):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.reload)
        view.ranking.table.addAction(self.override)
        view.records.season_button.setDefaultAction(self.season_override)
        self.update_enabled(None)

    def _action(self, text: str, slot: Any, tip: str) -> QAction:
        action = QAction(text, self.widget)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def update_enabled(self, snap: Any) -> None:
        results: RoundResults | None = snap.results if snap is not None else None
        has = results is not None
        self.draw.setEnabled(has and bool(results and (results.pending or open_ties(results))))
        self.override.setEnabled(has and bool(results and results.award_keys))
        self.export.setEnabled(has)
        self.verify.setEnabled(snap is not None)
        self.season_override.setEnabled(
            snap is not None and bool(snap.hospitals) and bool(season_award_keys(snap.rules))
        )
        self.votes.setEnabled(snap is not None)

    # -- helpers -----------------------------------------------------------------------------------

    def _write(self, fn: Any, done: Any, title: str) -> None:
        """Run a write on the write pool; then ``done(result)`` and a reload."""

        def finished(result: Any) -> None:
            done(result)
            self.view.refresh()

        run_task(
            lambda _task: fn(),
            finished,
            self._failed(title),
            owner=self.widget,
            pool=self.ctx.write_pool,
        )

    def _failed(self, title: str) -> Any:
        """An error callback that shows the failure under ``title``."""

        def show(exc: BaseException) -> None:
            show_error(self.widget, exc, title)

        return show

    def _said_override(self, o: Any, rules: Any) -> None:
        """The status bar's sentence for a recorded override (``o``: an ``Override``)."""
        term = CLI["granted" if o.grant else "revoked"]
        award = award_name(o.award_key, rules)
        self.view.message.emit(term.text(award=award, subject=o.subject, reason=o.reason, id=o.id))

    def _round_name(self) -> str:
        return self.view.round.currentText()

    # -- the actions -------------------------------------------------------------------------------

    def change_method(self, method: str) -> None:
        """Change the round's scoring method after a confirmation; audited."""
        snap, ws = self.view.snapshot, self.view.workspace
        if snap is None or ws is None or snap.results is None or snap.round_key is None:
            return
        if method == snap.results.method or method == VOTES_METHOD:
            return
        key = snap.round_key
        asked = self.ctx.prompter.confirm(
            self.widget,
            self.tr("Change the scoring method"),
            self.tr(
                "Score the {round} by “{method}”? Every rank and award of the round is recomputed; "
                "the change is recorded in the audit log."
            ).format(round=self._round_name(), method=method_name(method)),
        )
        if not asked:
            self.view.method.setCurrentIndex(self.view.method.findData(snap.results.method))
            return
        self._write(
            lambda: set_method(ws, key, method),
            lambda _r: self.view.message.emit(
                CLI["method_set"].text(round=self._round_name(), method=method_name(method))
            ),
            self.tr("Could not change the scoring method"),
        )

    def record_draws(self) -> None:
        """Ask for a seed (optional) and draw lots for every open tie of the round."""
        snap, ws = self.view.snapshot, self.view.workspace
        if snap is None or ws is None or snap.results is None or snap.round_key is None:
            return
        ties = open_ties(snap.results) + pending_lines(snap.results, snap.rules)
        if not ties:
            self.view.message.emit(CLI["no_ties"].text())
            return
        dialog = DrawDialog(self._round_name(), ties, self.widget)
        request = self.ctx.prompter.ask(dialog, dialog.answer)
        if request is None:
            return
        key = snap.round_key
        self._write(
            lambda: record_draws(ws, key, seed=request.seed),
            lambda draws: self.view.message.emit(CLI["draws_recorded"].text(n=len(draws))),
            self.tr("Could not record the draw"),
        )

    def override_award(self) -> None:
        """Grant or withdraw an award of a case (the selected one by default), with a reason."""
        snap, ws = self.view.snapshot, self.view.workspace
        if snap is None or ws is None or snap.results is None or snap.round_key is None:
            return
        results, rules = snap.results, snap.rules
        cases = [(c.case.code, f"{c.case.code}　{c.case.title}") for g in results.groups for c in g.cases]
        awards = [(k, award_name(k, rules)) for k in results.award_keys]
        holders = {
            k: {c.case.code for g in results.groups for c in g.cases if k in c.awards}
            for k in results.award_keys
        }
        selected = self.view.ranking.selected()
        dialog = OverrideDialog(
            self._round_name(), cases, awards, holders, selected.case.code if selected else None, self.widget
        )
        request = self.ctx.prompter.ask(dialog, dialog.answer)
        if request is None:
            return
        key = snap.round_key

        self._write(
            lambda: override_award(
                ws,
                key,
                request.award,
                grant=request.grant,
                reason=request.reason,
                case_code=request.subject,
            ),
            lambda o: self._said_override(o, rules),
            self.tr("Could not record the override"),
        )

    def override_season_award(self) -> None:
        """Grant or withdraw a season award of a hospital (最佳组织奖: the most cases), with a reason."""
        snap, ws = self.view.snapshot, self.view.workspace
        if snap is None or ws is None:
            return
        rules = snap.rules
        hospitals = [
            (h.name, WORDS["hospital_cases"].text(hospital=h.name, province=h.province or "—", n=h.cases))
            for h in sorted(snap.hospitals, key=lambda h: (-h.cases, h.name))
        ]
        awards = [(k, award_name(k, rules)) for k in season_award_keys(rules)]
        holders: dict[str, set[str]] = {}
        for a in snap.season:
            holders.setdefault(a.award_key, set()).add(a.hospital)
        name = WORDS["sheet_season"].text()
        dialog = OverrideDialog(name, hospitals, awards, holders, None, self.widget, hospitals=True)
        request = self.ctx.prompter.ask(dialog, dialog.answer)
        if request is None:
            return

        self._write(
            lambda: override_award(
                ws,
                SEASON_ROUND,
                request.award,
                grant=request.grant,
                reason=request.reason,
                hospital=request.subject,
            ),
            lambda o: self._said_override(o, rules),
            self.tr("Could not record the override"),
        )

    def import_votes(self) -> None:
        """Read public vote counts from an xlsx / csv sheet, its columns mapped (案例编号, 网络投票)."""
        ws = self.view.workspace
        if ws is None:
            return
        dialog = VotesDialog(self.ctx.prompter, ws.root.parent, self.widget)
        request = self.ctx.prompter.ask(dialog, dialog.answer)
        if request is None:
            return

        def said(done: VotesImport) -> None:
            self.view.message.emit(
                CLI["votes_read"].text(rows=done.rows, changed=done.changed, unchanged=done.unchanged)
            )

        self._write(
            lambda: import_votes(ws, request.path, mapping=request.mapping),
            said,
            self.tr("Could not import the votes"),
        )

    def export_round(self) -> None:
        """Ask where, then write the workbook, the report and the certificates behind a progress dialog."""
        snap, ws = self.view.snapshot, self.view.workspace
        if snap is None or ws is None or snap.round_key is None:
            return
        folder = Path(self.ctx.settings.get(EXPORT_FOLDER) or ws.root.parent)
        dialog = ExportDialog(self.ctx.prompter, folder, self._round_name(), self.widget)
        request = self.ctx.prompter.ask(dialog, dialog.answer)
        if request is None:
            return
        target = request.xlsx or request.pdf or request.certificates
        if target is not None:
            self.ctx.settings.set(EXPORT_FOLDER, str(target.parent))
        key = snap.round_key

        def work(_task: TaskContext) -> list[Path]:
            for path in (request.xlsx, request.pdf):
                if path is not None:
                    path.parent.mkdir(parents=True, exist_ok=True)  # a folder typed in may not exist yet
            return export_round(
                ws, key, xlsx=request.xlsx, pdf=request.pdf, certificates=request.certificates
            )

        def done(paths: list[Path]) -> None:
            where = target.parent if target is not None else folder
            self.view.message.emit(self.tr("Wrote {n} files to {folder}").format(n=len(paths), folder=where))
            self.last_export = paths

        run_with_progress(
            self.widget,
            work,
            done,
            self._failed(self.tr("Could not export the results")),
            label=self.tr("Writing the workbook, the report and the certificates…"),
            title=self.tr("Export the results"),
            cancel_text=self.tr("Cancel"),
            object_name="resultsExportProgress",
            maximum=0,
        )

    def verify_all(self) -> None:
        """Recompute every round from the kept signed bundles and show what differs, by case."""
        ws = self.view.workspace
        if ws is None:
            return

        def done(report: VerifyReport) -> None:
            self.last_report = report
            dialog = VerifyDialog(report, self.widget)
            self.ctx.prompter.ask(dialog, dialog.answer)

        run_with_progress(
            self.widget,
            lambda _task: verify_workspace(ws),
            done,
            self._failed(self.tr("Could not verify the results")),
            label=self.tr("Reading every signed bundle and recomputing each round…"),
            title=self.tr("Verify the results"),
            cancel_text=self.tr("Cancel"),
            object_name="resultsVerifyProgress",
            maximum=0,
        )
