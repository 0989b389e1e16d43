# SPDX-License-Identifier: Apache-2.0
"""How a merge writes: checks under the write lock, a revision touches only what changed, timestamps
read back like every other, and the read-ahead of merge_paths never lets a bundle skip a check."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select, text

from app import audit
from app.bundles import merge
from app.bundles.bundle import read_bundle, write_bundle
from app.bundles.package import BuiltPackage, build_packages
from app.casebook import NewCase, add_case
from app.judge_home import JudgeHome
from app.judging.assignment import ensure_assigned
from app.judging.roster import NewJudge, add_judge
from app.models import Assignment, AuditEvent, ImportedBundle, Score
from app.workspace import Workspace

PASS = "organizer-pass"


@dataclasses.dataclass
class Scene:
    ws: Workspace
    tmp: Path
    packages: list[BuiltPackage]
    homes: list[JudgeHome]
    n: int = 0

    def export(self, home: JudgeHome, folder: Path | None = None, name: str = "") -> Path:
        self.n += 1
        out = (folder or self.tmp) / (name or f"b{self.n}.leitai-scores")
        return home.export_bundle(out).path


@pytest.fixture
def scene(workspace: Workspace, tmp_path: Path) -> Iterator[Scene]:
    for i in range(4):
        pdf = tmp_path / f"c{i}.pdf"
        pdf.write_bytes(b"%PDF-1.4\n" + os.urandom(600))
        add_case(
            workspace,
            NewCase(
                code=f"C{i:03d}", hospital=f"医院{i}", province="四川", theme=1, title=f"案例{i}", pdf=pdf
            ),
        )
    for i in range(2):
        add_judge(workspace, NewJudge(name=f"评委{i}"))
    ensure_assigned(workspace, "review", per_case=2)
    packages = build_packages(workspace, "review", None, tmp_path / "pkgs", PASS)
    homes = [
        JudgeHome.open_package(p.path, tmp_path / f"home-{p.judge_code}", p.access_code) for p in packages
    ]
    yield Scene(workspace, tmp_path, packages, homes)
    for h in homes:
        h.close()


def _seed(home: JudgeHome) -> Ed25519PrivateKey:
    return home.signing_key()  # the judge's real key, unlocked in this session


def _write_is_blocked(ws: Workspace) -> bool:
    """Whether another connection is kept from starting a write right now."""
    other = sqlite3.connect(ws.db_path, timeout=0)
    try:
        other.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc):
            raise
        return True
    else:
        other.execute("ROLLBACK")
        return False
    finally:
        other.close()


def _spy_on_checks(monkeypatch: pytest.MonkeyPatch, ws: Workspace) -> list[bool]:
    seen: list[bool] = []
    real: Callable[..., Any] = merge.check

    def checking(*args: Any) -> Any:
        seen.append(_write_is_blocked(ws))
        return real(*args)

    monkeypatch.setattr(merge, "check", checking)
    return seen


def test_a_merge_checks_under_the_write_lock_and_verify_does_not_take_it(
    scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between its checks and its writes no other merge can slip in, so what it checked still holds."""
    home = scene.homes[0]
    home.set_score(home.cases()[0].id, "methods", 10)
    first = scene.export(home)
    home.set_score(home.cases()[0].id, "methods", 11)
    drop = scene.tmp / "drop"
    drop.mkdir()
    scene.export(home, drop)
    scene.export(scene.homes[1], drop)
    seen = _spy_on_checks(monkeypatch, scene.ws)
    assert merge.verify_bundle(scene.ws, first).code == "ok"
    assert merge.merge_bundle(scene.ws, first).code == "merged"
    assert [o.code for o in merge.merge_paths(scene.ws, [drop])] == ["merged", "merged"]
    assert seen == [False, True, True, True]
    assert not _write_is_blocked(scene.ws)  # and it is let go afterwards


def _trigger_log(ws: Workspace) -> None:
    """Record in a table every assignment row and score row a statement writes."""
    with ws.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE probe (tbl TEXT, row_id INTEGER)")
        for table, event in (("assignment", "UPDATE"), ("score", "INSERT"), ("score", "UPDATE")):
            conn.exec_driver_sql(
                f"CREATE TRIGGER probe_{table}_{event.lower()} AFTER {event} ON {table}"
                f" BEGIN INSERT INTO probe VALUES ('{table} {event}', new.id); END"
            )


def _probe(ws: Workspace) -> dict[str, int]:
    with ws.engine.begin() as conn:
        rows = conn.exec_driver_sql("SELECT tbl, COUNT(*) FROM probe GROUP BY tbl").all()
        conn.exec_driver_sql("DELETE FROM probe")
    return {t: n for t, n in rows}


def _state(ws: Workspace) -> tuple[Any, ...]:
    with ws.sessions() as s:
        scores = sorted(
            (a.judge_id, a.case_id, sc.criterion_id, sc.value, s.get(ImportedBundle, sc.bundle_id).sha256)  # type: ignore[union-attr]
            for sc, a in s.execute(
                select(Score, Assignment).join(Assignment, Score.assignment_id == Assignment.id)
            )
        )
        assignments = sorted(
            (a.judge_id, a.case_id, a.comment, a.recused, a.recuse_reason, a.submitted_at)
            for a in s.scalars(select(Assignment))
        )
    return scores, assignments


def test_a_revision_rewrites_only_what_changed_and_ends_like_merging_it_alone(scene: Scene) -> None:
    home = scene.homes[0]
    a, b, c = (row.id for row in home.cases()[:3])
    for case in (a, b):
        for key, value in (("background_goals", 10), ("methods", 20), ("results", 15), ("value", 5)):
            home.set_score(case, key, value)
    home.submit(a)
    home.set_comment(b, "初稿")
    home.set_score(c, "methods", 7)
    rev1 = scene.export(home)
    home.set_comment(b, "改过的评语")  # one assignment row changes
    home.set_score(b, "value", 6)  # one score changes
    home.recuse(c, "同一医院")  # a score goes away, a recusal comes
    rev2 = scene.export(home)

    # merged alone into a copy of the workspace as it is now
    with scene.ws.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    alone_root = scene.tmp / "alone"
    alone_root.mkdir()
    (alone_root / "leitai.db").write_bytes(scene.ws.db_path.read_bytes())
    with Workspace.open(alone_root) as alone:
        assert merge.merge_bundle(alone, rev2).code == "merged"
        expected = _state(alone)

    _trigger_log(scene.ws)
    assert merge.merge_bundle(scene.ws, rev1).code == "merged"
    assert _probe(scene.ws) == {"assignment UPDATE": 2, "score INSERT": 9}  # a submitted, b's comment
    assert merge.merge_bundle(scene.ws, rev2).code == "merged"
    # rows b and c of the assignment table; the 8 scores kept are rewritten in place (the bundle each
    # comes from changes), none inserted; c's score is deleted
    assert _probe(scene.ws) == {"assignment UPDATE": 2, "score UPDATE": 8}
    assert _state(scene.ws) == expected
    with scene.ws.sessions() as s:
        assert s.scalar(text("SELECT COUNT(*) FROM score")) == 8


def test_merged_times_read_back_like_every_other_time(scene: Scene) -> None:
    home = scene.homes[0]
    case = home.cases()[0].id
    for key, value in (("background_goals", 10), ("methods", 20), ("results", 15), ("value", 5)):
        home.set_score(case, key, value)
    home.submit(case)
    path = scene.export(home)
    updated = next(c for c in read_bundle(path).doc.cases if c.id == case).updated_at
    assert updated is not None
    assert merge.merge_bundle(scene.ws, path).code == "merged"
    with scene.ws.sessions.begin() as s:
        audit.record(s, "test.after_merge", "x")
    with scene.ws.sessions() as s:
        row = s.scalars(
            select(Assignment).where(
                Assignment.case_id == case, Assignment.judge_id == scene.packages[0].judge_id
            )
        ).one()
        # stored as SQLAlchemy stores any DateTime (naive UTC when read back), so times from merges and
        # from the rest of the application compare and sort together
        assert row.submitted_at == updated.replace(tzinfo=None)
        events = s.scalars(select(AuditEvent)).all()
        assert {e.at.tzinfo for e in events} == {None}
        assert sorted(events, key=lambda e: e.at)[-1].action == "test.after_merge"
        assert s.scalars(select(ImportedBundle)).one().received_at.tzinfo is None


def test_a_bundle_read_ahead_is_still_checked_in_full(scene: Scene) -> None:
    """In a folder, bundles after the first are read (and their signature checked) while the one before
    commits; a forged or broken one among them is refused all the same and the others merge."""
    drop = scene.tmp / "drop"
    drop.mkdir()
    h0, h1 = scene.homes
    h0.set_score(h0.cases()[0].id, "methods", 10)
    scene.export(h0, drop, "a.leitai-scores")
    forged = h1.bundle_document(revision=5)
    forged["cases"][0].update(scores={"methods": "30"}, state="draft")
    write_bundle(drop / "b.leitai-scores", forged, Ed25519PrivateKey.generate())
    (drop / "c.leitai-scores").write_bytes(b"PK\x03\x04 not a bundle")
    h1.set_score(h1.cases()[0].id, "methods", 12)
    scene.export(h1, drop, "d.leitai-scores")
    stolen = h0.bundle_document(revision=9)
    write_bundle(drop / "e.leitai-scores", stolen, _seed(h1))  # judge 0's bundle, judge 1's key
    outcomes = merge.merge_paths(scene.ws, [drop])
    assert [o.code for o in outcomes] == ["merged", "bad_signature", "malformed", "merged", "bad_signature"]
    with scene.ws.sessions() as s:
        values = sorted(s.scalars(select(Score.value)))
    assert values == [10.0, 12.0]


def test_a_signature_checked_ahead_with_another_key_is_checked_again(
    scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader's verdict counts only for the very key the merge reads in its own transaction."""
    home = scene.homes[0]
    forged = scene.tmp / "forged.leitai-scores"
    write_bundle(forged, home.bundle_document(revision=3), Ed25519PrivateKey.generate())
    real_read = merge.read_file

    def vouching(path: Path, package_keys: Any = None) -> Any:
        read = real_read(path, package_keys)
        return dataclasses.replace(read, verified=(bytes(32), True))

    monkeypatch.setattr(merge, "read_file", vouching)
    assert merge.merge_bundle(scene.ws, forged).code == "bad_signature"
    assert [o.code for o in merge.merge_paths(scene.ws, [forged])] == ["bad_signature"]
