# SPDX-License-Identifier: Apache-2.0
"""Reading the submission sheet, and telling hospital spellings apart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from app.errors import DomainError
from app.intake.columns import guess_mapping, missing_columns, read_headers, read_sheet
from app.intake.hospitals import same_hospital, spelling_groups

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


# --- issue 8 #1: CSV as Excel and WPS write it; only the separator is guessed ------------------------

_CASE_HEADER = ["案例编号", "医院名称", "省份", "主题", "案例名称", "推荐理由", "PPT文件"]
_TRICKY = [
    # A title with doubled quotes and a comma, a recommendation with a comma, quotes and a line break.
    [
        "A1",
        "宁夏医科大学总医院",
        "宁夏",
        "主题二",
        '推行"互联网+护理",延伸服务到家',
        '推荐，理由,"好"\n第二行',
        "files/A1.pdf",
    ],
    ["A2", "某某县人民医院", "河北", "主题三", "门诊;流程\t再造", "一句话", "files/A2.pdf"],
    ["A3", "青铜峡市中医医院", "宁夏", "主题一", '"开头引号', "", "files/A3.pdf"],
    # Every doubled quote after a comma in its cell: csv.Sniffer then guesses doublequote=False, and the
    # recommendation spills into the PDF's column.
    [
        "A4",
        "某市人民医院",
        "河南",
        "主题四",
        '延伸服务到家,推行"互联网+护理"',
        '好,"很好",非常好',
        "files/A4.pdf",
    ],
]


def _write_excel_csv(path: Path, delimiter: str, encoding: str, rows: list[list[str]] = _TRICKY) -> Path:
    """A sheet the way Excel saves "CSV UTF-8" (csv.excel: quote only when needed, "" inside, CRLF)."""
    import csv
    import io

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", delimiter=delimiter)
    writer.writerow(_CASE_HEADER)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


@pytest.mark.parametrize(
    ("delimiter", "encoding", "suffix"),
    [
        (",", "utf-8-sig", ".csv"),  # Excel "CSV UTF-8 (逗号分隔)": a BOM
        (",", "utf-8", ".csv"),  # WPS / Numbers: no BOM
        (",", "gb18030", ".csv"),  # Chinese Windows Excel "CSV (逗号分隔)"
        (";", "utf-8-sig", ".csv"),  # Excel where the list separator is a semicolon
        (";", "gb18030", ".csv"),
        ("\t", "utf-16", ".txt"),  # Excel "Unicode 文本": UTF-16 with a BOM, tab separated
        ("\t", "utf-8-sig", ".csv"),
    ],
)
def test_csv_quotes_commas_and_line_breaks_read_as_excel_wrote_them(
    tmp_path: Path, delimiter: str, encoding: str, suffix: str
) -> None:
    from app.intake import read_sheet

    sheet = read_sheet(_write_excel_csv(tmp_path / f"cases{suffix}", delimiter, encoding))
    assert [r.values["case_id"] for r in sheet.rows] == ["A1", "A2", "A3", "A4"]
    for row, written in zip(sheet.rows, _TRICKY, strict=True):
        assert row.values["title"] == written[4].strip()
        assert row.values["recommendation"] == written[5].strip()
        assert row.values["pdf"] == written[6]
        assert row.values["hospital"] == written[1]
    assert [r.number for r in sheet.rows] == [2, 3, 4, 5]  # the rows Excel shows, a line break or not


def test_doubled_quotes_after_a_comma_keep_every_column_in_place(tmp_path: Path) -> None:
    """The sheet csv.Sniffer misreads (doublequote=False): the PDF column must stay the PDF's."""
    from app.intake import read_sheet

    title = '延伸服务到家,推行"互联网+护理",好'
    rows = [
        ["A4", "某市人民医院", "河南", "主题四", title, "推荐理由", "files/A4.pdf"],
        ["A5", "某县医院", "河南", "主题五", "普通标题", "理由", "files/A5.pdf"],
    ]
    first, second = read_sheet(_write_excel_csv(tmp_path / "cases.csv", ",", "utf-8-sig", rows)).rows
    assert first.values["title"] == title
    assert first.values["recommendation"] == "推荐理由"
    assert first.values["pdf"] == "files/A4.pdf"
    assert second.values["pdf"] == "files/A5.pdf"


def test_wps_csv_with_every_cell_quoted_and_a_title_row_of_its_own(tmp_path: Path) -> None:
    from app.intake import read_sheet

    # WPS can quote every cell; a hand-made sheet may end its last line without a line break.
    lines = [",".join(f'"{c}"' for c in _CASE_HEADER)]
    lines.append('"B1","某医院","河北","1","案例""甲""，第一","理由","files/b.pdf"')
    path = tmp_path / "cases.csv"
    path.write_bytes("\r\n".join(lines).encode("gb18030"))
    (row,) = read_sheet(path).rows
    assert row.values["title"] == '案例"甲"，第一'
    assert row.values["pdf"] == "files/b.pdf"


# --- issue 8 #15: a damaged or hostile .xlsx is one line, never a traceback -------------------------


def _xlsx_with_sheet_xml(path: Path, edit: Callable[[bytes], bytes]) -> Path:
    import zipfile

    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.append(_CASE_HEADER)
    for i in range(200):
        ws.append([f"X{i}", "某医院", "河北", "1", "案例", "理由", f"files/{i}.pdf"])
    plain = tmp = path.with_suffix(".tmp.xlsx")
    book.save(plain)
    with zipfile.ZipFile(tmp) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            out.writestr(info, edit(data) if info.filename == "xl/worksheets/sheet1.xml" else data)
    tmp.unlink()
    return path


_LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">'
        % (i, b"".join(b"&lol%s;" % (b"" if i == 1 else b"%d" % (i - 1)) for _ in range(10)))
        for i in range(1, 10)
    )
    + b"]>\n"
)


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda xml: xml[: len(xml) // 2], id="cut-in-half"),
        pytest.param(
            lambda xml: _LAUGHS + xml.replace(b"<v>0</v>", b"<v>&lol9;</v>", 1), id="billion-laughs"
        ),
        pytest.param(
            lambda xml: (
                b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
                + xml.replace(b"<v>0</v>", b"<v>&e;</v>", 1)
            ),
            id="external-entity",
        ),
    ],
)
def test_damaged_or_hostile_xlsx_is_one_domain_error(tmp_path: Path, edit: Callable[[bytes], bytes]) -> None:
    from app.intake import read_sheet

    path = _xlsx_with_sheet_xml(tmp_path / "cases.xlsx", edit)
    with pytest.raises(DomainError) as err:
        read_sheet(path)
    assert err.value.code in {"sheet_unreadable", "sheet_entities"}
    for lang in ("zh_CN", "en"):
        text = err.value.text(lang)
        assert "\n" not in text
        assert "cases.xlsx" in text


def test_openpyxl_parses_through_defusedxml() -> None:
    """The dependency is there for a reason: openpyxl uses defusedxml when it is installed."""
    import defusedxml.ElementTree
    import openpyxl.xml.functions

    assert openpyxl.DEFUSEDXML is True
    assert openpyxl.xml.functions.iterparse is defusedxml.ElementTree.iterparse


# --- issue 8 #19: control characters never reach the workspace --------------------------------------


def test_control_characters_are_removed_from_every_cell_and_named(tmp_path: Path) -> None:
    from app.intake import read_sheet

    rows = [
        ["C1", "青铜峡\x00市中医医院", "宁夏", "主题一", "\x00\x00\x00", "理由\x07", "files/c1.pdf"],
        ["C2", "某医院\u202e", "河北", "主题二", "干净的标题", "", "files/c2.pdf"],
    ]
    sheet = read_sheet(_write_excel_csv(tmp_path / "cases.csv", ",", "utf-8-sig", rows))
    first, second = sheet.rows
    assert first.values["hospital"] == "青铜峡市中医医院"
    assert first.values["title"] == ""
    assert first.values["recommendation"] == "理由"
    assert first.cleaned == {"hospital", "title", "recommendation"}
    assert second.values["hospital"] == "某医院"
    assert second.cleaned == {"hospital"}


def test_intake_check_on_a_cut_xlsx_prints_one_line_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    folder = tmp_path / "src"
    folder.mkdir()
    _xlsx_with_sheet_xml(folder / "cases.xlsx", lambda xml: xml[: len(xml) // 2])
    assert main(["intake", "check", str(folder), "--season", "2022"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "cases.xlsx" in captured.err
