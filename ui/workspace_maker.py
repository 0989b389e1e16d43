# SPDX-License-Identifier: Apache-2.0
"""Making a competition workspace from the GUI: a new, real one ("New workspace…", the GUI twin of
``leitai init``) or a generated demo ("Create demo…", the twin of ``leitai demo``).

Both ask through the prompter, work off the GUI thread and hand the opened workspace on through
``made``; a failure or a cancel removes what the run had started, never a file the user had there.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow

from app.errors import DomainError
from ui.context import AppContext
from ui.errors import show_error
from ui.progress import run_with_progress
from ui.settings import LAST_FOLDER
from ui.tasks import Task, TaskContext, run_task

if TYPE_CHECKING:
    from app.workspace import Workspace

#: What "Create demo" generates (the CLI's defaults).
DEMO_SEASON = 2022
DEMO_CASES = 60
DEMO_JUDGES = 10
DEMO_SEED = 2022
#: Folder made inside a non-empty folder chosen for the demo.
DEMO_FOLDER_NAME = "leitai-demo"


class WorkspaceMaker(QObject):
    """Creates workspaces for the main window, which opens what ``made`` hands it."""

    #: A workspace (``Workspace``, open) was made.
    made = Signal(object)

    def __init__(self, ctx: AppContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        #: The running (or last) creation, for callers and tests that wait on it.
        self.task: Task[Any] | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.done

    def _made(self, ws: Workspace) -> None:
        self.made.emit(ws)

    def create_workspace(self) -> None:
        """Ask for season, name, folder and passphrase; create the workspace off the GUI thread."""
        if self.busy:
            return
        # Imported when first asked: the dialog reads every season's rules (start-up speed, issue 8).
        from ui.new_workspace_dialog import NewWorkspaceDialog

        start = self.ctx.settings.get(LAST_FOLDER)
        dialog = NewWorkspaceDialog(self.ctx.prompter.choose_directory, start, self.window)
        request = self.ctx.prompter.ask(dialog, dialog.request)
        if request is None:
            return
        target = request.folder
        self.ctx.settings.set(LAST_FOLDER, str(target.parent))
        existed = target.exists()
        status = self.window.statusBar()
        status.showMessage(self.tr("Creating the workspace in {path}…").format(path=target))
        create = self.ctx.services.create_workspace

        def work(_task: TaskContext) -> Workspace:
            return create(target, season=request.season, name=request.name, passphrase=request.passphrase)

        def done(ws: Workspace) -> None:
            status.clearMessage()
            self._made(ws)

        def failed(exc: BaseException) -> None:
            status.clearMessage()
            remove_unfinished(target, existed)
            show_error(self.window, exc, self.tr("Could not create the workspace"))

        self.task = run_task(work, done, failed, owner=self)

    def create_demo(self) -> None:
        """Ask for a folder and generate a demo competition in it, with progress and cancel."""
        if self.busy:
            return
        start = self.ctx.settings.get(LAST_FOLDER)
        folder = self.ctx.prompter.choose_directory(
            self.window, self.tr("Choose a folder for the demo competition"), start
        )
        if folder is None:
            return
        self.ctx.settings.set(LAST_FOLDER, str(folder))
        target = demo_target(folder)
        existed = target.exists()
        generate = self.ctx.services.generate_demo
        cases = DEMO_CASES

        def work(task: TaskContext) -> Workspace:
            return generate(
                target,
                season=DEMO_SEASON,
                cases=cases,
                judges=DEMO_JUDGES,
                seed=DEMO_SEED,
                progress=task.progress,
            )

        def failed(exc: BaseException) -> None:
            remove_unfinished(target, existed)
            show_error(self.window, exc, self.tr("Could not create the demo"))

        def cancelled() -> None:
            remove_unfinished(target, existed)
            self.window.statusBar().showMessage(self.tr("Demo creation cancelled."), 5000)

        self.task = run_with_progress(
            self.window,
            work,
            self._made,
            failed,
            label=self.tr("Creating the demo competition…"),
            title=self.tr("New demo"),
            cancel_text=self.tr("Cancel"),
            on_cancelled=cancelled,
            object_name="demoProgress",
            show_after_ms=0,
            maximum=cases,
        )


def demo_target(folder: Path) -> Path:
    """Where the demo goes: the chosen folder if it is empty, else a new ``leitai-demo[-N]`` inside."""
    if not folder.exists() or not any(folder.iterdir()):
        return folder
    for n in range(1, 1000):
        candidate = folder / (DEMO_FOLDER_NAME if n == 1 else f"{DEMO_FOLDER_NAME}-{n}")
        if not candidate.exists():
            return candidate
    raise DomainError("demo_folder", path=str(folder))


def remove_unfinished(target: Path, existed: bool) -> None:
    """Delete what an interrupted creation left, but only a folder this run created."""
    if not existed and target.exists():
        shutil.rmtree(target, ignore_errors=True)
    elif existed and target.exists() and target.is_dir():
        for child in target.iterdir():  # the chosen folder was empty: empty it again
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)
