# SPDX-License-Identifier: Apache-2.0
"""Regenerate the first-run screenshots in docs/screenshots, in Chinese and English (issue 13):
the start page with the judge's guide open (``start_<lang>.png``), the judge's view at its first case
right after the guide opened the package (``judge_<lang>.png``), the About box and the crash dialog
(``about_<lang>.png``, ``crash_<lang>.png``); ``<lang>`` is ``zh`` or ``en``.

    .venv/bin/python scripts/ship_screenshots.py [--size 1366x768] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LEITAI_KEY_STORE", "sealed")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import settle, wait_for  # noqa: E402

from app.bundles import DEMO_PASSPHRASE  # noqa: E402
from app.bundles.package import BuiltPackage, build_packages  # noqa: E402
from app.demo import generate_demo  # noqa: E402
from app.diagnostics import logs  # noqa: E402
from app.judging.assignment import ensure_assigned  # noqa: E402
from app.rounds.service import first_judged_round  # noqa: E402
from ui.about_dialog import AboutDialog  # noqa: E402
from ui.crash_handler import CrashDialog, CrashReport  # noqa: E402
from ui.main import apply_language, apply_style, make_context  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.prompter import Prompter  # noqa: E402


class _GuidePrompter(Prompter):
    """Answers the file question with the demo package and the access code, as the judge would."""

    def __init__(self, package: BuiltPackage) -> None:
        self.package = package

    def choose_file(self, parent, title, name_filter, start=""):  # type: ignore[no-untyped-def]
        return self.package.path

    def ask(self, dialog, answer):  # type: ignore[no-untyped-def]
        dialog.code.setText(self.package.access_code)
        return answer()


def demo_package(tmp: Path) -> BuiltPackage:
    ws = generate_demo(tmp / "ws", cases=6, judges=2, videos=2, seed=7)
    try:
        round_key = first_judged_round(ws)
        ensure_assigned(ws, round_key)
        built = build_packages(ws, round_key, None, tmp / "packages", DEMO_PASSPHRASE)
    finally:
        ws.close()
    return max(built, key=lambda b: b.cases)


def shoot_language(
    app: QApplication, lang: str, package: BuiltPackage, size: tuple[int, int], out: Path
) -> None:
    tmp = Path(tempfile.mkdtemp(prefix=f"leitai-ship-{lang}-"))
    tag = "zh" if lang == "zh_CN" else lang
    ctx = make_context(tmp / "data", language=lang, prompter=_GuidePrompter(package))
    apply_style(app, ctx)
    apply_language(app, ctx)
    window = MainWindow(ctx)
    window.resize(*size)
    window.show()
    window.start_page.set_recent([str(Path.home() / "leitai" / "2024-expert-review")])
    window.start_page.guide.show_role("judge")
    settle(app, 400)
    window.grab().save(str(out / f"start_{tag}.png"))
    window.start_page.guide.first_button.click()  # the guide's last step: open the package
    judge = window.judge
    wait_for(app, lambda: judge.home is not None)
    scoring = judge.scoring
    wait_for(app, lambda: scoring.reader.is_loaded and scoring.reader.view.settled)
    settle(app, 600)
    window.grab().save(str(out / f"judge_{tag}.png"))
    about = AboutDialog(window, ctx.paths.data_dir, lang)
    about.show()
    settle(app, 200)
    about.grab().save(str(out / f"about_{tag}.png"))
    about.close()
    crash = CrashDialog(
        CrashReport("OSError: [Errno 28] No space left on device", "", logs.current_log_file()), window
    )
    crash.show()
    settle(app, 200)
    crash.grab().save(str(out / f"crash_{tag}.png"))
    crash.close()
    judge.shutdown()
    window.close()
    ctx.translators.remove(app)
    for name in ("start", "judge", "about", "crash"):
        print(f"wrote {out / f'{name}_{tag}.png'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(["leitai"])
    assert isinstance(app, QApplication)
    tmp = Path(tempfile.mkdtemp(prefix="leitai-ship-shots-"))
    logs.setup_logging(tmp / "data")
    package = demo_package(tmp)
    for lang in ("zh_CN", "en"):
        shoot_language(app, lang, package, (size[0], size[1]), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
