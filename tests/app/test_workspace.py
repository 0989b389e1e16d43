# SPDX-License-Identifier: Apache-2.0
"""The workspace folder: SQLite in WAL with foreign keys, Alembic from empty, a content store."""

from __future__ import annotations

import io
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import UniqueConstraint, select
from sqlalchemy.exc import IntegrityError

from app import catalog, db
from app.casebook import NewCase, add_case
from app.errors import DomainError
from app.models import AuditEvent, Base, Case, CaseFile, Hospital, Region, Round
from app.store import FileStore
from app.workspace import Workspace


def test_migration_from_empty_database_matches_the_models(tmp_path: Path) -> None:
    engine = db.make_engine(tmp_path / "empty.db")
    assert db.current_revision(engine) is None
    assert db.upgrade(engine) is True
    assert db.current_revision(engine) == db.head_revision()
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], f"models and migrations disagree: {diff}"
    engine.dispose()


def test_no_two_constraints_share_a_name() -> None:
    """Alembic matches constraints by name: two of a table's unique constraints named alike were paired
    at random (by the order of a set), and the check above failed now and then on a fresh machine."""
    names: list[str] = []
    for table in Base.metadata.sorted_tables:
        for constraint in table.constraints:
            if isinstance(constraint, UniqueConstraint):
                names.append(str(constraint.name))
    assert len(names) > 10
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)


def test_workspace_is_wal_with_foreign_keys(workspace: Workspace) -> None:
    with workspace.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with pytest.raises(IntegrityError), workspace.sessions.begin() as s:
        s.add(Case(code="X-1", hospital_id=9999, title="无主案例"))


def test_case_round_trips_through_the_database(workspace: Workspace, tmp_path: Path) -> None:
    pdf = tmp_path / "slides.pdf"
    pdf.write_bytes(b"%PDF-1.7 demo bytes")
    case_id = add_case(
        workspace,
        NewCase(
            code="2022-0001",
            hospital="永嘉县人民医院",
            province="浙江",
            theme=5,
            title="日间手术一站式服务",
            recommendation="推荐理由",
            tier=None,
            votes=321,
            pdf=pdf,
        ),
    )
    workspace.close()
    reopened = Workspace.open(workspace.root)
    with reopened.sessions() as s:
        case = s.get(Case, case_id)
        assert case is not None
        assert (case.hospital.name, case.theme.number if case.theme else None) == ("永嘉县人民医院", 5)
        assert case.region is not None
        assert case.region.name == "华东"
        assert case.hospital.province is not None
        assert case.hospital.province.name == "浙江省"
        assert case.votes == 321
        (f,) = case.files
        assert reopened.store.path_for(f.sha256).read_bytes() == pdf.read_bytes()
        assert s.scalars(select(AuditEvent.action)).all()[-1] == "case.add"
    rows = catalog.list_cases(reopened)
    assert [(r.code, r.region, r.theme_number) for r in rows] == [("2022-0001", "华东", 5)]
    reopened.close()


def test_a_new_workspace_holds_the_seasons_frame(workspace: Workspace) -> None:
    s = catalog.summary(workspace)
    assert (s.season, s.cases, s.judges) == (2022, 0, 0)
    assert [r.key for r in s.rounds][-2:] == ["semifinal", "final"]
    with workspace.sessions() as session:
        assert session.scalar(select(Region).where(Region.code == "central_south")) is not None
        assert session.scalars(select(Round.key).order_by(Round.position)).all() == [
            r.key for r in workspace.rules.rounds
        ]


def test_opening_an_older_workspace_upgrades_it_after_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = Workspace.create(tmp_path / "ws", season=2020)
    add_case(
        ws,
        NewCase(
            code="2020-0001", hospital="桐庐县第一人民医院", province="浙江省", theme=1, title="分时段预约"
        ),
    )
    ws.close()
    # A newer build of Leitai: the same migrations plus one that adds a column.
    newer = tmp_path / "migrations"
    shutil.copytree(db.MIGRATIONS_DIR, newer)
    (newer / "versions" / "0002_test_column.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n"
        "revision = '0002'\ndown_revision = '0001'\nbranch_labels = None\ndepends_on = None\n"
        "def upgrade():\n"
        "    with op.batch_alter_table('case') as b:\n"
        "        b.add_column(sa.Column('note', sa.String(), nullable=True))\n"
        "def downgrade():\n    pass\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(db, "MIGRATIONS_DIR", newer)
    reopened = Workspace.open(tmp_path / "ws")
    with reopened.engine.connect() as conn:
        cols = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info('case')")]
        titles = [r[0] for r in conn.exec_driver_sql("SELECT title FROM 'case'")]
    reopened.close()
    assert "note" in cols
    assert titles == ["分时段预约"]  # the data survived the upgrade
    backup = tmp_path / "ws" / "leitai.db.bak-0001"
    assert backup.is_file()
    con = sqlite3.connect(backup)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    con.close()


def test_a_workspace_from_an_unknown_newer_build_is_refused_untouched(tmp_path: Path) -> None:
    Workspace.create(tmp_path / "ws", season=2020).close()
    con = sqlite3.connect(tmp_path / "ws" / "leitai.db")
    con.execute("UPDATE alembic_version SET version_num = 'ffff'")
    con.commit()
    con.close()
    before = (tmp_path / "ws" / "leitai.db").read_bytes()
    with pytest.raises(DomainError) as err:
        Workspace.open(tmp_path / "ws")
    assert err.value.code == "workspace_unreadable"
    assert (tmp_path / "ws" / "leitai.db").read_bytes() == before


def test_creating_over_an_existing_workspace_is_refused(workspace: Workspace) -> None:
    with pytest.raises(DomainError) as err:
        Workspace.create(workspace.root)
    assert err.value.code == "workspace_exists"


def test_opening_a_folder_that_is_no_workspace_says_so(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="不是擂台工作区"):
        Workspace.open(tmp_path)


def test_store_keeps_identical_files_once_and_detects_damage(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    a = store.add_stream(io.BytesIO(b"x" * 3_000_000))
    b = store.add_stream(io.BytesIO(b"x" * 3_000_000))
    assert a == b
    assert a.size == 3_000_000
    assert len([p for p in (tmp_path / "files").rglob("*") if p.is_file()]) == 1
    assert store.verify(a.sha256)
    with a.path.open("r+b") as f:
        f.seek(1234)
        f.write(b"y")
    assert not store.verify(a.sha256)


def test_hospital_name_is_unique(workspace: Workspace) -> None:
    with pytest.raises(IntegrityError), workspace.sessions.begin() as s:
        s.add_all([Hospital(name="同名医院"), Hospital(name="同名医院")])


def test_case_files_belong_to_their_case(workspace: Workspace) -> None:
    with pytest.raises(IntegrityError), workspace.sessions.begin() as s:
        s.add(CaseFile(case_id=424242, kind="pdf", sha256="0" * 64, size=1, original_name="a.pdf"))
