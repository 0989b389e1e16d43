# SPDX-License-Identifier: Apache-2.0
"""Modal questions to the user, injected through ``AppContext`` so tests never block on ``exec()``.

Tests subclass :class:`Prompter` with canned answers (Picard's ``user_dialog_service`` idea).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from app.judge_home import ExportResult, PackageSummary
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

    # The judge's questions. Their dialogs are imported when first asked (the judge's side loads only
    # when it is used: start-up speed); none of them imports this module.

    def access_code(
        self, parent: QWidget | None, summary: PackageSummary, reopening: bool = False
    ) -> str | None:
        """The judge's access code for a package, shown with the organizer key's fingerprint to compare."""
        from ui.judge.access_code_dialog import AccessCodeDialog

        dialog = AccessCodeDialog(summary, reopening, parent)
        return dialog.entered() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def recuse_reason(self, parent: QWidget | None, case_title: str) -> str | None:
        """Why the judge recuses themself from a case (required), or None when they cancel."""
        from ui.judge.recuse_dialog import RecuseDialog

        dialog = RecuseDialog(case_title, parent)
        return dialog.entered() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def export_done(self, parent: QWidget | None, result: ExportResult, total_cases: int) -> QDialog:
        """Say where the score bundle went and what it holds; not modal (the judge may go on working)."""
        from ui.judge.export_dialog import ExportDialog

        dialog = ExportDialog(result, total_cases, parent)
        dialog.open()
        return dialog
