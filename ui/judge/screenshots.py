# SPDX-License-Identifier: Apache-2.0
"""Regenerate the judge workspace's screenshots (docs/screenshots/judge_*.png) at 1920x1080, in Chinese.

Run it on an X server so that VLC's picture is on the screen, e.g. under Xvfb::

    Xvfb :99 -screen 0 1920x1080x24 & DISPLAY=:99 QT_QPA_PLATFORM=xcb python -m ui.judge.screenshots

The screen is captured from the X server's root window (``QScreen.grabWindow(0)``), which holds what
libvlc drew and the export dialog on top of the window; ``QWidget.grab()`` would miss both.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

WIDTH, HEIGHT = 1920, 1080


def _spin(app: QApplication, seconds: float, until: object = None) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if callable(until) and until():
            return
        time.sleep(0.01)


def _shoot(app: QApplication, window: object, path: Path) -> None:
    _spin(app, 0.6)
    screen = app.primaryScreen()
    if app.platformName() == "xcb":
        screen.grabWindow(0, 0, 0, WIDTH, HEIGHT).save(str(path))
    else:  # offscreen: only what Qt draws
        window.grab().save(str(path))  # type: ignore[attr-defined]
    print(f"wrote {path}")


def main(out_dir: Path) -> int:
    from app.bundles.package import build_packages
    from app.demo import generate_demo
    from app.demo.bundles import demo_round
    from app.judging.round_robin import ensure_round_robin
    from ui.main import apply_language, apply_style, make_context
    from ui.main_window import PAGE_JUDGE, MainWindow

    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(["leitai"])
    assert isinstance(app, QApplication)
    tmp = Path(tempfile.mkdtemp(prefix="leitai-shots-"))
    ws = generate_demo(tmp / "ws", cases=6, judges=2, videos=6, seed=7)
    round_key = demo_round(ws)
    ensure_round_robin(ws, round_key)
    package = max(
        build_packages(ws, round_key, None, tmp / "packages", "screenshot-pass"), key=lambda b: b.cases
    )
    ws.close()

    ctx = make_context(tmp / "data", language="zh_CN")
    apply_style(app, ctx)
    apply_language(app, ctx)
    window = MainWindow(ctx)
    window.setGeometry(0, 0, WIDTH, HEIGHT)
    window.show()
    judge = window.judge
    judge.open_package(package.path, access_code=package.access_code)
    _spin(app, 30, lambda: judge.home is not None)
    window.show_page(PAGE_JUDGE)
    window.resize(WIDTH, HEIGHT)

    # 1. Reader with the rubric: a case half scored, a draft, one submitted, one recused.
    rows = judge.model.rows()
    criteria = judge.info.criteria
    home = judge.home
    for c in criteria:
        home.set_score(rows[0].id, c.key, c.max - 2 * c.step)
    home.set_comment(rows[0].id, "数据翔实，改进前后对比清楚；建议补充成本效益分析。")
    home.submit(rows[0].id)
    home.recuse(rows[1].id, "本人与该医院有合作课题")
    home.set_score(rows[3].id, criteria[0].key, 15)
    judge.model.set_rows(home.cases(), judge.info.blind)
    judge._update_progress()
    judge.select_case(rows[2].id)
    _spin(app, 10, lambda: judge.reader.is_loaded and judge.reader.view.settled)
    judge.reader.view.go_to_page(3)
    for c, value in zip(criteria[:2], ("16.5", "28"), strict=False):
        spin = judge.rubric.spins[c.key]
        spin.lineEdit().setText(value)
        spin.interpretText()
    _spin(app, 5, lambda: judge.reader.view.settled and not judge.saving)
    _shoot(app, window, out_dir / "judge_reader.png")

    # 2. The video of the same case, paused on a frame.
    judge.tabs.setCurrentWidget(judge.video)
    judge.video.play()
    _spin(app, 6, lambda: judge.video.position > 1500)
    judge.video.pause()
    _spin(app, 1)
    _shoot(app, window, out_dir / "judge_video.png")
    judge.tabs.setCurrentWidget(judge.reader)

    # 3. The export dialog over the workspace.
    (tmp / "export").mkdir()
    judge.export(tmp / "export")
    _spin(app, 10, lambda: judge.export_dialog is not None and judge.export_dialog.isVisible())
    dialog = judge.export_dialog
    if app.platformName() == "xcb":  # Xvfb has no window manager to draw the dialog's frame: outline it
        dialog.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        dialog.setStyleSheet("#exportDialog { border: 1px solid #80868b; }")
    dialog.move(window.geometry().center() - dialog.rect().center())
    _shoot(app, window, out_dir / "judge_export.png")
    dialog.close()

    window.close()
    QCoreApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")))
