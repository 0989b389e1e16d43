# SPDX-License-Identifier: Apache-2.0
"""Regenerate the judging desk's screenshots in docs/screenshots, offscreen, from a fresh demo:
desk-overview.png, desk-matrix.png, desk-merge.png (1366×768) and access-slip.png (the slips PDF's first
page through ``pdftoppm -png -r 80``).

    .venv/bin/python scripts/desk_screenshots.py [--lang zh_CN|en] [--out docs/screenshots] [--size 1366x768]

The demo (60 cases, 20 judges) is assigned with K = 5; every judge's package is built; eight judges send
bundles back — some finished, some half-way, one tampered with, one sent twice — and the desk merges
them, so the matrix, the outcomes and the progress show a round in full swing. Everything is made in a
temporary folder; the settings go to a throw-away data folder.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import settle, wait_for  # noqa: E402

from app import glossary  # noqa: E402
from app.bundles import DEMO_PASSPHRASE  # noqa: E402
from app.bundles.package import BuiltPackage, build_packages  # noqa: E402
from app.demo import generate_demo  # noqa: E402
from app.judging.assignment import assign_round  # noqa: E402
from app.judging.handout import codes_of, write_handout  # noqa: E402
from ui.context import make_context  # noqa: E402
from ui.main import apply_language, apply_style  # noqa: E402
from ui.main_window import PAGE_ORGANIZER, MainWindow  # noqa: E402

#: (submitted, drafts) per judge who sends a bundle back; the others have not yet.
RETURNS = ((15, 0), (15, 0), (12, 2), (9, 4), (15, 0), (6, 6), (3, 3), (15, 0))


def _bundles(built: list[BuiltPackage], media: Path, work: Path) -> Path:
    """Judges score on their own "laptops" (homes in ``work``) and export; one is tampered, one sent twice."""
    from decimal import Decimal

    from app.judge_home import JudgeHome

    out = work / "bundles"
    out.mkdir()
    for i, (b, (submit, draft)) in enumerate(zip(built, RETURNS, strict=False)):
        with JudgeHome.open_package(
            b.path, work / "homes" / b.judge_code, b.access_code, media_dir=media
        ) as home:
            criteria = home.info().criteria
            for n, case in enumerate(home.cases()[: submit + draft]):
                for c in criteria:
                    steps = int(Decimal(str(c.max)) / Decimal(str(c.step)))
                    home.set_score(
                        case.id, c.key, Decimal(str(c.step)) * ((steps * (60 + 7 * ((n + i) % 5))) // 100)
                    )
                if n < submit:
                    home.submit(case.id)
            path = home.export_bundle(out).path
        if i == 3:
            data = bytearray(path.read_bytes())
            data[len(data) // 2] ^= 0x10
            path.write_bytes(bytes(data))
        if i == 4:
            (out / f"copy-{path.name}").write_bytes(path.read_bytes())
    return out


def prepare(work: Path) -> tuple[Path, Path, Path]:
    """The demo workspace, assigned and packaged; the bundles folder; the slips PDF."""
    root = work / "demo"
    ws = generate_demo(root, cases=60, judges=20)
    try:
        assign_round(ws, "review", 5, seed=2022)
        built = build_packages(ws, "review", None, work / "packages", DEMO_PASSPHRASE, external_media=True)
        slips = work / "access-slips.pdf"
        write_handout(ws, "review", codes_of(built), pdf=slips)
        bundles = _bundles(built, work / "packages" / "media", work)
    finally:
        ws.close()
    return root, bundles, slips


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--size", default="1366x768", help="window size, WxH")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    glossary.set_language(args.lang)  # the slips speak the interface's language
    app = QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        root, bundles, slips = prepare(work)
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(slips),
                str(args.out / "access-slip"),
            ],
            check=True,
        )
        ctx = make_context(work / "data", args.lang)
        apply_style(app, ctx)
        apply_language(app, ctx)
        window = MainWindow(ctx)
        window.resize(width, height)
        window.show()
        window.open_workspace(root)
        wait_for(
            app, lambda: window.current_page() == PAGE_ORGANIZER and window.organizer.model.rowCount() > 0
        )
        window.show_desk()
        desk = window.desk
        wait_for(app, lambda: desk.snapshot is not None)
        desk.tabs.setCurrentWidget(desk.merge_tab)
        desk.merge_tab.merge([bundles])
        wait_for(app, lambda: desk.merge_tab.outcomes.rowCount() == len(RETURNS) + 1)
        settle(app, 1500)
        wait_for(app, lambda: desk._reads.task is not None and desk._reads.task.done)
        settle(app, 300)
        # the refused bundle at the top of the outcomes in view, so the shot shows every kind of outcome
        refused = next(r for r, o in enumerate(desk.merge_tab.outcomes.outcomes()) if o.refused)
        table = desk.merge_tab.outcome_table
        table.scrollTo(desk.merge_tab.outcomes.index(max(0, refused - 1), 0), table.ScrollHint.PositionAtTop)
        shots = {
            "desk-merge.png": desk.merge_tab,
            "desk-overview.png": desk.rounds_tab,
            "desk-matrix.png": desk.matrix_tab,
        }
        for name, tab in shots.items():
            desk.tabs.setCurrentWidget(tab)
            if tab is desk.matrix_tab:
                tab.select_cell(tab.model.case_at(2).code, tab.model.judges()[1].code)
            settle(app, 400)
            window.grab().save(str(args.out / name))
        window.close()
        settle(app, 50)
    print("wrote", *(args.out / n for n in (*shots, "access-slip.png")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
