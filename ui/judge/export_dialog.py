# SPDX-License-Identifier: Apache-2.0
"""Tells the judge where the signed score bundle went and what it holds."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from app.judge_home import ExportResult


class ExportDialog(QDialog):
    """Non-blocking summary of one export: file, revision, cases scored / recused / submitted."""

    def __init__(self, result: ExportResult, total_cases: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Score bundle exported"))
        self.setMinimumWidth(620)
        self.result = result
        heading = QLabel(self.tr("Your signed score bundle is ready."))
        heading.setObjectName("exportHeading")
        hint = QLabel(
            self.tr(
                "Send this file to the organizer (USB stick, e-mail or the venue network). You can export "
                "again at any time: a newer export replaces the older one."
            )
        )
        hint.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setColumnStretch(1, 1)
        rows = [
            (self.tr("File"), str(result.path)),
            (self.tr("Scored"), self.tr("{n} of {total} cases").format(n=result.n_scored, total=total_cases)),
            (self.tr("Submitted"), str(result.n_submitted)),
            (self.tr("Recused"), str(result.n_recused)),
            (self.tr("Revision"), str(result.revision)),
            (self.tr("SHA-256"), result.sha256[:16] + "…"),
        ]
        self.value_labels: dict[str, QLabel] = {}
        for i, (name, value) in enumerate(rows):
            key = QLabel(name)
            key.setObjectName("exportField")
            label = QLabel(value)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(key, i, 0)
            grid.addWidget(label, i, 1)
            self.value_labels[name] = label
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_folder = buttons.addButton(
            self.tr("Show in folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path.parent)))
        )
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def summary_text(self) -> str:
        """Everything the dialog says, for tests and the status bar."""
        return "\n".join(f"{k}: {v.text()}" for k, v in self.value_labels.items())
