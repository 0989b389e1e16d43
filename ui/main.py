# SPDX-License-Identifier: Apache-2.0
"""Start the GUI: the application, its context (``ui/context.py``), language, style and main window.

The context is built here once and passed down through constructors (``ui/context.py`` holds its
types, so no view imports this start-up module).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import __version__, glossary
from ui import i18n
from ui.context import AppContext, make_context
from ui.main_window import MainWindow
from ui.settings import LANGUAGE

#: Organisation/application names Qt uses for its own files (our settings file path is explicit).
APP_NAME = "Leitai"


def apply_language(app: QApplication, ctx: AppContext) -> None:
    """Install the translators for ``ctx.language`` (plus the pseudo-translator if asked for), and make
    the domain's glossary (status, finding, error names) speak the same language."""
    ctx.translators.install(app, ctx.language, ctx.paths.i18n_dir, pseudo=i18n.pseudo_enabled())
    glossary.set_language(ctx.language)


def apply_style(app: QApplication, ctx: AppContext) -> None:
    """Fonts with CJK glyphs, the Fusion style and Leitai's style sheet."""
    app.setStyle("Fusion")
    i18n.apply_fonts(app)
    sheet = ctx.paths.style_dir / "leitai.qss"
    if sheet.is_file():
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))
    icon = ctx.paths.icons_dir / "leitai.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


class Shell(QObject):
    """Owns the main window; rebuilds it when the language changes (no per-widget retranslation)."""

    def __init__(self, app: QApplication, ctx: AppContext) -> None:
        super().__init__()
        self._app = app
        self.ctx = ctx
        self.window = self._build()

    def _build(self) -> MainWindow:
        window = MainWindow(self.ctx)
        window.language_change_requested.connect(self._on_language_change_requested)
        return window

    def _on_language_change_requested(self, language: str) -> None:
        """Switch language by building a fresh window in it, reopening the same workspace."""
        old = self.window
        workspace = old.workspace_path()
        self.ctx.settings.set(LANGUAGE, language)
        self.ctx.language = language
        apply_language(self._app, self.ctx)
        geometry = old.saveGeometry()
        self.window = self._build()
        self.window.restoreGeometry(geometry)
        self.window.show()  # before the old one closes, so the app never has no window
        old.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        old.close()  # saves its layout, stops its work, closes the workspace
        if workspace is not None:
            self.window.open_workspace(workspace)


def run_gui(
    workspace: str | None = None,
    language: str | None = None,
    data_dir: str | None = None,
    argv: Sequence[str] | None = None,
) -> int:
    """Start the GUI: application, context, translators, main window; returns the exit code."""
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationVersion(__version__)
    QApplication.setOrganizationName(APP_NAME)
    app = QApplication.instance() or QApplication(list(argv) if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    ctx = make_context(data_dir, language)
    apply_style(app, ctx)
    apply_language(app, ctx)
    shell = Shell(app, ctx)
    shell.window.show()
    if workspace:
        shell.window.open_workspace(Path(workspace))
    code = app.exec()
    ctx.settings.sync()
    return int(code)
