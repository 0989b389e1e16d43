# SPDX-License-Identifier: Apache-2.0
"""The About box: version, Qt and PySide versions, and which video backend this machine can use."""

from __future__ import annotations

import html
import platform
from dataclasses import dataclass

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from app import __version__
from ui.style import theme_colors


@dataclass(frozen=True)
class VideoBackend:
    """The player the case viewer will use: ``vlc`` when libvlc loads, else ``qtmultimedia``."""

    name: str
    version: str
    forced: bool = False  # chosen with LEITAI_VIDEO_BACKEND rather than by what the machine has


def detect_video_backend() -> VideoBackend:
    """The backend the case video player really uses (``ui.viewer.video_player.video_backend``)."""
    # Imported when the About box opens: the player module probes libvlc, which start-up must not wait for.
    from ui.viewer.video_player import video_backend

    info = video_backend()
    return VideoBackend("vlc" if info.name == "vlc" else "qtmultimedia", info.version, info.forced)


def about_text(backend: VideoBackend) -> str:
    """Rich text for the About box, in the interface language."""
    translate = QCoreApplication.translate
    if backend.name == "vlc":
        video = translate("AboutDialog", "python-vlc with libvlc {version}").format(version=backend.version)
    elif backend.forced:
        video = translate("AboutDialog", "QtMultimedia (chosen with LEITAI_VIDEO_BACKEND)")
    else:
        video = translate("AboutDialog", "QtMultimedia (libvlc was not found)")
    name = translate("AboutDialog", "Leitai")
    purpose = translate(
        "AboutDialog",
        "Offline desktop app for the national hospital case competition on improving medical services.",
    )
    rows = [
        (translate("AboutDialog", "Version"), __version__),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("Python", platform.python_version()),
        (translate("AboutDialog", "Video playback"), video),
    ]
    muted = theme_colors().muted.name()  # quiet grey of leitai.qss; rich text cannot take the sheet
    cells = "".join(
        f"<tr><td style='padding-right:16px;color:{muted}'>{html.escape(k)}</td>"
        f"<td>{html.escape(v)}</td></tr>"
        for k, v in rows
    )
    return f"<h2>{html.escape(name)}</h2><p>{html.escape(purpose)}</p><table>{cells}</table>"


def show_about(parent: QWidget | None) -> QMessageBox:
    """Open the About box without blocking; returns it (tests read its text)."""
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(QCoreApplication.translate("AboutDialog", "About Leitai"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text(detect_video_backend()))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box
