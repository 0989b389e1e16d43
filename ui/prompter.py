# SPDX-License-Identifier: Apache-2.0
"""The one way the interface asks the user a modal question: the ``Prompter`` in ``AppContext``.

Picard's ``user_dialog_service`` idea: widgets never call ``exec()``, ``QFileDialog.get…`` or
``QMessageBox.question`` themselves; they ask ``ctx.prompter``, and tests inject a prompter that answers
without blocking (``tests/ui/conftest.py`` ``FakePrompter``).

- Standard questions have a method each: :meth:`choose_directory`, :meth:`choose_file`,
  :meth:`choose_save_file`, :meth:`confirm`.
- A question of our own is a ``QDialog`` (the form, its validation, OK enabled only when valid) plus a
  method returning what it holds (e.g. ``NewWorkspaceDialog.request``). The area that needs the answer
  builds the dialog and calls ``ctx.prompter.ask(dialog, dialog.request)``; it gets the answer, or None
  when the user cancels. A test prompter's ``ask`` fills the same dialog instead of showing it.

To add a question: write the dialog in its area (``ui/<area>/<thing>_dialog.py``) and call
:meth:`ask`; a new standard question gets a method here. This module imports no area's dialog: every
area imports the context, which holds the prompter, so such an import would close an import circle.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

T = TypeVar("T")


class Prompter:
    """Asks the user with modal dialogs; every method returns None/False when they cancel."""

    def ask(self, dialog: QDialog, answer: Callable[[], T | None]) -> T | None:
        """Show ``dialog`` modally; ``answer()`` once it is accepted, None if cancelled. Deletes it after."""
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return answer()
        finally:
            dialog.deleteLater()

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
