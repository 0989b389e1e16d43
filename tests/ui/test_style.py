# SPDX-License-Identifier: Apache-2.0
"""One source of colours: every colour of the interface lives in resources/style/leitai.qss.

A ``.py`` under ``ui/`` may not hold a hex colour literal, build a ``QColor`` from literal values, or
call ``setStyleSheet`` with a colour in it; code that needs a colour asks ``ui.style.theme_colors()``
(the style sheet's ``#themeColors`` rule), widgets get theirs from object names and properties.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

from ui.style import COLOR_NAMES, STYLE_SHEET, ThemeColors, color_property, set_state, theme_colors

UI_DIR = Path(__file__).resolve().parents[2] / "ui"

#: A colour written in Python: #rgb / #rrggbb / #aarrggbb, rgb(…), or a CSS colour given a value.
COLOUR = re.compile(
    r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3}(?:[0-9a-fA-F]{2})?)?\b|rgba?\(|\b(?:background-)?color\s*:\s*[#a-zA-Z]"
)
#: Files allowed to hold colours, each with the reason it must. An entry whose file no longer holds
#: any colour fails the test, so the list only shrinks.
ALLOWED: dict[str, str] = {
    # A file that truly must write a colour in Python goes here, with the reason.
}


def colours_in(path: Path) -> list[str]:
    """Where ``path`` writes a colour in Python: hex literals, literal QColors, coloured style sheets."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and COLOUR.search(node.value):
            found.append(f"line {node.lineno}: colour in a string {node.value[:60]!r}")
        elif isinstance(node, ast.Call):
            name = _called(node)
            if name == "QColor" and node.args and all(isinstance(a, ast.Constant) for a in node.args):
                found.append(f"line {node.lineno}: QColor built from literal values")
            elif name == "setStyleSheet" and not _reads_the_sheet_file(node):
                found.append(f"line {node.lineno}: setStyleSheet with an inline style")
    return found


def _called(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _reads_the_sheet_file(call: ast.Call) -> bool:
    """``x.setStyleSheet(path.read_text(...))``: installing leitai.qss itself, the one allowed call."""
    arg = call.args[0] if call.args else None
    return isinstance(arg, ast.Call) and _called(arg) == "read_text"


def test_no_colour_is_written_in_python_under_ui() -> None:
    offenders: dict[str, list[str]] = {}
    clean_but_allowed: list[str] = []
    for path in sorted(UI_DIR.rglob("*.py")):
        rel = path.relative_to(UI_DIR.parent).as_posix()
        found = colours_in(path)
        if found and rel not in ALLOWED:
            offenders[rel] = found
        elif not found and rel in ALLOWED:
            clean_but_allowed.append(rel)
    assert not offenders, "colours belong in resources/style/leitai.qss:\n" + "\n".join(
        f"{rel}: {hit}" for rel, hits in offenders.items() for hit in hits
    )
    assert not clean_but_allowed, f"no colour left: delete from ALLOWED in {__file__}: {clean_but_allowed}"


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ('label.setStyleSheet("color: #b3261e;")', True),
        ("QColor('#c5221f')", True),
        ("QColor(200, 30, 30)", True),
        ("x = '<span style=\"background-color: red\">'", True),
        ("app.setStyleSheet(sheet.read_text(encoding='utf-8'))", False),
        ("colors = theme_colors(); pen = QPen(colors.clean)", False),
        ("issue = 'see #12 and #34'", False),
        ("cell = f\"<td style='color:{muted}'>\"", False),
    ],
)
def test_the_check_catches_what_it_should(tmp_path: Path, source: str, caught: bool) -> None:
    path = tmp_path / "sample.py"
    path.write_text(source + "\n", encoding="utf-8")
    assert bool(colours_in(path)) is caught


def test_theme_colours_come_from_the_style_sheet(qapp: Any) -> None:
    sheet = STYLE_SHEET.read_text(encoding="utf-8")
    rule = sheet[sheet.index("#themeColors") :].split("}", 1)[0]
    colors = theme_colors()
    for name in COLOR_NAMES:
        value = re.search(rf"qproperty-{name}:\s*(#[0-9a-fA-F]{{6}})", rule)
        assert value is not None, f"leitai.qss #themeColors sets no {name}"
        assert getattr(colors, name).name() == value.group(1).lower()
        assert getattr(ThemeColors, name) is not None


class _Swatch(QWidget):
    """A widget that paints with one colour of its own style rule, like the projector canvas."""

    ink = color_property("ink")

    def __init__(self) -> None:
        super().__init__()
        self._colors: dict[str, QColor] = {}
        self.setObjectName("swatch")
        self.repaints = 0

    def update(self) -> None:  # type: ignore[override]
        self.repaints += 1
        super().update()


def test_a_painted_colour_comes_from_the_widgets_style_rule(qtbot: Any) -> None:
    swatch = _Swatch()
    qtbot.addWidget(swatch)
    assert not swatch.ink.isValid()  # nothing set yet
    swatch.setStyleSheet("#swatch { qproperty-ink: #2a5c8f; }")
    swatch.ensurePolished()
    assert swatch.ink.name() == "#2a5c8f"
    assert swatch.repaints >= 1  # a new colour repaints


def test_the_projector_takes_its_colours_from_the_style_sheet() -> None:
    from ui.projector.canvas import ProjectorCanvas

    sheet = STYLE_SHEET.read_text(encoding="utf-8")
    rule = sheet[sheet.index("ProjectorCanvas {") :].split("}", 1)[0]
    names = re.findall(r"qproperty-(\w+):", rule)
    assert "background" in names
    assert all(isinstance(getattr(ProjectorCanvas, name), type(ProjectorCanvas.background)) for name in names)


def test_a_state_property_restyles_the_widget_at_once(qtbot: Any) -> None:
    label = QLabel("x")
    qtbot.addWidget(label)
    label.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))
    label.ensurePolished()
    normal = label.palette().color(label.foregroundRole()).name()
    set_state(label, "state", "error")
    assert label.palette().color(label.foregroundRole()).name() == "#b3261e" != normal
    set_state(label, "state", "")
    assert label.palette().color(label.foregroundRole()).name() == normal
