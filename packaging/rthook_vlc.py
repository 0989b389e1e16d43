# SPDX-License-Identifier: Apache-2.0
"""PyInstaller runtime hook: which video library the built folder plays with, set before python-vlc loads.

Windows and macOS: the VLC bundled under ``vlc/`` (libvlc, libvlccore and the plug-ins; see
build_installer.spec) is handed to python-vlc through its own variables. Only when the files are really
there: python-vlc exits the program when ``PYTHON_VLC_LIB_PATH`` names a library it cannot load.
Linux: the folder carries no libvlc (README), so the player is QtMultimedia unless the user asks for the
system's VLC with ``LEITAI_VIDEO_BACKEND=vlc``.
"""

import ctypes
import os
import sys
from pathlib import Path

_BASE = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
_VLC = _BASE / "vlc"

if sys.platform.startswith("linux"):
    os.environ.setdefault("LEITAI_VIDEO_BACKEND", "qt")
elif (_VLC / "plugins").is_dir():
    _name = "libvlc.dll" if sys.platform == "win32" else "libvlc.dylib"
    _core = _VLC / ("libvlccore.dll" if sys.platform == "win32" else "libvlccore.dylib")
    if (_VLC / _name).is_file() and _core.is_file():
        if sys.platform == "win32":
            os.add_dll_directory(str(_VLC))
        try:
            ctypes.CDLL(str(_core))  # libvlc finds its core already loaded (macOS has no rpath to it)
        except OSError:
            pass
        else:
            os.environ.setdefault("PYTHON_VLC_LIB_PATH", str(_VLC / _name))
            os.environ.setdefault("PYTHON_VLC_MODULE_PATH", str(_VLC / "plugins"))
            os.environ.setdefault("VLC_PLUGIN_PATH", str(_VLC / "plugins"))
