# SPDX-License-Identifier: Apache-2.0
"""The domain must run with no display and no Qt: importing every app module loads no PySide6."""

from __future__ import annotations

import subprocess
import sys


def test_importing_every_app_module_loads_no_qt() -> None:
    code = (
        "import pkgutil, importlib, sys, app\n"
        "for m in pkgutil.walk_packages(app.__path__, 'app.'):\n"
        "    if '.migrations' not in m.name and not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6', 'ui', 'vlc'))\n"
        "print(' '.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"app/ pulled in: {out.stdout.strip()}"
