# SPDX-License-Identifier: Apache-2.0
"""A judge who updates Leitai between two rounds keeps every score: judge.db carries a schema version
and upgrades itself on open, after a backup copy (app/judge_home/storage.py).

``data/judge-v1.db`` was written by the first release's code (commit 951ecc3, no ``user_version``): a
demo package of three cases opened with access code ``RN92-5F6N-DJAE``; case 1 scored in full, commented
and submitted, then a bundle exported; case 2 a draft with two scores (one typed after the export, so
never sent) and a comment; case 3 recused.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from app.errors import DomainError
from app.judge_home import JudgeHome, storage
from app.judge_home.key_store import SealedOnly

V1_DB = Path(__file__).parent / "data" / "judge-v1.db"
ACCESS_CODE = "RN92-5F6N-DJAE"
#: What the first release's judge.db holds, read with plain SQL when it was made.
V1_SCORES = {
    (1, "background_goals"): "1.5",
    (1, "methods"): "1.5",
    (1, "results"): "1.5",
    (1, "value"): "1.5",
    (2, "background_goals"): "2.5",
    (2, "methods"): "1",
}
V1_CASES = {
    1: ("submitted", "数据扎实，可推广。", ""),
    2: ("draft", "方法清楚，效果待观察。", ""),
    3: ("recused", "", "与该医院有合作关系"),
}


@pytest.fixture
def v1_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(V1_DB, home / storage.DB_NAME)
    return home


def _rows(db: Path) -> tuple[dict[tuple[int, str], str], dict[int, tuple[str, str, str]], int]:
    conn = sqlite3.connect(db)
    try:
        scores = {(c, k): v for c, k, v in conn.execute("SELECT case_id, key, value FROM score")}
        cases = {
            c: (s, comment, reason)
            for c, s, comment, reason in conn.execute(
                "SELECT case_id, state, comment, recuse_reason FROM case_state"
            )
        }
        exports = conn.execute("SELECT COUNT(*) FROM export").fetchone()[0]
    finally:
        conn.close()
    return scores, cases, exports


def test_the_fixture_is_the_first_release_schema() -> None:
    conn = sqlite3.connect(V1_DB)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
        columns = [r[1] for r in conn.execute("PRAGMA table_info(export)")]
    finally:
        conn.close()
    assert "sent_to" not in columns
    assert _rows(V1_DB) == (V1_SCORES, V1_CASES, 1)


def test_an_older_judge_db_opens_upgraded_and_keeps_every_score(v1_home: Path) -> None:
    with JudgeHome.open(v1_home, key_store=SealedOnly()) as home:
        by_case = {c: home.scores(c) for c in V1_CASES}
        states = {c.id: c.state for c in home.cases()}
        info = home.info()
    assert states == {c: v[0] for c, v in V1_CASES.items()}
    assert {(c, k): t for c, s in by_case.items() for k, t in s.texts.items()} == V1_SCORES
    assert by_case[2].comment == V1_CASES[2][1]
    assert by_case[3].recuse_reason == V1_CASES[3][2]
    assert info.last_revision > 0
    # The upgraded file is at this app's version, with the new column, and still every row.
    conn = sqlite3.connect(v1_home / storage.DB_NAME)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == storage.SCHEMA_VERSION
        assert "sent_to" in [r[1] for r in conn.execute("PRAGMA table_info(export)")]
    finally:
        conn.close()
    assert _rows(v1_home / storage.DB_NAME) == (V1_SCORES, V1_CASES, 1)
    # The copy made before the upgrade is the old file, untouched.
    backup = v1_home / f"{storage.DB_NAME}.bak-v1"
    assert _rows(backup) == (V1_SCORES, V1_CASES, 1)
    assert "sent_to" not in [r[1] for r in sqlite3.connect(backup).execute("PRAGMA table_info(export)")]


def test_the_upgraded_home_scores_signs_and_exports_the_unsent_work(v1_home: Path, tmp_path: Path) -> None:
    with JudgeHome.open(v1_home, ACCESS_CODE, key_store=SealedOnly()) as home:
        home.set_score(2, "results", "4")
        result = home.export_bundle(tmp_path / "after.leitai-scores")
        home.mark_sent(result.revision, "http://192.0.2.1:8765")
        doc = home.bundle_document(result.revision)
    exported = {c["id"]: c for c in doc["cases"]}
    assert exported[2]["scores"] == {"background_goals": "2.5", "methods": "1", "results": "4"}
    assert exported[1]["state"] == "submitted"
    conn = sqlite3.connect(v1_home / storage.DB_NAME)
    try:
        sent = dict(conn.execute("SELECT revision, sent_to FROM export"))
    finally:
        conn.close()
    assert sent[result.revision] == "http://192.0.2.1:8765"
    assert list(sent.values()).count("") == 1  # the first release's export: never confirmed


def test_a_next_schema_version_runs_after_todays_and_keeps_every_score(
    v1_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The step after this release's (what the next release will add) applies to a judge.db written by
    this release: the current app first writes today's version, then the next one upgrades it."""
    JudgeHome.open(v1_home, key_store=SealedOnly()).close()  # today's app: v1 → current
    current = storage.SCHEMA_VERSION

    def next_step(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE case_state ADD COLUMN reviewed_minutes INTEGER NOT NULL DEFAULT 0")

    monkeypatch.setitem(storage.UPGRADES, current, next_step)
    monkeypatch.setattr(storage, "SCHEMA_VERSION", current + 1)
    with JudgeHome.open(v1_home, key_store=SealedOnly()) as home:
        assert {c.id: c.state for c in home.cases()} == {c: v[0] for c, v in V1_CASES.items()}
    assert _rows(v1_home / storage.DB_NAME) == (V1_SCORES, V1_CASES, 1)
    assert (v1_home / f"{storage.DB_NAME}.bak-v{current}").is_file()
    conn = sqlite3.connect(v1_home / storage.DB_NAME)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == current + 1
    finally:
        conn.close()


def test_a_failing_upgrade_step_loses_nothing(v1_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("DELETE FROM score")  # half done when it fails: must be rolled back
        conn.execute("ALTER TABLE no_such_table ADD COLUMN x")

    monkeypatch.setitem(storage.UPGRADES, 1, broken)
    with pytest.raises(DomainError) as failed:
        JudgeHome.open(v1_home, key_store=SealedOnly())
    assert failed.value.code == "home_unreadable"
    assert _rows(v1_home / storage.DB_NAME) == (V1_SCORES, V1_CASES, 1)
    assert _rows(v1_home / f"{storage.DB_NAME}.bak-v1") == (V1_SCORES, V1_CASES, 1)


def test_a_judge_db_from_a_newer_app_is_refused_untouched(v1_home: Path) -> None:
    db = v1_home / storage.DB_NAME
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version={storage.SCHEMA_VERSION + 1}")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(DomainError) as refused:
        JudgeHome.open(v1_home, key_store=SealedOnly())
    assert refused.value.code == "home_too_new"
    assert db.read_bytes() == before


def test_a_new_home_is_written_at_the_current_version(tmp_path: Path) -> None:
    conn = storage.connect(tmp_path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == storage.SCHEMA_VERSION
        assert "sent_to" in [r[1] for r in conn.execute("PRAGMA table_info(export)")]
    finally:
        conn.close()
    assert not list(tmp_path.glob("*.bak-*"))  # nothing to back up in a new file
