# SPDX-License-Identifier: Apache-2.0
"""The desk's merge panel beside each judge's progress: drop score bundles or a folder of them, or watch
a folder; every bundle is merged off the GUI thread by ``app.bundles.merge`` and its outcome listed by
its name (``app.glossary`` outcome names) with the reason. A refused bundle changes nothing; after each
merge the progress table reloads, so it follows the bundles as they arrive."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QObject,
    QSortFilterProxyModel,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bundles.merge import MergeOutcome
from ui.desk.desk_services import DeskSnapshot
from ui.desk.outcome_model import OutcomeModel
from ui.desk.progress_model import JudgeProgressModel, SortRole
from ui.errors import show_error
from ui.settings import LAST_FOLDER
from ui.style import set_state
from ui.tasks import Task, TaskContext, run_task

if TYPE_CHECKING:
    from ui.desk.desk_host import DeskHost

#: Milliseconds after a merged bundle before the progress reloads (several arriving at once: one load).
RELOAD_DELAY_MS = 300


class _OutcomeBridge(QObject):
    """Carries each outcome from the merging thread to the GUI thread (queued) as it happens."""

    arrived = Signal(object)


class DropArea(QFrame):
    """A frame that takes files and folders dropped from the file manager."""

    dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bundleDropArea")
        self.setAcceptDrops(True)
        self.setMinimumHeight(84)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            set_state(self, "hover", True)
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: Any) -> None:
        set_state(self, "hover", False)

    def dropEvent(self, event: QDropEvent) -> None:
        set_state(self, "hover", False)
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.dropped.emit(paths)


class MergeTab(QWidget):
    """Merge panel on the left, per-judge progress on the right."""

    #: Seconds between two looks at a watched folder (a bundle is taken once it stopped changing).
    watch_interval = 2.0

    def __init__(self, desk: DeskHost) -> None:
        super().__init__()
        self.setObjectName("deskMerge")
        self.desk = desk
        self.outcomes = OutcomeModel(self)
        self.progress = JudgeProgressModel(self)
        self._bridge = _OutcomeBridge(self)
        self._bridge.arrived.connect(self._on_outcome)
        self._watch_pool = QThreadPool(self)
        self._watch_pool.setMaxThreadCount(1)
        self._watch: Task[None] | None = None
        self.watched: Path | None = None
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(RELOAD_DELAY_MS)
        self._reload.timeout.connect(desk.refresh)

        # outcomes above, progress below: both get the window's width, so a reason reads on one line
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_merge_panel())
        splitter.addWidget(self._build_progress())
        splitter.setSizes([360, 280])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(splitter)

    def _build_merge_panel(self) -> QWidget:
        panel = QGroupBox(self.tr("Merge score bundles"))
        panel.setObjectName("mergePanel")
        self.drop_area = DropArea()
        self.drop_area.dropped.connect(self.merge)
        hint = QLabel(self.tr("Drop score bundles (.leitai-scores) or a folder of them here"))
        hint.setObjectName("dropHint")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        add_files = QPushButton(self.tr("Add a bundle…"))
        add_files.setObjectName("addBundle")
        add_files.clicked.connect(self._choose_bundle)
        add_folder = QPushButton(self.tr("Add a folder…"))
        add_folder.setObjectName("addBundleFolder")
        add_folder.clicked.connect(self.choose_folder)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(add_files)
        buttons.addWidget(add_folder)
        buttons.addStretch(1)
        inside = QVBoxLayout(self.drop_area)
        inside.addWidget(hint)
        inside.addLayout(buttons)
        self.watch_button = QPushButton(self.tr("Watch a folder…"))
        self.watch_button.setObjectName("watchFolder")
        self.watch_button.clicked.connect(self._toggle_watch)
        self.watch_label = QLabel(self.tr("Not watching a folder."))
        self.watch_label.setObjectName("watchStatus")
        self.watch_label.setWordWrap(True)
        watch = QVBoxLayout()
        watch.addWidget(self.watch_button, 0, Qt.AlignmentFlag.AlignLeft)
        watch.addWidget(self.watch_label)
        watch.addStretch(1)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(self.drop_area, 3)
        top.addLayout(watch, 2)
        self.outcome_table = QTableView()
        self.outcome_table.setObjectName("outcomeTable")
        self.outcome_table.setModel(self.outcomes)
        self.outcome_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.outcome_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outcome_table.setWordWrap(False)
        self.outcome_table.setShowGrid(False)
        self.outcome_table.setAlternatingRowColors(True)
        self.outcome_table.verticalHeader().setVisible(False)
        self.outcome_table.verticalHeader().setDefaultSectionSize(26)
        header = self.outcome_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(panel)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.outcome_table, 1)
        return panel

    def _build_progress(self) -> QWidget:
        panel = QGroupBox(self.tr("Progress of each judge"))
        panel.setObjectName("progressPanel")
        self.progress_proxy = QSortFilterProxyModel(self)
        self.progress_proxy.setSourceModel(self.progress)
        self.progress_proxy.setSortRole(SortRole)
        self.progress_table = QTableView()
        self.progress_table.setObjectName("progressTable")
        self.progress_table.setModel(self.progress_proxy)
        self.progress_table.setSortingEnabled(True)
        self.progress_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.progress_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.progress_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.progress_table.setAlternatingRowColors(True)
        self.progress_table.setShowGrid(False)
        self.progress_table.verticalHeader().setVisible(False)
        self.progress_table.verticalHeader().setDefaultSectionSize(26)
        header = self.progress_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.totals = QLabel()
        self.totals.setObjectName("progressTotals")
        layout = QVBoxLayout(panel)
        layout.addWidget(self.totals)
        layout.addWidget(self.progress_table, 1)
        return panel

    # -- showing -----------------------------------------------------------------------------------

    def show_snapshot(self, snap: DeskSnapshot) -> None:
        judges = snap.matrix.judges if snap.matrix else ()
        self.progress.set_judges(judges)
        assigned = sum(j.assigned for j in judges)
        submitted = sum(j.submitted for j in judges)
        self.totals.setText(
            self.tr(
                "{submitted} of {assigned} scores submitted ({scored} started) by {judges} judges."
            ).format(
                submitted=submitted,
                assigned=assigned,
                scored=sum(j.scored for j in judges),
                judges=len(judges),
            )
        )

    def _on_outcome(self, outcome: MergeOutcome) -> None:
        self.outcomes.add(outcome)
        self.outcome_table.scrollToBottom()
        if outcome.changed:
            self._reload.start()

    # -- merging -----------------------------------------------------------------------------------

    def _choose_bundle(self) -> None:
        path = self.desk.ctx.prompter.choose_file(
            self,
            self.tr("Choose a score bundle"),
            self.tr("Score bundles (*.leitai-scores)"),
            self.desk.ctx.settings.get(LAST_FOLDER),
        )
        if path is not None:
            self.merge([path])

    def choose_folder(self) -> None:
        """Ask for a folder of bundles and merge every one in it."""
        path = self.desk.ctx.prompter.choose_directory(
            self, self.tr("Choose a folder of score bundles"), self.desk.ctx.settings.get(LAST_FOLDER)
        )
        if path is not None:
            self.merge([path])

    def merge(self, items: list[Path]) -> None:
        """Merge bundle files and folders, one bundle at a time; each outcome is listed as it comes."""
        ws = self.desk.workspace
        if ws is None:
            return
        self.desk.ctx.settings.set(LAST_FOLDER, str(items[0].parent))
        services, emit = self.desk.services, self._bridge.arrived.emit

        def work(task: TaskContext) -> int:
            paths = services.bundle_paths(items)
            for i, path in enumerate(paths, start=1):
                task.check()  # a cancel stops before the next bundle; those merged stay merged
                emit(services.merge_bundle(ws, path))
                task.progress(i, len(paths))
            return len(paths)

        self.desk.run_write(
            work,
            lambda n: self.desk.message.emit(self.tr("{count} bundles looked at.").format(count=n)),
            title=self.tr("Merge score bundles"),
            label=self.tr("Merging score bundles…"),
        )

    def _toggle_watch(self) -> None:
        if self.watching:
            self.stop_watching()
            return
        path = self.desk.ctx.prompter.choose_directory(
            self, self.tr("Folder to watch for score bundles"), self.desk.ctx.settings.get(LAST_FOLDER)
        )
        if path is not None:
            self.watch(path)

    @property
    def watching(self) -> bool:
        return self._watch is not None and not self._watch.done

    def watch(self, folder: Path) -> None:
        """Merge every bundle that lands in ``folder`` until stopped (its own thread)."""
        ws = self.desk.workspace
        if ws is None or self.watching:
            return
        watch, emit, interval = self.desk.services.watch, self._bridge.arrived.emit, self.watch_interval
        self.watched = folder
        self._watch = run_task(
            lambda task: watch(ws, folder, emit, interval=interval, stop=lambda: task.cancelled),
            lambda _r: self._on_watch_ended(),
            self._on_watch_failed,
            on_cancelled=self._on_watch_ended,
            owner=self,
            pool=self._watch_pool,
        )
        self.watch_button.setText(self.tr("Stop watching"))
        self.watch_label.setText(
            self.tr("Watching {folder}: every bundle that lands there is merged.").format(folder=folder)
        )

    def stop_watching(self, wait_ms: int = 5000) -> None:
        """Stop the watcher and wait for its thread, and drop a reload still waiting (closing the window or
        the workspace: nothing reads the workspace after it)."""
        self._reload.stop()
        if self._watch is not None:
            self._watch.cancel()
        self._watch_pool.waitForDone(wait_ms)

    def _on_watch_ended(self) -> None:
        self.watched = None
        self.watch_button.setText(self.tr("Watch a folder…"))
        self.watch_label.setText(self.tr("Not watching a folder."))

    def _on_watch_failed(self, exc: BaseException) -> None:
        self._on_watch_ended()
        show_error(self, exc, self.tr("Watch a folder"))
