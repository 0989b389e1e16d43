# SPDX-License-Identifier: Apache-2.0
"""The judge's ``judge.db``: its schema and how it upgrades, the connection (WAL, synchronous=FULL,
secure_delete) and the small helpers every write uses (one ``BEGIN IMMEDIATE`` transaction, ``meta``).

The schema carries a version (``PRAGMA user_version``), as the workspace's does with Alembic: a newer
app opening a judge.db written by an older one first copies it whole (``judge.db.bak-v<N>``, through
SQLite's backup API so the WAL is in the copy), then runs each step of :data:`UPGRADES` after the
stored version, each in one transaction with its new version number. A judge who updates Leitai between
two rounds therefore never loses a score that was not sent yet; a judge.db from a *newer* app is refused
(``home_too_new``), never rewritten. Steps only add: a column, a table, a default — never a drop.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.bundles.manifest import Manifest
from app.errors import DomainError

DB_NAME = "judge.db"
#: Where homes written before the key left judge.db kept it in clear (removed at the first open with
#: the access code).
LEGACY_SEED = "judge_seed"
FILES_DIR = "files"
#: Name of the copy made before an upgrade from version N: ``judge.db.bak-vN``.
BACKUP_SUFFIX = ".bak-v{version}"

#: Version 1: the schema of the first release (a judge.db without a version number is this one).
SCHEMA_V1 = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS file (sha256 TEXT PRIMARY KEY, path TEXT);
CREATE TABLE IF NOT EXISTS case_state (
    case_id INTEGER PRIMARY KEY,
    state TEXT NOT NULL DEFAULT 'not_started',
    comment TEXT NOT NULL DEFAULT '',
    recuse_reason TEXT NOT NULL DEFAULT '',
    updated_at TEXT
);
CREATE TABLE IF NOT EXISTS score (
    case_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (case_id, key)
);
CREATE TABLE IF NOT EXISTS export (
    revision INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
"""


def _v2_sent_to(conn: sqlite3.Connection) -> None:
    """Version 2: where each exported bundle was delivered (the live receiver's address; '' for a file
    the judge carries), so the judge's side can tell a bundle the organizer has from one still to send."""
    conn.execute("ALTER TABLE export ADD COLUMN sent_to TEXT NOT NULL DEFAULT ''")


#: Upgrade steps: ``UPGRADES[n]`` turns version ``n`` into ``n + 1``. Append, never edit a released one.
UPGRADES: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v2_sent_to}
#: The version this app writes.
SCHEMA_VERSION = 1 + len(UPGRADES)


def connect(home_dir: Path) -> sqlite3.Connection:
    """Open (or create) ``judge.db`` in ``home_dir`` at :data:`SCHEMA_VERSION`, upgrading an older one
    after a backup copy; usable from the GUI's worker thread too. Raises ``home_too_new``."""
    path = home_dir / DB_NAME
    conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    try:
        conn.execute("PRAGMA busy_timeout=5000")
        _refuse_newer(conn, path)  # before anything is written, even the journal mode
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")  # a score shown as saved survives pulling the power
        conn.execute("PRAGMA secure_delete=ON")  # a key removed from meta leaves no bytes behind
        upgrade(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


def schema_version(conn: sqlite3.Connection) -> int:
    """The stored version: ``user_version``, or 1 for a judge.db of the first release (tables, no
    number), or 0 for an empty file."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version == 0 and conn.execute("SELECT 1 FROM sqlite_master WHERE name='meta'").fetchone():
        return 1
    return version


def _refuse_newer(conn: sqlite3.Connection, path: Path) -> int:
    """The stored version; ``home_too_new`` when a newer app wrote it (never rewritten by an older one)."""
    found = schema_version(conn)
    if found > SCHEMA_VERSION:
        raise DomainError("home_too_new", path=str(path.parent), version=found, supported=SCHEMA_VERSION)
    return found


def upgrade(conn: sqlite3.Connection, path: Path) -> int:
    """Bring the open ``judge.db`` at ``path`` to :data:`SCHEMA_VERSION`; returns the version it had.

    A new file gets the whole schema at once. An older one is copied first (``judge.db.bak-vN``, kept),
    then upgraded one step per transaction: a step that fails leaves the file at the last version
    reached, every score in it, and the error is raised (``home_unreadable``)."""
    found = _refuse_newer(conn, path)
    if found == SCHEMA_VERSION:
        return found
    if found == 0:
        _create(conn)
        return found
    _backup(conn, path.with_name(path.name + BACKUP_SUFFIX.format(version=found)))
    for version in range(found, SCHEMA_VERSION):
        try:
            with transaction(conn):
                UPGRADES[version](conn)
                conn.execute(f"PRAGMA user_version={version + 1}")
        except sqlite3.Error as exc:
            raise DomainError("home_unreadable", path=str(path.parent), reason=str(exc)) from exc
    return found


def _create(conn: sqlite3.Connection) -> None:
    """A new judge.db: version 1's tables and every upgrade, as one transaction."""
    with transaction(conn):
        for statement in SCHEMA_V1.split(";"):
            if statement.strip():
                conn.execute(statement)
        for version in range(1, SCHEMA_VERSION):
            UPGRADES[version](conn)
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")


def _backup(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of the whole database (WAL included) before it is changed; an earlier copy of
    the same version is kept as it is (it is the older of the two)."""
    if target.exists():
        return
    partial = target.with_name(target.name + ".part")
    copy = sqlite3.connect(partial)
    try:
        conn.backup(copy)
    finally:
        copy.close()
    partial.replace(target)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, taken at once (BEGIN IMMEDIATE): committed, or rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def scrub(conn: sqlite3.Connection) -> None:
    """Fold the WAL into the database and empty it, so a deleted row's old bytes are nowhere on disk."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def put(conn: sqlite3.Connection, key: str, value: bytes | str | int) -> None:
    """Set one ``meta`` value."""
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value=excluded.value",
        (key, value),
    )


def get(conn: sqlite3.Connection, key: str) -> Any:
    """One ``meta`` value, or None."""
    row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
    return row[0] if row else None


def store_package(
    home_dir: Path,
    manifest: Manifest,
    manifest_bytes: bytes,
    signature: bytes,
    package_path: Path,
    media_dir: Path | None,
    located: dict[str, Path],
) -> sqlite3.Connection:
    """Make or refresh a home from a verified package, in one transaction: the work on the cases and
    criteria the package still has is kept, the rest dropped; a key left in clear by an older home is
    removed for good (secure_delete, then the WAL emptied). Returns the open connection."""
    conn = connect(home_dir)
    with transaction(conn):
        put(conn, "manifest", manifest_bytes)
        put(conn, "signature", signature)
        conn.execute("DELETE FROM meta WHERE key=?", (LEGACY_SEED,))
        put(conn, "package_path", str(package_path.resolve()))
        if media_dir is not None:
            put(conn, "media_dir", str(Path(media_dir).resolve()))
        if get(conn, "revision") is None:
            put(conn, "revision", 0)
        keep = {c.id for c in manifest.cases}
        for (case_id,) in conn.execute("SELECT case_id FROM case_state").fetchall():
            if case_id not in keep:
                conn.execute("DELETE FROM case_state WHERE case_id=?", (case_id,))
                conn.execute("DELETE FROM score WHERE case_id=?", (case_id,))
        conn.executemany(
            "INSERT OR IGNORE INTO case_state (case_id) VALUES (?)", [(c.id,) for c in manifest.cases]
        )
        known = {c.key for c in manifest.criteria}
        for case_id, key in conn.execute("SELECT case_id, key FROM score").fetchall():
            if key not in known:
                conn.execute("DELETE FROM score WHERE case_id=? AND key=?", (case_id, key))
        conn.execute("DELETE FROM file")
        conn.executemany(
            "INSERT INTO file (sha256, path) VALUES (?, ?)",
            [(f.sha256, str(located[f.sha256]) if f.sha256 in located else None) for f in manifest.files],
        )
    scrub(conn)
    return conn
