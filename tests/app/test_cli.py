# SPDX-License-Identifier: Apache-2.0
"""The ``leitai`` command: machine-readable info, and one clear line (no traceback) for a mistake."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.casebook import NewCase, add_case
from app.seasons import load_season
from app.workspace import Workspace


def leitai(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_info_json_counts_cases_per_theme_region_and_status(workspace: Workspace) -> None:
    for i, (province, theme) in enumerate(
        [("广西", 1), ("广西壮族自治区", 1), ("黑龙江省", 7), ("香港", 10)]
    ):
        add_case(
            workspace, NewCase(code=f"C{i}", hospital=f"医院{i}", province=province, theme=theme, title="t")
        )
    workspace.close()
    out = leitai("info", "--workspace", str(workspace.root), "--json")
    assert out.returncode == 0, out.stderr
    info = json.loads(out.stdout)
    assert info["season"] == 2022
    assert info["cases"] == 4
    assert info["by_theme"] == {"1": 2, "7": 1, "10": 1}
    assert info["by_region"] == {"东北": 1, "中南": 3}
    assert info["by_status"] == {"submitted": 4}
    assert info["judges"] == 0
    assert [r["name"] for r in info["rounds"]] == [r.name for r in load_season(2022).rounds]
    assert all(isinstance(r["id"], int) for r in info["rounds"])


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("info", "--workspace", "/nonexistent/leitai-ws"), "不是擂台工作区"),
        (("demo", "DIR", "--season", "1999"), "1999"),
    ],
)
def test_a_users_mistake_is_one_line_without_traceback(
    tmp_path: Path, args: tuple[str, ...], needle: str
) -> None:
    args = tuple(str(tmp_path / "d") if a == "DIR" else a for a in args)
    out = leitai(*args)
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    assert needle in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_info_on_a_damaged_database_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "leitai.db").write_bytes(b"this is not sqlite" * 100)
    out = leitai("info", "--workspace", str(tmp_path))
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert "无法打开工作区数据库" in out.stderr


def test_init_makes_an_empty_workspace_with_a_sealed_organizer_key(tmp_path: Path) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text("short\n", encoding="utf-8")
    out = leitai("init", str(tmp_path / "w"), "--season", "2020", "--passphrase-file", str(secret))
    assert out.returncode == 2
    assert "至少需要" in out.stderr
    assert not (tmp_path / "w" / "leitai.db").exists()
    secret.write_text("correct horse battery\n", encoding="utf-8")
    out = leitai("init", str(tmp_path / "w"), "--season", "2020", "--passphrase-file", str(secret))
    assert out.returncode == 0, out.stderr
    info = json.loads(leitai("info", "--workspace", str(tmp_path / "w"), "--json").stdout)
    assert (info["season"], info["cases"], info["judges"]) == (2020, 0, 0)
    again = leitai("init", str(tmp_path / "w"), "--season", "2020", "--passphrase-file", str(secret))
    assert again.returncode == 2
    assert "不是空文件夹" in again.stderr
