# SPDX-License-Identifier: Apache-2.0
"""The judge's start page: nothing open yet. One big way in (open a package, or drop it here), the homes
already on this computer to continue in, and the way back to Leitai's start page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

#: The column the page's content sits in, so lines stay readable on a wide screen.
COLUMN_WIDTH = 640


class JudgeStartPage(QWidget):
    """Asks; the judge view opens. Every control is reachable by keyboard (Tab) and named for readers."""

    open_requested = Signal()
    home_chosen = Signal(object)  # Path of a judge home
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("judgeStartPage")
        self.back_button = QPushButton(self.tr("← Start page"))
        self.back_button.setObjectName("judgeBack")
        self.back_button.setToolTip(self.tr("Back to Leitai's start page"))
        self.back_button.setAccessibleName(self.tr("Back to the start page"))
        self.back_button.clicked.connect(self.back_requested)

        self.title = QLabel(self.tr("Judge workspace"))
        self.title.setObjectName("judgeStartTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # A wrapped label given the column's whole width: the layout asks it for its height at that
        # width (heightForWidth), so the hint is never clipped, whatever the window's size or language.
        self.hint = QLabel(
            self.tr("Open the judge package (.leitai-pkg) the organizer sent you, or drop it here.")
        )
        self.hint.setObjectName("judgeStartHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.open_button = QPushButton(self.tr("Open judge package…"))
        self.open_button.setObjectName("openPackageButton")
        self.open_button.setProperty("primary", True)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.open_requested)
        self.homes_label = QLabel(self.tr("Continue where you left off"))
        self.homes_label.setObjectName("sectionHeading")
        self.homes_list = QListWidget()
        self.homes_list.setObjectName("judgeHomes")
        self.homes_list.setAccessibleName(self.tr("Judge folders on this computer"))
        self.homes_list.setMaximumHeight(180)
        self.homes_list.itemActivated.connect(self._on_item)
        self.homes_list.itemClicked.connect(self._on_item)
        self.homes_label.setBuddy(self.homes_list)

        column = QWidget()
        column.setObjectName("judgeStartColumn")
        column.setMaximumWidth(COLUMN_WIDTH)
        column.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.title)
        inner.addWidget(self.hint)
        inner.addSpacing(8)
        inner.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addSpacing(24)
        inner.addWidget(self.homes_label)
        inner.addWidget(self.homes_list)

        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(column, 100)
        centre.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addStretch(1)
        layout.addLayout(centre)
        layout.addStretch(2)

    def set_homes(self, homes: list[Path]) -> None:
        """List the homes to continue in (newest first); the list hides when there are none."""
        self.homes_list.clear()
        for path in homes:
            item = QListWidgetItem(path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.homes_list.addItem(item)
        shown = bool(homes)
        self.homes_label.setVisible(shown)
        self.homes_list.setVisible(shown)

    def _on_item(self, item: QListWidgetItem) -> None:
        self.home_chosen.emit(Path(str(item.data(Qt.ItemDataRole.UserRole))))
