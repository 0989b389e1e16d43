# SPDX-License-Identifier: Apache-2.0
"""Ask the judge for the access code the organizer gave them separately from the package.

Before the code, the dialog shows who signed the package: the organizer key's fingerprint, to compare
with the one the organizer announced (by phone, on the notice). Asked through ``Prompter.access_code``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.judge_home import PackageSummary


class AccessCodeDialog(QDialog):
    """One field for the access code (e.g. 7K3M-Q9XD-2HBT), below what the package says it is."""

    def __init__(
        self, summary: PackageSummary, reopening: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.summary = summary
        self.reopening = reopening
        self.setObjectName("accessCodeDialog")
        self.setWindowTitle(self.tr("Access code"))
        self.setMinimumWidth(480)
        what = QLabel(
            self.tr("{competition} · {round}\nJudge {judge} ({code}) · {n} cases").format(
                competition=summary.competition,
                round=summary.round,
                judge=summary.judge,
                code=summary.judge_code,
                n=summary.cases,
            )
        )
        what.setObjectName("accessCodePackage")
        what.setWordWrap(True)
        caption = QLabel(self.tr("Organizer key fingerprint:"))
        self.fingerprint = QLabel(summary.organizer_fingerprint)
        self.fingerprint.setObjectName("organizerFingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setAccessibleName(caption.text())
        fingerprint_row = QHBoxLayout()
        fingerprint_row.addWidget(caption)
        fingerprint_row.addWidget(self.fingerprint, 1)
        compare = QLabel(
            self.tr(
                "Compare it with the fingerprint the organizer announced. If they differ, the package "
                "did not come from the organizer: do not enter your code."
            )
        )
        compare.setObjectName("fingerprintHint")
        compare.setWordWrap(True)
        text = QLabel(
            self.tr("This computer does not keep your judge key: enter your access code again to sign.")
            if reopening
            else self.tr("Enter the access code the organizer gave you for {name}.").format(
                name=summary.path.name
            )
        )
        text.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("accessCode")
        self.code.setAccessibleName(self.tr("Access code"))
        self.code.setPlaceholderText("XXXX-XXXX-XXXX")
        text.setBuddy(self.code)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(fingerprint_row)
        layout.addWidget(compare)
        layout.addSpacing(8)
        layout.addWidget(text)
        layout.addWidget(self.code)
        layout.addWidget(buttons)

    def entered(self) -> str | None:
        return self.code.text().strip() or None
