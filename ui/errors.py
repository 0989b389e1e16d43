# SPDX-License-Identifier: Apache-2.0
"""Turn failures into a sentence for the user: ``DomainError`` codes map to translated templates.

``app`` raises ``DomainError(code, chinese_message, **params)``. The interface shows the template for
``code`` from :data:`MESSAGES`, translated and filled with ``params``; a code without a template shows
the error's own (Chinese) message. Anything else is a bug: it is logged with its traceback and shown as
one line, never as a traceback. Add a code: one ``QT_TRANSLATE_NOOP("DomainError", ...)`` line below,
then ``scripts/update_translations.sh`` and translate it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import DomainError
from ui.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

#: DomainError code -> English template; placeholders are the error's ``params``.
MESSAGES: dict[str, str] = {
    "not_a_workspace": QT_TRANSLATE_NOOP(
        "DomainError", "{path} is not a Leitai workspace (there is no leitai.db in it)."
    ),
    "workspace_exists": QT_TRANSLATE_NOOP(
        "DomainError", "{path} is already a workspace; it will not be overwritten."
    ),
    "workspace_unreadable": QT_TRANSLATE_NOOP("DomainError", "The workspace database {path} cannot be read."),
    "workspace_empty": QT_TRANSLATE_NOOP("DomainError", "{path} holds no competition."),
    "file_missing": QT_TRANSLATE_NOOP("DomainError", "The file {path} was not found."),
    "case_exists": QT_TRANSLATE_NOOP("DomainError", "A case with the code {case_code} already exists."),
    "judge_exists": QT_TRANSLATE_NOOP("DomainError", "A judge with the code {judge_code} already exists."),
    "demo_folder": QT_TRANSLATE_NOOP("DomainError", "{path} already holds too many demo folders."),
    "demo_folder_not_empty": QT_TRANSLATE_NOOP(
        "DomainError", "{path} is not empty: a demo competition needs a new or empty folder."
    ),
    # The judge's side (app.judge_home).
    "bad_access_code": QT_TRANSLATE_NOOP(
        "DomainError", "The access code is wrong, or this package was not made for you by the organizer."
    ),
    "bad_signature": QT_TRANSLATE_NOOP(
        "DomainError", "The organizer's signature does not match: the file has been changed."
    ),
    "case_submitted": QT_TRANSLATE_NOOP(
        "DomainError", "This case's scores are submitted; take the submission back to change them."
    ),
    "case_recused": QT_TRANSLATE_NOOP(
        "DomainError", "You recused yourself from this case; undo the recusal to score it."
    ),
    "recuse_reason_required": QT_TRANSLATE_NOOP("DomainError", "A recusal needs a reason."),
    "comment_too_long": QT_TRANSLATE_NOOP("DomainError", "The comment is too long."),
    "not_a_judge_home": QT_TRANSLATE_NOOP("DomainError", "{path} holds no opened judge package."),
    "home_in_use": QT_TRANSLATE_NOOP("DomainError", "{path} is already used for another judge package."),
    "export_failed": QT_TRANSLATE_NOOP("DomainError", "The score bundle could not be written to {path}."),
}


def error_message(exc: BaseException) -> str:
    """One sentence that tells the user what went wrong, in the interface language."""
    if isinstance(exc, DomainError):
        template = MESSAGES.get(exc.code)
        if template:
            try:
                return QCoreApplication.translate("DomainError", template).format(**exc.params)
            except (KeyError, IndexError, ValueError):
                log.warning("DomainError %s: template and params do not match: %r", exc.code, exc.params)
        return exc.message
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
