# SPDX-License-Identifier: Apache-2.0
"""A judge roster is read by the one safe sheet reader: its limits, its types, its CSV rules."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from app.errors import DomainError
from app.judging.judge_import import import_judges
from app.judging.roster import list_judges
from app.workspace import Workspace


def _roster_csv(path: Path, rows: list[list[str]], delimiter: str = ",", encoding: str = "utf-8-sig") -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", delimiter=delimiter)
    writer.writerow(["2022年评审专家名单"])
    writer.writerow(["专家姓名", "工作单位", "所在省份", "擅长主题"])
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def test_macro_workbooks_are_refused_like_the_intake_refuses_them(
    workspace: Workspace, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "单位"])
    sheet.append(["孙专家", "人民医院"])
    path = tmp_path / "roster.xlsm"
    book.save(path)
    with pytest.raises(DomainError) as err:
        import_judges(workspace, path)
    assert err.value.code == "sheet_format"
    assert list_judges(workspace) == []


def test_a_zip_bomb_roster_is_refused_before_it_inflates(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", bytes(600 * 1024 * 1024))  # 600 MB of zeros, ~600 KB packed
    with pytest.raises(DomainError) as err:
        import_judges(workspace, path)
    assert err.value.code == "zip_bomb"


def test_semicolon_roster_in_gb18030_with_quotes_and_a_title_row(
    workspace: Workspace, tmp_path: Path
) -> None:
    rows = [
        ["欧阳\x00专家", '中心医院（"三甲"，本部）', "广西", "主题二；主题十"],
        ["周专家", "县医院", "河北", ""],
    ]
    report = import_judges(workspace, _roster_csv(tmp_path / "roster.csv", rows, ";", "gb18030"))
    assert len(report.added) == 2
    judges = {j.name: j for j in list_judges(workspace)}
    assert judges["欧阳专家"].institution == '中心医院（"三甲"，本部）'
    assert judges["欧阳专家"].expertise == (2, 10)
    assert any("控制字符" in p.message for p in report.problems)


def test_a_fifo_roster_is_refused_without_blocking(workspace: Workspace, tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "roster.csv"
    os.mkfifo(fifo)
    with pytest.raises(DomainError) as err:
        import_judges(workspace, fifo)
    assert err.value.code in {"sheet_not_a_file", "file_missing"}
