# SPDX-License-Identifier: Apache-2.0
"""Turn failures into a sentence for the user.

``app`` raises ``DomainError("code", **params)``; its words, in Chinese and English, live in
``app.glossary.errors`` and come out in the interface language (``ui.main.apply_language`` sets the
glossary's language with Qt's). An ``OSError`` says what the system refused. Anything else is a bug: it
is logged with its traceback and shown as one line, never as a traceback.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import DomainError

log = logging.getLogger(__name__)


def error_message(exc: BaseException) -> str:
    """One sentence that tells the user what went wrong, in the interface language."""
    if isinstance(exc, DomainError):
        return exc.text()
    if isinstance(exc, OSError) and exc.strerror:
        where = f" ({exc.filename})" if exc.filename else ""
        return QCoreApplication.translate("ErrorMessages", "The system refused: {reason}{where}").format(
            reason=exc.strerror, where=where
        )
    return QCoreApplication.translate("ErrorMessages", "An unexpected error happened: {detail}").format(
        detail=f"{type(exc).__name__}: {exc}"
    )


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> QMessageBox:
    """Show the error in a window-modal box without blocking (``open()``, not ``exec()``)."""
    if not isinstance(exc, DomainError):
        log.error("unexpected error", exc_info=exc)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("ErrorMessages", "Leitai"))
    box.setText(error_message(exc))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setObjectName("errorBox")
    box.open()
    return box
