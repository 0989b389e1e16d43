# SPDX-License-Identifier: Apache-2.0
"""A full disk or a read-only workspace (issue 8 #18): one line in the user's language, exit 2, and
nothing stored changed — the database byte for byte, every row the same."""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from app import db
from app.cli import main
from app.workspace import Workspace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from intake_corpus import Corpus, build_corpus


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    return build_corpus(tmp_path / "src", clean=4, videos=0, planted=False, edges=False)


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    Workspace.create(root, 2022).close()
    return root


def _state(root: Path) -> tuple[str, dict[str, list[tuple[Any, ...]]]]:
    """The database file's hash and every table's rows."""
    digest = hashlib.sha256((root / "leitai.db").read_bytes()).hexdigest()
    con = sqlite3.connect(root / "leitai.db")
    try:
        names = [r[0] for r in con.execute("select name from sqlite_master where type='table'")]
        rows = {n: sorted(map(tuple, con.execute(f'select * from "{n}"')), key=repr) for n in names}
    finally:
        con.close()
    return digest, rows


def _with_pragma(monkeypatch: pytest.MonkeyPatch, pragma: Callable[[sqlite3.Connection], None]) -> None:
    """Every engine made from now on runs ``pragma`` on each new connection."""
    real = db.make_engine

    def make_engine(path: Path) -> Engine:
        engine = real(path)
        event.listen(engine, "connect", lambda conn, _record: pragma(conn))
        return engine

    monkeypatch.setattr(db, "make_engine", make_engine)


def _disk_full(conn: sqlite3.Connection) -> None:
    """The database may not grow by one page: what a full disk does to SQLite (SQLITE_FULL)."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count={pages}")


def _read_only(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA query_only=ON")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().err


@pytest.fixture(autouse=True)
def _chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEITAI_LANG", "zh_CN")


def test_a_full_disk_during_import_is_one_line_and_changes_nothing(
    corpus: Corpus, ws: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The first case needs new pages (a long text spills into overflow pages): its write fails.
    corpus.rows[0]["推荐理由"] = "推荐" * 3000
    corpus.write_sheet()
    before = _state(ws)
    _with_pragma(monkeypatch, _disk_full)
    code, err = _run(capsys, "intake", "import", str(corpus.root), "-w", str(ws), "--workers", "1")
    assert code == 2
    assert err.count("\n") == 1
    assert "磁盘已满" in err
    assert "已保存的内容没有改变" in err
    assert "Traceback" not in err
    assert "sqlalche.me" not in err
    assert _state(ws) == before


def test_a_disk_filling_up_mid_import_keeps_whole_cases_and_a_rerun_finishes(
    corpus: Corpus,
    ws: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Cases are stored one transaction each: those stored before the disk filled stay whole, the one
    that failed left nothing, and once there is room again a rerun ends where a clean import ends."""
    corpus.rows[2]["推荐理由"] = "推荐" * 3000  # the third case needs new pages
    corpus.write_sheet()
    reference = tmp_path / "reference"
    Workspace.create(reference, 2022).close()
    with monkeypatch.context() as patch:
        _with_pragma(patch, _disk_full)
        code, err = _run(capsys, "intake", "import", str(corpus.root), "-w", str(ws), "--workers", "1")
    assert code == 2
    assert "磁盘已满" in err
    _digest, rows = _state(ws)
    stored = {r[1] for r in rows["case"]}
    assert stored < {r["案例编号"] for r in corpus.rows}
    assert corpus.rows[2]["案例编号"] not in stored
    case_ids = {r[0] for r in rows["case"]}
    assert {r[1] for r in rows["case_revision"]} == case_ids  # no case without its revision …
    assert {r[1] for r in rows["case_file"]} == case_ids  # … or without its file
    assert main(["intake", "import", str(corpus.root), "-w", str(ws), "--workers", "1"]) == 0
    assert main(["intake", "import", str(corpus.root), "-w", str(reference), "--workers", "1"]) == 0
    assert _cases(ws) == _cases(reference)


def _cases(root: Path) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(root / "leitai.db")
    try:
        return sorted(con.execute('select code, title, recommendation, revision, status from "case"'))
    finally:
        con.close()


def test_a_full_disk_in_english(
    corpus: Corpus, ws: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LEITAI_LANG", "en")
    _with_pragma(monkeypatch, _disk_full)
    code, err = _run(capsys, "intake", "import", str(corpus.root), "-w", str(ws), "--workers", "1")
    assert code == 2
    assert "The disk is full" in err
    assert "Nothing already stored was changed" in err


def test_a_read_only_workspace_is_one_line_and_changes_nothing(
    corpus: Corpus, ws: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["intake", "import", str(corpus.root), "-w", str(ws), "--workers", "1"]) == 0
    capsys.readouterr()
    before = _state(ws)
    _with_pragma(monkeypatch, _read_only)
    code, err = _run(capsys, "screen", "approve-clean", "-w", str(ws))
    assert code == 2
    assert err.count("\n") == 1
    assert "只读" in err
    assert "没有改变" in err
    assert "sqlalche.me" not in err
    assert _state(ws) == before


def test_a_full_disk_while_copying_files_is_one_line_and_leaves_no_partial_file(
    corpus: Corpus, ws: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import app.store

    before = _state(ws)

    def no_space(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(app.store.os, "fsync", no_space)
    code, err = _run(capsys, "intake", "import", str(corpus.root), "-w", str(ws), "--workers", "1")
    assert code == 2
    assert "磁盘已满" in err
    assert err.count("\n") == 1
    assert _state(ws) == before
    assert not list((ws / "files").glob(".incoming-*"))


def test_the_gui_gets_the_same_domain_error(
    corpus: Corpus, ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.errors import DomainError
    from app.intake import CheckOptions
    from app.intake.importer import import_source

    _with_pragma(monkeypatch, _disk_full)
    with Workspace.open(ws) as opened, pytest.raises(DomainError) as raised:
        import_source(opened, corpus.root, options=CheckOptions(workers=1))
    assert raised.value.code == "storage_full"


def test_a_merge_into_a_read_only_workspace_is_one_line_and_changes_nothing(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The merge writes through plain sqlite3 (its hot path): its storage faults get the same line."""
    from app.bundles.package import build_packages
    from app.casebook import NewCase, add_case
    from app.judge_home import JudgeHome
    from app.judging.assignment import ensure_assigned
    from app.judging.roster import NewJudge, add_judge

    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + os.urandom(600))
    add_case(
        workspace, NewCase(code="C001", hospital="医院", province="四川", theme=1, title="案例", pdf=pdf)
    )
    add_judge(workspace, NewJudge(name="评委"))
    ensure_assigned(workspace, "review", per_case=1)
    (package,) = build_packages(workspace, "review", None, tmp_path / "pkgs", "organizer-pass")
    home = JudgeHome.open_package(package.path, tmp_path / "home", package.access_code)
    try:
        home.set_score(home.cases()[0].id, "methods", 10)
        bundle = home.export_bundle(tmp_path / "b.leitai-scores").path
    finally:
        home.close()
    workspace.close()
    before = _state(workspace.root)
    _with_pragma(monkeypatch, _read_only)
    code, err = _run(capsys, "bundle", "merge", str(bundle), "-w", str(workspace.root))
    assert code == 2
    assert err.count("\n") == 1
    assert "只读" in err
    assert _state(workspace.root) == before
