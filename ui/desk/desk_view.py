# SPDX-License-Identifier: Apache-2.0
"""The judging desk: one page with a tab per task — rounds, roster, assignment matrix, packages, and
merging bundles beside each judge's progress — for the round the header's chooser follows.

Everything the tabs show comes from one :class:`~ui.desk.desk_services.DeskSnapshot`, read off the GUI
thread by :meth:`DeskView.refresh`; every change goes through :meth:`DeskView.run_write` on the
context's write pool (with a progress dialog and cancel for long work), then the desk reloads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.bundles.package import BuiltPackage
from app.glossary.assignment import ROUND_STATUS, name
from app.glossary.terms import round_name
from app.rounds.service import RoundView
from app.workspace import Workspace
from ui.context import AppContext
from ui.desk.desk_services import DeskServices, DeskSnapshot, load_snapshot
from ui.desk.matrix_tab import MatrixTab
from ui.desk.merge_tab import MergeTab
from ui.desk.packages_tab import PackagesTab
from ui.desk.roster_tab import RosterTab
from ui.desk.rounds_tab import RoundsTab
from ui.errors import show_error
from ui.progress import run_with_progress
from ui.style import view_header
from ui.tasks import LatestRead, Task, TaskContext, run_task

T = TypeVar("T")


class DeskView(QWidget):
    """The organizer's judging desk for an open workspace."""

    #: A snapshot was loaded and every tab shows it.
    loaded = Signal()
    #: The user wants the case table back.
    back_requested = Signal()
    #: A sentence for the status bar.
    message = Signal(str)

    def __init__(
        self, ctx: AppContext, services: DeskServices | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deskView")
        self.ctx = ctx
        self.services = services or DeskServices()
        self.workspace: Workspace | None = None
        self.snapshot: DeskSnapshot | None = None
        #: The organizer key's passphrase once a build succeeded with it: kept in memory for this
        #: session only, so the next build or drop-out does not ask again.
        self.passphrase: str | None = None
        self._round_key: str | None = None
        self._reads: LatestRead[DeskSnapshot] = LatestRead(self)
        self.writing: Task[Any] | None = None

        self.refresh_action = QAction(self.tr("&Reload"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.refresh)
        self.menu = QMenu(self.tr("&Judging"), self)
        self.menu.addAction(self.refresh_action)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_header())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("deskTabs")
        self.tabs.setDocumentMode(True)
        self.rounds_tab = RoundsTab(self)
        self.roster_tab = RosterTab(self)
        self.matrix_tab = MatrixTab(self)
        self.packages_tab = PackagesTab(self)
        self.merge_tab = MergeTab(self)
        self.tabs.addTab(self.rounds_tab, self.tr("Rounds"))
        self.tabs.addTab(self.roster_tab, self.tr("Judges"))
        self.tabs.addTab(self.matrix_tab, self.tr("Assignment"))
        self.tabs.addTab(self.packages_tab, self.tr("Packages"))
        self.tabs.addTab(self.merge_tab, self.tr("Bundles and progress"))
        layout.addWidget(self.tabs, 1)
        self._fill_menu()

    def _fill_menu(self) -> None:
        """The tabs' main actions in the menu bar too (keyboard users reach them from anywhere)."""
        self.menu.addSeparator()
        for text, tab, run in (
            (self.tr("Import judges…"), self.roster_tab, self.roster_tab.import_roster),
            (self.tr("Assign…"), self.matrix_tab, self.matrix_tab.assign),
            (self.tr("Build packages…"), self.packages_tab, lambda: self.packages_tab.build(all_judges=True)),
            (self.tr("Merge a folder of bundles…"), self.merge_tab, self.merge_tab.choose_folder),
        ):
            action = self.menu.addAction(text)
            action.triggered.connect(lambda _=False, t=tab, r=run: self._run_on(t, r))
        self.menu.addSeparator()
        back = self.menu.addAction(self.tr("Back to the cases"))
        back.triggered.connect(self.back_requested)

    def _run_on(self, tab: QWidget, run: Callable[[], None]) -> None:
        self.tabs.setCurrentWidget(tab)
        run()

    def showEvent(self, event: QShowEvent) -> None:
        """Read the workspace again when the desk comes into view: the case table may have changed it."""
        super().showEvent(event)
        if self.snapshot is not None:
            self.refresh()

    def _build_header(self) -> QWidget:
        self.title_label = QLabel(self.tr("Judging desk"))
        self.subtitle_label = QLabel()
        header, row = view_header(self.title_label, self.subtitle_label)
        caption = QLabel(self.tr("Round:"))
        self.round_combo = QComboBox()
        self.round_combo.setObjectName("deskRound")
        self.round_combo.setMinimumWidth(180)
        self.round_combo.activated.connect(lambda i: self.set_round(self.round_combo.itemData(i)))
        caption.setBuddy(self.round_combo)
        reload_button = QPushButton(self.tr("Reload"))
        reload_button.clicked.connect(self.refresh)
        self.back_button = QPushButton(self.tr("Cases"))
        self.back_button.setObjectName("deskBack")
        self.back_button.setToolTip(self.tr("Back to the case table"))
        self.back_button.clicked.connect(self.back_requested)
        for widget in (caption, self.round_combo, reload_button, self.back_button):
            row.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
        return header

    # -- public API --------------------------------------------------------------------------------

    def menus(self) -> list[QMenu]:
        return [self.menu]

    @property
    def round_key(self) -> str:
        """The round the matrix, packages and progress follow ('' before the first load)."""
        return self.snapshot.round_key if self.snapshot else (self._round_key or "")

    def round_view(self, key: str | None = None) -> RoundView | None:
        """The ``RoundView`` of ``key`` (default: the followed round) in the last snapshot, or None."""
        key = key or self.round_key
        return next((r for r in self.snapshot.rounds if r.key == key), None) if self.snapshot else None

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Follow ``workspace`` (None: show nothing); the first judged round is followed at first."""
        if self.workspace is not workspace:
            self.merge_tab.stop_watching()
        self.workspace = workspace
        self.snapshot = None
        self._round_key = None
        self.passphrase = None
        if workspace is not None:
            self.refresh()
        else:
            self._reads.forget()

    def set_round(self, key: str | None) -> None:
        """Follow another round (the matrix, packages and progress show it)."""
        if key and key != self.round_key:
            self._round_key = key
            self.refresh()

    def refresh(self) -> None:
        """Read the desk's snapshot again, off the GUI thread."""
        ws = self.workspace
        if ws is None:
            return
        key = self._round_key or (self.snapshot.round_key if self.snapshot else None)
        services = self.services
        self.refresh_action.setEnabled(False)
        self._reads.start(
            lambda task: load_snapshot(services, ws, key), self._on_loaded, self._on_load_failed
        )

    def run_write(
        self,
        work: Callable[[TaskContext], T],
        on_done: Callable[[T], None],
        *,
        title: str,
        label: str | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task[T] | None:
        """Run a change of the workspace on the write pool — behind a progress dialog with cancel when
        ``label`` is given — then ``on_done(result)`` and reload. One change at a time."""
        if self.workspace is None or (self.writing is not None and not self.writing.done):
            self.message.emit(self.tr("Another change is still running."))
            return None

        def done(result: T) -> None:
            on_done(result)
            self.refresh()

        def failed(exc: BaseException) -> None:
            (on_error or (lambda e: show_error(self, e, title)))(exc)
            self.refresh()

        def cancelled() -> None:
            self.message.emit(self.tr("Cancelled."))
            self.refresh()

        if label is None:
            self.writing = run_task(
                work, done, failed, on_cancelled=cancelled, owner=self, pool=self.ctx.write_pool
            )
        else:
            self.writing = run_with_progress(
                self,
                work,
                done,
                failed,
                label=label,
                title=title,
                cancel_text=self.tr("Cancel"),
                on_cancelled=cancelled,
                pool=self.ctx.write_pool,
                object_name="deskProgress",
            )
        return self.writing

    def packages_built(self, built: list[BuiltPackage]) -> None:
        """Packages built outside the packages tab (a drop-out): their codes join its hand-out list."""
        self.packages_tab.add_built(built)

    def shutdown(self) -> None:
        """Stop watching a folder (the window is closing or the workspace changes)."""
        self.merge_tab.stop_watching()

    # -- loading -----------------------------------------------------------------------------------

    def _on_loaded(self, snap: DeskSnapshot) -> None:
        self.refresh_action.setEnabled(True)
        self.snapshot = snap
        self._round_key = snap.round_key
        self._fill_round_combo(snap)
        current = self.round_view()
        if current is not None:
            self.subtitle_label.setText(
                self.tr("{round} · {status} · {cases} cases · {judges} judges · {per_case} per case").format(
                    round=round_name(current.key, self._season()),
                    status=name(ROUND_STATUS, current.status),
                    cases=current.cases,
                    judges=current.judges,
                    per_case=current.settings.judges_per_case,
                )
            )
        for tab in (self.rounds_tab, self.roster_tab, self.matrix_tab, self.packages_tab, self.merge_tab):
            tab.show_snapshot(snap)
        self.loaded.emit()

    def _fill_round_combo(self, snap: DeskSnapshot) -> None:
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        for r in snap.rounds:
            if r.rubric is not None:  # only rounds that are scored are judged at the desk
                self.round_combo.addItem(round_name(r.key, self._season()) or r.name, r.key)
        self.round_combo.setCurrentIndex(max(0, self.round_combo.findData(snap.round_key)))
        self.round_combo.blockSignals(False)

    def _season(self) -> int | None:
        return self.workspace.rules.year if self.workspace is not None else None

    def _on_load_failed(self, exc: BaseException) -> None:
        self.refresh_action.setEnabled(True)
        show_error(self, exc, self.tr("Could not read the judging desk"))
