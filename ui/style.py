# SPDX-License-Identifier: Apache-2.0
"""Colours and spacing come from ``resources/style/leitai.qss``, never from Python (issue 9).

Widgets get their look from object names and dynamic properties in the style sheet; a property that
changes at run time is set with :func:`set_state`, which makes Qt apply the matching rules again.

What a style sheet cannot reach directly — the colour a table model returns for a cell
(``ForegroundRole``), an icon we paint, a colour inside rich text — is read from the style sheet too:
its ``#themeColors`` rule sets the properties of a hidden :class:`ThemeColors` widget
(``qproperty-violation: …;``) and :func:`theme_colors` hands them out. To add such a colour, add its
name to :data:`COLOR_NAMES` and a ``qproperty-<name>`` line to that rule. A widget that paints with
colours of its own rule declares them with :func:`color_property` (``ProjectorCanvas`` does).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Property
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.paths import RESOURCES_DIR

#: The style sheet every window uses (``ui.main.apply_style`` installs it on the application).
STYLE_SHEET = RESOURCES_DIR / "style" / "leitai.qss"

#: Colours the style sheet defines for code that paints or returns colours itself.
COLOR_NAMES = (
    "violation",
    "warning",
    "clean",
    "approved",
    "rejected",
    "muted",
    # the judging desk's matrix: a pair that may never be assigned, one avoided, an assigned cell
    "hard",
    "soft",
    "assigned",
)


def color_property(name: str) -> Any:
    """A ``QColor`` property the style sheet sets with ``qproperty-<name>: …;``, for a widget that paints.

    The value lives in the widget's ``_colors`` dict (an unset name reads as an invalid ``QColor``); a
    new value repaints the widget.
    """

    def get(self: Any) -> QColor:
        colors: dict[str, QColor] = self._colors
        return colors.get(name, QColor())

    def set_(self: Any, value: QColor) -> None:
        self._colors[name] = QColor(value)
        self.update()

    return Property(QColor, get, set_)


class ThemeColors(QWidget):
    """Never shown: the style sheet's ``#themeColors`` rule sets one colour property per name."""

    violation = color_property("violation")
    warning = color_property("warning")
    clean = color_property("clean")
    approved = color_property("approved")
    rejected = color_property("rejected")
    muted = color_property("muted")
    hard = color_property("hard")
    soft = color_property("soft")
    assigned = color_property("assigned")

    def __init__(self) -> None:
        super().__init__()
        self._colors: dict[str, QColor] = {}
        self.setObjectName("themeColors")


@dataclass(frozen=True)
class Colors:
    """The style sheet's colours for painted things: severities, case statuses, quiet text."""

    violation: QColor
    warning: QColor
    clean: QColor
    approved: QColor
    rejected: QColor
    muted: QColor
    hard: QColor
    soft: QColor
    assigned: QColor


_cache: dict[str, Colors] = {}


def theme_colors() -> Colors:
    """The colours of the application's style sheet (of ``leitai.qss`` if none is installed, e.g. in a
    test that builds one widget). Needs a ``QApplication``."""
    app = QApplication.instance()
    sheet = app.styleSheet() if isinstance(app, QApplication) else ""
    if sheet not in _cache:
        widget = ThemeColors()
        if not sheet:
            widget.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))
        widget.ensurePolished()
        _cache[sheet] = Colors(*(QColor(getattr(widget, name)) for name in COLOR_NAMES))
        widget.deleteLater()
    return _cache[sheet]


def set_state(widget: QWidget, name: str, value: Any) -> None:
    """Set the dynamic property ``name`` (e.g. ``severity``, ``state``) and restyle ``widget`` now:
    Qt matches ``[name="value"]`` rules only when a widget is polished."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def view_header(title: QLabel, subtitle: QLabel) -> tuple[QWidget, QHBoxLayout]:
    """A page's header band: ``title`` over ``subtitle`` on the left, taking the spare width; the caller
    adds the page's controls to the returned row, on the right."""
    header = QWidget()
    header.setObjectName("viewHeader")
    row = QHBoxLayout(header)
    row.setContentsMargins(16, 10, 12, 8)
    row.setSpacing(12)
    titles = QVBoxLayout()
    titles.setSpacing(2)
    title.setObjectName("viewTitle")
    subtitle.setObjectName("viewSubtitle")
    titles.addWidget(title)
    titles.addWidget(subtitle)
    row.addLayout(titles, 1)
    return header, row
