# SPDX-License-Identifier: Apache-2.0
"""Acceptance of ``leitai intake check``: every planted violation found, with the right code and case;
no violation on a clean case; every region right; the JSON shape and exit codes of issue #3."""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.glossary import terms
from app.intake import CODES
from app.intake.finding_text import finding_text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from intake_corpus import Corpus, build_corpus

from tests.language_support import CJK, without_quoted


def run_check(capsys: pytest.CaptureFixture[str], src: Path, season: int, *extra: str) -> tuple[int, Any]:
    code = main(["intake", "check", str(src), "--season", str(season), "--json", *extra])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else None


@pytest.fixture(scope="module", params=[2022, 2020])
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return build_corpus(tmp_path_factory.mktemp(f"corpus{request.param}"), season=request.param, clean=36)


@pytest.fixture(scope="module")
def report(corpus: Corpus) -> dict[str, Any]:
    # One run per corpus for all the assertions below (capsys is function-scoped, so call main directly).
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(["intake", "check", str(corpus.root), "--season", str(corpus.season), "--json"])
    data = json.loads(buffer.getvalue())
    data["_exit"] = code
    return data


def test_every_planted_violation_is_found_on_its_case_and_clean_cases_have_none(
    corpus: Corpus, report: dict[str, Any]
) -> None:
    assert report["_exit"] == 1
    got = {c["case_id"]: c for c in report["cases"]}
    assert set(got) == set(corpus.expected)
    for case_id, expected in corpus.expected.items():
        codes = {v["code"] for v in got[case_id]["violations"]}
        assert codes == expected.codes, (case_id, got[case_id]["violations"])
    planted = set().union(*(e.codes for e in corpus.expected.values()))
    every_violation_code = {c for c, spec in CODES.items() if spec.severity == "violation"}
    every_violation_code.discard("check_failed")  # the net for a fault, planted in test_intake_faults.py
    season = report["season"]
    if season == 2022:  # the 2022 notice does not require a recommendation
        every_violation_code.discard("recommendation_missing")
    assert planted == every_violation_code


def test_details_name_pages_sizes_and_the_likely_spelling(corpus: Corpus, report: dict[str, Any]) -> None:
    got = {c["case_id"]: c for c in report["cases"]}
    checked = 0
    for case_id, expected in corpus.expected.items():
        if not expected.detail:
            continue
        (violation,) = got[case_id]["violations"]
        for key, value in expected.detail.items():
            assert violation["detail"][key] == value, (case_id, key, violation)
        assert violation["message"]  # a sentence for the organizer, in the current language
        checked += 1
    assert checked >= 8


def test_regions_and_themes_are_all_right(corpus: Corpus, report: dict[str, Any]) -> None:
    got = {c["case_id"]: c for c in report["cases"]}
    for case_id, expected in corpus.expected.items():
        assert got[case_id]["region"] == expected.region, case_id
        assert got[case_id]["theme"] == expected.theme, case_id
    regions = {c["region"] for c in report["cases"]}
    assert {"东北", "华北", "华东", "中南", "西南", "西北"} <= regions


def test_json_shape_and_summary(report: dict[str, Any]) -> None:
    assert set(report) >= {"season", "cases", "summary"}
    case = report["cases"][0]
    assert set(case) >= {"case_id", "hospital", "region", "theme", "violations", "warnings"}
    summary = report["summary"]
    assert summary["cases"] == len(report["cases"])
    assert summary["clean"] == sum(1 for c in report["cases"] if not c["violations"])
    counted: dict[str, int] = {}
    for c in report["cases"]:
        for v in c["violations"]:
            counted[v["code"]] = counted.get(v["code"], 0) + 1
    assert summary["by_code"] == counted


def test_advisories_are_warnings_not_violations(corpus: Corpus, report: dict[str, Any]) -> None:
    got = {c["case_id"]: c for c in report["cases"]}
    for row in corpus.rows:
        warnings = {w["code"] for w in got[row["案例编号"]]["warnings"]}
        if not row["视频文件"]:
            assert "no_video" in warnings
        else:
            assert "no_video" not in warnings


def test_font_rule_ignores_short_spans_and_the_half_point_allowance(
    corpus: Corpus, report: dict[str, Any]
) -> None:
    # Every deck has 9 pt page numbers and a 3-character 9 pt note; case 1 is set at exactly 14 pt and
    # case 3 has a sentence at 13.6 pt: none of them may be reported.
    got = {c["case_id"]: c for c in report["cases"]}
    for case_id in corpus.clean_ids:
        assert not [v for v in got[case_id]["violations"] if v["code"] == "font_too_small"]


def test_clean_source_exits_0_also_from_a_zip_and_as_xlsx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = build_corpus(tmp_path / "src", clean=5, videos=2, planted=False, edges=False, sheet="xlsx")
    code, data = run_check(capsys, corpus.root, 2022)
    assert code == 0
    assert data["summary"] == {**data["summary"], "cases": 5, "clean": 5, "by_code": {}}
    archive = tmp_path / "submissions.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in corpus.root.rglob("*"):
            zf.write(path, Path("2022年案例") / path.relative_to(corpus.root))  # a zip made of one folder
    code, zipped = run_check(capsys, archive, 2022)
    assert code == 0
    assert [c["case_id"] for c in zipped["cases"]] == [c["case_id"] for c in data["cases"]]


def test_unreadable_source_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["intake", "check", str(tmp_path / "nowhere"), "--season", "2022"]) == 2
    assert "找不到" in capsys.readouterr().err
    bogus = tmp_path / "bogus.zip"
    bogus.write_bytes(b"not a zip at all")
    assert main(["intake", "check", str(bogus), "--season", "2022", "--json"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "Traceback" not in err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["intake", "check", str(empty), "--season", "2022"]) == 2
    assert "cases.csv" in capsys.readouterr().err


def test_sheet_with_other_headers_is_refused_clearly_then_mapped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = build_corpus(tmp_path / "src", clean=3, videos=0, planted=False, edges=False)
    sheet = corpus.root / "cases.csv"
    sheet.write_text(
        sheet.read_text(encoding="utf-8-sig")
        .replace("PPT文件", "附件PDF", 1)
        .replace("案例编号", "case_id", 1),
        encoding="utf-8",  # no BOM this time
    )
    assert main(["intake", "check", str(corpus.root), "--season", "2022"]) == 2
    err = capsys.readouterr().err
    assert "PPT文件 [pdf]" in err  # names what is missing …
    assert "附件PDF" in err  # … and what the sheet has
    code, data = run_check(capsys, corpus.root, 2022, "--map", "pdf=附件PDF")
    assert code == 0
    assert data["summary"]["clean"] == 3


def test_english_headers_are_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = build_corpus(tmp_path / "src", clean=2, videos=0, planted=False, edges=False)
    english = {
        "案例编号": "case_id", "医院名称": "hospital", "省份": "province", "组别": "tier", "类别": "category",
        "主题": "theme", "案例名称": "title", "推荐理由": "recommendation", "PPT文件": "pdf",
        "视频文件": "video", "网络投票": "votes",
    }  # fmt: skip
    sheet = corpus.root / "cases.csv"
    lines = sheet.read_text(encoding="utf-8-sig").splitlines()
    header = ",".join(english.get(h, h) for h in lines[0].split(","))
    sheet.write_text("\n".join([header, *lines[1:]]) + "\n", encoding="utf-8-sig")
    code, data = run_check(capsys, corpus.root, 2022)
    assert code == 0
    assert data["cases"][0]["hospital"] == corpus.rows[0]["医院名称"]


def test_duplicate_case_ids_and_rows_without_one_are_reported_not_fatal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = build_corpus(tmp_path / "src", clean=3, videos=0, planted=False, edges=False)
    sheet = corpus.root / "cases.csv"
    lines = sheet.read_text(encoding="utf-8-sig").splitlines()
    no_id = "," + lines[2].split(",", 1)[1]
    sheet.write_text("\n".join([*lines, lines[1], no_id]) + "\n", encoding="utf-8-sig")
    code, data = run_check(capsys, corpus.root, 2022)
    assert code == 0
    assert len(data["cases"]) == 3
    assert sorted(p["code"] for p in data["problems"]) == ["duplicate_case_id", "row_without_case_id"]


def test_human_output_lists_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = build_corpus(tmp_path / "src", clean=2, videos=0, planted=False, edges=False)
    (corpus.root / "files" / f"{corpus.rows[1]['案例编号']}.pdf").unlink()
    assert main(["intake", "check", str(corpus.root), "--season", "2022"]) == 1
    out = capsys.readouterr().out
    assert "[缺少 PPT 文件]" in out
    assert "找不到 PPT 文件" in out
    assert "共 2 个案例，合格 1 个" in out


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_finding_reads_as_its_own_sentence_in_each_language(report: dict[str, Any], lang: str) -> None:
    # Each finding is said from its code and detail; in English nothing but the sheet's own text (a
    # hospital, a province as written, a font sample) is Chinese.
    said = 0
    for case in report["cases"]:
        for f in case["violations"] + case["warnings"]:
            text = finding_text(f["code"], f["detail"], lang, strict=True)
            assert text != terms.FINDINGS[f["code"]].text(lang)
            if lang == "en":
                assert not CJK.search(without_quoted(text, f["detail"])), (f, text)
            else:
                assert CJK.search(text), (f, text)
            said += 1
    assert said > 30
