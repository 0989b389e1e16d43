# SPDX-License-Identifier: Apache-2.0
"""Regenerate the results view's screenshots in docs/screenshots, offscreen, from a played-through demo.

    .venv/bin/leitai demo /tmp/season --cases 120 --judges 15 --videos 0 --play-through final   # once
    .venv/bin/python scripts/results_screenshots.py /tmp/season [--lang zh_CN|en] [--out docs/screenshots]

Saves, at 1366×768 and 1920×1080, the ranking of the expert review's first theme (``results-table``),
the judge consistency chart (``results-chart``), the cusp list (``results-cusp``), the draws and overrides
(``results-records``) with the dialog that overrides a season award (``results-season-override``), and
the theme final's ranking with its medals (``results-medals``); the 1920×1080
files end in ``-1920``. The workspace is copied first and, in the copy, one award is granted by an
override (so the shots show how an override is marked); settings go to a throw-away data folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import settle, wait_for  # noqa: E402

from app.results.service import override_award, round_results  # noqa: E402
from app.workspace import Workspace  # noqa: E402
from ui.context import make_context  # noqa: E402
from ui.main import apply_language, apply_style  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.results.hook import PAGE_RESULTS  # noqa: E402
from ui.results.results_view import ResultsView  # noqa: E402

#: A played-through season's page can take a while to read (the shell's wait is 20 s).
WAIT_MS = 60000


def show_round(app: QApplication, view: ResultsView, key: str) -> None:
    view.refresh(key)
    wait_for(app, lambda: not view.loading and view.round_key() == key, WAIT_MS)
    settle(app)


def grab_season_override(app: QApplication, view: ResultsView, path: Path) -> None:
    """Open the records tab's "override a season award" dialog, save a picture of it, cancel it."""
    prompter = view.ctx.prompter

    def ask(dialog, answer):  # type: ignore[no-untyped-def]
        dialog.show()
        settle(app, 300)
        dialog.grab().save(str(path))
        dialog.deleteLater()

    prompter.ask = ask  # type: ignore[method-assign]
    try:
        view.records.season_button.click()
    finally:
        del prompter.ask


def example_override(root: Path) -> None:
    """Grant the third case of the review's first group a place in the theme final, with a reason."""
    ws = Workspace.open(root)
    try:
        third = round_results(ws, "review").groups[0].cases[2].case
        reason = "评审委员会复议后增补"
        override_award(ws, "review", "advance", grant=True, reason=reason, case_code=third.code)
    finally:
        ws.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workspace", type=Path, help="a played-through demo (leitai demo … --play-through)")
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--suffix", default="", help="appended to every file name (e.g. -en)")
    parser.add_argument(
        "--sizes", default="1366x768,1920x1080", help="window sizes; the first has no size suffix"
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Path(tmp) / "ws"
        shutil.copytree(args.workspace, workspace, ignore=shutil.ignore_patterns("*-wal", "*-shm"))
        example_override(workspace)
        ctx = make_context(Path(tmp) / "data", args.lang)
        apply_style(app, ctx)
        apply_language(app, ctx)
        window = MainWindow(ctx)
        window.show()
        window.open_workspace(workspace)
        wait_for(app, lambda: window.workspace is not None and not window.organizer.loading, WAIT_MS)
        window.named_actions["results"].trigger()
        view = window.page(PAGE_RESULTS)
        assert isinstance(view, ResultsView)
        wait_for(app, lambda: view.snapshot is not None and not view.loading, WAIT_MS)
        sizes = [tuple(int(n) for n in size.split("x")) for size in args.sizes.split(",")]
        for w, h in sizes:
            window.resize(w, h)
            tail = args.suffix + ("" if (w, h) == sizes[0] else f"-{w}")
            show_round(app, view, "review")
            view.tabs.setCurrentIndex(0)
            view.ranking.table.selectRow(2)
            settle(app)
            shots = [("results-table", 0), ("results-chart", 1), ("results-cusp", 2), ("results-records", 3)]
            for name, tab in shots:
                view.tabs.setCurrentIndex(tab)
                settle(app, 400)
                window.grab().save(str(args.out / f"{name}{tail}.png"))
            grab_season_override(app, view, args.out / f"results-season-override{tail}.png")
            show_round(app, view, "semifinal")
            view.tabs.setCurrentIndex(0)
            settle(app)
            window.grab().save(str(args.out / f"results-medals{tail}.png"))
        window.close()
    print(f"saved to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
