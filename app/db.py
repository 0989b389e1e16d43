# SPDX-License-Identifier: Apache-2.0
"""The workspace database: SQLite in WAL mode with foreign keys on, upgraded by Alembic on open.

Opening a database that is already at the newest schema does not import Alembic (half a second of
imports, most of a workspace's open time: issue 8, item 12): the revisions are read from the
migration files and from the ``alembic_version`` table directly; Alembic loads when an upgrade runs.
"""

from __future__ import annotations

import ast
import shutil
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, ExceptionContext, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from app.errors import storage_error

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "models" / "migrations"


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    """Every connection: foreign keys enforced, WAL journal, and a busy timeout for the LAN watcher."""
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _on_error(context: ExceptionContext) -> None:
    """A full disk or a read-only workspace is the user's to fix: one DomainError, whichever service
    wrote (app/errors.py storage_error), never SQLAlchemy's two-line message."""
    database = context.engine.url.database if context.engine is not None else None
    error = storage_error(context.original_exception, Path(database).parent if database else "")
    if error is not None:
        raise error from context.original_exception


def make_engine(db_path: Path) -> Engine:
    """An engine on ``db_path`` with the pragmas every Leitai database needs."""
    engine = create_engine(f"sqlite:///{db_path}")
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "handle_error", _on_error)
    return engine


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    """Session factory; objects stay readable after commit so services can convert them."""
    return sessionmaker(engine, expire_on_commit=False)


def alembic_config(engine: Engine | None = None) -> Config:
    """Alembic configuration pointing at the packaged migrations (no alembic.ini needed)."""
    from alembic.config import Config  # loaded only to migrate (see the module docstring)

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str | None:
    """The newest migration this build of Leitai knows: the revision no other one revises."""
    revises: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = _module_strings(path, ("revision", "down_revision"))
        if isinstance(found.get("revision"), str):
            revises[str(found["revision"])] = found.get("down_revision")
    heads = set(revises) - set(revises.values())
    if len(heads) > 1:
        raise RuntimeError(f"the migrations have several heads: {sorted(heads)}")
    return next(iter(heads), None)


def _module_strings(path: Path, names: tuple[str, ...]) -> dict[str, str | None]:
    """Top-level ``name = "…"`` (or ``name: str = …``) constants of a Python file, without running it."""
    found: dict[str, str | None] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.AnnAssign):
            target: ast.expr = node.target
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        else:
            continue
        value = node.value
        if isinstance(target, ast.Name) and target.id in names and isinstance(value, ast.Constant):
            found[target.id] = value.value if isinstance(value.value, str) else None
    return found


def current_revision(engine: Engine) -> str | None:
    """The migration the database is at, or None for an empty database."""
    with engine.connect() as conn:
        if (
            conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).first()
            is None
        ):
            return None
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return str(version) if version is not None else None


def upgrade(engine: Engine, db_path: Path | None = None) -> bool:
    """Bring the database to the newest schema; back it up first when it already holds data.

    Returns True when a migration ran. The backup (``leitai.db.bak-<rev>``) is what lets an organizer
    go back if an upgrade ever goes wrong, as Vorta does before its own migrations.
    """
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return False
    if current is not None and db_path is not None and db_path.exists():
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(db_path, db_path.with_name(f"{db_path.name}.bak-{current}"))
    from alembic import command  # loaded only to migrate (see the module docstring)

    command.upgrade(alembic_config(engine), "head")
    return True
