# SPDX-License-Identifier: Apache-2.0
"""The hall's display: one full-screen window on the projector's screen, painting the live session.

It takes keys from a presenter clicker too: PageDown / PageUp turn the case's slides while they are
shown, and otherwise move the show one scene on or back (most clickers send exactly these keys).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.projector.canvas import ProjectorCanvas
from ui.projector.live_model import LiveModel
from ui.viewer.render_worker import PdfRenderer


class ProjectorWindow(QWidget):
    """A frameless full-screen window on a chosen screen; closes only when the console says so."""

    def __init__(self, model: LiveModel, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("projectorWindow")
        self.setWindowTitle(self.tr("Leitai — projector"))
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.model = model
        self.renderer = PdfRenderer(self)
        self.canvas = ProjectorCanvas(model, renderer=self.renderer, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self._closing = False

    def show_on(self, screen: QScreen | None) -> None:
        """Full screen on ``screen`` (the projector), or where the window is when None."""
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        snap = self.canvas.snapshot
        slides = snap.scene == "presenting" and snap.show_slides and self.canvas.slide_pages() > 0
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_Down):
            if slides:
                self.model.act("page", 1, self.canvas.slide_pages())
            else:
                self.model.act("next")
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up):
            if slides:
                self.model.act("page", -1, self.canvas.slide_pages())
            else:
                self.model.act("previous")
        else:
            super().keyPressEvent(event)

    def shutdown(self) -> None:
        """Close for good: stop the slide renderer's thread."""
        self._closing = True
        self.canvas.close_slides()
        self.renderer.stop()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing:  # Alt-F4 on the projector must not end the show: the console decides
            event.ignore()
            return
        super().closeEvent(event)
