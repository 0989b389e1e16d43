# SPDX-License-Identifier: Apache-2.0
"""The one xlsx writer keeps every text cell text (issue 8 #16), whatever it starts with."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from app.errors import DomainError
from app.exports.workbook import Sheet, write_workbook

RISKY = [
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://x")',
]


def test_risky_prefixes_stay_text_and_numbers_stay_numbers(tmp_path: Path) -> None:
    out = write_workbook(
        tmp_path / "out.xlsx",
        [
            Sheet(
                "导出",
                ["文字", "数字"],
                [[text, 3] for text in RISKY] + [["普通", datetime(2022, 5, 3, 9, 30)]],
            )
        ],
    )
    with zipfile.ZipFile(out) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in xml
    assert b"<f " not in xml
    sheet = openpyxl.load_workbook(out).worksheets[0]
    rows = list(sheet.iter_rows(min_row=2))
    for text, (cell, number) in zip(RISKY, rows, strict=False):
        assert cell.data_type == "s"
        assert cell.value == text.replace("\r", "\n")  # XML turns a CR into a line feed
        assert cell.quotePrefix
        assert (number.value, number.data_type) == (3, "n")
    assert not rows[-1][0].quotePrefix
    assert rows[-1][1].value == datetime(2022, 5, 3, 9, 30)


def test_an_unwritable_path_is_a_domain_error(tmp_path: Path) -> None:
    with pytest.raises(DomainError) as err:
        write_workbook(tmp_path / "missing" / "out.xlsx", [Sheet("s", ["a"], [["x"]])])
    assert err.value.code == "export_failed"
