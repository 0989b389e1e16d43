# SPDX-License-Identifier: Apache-2.0
"""Wire the GUI once: ``AppContext`` (paths, settings, services, prompter) built here, passed down.

Widgets get the context through their constructors; nothing looks services up through
``QApplication.instance()`` or a global. Tests build their own context with :func:`make_context` and
fake services or prompter.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QThreadPool
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import __version__, catalog, glossary
from app.catalog import CaseRow, WorkspaceSummary
from app.paths import RESOURCES_DIR, user_data_dir
from app.workspace import Workspace
from ui import i18n
from ui.prompter import Prompter
from ui.settings import LANGUAGE, SETTINGS_FILE, Settings

#: Organisation/application names Qt uses for its own files (our settings file path is explicit).
APP_NAME = "Leitai"


class CatalogService(Protocol):
    """The read-only queries the organizer view needs (``app.catalog`` satisfies it)."""

    def list_cases(self, ws: Workspace) -> list[CaseRow]: ...
    def summary(self, ws: Workspace) -> WorkspaceSummary: ...
    def themes(self, ws: Workspace) -> list[tuple[int, str]]: ...
    def regions(self, ws: Workspace) -> list[tuple[str, str]]: ...
    def tiers(self, ws: Workspace) -> list[tuple[str, str]]: ...


def _generate_demo(root: Path, **kwargs: Any) -> Workspace:
    """``app.demo.generate_demo``, imported on first use (it is only needed when a demo is made)."""
    demo = importlib.import_module("app.demo")
    workspace: Workspace = demo.generate_demo(root, **kwargs)
    return workspace


@dataclass
class Services:
    """The ``app`` services the interface calls; tests replace single entries with fakes."""

    catalog: CatalogService = field(default_factory=lambda: catalog)
    open_workspace: Callable[[Path], Workspace] = Workspace.open
    generate_demo: Callable[..., Workspace] = _generate_demo


@dataclass(frozen=True)
class AppPaths:
    """Where the interface reads its resources and keeps its per-user files."""

    data_dir: Path
    resources_dir: Path = RESOURCES_DIR

    @property
    def i18n_dir(self) -> Path:
        return self.resources_dir / "i18n"

    @property
    def style_dir(self) -> Path:
        return self.resources_dir / "style"

    @property
    def icons_dir(self) -> Path:
        return self.resources_dir / "icons"

    @property
    def settings_file(self) -> Path:
        return self.data_dir / SETTINGS_FILE


def _single_thread_pool() -> QThreadPool:
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool


@dataclass
class AppContext:
    """Everything a window needs from outside itself, built once at start."""

    paths: AppPaths
    settings: Settings
    services: Services
    prompter: Prompter
    language: str = i18n.DEFAULT_LANGUAGE
    translators: i18n.Translators = field(default_factory=i18n.Translators)
    #: One thread for work that writes to the workspace, so writes never race (Anki's taskman):
    #: ``run_task(fn, ..., pool=ctx.write_pool)``. Reads may use the global pool.
    write_pool: QThreadPool = field(default_factory=_single_thread_pool)


def make_context(
    data_dir: str | Path | None = None,
    language: str | None = None,
    services: Services | None = None,
    prompter: Prompter | None = None,
) -> AppContext:
    """Build the context: per-user folder (``--data-dir`` overrides), settings, language, services."""
    paths = AppPaths(user_data_dir(data_dir))
    settings = Settings(paths.settings_file)
    lang = i18n.resolve_language(language, settings.get(LANGUAGE))
    return AppContext(paths, settings, services or Services(), prompter or Prompter(), lang)


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

    def _build(self) -> Any:
        from ui.main_window import MainWindow

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
