# SPDX-License-Identifier: Apache-2.0
"""The case video player: python-vlc embedded in the window, QtMultimedia when libvlc is not there.

``video_backend()`` says which one this machine uses (the About box shows it). ``LEITAI_VIDEO_BACKEND=qt``
forces QtMultimedia, ``=vlc`` insists on VLC. libvlc reports on its own threads: its events are re-emitted
as Qt signals (queued to the GUI thread) and nothing calls back into libvlc from those threads. A missing or
unplayable video is said in place of the picture and never stands in the judge's way.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
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

log = logging.getLogger(__name__)

#: Environment variable that picks the backend: ``qt`` or ``vlc`` (default: VLC if it loads).
ENV_BACKEND = "LEITAI_VIDEO_BACKEND"
#: Milliseconds the arrow keys seek.
SEEK_STEP_MS = 5000
#: Options for libvlc; never the on-screen title, never a window of its own.
VLC_ARGS = ["--quiet", "--no-video-title-show", "--no-xlib"]
#: Under offscreen Qt there is no window to draw into (and ``set_xwindow`` would crash): no output at all.
VLC_HEADLESS_ARGS = ["--vout=dummy", "--aout=dummy"]


@dataclass(frozen=True, slots=True)
class VideoBackendInfo:
    """Which player a case video plays in: ``vlc`` or ``qt`` (QtMultimedia), its version and why."""

    name: str
    version: str
    forced: bool = False
    note: str = ""  # why the fallback is used, when it is


def _headless() -> bool:
    platform = QGuiApplication.platformName() if QGuiApplication.instance() else ""
    return (platform or os.environ.get("QT_QPA_PLATFORM", "")) in ("offscreen", "minimal")


@functools.cache
def _vlc_instance() -> Any:
    """The one libvlc instance of the process (made on first use), or None if libvlc cannot load."""
    try:
        import vlc

        instance = vlc.Instance(VLC_ARGS + (VLC_HEADLESS_ARGS if _headless() else []))
    except Exception as exc:  # no python-vlc, no libvlc, or a broken install: all mean "use Qt"
        log.info("libvlc unavailable: %s", exc)
        return None
    return instance


def video_backend() -> VideoBackendInfo:
    """The backend the player uses on this machine, for the About box and the tests."""
    from PySide6.QtCore import qVersion

    choice = os.environ.get(ENV_BACKEND, "").strip().lower()
    if choice == "qt":
        return VideoBackendInfo("qt", qVersion(), forced=True)
    if _vlc_instance() is not None:
        import vlc

        raw = vlc.libvlc_get_version()
        version = raw.decode(errors="replace") if isinstance(raw, bytes) else str(raw)
        return VideoBackendInfo("vlc", version.split(" ")[0], forced=choice == "vlc")
    return VideoBackendInfo("qt", qVersion(), note="libvlc not found")


def format_ms(ms: int) -> str:
    """``83000`` -> ``01:23`` (hours only when there are any)."""
    seconds = max(0, ms) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class _Backend(QObject):
    """What the widget needs of a player; both backends emit these on the GUI thread."""

    position_changed = Signal(int)  # ms
    duration_changed = Signal(int)  # ms
    state_changed = Signal(str)  # playing | paused | stopped | ended
    failed = Signal(str)  # "unplayable"
    media_ready = Signal()

    video_widget: QWidget

    def load(self, path: Path) -> None: ...
    def play(self) -> None: ...
    def pause(self) -> None: ...
    def stop(self) -> None: ...
    def seek(self, ms: int) -> None: ...
    def set_volume(self, volume: int) -> None: ...
    def set_muted(self, muted: bool) -> None: ...
    def release(self) -> None: ...


class _VlcBackend(_Backend):
    """libvlc drawing into a native child widget; its events come back as signals."""

    # Private signals: emitted on VLC's threads, delivered (queued) on the GUI thread.
    _vlc_event = Signal(str, int)

    def __init__(self, instance: Any, parent: QWidget) -> None:
        super().__init__(parent)
        import vlc

        self._vlc = vlc
        self._player = instance.media_player_new()
        self._media: Any = None
        self._embedded = False
        self._ended = False
        self.video_widget = QWidget(parent)
        self.video_widget.setObjectName("vlcVideo")
        self.video_widget.setAttribute(Qt.WidgetAttribute.WA_NativeWindow, not _headless())
        # The bars around VLC's picture: painted by Qt from leitai.qss (#vlcVideo), as black as the film.
        self.video_widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._vlc_event.connect(self._on_vlc_event)
        events = self._player.event_manager()
        et = vlc.EventType
        for name, kind in (
            ("playing", et.MediaPlayerPlaying),
            ("paused", et.MediaPlayerPaused),
            ("stopped", et.MediaPlayerStopped),
            ("ended", et.MediaPlayerEndReached),
            ("error", et.MediaPlayerEncounteredError),
            ("time", et.MediaPlayerTimeChanged),
            ("length", et.MediaPlayerLengthChanged),
        ):
            events.event_attach(kind, self._make_callback(name))

    def _make_callback(self, name: str) -> Any:
        # Runs on a libvlc thread: only read the event and hand it over; never call libvlc from here.
        def callback(event: Any) -> None:
            value = 0
            if name == "time":
                value = int(event.u.new_time)
            elif name == "length":
                value = int(event.u.new_length)
            self._post(name, value)

        return callback

    def _post(self, name: str, value: int) -> None:
        """Hand a libvlc event to the GUI thread; libvlc may still report after the player was closed."""
        with contextlib.suppress(RuntimeError):  # the Qt side is gone: nobody is listening any more
            self._vlc_event.emit(name, value)

    def _on_vlc_event(self, name: str, value: int) -> None:
        if name == "time":
            self.position_changed.emit(value)
        elif name == "length":
            if value > 0:
                self.duration_changed.emit(value)
        elif name == "error":
            self.failed.emit("unplayable")
        elif name == "parsed":
            self._on_parsed()
        elif name == "stopped" and self._ended:
            return  # libvlc may report "stopped" right after "end reached": the video is still at its end
        else:
            self._ended = name == "ended"
            self.state_changed.emit(name)

    def _embed(self) -> None:
        if self._embedded or _headless():
            return
        win_id = int(self.video_widget.winId())
        platform = QGuiApplication.platformName()
        if platform == "windows":
            self._player.set_hwnd(win_id)
        elif platform == "cocoa":
            self._player.set_nsobject(win_id)
        elif platform == "xcb":
            self._player.set_xwindow(win_id)
        self._embedded = True

    def load(self, path: Path) -> None:
        media = self._player.get_instance().media_new_path(str(path))
        self._media = media
        media.event_manager().event_attach(
            self._vlc.EventType.MediaParsedChanged,
            lambda _event: self._post("parsed", 0),
        )
        self._player.set_media(media)
        media.parse_with_options(self._vlc.MediaParseFlag.local, 5000)

    def _on_parsed(self) -> None:
        media = self._media
        if media is None:
            return
        status = media.get_parsed_status()
        if not status:  # 0: not parsed yet (libvlc reports that first)
            return
        if status != self._vlc.MediaParsedStatus.done:
            self.failed.emit("unplayable")
            return
        tracks = list(media.tracks_get() or [])
        if not tracks:
            self.failed.emit("unplayable")
            return
        duration = media.get_duration()
        if duration > 0:
            self.duration_changed.emit(duration)
        self.media_ready.emit()

    def play(self) -> None:
        self._embed()
        if self._ended:  # libvlc needs a stop before it plays an ended media again
            self._player.stop()
            self._ended = False
        self._player.play()

    def pause(self) -> None:
        self._player.set_pause(1)

    def stop(self) -> None:
        self._player.stop()

    def seek(self, ms: int) -> None:
        if self._ended:
            self.play()
        self._player.set_time(max(0, int(ms)))
        self.position_changed.emit(max(0, int(ms)))

    def set_volume(self, volume: int) -> None:
        self._player.audio_set_volume(int(volume))

    def set_muted(self, muted: bool) -> None:
        self._player.audio_set_mute(bool(muted))

    def release(self) -> None:
        et = self._vlc.EventType
        if self._media is not None:
            self._media.event_manager().event_detach(et.MediaParsedChanged)
            self._media.parse_stop()
        self._player.stop()
        events = self._player.event_manager()
        for kind in (
            et.MediaPlayerPlaying,
            et.MediaPlayerPaused,
            et.MediaPlayerStopped,
            et.MediaPlayerEndReached,
            et.MediaPlayerEncounteredError,
            et.MediaPlayerTimeChanged,
            et.MediaPlayerLengthChanged,
        ):
            events.event_detach(kind)
        self._player.release()
        if self._media is not None:
            self._media.release()
        self._media = None


class _QtBackend(_Backend):
    """QMediaPlayer into a QVideoWidget (Qt ships its own FFmpeg, so it plays MP4 anywhere)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self._qmp = QMediaPlayer
        self._player = QMediaPlayer(self)
        self._audio = QAudioOutput(self)
        self._player.setAudioOutput(self._audio)
        self.video_widget = QVideoWidget(parent)
        self._player.setVideoOutput(self.video_widget)
        self._player.positionChanged.connect(lambda ms: self.position_changed.emit(int(ms)))
        self._player.durationChanged.connect(
            lambda ms: self.duration_changed.emit(int(ms)) if ms > 0 else None
        )
        self._player.playbackStateChanged.connect(self._on_state)
        self._player.mediaStatusChanged.connect(self._on_status)
        self._player.errorOccurred.connect(lambda *_: self.failed.emit("unplayable"))

    def _on_state(self, state: Any) -> None:
        names = {
            self._qmp.PlaybackState.PlayingState: "playing",
            self._qmp.PlaybackState.PausedState: "paused",
            self._qmp.PlaybackState.StoppedState: "stopped",
        }
        if state == self._qmp.PlaybackState.StoppedState and (
            self._player.mediaStatus() == self._qmp.MediaStatus.EndOfMedia
        ):
            self.state_changed.emit("ended")
        else:
            self.state_changed.emit(names.get(state, "stopped"))

    def _on_status(self, status: Any) -> None:
        if status == self._qmp.MediaStatus.EndOfMedia:
            self.state_changed.emit("ended")
        elif status == self._qmp.MediaStatus.InvalidMedia:
            self.failed.emit("unplayable")
        elif status == self._qmp.MediaStatus.LoadedMedia:
            if not (self._player.hasVideo() or self._player.hasAudio()):
                self.failed.emit("unplayable")
            else:
                self.media_ready.emit()

    def load(self, path: Path) -> None:
        self._player.setSource(QUrl.fromLocalFile(str(path)))

    def play(self) -> None:
        self._player.play()

    def pause(self) -> None:
        self._player.pause()

    def stop(self) -> None:
        self._player.stop()

    def seek(self, ms: int) -> None:
        self._player.setPosition(max(0, int(ms)))

    def set_volume(self, volume: int) -> None:
        self._audio.setVolume(volume / 100)

    def set_muted(self, muted: bool) -> None:
        self._audio.setMuted(muted)

    def release(self) -> None:
        self._player.stop()
        self._player.setSource(QUrl())


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
        self._backend: _Backend | None = None
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

        style = self.style()
        self.play_button = QToolButton()
        self.play_button.setObjectName("videoPlay")
        self.play_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.play_button.setToolTip(self.tr("Play / pause (Space)"))
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

    def _make_backend(self) -> _Backend:
        if self.backend_info.name == "vlc":
            instance = _vlc_instance()
            if instance is not None:
                return _VlcBackend(instance, self.screen)
        return _QtBackend(self.screen)

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
