# SPDX-License-Identifier: Apache-2.0
"""Regenerate the judge workspace's screenshots in docs/screenshots: the scoring view at 1280×720,
1366×768 and 1920×1080 (``judge_<w>x<h>.png``), the judge's start page, and with ``--extras`` the
reader, video and export shots (``judge_reader.png``, ``judge_video.png``, ``judge_export.png``).

    .venv/bin/python scripts/judge_screenshots.py [--lang zh_CN|en] [--out docs/screenshots] [--extras]

Offscreen by default. For the video picture run it on an X server (VLC draws outside Qt, so only the
X screen holds it; ``QWidget.grab()`` would miss it and the export dialog's frame):

    Xvfb :99 -screen 0 1920x1080x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python scripts/judge_screenshots.py --extras
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
sys.path.insert(0, str(ROOT / "scripts"))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from screenshots import settle, wait_for  # noqa: E402

from app.bundles.package import BuiltPackage, build_packages  # noqa: E402
from app.demo import generate_demo  # noqa: E402
from app.judging.assignment import ensure_assigned  # noqa: E402
from app.rounds.service import first_judged_round  # noqa: E402
from ui.main import apply_language, apply_style, make_context  # noqa: E402
from ui.main_window import PAGE_JUDGE, MainWindow  # noqa: E402

SIZES = ((1280, 720), (1366, 768), (1920, 1080))


def shoot(app: QApplication, window: QWidget, path: Path) -> None:
    settle(app, 600)
    if app.platformName() == "xcb":  # what VLC drew and dialogs on top are only on the X screen
        geometry = window.frameGeometry()
        app.primaryScreen().grabWindow(0, 0, 0, geometry.width(), geometry.height()).save(str(path))
    else:
        window.grab().save(str(path))
    print(f"wrote {path}")


def demo_package(tmp: Path) -> BuiltPackage:
    ws = generate_demo(tmp / "ws", cases=6, judges=2, videos=6, seed=7)
    try:
        round_key = first_judged_round(ws)
        ensure_assigned(ws, round_key)
        built = build_packages(ws, round_key, None, tmp / "packages", "screenshot-pass")
    finally:
        ws.close()
    return max(built, key=lambda b: b.cases)


def fill_some_work(window: MainWindow) -> None:
    """A case submitted, one recused, one half scored; the one on screen with two entries typed."""
    judge = window.judge
    scoring = judge.scoring
    home = judge.home
    assert home is not None
    assert scoring.info is not None
    rows = scoring.model.rows()
    criteria = scoring.info.criteria
    for c in criteria:
        home.set_score(rows[0].id, c.key, c.max - 2 * c.step)
    home.set_comment(rows[0].id, "数据翔实，改进前后对比清楚；建议补充成本效益分析。")
    home.submit(rows[0].id)
    home.recuse(rows[1].id, "本人与该医院有合作课题")
    home.set_score(rows[3].id, criteria[0].key, 15)
    scoring.model.set_rows(home.cases(), scoring.info.blind)
    scoring.update_progress()
    scoring.select_case(rows[2].id)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--extras", action="store_true", help="also the reader, video and export shots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "zh_CN" else f"_{args.lang}"
    app = QApplication.instance() or QApplication(["leitai"])
    assert isinstance(app, QApplication)
    tmp = Path(tempfile.mkdtemp(prefix="leitai-judge-shots-"))
    package = demo_package(tmp)
    ctx = make_context(tmp / "data", language=args.lang)
    apply_style(app, ctx)
    apply_language(app, ctx)
    window = MainWindow(ctx)
    window.resize(*SIZES[0])
    window.show()
    window.show_page(PAGE_JUDGE)
    shoot(app, window, args.out / f"judge_start_{SIZES[0][0]}x{SIZES[0][1]}{suffix}.png")
    judge = window.judge
    judge.open_package(package.path, access_code=package.access_code)
    wait_for(app, lambda: judge.home is not None)
    fill_some_work(window)
    scoring = judge.scoring
    wait_for(app, lambda: scoring.reader.is_loaded and scoring.reader.view.settled)
    criteria = scoring.info.criteria if scoring.info else ()
    for c, value in zip(criteria[:2], ("16.5", "17.3"), strict=False):  # the second is off the step
        spin = scoring.rubric.spins[c.key]
        spin.lineEdit().setText(value)
        spin.commit()
    for width, height in SIZES:
        window.resize(width, height)
        settle(app, 300)
        wait_for(app, lambda: scoring.reader.view.settled and not scoring.saving)
        shoot(app, window, args.out / f"judge_{width}x{height}{suffix}.png")
    if args.extras:
        extras(app, window, args.out)
    window.close()
    return 0


def extras(app: QApplication, window: MainWindow, out: Path) -> None:
    """At 1920×1080: the reader on page 4, the video paused on a frame, the export dialog."""
    scoring = window.judge.scoring
    window.resize(1920, 1080)
    scoring.reader.view.go_to_page(3)
    wait_for(app, lambda: scoring.reader.view.settled)
    shoot(app, window, out / "judge_reader.png")
    scoring.tabs.setCurrentWidget(scoring.video)
    scoring.video.play()
    wait_for(app, lambda: scoring.video.position > 1500, 6000)
    scoring.video.pause()
    shoot(app, window, out / "judge_video.png")
    scoring.tabs.setCurrentWidget(scoring.reader)
    target = Path(tempfile.mkdtemp(prefix="leitai-judge-export-"))
    window.judge.export(target)
    wait_for(app, lambda: window.judge.export_dialog is not None and window.judge.export_dialog.isVisible())
    dialog = window.judge.export_dialog
    assert dialog is not None
    if app.platformName() == "xcb":  # Xvfb has no window manager to draw the dialog's frame: outline it
        dialog.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        dialog.setStyleSheet("#exportDialog { border: 1px solid #80868b; }")
    dialog.move(window.geometry().center() - dialog.rect().center())
    shoot(app, window, out / "judge_export.png")
    dialog.close()


if __name__ == "__main__":
    sys.exit(main())
