# SPDX-License-Identifier: Apache-2.0
"""The demo competition: realistic, spread over every theme and region, imported and checked like a real
submission, and clean by the season's rules but for the few mistakes it plants on purpose."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, time
from pathlib import Path

import av
import pymupdf
import pytest
from sqlalchemy import func, select

from app import catalog
from app.cli import main as cli_main
from app.demo import default_videos, generate_demo, plan_demo
from app.demo.canvas import wrap
from app.demo.inputs import DEMO_DATA_DIR
from app.demo.submission import LONG_RECOMMENDATION, SPELLING, VOTES_WITH_UNIT, hospital_as_written
from app.errors import DomainError
from app.exports.cjk_font import cjk_font, text_width
from app.intake import CODES, VIOLATION, screening
from app.judging.roster import list_judges
from app.models import Conflict
from app.rounds.service import member_cases
from app.seasons import load_season
from app.workspace import Workspace
from tests.language_support import strings

RULES = load_season(2022)
#: The mistake planted in each case of the default demo ("" for none).
PLANTED = {plan.code: plan.planted for plan in plan_demo()[0]}


@pytest.fixture(scope="module")
def default_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """The demo exactly as ``leitai demo DIR`` makes it: 60 cases, 10 judges, 6 videos, seed 2022."""
    ws = generate_demo(tmp_path_factory.mktemp("demo") / "ws")
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def rows(default_demo: Workspace) -> list[catalog.CaseRow]:
    return catalog.list_cases(default_demo)


def _file(ws: Workspace, row: catalog.CaseRow, kind: str) -> Path | None:
    for f in row.files:
        if f.kind == kind:
            return ws.store.path_for(f.sha256)
    return None


# ---------------------------------------------------------------------------------------- the default


def test_default_demo_has_every_theme_and_region_evenly(default_demo: Workspace) -> None:
    s = catalog.summary(default_demo)
    assert s.cases == 60
    assert s.judges == 10
    assert set(s.by_theme) == {str(t.number) for t in RULES.themes}
    assert set(s.by_region) == {r.name for r in RULES.regions}
    # Spread evenly: 6 a theme and 10 a region.
    assert max(s.by_theme.values()) - min(s.by_theme.values()) <= 1
    assert max(s.by_region.values()) - min(s.by_region.values()) <= 1
    # screening part-way: 45 clean cases approved into the review, 11 newer clean ones and the 4 that
    # broke a rule still waiting
    assert s.by_status == {"approved": 45, "submitted": 15}


def test_hospitals_enter_several_themes_but_each_theme_once(rows: list[catalog.CaseRow]) -> None:
    per_theme = Counter((r.hospital, r.theme_number) for r in rows)
    assert max(per_theme.values()) == 1, [k for k, v in per_theme.items() if v > 1]
    per_hospital = Counter(r.hospital for r in rows)
    assert 1 <= sum(1 for n in per_hospital.values() if n > 1) < len(per_hospital) / 2
    # One name, one province, and the region that province belongs to.
    for r in rows:
        province = RULES.resolve_province(r.province)
        assert province is not None, r.province
        assert r.region == RULES.region_of(province).name
        name = r.hospital.replace(" ", "") if PLANTED[r.code] == SPELLING else r.hospital
        assert re.fullmatch(r"\S{2,16}(人民医院|中医医院|妇幼保健院|中心医院|医院)", name), r.hospital
    assert len({(r.hospital, r.province) for r in rows}) == len(per_hospital)


def test_case_fields_are_plausible_and_within_the_rules(rows: list[catalog.CaseRow]) -> None:
    assert [r.code for r in rows] == [f"2022-{i:04d}" for i in range(1, 61)]
    start = datetime.combine(RULES.submission_start, time.min)
    end = datetime.combine(RULES.submission_end, time.max)
    tiers = {t.name for t in RULES.tiers}
    for r in rows:
        assert start <= (r.submitted_at or start.replace(year=1)) <= end, r.submitted_at
        if PLANTED[r.code] == LONG_RECOMMENDATION:
            assert len(r.recommendation) > RULES.limits.recommendation_max_chars
        else:
            assert 80 <= len(r.recommendation) <= 280 <= RULES.limits.recommendation_max_chars
        assert r.hospital.replace(" ", "") in r.recommendation
        assert 8 <= len(r.title) <= 40, r.title
        assert r.tier in tiers
        if PLANTED[r.code] == VOTES_WITH_UNIT:
            assert r.votes is None  # "1234票" is not a count: the intake warns and keeps none
        else:
            assert r.votes is not None
            assert r.votes > 0
    assert len({r.title for r in rows}) == len(rows)
    # Submissions follow the codes: an online form numbers them as they come.
    assert [r.submitted_at for r in rows] == sorted(r.submitted_at for r in rows if r.submitted_at)


def test_every_slide_deck_follows_the_rules(default_demo: Workspace, rows: list[catalog.CaseRow]) -> None:
    min_pt = RULES.limits.min_font_pt
    sections = [s.title for s in RULES.page_structure]
    for row in rows:
        path = _file(default_demo, row, "pdf")
        assert path is not None
        assert path.stat().st_size < 300_000
        with pymupdf.open(path) as doc:
            assert 12 <= doc.page_count <= 20
            assert all(ext != "n/a" for _, ext, *_ in doc.get_page_fonts(0)), "fonts must be embedded"
            text = ""
            for page in doc:
                assert abs(page.rect.width / page.rect.height - 16 / 9) < 0.01
                assert (page.rect.width, page.rect.height) == (960, 540)
                spans = [
                    s
                    for b in page.get_text("dict")["blocks"]
                    for line in b.get("lines", [])
                    for s in line["spans"]
                    if s["text"].strip()
                ]
                assert spans, f"{row.code} page {page.number + 1} has no text"
                for s in spans:
                    assert s["size"] >= min_pt, (row.code, page.number + 1, s["size"], s["text"])
                    x0, y0, x1, y1 = s["bbox"]
                    assert pymupdf.Rect(20, 0, 940, 540).contains((x0, y0, x1, y1)), (row.code, s["text"])
                text += page.get_text()
        assert row.title.replace("“", "").replace("”", "")[:6] in text.replace("“", "").replace("”", "")
        # The season's suggested structure, in order, as section headings.
        positions = [text.find(f"、{title}") for title in sections]
        assert -1 not in positions, (row.code, positions)
        assert positions == sorted(positions), (row.code, positions)


def test_a_few_cases_have_a_short_mp4_video(default_demo: Workspace, rows: list[catalog.CaseRow]) -> None:
    limits = RULES.limits
    videos = [p for r in rows if (p := _file(default_demo, r, "video")) is not None]
    assert len(videos) == default_videos(60) == 6
    for path in videos:
        with av.open(str(path)) as container:
            assert "mp4" in container.format.name.split(",")
            stream = container.streams.video[0]
            assert stream.codec_context.name == "h264"
            assert stream.height >= limits.video_min_height
            aspect = stream.width / stream.height
            assert abs(aspect / (16 / 9) - 1) <= limits.video_aspect_tolerance
            assert container.duration is not None
            seconds = container.duration / av.time_base
            assert 2.0 <= seconds <= 4.2
            assert seconds <= limits.video_max_seconds
        assert path.stat().st_size < limits.video_max_bytes


def test_judges_have_contacts_expertise_and_some_conflicts(
    default_demo: Workspace, rows: list[catalog.CaseRow]
) -> None:
    judges = list_judges(default_demo)
    assert len(judges) == 10
    assert len({j.name for j in judges}) == 10
    assert set().union(*(j.expertise for j in judges)) == {t.number for t in RULES.themes}
    assert all(j.province and RULES.resolve_province(j.province) for j in judges)
    hospitals = {r.hospital for r in rows}
    at_hospitals = [j for j in judges if j.institution in hospitals]
    assert at_hospitals, "some judges work at competing hospitals"
    with default_demo.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Conflict)) == len(at_hospitals)


def test_the_demo_leaves_nothing_but_the_workspace(default_demo: Workspace) -> None:
    assert {p.name for p in default_demo.root.iterdir()} <= {
        "leitai.db",
        "leitai.db-wal",
        "leitai.db-shm",
        "files",
    }


# ----------------------------------------------------------------------------- checked like an import


def test_every_demo_case_was_checked_and_its_table_row_agrees_with_its_details(
    default_demo: Workspace, rows: list[catalog.CaseRow]
) -> None:
    """The screening table's findings column and the case's details read the same stored findings."""
    has_video = {r.code: r.has_video for r in rows}
    table = screening.screening_rows(default_demo)
    assert len(table) == 60
    for row in table:
        assert row.checked, row.code
        details = screening.case_findings(default_demo, row.code)
        violations = [f for f in details if f.is_violation]
        assert (row.counts.violations, row.counts.warnings) == (
            len(violations),
            len(details) - len(violations),
        )
        assert set(row.counts.codes) == {f.code for f in details}
        # a case without a video is told so, as every imported one is (the video is optional in 2022)
        assert ("no_video" in row.counts.codes) == (not has_video[row.code])


def test_the_planted_mistakes_and_nothing_else_are_found(default_demo: Workspace) -> None:
    planted = {code: kind for code, kind in PLANTED.items() if kind}
    assert sorted(planted.values()) == sorted([SPELLING, LONG_RECOMMENDATION, VOTES_WITH_UNIT] * 2)
    for row in screening.screening_rows(default_demo):
        codes = set(row.counts.codes) - {"no_video"}
        assert codes == ({PLANTED[row.code]} if PLANTED[row.code] else set()), row.code
        violation = PLANTED[row.code] and CODES[PLANTED[row.code]].severity == VIOLATION
        assert row.counts.violations == (1 if violation else 0), row.code


def test_screening_is_part_way_and_approve_all_clean_has_cases_to_approve(default_demo: Workspace) -> None:
    """The earliest clean cases are approved and in the expert review; the newest clean ones wait for
    "approve all clean", which is enabled (it has clean cases), and the ones that broke a rule wait too."""
    rows = screening.screening_rows(default_demo)
    broke_a_rule = {c for c, kind in PLANTED.items() if kind in (SPELLING, LONG_RECOMMENDATION)}
    approved = [r.code for r in rows if r.status == "approved"]
    waiting_clean = [
        r.code for r in rows if r.status == "submitted" and r.checked and not r.counts.violations
    ]
    assert len(approved) == 45
    assert len(waiting_clean) == 11
    assert max(approved) < min(waiting_clean)  # the earliest submitted were screened first
    assert {r.code for r in rows if r.status == "submitted"} == {*waiting_clean, *broke_a_rule}
    assert {m.code for m in member_cases(default_demo, "review")} == set(approved)
    step = screening.approve_clean(default_demo, actor="test")
    try:
        assert sorted(step.codes) == sorted(waiting_clean)
    finally:
        screening.undo(default_demo, actor="test")  # the module's demo stays as generated
    assert len([r for r in screening.screening_rows(default_demo) if r.status == "approved"]) == 45


# ------------------------------------------------------------------------------------------- others


def test_a_folder_that_is_not_empty_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(DomainError) as err:
        generate_demo(tmp_path, cases=2)
    assert err.value.code == "demo_folder_not_empty"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    with pytest.raises(DomainError):
        generate_demo(tmp_path / "notes.txt", cases=2)


@pytest.mark.parametrize("at", [2, 7], ids=["while drawing", "while importing"])
def test_a_cancelled_demo_leaves_the_folder_as_it_was(tmp_path: Path, at: int) -> None:
    class Cancel(Exception):
        pass

    def progress(done: int, total: int) -> None:
        if done == at:
            raise Cancel

    with pytest.raises(Cancel):
        generate_demo(tmp_path / "new", cases=4, videos=0, progress=progress)
    assert not (tmp_path / "new").exists()
    (tmp_path / "empty").mkdir()
    with pytest.raises(Cancel):
        generate_demo(tmp_path / "empty", cases=4, videos=0, progress=progress)
    assert list((tmp_path / "empty").iterdir()) == []


def test_same_seed_same_demo_and_progress_per_case(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    ws = generate_demo(
        tmp_path / "a", cases=12, judges=3, videos=1, seed=7, progress=lambda d, t: calls.append((d, t))
    )
    with ws:
        made = [(r.code, r.title, r.hospital, r.theme_number) for r in catalog.list_cases(ws)]
        s = catalog.summary(ws)
    # the cases drawn one by one (the first half), then checked and stored by the intake (the second)
    assert calls[:12] == [(i, 24) for i in range(1, 13)]
    assert calls[-1] == (24, 24)
    assert [d for d, _t in calls] == sorted({d for d, _t in calls})
    assert len(s.by_theme) == 10
    assert len(s.by_region) == 6
    planned, judges = plan_demo(cases=12, judges=3, videos=1, seed=7)
    assert made == [(c.code, c.title, hospital_as_written(c), c.theme_number) for c in planned]
    again, judges_again = plan_demo(cases=12, judges=3, videos=1, seed=7)
    assert [c.title for c in again] == [c.title for c in planned]
    assert judges_again == judges
    other, _ = plan_demo(cases=12, judges=3, videos=1, seed=8)
    assert [c.title for c in other] != [c.title for c in planned]


def test_a_2020_demo_uses_that_seasons_tiers_and_categories(tmp_path: Path) -> None:
    rules = load_season(2020)
    planned, _ = plan_demo(season=2020, cases=40, judges=0, videos=0, seed=3)
    assert {c.tier for c in planned} == {t.code for t in rules.tiers}
    assert {c.category for c in planned} == {c.code for c in rules.categories}
    ws = generate_demo(tmp_path / "ws", season=2020, cases=10, judges=2, videos=1, seed=3)
    with ws:
        rows = catalog.list_cases(ws)
    assert [r.code for r in rows] == [f"2020-{i:04d}" for i in range(1, 11)]
    assert all(r.tier and r.category for r in rows)
    assert {r.theme_number for r in rows} == {t.number for t in rules.themes}
    start = datetime.combine(rules.submission_start, time.min)
    assert all(r.submitted_at and r.submitted_at >= start for r in rows)


def test_cli_demo_then_info(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "demo"
    assert cli_main(["demo", str(target), "--cases", "10", "--judges", "2", "--videos", "0"]) == 0
    assert "10 个案例，10 个主题，6 个赛区，2 位评委" in capsys.readouterr().out
    assert cli_main(["demo", str(target)]) == 2  # not empty any more: one line, no traceback
    assert "不是空文件夹" in capsys.readouterr().err


# -------------------------------------------------------------------------------------------- pieces


def test_every_character_the_demo_writes_has_a_glyph() -> None:
    """No tofu: the built-in CJK font covers every character of the generator inputs and seasons."""
    font = cjk_font()
    texts = [
        s for f in sorted(DEMO_DATA_DIR.glob("*.toml")) for s in strings(tomllib.loads(f.read_text("utf-8")))
    ]
    for year in (2020, 2022):
        rules = load_season(year)
        texts += [
            rules.title,
            *(t.title for t in rules.themes),
            *(p.name for r in rules.regions for p in r.provinces),
        ]
    missing = {ch for text in texts for ch in text if not ch.isspace() and not font.has_glyph(ord(ch))}
    assert not missing


def test_wrap_breaks_chinese_between_characters_but_not_numbers() -> None:
    text = "日间手术占择期手术比例由8.5%提升至26.3%，患者平均等待时间明显缩短。"
    lines = wrap(text, 20, 200)
    assert "".join(lines) == text
    assert all(text_width(line, 20) <= 200 + 20 for line in lines)  # a closing mark may hang
    assert any("8.5%" in line for line in lines)
    assert any("26.3%" in line for line in lines)
    assert not any(line[0] in "，。%" for line in lines)
