# SPDX-License-Identifier: Apache-2.0
"""What the one-folder build leaves out (read by build_installer.spec and by tests/test_installer.py).

Kept apart from the spec so a fast test can check the rules against the app's real imports: nothing the
app imports may ever be excluded, and what is excluded must not come back unnoticed.
"""

from __future__ import annotations

import re

#: Python modules the app never imports. PySide6's: every Qt module but Core, Gui, Widgets, Network
#: (the projector's address list), Multimedia and MultimediaWidgets (the QtMultimedia video backend) and
#: Charts (the results page's judge consistency chart).
#: The rest: pulled in only by optional imports of our dependencies (ortools → pandas, openpyxl → PIL).
EXCLUDED_MODULES: tuple[str, ...] = (
    *(
        f"PySide6.{name}"
        for name in [
            "Qt3DAnimation",
            "Qt3DCore",
            "Qt3DExtras",
            "Qt3DInput",
            "Qt3DLogic",
            "Qt3DRender",
            "QtAxContainer",
            "QtBluetooth",
            "QtConcurrent",
            "QtDataVisualization",
            "QtDBus",
            "QtDesigner",
            "QtGraphs",
            "QtGraphsWidgets",
            "QtHelp",
            "QtHttpServer",
            "QtLocation",
            "QtNetworkAuth",
            "QtNfc",
            "QtOpenGL",
            "QtOpenGLWidgets",
            "QtPdf",
            "QtPdfWidgets",
            "QtPositioning",
            "QtPrintSupport",
            "QtQml",
            "QtQuick",
            "QtQuick3D",
            "QtQuickControls2",
            "QtQuickTest",
            "QtQuickWidgets",
            "QtRemoteObjects",
            "QtScxml",
            "QtSensors",
            "QtSerialBus",
            "QtSerialPort",
            "QtSpatialAudio",
            "QtSql",
            "QtStateMachine",
            "QtSvg",
            "QtSvgWidgets",
            "QtTest",
            "QtTextToSpeech",
            "QtUiTools",
            "QtWebChannel",
            "QtWebEngineCore",
            "QtWebEngineQuick",
            "QtWebEngineWidgets",
            "QtWebSockets",
            "QtWebView",
            "QtXml",
        ]
    ),
    "tkinter",
    "pandas",
    "scipy",
    "matplotlib",
    "IPython",
    "PIL",
    "pytest",
    "_pytest",
    "pluggy",
)

#: Native libraries and Qt plug-ins left out (matched in the bundle path, lower case, "/" separated).
#: Qt's: the modules above, embedded-display platforms (eglfs, linuxfb, vnc, Vulkan display), input
#: plug-ins for kiosks (evdev, tuio), the virtual keyboard, the PDF image format, TLS and network-status
#: plug-ins (the live receiver speaks plain HTTP on the venue network), the GTK3 theme (it needs a GTK
#: the folder does not carry; the desktop portal theme stays). QtQuick/QtQml libraries stay: Qt's FFmpeg
#: multimedia plug-in links them.
_DROPPED_BINARIES = re.compile(
    r"qt6?(webengine|pdf|virtualkeyboard|chartsqml|datavisualization|3d|quick3d|graphs|location|sensors|"
    r"serialport|bluetooth|nfc|positioning|remoteobjects|scxml|texttospeech|designer|help|sql|test)"
    r"|qt6?eglfs|eglfsdeviceintegration|eglfskmssupport"
    r"|plugins/(egldeviceintegrations|generic|tls|networkinformation|sqldrivers|position|sensors|"
    r"designer|qmltooling|texttospeech|printsupport)/"
    r"|plugins/platforms/(lib)?q(eglfs|linuxfb|vnc|vkkhrdisplay|minimalegl)"
    r"|plugins/platforminputcontexts/(lib)?qtvirtualkeyboardplugin"
    r"|plugins/imageformats/(lib)?qpdf"
    r"|plugins/platformthemes/(lib)?qgtk3"
)
#: libvlc on Linux: the distribution's VLC plug-ins link dozens of the system's libraries, so a folder
#: that carried them would run on one distribution release only (README: Linux plays with QtMultimedia).
_LINUX_VLC = re.compile(r"(^|/)libvlc(core)?\.so")


def _norm(path: str) -> str:
    return path.replace("\\", "/").lower()


def keep_binary(dest: str, platform: str) -> bool:
    """Whether the native library or plug-in at ``dest`` (its path in the bundle) goes in."""
    name = _norm(dest)
    if _DROPPED_BINARIES.search(name):
        return False
    return not (platform.startswith("linux") and _LINUX_VLC.search(name))


def keep_data(dest: str) -> bool:
    """Whether a data file goes in: of Qt's own translations only the Chinese ones (dialog buttons)."""
    name = _norm(dest)
    if "/qt/translations/" in name or name.startswith("pyside6/translations/"):
        return "zh_cn" in name
    if name.startswith("pyside6/") and "/qml/" in name:  # QML files: the app has no QML
        return False
    return not name.endswith(".ts")
