# SPDX-License-Identifier: Apache-2.0
"""The interface follows the system's font size: no widget text is sized in pixels (the style sheet
sizes in points, which Qt scales with the screen), and Leitai's font keeps the size the system gives."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from app.paths import ROOT
from ui import i18n

#: The projector draws a fixed picture scaled to the projected screen (its text is sized to the canvas).
CANVAS_MODULES = {"ui/projector/painter.py"}


def test_no_widget_text_is_sized_in_pixels() -> None:
    offenders = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        text = path.read_text(encoding="utf-8")
        if rel not in CANVAS_MODULES and re.search(r"setPixelSize\(|font-size:\s*\d+(\.\d+)?px", text):
            offenders.append(rel)
    qss = (ROOT / "resources" / "style" / "leitai.qss").read_text(encoding="utf-8")
    if re.search(r"font(-size)?:[^;]*\d+px", qss):
        offenders.append("resources/style/leitai.qss")
    assert offenders == []


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[QApplication]:
    before = QFont(qapp.font())
    yield qapp
    qapp.setFont(before)


@pytest.mark.parametrize(("system_pt", "expected"), [(14.0, 14.0), (11.5, 11.5), (8.0, 10.0)])
def test_the_ui_font_keeps_the_systems_size(
    app_font: QApplication, system_pt: float, expected: float
) -> None:
    font = QFont(app_font.font())
    font.setPointSizeF(system_pt)
    app_font.setFont(font)
    i18n.apply_fonts(app_font)
    assert app_font.font().pointSizeF() == pytest.approx(expected)
