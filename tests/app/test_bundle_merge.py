# SPDX-License-Identifier: Apache-2.0
"""Merging score bundles: every outcome code, nothing written on refusal, order does not matter."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select, text

from app.bundles.bundle import write_bundle
from app.bundles.container import ContainerWriter
from app.bundles.merge import REFUSALS, MergeOutcome, merge_bundle, merge_paths, verify_bundle, watch
from app.bundles.package import BuiltPackage, build_packages
from app.casebook import NewCase, add_case
from app.judge_home import JudgeHome
from app.judging.assignment import ensure_assigned
from app.judging.roster import NewJudge, add_judge
from app.models import (
    Assignment,
    AuditEvent,
    BundleContent,
    Case,
    Criterion,
    ImportedBundle,
    Judge,
    Round,
    Score,
)
from app.workspace import Workspace

PASS = "organizer-pass"


def _fill(ws: Workspace, tmp: Path, cases: int = 5, judges: int = 2) -> None:
    for i in range(cases):
        pdf = tmp / f"c{i}.pdf"
        pdf.write_bytes(b"%PDF-1.4\n" + os.urandom(600))
        add_case(
            ws,
            NewCase(
                code=f"C{i:03d}",
                hospital=f"医院{i}",
                province="四川",
                theme=1 + i % 2,
                title=f"案例{i}",
                pdf=pdf,
            ),
        )
    for i in range(judges):
        add_judge(ws, NewJudge(name=f"评委{i}"))
    ensure_assigned(ws, "review", per_case=judges)


class Scene:
    """A workspace with packages built and opened in one home per judge."""

    def __init__(self, ws: Workspace, tmp: Path) -> None:
        self.ws = ws
        self.tmp = tmp
        _fill(ws, tmp)
        self.packages = build_packages(ws, "review", None, tmp / "pkgs", PASS)
        self.homes = [
            JudgeHome.open_package(p.path, tmp / f"home-{p.judge_code}", p.access_code) for p in self.packages
        ]
        self.n = 0

    def export(self, home: JudgeHome) -> Path:
        self.n += 1
        return home.export_bundle(self.tmp / f"b{self.n}.leitai-scores").path

    def close(self) -> None:
        for h in self.homes:
            h.close()


@pytest.fixture
def scene(workspace: Workspace, tmp_path: Path) -> Any:
    sc = Scene(workspace, tmp_path)
    yield sc
    sc.close()


def _db_bytes(ws: Workspace) -> bytes:
    with ws.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return ws.db_path.read_bytes()


def _scores(ws: Workspace) -> dict[tuple[str, str, str], float]:
    with ws.sessions() as s:
        rows = s.execute(
            select(Judge.code, Case.code, Criterion.key, Score.value)
            .join(Assignment, Score.assignment_id == Assignment.id)
            .join(Judge, Assignment.judge_id == Judge.id)
            .join(Case, Assignment.case_id == Case.id)
            .join(Criterion, Score.criterion_id == Criterion.id)
        ).all()
    return {(j, c, k): v for j, c, k, v in rows}


def _assignment_state(ws: Workspace) -> dict[tuple[int, int], tuple[str, bool, str, bool]]:
    with ws.sessions() as s:
        return {
            (a.judge_id, a.case_id): (a.comment, a.recused, a.recuse_reason, a.submitted_at is not None)
            for a in s.scalars(select(Assignment))
        }


def _seed(home: JudgeHome) -> Ed25519PrivateKey:
    return home.signing_key()  # the judge's real key, unlocked in this session


def _resigned(scene: Scene, home: JudgeHome, change: Callable[[dict[str, Any]], None], name: str) -> Path:
    """A bundle whose content was changed and then signed with the judge's real key."""
    doc = home.bundle_document(revision=10**9)
    change(doc)
    path = scene.tmp / name
    write_bundle(path, doc, _seed(home))
    return path


def test_merge_writes_the_entered_scores_comments_and_recusals(scene: Scene) -> None:
    home = scene.homes[0]
    a, b, c = (row.id for row in home.cases()[:3])
    for key, value in (("background_goals", 18), ("methods", 30.5), ("results", 20), ("value", 15)):
        home.set_score(a, key, value)
    home.set_comment(a, "很好")
    home.submit(a)
    home.set_score(b, "methods", 12)
    home.recuse(c, "同一集团")
    out = merge_bundle(scene.ws, scene.export(home))
    assert (out.code, out.scores, out.recused, out.submitted) == ("merged", 5, 1, 1)
    judge = scene.packages[0].judge_code
    scores = _scores(scene.ws)
    assert scores[(judge, "C000", "methods")] == 30.5
    assert scores[(judge, "C001", "methods")] == 12.0
    assert len(scores) == 5
    state = _assignment_state(scene.ws)
    assert state[(scene.packages[0].judge_id, a)] == ("很好", False, "", True)
    assert state[(scene.packages[0].judge_id, c)] == ("", True, "同一集团", False)
    with scene.ws.sessions() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "bundle.merge")).all()
        assert [e.target for e in events] == [judge]
        assert events[0].detail["revision"] == out.revision
        imported = s.scalars(select(ImportedBundle)).one()
        assert (imported.outcome, imported.sha256) == ("merged", out.sha256)


def test_same_bundle_twice_is_a_duplicate_and_an_older_revision_is_superseded(scene: Scene) -> None:
    home = scene.homes[0]
    case = home.cases()[0].id
    home.set_score(case, "methods", 10)
    old = scene.export(home)
    home.set_score(case, "methods", 11)
    new = scene.export(home)
    assert merge_bundle(scene.ws, new).code == "merged"
    before = _db_bytes(scene.ws)
    assert merge_bundle(scene.ws, new).code == "duplicate"
    replay = merge_bundle(scene.ws, old)
    assert replay.code == "superseded"
    assert "没有" in replay.message
    assert _db_bytes(scene.ws) == before
    assert _scores(scene.ws)[(scene.packages[0].judge_code, "C000", "methods")] == 11.0


def test_any_merge_order_gives_the_same_result(scene: Scene, tmp_path: Path) -> None:
    h0, h1 = scene.homes
    bundles = []
    for rev, value in enumerate((5, 6, 7)):
        h0.set_score(h0.cases()[0].id, "methods", value)
        h0.set_comment(h0.cases()[1].id, f"第{rev}次")
        bundles.append(scene.export(h0))
    h1.set_score(h1.cases()[2].id, "value", 3.5)
    h1.recuse(h1.cases()[3].id, "回避")
    bundles.append(scene.export(h1))
    h1.reopen(h1.cases()[3].id)
    h1.set_score(h1.cases()[3].id, "results", 9)
    bundles.append(scene.export(h1))
    reference: Any = None
    # each ordering replays into a fresh copy of the workspace as it was before any merge
    pristine = _db_bytes(scene.ws)
    orders = list(itertools.islice(itertools.permutations(bundles), 0, None, 11))
    assert len(orders) >= 10
    for n, order in enumerate(orders):
        copy = tmp_path / f"copy-{n}"
        copy.mkdir()
        (copy / "leitai.db").write_bytes(pristine)
        ws = Workspace.open(copy)
        outcomes = [merge_bundle(ws, p).code for p in order]
        assert set(outcomes) <= {"merged", "superseded"}
        result = (_scores(ws), _assignment_state(ws))
        ws.close()
        if reference is None:
            reference = result
        assert result == reference
    assert reference[0][(scene.packages[0].judge_code, "C000", "methods")] == 7.0
    judge1 = scene.packages[1].judge_code
    assert {k: v for k, v in reference[0].items() if k[0] == judge1} == {
        (judge1, "C002", "value"): 3.5,
        (judge1, "C003", "results"): 9.0,
    }


def _expect_refused(ws: Workspace, path: Path, code: str) -> MergeOutcome:
    before = _db_bytes(ws)
    checked = verify_bundle(ws, path)
    out = merge_bundle(ws, path)
    assert (checked.code, out.code) == (code, code), out.message
    assert out.refused
    assert _db_bytes(ws) == before, "a refusal must leave the database byte-identical"
    return out


def test_each_refusal_has_its_code_and_changes_nothing(scene: Scene) -> None:
    home = scene.homes[0]
    case = home.cases()[0].id
    home.set_score(case, "methods", 10)
    good = scene.export(home)
    assert merge_bundle(scene.ws, good).code == "merged"

    def other_case(doc: dict[str, Any]) -> None:
        assigned = {c.id for c in home.cases()}
        stranger = next(i for i in range(1, 100) if i not in assigned)
        doc["cases"].append(
            {"comment": "", "id": stranger, "recuse_reason": "", "scores": {}, "state": "not_started",
             "updated_at": None}
        )  # fmt: skip

    cases: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
        ("unknown_judge", lambda d: d.update(judge="J999")),
        ("unknown_judge", lambda d: d.update(package_id="0" * 32)),
        ("unknown_judge", lambda d: d.update(package_sha256="0" * 64)),
        ("wrong_round", lambda d: d.update(round="final")),
        ("unassigned_case", other_case),
        ("out_of_range", lambda d: d["cases"][0]["scores"].update(methods="35.5")),
        ("out_of_range", lambda d: d["cases"][0]["scores"].update(methods="10.25")),
        ("malformed", lambda d: d["cases"][0]["scores"].update(nonsense="1")),
        ("malformed", lambda d: d["cases"][0].update(state="submitted")),
        ("malformed", lambda d: d.update(version=2)),
    ]
    for i, (code, change) in enumerate(cases):
        _expect_refused(scene.ws, _resigned(scene, home, change, f"x{i}.leitai-scores"), code)

    # signed by someone else's key
    forged = scene.tmp / "forged.leitai-scores"
    write_bundle(forged, home.bundle_document(revision=10**9), Ed25519PrivateKey.generate())
    _expect_refused(scene.ws, forged, "bad_signature")
    # the other judge's key over this judge's bundle
    stolen = scene.tmp / "stolen.leitai-scores"
    write_bundle(stolen, home.bundle_document(revision=10**9), _seed(scene.homes[1]))
    _expect_refused(scene.ws, stolen, "bad_signature")
    # a valid signature over non-canonical JSON
    payload = json.dumps(home.bundle_document(revision=10**9), indent=1).encode()
    writer = ContainerWriter(scene.tmp / "pretty.leitai-scores")
    writer.add_bytes("bundle.json", payload)
    writer.add_bytes("bundle.sig", _seed(home).sign(payload))
    writer.close()
    _expect_refused(scene.ws, scene.tmp / "pretty.leitai-scores", "malformed")
    # truncated, emptied, not a bundle at all
    data = good.read_bytes()
    for n, cut in enumerate((len(data) - 1, len(data) // 2, 10, 0)):
        short = scene.tmp / f"short{n}.leitai-scores"
        short.write_bytes(data[:cut])
        _expect_refused(scene.ws, short, "malformed")
    longer = scene.tmp / "longer.leitai-scores"
    longer.write_bytes(data + b"\0")
    _expect_refused(scene.ws, longer, "malformed")
    _expect_refused(scene.ws, scene.tmp / "missing.leitai-scores", "malformed")
    assert _scores(scene.ws)[(scene.packages[0].judge_code, "C000", "methods")] == 10.0


def test_a_bundle_from_another_workspace_is_wrong_competition(scene: Scene, tmp_path: Path) -> None:
    other = Workspace.create(tmp_path / "other", season=2022)
    (tmp_path / "o").mkdir()
    _fill(other, tmp_path / "o")
    pkg = build_packages(other, "review", None, tmp_path / "opkgs", PASS)[0]
    with JudgeHome.open_package(pkg.path, tmp_path / "ohome", pkg.access_code) as home:
        home.set_score(home.cases()[0].id, "methods", 3)
        path = home.export_bundle(tmp_path / "other.leitai-scores").path
    other.close()
    _expect_refused(scene.ws, path, "wrong_competition")


def test_a_rebuilt_package_supersedes_bundles_of_the_old_one(scene: Scene) -> None:
    old_home = scene.homes[0]
    old_home.set_score(old_home.cases()[0].id, "methods", 1)
    old_bundle = scene.export(old_home)
    new_pkg: BuiltPackage = build_packages(
        scene.ws, "review", [scene.packages[0].judge_id], scene.tmp / "p2", PASS
    )[0]
    out = merge_bundle(scene.ws, old_bundle)
    assert out.code == "superseded"
    new_home = JudgeHome.open_package(new_pkg.path, scene.tmp / "newhome", new_pkg.access_code)
    new_home.set_score(new_home.cases()[0].id, "methods", 2)
    assert merge_bundle(scene.ws, new_home.export_bundle(scene.tmp / "n.leitai-scores").path).code == "merged"
    new_home.close()


def test_merge_paths_takes_folders_and_every_merge_is_audited(scene: Scene) -> None:
    folder = scene.tmp / "drop"
    folder.mkdir()
    for home in scene.homes:
        home.set_score(home.cases()[0].id, "value", 4)
        home.export_bundle(folder)
    (folder / "notes.txt").write_text("not a bundle")
    outcomes = merge_paths(scene.ws, [folder])
    assert [o.code for o in outcomes] == ["merged", "merged"]
    assert not any(o.code in REFUSALS for o in outcomes)
    with scene.ws.sessions() as s:
        n = s.scalar(text("SELECT COUNT(*) FROM audit_event WHERE action='bundle.merge'"))
    assert n == 2


def test_unassigning_a_case_after_packaging_refuses_its_scores(scene: Scene) -> None:
    home = scene.homes[0]
    case = home.cases()[0].id
    home.set_score(case, "methods", 10)
    bundle = scene.export(home)
    with scene.ws.sessions.begin() as s:
        rnd = s.scalars(select(Round).where(Round.key == "review")).one()
        s.execute(
            Assignment.__table__.delete().where(
                Assignment.case_id == case,
                Assignment.judge_id == scene.packages[0].judge_id,
                Assignment.round_id == rnd.id,
            )
        )
    out = _expect_refused(scene.ws, bundle, "unassigned_case")
    assert str(case) in out.message


def test_watch_merges_a_bundle_once_it_stops_changing(scene: Scene) -> None:
    drop = scene.tmp / "lan-share"
    drop.mkdir()
    home = scene.homes[1]
    home.set_score(home.cases()[0].id, "results", 7)
    home.export_bundle(drop)
    seen: list[MergeOutcome] = []
    passes = iter(range(4))
    watch(scene.ws, drop, seen.append, interval=0.01, stop=lambda: next(passes, None) is None)
    assert [o.code for o in seen] == ["merged"]
    assert _scores(scene.ws)[(scene.packages[1].judge_code, home.cases()[0].code, "results")] == 7.0


def test_the_merged_bundle_file_is_kept_so_results_can_be_recomputed(scene: Scene) -> None:
    home = scene.homes[0]
    home.set_score(home.cases()[0].id, "methods", 17.5)
    path = scene.export(home)
    out = merge_bundle(scene.ws, path)
    with scene.ws.sessions() as s:
        kept = s.scalars(select(BundleContent)).one()
        imported = s.get(ImportedBundle, kept.imported_bundle_id)
    assert imported is not None
    assert zlib.decompress(kept.data) == path.read_bytes()
    assert hashlib.sha256(zlib.decompress(kept.data)).hexdigest() == imported.sha256 == out.sha256
