# SPDX-License-Identifier: Apache-2.0
"""The case video player: picture, play/pause, seek bar, time, volume, full screen, keyboard.

The picture comes from one of two players (``video_backends``: python-vlc embedded in the window, or
QtMultimedia when libvlc is not there); ``video_backend()`` says which one this machine uses (the About
box shows it). A missing or unplayable video is said in place of the picture and never stands in the
judge's way.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSlider,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.viewer.full_screen import FullScreenHelper
from ui.viewer.video_backends import (
    ENV_BACKEND,
    Backend,
    VideoBackendInfo,
    _vlc_instance,
    make_backend,
    video_backend,
)

__all__ = [
    "ENV_BACKEND",
    "VideoBackendInfo",
    "VideoPlayerWidget",
    "_vlc_instance",
    "format_ms",
    "video_backend",
]

log = logging.getLogger(__name__)

#: Milliseconds the arrow keys seek.
SEEK_STEP_MS = 5000


def format_ms(ms: int) -> str:
    """``83000`` -> ``01:23`` (hours only when there are any)."""
    seconds = max(0, ms) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class VideoPlayerWidget(QWidget):
    """Picture, play/pause, seek bar, time, volume, full screen; says so in place when a video can't play."""

    state_changed = Signal(str)  # playing | paused | stopped | ended
    duration_changed = Signal(int)
    position_changed = Signal(int)
    video_failed = Signal(str)  # message shown in place
    video_ready = Signal()

    def __init__(self, parent: QWidget | None = None, *, backend: str | None = None) -> None:
        super().__init__(parent)
        self.backend_info = video_backend() if backend is None else VideoBackendInfo(backend, "")
        self._backend: Backend | None = None
        self._path: Path | None = None
        self._duration = 0
        self._position = 0
        self._state = "stopped"
        self._dragging = False
        self._full_screen = FullScreenHelper(self)

        self.message = QLabel()
        self.message.setObjectName("videoMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.screen = QStackedWidget()
        self.screen.addWidget(self.message)
        self.screen.setMinimumHeight(180)

        self._build_controls()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.screen, 1)
        layout.addWidget(self.controls)

        self._shortcut_rows: list[tuple[str, str]] = []
        self._key(Qt.Key.Key_Space, self.toggle_play, self.tr("Play / pause"))
        self._key(Qt.Key.Key_K, self.toggle_play, None)
        self._key(
            Qt.Key.Key_Left, lambda: self.seek(self._position - SEEK_STEP_MS), self.tr("Back 5 seconds")
        )
        self._key(
            Qt.Key.Key_Right, lambda: self.seek(self._position + SEEK_STEP_MS), self.tr("Forward 5 seconds")
        )
        self._key(Qt.Key.Key_M, self.mute_button.toggle, self.tr("Mute"))
        self._key(Qt.Key.Key_F, self.toggle_full_screen, self.tr("Full screen video"))
        self._key(Qt.Key.Key_Escape, self._full_screen.leave, None)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._set_controls_enabled(False)
        self.show_message(self.tr("This case has no video."))

    def _build_controls(self) -> None:
        """The bar under the picture: play, seek, time, mute, volume, full screen."""
        style = self.style()
        self.play_button = QToolButton()
        self.play_button.setObjectName("videoPlay")
        self.play_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.play_button.setToolTip(self.tr("Play / pause (Space)"))
        self.play_button.setAccessibleName(self.tr("Play / pause"))
        self.play_button.clicked.connect(self.toggle_play)
        self.time_label = QLabel("00:00 / 00:00")
        self.time_label.setObjectName("videoTime")
        self.time_label.setMinimumWidth(110)
        self.seek_slider = QSlider(Qt.Orientation.Horizontal)
        self.seek_slider.setObjectName("videoSeek")
        self.seek_slider.setAccessibleName(self.tr("Position"))
        self.seek_slider.setRange(0, 0)
        self.seek_slider.sliderPressed.connect(self._on_slider_pressed)
        self.seek_slider.sliderReleased.connect(self._on_slider_released)
        self.seek_slider.sliderMoved.connect(self._on_slider_moved)
        self.seek_slider.actionTriggered.connect(self._on_slider_action)
        self.mute_button = QToolButton()
        self.mute_button.setCheckable(True)
        self.mute_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaVolume))
        self.mute_button.setToolTip(self.tr("Mute (M)"))
        self.mute_button.setAccessibleName(self.tr("Mute"))
        self.mute_button.toggled.connect(self._on_mute_toggled)
        self.volume_slider = QSlider(Qt.Orientation.Horizontal)
        self.volume_slider.setObjectName("videoVolume")
        self.volume_slider.setAccessibleName(self.tr("Volume"))
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setValue(80)
        self.volume_slider.setMaximumWidth(110)
        self.volume_slider.valueChanged.connect(self.set_volume)
        self.full_button = QToolButton()
        self.full_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_TitleBarMaxButton))
        self.full_button.setToolTip(self.tr("Full screen (F)"))
        self.full_button.setAccessibleName(self.tr("Full screen"))
        self.full_button.clicked.connect(self.toggle_full_screen)

        self.controls = QWidget()
        bar = QHBoxLayout(self.controls)
        bar.setContentsMargins(6, 4, 6, 4)
        bar.addWidget(self.play_button)
        bar.addWidget(self.seek_slider, 1)
        bar.addWidget(self.time_label)
        bar.addWidget(self.mute_button)
        bar.addWidget(self.volume_slider)
        bar.addWidget(self.full_button)

    def _key(self, key: Qt.Key, slot: Any, description: str | None) -> None:
        from PySide6.QtGui import QAction

        action = QAction(self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        if description:
            self._shortcut_rows.append(
                (action.shortcut().toString(QKeySequence.SequenceFormat.NativeText), description)
            )

    def shortcuts(self) -> list[tuple[str, str]]:
        """(keys, what they do) for the help overlay (active while the player has the focus)."""
        return list(self._shortcut_rows)

    # ---- media ---------------------------------------------------------------------------------------
    @property
    def state(self) -> str:
        return self._state

    @property
    def position(self) -> int:
        return self._position

    @property
    def duration(self) -> int:
        return self._duration

    def open_video(self, path: Path | None) -> None:
        """Load a video (paused at its start); None or a missing file shows why there is no picture."""
        self.close_video()
        if path is None:
            self.show_message(self.tr("This case has no video."))
            return
        path = Path(path)
        if not path.is_file():
            self._fail(self.tr("The video file is missing: {0}").format(path.name))
            return
        self._path = path
        try:
            backend = self._make_backend()
        except Exception as exc:  # a player that cannot even start must not take the judge's window down
            log.exception("video backend failed to start")
            self._fail(self.tr("The video player could not start: {0}").format(exc))
            return
        self._backend = backend
        backend.position_changed.connect(self._on_position)
        backend.duration_changed.connect(self._on_duration)
        backend.state_changed.connect(self._on_state)
        backend.failed.connect(self._on_failed)
        backend.media_ready.connect(self._on_ready)
        self.screen.addWidget(backend.video_widget)
        self.screen.setCurrentWidget(backend.video_widget)
        backend.set_volume(self.volume_slider.value())
        backend.set_muted(self.mute_button.isChecked())
        backend.load(path)
        self._set_controls_enabled(True)

    def _make_backend(self) -> Backend:
        return make_backend(self.backend_info.name, self.screen)

    def close_video(self) -> None:
        """Stop and forget the current video."""
        backend, self._backend = self._backend, None
        if backend is not None:
            backend.blockSignals(True)
            backend.release()
            self.screen.removeWidget(backend.video_widget)
            backend.video_widget.deleteLater()
            backend.deleteLater()
        self._path = None
        self._duration = self._position = 0
        self._state = "stopped"
        self._update_time()
        self.seek_slider.setRange(0, 0)
        self._set_controls_enabled(False)
        self._update_play_icon()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.screen.setCurrentWidget(self.message)

    def _fail(self, text: str) -> None:
        self.show_message(text + "\n" + self.tr("You can still score this case."))
        self._set_controls_enabled(False)
        self.video_failed.emit(text)

    # ---- controls ------------------------------------------------------------------------------------
    def play(self) -> None:
        if self._backend is not None:
            self._backend.play()

    def pause(self) -> None:
        if self._backend is not None:
            self._backend.pause()

    def toggle_play(self) -> None:
        if self._state == "playing":
            self.pause()
        else:
            self.play()

    def seek(self, ms: int) -> None:
        if self._backend is None:
            return
        ms = max(0, min(int(ms), self._duration or int(ms)))
        self._backend.seek(ms)
        self._on_position(ms)

    def set_volume(self, volume: int) -> None:
        if self.volume_slider.value() != volume:
            self.volume_slider.setValue(volume)
        if self._backend is not None:
            self._backend.set_volume(volume)

    def _on_mute_toggled(self, muted: bool) -> None:
        icon = QStyle.StandardPixmap.SP_MediaVolumeMuted if muted else QStyle.StandardPixmap.SP_MediaVolume
        self.mute_button.setIcon(self.style().standardIcon(icon))
        if self._backend is not None:
            self._backend.set_muted(muted)

    @property
    def is_full_screen(self) -> bool:
        return self._full_screen.active

    def toggle_full_screen(self) -> None:
        self._full_screen.toggle()
        self.setFocus()

    def _set_controls_enabled(self, enabled: bool) -> None:
        for widget in (self.play_button, self.seek_slider, self.full_button):
            widget.setEnabled(enabled)

    # ---- backend events ------------------------------------------------------------------------------
    def _on_position(self, ms: int) -> None:
        self._position = ms
        if not self._dragging:
            self.seek_slider.blockSignals(True)
            self.seek_slider.setValue(ms)
            self.seek_slider.blockSignals(False)
        self._update_time()
        self.position_changed.emit(ms)

    def _on_duration(self, ms: int) -> None:
        self._duration = ms
        self.seek_slider.setRange(0, ms)
        self.seek_slider.setPageStep(max(1000, ms // 10))
        self.seek_slider.setSingleStep(1000)
        self._update_time()
        self.duration_changed.emit(ms)

    def _on_state(self, state: str) -> None:
        self._state = state
        if state == "ended" and self._duration:
            self._on_position(self._duration)
        self._update_play_icon()
        self.state_changed.emit(state)

    def _on_failed(self, reason: str) -> None:
        name = self._path.name if self._path else ""
        self.close_video()
        self._fail(self.tr("This video cannot be played (damaged or in an unknown format): {0}").format(name))

    def _on_ready(self) -> None:
        self.video_ready.emit()

    def _update_time(self) -> None:
        self.time_label.setText(f"{format_ms(self._position)} / {format_ms(self._duration)}")

    def _update_play_icon(self) -> None:
        icon = (
            QStyle.StandardPixmap.SP_MediaPause
            if self._state == "playing"
            else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play_button.setIcon(self.style().standardIcon(icon))

    def _on_slider_pressed(self) -> None:
        self._dragging = True

    def _on_slider_moved(self, value: int) -> None:
        self.time_label.setText(f"{format_ms(value)} / {format_ms(self._duration)}")

    def _on_slider_released(self) -> None:
        self._dragging = False
        self.seek(self.seek_slider.value())

    def _on_slider_action(self, action: int) -> None:
        # Clicks on the groove and keyboard steps move the slider without a press/release pair.
        if not self._dragging and action != QSlider.SliderAction.SliderMove.value:
            self.seek(self.seek_slider.sliderPosition())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The window may not have focus right after going full screen: Esc must still bring it back.
        if event.key() == Qt.Key.Key_Escape and self._full_screen.active:
            self._full_screen.leave()
            event.accept()
            return
        super().keyPressEvent(event)

    def shutdown(self) -> None:
        self._full_screen.leave()
        self.close_video()
