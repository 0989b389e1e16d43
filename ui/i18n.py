# SPDX-License-Identifier: Apache-2.0
"""Interface language: Chinese (zh_CN) first, English second, through Qt's own translation tools.

Source strings are English, marked with ``self.tr()`` in leaf classes, ``QCoreApplication.translate()``
with an explicit context in classes meant to be subclassed, and ``QT_TRANSLATE_NOOP`` in label tables.
``scripts/update_translations.sh`` collects them into one catalogue per area of ``ui/``
(``resources/i18n/<area>_zh_CN.ts``: ``shell`` for ``ui/*.py``, else the package's name) and compiles
the ``.qm`` files loaded here, every one of the language. The language is chosen once at start
(``--lang``, ``LEITAI_LANG``, the choice saved from the View menu, else the system's language when the
interface has it, else zh_CN); switching it in the View menu rebuilds the main window (``ui/main.py``).
Names of the competition's data (statuses, findings, rounds, awards, errors) come from ``app.glossary``
in the same language, so the CLI and exports agree.

``LEITAI_PSEUDO_TRANSLATE=1`` lengthens every translated string by about 40 % and brackets it, to find
labels that get cut off (Vorta's ``TRANS_SCALE`` idea).
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from app.glossary import terms
from app.glossary.terms import status_name

if TYPE_CHECKING:  # PySide's stub says it returns object; it returns the text unchanged

    def QT_TRANSLATE_NOOP(context: str, text: str) -> str: ...
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

__all__ = ["QT_TRANSLATE_NOOP"]  # re-exported typed: ``from ui.i18n import QT_TRANSLATE_NOOP``

#: Languages the interface ships, each named in its own language (these names are never translated).
LANGUAGES: dict[str, str] = {"zh_CN": "中文", "en": "English"}
#: Chinese is the first language of the interface (DESIGN.md).
DEFAULT_LANGUAGE = "zh_CN"
#: Environment variable that picks the language (after ``--lang``, before the saved setting).
ENV_LANG = "LEITAI_LANG"
#: Environment variable that turns on pseudo-translation for layout testing.
ENV_PSEUDO = "LEITAI_PSEUDO_TRANSLATE"
#: How much longer pseudo-translated strings get.
PSEUDO_SCALE = 0.4
#: Name pattern of the compiled catalogues in ``resources/i18n``, one per area (``judge_zh_CN.qm``).
CATALOGUE_GLOB = "*_{language}.qm"

#: Font families in order of preference: each platform's UI font with good CJK coverage, then Noto.
UI_FONT_FAMILIES = (
    "Microsoft YaHei UI",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "DejaVu Sans",
)
#: Monospace families for hashes and codes.
MONO_FONT_FAMILIES = ("Consolas", "Menlo", "Noto Sans Mono CJK SC", "DejaVu Sans Mono")

#: Case status codes (``app.models.CaseStatus``) in the order the interface lists them, from the
#: glossary's table: ``app.models`` loads SQLAlchemy, which the start page must not wait for.
STATUSES: tuple[str, ...] = tuple(terms.STATUSES)


def status_text(status: str) -> str:
    """The name of a case status in the interface language (待初筛 / 已通过 / 未通过), from the glossary."""
    return status_name(status)


def system_language(locale: QLocale | None = None) -> str | None:
    """The first of the system's preferred UI languages that the interface speaks (any Chinese → zh_CN,
    any English → en), or None (the C/POSIX locale of a server says nothing; other languages)."""
    loc = locale or QLocale.system()
    for tag in loc.uiLanguages() or [loc.name()]:
        lowered = tag.lower()
        if lowered.startswith("zh"):
            return "zh_CN"
        if lowered.startswith("en"):
            return "en"
    return None


def resolve_language(
    requested: str | None,
    saved: str | None,
    environ: Mapping[str, str] | None = None,
    system: str | QLocale | None = None,
) -> str:
    """The language to start in: ``--lang``, then ``LEITAI_LANG``, then the choice saved from the View
    menu, then the system's (``system``: a language code, or the locale to read it from; default
    ``QLocale.system()``), then zh_CN."""
    env = os.environ if environ is None else environ
    for candidate in (requested, env.get(ENV_LANG), saved):
        if candidate in LANGUAGES:
            return candidate
    spoken = system if isinstance(system, str) else system_language(system)
    return spoken if spoken in LANGUAGES else DEFAULT_LANGUAGE


def pseudo_enabled(environ: Mapping[str, str] | None = None) -> bool:
    env = os.environ if environ is None else environ
    return env.get(ENV_PSEUDO, "") not in ("", "0")


class PseudoTranslator(QTranslator):
    """Wraps the real catalogues and lengthens what they return, to test layouts with long labels."""

    def __init__(self, inner: list[QTranslator], parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        self._inner = inner

    def isEmpty(self) -> bool:
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        text = next(
            (t for t in (i.translate(context, source, disambiguation, n) for i in self._inner) if t), source
        )
        return f"[{text}{'~' * math.ceil(len(text) * PSEUDO_SCALE)}]"


class Translators:
    """The translators installed for one language; ``remove()`` before installing another."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = DEFAULT_LANGUAGE

    def install(self, app: QCoreApplication, language: str, i18n_dir: Path, pseudo: bool = False) -> None:
        """Load Qt's own catalogue (dialog buttons) and Leitai's for ``language`` and install them."""
        self.remove(app)
        self.language = language
        QLocale.setDefault(QLocale(language))
        ours: list[QTranslator] = []
        if language != "en":
            qt = QTranslator(app)
            if qt.load(
                QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            ):
                self._add(app, qt)
            for path in sorted(i18n_dir.glob(CATALOGUE_GLOB.format(language=language))):
                catalogue = QTranslator(app)
                if catalogue.load(str(path)):
                    ours.append(catalogue)
        if pseudo:
            self._add(app, PseudoTranslator(ours, app))
        else:
            for catalogue in ours:
                self._add(app, catalogue)

    def _add(self, app: QCoreApplication, translator: QTranslator) -> None:
        app.installTranslator(translator)
        self._installed.append(translator)

    def remove(self, app: QCoreApplication) -> None:
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()


def apply_fonts(app: QApplication) -> None:
    """A UI font that has Chinese glyphs on every platform, at a readable size."""
    font = QFont(app.font())
    font.setFamilies(list(UI_FONT_FAMILIES))
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)


def mono_font(point_size: float | None = None) -> QFont:
    """A monospace font (hashes, codes) with CJK fallback."""
    font = QFont()
    font.setFamilies(list(MONO_FONT_FAMILIES))
    font.setStyleHint(QFont.StyleHint.Monospace)
    if point_size:
        font.setPointSizeF(point_size)
    return font
