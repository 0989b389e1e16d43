# SPDX-License-Identifier: Apache-2.0
"""A merge writes what the model says: a column renamed or added in the model (and the database, as a
migration would) is written as the model now has it, and one the merge cannot fill fails loudly before
anything is written. Each test swaps in a changed copy of the model's ``score`` table."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import (
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    select,
)

from app.bundles import merge, merge_sql
from app.bundles.package import build_packages
from app.casebook import NewCase, add_case
from app.judge_home import JudgeHome
from app.judging.assignment import ensure_assigned
from app.judging.roster import NewJudge, add_judge
from app.models import Base
from app.models.base import utcnow
from app.workspace import Workspace

PASS = "organizer-pass"
SCORES = {"background_goals": 10, "methods": 20.5, "results": 15, "value": 5}


@pytest.fixture
def home(workspace: Workspace, tmp_path: Path) -> Iterator[JudgeHome]:
    """One judge's home with two cases, both fully scored."""
    for i in range(2):
        pdf = tmp_path / f"c{i}.pdf"
        pdf.write_bytes(b"%PDF-1.4\n" + os.urandom(600))
        add_case(
            workspace,
            NewCase(code=f"C{i}", hospital=f"医院{i}", province="四川", theme=1, title=f"案例{i}", pdf=pdf),
        )
    add_judge(workspace, NewJudge(name="评委"))
    ensure_assigned(workspace, "review", per_case=1)
    (package,) = build_packages(workspace, "review", None, tmp_path / "pkgs", PASS)
    with JudgeHome.open_package(package.path, tmp_path / "home", package.access_code) as h:
        for case in h.cases():
            for key, value in SCORES.items():
                h.set_score(case.id, key, value)
        yield h


def _model(score_columns: Callable[[], list[Column[object]]]) -> MetaData:
    """The workspace's model with the ``score`` table replaced by one of the given columns."""
    model = MetaData()
    for table in Base.metadata.sorted_tables:
        if table.name != "score":
            table.to_metadata(model)
    Table(
        "score",
        model,
        Column("id", Integer, primary_key=True),
        Column("assignment_id", Integer, ForeignKey("assignment.id"), nullable=False),
        Column("criterion_id", Integer, ForeignKey("criterion.id"), nullable=False),
        *score_columns(),
        Column("bundle_id", Integer, ForeignKey("imported_bundle.id")),
        UniqueConstraint("assignment_id", "criterion_id"),
    )
    return model


def _migrate(ws: Workspace, sql: str) -> None:
    with ws.engine.begin() as conn:
        conn.exec_driver_sql(sql)


def _db_bytes(ws: Workspace) -> bytes:
    with ws.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return ws.db_path.read_bytes()


def test_a_column_renamed_in_the_model_is_written_under_its_new_name(
    workspace: Workspace, home: JudgeHome, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _migrate(workspace, "ALTER TABLE score RENAME COLUMN value TO points")
    model = _model(lambda: [Column("points", Float, key="value", nullable=False)])
    monkeypatch.setattr(merge_sql, "MODEL", model)

    first = home.export_bundle(tmp_path / "b1.leitai-scores").path
    assert merge.merge_bundle(workspace, first).code == "merged"
    case = home.cases()[0].id
    home.set_score(case, "methods", 7)
    second = home.export_bundle(tmp_path / "b2.leitai-scores").path
    assert [o.code for o in merge.merge_paths(workspace, [second])] == ["merged"]  # a revision's upsert

    with workspace.engine.connect() as conn:
        points = sorted(conn.exec_driver_sql("SELECT points FROM score").scalars())
    assert points == sorted([*SCORES.values(), 10, 7, 15, 5])


def test_a_column_added_to_the_model_gets_its_default_in_every_merged_row(
    workspace: Workspace, home: JudgeHome, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With SQL written by hand the new column would silently stay NULL."""
    _migrate(workspace, "ALTER TABLE score ADD COLUMN merged_at DATETIME")
    model = _model(
        lambda: [
            Column("value", Float, nullable=False),
            Column("merged_at", DateTime(timezone=True), default=utcnow, nullable=False),
        ]
    )
    monkeypatch.setattr(merge_sql, "MODEL", model)
    before = datetime.now(UTC).replace(tzinfo=None)

    bundle = home.export_bundle(tmp_path / "b.leitai-scores").path
    assert merge.merge_bundle(workspace, bundle).code == "merged"

    with workspace.engine.connect() as conn:  # read back through the type: SQLAlchemy's own format
        stamps = conn.execute(select(model.tables["score"].c.merged_at)).scalars().all()
    assert len(stamps) == 2 * len(SCORES)
    assert all(before <= s <= datetime.now(UTC).replace(tzinfo=None) for s in stamps)


def test_a_column_the_merge_cannot_fill_fails_loudly_and_writes_nothing(
    workspace: Workspace, home: JudgeHome, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _migrate(workspace, "ALTER TABLE score ADD COLUMN note TEXT")
    model = _model(lambda: [Column("value", Float, nullable=False), Column("note", String, nullable=False)])
    monkeypatch.setattr(merge_sql, "MODEL", model)
    bundle = home.export_bundle(tmp_path / "b.leitai-scores").path
    before = _db_bytes(workspace)

    with pytest.raises(merge_sql.MergeSchemaError, match=r"score\.note"):
        merge.merge_paths(workspace, [bundle])
    with pytest.raises(merge_sql.MergeSchemaError, match=r"score\.note"):
        merge.merge_bundle(workspace, bundle)
    assert _db_bytes(workspace) == before
