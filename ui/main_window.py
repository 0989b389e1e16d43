# SPDX-License-Identifier: Apache-2.0
"""The main window: menus, status bar and a stack of pages (start, organizer, judge).

Extension points:
- Pages: ``add_page(key, widget, menus=[...])`` registers a page and the menus shown while it is
  current; ``add_page_factory(key, build)`` registers one that is built the first time it is needed
  (``page(key)``, ``show_page(key)``); ``show_page(key)`` switches. The judge workspace (issue 5,
  ``ui.judge.JudgeView``) is the ``PAGE_JUDGE`` page, reached through :meth:`open_judge_package` or by
  dropping a package on the start page.
- Menu actions: ``file_menu``, ``view_menu``, ``help_menu`` and ``named_actions[name]``; the organizer's own
  actions go to ``organizer.case_menu`` / ``organizer.toolbar`` (shown while the organizer is current).
- ``workspace_opened(Workspace)`` / ``workspace_closed()`` for anything that follows the workspace.

Start-up speed (issue 8, item 12): only the start page is built before the first paint. The organizer
and judge pages, and the modules behind them (SQLAlchemy, the PDF viewer, the video player), are
imported and built the first time they are shown; ``bench/startup.py`` measures it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QStackedWidget, QWidget

from app.bundles import PACKAGE_SUFFIX
from app.errors import DomainError
from ui import tasks
from ui.about_dialog import show_about
from ui.context import AppContext
from ui.errors import show_error
from ui.i18n import LANGUAGES
from ui.results.hook import ACTION_RESULTS, install_results
from ui.settings import LAST_FOLDER, WINDOW_GEOMETRY, WINDOW_STATE
from ui.start_page import StartPage
from ui.tasks import Task, run_task
from ui.workspace_maker import WorkspaceMaker

if TYPE_CHECKING:
    from app.catalog import WorkspaceSummary
    from app.workspace import Workspace
    from ui.desk.desk_view import DeskView
    from ui.judge.judge_view import JudgeView
    from ui.organizer.organizer_view import OrganizerView
    from ui.organizer.screening_controller import ScreeningController

#: Builds a page the first time it is needed: returns the widget and the menus shown with it.
PageFactory = Callable[[], tuple[QWidget, list[QMenu]]]

PAGE_START = "start"
PAGE_ORGANIZER = "organizer"
PAGE_JUDGE = "judge"
PAGE_DESK = "desk"

#: Milliseconds to wait for background work to stop when the window closes.
SHUTDOWN_WAIT_MS = 5000


class MainWindow(QMainWindow):
    """Leitai's one main window; built from an ``AppContext`` and nothing else."""

    #: The user picked another interface language (code); ``ui.main.Shell`` rebuilds the window.
    language_change_requested = Signal(str)
    workspace_opened = Signal(object)
    workspace_closed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workspace: Workspace | None = None
        self._open_task: Task[Workspace] | None = None
        self._pages: dict[str, QWidget] = {}
        self._page_factories: dict[str, PageFactory] = {}
        self._page_menus: dict[str, list[QMenu]] = {}
        self._screening: ScreeningController | None = None
        self._shown_menus: list[QMenu] = []
        self.named_actions: dict[str, QAction] = {}
        self.setObjectName("mainWindow")
        self.setMinimumSize(1024, 680)
        self.resize(1440, 900)

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self._build_menus()
        self._build_status_bar()
        self._build_pages()
        self.maker = WorkspaceMaker(ctx, self)
        self.maker.made.connect(self._on_workspace_ready)
        self.restoreGeometry(ctx.settings.get(WINDOW_GEOMETRY))
        self.restoreState(ctx.settings.get(WINDOW_STATE))
        self._update_title()
        self._refresh_recent()
        self.show_page(PAGE_START)

    # -- building ----------------------------------------------------------------------------------

    def _action(self, name: str, text: str, slot: object, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self.named_actions[name] = action
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addAction(
            self._action(
                "open_workspace", self.tr("&Open workspace…"), self.choose_workspace, QKeySequence("Ctrl+O")
            )
        )
        self.file_menu.addAction(
            self._action("new_workspace", self.tr("New &workspace…"), self.create_workspace)
        )
        self.file_menu.addAction(self._action("create_demo", self.tr("&New demo…"), self.create_demo))
        self.file_menu.addAction(
            self._action("open_package", self.tr("Open &judge package…"), self.open_judge_package)
        )
        self.file_menu.addAction(
            self._action("live_session", self.tr("&Live session…"), self.open_live_session)
        )
        self.recent_menu = self.file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.setObjectName("recentMenu")
        self.file_menu.addSeparator()
        self.file_menu.addAction(
            self._action("close_workspace", self.tr("&Close"), self.close_workspace, QKeySequence("Ctrl+W"))
        )
        self.file_menu.addAction(self._action("quit", self.tr("&Quit"), self.close, QKeySequence("Ctrl+Q")))

        self.view_menu = bar.addMenu(self.tr("&View"))
        language_menu = self.view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        group.setExclusive(True)
        for code, name in LANGUAGES.items():
            action = QAction(name, self)  # each language named in itself, never translated
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == self.ctx.language)
            action.setData(code)
            group.addAction(action)
            language_menu.addAction(action)
            self.named_actions[f"language_{code}"] = action
        group.triggered.connect(self._on_language_chosen)

        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self._action("guide", self.tr("&Getting started"), self.show_guide))
        self.help_menu.addAction(self._action("about", self.tr("&About Leitai"), self.show_about))

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.competition_label = QLabel()
        self.competition_label.setObjectName("statusCompetition")
        self.cases_label = QLabel()
        self.cases_label.setObjectName("statusCases")
        self.judges_label = QLabel()
        self.judges_label.setObjectName("statusJudges")
        for label in (self.competition_label, self.cases_label, self.judges_label):
            status.addPermanentWidget(label)

    def _build_pages(self) -> None:
        self.start_page = StartPage(package_suffix=PACKAGE_SUFFIX, settings=self.ctx.settings)
        self.start_page.open_workspace_requested.connect(self.choose_workspace)
        self.start_page.open_package_requested.connect(self.open_judge_package)
        self.start_page.create_demo_requested.connect(self.create_demo)
        self.start_page.new_workspace_requested.connect(self.create_workspace)
        self.start_page.recent_workspace_chosen.connect(lambda path: self.open_workspace(Path(path)))
        self.start_page.recent_workspace_removed.connect(self._forget_recent)
        self.start_page.package_dropped.connect(self.open_dropped_package)
        self.add_page(PAGE_START, self.start_page)
        self.add_page_factory(PAGE_ORGANIZER, self._build_organizer)
        self.add_page_factory(PAGE_JUDGE, self._build_judge)
        self.add_page_factory(PAGE_DESK, self._build_desk)
        install_results(self)  # the results page (issue 11), reached from the organizer's toolbar

    def _build_organizer(self) -> tuple[QWidget, list[QMenu]]:
        # Imported here, not at the top: the organizer pulls in SQLAlchemy and the intake services,
        # which the start page does not need (start-up speed, issue 8 item 12).
        from ui.organizer.organizer_view import OrganizerView
        from ui.organizer.screening_controller import ScreeningController

        organizer = OrganizerView(self.ctx)
        organizer.counts_changed.connect(self._on_counts_changed)
        organizer.summary_loaded.connect(self._on_summary_loaded)
        # Intake and screening (issue 3) plug into the organizer view's toolbar, columns and details.
        self._screening = ScreeningController(self.ctx, organizer)
        self._screening.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        # The judging desk (issue 10) is a page of its own, reached from the organizer's toolbar.
        desk_action = self._action(
            "judging_desk", self.tr("Judging desk"), self.show_desk, QKeySequence("Ctrl+J")
        )
        desk_action.setStatusTip(self.tr("Rounds, judges, assignment, packages and score bundles"))
        organizer.add_actions([desk_action, self.named_actions[ACTION_RESULTS]])
        return organizer, organizer.menus()

    def _build_desk(self) -> tuple[QWidget, list[QMenu]]:
        # Imported on first use (start-up speed): the desk loads the assignment solver and the bundles.
        from ui.desk.desk_view import DeskView

        desk = DeskView(self.ctx)
        desk.back_requested.connect(lambda: self.show_page(PAGE_ORGANIZER))
        desk.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        desk.set_workspace(self.workspace)
        return desk, desk.menus()

    @property
    def desk(self) -> DeskView:
        """The judging desk's page (built on first use)."""
        page: DeskView = self.page(PAGE_DESK)  # type: ignore[assignment]
        return page

    def show_desk(self) -> None:
        """Show the judging desk of the open workspace."""
        if self.workspace is not None:
            self.show_page(PAGE_DESK)

    def _build_judge(self) -> tuple[QWidget, list[QMenu]]:
        # Imported on first use for start-up speed: the judge's page loads the PDF viewer and the
        # video player (PyMuPDF, libvlc or QtMultimedia).
        from ui.judge.judge_view import JudgeView

        judge = JudgeView(self.ctx)
        judge.home_opened.connect(lambda _info: self.show_page(PAGE_JUDGE))
        judge.back_requested.connect(lambda: self.show_page(PAGE_START))
        return judge, judge.menus()

    @property
    def organizer(self) -> OrganizerView:
        """The organizer's page (built on first use)."""
        page: OrganizerView = self.page(PAGE_ORGANIZER)  # type: ignore[assignment]
        return page

    @property
    def screening(self) -> ScreeningController:
        """Intake and screening on the organizer's page (built with it)."""
        self.page(PAGE_ORGANIZER)
        assert self._screening is not None
        return self._screening

    @property
    def judge(self) -> JudgeView:
        """The judge's page (built on first use)."""
        page: JudgeView = self.page(PAGE_JUDGE)  # type: ignore[assignment]
        return page

    def page_built(self, key: str) -> bool:
        """Whether ``key``'s page exists yet (a lazy page is built on first use)."""
        return key in self._pages

    # -- pages -------------------------------------------------------------------------------------

    def add_page(self, key: str, widget: QWidget, menus: list[QMenu] | None = None) -> None:
        """Register (or replace) a page and the menus shown in the menu bar while it is current."""
        old = self._pages.get(key)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self._pages[key] = widget
        self._page_menus[key] = list(menus or [])
        self.stack.addWidget(widget)

    def add_page_factory(self, key: str, build: PageFactory) -> None:
        """Register a page built by ``build()`` the first time it is needed (then as ``add_page``)."""
        self._page_factories[key] = build

    def page(self, key: str) -> QWidget:
        """The page ``key``, built now if it was registered with a factory and not built yet."""
        if key not in self._pages:
            widget, menus = self._page_factories.pop(key)()
            self.add_page(key, widget, menus)
        return self._pages[key]

    def current_page(self) -> str:
        current = self.stack.currentWidget()
        return next((k for k, w in self._pages.items() if w is current), "")

    def show_page(self, key: str) -> None:
        """Make ``key`` the current page and put its menus between File and View."""
        self.stack.setCurrentWidget(self.page(key))
        bar = self.menuBar()
        for menu in self._shown_menus:
            bar.removeAction(menu.menuAction())
        self._shown_menus = self._page_menus.get(key, [])
        for menu in self._shown_menus:
            bar.insertMenu(self.view_menu.menuAction(), menu)
        self.named_actions["close_workspace"].setEnabled(self.workspace is not None)

    # -- workspace ---------------------------------------------------------------------------------

    def workspace_path(self) -> Path | None:
        return self.workspace.root if self.workspace is not None else None

    def choose_workspace(self) -> None:
        """Ask for a workspace folder and open it."""
        start = self.ctx.settings.get(LAST_FOLDER)
        path = self.ctx.prompter.choose_directory(self, self.tr("Open a workspace folder"), start)
        if path is not None:
            self.ctx.settings.set(LAST_FOLDER, str(path.parent))
            self.open_workspace(path)

    def open_workspace(self, path: Path) -> None:
        """Open the workspace in ``path`` off the GUI thread (it may migrate its database first)."""
        if self._busy():
            return
        self.statusBar().showMessage(self.tr("Opening {path}…").format(path=path))
        opener = self.ctx.services.open_workspace
        self._open_task = run_task(
            lambda _task: opener(path),
            self._on_workspace_ready,
            lambda exc: self._on_open_failed(path, exc),
            owner=self,
        )

    def _on_workspace_ready(self, ws: Workspace) -> None:
        self.statusBar().clearMessage()
        self.close_workspace()
        self.workspace = ws
        self.ctx.settings.add_recent_workspace(ws.root)
        self._refresh_recent()
        self.organizer.set_workspace(ws)
        if self.page_built(PAGE_DESK):
            self.desk.set_workspace(ws)
        self.show_page(PAGE_ORGANIZER)
        self._update_title()
        self.workspace_opened.emit(ws)

    def _on_open_failed(self, path: Path, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        if isinstance(exc, DomainError) and exc.code == "not_a_workspace":
            self._forget_recent(str(path))
        show_error(self, exc, self.tr("Could not open the workspace"))

    def close_workspace(self) -> None:
        """Close the open workspace (if any) and go back to the start page."""
        if self.workspace is None:
            return
        ws = self.workspace
        self.workspace = None
        if self.page_built(PAGE_ORGANIZER):
            self.organizer.save_state()
            self.organizer.set_workspace(None)
        if self.page_built(PAGE_DESK):
            self.desk.set_workspace(None)
        ws.close()
        self._clear_status()
        self._update_title()
        self.show_page(PAGE_START)
        self.workspace_closed.emit()

    # -- new workspace and demo -------------------------------------------------------------------

    def create_workspace(self) -> None:
        """Ask for season, name, folder and passphrase; create the workspace and open it."""
        if not self._busy():
            self.maker.create_workspace()

    def create_demo(self) -> None:
        """Ask for a folder and generate a demo competition in it, with progress and cancel; open it."""
        if not self._busy():
            self.maker.create_demo()

    def _busy(self) -> bool:
        """A workspace is being opened or made: another request waits for the user to try again."""
        return (self._open_task is not None and not self._open_task.done) or self.maker.busy

    # -- judge, about, language ---------------------------------------------------------------------

    def open_judge_package(self) -> None:
        """Show the judge's workspace and ask for a package to open there."""
        self.show_page(PAGE_JUDGE)
        self.judge.open_package_dialog()

    def open_live_session(self) -> None:
        """Set up or resume a live session of the open workspace and open its console (ui/projector)."""
        if self.workspace is None:
            self.statusBar().showMessage(self.tr("Open a workspace first."), 5000)
            return
        from ui.projector.launch import start_live_session  # lazy: the projector loads on first use

        # a console works on this window's workspace: it closes when the workspace does
        self.live_dialog = start_live_session(
            self.workspace, self, lambda console: self.workspace_closed.connect(console.close)
        )

    def open_dropped_package(self, path: str) -> None:
        """A package was dropped on the start page: open it on the judge's page."""
        self.show_page(PAGE_JUDGE)
        self.judge.open_package(Path(path))

    def show_guide(self) -> None:
        """Help ▸ Getting started: the start page's first-run guide again (an open workspace stays open)."""
        self.start_page.show_guide()
        if self.workspace is None:
            self.show_page(PAGE_START)
        else:
            self.statusBar().showMessage(self.tr("The guide is on the start page: close the workspace."))

    def show_about(self) -> None:
        self.about_box = show_about(self, self.ctx.paths.data_dir, self.ctx.language)

    def _on_language_chosen(self, action: QAction) -> None:
        code = action.data()
        if code and code != self.ctx.language:
            self.language_change_requested.emit(code)

    # -- recent workspaces -------------------------------------------------------------------------

    def _refresh_recent(self) -> None:
        paths = self.ctx.settings.recent_workspaces()
        self.start_page.set_recent(paths)
        self.recent_menu.clear()
        for path in paths:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_workspace(Path(p)))
        if paths:
            self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(self.tr("Clear list"))
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self._clear_recent)

    def _forget_recent(self, path: str) -> None:
        self.ctx.settings.remove_recent_workspace(path)
        self._refresh_recent()

    def _clear_recent(self) -> None:
        for path in self.ctx.settings.recent_workspaces():
            self.ctx.settings.remove_recent_workspace(path)
        self._refresh_recent()

    # -- status bar and title ----------------------------------------------------------------------

    def _on_summary_loaded(self, summary: WorkspaceSummary) -> None:
        self.competition_label.setText(
            self.tr("{competition} · Season {season}").format(
                competition=summary.competition, season=summary.season
            )
        )
        self.judges_label.setText(self.tr("{count} judges").format(count=summary.judges))
        self._update_title()

    def _on_counts_changed(self, shown: int, total: int) -> None:
        if self.workspace is not None:
            self.cases_label.setText(
                self.tr("{shown} / {total} cases shown").format(shown=shown, total=total)
            )

    def _clear_status(self) -> None:
        for label in (self.competition_label, self.cases_label, self.judges_label):
            label.clear()

    def _update_title(self) -> None:
        app = self.tr("Leitai")
        summary = self.organizer.summary if self.workspace is not None else None
        if summary is not None:
            self.setWindowTitle(f"{summary.competition} — {app}")
        elif self.workspace is not None:
            self.setWindowTitle(f"{self.workspace.root.name} — {app}")
        else:
            self.setWindowTitle(app)

    # -- closing -----------------------------------------------------------------------------------

    def save_state(self) -> None:
        self.ctx.settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        self.ctx.settings.set(WINDOW_STATE, self.saveState())
        if self.page_built(PAGE_ORGANIZER):
            self.organizer.save_state()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the layout, stop background work, close the workspace."""
        self.save_state()
        tasks.cancel_all(owner=self)
        QThreadPool.globalInstance().waitForDone(SHUTDOWN_WAIT_MS)
        self.ctx.write_pool.waitForDone(SHUTDOWN_WAIT_MS)
        if self.page_built(PAGE_DESK):
            self.desk.shutdown()  # a watched folder's thread stops before the workspace closes
        if self.page_built(PAGE_JUDGE):
            self.judge.shutdown()  # every score typed is committed before the judge's home closes
        self.close_workspace()
        self.ctx.settings.sync()
        super().closeEvent(event)
