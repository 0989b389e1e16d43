# SPDX-License-Identifier: Apache-2.0
"""How the results page plugs into the main window: a lazily built page (``PAGE_RESULTS``), the
"Results" action the organizer's toolbar shows, and following the workspace as it opens and closes.

Light on purpose: the main window imports this at start; the page and ``app.results`` load the first
time the organizer asks for the results (start-up speed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStatusBar, QWidget

from ui.context import AppContext

if TYPE_CHECKING:
    from app.workspace import Workspace
    from ui.results.results_view import ResultsView


class Shell(Protocol):
    """What the results page needs of the main window (``ui.main_window.MainWindow`` is one)."""

    ctx: AppContext
    workspace: Workspace | None
    named_actions: dict[str, QAction]
    workspace_opened: Any  # Signal(Workspace)
    workspace_closed: Any  # Signal()

    def add_page_factory(self, key: str, build: Callable[[], tuple[QWidget, list[QMenu]]]) -> None: ...
    def page(self, key: str) -> QWidget: ...
    def page_built(self, key: str) -> bool: ...
    def show_page(self, key: str) -> None: ...
    def statusBar(self) -> QStatusBar: ...


PAGE_RESULTS = "results"
#: Name of the action in ``MainWindow.named_actions``.
ACTION_RESULTS = "results"


def install_results(window: Shell) -> QAction:
    """Register the results page with ``window`` and return the action that shows it."""
    # no parent: the window keeps it in named_actions, and the organizer's toolbar shows it
    action = QAction(QCoreApplication.translate("ResultsHook", "Results"))
    action.setObjectName(ACTION_RESULTS)
    action.setShortcut(QKeySequence("Ctrl+Shift+R"))
    action.setStatusTip(QCoreApplication.translate("ResultsHook", "Rankings, awards, exports, verification"))
    window.named_actions[ACTION_RESULTS] = action

    def build() -> tuple[QWidget, list[QMenu]]:
        # Imported on first use (start-up speed): the page loads app.results and, later, QtCharts.
        from ui.results.results_view import ResultsView

        view = ResultsView(window.ctx)
        view.back_requested.connect(lambda: window.show_page("organizer"))
        view.message.connect(lambda text: window.statusBar().showMessage(text, 10000))
        view.set_workspace(window.workspace)
        return view, []

    def page() -> ResultsView | None:
        built: ResultsView | None = window.page(PAGE_RESULTS) if window.page_built(PAGE_RESULTS) else None  # type: ignore[assignment]
        return built

    def show() -> None:
        if window.workspace is not None:
            window.show_page(PAGE_RESULTS)

    def follow(_ws: object = None) -> None:
        view = page()
        if view is not None:
            view.set_workspace(window.workspace)

    action.triggered.connect(lambda _checked=False: show())
    window.add_page_factory(PAGE_RESULTS, build)
    window.workspace_opened.connect(follow)
    window.workspace_closed.connect(follow)
    return action
