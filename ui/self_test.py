# SPDX-License-Identifier: Apache-2.0
"""``leitai --self-test``, the interface's half: a slide page rendered by the reader's own render thread
and a second of video decoded by the player the judge's view really uses (libvlc or QtMultimedia), so a
missing Qt plugin, libvlc plugin or codec in an installed copy shows here and not in front of a case.

The chain itself (demo, package, scores, bundle) is ``app.diagnostics.selftest``; no window is shown, so
it runs offscreen as well as on a desktop.
"""

from __future__ import annotations

import ctypes
import logging
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer, QUrl, qVersion
from PySide6.QtWidgets import QApplication

from app import __version__
from app.diagnostics.selftest import PAGE_WIDTH_PX, Check, SelfTestError, run_self_test

log = logging.getLogger("leitai.selftest")

#: Seconds each media step may take before it counts as failed (a slow laptop is still well inside).
MEDIA_TIMEOUT_S = 30.0
#: Frame size libvlc decodes into (its picture is scaled to it; the size does not matter to the check).
VLC_FRAME = (320, 180)


def _wait(done: Callable[[], bool], timeout_s: float) -> bool:
    """Run the event loop until ``done()`` or the timeout; True if done."""
    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    while not done():
        if time.monotonic() > deadline:
            return False
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    return True


class QtMediaChecks:
    """Render and decode through the interface's own components."""

    def render_page(self, pdf: Path) -> str:
        from ui.viewer.page_cache import PageKey
        from ui.viewer.render_worker import PageRequest, PdfRenderer

        renderer = PdfRenderer()
        seen: dict[str, Any] = {}
        renderer.document_opened.connect(lambda doc, info: seen.update(doc=doc, info=info))
        renderer.document_failed.connect(lambda _doc, message: seen.update(error=message))
        renderer.page_rendered.connect(lambda doc, page, width, tile: seen.update(page=page))
        renderer.page_failed.connect(lambda _doc, _page, message: seen.update(error=message))
        try:
            doc = renderer.open(pdf)
            if not _wait(lambda: "info" in seen or "error" in seen, MEDIA_TIMEOUT_S):
                raise SelfTestError("the document did not open in time")
            if "error" in seen:
                raise SelfTestError(str(seen["error"]))
            renderer.want(doc, [PageRequest(0, PAGE_WIDTH_PX)])
            if not _wait(lambda: "page" in seen or "error" in seen, MEDIA_TIMEOUT_S):
                raise SelfTestError("page 1 was not rendered in time")
            if "error" in seen:
                raise SelfTestError(str(seen["error"]))
            image = renderer.cache.get(PageKey(doc, 0, PAGE_WIDTH_PX))
            if image is None or image.isNull():
                raise SelfTestError("the rendered page is not in the cache")
            colours = {
                image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)
            }
            if len(colours) < 2:
                raise SelfTestError(f"page 1 rendered blank ({image.width()}×{image.height()})")
            return (
                f"page 1 of {seen['info'].page_count}: {image.width()}×{image.height()} px, "
                f"{len(colours)} sampled colours (render thread)"
            )
        finally:
            renderer.stop()

    def translations(self) -> str:
        """Every compiled catalogue loads, and the start page's words come out in Chinese."""
        from PySide6.QtCore import QTranslator

        from app.paths import RESOURCES_DIR

        files = sorted((RESOURCES_DIR / "i18n").glob("*_zh_CN.qm"))
        if not files:
            raise SelfTestError(f"no compiled catalogue in {RESOURCES_DIR / 'i18n'}")
        sample = ""
        for path in files:
            translator = QTranslator()
            if not translator.load(str(path)):
                raise SelfTestError(f"{path.name} does not load")
            sample = sample or translator.translate("StartPage", "Open judge package…")
        if not sample or sample == "Open judge package…":
            raise SelfTestError("the start page's words have no Chinese translation")
        return f"{len(files)} zh_CN catalogues load; “Open judge package…” reads “{sample}”"

    def decode_video(self, video: Path, seconds: float) -> str:
        from ui.viewer.video_backends import video_backend

        backend = video_backend()
        if backend.name == "vlc":
            return _decode_with_vlc(video, seconds) + f" (libvlc {backend.version})"
        return _decode_with_qt(video, seconds) + f" (QtMultimedia, Qt {backend.version})"


def _decode_with_qt(video: Path, seconds: float) -> str:
    """QMediaPlayer into a QVideoSink, silent, until a frame at ``seconds`` arrived."""
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame, QVideoSink

    player = QMediaPlayer()
    audio = QAudioOutput()
    audio.setMuted(True)
    player.setAudioOutput(audio)
    sink = QVideoSink()
    player.setVideoSink(sink)
    seen: dict[str, Any] = {"frames": 0, "last_us": 0, "size": ""}

    def on_frame(frame: QVideoFrame) -> None:
        if frame.isValid():
            seen["frames"] += 1
            seen["last_us"] = max(seen["last_us"], int(frame.startTime()))
            seen["size"] = f"{frame.width()}×{frame.height()}"

    sink.videoFrameChanged.connect(on_frame)
    player.errorOccurred.connect(lambda _error, text: seen.update(error=text or "playback error"))
    player.setSource(QUrl.fromLocalFile(str(video)))
    player.play()
    try:
        target_us = int(seconds * 1_000_000 * 0.9)
        finished = _wait(lambda: seen["last_us"] >= target_us or "error" in seen, MEDIA_TIMEOUT_S)
    finally:
        player.stop()
        player.setSource(QUrl())
    if "error" in seen:
        raise SelfTestError(str(seen["error"]))
    if not finished:
        raise SelfTestError(
            f"only {seen['frames']} frames ({seen['last_us'] / 1e6:.2f} s) in {MEDIA_TIMEOUT_S:g} s"
        )
    return f"{seen['frames']} frames of {seen['size']} up to {seen['last_us'] / 1e6:.2f} s"


def _decode_with_vlc(video: Path, seconds: float) -> str:
    """libvlc decoding into memory (its ``vmem`` output: no window), silent, until ``seconds`` played."""
    import vlc

    from ui.viewer.video_backends import VLC_ARGS

    width, height = VLC_FRAME
    buffer = (ctypes.c_ubyte * (width * height * 4))()
    seen = {"frames": 0}

    @vlc.CallbackDecorators.VideoLockCb  # type: ignore[misc]
    def lock(_opaque: Any, planes: Any) -> None:
        planes[0] = ctypes.cast(buffer, ctypes.c_void_p)

    @vlc.CallbackDecorators.VideoUnlockCb  # type: ignore[misc]
    def unlock(_opaque: Any, _picture: Any, _planes: Any) -> None:
        pass

    @vlc.CallbackDecorators.VideoDisplayCb  # type: ignore[misc]
    def display(_opaque: Any, _picture: Any) -> None:
        seen["frames"] += 1  # a libvlc thread: only count

    instance = vlc.Instance([*VLC_ARGS, "--aout=dummy"])
    if instance is None:
        raise SelfTestError("libvlc could not start")
    player = instance.media_player_new()
    try:
        player.video_set_callbacks(lock, unlock, display, None)
        player.video_set_format("RV32", width, height, width * 4)
        player.set_media(instance.media_new_path(str(video)))
        player.play()
        target_ms = int(seconds * 1000 * 0.9)
        finished = _wait(
            lambda: (
                (seen["frames"] > 0 and player.get_time() >= target_ms)
                or player.get_state() == vlc.State.Error
            ),
            MEDIA_TIMEOUT_S,
        )
        reached = player.get_time()
        state = player.get_state()
    finally:
        player.stop()
        player.release()
        instance.release()
    if state == vlc.State.Error or not finished:
        raise SelfTestError(f"libvlc: {seen['frames']} frames, {max(reached, 0) / 1000:.2f} s, state {state}")
    return f"{seen['frames']} frames up to {reached / 1000:.2f} s"


def _print_check(check: Check) -> None:
    mark = "ok    " if check.ok else "FAILED"
    log.log(
        logging.INFO if check.ok else logging.ERROR,
        "self-test %s %s: %s",
        mark.strip(),
        check.name,
        check.detail,
    )
    print(f"  {mark} {check.name:<13} {check.title}: {check.detail} ({check.seconds:.1f} s)", flush=True)


def run(language: str | None = None, workdir: Path | None = None) -> int:
    """Run the self-test in this process; print each check; 0 when all pass, 1 naming the first failure."""
    from app import glossary
    from ui.viewer.video_backends import video_backend

    if not os.environ.get("QT_QPA_PLATFORM") and sys.platform.startswith("linux"):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no screen (a server, CI): nothing is shown anyway
    if language:
        glossary.set_language(language)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "leitai", "--self-test"])
    QCoreApplication.setApplicationName("Leitai")
    backend = video_backend()
    video = f"libvlc {backend.version}" if backend.name == "vlc" else "QtMultimedia"
    print(
        f"Leitai {__version__} self-test — Python {platform.python_version()}, Qt {qVersion()}, "
        f"{QApplication.platformName()}, video: {video}",
        flush=True,
    )
    started = time.perf_counter()
    report = run_self_test(QtMediaChecks(), workdir=workdir, on_check=_print_check)
    elapsed = time.perf_counter() - started
    del app
    failed = report.failed
    if failed is not None:
        print(f"self-test FAILED at {failed.name}: {failed.detail}", flush=True)
        return 1
    print(f"self-test passed: {len(report.checks)} checks in {elapsed:.1f} s", flush=True)
    return 0
