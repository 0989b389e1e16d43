# SPDX-License-Identifier: Apache-2.0
"""A translucent sheet over the judge's workspace listing every keyboard shortcut (F1 or ?)."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class HelpOverlay(QWidget):
    """Covers its parent while shown; any key or click closes it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("helpOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # the veil's colour: leitai.qss
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        panel = QWidget()
        panel.setObjectName("helpOverlayPanel")
        panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.text = QLabel()
        self.text.setObjectName("helpOverlayText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.closing = QLabel()
        self.closing.setObjectName("helpOverlayClosing")
        inner = QVBoxLayout(panel)
        inner.addWidget(self.text)
        inner.addWidget(self.closing)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        parent.installEventFilter(self)
        self.hide()

    def set_sections(self, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        """Sections of (keys, action) rows."""
        heading = self.tr("Keyboard shortcuts")
        closing = self.tr("Press any key to close.")
        parts = [f"<h2>{html.escape(heading)}</h2><table cellspacing='0' cellpadding='4'>"]
        for title, rows in sections:
            parts.append(
                f"<tr><td colspan='2' style='padding-top:10px'><b>{html.escape(title)}</b></td></tr>"
            )
            for keys, action in rows:
                parts.append(
                    f"<tr><td style='padding-right:24px'><code>{html.escape(keys)}</code></td>"
                    f"<td>{html.escape(action)}</td></tr>"
                )
        parts.append("</table>")
        self.text.setText("".join(parts))
        self.closing.setText(closing)

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
        else:
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
            self.show()
            self.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect())
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.hide()
        event.accept()

    def mousePressEvent(self, event: object) -> None:
        self.hide()
