# SPDX-License-Identifier: Apache-2.0
"""UI state kept between runs (window geometry, recent workspaces, language, the first-run guide):
declared once, with defaults.

Only interface state lives here (Picard's ``options.py`` idea); competition data is in the workspace.
The file is an INI in the per-user data folder, so ``--data-dir`` moves it too and tests stay isolated.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

#: Name of the settings file in the per-user data folder.
SETTINGS_FILE = "leitai-ui.ini"
#: How many recently opened workspaces the File menu and the start page remember.
MAX_RECENT = 8


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One stored value: its key and the default used when nothing (or garbage) is stored."""

    key: str
    default: T


#: Interface language code ("" = not chosen yet: use the default).
LANGUAGE: Setting[str] = Setting("ui/language", "")
#: Main window geometry and toolbar/dock state (``QMainWindow.saveGeometry``/``saveState``).
WINDOW_GEOMETRY: Setting[QByteArray] = Setting("window/geometry", QByteArray())
WINDOW_STATE: Setting[QByteArray] = Setting("window/state", QByteArray())
#: Organizer view: splitter between table and details, and the table header (widths, order, sort).
ORGANIZER_SPLITTER: Setting[QByteArray] = Setting("organizer/splitter", QByteArray())
CASE_TABLE_HEADER: Setting[QByteArray] = Setting("organizer/case_table_header", QByteArray())
#: Workspace folders, most recent first (stored as JSON: INI lists of one item come back as a string).
RECENT_WORKSPACES: Setting[list[str]] = Setting("workspaces/recent", [])
#: Folder last used in "open" and "create demo" dialogs.
LAST_FOLDER: Setting[str] = Setting("workspaces/last_folder", "")
#: The start page's first-run guide was put away (Help ▸ Getting started shows it again).
GUIDE_DISMISSED: Setting[bool] = Setting("start/guide_dismissed", False)


class Settings:
    """Typed access to the INI file; every read falls back to the setting's default."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._q = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, setting: Setting[T]) -> T:
        default = setting.default
        raw = self._q.value(setting.key)
        if raw is None:
            return _copy(default)  # type: ignore[no-any-return]
        if isinstance(default, list):
            try:
                value = json.loads(raw) if isinstance(raw, str) else None
            except ValueError:
                value = None
            return value if isinstance(value, list) else _copy(default)  # type: ignore[return-value]
        if isinstance(default, QByteArray):
            return raw if isinstance(raw, QByteArray) else QByteArray()  # type: ignore[return-value]
        if isinstance(default, bool):  # an INI file gives a bool back as the text "true"/"false"
            return (raw is True or str(raw).lower() in ("true", "1")) if raw != "" else default  # type: ignore[return-value]
        return raw if isinstance(raw, type(default)) else default

    def set(self, setting: Setting[T], value: T) -> None:
        self._q.setValue(
            setting.key, json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value
        )

    def sync(self) -> None:
        self._q.sync()

    # -- recent workspaces -------------------------------------------------------------------------

    def recent_workspaces(self) -> list[str]:
        return [p for p in self.get(RECENT_WORKSPACES) if isinstance(p, str)]

    def add_recent_workspace(self, path: Path | str) -> None:
        """Put ``path`` first in the list (once), keeping at most ``MAX_RECENT``."""
        text = str(Path(path).resolve())
        recent = [text, *(p for p in self.recent_workspaces() if p != text)]
        self.set(RECENT_WORKSPACES, recent[:MAX_RECENT])

    def remove_recent_workspace(self, path: Path | str) -> None:
        text = str(Path(path).resolve())
        self.set(RECENT_WORKSPACES, [p for p in self.recent_workspaces() if p != text])


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value
