# SPDX-License-Identifier: Apache-2.0
"""UI settings: defaults when nothing (or garbage) is stored; the recent list stays short and unique."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray

from ui.settings import LANGUAGE, MAX_RECENT, RECENT_WORKSPACES, WINDOW_GEOMETRY, Settings


def test_defaults_when_nothing_is_stored(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "ui.ini")
    assert settings.get(LANGUAGE) == ""
    assert settings.get(RECENT_WORKSPACES) == []
    assert settings.get(WINDOW_GEOMETRY) == QByteArray()


def test_values_survive_a_restart(tmp_path: Path) -> None:
    first = Settings(tmp_path / "ui.ini")
    first.set(LANGUAGE, "en")
    first.set(WINDOW_GEOMETRY, QByteArray(b"\x01\x02geometry"))
    first.add_recent_workspace(tmp_path / "只有一个")
    first.sync()
    again = Settings(tmp_path / "ui.ini")
    assert again.get(LANGUAGE) == "en"
    assert again.get(WINDOW_GEOMETRY) == QByteArray(b"\x01\x02geometry")
    assert again.recent_workspaces() == [str((tmp_path / "只有一个").resolve())]


def test_garbage_falls_back_to_the_default(tmp_path: Path) -> None:
    (tmp_path / "ui.ini").write_text("[workspaces]\nrecent=not json\n[ui]\nlanguage=\n", encoding="utf-8")
    settings = Settings(tmp_path / "ui.ini")
    assert settings.recent_workspaces() == []
    assert settings.get(LANGUAGE) == ""


def test_recent_list_is_most_recent_first_unique_and_bounded(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "ui.ini")
    folders = [tmp_path / f"ws{i}" for i in range(MAX_RECENT + 3)]
    for folder in folders:
        settings.add_recent_workspace(folder)
    settings.add_recent_workspace(folders[5])
    recent = settings.recent_workspaces()
    assert len(recent) == MAX_RECENT
    assert recent[0] == str(folders[5].resolve())
    assert len(set(recent)) == len(recent)
    settings.remove_recent_workspace(folders[5])
    assert str(folders[5].resolve()) not in settings.recent_workspaces()


def test_a_yes_no_setting_survives_a_restart(tmp_path: Path) -> None:
    """An INI file gives a bool back as text: "false" must not read as a (truthy) string or as the default."""
    from ui.settings import GUIDE_DISMISSED

    first = Settings(tmp_path / "ui.ini")
    assert first.get(GUIDE_DISMISSED) is False
    first.set(GUIDE_DISMISSED, True)
    first.sync()
    assert Settings(tmp_path / "ui.ini").get(GUIDE_DISMISSED) is True
    first.set(GUIDE_DISMISSED, False)
    first.sync()
    assert Settings(tmp_path / "ui.ini").get(GUIDE_DISMISSED) is False
