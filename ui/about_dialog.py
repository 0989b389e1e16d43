# SPDX-License-Identifier: Apache-2.0
"""The About box: versions (Leitai, Python, Qt and PySide6, PyMuPDF, the video backend), where the log is,
and a "Copy diagnostics" button that puts a report for support on the clipboard (versions, system,
screen, folders, the last log lines; no scores, no cases, no names: ``app/diagnostics/report.py``)."""

from __future__ import annotations

import html
import platform
from dataclasses import dataclass
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from app import __version__
from app.diagnostics.logs import current_log_file, log_dir, redact
from app.diagnostics.report import base_rows, diagnostics_text, package_version
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


def video_text(backend: VideoBackend) -> str:
    """The video backend in a sentence, in the interface language."""
    translate = QCoreApplication.translate
    if backend.name == "vlc":
        return translate("AboutDialog", "python-vlc with libvlc {version}").format(version=backend.version)
    if backend.forced:
        return translate("AboutDialog", "QtMultimedia (chosen with LEITAI_VIDEO_BACKEND)")
    return translate("AboutDialog", "QtMultimedia (libvlc was not found)")


def version_rows(backend: VideoBackend) -> list[tuple[str, str]]:
    translate = QCoreApplication.translate
    return [
        (translate("AboutDialog", "Version"), __version__),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("PyMuPDF", package_version("PyMuPDF")),
        (translate("AboutDialog", "Video playback"), video_text(backend)),
    ]


def about_text(backend: VideoBackend) -> str:
    """Rich text for the About box, in the interface language."""
    translate = QCoreApplication.translate
    name = translate("AboutDialog", "Leitai")
    purpose = translate(
        "AboutDialog",
        "Offline desktop app for the national hospital case competition on improving medical services.",
    )
    log_file = current_log_file() or log_dir()
    rows = [*version_rows(backend), (translate("AboutDialog", "Log"), redact(str(log_file)))]
    muted = theme_colors().muted.name()  # quiet grey of leitai.qss; rich text cannot take the sheet
    cells = "".join(
        f"<tr><td style='padding-right:16px;color:{muted}'>{html.escape(k)}</td>"
        f"<td>{html.escape(v)}</td></tr>"
        for k, v in rows
    )
    return f"<h2>{html.escape(name)}</h2><p>{html.escape(purpose)}</p><table>{cells}</table>"


def qt_rows(backend: VideoBackend, language: str) -> list[tuple[str, str]]:
    """What only the interface knows, for the diagnostics report (always in English: it is for support)."""
    app = QGuiApplication.instance()
    rows = [
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("Qt platform", QGuiApplication.platformName() if app else "—"),
        ("Video", f"{backend.name} {backend.version}" + (" (forced)" if backend.forced else "")),
        ("UI language", language),
    ]
    for i, screen in enumerate(QGuiApplication.screens() if app else []):
        size = screen.size()
        rows.append(
            (
                f"Screen {i + 1}",
                f"{size.width()}×{size.height()} at ×{screen.devicePixelRatio():g}, "
                f"{screen.logicalDotsPerInch():.0f} dpi",
            )
        )
    if app:
        font = QGuiApplication.font()
        rows.append(("UI font", f"{font.family()} {font.pointSizeF():g} pt"))
    return rows


class AboutDialog(QDialog):
    """Versions and the log's place; copies a diagnostics report for support."""

    def __init__(
        self, parent: QWidget | None = None, data_dir: Path | None = None, language: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aboutBox")
        self.setWindowTitle(self.tr("About Leitai"))
        self._data_dir = data_dir
        self._language = language
        self._backend = detect_video_backend()
        self._text = about_text(self._backend)
        self.label = QLabel(self._text)
        self.label.setObjectName("aboutText")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("Copy diagnostics"))
        self.copy_button.setObjectName("copyDiagnostics")
        self.copy_button.setToolTip(
            self.tr(
                "Versions, system, folders and the last lines of the log, for support. No scores or names."
            )
        )
        self.copy_button.clicked.connect(self.copy_diagnostics)
        self.copied = QLabel()
        self.copied.setObjectName("aboutCopied")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.copied)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def text(self) -> str:
        """The rich text shown (what tests and screen readers read)."""
        return self._text

    def diagnostics(self) -> str:
        """The report "Copy diagnostics" puts on the clipboard."""
        rows = base_rows(self._data_dir) + qt_rows(self._backend, self._language)
        return diagnostics_text(rows)

    def copy_diagnostics(self) -> None:
        QGuiApplication.clipboard().setText(self.diagnostics())
        self.copied.setText(self.tr("Copied. Paste it into a message to the organizer or to support."))


def show_about(parent: QWidget | None, data_dir: Path | None = None, language: str = "") -> AboutDialog:
    """Open the About box without blocking; returns it (tests read its text)."""
    box = AboutDialog(parent, data_dir, language)
    box.open()
    return box
