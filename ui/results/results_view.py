# SPDX-License-Identifier: Apache-2.0
"""The organizer's results page: pick a round, see how many sheets are still drafts, change the scoring
method (audited), and read each group's ranking, the judge consistency chart, the cusp list, and the
round's draws and overrides. The actions (draw, override, votes, export, verify) are in
``ui.results.actions``.

Everything comes from ``app.results`` in one background read per load (``load_snapshot``); the page reads
again each time it is shown, so merges made meanwhile on another page count.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.glossary.results import WORDS
from app.glossary.terms import round_name
from app.intake.screening import HospitalRow, list_hospitals
from app.results.exports import competition_name
from app.results.service import RoundChoice, result_rounds, round_results, season_awards
from app.results.text import counts_line, method_name, pending_lines
from app.results.types import METHODS, VOTES_METHOD, HospitalAward, RoundResults
from app.seasons import SeasonRules
from app.workspace import Workspace
from ui.context import AppContext
from ui.errors import show_error
from ui.results.actions import ResultsActions
from ui.results.tabs import ConsistencyTab, CuspTab, RankingTab, RecordsTab
from ui.style import set_state, view_header
from ui.tasks import LatestRead, TaskContext


@dataclass(frozen=True)
class ResultsSnapshot:
    """What the page shows, read in one background task."""

    rounds: tuple[RoundChoice, ...]
    round_key: str | None
    results: RoundResults | None
    season: tuple[HospitalAward, ...]
    #: Every hospital with its case count (the subjects of a season award's override).
    hospitals: tuple[HospitalRow, ...]
    rules: SeasonRules
    competition: str
    season_year: int


def load_snapshot(ws: Workspace, wanted: str | None) -> ResultsSnapshot:
    """The rounds with results, the ``wanted`` one's results (else the latest round's), the season's
    hospital awards."""
    rounds = result_rounds(ws)
    keys = [r.key for r in rounds]
    key = (
        wanted
        if wanted in keys
        else next((r.key for r in reversed(rounds) if r.method != VOTES_METHOD), None)
    )
    if key is None and keys:
        key = keys[0]
    results = round_results(ws, key) if key is not None else None
    return ResultsSnapshot(
        rounds,
        key,
        results,
        season_awards(ws),
        tuple(list_hospitals(ws)),
        ws.rules,
        competition_name(ws),
        ws.season_year,
    )


class ResultsView(QWidget):
    """The results of an open workspace."""

    back_requested = Signal()
    #: A sentence for the status bar.
    message = Signal(str)
    #: A load finished and the page shows it.
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsView")
        self.ctx = ctx
        self.workspace: Workspace | None = None
        self.snapshot: ResultsSnapshot | None = None
        self._reads: LatestRead[ResultsSnapshot] = LatestRead(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.toolbar = QToolBar(self.tr("Results"), self)
        self.toolbar.setObjectName("resultsToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        layout.addWidget(self._build_header())
        layout.addWidget(self._build_bar())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("resultsTabs")
        self.ranking = RankingTab()
        self.consistency = ConsistencyTab()
        self.cusp = CuspTab()
        self.records = RecordsTab()
        self.tabs.addTab(self.ranking, self.tr("Ranking"))
        self.tabs.addTab(self.consistency, self.tr("Judge consistency"))
        self.tabs.addTab(self.cusp, self.tr("Cusp list"))
        self.tabs.addTab(self.records, self.tr("Draws and overrides"))
        self.tabs.currentChanged.connect(self._on_tab)
        layout.addWidget(self.tabs, 1)
        self.hint = QLabel()
        self.hint.setObjectName("resultsEmpty")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.hide()
        layout.addWidget(self.hint, 1)
        self.commands = ResultsActions(self, self)
        self.round.activated.connect(lambda _i: self.refresh(self.round.currentData()))
        self.method.activated.connect(lambda _i: self.commands.change_method(self.method.currentData()))

    # -- building ----------------------------------------------------------------------------------

    def _build_header(self) -> QWidget:
        self.title_label = QLabel(self.tr("Results"))
        self.subtitle_label = QLabel()
        self.subtitle_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        header, row = view_header(self.title_label, self.subtitle_label)
        row.addWidget(self.toolbar, 0, Qt.AlignmentFlag.AlignVCenter)
        return header

    def _build_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("resultsBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(16, 8, 16, 8)
        row.setSpacing(8)
        self.round = QComboBox()
        self.round.setObjectName("resultsRound")
        self.round.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.method = QComboBox()
        self.method.setObjectName("resultsMethod")
        self.method.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.method.setToolTip(self.tr("How the judges' totals become the round's score (audited)"))
        for label, widget in ((self.tr("Round"), self.round), (self.tr("Scoring method"), self.method)):
            text = QLabel(label)
            text.setObjectName("resultsFieldLabel")
            row.addWidget(text)
            row.addWidget(widget)
            row.addSpacing(10)
        column = QVBoxLayout()
        column.setSpacing(0)
        self.counts = QLabel()
        self.counts.setObjectName("resultsCounts")
        self.counts.setWordWrap(True)
        self.pending = QLabel()
        self.pending.setObjectName("resultsPending")
        self.pending.setWordWrap(True)
        column.addWidget(self.counts)
        column.addWidget(self.pending)
        row.addLayout(column, 1)
        return bar

    # -- loading -----------------------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Show ``workspace``'s results (None: nothing) and start reading them."""
        self.workspace = workspace
        self.snapshot = None
        self._reads.forget()
        self._show(None)
        if workspace is not None and self.isVisible():
            self.refresh()

    @property
    def loading(self) -> bool:
        return self._reads.running

    def round_key(self) -> str | None:
        return self.snapshot.round_key if self.snapshot is not None else None

    def refresh(self, round_key: str | None = None) -> None:
        """Read the results again (of ``round_key``, else the round shown), off the GUI thread."""
        ws = self.workspace
        if ws is None:
            return
        wanted = round_key or self.round_key()

        def load(task: TaskContext) -> ResultsSnapshot:
            task.check()
            return load_snapshot(ws, wanted)

        self.commands.reload.setEnabled(False)
        self._reads.start(load, self._on_loaded, self._on_failed)

    def _on_loaded(self, snap: ResultsSnapshot) -> None:
        self.commands.reload.setEnabled(True)
        self.snapshot = snap
        self._show(snap)
        self.loaded.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self.commands.reload.setEnabled(True)
        show_error(self, exc, self.tr("Could not read the results"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.workspace is not None and not self.loading:
            self.refresh()  # bundles may have been merged on another page meanwhile

    # -- showing -----------------------------------------------------------------------------------

    def _show(self, snap: ResultsSnapshot | None) -> None:
        results = snap.results if snap is not None else None
        rules = snap.rules if snap is not None else None
        self.subtitle_label.setText(
            self.tr("{competition} · Season {season}").format(
                competition=snap.competition, season=snap.season_year
            )
            if snap is not None
            else ""
        )
        self._fill_round(snap)
        self._fill_method(results)
        self._fill_status(results, rules)
        empty = snap is None or results is None
        self.tabs.setVisible(not empty)
        self.hint.setVisible(empty and self.workspace is not None)
        if snap is not None and results is None:
            self.hint.setText(
                self.tr("No round has results yet: assign a round and merge the judges' score bundles.")
            )
        elif snap is None:
            self.hint.setText(self.tr("Reading the results…"))
        self.ranking.set_results(results, rules)
        self.consistency.set_results(results)
        self.cusp.set_results(results, rules)
        self.records.set_results(results, snap.season if snap is not None else (), rules)
        self.tabs.setTabEnabled(1, results is not None and results.method != VOTES_METHOD)
        if self.tabs.currentIndex() == 1 and results is not None:
            self.consistency.ensure_chart()
        self.commands.update_enabled(snap)

    def _fill_round(self, snap: ResultsSnapshot | None) -> None:
        self.round.clear()
        for r in snap.rounds if snap is not None else ():
            label = round_name(r.key, snap.season_year) if snap is not None else r.name
            self.round.addItem(label, r.key)
        if snap is not None and snap.round_key is not None:
            self.round.setCurrentIndex(self.round.findData(snap.round_key))
        self.round.setEnabled(self.round.count() > 1)

    def _fill_method(self, results: RoundResults | None) -> None:
        self.method.clear()
        if results is not None and results.method == VOTES_METHOD:
            self.method.addItem(method_name(VOTES_METHOD), VOTES_METHOD)
        else:
            for key in METHODS:
                self.method.addItem(method_name(key), key)
        if results is not None:
            self.method.setCurrentIndex(max(0, self.method.findData(results.method)))
        self.method.setEnabled(results is not None and results.method != VOTES_METHOD)

    def _fill_status(self, results: RoundResults | None, rules: SeasonRules | None) -> None:
        if results is None or rules is None:
            self.counts.clear()
            self.pending.clear()
            return
        counts = "" if results.method == VOTES_METHOD else counts_line(results)
        if results.unscored:
            counts += "；" + WORDS["unscored"].text(n=results.unscored)
        self.counts.setText(counts)
        set_state(self.counts, "state", "warning" if results.counts.drafts else "")
        lines = pending_lines(results, rules)
        ties = sum(1 for g in results.groups for c in g.cases if c.tied)
        if lines or ties:
            self.pending.setText(
                self.tr(
                    "{ties} cases share a rank and {n} award places wait for a draw: use “Draw lots…”."
                ).format(ties=ties, n=sum(p.places for p in results.pending))
            )
        else:
            self.pending.setText("")
        self.pending.setToolTip("\n".join(lines))
        set_state(self.pending, "state", "warning" if lines or ties else "")

    def _on_tab(self, index: int) -> None:
        if index == 1 and self.snapshot is not None and self.snapshot.results is not None:
            self.consistency.ensure_chart()
