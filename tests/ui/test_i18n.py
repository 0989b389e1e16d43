# SPDX-License-Identifier: Apache-2.0
"""Interface language: zh_CN by default, English on request, a complete and current catalogue."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from app.paths import ROOT
from ui import i18n
from ui.context import AppContext, make_context
from ui.main import apply_language
from ui.settings import LANGUAGE
from ui.start_page import StartPage

I18N = ROOT / "resources" / "i18n"
#: One catalogue per area of ui/ (scripts/i18n_areas.sh): the shell's is ui/*.py.
ZH_TS = I18N / "shell_zh_CN.ts"
BIN = ROOT / ".venv" / "bin"
#: The files whose strings the shell's catalogue owns; the other areas are checked by
#: scripts/check_translations.sh.
OWN_SOURCES = sorted(str(p) for p in ROOT.joinpath("ui").glob("*.py"))


def areas() -> list[str]:
    """The areas of ui/ that hold Python sources, each of which must have its catalogue."""
    packages = sorted(p.name for p in ROOT.joinpath("ui").iterdir() if p.is_dir() and any(p.rglob("*.py")))
    return ["shell", *(p for p in packages if p != "__pycache__")]


def unfinished(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()
    bad = []
    for message in root.iter("message"):
        translation = message.find("translation")
        if (
            translation is None
            or translation.get("type") == "unfinished"
            or not (translation.text or "").strip()
        ):
            bad.append(message.findtext("source") or "")
    return bad


def test_chinese_is_the_default_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(i18n.ENV_LANG, raising=False)
    server = QLocale.c()  # the C/POSIX locale of a server or CI says nothing about a language
    assert i18n.resolve_language(None, None, system=server) == "zh_CN"
    assert i18n.resolve_language(None, "", system=server) == "zh_CN"
    assert i18n.resolve_language(None, "klingon", system=server) == "zh_CN"
    assert i18n.resolve_language(None, None, system=QLocale("fr_FR")) == "zh_CN"


def test_language_order_is_flag_then_env_then_saved_then_system() -> None:
    assert i18n.resolve_language("en", "zh_CN", {"LEITAI_LANG": "zh_CN"}) == "en"
    assert i18n.resolve_language(None, "zh_CN", {"LEITAI_LANG": "en"}) == "en"
    assert i18n.resolve_language(None, "en", {}) == "en"
    assert i18n.resolve_language(None, "zh_CN", {}, system=QLocale("en_US")) == "zh_CN"  # a choice wins


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("en_US", "en"), ("en_GB", "en"), ("zh_CN", "zh_CN"), ("zh_TW", "zh_CN"), ("zh_HK", "zh_CN")],
)
def test_with_nothing_chosen_the_language_follows_the_system(locale: str, expected: str) -> None:
    assert i18n.system_language(QLocale(locale)) == expected
    assert i18n.resolve_language(None, "", {}, system=QLocale(locale)) == expected


def test_start_page_speaks_chinese_by_default(qtbot: Any, ctx: AppContext) -> None:
    assert ctx.language == "zh_CN"
    page = StartPage()
    qtbot.addWidget(page)
    assert page.open_button.text() == "打开工作区…"
    assert page.demo_button.text() == "新建演示…"


def test_english_when_asked(qtbot: Any, qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.ENV_LANG, "en")
    context = make_context(tmp_path / "data")
    apply_language(qapp, context)
    try:
        page = StartPage()
        qtbot.addWidget(page)
        assert context.language == "en"
        assert page.open_button.text() == "Open workspace…"
        assert i18n.status_text("submitted") == "Pending"
    finally:
        context.translators.remove(qapp)


def test_saved_language_is_used_at_next_start(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(i18n.ENV_LANG, raising=False)
    first = make_context(tmp_path / "data")
    first.settings.set(LANGUAGE, "en")
    first.settings.sync()
    assert make_context(tmp_path / "data").language == "en"


def test_status_names_are_chinese(ctx: AppContext) -> None:
    assert [i18n.status_text(s) for s in ("submitted", "approved", "rejected")] == [
        "待初筛",
        "已通过",
        "未通过",
    ]
    assert i18n.status_text("something-new") == "something-new"


def test_translations_survive_subclassing(qtbot: Any, ctx: AppContext) -> None:
    """PySide's tr() must find the base class's context, or extending a widget loses its Chinese."""

    class MyStartPage(StartPage):
        pass

    page = MyStartPage()
    qtbot.addWidget(page)
    assert page.open_button.text() == "打开工作区…"


def test_pseudo_translation_lengthens_strings(
    qtbot: Any, qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(i18n.ENV_PSEUDO, "1")
    monkeypatch.delenv(i18n.ENV_LANG, raising=False)
    context = make_context(tmp_path / "data")
    apply_language(qapp, context)
    try:
        page = StartPage()
        qtbot.addWidget(page)
        text = page.open_button.text()
        assert text.startswith("[打开工作区…")
        assert len(text) >= len("打开工作区…") * 1.4
    finally:
        context.translators.remove(qapp)


def test_every_area_has_a_complete_catalogue() -> None:
    for area in areas():
        ts = I18N / f"{area}_zh_CN.ts"
        assert ts.is_file(), f"run scripts/update_translations.sh: {ts.name} is missing"
        assert unfinished(ts) == [], ts.name


def test_catalogue_has_no_unfinished_entries() -> None:
    assert ZH_TS.is_file()
    assert unfinished(ZH_TS) == []


def test_every_string_of_the_shell_is_translated(tmp_path: Path) -> None:
    """Running lupdate over the shell's sources adds nothing untranslated to the committed catalogue."""
    copy = tmp_path / "check_zh_CN.ts"
    shutil.copy(ZH_TS, copy)
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-no-obsolete", *OWN_SOURCES, "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    sources = {m.findtext("source") for m in ET.parse(copy).getroot().iter("message")}
    assert "Open workspace…" in sources
    assert unfinished(copy) == []


def test_compiled_catalogue_is_current(tmp_path: Path) -> None:
    out = tmp_path / "check.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), "-silent", str(ZH_TS), "-qm", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == ZH_TS.with_suffix(".qm").read_bytes(), "run scripts/update_translations.sh"
