# SPDX-License-Identifier: Apache-2.0
"""The judge's ``judge.db``: its schema, the connection (WAL, synchronous=FULL, secure_delete) and the
small helpers every write uses (one ``BEGIN IMMEDIATE`` transaction, the ``meta`` key-value table)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.bundles.manifest import Manifest

DB_NAME = "judge.db"
#: Where homes written before the key left judge.db kept it in clear (removed at the first open with
#: the access code).
LEGACY_SEED = "judge_seed"
FILES_DIR = "files"

SCHEMA = """
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


def connect(home_dir: Path) -> sqlite3.Connection:
    """Open (or create) ``judge.db`` in ``home_dir``; usable from the GUI's worker thread too."""
    conn = sqlite3.connect(home_dir / DB_NAME, check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")  # a score shown as saved survives pulling the power
    conn.execute("PRAGMA busy_timeout=5000")
    conn.execute("PRAGMA secure_delete=ON")  # a key removed from meta leaves no bytes behind
    conn.executescript(SCHEMA)
    return conn


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
