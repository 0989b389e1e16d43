# SPDX-License-Identifier: Apache-2.0
"""Full screen for one widget inside its window, without reparenting it.

The window goes full screen and every other widget on the way from the widget up to the window is hidden.
Reparenting would be simpler for a plain widget but gives a native widget a new window id, and libvlc keeps
drawing into the old one (VLC's video would vanish), so the reader and the player both use this.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget


class FullScreenHelper(QObject):
    """``toggle()`` fills the screen with ``widget``; ``leave()`` puts everything back as it was."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._hidden: list[QWidget] = []
        self._window_state: Qt.WindowState | None = None

    @property
    def active(self) -> bool:
        return self._window_state is not None

    def toggle(self) -> None:
        if self.active:
            self.leave()
        else:
            self.enter()

    def enter(self) -> None:
        if self.active:
            return
        window = self._widget.window()
        self._window_state = window.windowState()
        child = self._widget
        while child is not window:
            parent = child.parentWidget()
            if parent is None:
                break
            for sibling in parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
                if sibling is not child and not sibling.isWindow() and sibling.isVisible():
                    sibling.hide()
                    self._hidden.append(sibling)
            child = parent
        window.showFullScreen()

    def leave(self) -> None:
        if self._window_state is None:
            return
        for widget in reversed(self._hidden):
            widget.show()
        self._hidden.clear()
        window = self._widget.window()
        state = self._window_state
        self._window_state = None
        if state & Qt.WindowState.WindowFullScreen:
            return
        if state & Qt.WindowState.WindowMaximized:
            window.showMaximized()
        else:
            window.showNormal()
