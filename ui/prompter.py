# SPDX-License-Identifier: Apache-2.0
"""Modal questions to the user, injected through ``AppContext`` so tests never block on ``exec()``.

Tests subclass :class:`Prompter` with canned answers (Picard's ``user_dialog_service`` idea).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from ui.new_workspace_dialog import NewWorkspaceRequest


class Prompter:
    """Asks the user with standard dialogs; every method returns None/False when they cancel."""

    def choose_directory(self, parent: QWidget | None, title: str, start: str = "") -> Path | None:
        path = QFileDialog.getExistingDirectory(parent, title, start)
        return Path(path) if path else None

    def choose_file(
        self, parent: QWidget | None, title: str, name_filter: str, start: str = ""
    ) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(parent, title, start, name_filter)
        return Path(path) if path else None

    def choose_save_file(
        self, parent: QWidget | None, title: str, name_filter: str, start: str = ""
    ) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, start, name_filter)
        return Path(path) if path else None

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def new_workspace(self, parent: QWidget | None, start: str = "") -> NewWorkspaceRequest | None:
        """Season, name, folder and passphrase for a new workspace (``NewWorkspaceDialog``)."""
        from ui.new_workspace_dialog import NewWorkspaceDialog

        return NewWorkspaceDialog.ask(self, start, parent)
