# SPDX-License-Identifier: Apache-2.0
"""The judge's page of the main window: its start page or the scoring view of the open home, the Judge
menu with every keyboard shortcut, drag-and-drop of a package, the help overlay and the export.

The pieces live in their own modules: ``judge_start_page`` (nothing open yet), ``package_opener`` (a
package or a home opened, the access code, a media drive), ``scoring_view`` (reading and scoring).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from app.judge_home import ExportResult, HomeInfo, JudgeHome
from ui.context import AppContext
from ui.errors import show_error
from ui.judge.export_dialog import ExportDialog
from ui.judge.help_overlay import HelpOverlay
from ui.judge.judge_start_page import JudgeStartPage
from ui.judge.package_opener import HOMES_DIR, PACKAGE_SUFFIX, PackageOpener, is_package
from ui.judge.recuse_dialog import RecuseDialog
from ui.judge.scoring_view import ScoringView
from ui.tasks import run_task
from ui.viewer.render_worker import PdfRenderer

__all__ = ["HOMES_DIR", "PACKAGE_SUFFIX", "JudgeView", "is_package"]


class JudgeView(QWidget):
    """The judge's page (also usable on its own, e.g. by the crash test's driver)."""

    home_opened = Signal(object)  # HomeInfo
    home_closed = Signal()
    #: The judge wants Leitai's start page back (the main window switches pages).
    back_requested = Signal()
    exported = Signal(object)  # ExportResult
    media_attached = Signal(int)  # files still missing

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("judgeView")
        self.ctx = ctx
        self.home: JudgeHome | None = None
        self.export_dialog: QDialog | None = None
        self.setAcceptDrops(True)
        self.renderer = PdfRenderer(self)
        self.start_page = JudgeStartPage()
        self.scoring = ScoringView(ctx, self.renderer)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(self.scoring)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.opener = PackageOpener(ctx, self)
        self.opener.opened.connect(self.set_home)
        self.opener.media_attached.connect(self._on_media_attached)
        self.start_page.open_requested.connect(self.open_package_dialog)
        self.start_page.home_chosen.connect(self.open_home)
        self.start_page.back_requested.connect(self.back_requested)
        self.scoring.export_button.clicked.connect(lambda: self.export())
        self.scoring.rubric.submit_requested.connect(self.submit_case)
        self.scoring.rubric.reopen_requested.connect(self.reopen_case)
        self.scoring.rubric.recuse_requested.connect(self.recuse_case)
        self.help_overlay = HelpOverlay(self)
        self._build_actions()
        self.stack.setCurrentWidget(self.start_page)
        self.refresh_homes()

    # ---- what the main window and tests reach --------------------------------------------------------
    @property
    def empty_page(self) -> JudgeStartPage:
        return self.start_page

    @property
    def open_button(self) -> QPushButton:
        return self.start_page.open_button

    @property
    def info(self) -> HomeInfo | None:
        return self.scoring.info

    @property
    def case_id(self) -> int | None:
        return self.scoring.case_id

    @property
    def saving(self) -> bool:
        return self.scoring.saving

    # ---- actions -------------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.actions_by_name: dict[str, QAction] = {}
        s = self.scoring

        def make(name: str, text: str, slot: Callable[[], Any], keys: str | None = None) -> None:
            action = QAction(text, self)
            action.setObjectName(f"judge_{name}")
            if keys is not None:
                action.setShortcut(QKeySequence(keys))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_name[name] = action

        make("open", self.tr("Open judge package…"), self.open_package_dialog)
        make("media", self.tr("Attach media folder…"), self.attach_media_dialog)
        make("export", self.tr("Export score bundle…"), lambda: self.export(), "Ctrl+E")
        make("close", self.tr("Close this package"), self.close_home)
        make("next_unscored", self.tr("Next case to score"), s.next_unscored, "Ctrl+J")
        make("next_case", self.tr("Next case"), lambda: s.move_case(1), "Alt+Down")
        make("previous_case", self.tr("Previous case"), lambda: s.move_case(-1), "Alt+Up")
        make("case_list", self.tr("Show / hide the case list"), s.toggle_case_list, "Ctrl+L")
        make("scores", self.tr("Go to the scores"), s.focus_scores, "F2")
        make("next_page", self.tr("Next PDF page"), s.reader.view.next_page, "Ctrl+PgDown")
        make("previous_page", self.tr("Previous PDF page"), s.reader.view.previous_page, "Ctrl+PgUp")
        make("submit", self.tr("Submit / reopen this case"), self._toggle_submit, "Ctrl+Return")
        make("recuse", self.tr("Recuse from this case…"), self.recuse_case, "Ctrl+R")
        make("slides", self.tr("Show the slides"), lambda: s.tabs.setCurrentWidget(s.reader), "Alt+1")
        make("video", self.tr("Show the video"), lambda: s.tabs.setCurrentWidget(s.video), "Alt+2")
        make("help", self.tr("Keyboard shortcuts"), self.toggle_help, "F1")
        make("live", self.tr("Live mode…"), self.open_live_mode)  # ui/judge/live_mode.py (issue 12)
        self.judge_menu = QMenu(self.tr("&Judge"), self)
        self.judge_menu.setObjectName("judgeMenu")
        groups = (
            ("open", "media", "export", "live", "close"),
            ("next_unscored", "next_case", "previous_case", "case_list", "scores"),
            ("submit", "recuse"),
            ("slides", "video", "help"),
        )
        for i, group in enumerate(groups):
            if i:
                self.judge_menu.addSeparator()
            for name in group:
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
            (self.tr("Slides"), self.scoring.reader.shortcuts()),
            (self.tr("Video (while it has the focus)"), self.scoring.video.shortcuts()),
        ]

    def toggle_help(self) -> None:
        self.help_overlay.set_sections(self.shortcut_sections())
        self.help_overlay.toggle()

    # ---- opening and closing -------------------------------------------------------------------------
    def open_package_dialog(self) -> None:
        self.opener.choose_package()

    def open_package(self, package: Path, access_code: str | None = None) -> None:
        """Verify and open a package (asks for the access code), with progress and cancel."""
        self.opener.open_package(package, access_code)

    def open_home(self, home_dir: Path, access_code: str | None = None) -> None:
        """Reopen a judge's home (after a restart or a crash): everything saved is there."""
        self.opener.open_home(home_dir, access_code)

    def home_dir_for(self, package: Path) -> Path:
        return self.opener.home_dir_for(package)

    def homes(self) -> list[Path]:
        return self.opener.homes()

    def refresh_homes(self) -> None:
        """List the homes to continue in."""
        self.start_page.set_homes(self.opener.homes())

    def attach_media_dialog(self) -> None:
        if self.home is not None:
            self.opener.attach_media(self.home)

    def _on_media_attached(self, missing: int) -> None:
        if self.scoring.case_id is not None:
            self.scoring.show_case(self.scoring.case_id)
        self.media_attached.emit(missing)

    def set_home(self, home: JudgeHome) -> None:
        """Show an open home: header, case list, rubric; selects the first case still to score."""
        self.close_home()
        self.home = home
        self.scoring.set_home(home)
        self._set_actions_enabled(True)
        self.stack.setCurrentWidget(self.scoring)
        assert self.scoring.info is not None
        self.home_opened.emit(self.scoring.info)
        self.scoring.next_unscored(wrap_to_first=True)
        self.scoring.reader.setFocus()  # keyboard first: PgDown reads on, F2 goes to the scores

    def close_home(self) -> None:
        """Save what is being typed, wait for the writes, close media and the home."""
        if self.home is None:
            return
        home, self.home = self.home, None
        self.scoring.clear()
        home.close()
        self._set_actions_enabled(False)
        self.stack.setCurrentWidget(self.start_page)
        self.refresh_homes()
        self.home_closed.emit()

    def shutdown(self) -> None:
        """For the window's close: close the home and stop the render thread."""
        self.close_home()
        self.scoring.video.shutdown()
        self.scoring.reader.close_document()
        if self.renderer.running:
            self.renderer.stop()

    # ---- the case on screen --------------------------------------------------------------------------
    def submit_case(self) -> None:
        self.scoring.rubric.flush_comment()
        self.scoring.write("submit", None, lambda h, c: h.submit(c))

    def reopen_case(self) -> None:
        self.scoring.write("reopen", None, lambda h, c: h.reopen(c))

    def _toggle_submit(self) -> None:
        if self.scoring.rubric.locked:
            self.reopen_case()
        else:
            self.submit_case()

    def recuse_case(self) -> None:
        s = self.scoring
        if s.case_id is None or self.home is None:
            return
        row = s.model.case(s.model.row_of(s.case_id))
        dialog = RecuseDialog(row.title, self)
        reason = self.ctx.prompter.ask(dialog, dialog.entered)
        if reason:
            s.rubric.flush_comment()
            s.write("recuse", reason, lambda h, c: h.recuse(c, reason))

    def counts(self) -> Counter[str]:
        return self.scoring.counts()

    def export(self, out_dir: Path | None = None) -> None:
        """Write the signed score bundle (asks where, unless given); a dialog says where and what."""
        home = self.home
        if home is None:
            return
        if out_dir is None:
            out_dir = self.ctx.prompter.choose_directory(
                self, self.tr("Where should the score bundle go?"), str(self.scoring.last_export_folder())
            )
            if out_dir is None:
                return
        self.scoring.rubric.flush_comment()
        total = len(self.scoring.model.rows())
        target = Path(out_dir)

        def done(result: ExportResult) -> None:
            self.export_dialog = ExportDialog(result, total, self)  # not modal: the judge may go on
            self.export_dialog.open()
            self.exported.emit(result)

        def failed(exc: BaseException) -> None:
            show_error(self, exc, self.tr("Could not export the score bundle"))

        run_task(lambda _t: home.export_bundle(target), done, failed, owner=self, pool=self.ctx.write_pool)

    # ---- drag and drop -------------------------------------------------------------------------------
    def install_drop_target(self, widget: QWidget) -> None:
        """Let ``widget`` (e.g. the start page) take a dropped package and open it here."""
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DragEnter and isinstance(event, QDragEnterEvent):
            if _dropped_package(event) is not None:
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            path = _dropped_package(event)
            if path is not None:
                event.acceptProposedAction()
                self.package_dropped(path)
                return True
        return super().eventFilter(watched, event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_package(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_package(event)
        if path is not None:
            event.acceptProposedAction()
            self.package_dropped(path)

    #: Called with a dropped package; the main window may replace it to switch pages first.
    def package_dropped(self, path: Path) -> None:
        self.open_package(path)


def _dropped_package(event: QDropEvent | QDragEnterEvent) -> Path | None:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and is_package(url.toLocalFile()):
            return Path(url.toLocalFile())
    return None
