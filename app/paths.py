# SPDX-License-Identifier: Apache-2.0
"""Where Leitai finds its bundled data and keeps its per-user files."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

#: Root of the source tree, or of the unpacked PyInstaller bundle.
ROOT: Path = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
#: Season rule files, default rubric, demo generator inputs.
DATA_DIR: Path = ROOT / "data"
#: Icons, style sheets, translations.
RESOURCES_DIR: Path = ROOT / "resources"


def user_data_dir(override: str | Path | None = None) -> Path:
    """Per-user folder for judge homes and recent workspaces; ``--data-dir`` overrides it."""
    path = Path(override) if override else Path(platformdirs.user_data_dir("leitai", "leitai"))
    path.mkdir(parents=True, exist_ok=True)
    return path
