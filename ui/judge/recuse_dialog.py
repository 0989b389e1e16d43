# SPDX-License-Identifier: Apache-2.0
"""Ask why the judge recuses themself from a case (a conflict of interest needs a reason); asked through
``Prompter.ask``."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class RecuseDialog(QDialog):
    """A reason, required (OK stays disabled until there is one)."""

    def __init__(self, case_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recuse from a case"))
        self.setMinimumWidth(480)
        text = QLabel(
            self.tr(
                "You will not score “{title}”. Its scores are kept but not exported. Why do you recuse "
                "yourself (e.g. you work with this hospital)?"
            ).format(title=case_title)
        )
        text.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("recuseReason")
        self.reason.setAccessibleName(self.tr("Reason for the recusal"))
        self.reason.setMaximumHeight(100)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Recuse"))
        ok.setEnabled(False)
        self.reason.textChanged.connect(lambda: ok.setEnabled(bool(self.reason.toPlainText().strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)

    def entered(self) -> str | None:
        return self.reason.toPlainText().strip() or None
