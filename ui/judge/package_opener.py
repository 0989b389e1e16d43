# SPDX-License-Identifier: Apache-2.0
"""Opening the judge's work: a package (organizer fingerprint shown, access code asked, verified with
progress and cancel), a home already on this computer (the code asked again when the key is not in the
computer's credential store), and a media drive attached later."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.errors import DomainError
from app.glossary.terms import round_name
from app.judge_home import HomeInfo, JudgeHome, PackageSummary, read_package_summary
from ui.context import AppContext
from ui.errors import show_error
from ui.judge.access_code_dialog import AccessCodeDialog
from ui.progress import run_with_progress
from ui.tasks import Task, TaskContext, run_task

#: File name suffix of judge packages.
PACKAGE_SUFFIX = ".leitai-pkg"
#: Where judge homes live inside the per-user data folder.
HOMES_DIR = "judge-homes"


def is_package(path: str | Path) -> bool:
    return str(path).lower().endswith(PACKAGE_SUFFIX)


def summary_of(info: HomeInfo) -> PackageSummary:
    """What the access-code dialog shows for a home already opened once."""
    return PackageSummary(
        path=info.home_dir,
        competition=info.competition,
        round=round_name(info.round_key, info.season),
        judge_code=info.judge_code,
        judge=info.judge,
        cases=info.cases,
        organizer_fingerprint=info.organizer_fingerprint,
    )


class PackageOpener(QObject):
    """Asks through the context's prompter, works off the GUI thread, emits ``opened`` with the home."""

    opened = Signal(object)  # JudgeHome, its key unlocked
    media_attached = Signal(int)  # files still missing

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window  # parent of the dialogs
        self.task: Task[JudgeHome] | None = None

    # ---- where homes live ------------------------------------------------------------------------------
    def home_dir_for(self, package: Path) -> Path:
        """The judge's home for a package: one folder per package name in the per-user data folder."""
        return self.ctx.paths.data_dir / HOMES_DIR / Path(package).name.removesuffix(PACKAGE_SUFFIX)

    def homes(self) -> list[Path]:
        """Judge homes already made on this computer (each holds a package's work), newest first."""
        root = self.ctx.paths.data_dir / HOMES_DIR
        found = [p for p in root.iterdir() if (p / "judge.db").is_file()] if root.is_dir() else []
        return sorted(found, key=lambda p: (p / "judge.db").stat().st_mtime, reverse=True)

    # ---- a package -------------------------------------------------------------------------------------
    def choose_package(self) -> None:
        path = self.ctx.prompter.choose_file(
            self.window,
            self.tr("Open judge package"),
            self.tr("Judge packages (*.leitai-pkg);;All files (*)"),
        )
        if path is not None:
            self.open_package(path)

    def _ask_code(self, summary: PackageSummary, reopening: bool = False) -> str | None:
        """The judge's access code, asked beside the organizer key's fingerprint; None if cancelled."""
        dialog = AccessCodeDialog(summary, reopening, self.window)
        code: str | None = self.ctx.prompter.ask(dialog, dialog.entered)
        return code

    def open_package(self, package: Path, access_code: str | None = None) -> None:
        """Show who signed the package and ask for the code; then verify and open it, with progress."""
        package = Path(package)
        try:
            summary = read_package_summary(package)
        except DomainError as exc:
            show_error(self.window, exc, self.tr("Could not open the judge package"))
            return
        code = access_code or self._ask_code(summary)
        if not code:
            return
        home_dir = self.home_dir_for(package)

        def work(task: TaskContext) -> JudgeHome:
            media = package.parent / "media"
            return JudgeHome.open_package(
                package,
                home_dir,
                code,
                media_dir=media if media.is_dir() else None,
                progress=task.progress,
                cancel=lambda: task.cancelled,
            )

        def failed(exc: BaseException) -> None:
            show_error(self.window, exc, self.tr("Could not open the judge package"))

        self.task = run_with_progress(
            self.window,
            work,
            self.opened.emit,
            failed,
            label=self.tr("Checking the package…"),
            title=self.tr("Open judge package"),
            cancel_text=self.tr("Cancel"),
            pool=self.ctx.write_pool,
            object_name="packageProgress",
        )

    # ---- a home on this computer ----------------------------------------------------------------------
    def open_home(self, home_dir: Path, access_code: str | None = None) -> None:
        """Reopen a judge's home (after a restart or a crash): everything saved is there. The access code
        is asked when this computer does not keep the judge's key (or a home from before still holds it
        in clear, to seal it now)."""
        try:
            home = JudgeHome.open(Path(home_dir))
        except DomainError as exc:
            show_error(self.window, exc, self.tr("Could not open the judge's folder"))
            return
        if not home.needs_access_code:
            self.opened.emit(home)
            return
        code = access_code or self._ask_code(summary_of(home.info()), reopening=True)
        if not code:
            if home.key_locked:
                home.close()
            else:  # the key is still in clear: it signs as before; the code is asked again next time
                self.opened.emit(home)
            return

        def failed(exc: BaseException) -> None:
            home.close()
            show_error(self.window, exc, self.tr("Could not open the judge's folder"))

        def unlock(_task: TaskContext) -> JudgeHome:
            home.unlock(code)  # scrypt: a tenth of a second, off the GUI thread
            return home

        self.task = run_task(unlock, self.opened.emit, failed, owner=self.window, pool=self.ctx.write_pool)

    # ---- media -----------------------------------------------------------------------------------------
    def attach_media(self, home: JudgeHome) -> None:
        """Point the home at a drive holding the package's large media (checked by hash), with progress."""
        folder = self.ctx.prompter.choose_directory(
            self.window, self.tr("Folder or drive holding the case videos")
        )
        if folder is None:
            return

        def failed(exc: BaseException) -> None:
            show_error(self.window, exc, self.tr("Could not use that folder"))

        run_with_progress(
            self.window,
            lambda t: home.attach_media(folder, progress=t.progress, cancel=lambda: t.cancelled),
            self.media_attached.emit,
            failed,
            label=self.tr("Checking the media files…"),
            title=self.tr("Attach media folder"),
            cancel_text=self.tr("Cancel"),
            pool=self.ctx.write_pool,
        )
