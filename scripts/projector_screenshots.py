# SPDX-License-Identifier: Apache-2.0
"""Regenerate the live session's screenshots in docs/screenshots, offscreen, from a rehearsal theme final.

    .venv/bin/python scripts/projector_screenshots.py [--lang zh_CN|en] [--out docs/screenshots]
                                                        [--console-size 1920x1080] [--only-console]

Builds a rehearsal (6 cases of theme 5, 7 judges, packages opened on simulated laptops), opens the
operator console and the projector window, has the judges send their bundles over loopback, and grabs
every projector scene at 1920×1080 (``projector-<scene>.png``), the scoring scene at 3840×2160
(``projector-scoring-4k.png``), the slides with the timer in the corner, and the console
(``live-console.png``). Everything else lives in a temporary folder deleted at the end.
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

from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import settle  # noqa: E402

from app.judge_home.send import send_bundle  # noqa: E402
from app.live.rehearsal import ROUND, build_rehearsal  # noqa: E402
from app.live.setup import LiveSetup, create_session  # noqa: E402
from ui.main import apply_language, apply_style, make_context  # noqa: E402
from ui.projector.console_window import LiveConsoleWindow  # noqa: E402

#: Each judge's quality per case (so the scores differ plausibly and the marks spread).
QUALITY = (0.78, 0.72, 0.83, 0.66, 0.75, 0.69)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--console-size", default="1920x1080")
    parser.add_argument("--suffix", default="", help="appended to every file name (e.g. -en)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    cw, ch = (int(x) for x in args.console_size.split("x"))
    app = QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory() as tmp:
        ctx = make_context(Path(tmp) / "data", args.lang)
        apply_style(app, ctx)
        apply_language(app, ctx)
        rh = build_rehearsal(Path(tmp) / "r", cases=6, judges=7)
        title = "现场展示 · 专家评分" if args.lang == "zh_CN" else "Live presentations and scoring"
        info = create_session(rh.ws, LiveSetup(ROUND, "5", seed=20221118, title=title))
        console = LiveConsoleWindow(rh.ws, info.id)
        console.start_receiving("127.0.0.1", 0)
        console.resize(cw, ch)
        console.show()
        projector = console.open_projector()
        projector.showNormal()
        projector.resize(1920, 1080)
        canvas = projector.canvas
        show = console.model.show
        url = console.model.receiver.url if console.model.receiver else ""

        def shot(name: str) -> None:
            settle(app, 650)  # past the cross-fade …
            for _ in range(100):  # … however slowly a busy machine runs its timers
                if not canvas.fading:
                    break
                settle(app, 50)
            canvas.grab().save(str(args.out / f"projector-{name}{args.suffix}.png"))

        shot("welcome")
        console.model.act("next")
        shot("draw")
        console.model.act("next")
        shot("next_up")
        for position, card in enumerate(info.order):
            show.go("scoring", position)
            for i, judge in enumerate(rh.judge_codes()):
                if position == 0 and i >= 5:
                    continue  # the first case's screenshot shows marks still arriving
                rh.score(judge, card.case_id, QUALITY[position] + (i % 3 - 1) * 0.04)
                send_bundle(rh.homes[judge], url, source=f"127.0.0.{10 + i}")
            if position == 0:
                shot("scoring-arriving")
                for i, judge in enumerate(rh.judge_codes()[5:], start=5):  # the last two marks land
                    rh.score(judge, card.case_id, QUALITY[position])
                    send_bundle(rh.homes[judge], url, source=f"127.0.0.{10 + i}")
        show.go("scoring", len(info.order) - 1)
        shot("scoring")
        canvas.resize(3840, 2160)
        shot("scoring-4k")
        canvas.resize(1920, 1080)
        show.go("presenting", 2)
        show.start_timer()
        show.pause_timer()
        shot("presenting")
        show.show_slides(True)
        for _ in range(40):
            settle(app, 100)
            if canvas._slide is not None:
                break
        show.page(+1, canvas.slide_pages())
        settle(app, 800)
        shot("presenting-slides")
        show.show_slides(False)
        show.go("ranking")
        shot("ranking")
        show.go("awards")
        shot("awards")
        for step in ("bronze", "silver", "gold"):
            console.model.act("reveal_next")
            shot(f"awards-{step}")
        console.model.act("set_stealth", True)
        show.go("scoring", 3)
        console.stealth.setChecked(True)
        settle(app, 700)
        console.grab().save(str(args.out / f"live-console{args.suffix}.png"))
        console.close()
        rh.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
