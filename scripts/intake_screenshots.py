# SPDX-License-Identifier: Apache-2.0
"""Regenerate the intake and screening screenshots (issue 3) at 1440×900, offscreen, in Chinese.

    .venv/bin/python scripts/intake_screenshots.py [--out docs/screenshots] [--lang zh_CN]

Builds a submission folder with the test corpus (demo cases plus planted problems), imports it through
the import wizard into a fresh workspace, then saves:
  import_wizard.png        the wizard at the end of the import, over the main window
  case_table_findings.png  the case table with the problems and deadline columns, a case's findings
  screening.png            "only with problems", and the reject dialog with its reason template
Dialogs are separate windows: they are drawn onto the window's picture where they would open.
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
sys.path.insert(0, str(ROOT / "tests"))

from PySide6.QtCore import QPoint, QRect, Qt  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

# Same event-loop helpers as the shell's screenshots (this script's folder is on sys.path when run).
from screenshots import settle  # noqa: E402
from screenshots import wait_for as _wait_for  # noqa: E402

from app.workspace import Workspace  # noqa: E402
from ui.context import make_context  # noqa: E402
from ui.main import apply_language, apply_style  # noqa: E402
from ui.main_window import PAGE_ORGANIZER, MainWindow  # noqa: E402
from ui.prompter import Prompter  # noqa: E402

SIZE = (1440, 900)


def wait_for(app: QApplication, condition, timeout_ms: int = 120000) -> None:  # type: ignore[no-untyped-def]
    """As the shell's, with more time: an import of the corpus runs inside the wait."""
    _wait_for(app, condition, timeout_ms)


def with_dialog(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window's picture with ``dialog`` drawn centred on it, over a light shade and a soft shadow."""
    shot = window.grab()
    panel = dialog.grab()
    painter = QPainter(shot)
    painter.fillRect(shot.rect(), QColor(0, 0, 0, 40))
    x = (shot.width() - panel.width()) // 2
    y = (shot.height() - panel.height()) // 2
    for i in range(12, 0, -2):
        painter.fillRect(
            QRect(x - i, y - i + 4, panel.width() + 2 * i, panel.height() + 2 * i), QColor(0, 0, 0, 6)
        )
    painter.drawPixmap(QPoint(x, y), panel)
    painter.end()
    return shot


class PhotoPrompter(Prompter):
    """Photographs the next question dialog over the window instead of waiting for an answer."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.window: QWidget | None = None
        self.photo: Path | None = None

    def ask(self, dialog, answer):  # type: ignore[no-untyped-def]
        assert self.window is not None, "no window to draw the dialog on"
        assert self.photo is not None, "unexpected question"
        dialog.show()
        settle(self.app, 300)
        with_dialog(self.window, dialog).save(str(self.photo))
        dialog.close()
        dialog.deleteLater()
        self.photo = None
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from intake_corpus import build_corpus

    app = QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = build_corpus(work / "2022年案例提交", clean=48, videos=6, huge=False, distinct_decks=12)
        Workspace.create(work / "ws", season=2022).close()
        prompter = PhotoPrompter(app)
        ctx = make_context(work / "data", args.lang, prompter=prompter)
        apply_style(app, ctx)
        apply_language(app, ctx)
        window = MainWindow(ctx)
        prompter.window = window
        window.resize(*SIZE)
        window.show()
        window.open_workspace(work / "ws")
        wait_for(app, lambda: window.current_page() == PAGE_ORGANIZER and not window.organizer.loading)
        settle(app)

        # 1. The import wizard, at the end of the import.
        screening = window.screening
        screening.open_import_wizard()
        wizard = screening.wizard
        assert wizard is not None
        wizard.resize(900, 640)
        wizard.source_page.set_source(corpus.root)
        wait_for(app, wizard.source_page.isComplete)
        wizard.next()
        wait_for(app, lambda: wizard.import_page.done)
        settle(app, 300)
        with_dialog(window, wizard).save(str(args.out / "import_wizard.png"))
        wizard.accept()
        wait_for(app, lambda: bool(window.organizer.rows()) and not window.organizer.loading)
        settle(app, 300)

        # 2. The case table with findings: problems first, a case with small text selected.
        view = window.organizer
        view.table.sortByColumn(screening.problems_column, Qt.SortOrder.DescendingOrder)
        settle(app)
        target = next(r for r in window.organizer.rows() if "font_too_small" in r.counts.codes)
        view.select_case(target.id)
        wait_for(app, lambda: any(f.code == "font_too_small" for f in screening.findings_widget.findings))
        settle(app, 300)
        view.details.verticalScrollBar().setValue(view.details.verticalScrollBar().maximum())
        settle(app)
        window.grab().save(str(args.out / "case_table_findings.png"))

        # 3. Screening: only the cases with problems, and the reject dialog for one of them.
        screening.problems_check.setChecked(True)
        view.table.sortByColumn(screening.deadline_column, Qt.SortOrder.AscendingOrder)
        target = next(r for r in window.organizer.rows() if "pdf_missing" in r.counts.codes)
        view.select_case(target.id)
        wait_for(app, lambda: any(f.code == "pdf_missing" for f in screening.findings_widget.findings))
        prompter.photo = args.out / "screening.png"
        screening.reject_selected()  # the reject dialog is asked through the prompter, which photographs it
        wait_for(app, lambda: prompter.photo is None)
        settle(app)
        window.close()
        settle(app, 100)
    print("wrote", *(args.out / n for n in ("import_wizard.png", "case_table_findings.png", "screening.png")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
