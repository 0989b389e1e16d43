# SPDX-License-Identifier: Apache-2.0
"""Results from a real workspace: only submitted scores count, settings, draws, overrides, votes, the
``leitai results`` commands, and ``verify`` recomputing everything from the kept signed bundles."""

from __future__ import annotations

import json
import sqlite3
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from results_world import World, build_world, copy_world

from app.cli import build_parser, run
from app.errors import DomainError
from app.models import AuditEvent, AwardOverride, Case, Round, TieDraw
from app.results.ranking import draw_order
from app.results.service import override_award, record_draws, round_results, set_method
from app.results.verify import problem_text, verify_workspace
from app.results.votes import import_votes

#: Each judge's marks (background_goals, methods, results, value) per case; totals in the comments.
TABLE = {
    # C001: J1 80, J2 76, J3 only a draft of 100 → 78.00 (with the draft it would be 85.33)
    (0, 0): (15, 30, 20, 15),
    (1, 0): (14, 28, 20, 14),
    (2, 0): ("draft", (20, 35, 25, 20)),
    # C002: J1 55, J2 recused, J3 60 → 57.50 (a sum would punish the recusal)
    (0, 1): (10, 20, 15, 10),
    (1, 1): "recuse",
    (2, 1): (12, 22, 15, 11),
    # C003: 88, 86, 84 → 86.00
    (0, 2): (18, 30, 22, 18),
    (1, 2): (17, 31, 21, 17),
    (2, 2): (16, 30, 22, 16),
    # C004: J1 25, J2 not started, J3 28 → 26.50
    (0, 3): (5, 10, 5, 5),
    (2, 3): (6, 10, 6, 6),
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    w = build_world(tmp_path_factory.mktemp("world"), lambda j, i: TABLE.get((j, i)))
    yield w
    w.ws.close()


@pytest.fixture
def world(pristine: World, tmp_path: Path) -> Iterator[World]:
    w = copy_world(pristine, tmp_path)
    yield w
    w.ws.close()


def _cli(*argv: str) -> int:
    return run(build_parser().parse_args(list(argv)))


def _db(w: World) -> sqlite3.Connection:
    return sqlite3.connect(w.ws.db_path)


def test_only_submitted_scores_count_and_drafts_are_counted(world: World) -> None:
    r = round_results(world.ws, "review")
    assert r.method == "mean"
    (group,) = r.groups
    assert [(c.case.code, c.rank, str(c.result.score)) for c in group.cases] == [
        ("C003", 1, "86.00"),
        ("C001", 2, "78.00"),
        ("C002", 3, "57.50"),
        ("C004", 4, "26.50"),
    ]
    c = r.counts
    assert (c.submitted, c.drafts, c.recused, c.not_started) == (9, 1, 1, 1)
    # 2022 review, one theme of 4 cases: 优秀案例 all, 十大价值案例 all four, 20 % of 4 (0.8) half up: 1
    assert [c.awards for c in group.cases] == [
        ("excellent", "value_top10", "advance"),
        ("excellent", "value_top10"),
        ("excellent", "value_top10"),
        ("excellent", "value_top10"),
    ]


def test_rank_json_is_the_documented_shape(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli("results", "rank", "-w", str(world.ws.root), "--round", "review", "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) == {"round", "method", "groups"}
    assert (doc["round"], doc["method"]) == ("review", "mean")
    (group,) = doc["groups"]
    assert set(group) == {"key", "name", "cases"}
    assert (group["key"], group["name"]) == ("theme=1", "主题1")
    first = group["cases"][0]
    assert set(first) == {"case_id", "rank", "score", "awards"}
    assert (first["rank"], first["score"], first["awards"]) == (
        1,
        86.0,
        ["excellent", "value_top10", "advance"],
    )


def test_verify_passes_then_names_the_case_whose_stored_score_was_changed(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    report = verify_workspace(world.ws)
    assert report.ok, [problem_text(p) for p in report.problems]
    assert (report.rounds, report.bundles) == (("review",), 3)
    assert _cli("results", "verify", "-w", str(world.ws.root)) == 0
    capsys.readouterr()
    with _db(world) as db:  # someone edits one mark of C002 behind the app's back
        db.execute(
            "UPDATE score SET value = value + 1 WHERE criterion_id = (SELECT id FROM criterion WHERE key ="
            " 'methods' LIMIT 1) AND assignment_id IN (SELECT a.id FROM assignment a JOIN \"case\" c ON"
            " c.id = a.case_id JOIN judge j ON j.id = a.judge_id WHERE c.code = 'C002' AND j.code = 'J001')"
        )
    assert _cli("results", "verify", "-w", str(world.ws.root)) == 1
    out = capsys.readouterr().out
    assert "C002" in out
    assert "J001" in out
    assert "实施方法与过程" in out  # the criterion by its name
    kinds = {p.kind for p in verify_workspace(world.ws).problems}
    assert kinds == {"sheet_differs", "result_differs"}


def test_verify_names_a_draft_marked_submitted_in_the_database(world: World) -> None:
    with _db(world) as db:
        db.execute(
            "UPDATE assignment SET submitted_at = '2022-08-01 00:00:00.000000' WHERE submitted_at IS NULL"
            " AND recused = 0 AND id IN (SELECT assignment_id FROM score)"
        )
    problems = verify_workspace(world.ws).problems
    assert {(p.kind, p.params.get("case")) for p in problems} >= {("sheet_only_in_workspace", "C001")}


def test_verify_refuses_a_kept_bundle_whose_bytes_changed(world: World) -> None:
    with _db(world) as db:
        rid, data = db.execute("SELECT id, data FROM bundle_content ORDER BY id LIMIT 1").fetchone()
        raw = bytearray(zlib.decompress(data))
        raw[-70] ^= 0xFF
        db.execute("UPDATE bundle_content SET data = ? WHERE id = ?", (zlib.compress(bytes(raw)), rid))
    kinds = [p.kind for p in verify_workspace(world.ws).problems]
    assert kinds[0] == "bundle_hash"


def test_audited_override_explains_an_award_and_an_unaudited_one_does_not(world: World) -> None:
    o = override_award(world.ws, "review", "advance", grant=True, reason="评审组复议后增补", case_code="C001")
    r = round_results(world.ws, "review")
    c001 = next(c for c in r.groups[0].cases if c.case.code == "C001")
    assert "advance" in c001.awards
    assert "advance" not in c001.rule_awards
    assert [x.reason for x in r.overrides] == ["评审组复议后增补"]
    with world.ws.sessions() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "results.override")).one()
        assert event.detail["override_id"] == o.id
    assert verify_workspace(world.ws).ok
    # the same kind of change written straight into the database, with no audit event
    with world.ws.sessions.begin() as s:
        case = s.scalars(select(Case).where(Case.code == "C004")).one()
        s.add(AwardOverride(round_key="review", award_key="advance", case_id=case.id, grant=True, reason="?"))
    problems = verify_workspace(world.ws).problems
    assert {(p.kind, p.params.get("case") or p.params.get("subject", "")[:4]) for p in problems} == {
        ("override_unaudited", "C004"),
        ("award_differs", "C004"),
    }


def test_an_override_needs_a_reason_and_an_award_of_the_round(world: World) -> None:
    with pytest.raises(DomainError) as err:
        override_award(world.ws, "review", "advance", grant=True, reason="  ", case_code="C001")
    assert err.value.code == "override_needs_reason"
    with pytest.raises(DomainError) as err:
        override_award(world.ws, "review", "gold", grant=True, reason="理由", case_code="C001")
    assert err.value.code == "award_not_in_round"


def test_scoring_method_is_a_round_setting_and_audited(world: World) -> None:
    set_method(world.ws, "review", "trimmed")
    assert round_results(world.ws, "review").method == "trimmed"  # three judges: same as the mean here
    with world.ws.sessions() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "results.method")).one()
        assert (event.detail["before"], event.detail["after"]) == ("mean", "trimmed")
        live = {r.key: r.scoring_method for r in s.scalars(select(Round))}
    assert live == {"screening": "mean", "voting": "mean", "review": "trimmed", "semifinal": "trimmed",
                    "final": "trimmed"}  # fmt: skip
    with pytest.raises(DomainError):
        set_method(world.ws, "review", "sum")


def test_a_tie_is_shown_until_a_recorded_draw_orders_it(tmp_path: Path) -> None:
    same = (15, 30, 20, 15)
    w = build_world(tmp_path, lambda j, i: same if i < 2 else (10, 20, 10, 10), cases=3, judges=2)
    try:
        group = round_results(w.ws, "review").groups[0]
        assert [(c.case.code, c.rank, c.tied) for c in group.cases] == [
            ("C001", 1, True),
            ("C002", 1, True),
            ("C003", 3, False),
        ]
        (draw,) = record_draws(w.ws, "review", seed=20221201)
        assert draw.order == draw_order(20221201, draw.case_ids)
        group = round_results(w.ws, "review").groups[0]
        assert [(c.rank, c.decided_by) for c in group.cases[:2]] == [(1, "draw"), (2, "draw")]
        assert record_draws(w.ws, "review") == ()  # nothing left to draw
        assert verify_workspace(w.ws).ok
        with w.ws.sessions.begin() as s:  # someone swaps the drawn order by hand
            row = s.scalars(select(TieDraw)).one()
            row.order = list(reversed(row.order))
        assert [p.kind for p in verify_workspace(w.ws).problems] == ["draw_mismatch"]
    finally:
        w.ws.close()


def test_votes_import_sets_counts_and_never_touches_expert_scores(world: World, tmp_path: Path) -> None:
    before = round_results(world.ws, "review")
    sheet = tmp_path / "votes.csv"
    sheet.write_text('案例编号,网络投票\nC001,1200\nC002,"3,400"\n', encoding="utf-8")
    done = import_votes(world.ws, sheet)
    assert (done.rows, done.changed, done.not_in_sheet) == (2, 2, 2)
    with world.ws.sessions() as s:
        assert dict(s.execute(select(Case.code, Case.votes).order_by(Case.code)).all()) == {
            "C001": 1200, "C002": 3400, "C003": None, "C004": None,
        }  # fmt: skip
    after = round_results(world.ws, "review")
    assert [(c.case.id, c.result.score, c.rank) for c in after.groups[0].cases] == [
        (c.case.id, c.result.score, c.rank) for c in before.groups[0].cases
    ]
    votes = round_results(world.ws, "voting")
    assert [(c.case.code, c.rank) for c in votes.groups[0].cases][:2] == [("C002", 1), ("C001", 2)]
    bad = tmp_path / "bad.csv"
    bad.write_text("案例编号,网络投票\nC003,12\nC004,很多\n", encoding="utf-8")
    with pytest.raises(DomainError) as err:
        import_votes(world.ws, bad)
    assert (err.value.code, err.value.params["row"]) == ("votes_invalid", 3)
    with world.ws.sessions() as s:  # nothing of the bad sheet was written
        assert s.scalar(select(Case.votes).where(Case.code == "C003")) is None


def test_the_commands_speak_names_not_codes(
    world: World, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ws = str(world.ws.root)
    assert _cli("results", "rank", "-w", ws, "--round", "review") == 0
    out = capsys.readouterr().out
    assert "专家评选｜计分方法：平均分" in out
    assert "已提交 9 份，草稿 1 份（不计入），未开始 1 份，回避 1 份" in out
    assert "〔优秀案例、十大价值案例、主题决赛晋级资格〕" in out
    assert "value_top10" not in out
    assert _cli("results", "judges", "-w", ws, "--round", "review") == 0
    assert "J001  评委1" in capsys.readouterr().out
    assert _cli("results", "judges", "-w", ws, "--round", "review", "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert [j["code"] for j in doc["judges"]] == ["J001", "J002", "J003"]
    assert all(isinstance(k["score"], float) for k in doc["cusp"])
    assert _cli("results", "method", "-w", ws, "--round", "review", "trimmed") == 0
    assert "专家评选的计分方法：去掉一个最高分和一个最低分后的平均分" in capsys.readouterr().out
    argv = ["results", "override", "-w", ws, "--round", "review", "--award", "advance", "--case", "C004"]
    assert _cli(*argv, "--grant", "--reason", "补充材料后复议") == 0
    assert "已授予“主题决赛晋级资格”：C004 案例4" in capsys.readouterr().out
    assert _cli(*argv, "--revoke", "--reason", "") == 2  # a reason is required
    assert "理由" in capsys.readouterr().err
    assert _cli("results", "draw", "-w", ws, "--round", "review") == 0
    assert "没有需要抽签的并列" in capsys.readouterr().out
    sheet = tmp_path / "票数.csv"
    sheet.write_text("编号,票数\nC003,88\n", encoding="utf-8")
    assert _cli("results", "votes", str(sheet), "-w", ws) == 0
    assert "读取 1 行" in capsys.readouterr().out
