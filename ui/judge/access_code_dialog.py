# SPDX-License-Identifier: Apache-2.0
"""Ask the judge for the access code the organizer gave them separately from the package."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class AccessCodeDialog(QDialog):
    """One field for the access code (e.g. 7K3M-Q9XD-2HBT); ``ask()`` returns it or None."""

    def __init__(self, package_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Access code"))
        self.setMinimumWidth(440)
        text = QLabel(
            self.tr("Enter the access code the organizer gave you for {name}.").format(name=package_name)
        )
        text.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("accessCode")
        self.code.setPlaceholderText("XXXX-XXXX-XXXX")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.code)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, package_name: str, parent: QWidget | None = None) -> str | None:
        dialog = cls(package_name, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.code.text().strip() or None
