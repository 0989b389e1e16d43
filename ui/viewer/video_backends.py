# SPDX-License-Identifier: Apache-2.0
"""The two players a case video can play in: python-vlc (libvlc) embedded in a native child widget, or
QtMultimedia when libvlc is not there. ``video_backend()`` says which one this machine uses.

``LEITAI_VIDEO_BACKEND=qt`` forces QtMultimedia, ``=vlc`` insists on VLC. libvlc reports on its own
threads: its events are re-emitted as Qt signals (queued to the GUI thread) and nothing calls back into
libvlc from those threads.
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
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

#: Environment variable that picks the backend: ``qt`` or ``vlc`` (default: VLC if it loads).
ENV_BACKEND = "LEITAI_VIDEO_BACKEND"
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


class Backend(QObject):
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


class VlcBackend(Backend):
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


class QtBackend(Backend):
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


def make_backend(name: str, parent: QWidget) -> Backend:
    """A player of the backend ``name`` (``vlc`` falls back to Qt when libvlc cannot load)."""
    if name == "vlc":
        instance = _vlc_instance()
        if instance is not None:
            return VlcBackend(instance, parent)
    return QtBackend(parent)
