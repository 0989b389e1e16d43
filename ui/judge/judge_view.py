# SPDX-License-Identifier: Apache-2.0
"""The judge's workspace: the package's cases, the case PDF and video, the rubric, autosave, export.

Every change the judge makes is written to their home (``app.judge_home.JudgeHome``, SQLite in WAL with
synchronous=FULL) at once, on the one write thread of the app, in the order it was made; the panel says
"saved" only when the commit has returned. Reads (a case's saved scores) are quick and done in place.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.glossary.terms import round_name, score_state_name
from app.judge_home import CaseScores, ExportResult, HomeCase, HomeInfo, JudgeHome
from ui.context import AppContext
from ui.errors import show_error
from ui.judge.access_code_dialog import AccessCodeDialog
from ui.judge.case_list_model import (
    COL_HOSPITAL,
    COL_TITLE,
    CaseFilterProxy,
    CaseIdRole,
    CaseListModel,
)
from ui.judge.export_dialog import ExportDialog
from ui.judge.help_overlay import HelpOverlay
from ui.judge.recuse_dialog import RecuseDialog
from ui.judge.rubric_panel import RubricPanel
from ui.progress import run_with_progress
from ui.tasks import TaskContext, run_task
from ui.viewer.reader_widget import ReaderWidget
from ui.viewer.render_worker import PdfRenderer
from ui.viewer.video_player import VideoPlayerWidget

log = logging.getLogger(__name__)

#: File name suffix of judge packages.
PACKAGE_SUFFIX = ".leitai-pkg"
#: Where judge homes live inside the per-user data folder.
HOMES_DIR = "judge-homes"


def is_package(path: str | Path) -> bool:
    return str(path).lower().endswith(PACKAGE_SUFFIX)


class JudgeView(QWidget):
    """The judge's page of the main window (also usable on its own, e.g. by the crash harness)."""

    home_opened = Signal(object)  # HomeInfo
    home_closed = Signal()
    #: After a commit returned: case id, what changed ("score:<key>", "comment", "submit", ...), value.
    saved = Signal(int, str, object)
    save_failed = Signal(str)
    exported = Signal(object)  # ExportResult
    media_attached = Signal(int)  # files still missing
    case_shown = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("judgeView")
        self.ctx = ctx
        self.home: JudgeHome | None = None
        self.info: HomeInfo | None = None
        self.case_id: int | None = None
        self.export_dialog: ExportDialog | None = None
        self._pending = 0
        self._open_task: Any = None
        self.setAcceptDrops(True)

        self.renderer = PdfRenderer(self)
        self._build()
        self._build_actions()
        self.stack.setCurrentWidget(self.empty_page)
        self.refresh_homes()

    # ---- building ------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.stack = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        # Nothing open yet: one big way in, and drag-and-drop.
        self.empty_page = QWidget()
        empty = QVBoxLayout(self.empty_page)
        empty.addStretch(1)
        title = QLabel(self.tr("Judge workspace"))
        title.setStyleSheet("font-size: 24px; font-weight: 600;")
        hint = QLabel(
            self.tr("Open the judge package (.leitai-pkg) the organizer sent you, or drop it here.")
        )
        hint.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open judge package…"))
        self.open_button.setObjectName("openPackageButton")
        self.open_button.setProperty("primary", True)
        self.open_button.setMinimumHeight(44)
        self.open_button.clicked.connect(self.open_package_dialog)
        for widget in (title, hint, self.open_button):
            empty.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        empty.addSpacing(24)
        self.homes_label = QLabel(self.tr("Continue where you left off"))
        self.homes_label.setObjectName("sectionHeading")
        self.homes_list = QListWidget()
        self.homes_list.setObjectName("judgeHomes")
        self.homes_list.setMaximumWidth(640)
        self.homes_list.setMaximumHeight(180)
        self.homes_list.itemActivated.connect(self._on_home_chosen)
        self.homes_list.itemClicked.connect(self._on_home_chosen)
        empty.addWidget(self.homes_label, 0, Qt.AlignmentFlag.AlignHCenter)
        empty.addWidget(self.homes_list, 0, Qt.AlignmentFlag.AlignHCenter)
        empty.addStretch(2)
        self.stack.addWidget(self.empty_page)

        # The workspace.
        self.work_page = QWidget()
        work = QVBoxLayout(self.work_page)
        work.setContentsMargins(8, 6, 8, 4)
        work.setSpacing(6)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title_label = QLabel()
        self.title_label.setObjectName("judgeTitle")
        self.title_label.setStyleSheet("#judgeTitle { font-size: 17px; font-weight: 600; }")
        self.judge_label = QLabel()
        self.judge_label.setStyleSheet("color: #5f6368;")
        titles.addWidget(self.title_label)
        titles.addWidget(self.judge_label)
        header.addLayout(titles, 1)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("judgeProgress")
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(8)
        progress_box = QVBoxLayout()
        progress_box.setSpacing(2)
        progress_box.addWidget(self.progress_label)
        progress_box.addWidget(self.progress_bar)
        header.addLayout(progress_box)
        header.addSpacing(16)
        self.export_button = QPushButton(self.tr("Export score bundle…"))
        self.export_button.setObjectName("exportBundle")
        self.export_button.setProperty("primary", True)
        self.export_button.setMinimumHeight(38)
        self.export_button.setToolTip(
            self.tr("Write your signed scores to a file for the organizer (Ctrl+E)")
        )
        self.export_button.clicked.connect(lambda: self.export())
        header.addWidget(self.export_button)
        work.addLayout(header)

        # Case list with its filters.
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("stateFilter")
        for text, states in (
            (self.tr("All cases"), set()),
            (self.tr("To do"), {"not_started", "draft"}),
            *((score_state_name(s), {s}) for s in ("not_started", "draft", "submitted", "recused")),
        ):
            self.state_filter.addItem(text, states)
        self.state_filter.currentIndexChanged.connect(
            lambda i: self.proxy.set_states(self.state_filter.itemData(i) or set())
        )
        self.search = QLineEdit()
        self.search.setObjectName("caseSearch")
        self.search.setPlaceholderText(self.tr("Filter cases"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.proxy.set_text(text))
        filters.addWidget(self.state_filter)
        filters.addWidget(self.search, 1)
        left_box.addLayout(filters)
        self.model = CaseListModel(self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("judgeCases")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(COL_HOSPITAL, QHeaderView.ResizeMode.Interactive)
        head.resizeSection(COL_HOSPITAL, 150)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        head.setStretchLastSection(False)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        left_box.addWidget(self.table, 1)

        # Case material in the middle.
        self.reader = ReaderWidget(self.renderer)
        self.video = VideoPlayerWidget()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseMaterial")
        self.tabs.addTab(self.reader, self.tr("Slides (PDF)"))
        self.tabs.addTab(self.video, self.tr("Video"))
        self.tabs.currentChanged.connect(self._on_tab_changed)

        self.rubric = RubricPanel()
        self.rubric.score_edited.connect(self._on_score_edited)
        self.rubric.comment_edited.connect(self._on_comment_edited)
        self.rubric.submit_requested.connect(self.submit_case)
        self.rubric.reopen_requested.connect(self.reopen_case)
        self.rubric.recuse_requested.connect(self.recuse_case)

        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.rubric)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([560, 940, 420])
        self.splitter.setChildrenCollapsible(False)
        work.addWidget(self.splitter, 1)
        self.stack.addWidget(self.work_page)

        self.help_overlay = HelpOverlay(self)

    def _build_actions(self) -> None:
        self.actions_by_name: dict[str, QAction] = {}

        def make(
            name: str, text: str, slot: Callable[[], Any], keys: str | QKeySequence | None = None
        ) -> QAction:
            action = QAction(text, self)
            action.setObjectName(f"judge_{name}")
            if keys is not None:
                action.setShortcut(QKeySequence(keys))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_name[name] = action
            return action

        make("open", self.tr("Open judge package…"), self.open_package_dialog)
        make("media", self.tr("Attach media folder…"), self.attach_media_dialog)
        make("export", self.tr("Export score bundle…"), lambda: self.export(), "Ctrl+E")
        make("next_unscored", self.tr("Next case to score"), self.next_unscored, "Ctrl+J")
        make("next_case", self.tr("Next case"), lambda: self.move_case(1), "Alt+Down")
        make("previous_case", self.tr("Previous case"), lambda: self.move_case(-1), "Alt+Up")
        make("scores", self.tr("Go to the scores"), self.focus_scores, "F2")
        make("next_page", self.tr("Next PDF page"), self.reader.view.next_page, "Ctrl+PgDown")
        make("previous_page", self.tr("Previous PDF page"), self.reader.view.previous_page, "Ctrl+PgUp")
        make("submit", self.tr("Submit / reopen this case"), self._toggle_submit, "Ctrl+Return")
        make("recuse", self.tr("Recuse from this case…"), self.recuse_case, "Ctrl+R")
        make("slides", self.tr("Show the slides"), lambda: self.tabs.setCurrentWidget(self.reader), "Alt+1")
        make("video", self.tr("Show the video"), lambda: self.tabs.setCurrentWidget(self.video), "Alt+2")
        make("help", self.tr("Keyboard shortcuts"), self.toggle_help, "F1")
        make("live", self.tr("Live mode…"), self.open_live_mode)  # ui/judge/live_mode.py (issue 12)
        self.judge_menu = QMenu(self.tr("&Judge"), self)
        self.judge_menu.setObjectName("judgeMenu")
        for name in (
            "open",
            "media",
            "export",
            "live",
            None,
            "next_unscored",
            "next_case",
            "previous_case",
            "scores",
            None,
            "submit",
            "recuse",
            None,
            "slides",
            "video",
            "help",
        ):
            if name is None:
                self.judge_menu.addSeparator()
            else:
                self.judge_menu.addAction(self.actions_by_name[name])
        self._set_actions_enabled(False)

    def open_live_mode(self) -> None:
        """One case at a time, big inputs, submit sends to the organizer's live receiver."""
        if self.home is not None:
            from ui.judge.live_mode import LiveModeDialog  # lazy: only live events need it

            self.live_mode = LiveModeDialog(self.home, parent=self)
            self.live_mode.open()

    def menus(self) -> list[QMenu]:
        """Menus the main window shows while this page is current."""
        return [self.judge_menu]

    def _set_actions_enabled(self, enabled: bool) -> None:
        for name, action in self.actions_by_name.items():
            if name not in ("open", "help"):  # "media" needs an open home
                action.setEnabled(enabled)

    def shortcut_sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        fmt = QKeySequence.SequenceFormat.NativeText
        judge_rows = [
            (a.shortcut().toString(fmt), a.text().rstrip("…"))
            for a in self.actions_by_name.values()
            if not a.shortcut().isEmpty()
        ]
        judge_rows += [
            (self.tr("Tab / Shift+Tab"), self.tr("Next / previous score")),
            (self.tr("↑ / ↓ in a score"), self.tr("One step up / down")),
            (self.tr("↑ / ↓ in the list"), self.tr("Choose a case")),
        ]
        return [
            (self.tr("Judging"), judge_rows),
            (self.tr("Slides"), self.reader.shortcuts()),
            (self.tr("Video (while it has the focus)"), self.video.shortcuts()),
        ]

    # ---- opening -------------------------------------------------------------------------------------
    def open_package_dialog(self) -> None:
        path = self.ctx.prompter.choose_file(
            self, self.tr("Open judge package"), self.tr("Judge packages (*.leitai-pkg);;All files (*)")
        )
        if path is not None:
            self.open_package(path)

    def home_dir_for(self, package: Path) -> Path:
        """The judge's home for a package: one folder per package name in the per-user data folder."""
        return self.ctx.paths.data_dir / HOMES_DIR / Path(package).name.removesuffix(PACKAGE_SUFFIX)

    def open_package(self, package: Path, access_code: str | None = None) -> None:
        """Verify and open a package (asks for the access code), with progress and cancel."""
        package = Path(package)
        code = access_code or AccessCodeDialog.ask(package.name, self)
        if not code:
            return
        home_dir = self.home_dir_for(package)

        def work(task: TaskContext) -> JudgeHome:
            return JudgeHome.open_package(
                package,
                home_dir,
                code,
                media_dir=package.parent / "media" if (package.parent / "media").is_dir() else None,
                progress=task.progress,
                cancel=lambda: task.cancelled,
            )

        def failed(exc: BaseException) -> None:
            show_error(self, exc, self.tr("Could not open the judge package"))

        self._open_task = run_with_progress(
            self,
            work,
            self.set_home,
            failed,
            label=self.tr("Checking the package…"),
            title=self.tr("Open judge package"),
            cancel_text=self.tr("Cancel"),
            pool=self.ctx.write_pool,
            object_name="packageProgress",
        )

    def open_home(self, home_dir: Path) -> None:
        """Reopen a judge's home (after a restart or a crash): everything saved is there."""
        try:
            home = JudgeHome.open(Path(home_dir))
        except DomainError as exc:
            show_error(self, exc, self.tr("Could not open the judge's folder"))
            return
        self.set_home(home)

    def homes(self) -> list[Path]:
        """Judge homes already made on this computer (each holds a package's work), newest first."""
        root = self.ctx.paths.data_dir / HOMES_DIR
        found = [p for p in root.iterdir() if (p / "judge.db").is_file()] if root.is_dir() else []
        return sorted(found, key=lambda p: (p / "judge.db").stat().st_mtime, reverse=True)

    def refresh_homes(self) -> None:
        """List the homes to continue in (no access code needed: the work is already on this computer)."""
        self.homes_list.clear()
        for path in self.homes():
            item = QListWidgetItem(path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.homes_list.addItem(item)
        shown = self.homes_list.count() > 0
        self.homes_label.setVisible(shown)
        self.homes_list.setVisible(shown)

    def _on_home_chosen(self, item: QListWidgetItem) -> None:
        self.open_home(Path(str(item.data(Qt.ItemDataRole.UserRole))))

    def attach_media_dialog(self) -> None:
        """Point the home at a drive holding the package's large media (checked by hash), with progress."""
        home = self.home
        if home is None:
            return
        folder = self.ctx.prompter.choose_directory(self, self.tr("Folder or drive holding the case videos"))
        if folder is None:
            return

        def done(missing: int) -> None:
            if self.case_id is not None:
                self.show_case(self.case_id)
            self.media_attached.emit(missing)

        def failed(exc: BaseException) -> None:
            show_error(self, exc, self.tr("Could not use that folder"))

        run_with_progress(
            self,
            lambda t: home.attach_media(folder, progress=t.progress, cancel=lambda: t.cancelled),
            done,
            failed,
            label=self.tr("Checking the media files…"),
            title=self.tr("Attach media folder"),
            cancel_text=self.tr("Cancel"),
            pool=self.ctx.write_pool,
        )

    def set_home(self, home: JudgeHome) -> None:
        """Show an open home: header, case list, rubric; selects the first case still to score."""
        self.close_home()
        self.home = home
        self.info = home.info()
        info = self.info
        self.title_label.setText(f"{info.competition} · {round_name(info.round_key, info.season)}")
        self.judge_label.setText(
            self.tr("Judge {name} ({code}) · {n} cases{blind}").format(
                name=info.judge,
                code=info.judge_code,
                n=info.cases,
                blind=self.tr(" · blind review") if info.blind else "",
            )
        )
        self.rubric.set_criteria(info.criteria)
        self.model.set_rows(home.cases(), info.blind)
        self.table.setColumnHidden(COL_HOSPITAL, info.blind)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self._update_progress()
        self._set_actions_enabled(True)
        self.stack.setCurrentWidget(self.work_page)
        self.home_opened.emit(info)
        self.next_unscored(wrap_to_first=True)

    def close_home(self) -> None:
        """Save what is being typed, wait for the writes, close media and the home."""
        if self.home is None:
            return
        self.rubric.flush_comment()
        self.ctx.write_pool.waitForDone()  # every change made is committed before the home closes
        home, self.home = self.home, None
        self.reader.close_document()
        self.video.close_video()
        home.close()
        self.info = None
        self.case_id = None
        self.model.set_rows([], False)
        self.rubric.show_case("", None)
        self._set_actions_enabled(False)
        self.stack.setCurrentWidget(self.empty_page)
        self.refresh_homes()
        self.home_closed.emit()

    def shutdown(self) -> None:
        """For the window's close: close the home and stop the render thread."""
        self.close_home()
        self.video.shutdown()
        self.reader.close_document()
        if self.renderer.running:
            self.renderer.stop()

    # ---- drag and drop -------------------------------------------------------------------------------
    def install_drop_target(self, widget: QWidget) -> None:
        """Let ``widget`` (e.g. the start page) take a dropped package and open it here."""
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DragEnter and isinstance(event, QDragEnterEvent):
            if self._dropped_package(event) is not None:
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            path = self._dropped_package(event)
            if path is not None:
                event.acceptProposedAction()
                self.package_dropped(path)
                return True
        return super().eventFilter(watched, event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_package(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_package(event)
        if path is not None:
            event.acceptProposedAction()
            self.package_dropped(path)

    #: Called with a dropped package; the main window may replace it to switch pages first.
    def package_dropped(self, path: Path) -> None:
        self.open_package(path)

    @staticmethod
    def _dropped_package(event: QDropEvent | QDragEnterEvent) -> Path | None:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and is_package(url.toLocalFile()):
                return Path(url.toLocalFile())
        return None

    # ---- cases ---------------------------------------------------------------------------------------
    def _on_current_row_changed(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        case_id = current.data(CaseIdRole)
        if case_id != self.case_id:
            self.show_case(int(case_id))

    def select_case(self, case_id: int) -> None:
        """Make ``case_id`` current in the list (clearing a filter that hides it) and show it."""
        row = self.model.row_of(case_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.state_filter.setCurrentIndex(0)
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)

    def show_case(self, case_id: int) -> None:
        """Load a case: its saved scores into the rubric, its PDF into the reader, its video."""
        if self.home is None:
            return
        self.rubric.flush_comment()
        if self._pending:  # read what is on disk only after the writes already made have landed (ms)
            self.ctx.write_pool.waitForDone(5000)
        self.case_id = case_id
        row = self.model.case(self.model.row_of(case_id))
        scores = self.home.scores(case_id)
        self.rubric.show_case(f"{row.code} · {row.title}", scores)
        files = self.home.case_files(case_id)
        if files.pdf is not None:
            self.reader.open_pdf(files.pdf)
        else:
            self.reader.close_document()
            self.reader.show_message(
                self.tr("The slides of this case are not available (is the media drive attached?).")
                if "pdf" in files.missing
                else self.tr("This case has no slides.")
            )
        self.video.open_video(files.video)
        if files.video is None and "video" in files.missing:
            self.video.show_message(
                self.tr("The video of this case is not available (is the media drive attached?).")
            )
        self.tabs.setTabText(
            1, self.tr("Video") if files.video or "video" in files.missing else self.tr("Video (none)")
        )
        self.case_shown.emit(case_id)

    def _visible_case_ids(self) -> list[int]:
        return [int(self.proxy.index(r, 0).data(CaseIdRole)) for r in range(self.proxy.rowCount())]

    def move_case(self, delta: int) -> None:
        ids = self._visible_case_ids()
        if not ids:
            return
        i = ids.index(self.case_id) if self.case_id in ids else -1
        self.select_case(ids[max(0, min(len(ids) - 1, i + delta))])

    def next_unscored(self, wrap_to_first: bool = False) -> None:
        """Jump to the next case (in list order, after the current one) not yet submitted or recused."""
        order = self._visible_case_ids() or [r.id for r in self.model.rows()]
        todo = {r.id for r in self.model.rows() if r.state in ("not_started", "draft")}
        start = order.index(self.case_id) + 1 if self.case_id in order else 0
        for case_id in order[start:] + order[:start]:
            if case_id in todo:
                self.select_case(case_id)
                return
        if wrap_to_first and order:
            self.select_case(order[0])

    def focus_scores(self) -> None:
        """Put the cursor in the first criterion without a score (or the first one)."""
        values = self.rubric.values()
        key = next((k for k, v in values.items() if v is None), next(iter(values), None))
        if key is not None:
            spin = self.rubric.spins[key]
            spin.setFocus()
            spin.selectAll()

    def _on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is not self.video and self.video.state == "playing":
            self.video.pause()

    # ---- writing -------------------------------------------------------------------------------------
    @property
    def saving(self) -> bool:
        """Writes are queued or running (the panel says "saving…")."""
        return self._pending > 0

    def _write(self, case_id: int, what: str, value: object, fn: Callable[[JudgeHome], CaseScores]) -> None:
        """Run one change on the write thread; "saved" only once its commit has returned."""
        home = self.home
        if home is None:
            return
        self._pending += 1
        self.rubric.show_saving()

        def work(_task: TaskContext) -> tuple[CaseScores, list[HomeCase]]:
            return fn(home), home.cases()

        def done(result: tuple[CaseScores, list[HomeCase]]) -> None:
            self._pending -= 1
            scores, rows = result
            if home is not self.home:
                return
            for row in rows:
                if row.id == case_id:
                    self.model.update_row(row)
            self._update_progress_from(rows)
            if case_id == self.case_id and what in ("submit", "reopen", "recuse"):
                self.rubric.set_enabled_for(scores)
            if self._pending == 0:
                self.rubric.show_saved()
            self.saved.emit(case_id, what, value)

        def failed(exc: BaseException) -> None:
            self._pending -= 1
            self.rubric.show_save_failed(str(exc))
            self.save_failed.emit(str(exc))
            if home is self.home and case_id == self.case_id:  # show what really is on disk
                self.rubric.show_case(self.rubric.case_label.text(), home.scores(case_id))
            show_error(self, exc, self.tr("Not saved"))

        run_task(work, done, failed, owner=self, pool=self.ctx.write_pool)

    def _on_score_edited(self, key: str, value: float | None) -> None:
        if self.case_id is not None:
            self._write(
                self.case_id, f"score:{key}", value, lambda h, c=self.case_id: h.set_score(c, key, value)
            )

    def _on_comment_edited(self, text: str) -> None:
        if self.case_id is not None:
            self._write(self.case_id, "comment", text, lambda h, c=self.case_id: h.set_comment(c, text))

    def submit_case(self) -> None:
        if self.case_id is not None:
            self.rubric.flush_comment()
            self._write(self.case_id, "submit", None, lambda h, c=self.case_id: h.submit(c))

    def reopen_case(self) -> None:
        if self.case_id is not None:
            self._write(self.case_id, "reopen", None, lambda h, c=self.case_id: h.reopen(c))

    def _toggle_submit(self) -> None:
        if self.rubric.locked:
            self.reopen_case()
        else:
            self.submit_case()

    def recuse_case(self) -> None:
        if self.case_id is None or self.home is None:
            return
        row = self.model.case(self.model.row_of(self.case_id))
        reason = RecuseDialog.ask(row.title, self)
        if reason:
            self.rubric.flush_comment()
            self._write(self.case_id, "recuse", reason, lambda h, c=self.case_id: h.recuse(c, reason))

    # ---- progress and export -------------------------------------------------------------------------
    def _update_progress(self) -> None:
        self._update_progress_from(self.model.rows())

    def _update_progress_from(self, rows: list[HomeCase]) -> None:
        counts = Counter(r.state for r in rows)
        total = len(rows)
        self.progress_label.setText(
            self.tr("Submitted {s} · draft {d} · not started {n} · recused {r}").format(
                s=counts["submitted"], d=counts["draft"], n=counts["not_started"], r=counts["recused"]
            )
        )
        self.progress_bar.setMaximum(max(total, 1))
        self.progress_bar.setValue(counts["submitted"] + counts["recused"])

    def counts(self) -> Counter[str]:
        return Counter(r.state for r in self.model.rows())

    def export(self, out_dir: Path | None = None) -> None:
        """Write the signed score bundle (asks where, unless given); the dialog says where and what."""
        if self.home is None:
            return
        if out_dir is None:
            start = (
                str(self.info.last_export.parent) if self.info and self.info.last_export else str(Path.home())
            )
            out_dir = self.ctx.prompter.choose_directory(
                self, self.tr("Where should the score bundle go?"), start
            )
            if out_dir is None:
                return
        self.rubric.flush_comment()
        home = self.home
        total = len(self.model.rows())
        target = Path(out_dir)

        def done(result: ExportResult) -> None:
            self.export_dialog = ExportDialog(result, total, self)
            self.export_dialog.open()
            self.exported.emit(result)

        def failed(exc: BaseException) -> None:
            show_error(self, exc, self.tr("Could not export the score bundle"))

        run_task(lambda _t: home.export_bundle(target), done, failed, owner=self, pool=self.ctx.write_pool)

    # ---- help ----------------------------------------------------------------------------------------
    def toggle_help(self) -> None:
        self.help_overlay.set_sections(self.shortcut_sections())
        self.help_overlay.toggle()
