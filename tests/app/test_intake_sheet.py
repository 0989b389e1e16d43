# SPDX-License-Identifier: Apache-2.0
"""Reading the submission sheet, and telling hospital spellings apart."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from app.errors import DomainError
from app.intake.hospitals import same_hospital, spelling_groups
from app.intake.columns import guess_mapping, missing_columns, read_headers, read_sheet

HEADER = "案例编号,医院名称,省份,主题,案例名称,PPT文件,备注"


def test_csv_in_gb18030_with_semicolons_keeps_extra_columns(tmp_path: Path) -> None:
    sheet = tmp_path / "cases.csv"
    text = HEADER.replace(",", ";") + "\nA1;某某县人民医院;河北;主题三;案例;a.pdf;加急\n;;;;;;\n"
    sheet.write_bytes(text.encode("gb18030"))  # what a Chinese-Windows Excel saves as "CSV"
    read = read_sheet(sheet)
    (row,) = read.rows
    assert row.get("hospital") == "某某县人民医院"
    assert row.get("theme") == "主题三"
    assert row.extra == {"备注": "加急"}
    assert row.number == 2


def test_xlsx_numbers_and_dates_read_as_text(tmp_path: Path) -> None:
    from datetime import datetime

    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["case_id", "hospital", "province", "theme", "title", "pdf", "votes", "提交时间"])
    ws.append([1001, "某某医院", "河北省", 3, "案例", "a.pdf", 1234.0, datetime(2022, 5, 3, 9, 30)])
    path = tmp_path / "cases.xlsx"
    book.save(path)
    (row,) = read_sheet(path).rows
    assert row.values["case_id"] == "1001"
    assert row.values["theme"] == "3"
    assert row.values["votes"] == "1234"
    assert row.values["submitted_at"] == "2022-05-03 09:30:00"


def test_missing_columns_are_named_and_mapping_fills_them(tmp_path: Path) -> None:
    sheet = tmp_path / "cases.csv"
    sheet.write_text("编号,单位名称,省,主题,标题,附件\nA1,某医院,河北,1,案例,a.pdf\n", encoding="utf-8")
    headers = read_headers(sheet)
    guessed = guess_mapping(headers)
    assert guessed == {"case_id": "编号", "hospital": "单位名称", "province": "省", "theme": "主题"}
    assert [c.key for c in missing_columns(guessed)] == ["title", "pdf"]
    with pytest.raises(DomainError) as err:
        read_sheet(sheet)
    assert err.value.code == "sheet_columns"
    assert err.value.params["missing"] == ["title", "pdf"]
    mapped = read_sheet(sheet, {**guessed, "title": "标题", "pdf": "附件"})
    assert mapped.rows[0].get("pdf") == "a.pdf"
    with pytest.raises(DomainError):
        read_sheet(sheet, {**guessed, "title": "没有这一列", "pdf": "附件"})


def test_empty_and_foreign_sheets_are_refused(tmp_path: Path) -> None:
    empty = tmp_path / "cases.csv"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(DomainError, match="空"):
        read_sheet(empty)
    other = tmp_path / "cases.ods"
    other.write_text("x", encoding="utf-8")
    with pytest.raises(DomainError, match="csv"):
        read_sheet(other)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("某市人民医院（某医学院附属医院）", "某市人民医院(某医学院附属医院)", True),  # bracket width
        ("某市人民医院（某医学院附属医院）", "某市人民医院", True),  # with and without the parenthetical
        ("河南省 人民医院", "河南省人民医院", True),  # spaces
        ("河南省洛阳市第一人民医院", "河南洛阳市第一人民医院", True),  # a character left out of a long name
        ("郑州市第一人民医院", "郑州市第二人民医院", False),  # numbered hospitals
        ("北京市密云区中医医院", "北京市密云区中心医院", False),  # one character changed
        ("正定县人民医院", "正定县第二人民医院", False),
        ("某某县医院", "某某县人民医院", False),  # short names: exact only
    ],
)
def test_same_hospital(a: str, b: str, same: bool) -> None:
    assert same_hospital(a, b) is same
    assert same_hospital(b, a) is same


def test_spelling_groups_within_a_province_pick_the_most_used() -> None:
    names = [
        ("湖南省", "长沙市第一医院（湘雅附属）"),
        ("湖南省", "长沙市第一医院（湘雅附属）"),
        ("湖南省", "长沙市第一医院(湘雅附属)"),
        ("湖北省", "长沙市第一医院"),  # same text, other province: another hospital
        ("湖南省", "长沙市第二医院"),
    ]
    (group,) = spelling_groups(names)
    assert group.main == "长沙市第一医院（湘雅附属）"
    assert group.others == ["长沙市第一医院(湘雅附属)"]
    # A merged spelling counts for its hospital and is never reported again.
    assert spelling_groups(names, {"长沙市第一医院(湘雅附属)": "长沙市第一医院（湘雅附属）"}) == []


def test_preview_reads_only_the_sheet_of_a_zip(tmp_path: Path) -> None:
    import zipfile

    from app.intake.source import preview_source

    archive = tmp_path / "submissions.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "2022年案例/cases.csv", "编号,医院名称,省份,主题,案例名称,附件\nA1,某医院,河北,1,案例,a.pdf\n"
        )
        zf.writestr("2022年案例/files/a.pdf", b"%PDF-1.7 ...")
        zf.writestr("../escape.txt", "never unpacked")
    preview = preview_source(archive)
    assert preview.sheet_name == "cases.csv"
    assert preview.rows == 1
    assert preview.missing == ("pdf",)
    assert preview.mapping["case_id"] == "编号"
    assert not (tmp_path / "escape.txt").exists()
