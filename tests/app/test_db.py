# SPDX-License-Identifier: Apache-2.0
"""Opening a workspace reads its schema revision without Alembic, and agrees with Alembic exactly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app import db
from app.paths import ROOT
from app.workspace import Workspace


def test_head_revision_is_alembics_head() -> None:
    assert db.head_revision() == ScriptDirectory.from_config(db.alembic_config()).get_current_head()


def test_current_revision_is_alembics_for_an_empty_and_an_upgraded_database(tmp_path: Path) -> None:
    engine = db.make_engine(tmp_path / "x.db")
    try:
        with engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() is None
        assert db.current_revision(engine) is None
        assert db.upgrade(engine)
        with engine.connect() as conn:
            assert db.current_revision(engine) == MigrationContext.configure(conn).get_current_revision()
        assert db.current_revision(engine) == db.head_revision()
        assert not db.upgrade(engine)  # at head: nothing runs
    finally:
        engine.dispose()


def test_opening_an_up_to_date_workspace_does_not_import_alembic(tmp_path: Path) -> None:
    Workspace.create(tmp_path / "ws", season=2022).close()
    probe = (
        "import sys; from pathlib import Path; from app.workspace import Workspace;"
        f"Workspace.open(Path({str(tmp_path / 'ws')!r})).close();"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"
