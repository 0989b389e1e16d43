# SPDX-License-Identifier: Apache-2.0
"""The case video player on both backends (VLC with dummy output, QtMultimedia), and its failures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import av
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ui.viewer import video_backends
from ui.viewer.video_player import VideoPlayerWidget, format_ms, video_backend

BACKENDS = ["qt"] + (["vlc"] if video_backends._vlc_instance() is not None else [])


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> Path:
    """A 2-second 320x180 H.264 MP4."""
    path = tmp_path_factory.mktemp("video") / "case.mp4"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264" if "libx264" in av.codecs_available else "mpeg4", rate=25)
        stream.width, stream.height, stream.pix_fmt = 320, 180, "yuv420p"
        for i in range(50):
            frame = av.VideoFrame(320, 180, "rgb24")
            frame.planes[0].update(bytes([(i * 5) % 256]) * (320 * 180 * 3))
            for packet in stream.encode(frame.reformat(format="yuv420p")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


@pytest.fixture(params=BACKENDS)
def player(request, qtbot) -> Iterator[VideoPlayerWidget]:
    widget = VideoPlayerWidget(backend=request.param)
    qtbot.addWidget(widget)
    widget.resize(640, 400)
    widget.show()
    yield widget
    widget.shutdown()


def test_backend_is_reported_and_can_be_forced(monkeypatch):
    monkeypatch.setenv(video_backends.ENV_BACKEND, "qt")
    info = video_backend()
    assert info.name == "qt"
    assert info.forced
    monkeypatch.delenv(video_backends.ENV_BACKEND)
    expected = "vlc" if video_backends._vlc_instance() is not None else "qt"
    assert video_backend().name == expected
    assert video_backend().version


def test_plays_pauses_seeks_and_reaches_the_end(qtbot, player, clip):
    with qtbot.waitSignal(player.duration_changed, timeout=5000):
        player.open_video(clip)
    assert player.duration == 2000
    assert player.seek_slider.maximum() == 2000
    assert player.time_label.text() == "00:00 / 00:02"
    qtbot.keyClick(player, Qt.Key.Key_Space)  # play
    qtbot.waitUntil(lambda: player.state == "playing" and player.position > 200, timeout=5000)
    player.pause()
    qtbot.waitUntil(lambda: player.state == "paused", timeout=5000)
    player.seek(1500)
    assert player.position == 1500
    assert player.seek_slider.value() == 1500
    assert player.time_label.text() == "00:01 / 00:02"
    player.play()
    qtbot.waitUntil(lambda: player.state == "ended", timeout=5000)
    player.play()  # plays again from the start
    qtbot.waitUntil(lambda: player.state == "playing", timeout=5000)


def test_volume_and_mute(player, clip):
    player.open_video(clip)
    player.volume_slider.setValue(35)
    assert player.volume_slider.value() == 35
    player.mute_button.click()
    assert player.mute_button.isChecked()


@pytest.mark.parametrize("backend", BACKENDS)
def test_broken_video_says_so_in_place(qtbot, tmp_path, backend):
    widget = VideoPlayerWidget(backend=backend)
    qtbot.addWidget(widget)
    widget.show()
    bad = tmp_path / "broken.mp4"
    bad.write_bytes(b"\x00\x01not a video" * 2000)
    with qtbot.waitSignal(widget.video_failed, timeout=8000):
        widget.open_video(bad)
    assert widget.screen.currentWidget() is widget.message
    assert "broken.mp4" in widget.message.text()
    assert not widget.play_button.isEnabled()
    widget.shutdown()


def test_missing_or_absent_video(qtbot):
    widget = VideoPlayerWidget(backend="qt")
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.video_failed):
        widget.open_video(Path("/nowhere/gone.mp4"))
    assert "gone.mp4" in widget.message.text()
    widget.open_video(None)
    assert widget.screen.currentWidget() is widget.message
    assert widget.message.text()
    widget.toggle_play()  # nothing loaded: nothing happens, nothing breaks
    widget.seek(1000)


def test_full_screen_fills_the_window_and_comes_back(qtbot, clip):
    host = QWidget()
    qtbot.addWidget(host)
    row = QHBoxLayout(host)
    side = QLabel("rubric")
    row.addWidget(side)
    widget = VideoPlayerWidget(backend="qt")
    row.addWidget(widget)
    host.show()
    widget.open_video(clip)
    widget.toggle_full_screen()
    assert host.isFullScreen()
    assert not side.isVisible()
    qtbot.keyClick(widget, Qt.Key.Key_Escape)
    assert not host.isFullScreen()
    assert side.isVisible()
    widget.shutdown()


def test_format_ms():
    assert format_ms(0) == "00:00"
    assert format_ms(83_999) == "01:23"
    assert format_ms(3_723_000) == "1:02:03"
