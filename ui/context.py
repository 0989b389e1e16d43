# SPDX-License-Identifier: Apache-2.0
"""What every window gets from outside itself: ``AppContext`` (paths, settings, services, prompter).

Widgets get the context through their constructors; nothing looks services up through
``QApplication.instance()`` or a global. ``ui/main.py`` builds it at start-up; tests build their own
with :func:`make_context` and fake services or prompter. This module sits below every view (the views
import it, it imports none of them), so the context never closes an import circle.

Start-up speed: building a context imports no database code. The default services load ``app.catalog``
and ``app.workspace`` (SQLAlchemy, Alembic) the first time they are called, after the start page is
on screen (issue 8, item 12).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtCore import QThreadPool

from app.paths import RESOURCES_DIR, user_data_dir
from ui import i18n
from ui.prompter import Prompter
from ui.settings import LANGUAGE, SETTINGS_FILE, Settings

if TYPE_CHECKING:
    from app.catalog import CaseRow, WorkspaceSummary
    from app.workspace import Workspace


class CatalogService(Protocol):
    """The read-only queries the organizer view needs (``app.catalog`` satisfies it)."""

    def list_cases(self, ws: Workspace) -> list[CaseRow]: ...
    def summary(self, ws: Workspace) -> WorkspaceSummary: ...
    def themes(self, ws: Workspace) -> list[tuple[int, str]]: ...
    def regions(self, ws: Workspace) -> list[tuple[str, str]]: ...
    def tiers(self, ws: Workspace) -> list[tuple[str, str]]: ...


class LazyModule:
    """A module imported on first attribute access: a service whose import is slow (SQLAlchemy) costs
    nothing until it is used, so the first window paints sooner."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attr: str) -> Any:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attr)


def _open_workspace(root: Path) -> Workspace:
    """``Workspace.open``; ``app.workspace`` (SQLAlchemy, Alembic) is imported on first use."""
    workspace = importlib.import_module("app.workspace")
    opened: Workspace = workspace.Workspace.open(root)
    return opened


def _create_workspace(root: Path, **kwargs: Any) -> Workspace:
    """``Workspace.create``; imported on first use like :func:`_open_workspace`."""
    workspace = importlib.import_module("app.workspace")
    created: Workspace = workspace.Workspace.create(root, **kwargs)
    return created


def _generate_demo(root: Path, **kwargs: Any) -> Workspace:
    """``app.demo.generate_demo``, imported on first use (it is only needed when a demo is made)."""
    demo = importlib.import_module("app.demo")
    generated: Workspace = demo.generate_demo(root, **kwargs)
    return generated


@dataclass
class Services:
    """The ``app`` services the interface calls; tests replace single entries with fakes."""

    catalog: CatalogService = field(default_factory=lambda: cast(CatalogService, LazyModule("app.catalog")))
    open_workspace: Callable[[Path], Workspace] = _open_workspace
    create_workspace: Callable[..., Workspace] = _create_workspace
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
