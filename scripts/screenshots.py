# SPDX-License-Identifier: Apache-2.0
"""Regenerate the GUI screenshots in docs/screenshots (start page, case table) at 1440×900, offscreen.

    .venv/bin/python -m app.cli demo /tmp/shots-demo        # once: a 60-case demo workspace
    .venv/bin/python scripts/screenshots.py /tmp/shots-demo [--lang zh_CN] [--out docs/screenshots]
    .venv/bin/python scripts/screenshots.py /tmp/shots-demo --organizer-sizes   # the organizer view at
        1024×680, 1280×720, 1366×768 and 1920×1080 as organizer_<lang>_<w>x<h>.png (issue 8, item 10)

The settings go to a throw-away data folder, so your own recent list and window layout are untouched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui.context import make_context  # noqa: E402
from ui.main import apply_language, apply_style  # noqa: E402
from ui.main_window import PAGE_ORGANIZER, MainWindow  # noqa: E402

SIZE = (1440, 900)
#: Window sizes the organizer view must fit (the smallest is the main window's minimum width).
ORGANIZER_SIZES = ((1024, 680), (1280, 720), (1366, 768), (1920, 1080))


def settle(app: QApplication, ms: int = 200) -> None:
    """Let queued events (layouts, delivered task results) run."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


def wait_for(app: QApplication, condition, timeout_ms: int = 20000) -> None:  # type: ignore[no-untyped-def]
    waited = 0
    while not condition():
        settle(app, 50)
        waited += 50
        if waited > timeout_ms:
            raise SystemExit("timed out waiting for the window")


def first_with_video(window: MainWindow) -> int:
    """Row of the first case with a video (its details show both kinds of file), else the first row."""
    proxy = window.organizer.proxy
    for r in range(proxy.rowCount()):
        row = window.organizer.model.row_at(proxy.mapToSource(proxy.index(r, 0)).row())
        if row.has_video and len(row.files) > 1:
            return r
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workspace", type=Path, help="a demo workspace (leitai demo DIR)")
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument(
        "--organizer-sizes",
        action="store_true",
        help="save only the organizer view, at each of ORGANIZER_SIZES",
    )
    parser.add_argument(
        "--select",
        type=int,
        default=None,
        help="table row for the details pane (default: first case with a video)",
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    app = QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory() as data_dir:
        ctx = make_context(data_dir, args.lang)
        apply_style(app, ctx)
        apply_language(app, ctx)
        ctx.settings.add_recent_workspace(args.workspace)
        window = MainWindow(ctx)
        window.resize(*SIZE)
        window.show()
        settle(app)
        if not args.organizer_sizes:
            window.grab().save(str(args.out / "start_page.png"))

        window.open_workspace(args.workspace)
        wait_for(
            app, lambda: window.current_page() == PAGE_ORGANIZER and window.organizer.model.rowCount() > 0
        )
        settle(app)
        window.organizer.table.selectRow(args.select if args.select is not None else first_with_video(window))
        settle(app)
        written = []
        for width, height in ORGANIZER_SIZES if args.organizer_sizes else (SIZE,):
            window.resize(width, height)
            settle(app)
            name = f"organizer_{args.lang}_{width}x{height}.png" if args.organizer_sizes else "case_table.png"
            window.grab().save(str(args.out / name))
            written.append(args.out / name)
        window.close()
        settle(app, 50)
    print("wrote", *written)
    return 0


if __name__ == "__main__":
    sys.exit(main())
