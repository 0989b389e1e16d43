# SPDX-License-Identifier: Apache-2.0
"""Exports of a round: the xlsx workbook, the PDF report and the certificates say what the results say,
in Chinese, with the font embedded, and show every override."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pymupdf
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from results_world import World, build_world, copy_world

from app.cli import build_parser, run
from app.errors import DomainError
from app.exports.pdf import wrap
from app.results.certificates import load_template
from app.results.service import override_award

#: Four cases of theme 1 and two of theme 2; three judges score everything (totals in the comments).
MARKS = {
    0: (18, 30, 22, 18),  # 88
    1: (15, 30, 20, 15),  # 80
    2: (10, 20, 15, 10),  # 55
    3: (5, 10, 5, 5),  # 25
    4: (17, 31, 21, 17),  # 86
    5: (12, 22, 15, 11),  # 60
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    w = build_world(
        tmp_path_factory.mktemp("world"), lambda j, i: MARKS[i], cases=6, themes=lambda i: 1 if i < 4 else 2
    )
    yield w
    w.ws.close()


@pytest.fixture(scope="module")
def exported(pristine: World, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The round exported once by the command, after one audited override (C002 advances too)."""
    tmp = tmp_path_factory.mktemp("export")
    w = copy_world(pristine, tmp)
    try:
        override_award(w.ws, "review", "advance", grant=True, reason="复议后增补", case_code="C002")
        xlsx, pdf, certs = tmp / "结果.xlsx", tmp / "报告.pdf", tmp / "奖状"
        argv = ["results", "export", "-w", str(w.ws.root), "--round", "review"]
        argv += ["--xlsx", str(xlsx), "--pdf", str(pdf), "--certificates", str(certs)]
        assert run(build_parser().parse_args(argv)) == 0
    finally:
        w.ws.close()
    return xlsx, pdf, certs


def test_workbook_has_a_sheet_per_group_with_each_judges_score(exported: tuple[Path, Path, Path]) -> None:
    xlsx, _, _ = exported
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == [
        "说明",
        "主题1",
        "主题2",
        "评委编号",
        "评委一致性",
        "临界案例",
        "奖项调整",
        "抽签记录",
        "赛季奖项",
    ]
    rows = list(book["主题1"].iter_rows(values_only=True))
    assert rows[0] == (
        "排名",
        "案例编号",
        "案例名称",
        "医院",
        "赛区",
        "评委1",
        "评委2",
        "评委3",
        "本轮得分",
        "奖项",
        "同分说明",
    )
    assert rows[1][:9] == (1, "C001", "案例1", "医院1", "西南", 88, 88, 88, 88)
    assert rows[2][1] == "C002"
    assert "主题决赛晋级资格" in rows[2][9]  # granted by the override
    overview = {r[0]: r[1] for r in book["说明"].iter_rows(values_only=True) if r[0]}
    assert overview["计分方法"] == "平均分"
    overrides = list(book["奖项调整"].iter_rows(values_only=True))
    assert overrides[1][2:] == ("主题决赛晋级资格", "C002 案例2", "授予", "复议后增补")


def test_report_pdf_is_chinese_with_the_font_embedded(exported: tuple[Path, Path, Path]) -> None:
    _, pdf, _ = exported
    with pymupdf.open(pdf) as doc:
        text = "".join(page.get_text() for page in doc)
        fonts = {f[3] for page in doc for f in page.get_fonts()}
        embedded = all(doc.extract_font(f[0])[3] for page in doc for f in page.get_fonts())
    assert "专家评选评审结果" in text
    assert "平均分" in text
    assert "主题1" in text
    assert "主题2" in text
    assert "复议后增补" in text  # every export shows the override
    assert "评委一致性" in text
    assert "最佳组织奖：医院1" in text  # the season's hospital awards (here every hospital has one case)
    assert any("Droid" in name for name in fonts)
    assert embedded


def test_certificates_one_file_per_award_a_page_per_holder(exported: tuple[Path, Path, Path]) -> None:
    _, _, certs = exported
    files = sorted(p.name for p in certs.iterdir())
    assert files == sorted(
        ["主题决赛晋级资格.pdf", "优秀案例.pdf", "十大价值案例.pdf", "最佳组织奖.pdf", "最佳管理奖.pdf"]
    )
    with pymupdf.open(certs / "主题决赛晋级资格.pdf") as doc:
        # 20 % of 4 → 0.8 → 1 (C001) and of 2 → 0.4 → at least 1 (C005), plus C002 by the override
        assert doc.page_count == 3
        first = doc[0].get_text()
    assert "医院1" in first
    assert "主题决赛晋级资格" in first
    assert "荣誉证书" in first


def test_hospital_awards_are_printed_a_page_per_hospital(exported: tuple[Path, Path, Path]) -> None:
    _, _, certs = exported
    # every hospital entered one case, so every one is level with "the most cases" and holds both awards
    for award in ("最佳组织奖", "最佳管理奖"):
        with pymupdf.open(certs / f"{award}.pdf") as doc:
            pages = [page.get_text() for page in doc]
        assert len(pages) == 6
        assert all(award in text and "荣誉证书" in text for text in pages)
        assert [next(f"医院{i}" for i in range(1, 7) if f"医院{i}：" in t) for t in pages] == [
            f"医院{i}" for i in range(1, 7)
        ]
        assert "共申报案例 1 个" in pages[0].replace("\n", "")


def test_a_broken_certificate_template_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "certificate.toml"
    bad.write_text('[[text]]\ntext = "{prize}"\nx = 1\ny = 1\n', encoding="utf-8")
    with pytest.raises(DomainError) as err:
        load_template(bad)
    assert err.value.code == "certificate_template"
    assert "prize" in err.value.message


def test_wrap_keeps_latin_words_and_leaves_no_lonely_last_character() -> None:
    lines = wrap("案例《基于5G急救车的院前急救模式》荣获", 10, 100)
    assert all(len(line) > 2 for line in lines)
    assert not any(line.endswith("5") for line in lines)
