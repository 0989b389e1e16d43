# SPDX-License-Identifier: Apache-2.0
"""A judge's home: one package opened on the judge's laptop, the scores entered so far, the exports.

Everything lives in one folder: ``judge.db`` (SQLite, WAL, ``synchronous=FULL`` so a score is on disk
the moment the call returns) and ``files/`` (the verified case files). No Qt here: the judge GUI and the
``leitai judge`` commands both call this class.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.bundles import keys
from app.bundles.bundle import write_bundle
from app.bundles.canonical import FormatError, decimal_text, on_step, utc_text
from app.bundles.container import ContainerError, ContainerReader
from app.bundles.manifest import (
    BUNDLE_FORMAT,
    MANIFEST_ENTRY,
    MANIFEST_SIG_ENTRY,
    MAX_MANIFEST,
    VERSION,
    Manifest,
    PackageCriterion,
    package_entry_ok,
    parse_manifest,
)
from app.bundles.package import verify_package
from app.bundles.stream import Cancel, Progress
from app.errors import DomainError
from app.glossary.terms import round_term

DB_NAME = "judge.db"
FILES_DIR = "files"
#: Case states, in the order a case usually goes through them.
STATES = ("not_started", "draft", "submitted", "recused")

_SCHEMA = """
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


@dataclass(frozen=True, slots=True)
class HomeInfo:
    """What the judge's window title and header show."""

    home_dir: Path
    package_id: str
    serial: int
    competition_uid: str
    competition: str
    season: int
    round_key: str
    round: str
    blind: bool
    live: bool
    judge_code: str
    judge: str
    rubric: str
    criteria: tuple[PackageCriterion, ...]  # the rubric the judge scores against, as the package has it
    organizer_fingerprint: str
    cases: int
    missing_files: int
    last_revision: int
    last_export: Path | None


@dataclass(frozen=True, slots=True)
class HomeCase:
    """One row of the judge's case list."""

    id: int
    code: str  # display code: anonymous in a blind round
    theme_number: int | None
    theme: str
    title: str
    hospital: str  # "" in a blind round
    state: str  # not_started | draft | submitted | recused
    total: float | None  # weighted total of the scores entered, None before any
    scored: int  # how many criteria have a score
    criteria: int


@dataclass(frozen=True, slots=True)
class CaseFiles:
    """Where the case's verified files are; None when the media drive holding it is not attached."""

    case_id: int
    pdf: Path | None
    video: Path | None
    missing: tuple[str, ...]  # kinds whose file is not available


@dataclass(frozen=True, slots=True)
class CaseScores:
    """The judge's work on one case."""

    case_id: int
    state: str
    values: dict[str, float]
    texts: dict[str, str]  # the same values as exact decimal strings ("17.5")
    comment: str
    recuse_reason: str
    total: float | None
    updated_at: str | None


@dataclass(frozen=True, slots=True)
class ExportResult:
    """A bundle just written."""

    path: Path
    revision: int
    n_scored: int  # cases with at least one score
    n_recused: int
    n_submitted: int
    sha256: str
    size: int


def _read_manifest_light(package_path: Path) -> tuple[Manifest, bytes, bytes]:
    """Container, manifest and organizer signature only (seconds before streaming gigabytes)."""
    try:
        with ContainerReader(package_path, package_entry_ok) as reader:
            if [e.name for e in reader.entries][-2:] != [MANIFEST_ENTRY, MANIFEST_SIG_ENTRY]:
                raise DomainError("package_incomplete", path=str(package_path))
            data = reader.read_small(reader.by_name[MANIFEST_ENTRY], MAX_MANIFEST)
            sig = reader.read_small(reader.by_name[MANIFEST_SIG_ENTRY], 64)
    except ContainerError as exc:
        raise DomainError("malformed", path=str(package_path), reason=exc.reason) from exc
    try:
        manifest = parse_manifest(data)
    except FormatError as exc:
        raise DomainError("malformed", path=str(package_path), reason=str(exc)) from exc
    if not keys.verify(manifest.organizer_key, sig, data):
        raise DomainError("bad_signature", path=str(package_path))
    return manifest, data, sig


def _unlock(manifest: Manifest, access_code: str) -> bytes:
    code = keys.normalise_code(access_code).encode("ascii")
    aad = keys.judge_key_aad(
        manifest.competition_uid, manifest.package_id, manifest.judge_code, manifest.organizer_key
    )
    seed = keys.unseal(manifest.judge_key, code, aad)
    if seed is None:
        raise DomainError("bad_access_code")
    if keys.raw_public(Ed25519PrivateKey.from_private_bytes(seed)) != manifest.judge_public_key:
        raise DomainError("judge_key_mismatch")
    return seed


class JudgeHome:
    """A judge's local store; every change is committed before the method returns.

    Thread-safe for one writer at a time (the GUI's worker and its main thread may both call it).
    """

    def __init__(
        self, home_dir: Path, conn: sqlite3.Connection, manifest: Manifest, manifest_bytes: bytes
    ) -> None:
        self.home_dir = home_dir
        self._conn = conn
        self._lock = threading.RLock()
        self._manifest = manifest
        self._manifest_bytes = manifest_bytes
        self._criteria = {c.key: c for c in manifest.criteria}

    # --- opening ---------------------------------------------------------------------------------

    @staticmethod
    def _connect(home_dir: Path) -> sqlite3.Connection:
        conn = sqlite3.connect(home_dir / DB_NAME, check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")  # a score shown as saved survives pulling the power
        conn.execute("PRAGMA busy_timeout=5000")
        conn.executescript(_SCHEMA)
        return conn

    @classmethod
    def open_package(
        cls,
        package_path: Path,
        home_dir: Path,
        access_code: str,
        *,
        media_dir: Path | None = None,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> JudgeHome:
        """Verify a package in full and make (or refresh) the judge's home from it.

        Checks the organizer's signature and the access code first, then streams every file, checking
        its size and SHA-256 while copying it into ``home_dir/files`` (external media are looked for in
        ``media_dir`` and used where they are). Opening the same package again re-verifies it and keeps
        the work; opening a newer package of the same judge and round keeps the work on the cases both
        share. Raises DomainError: ``malformed``, ``bad_signature``, ``bad_access_code``,
        ``file_mismatch``, ``home_in_use``, ``cancelled``.
        """
        package_path = Path(package_path)
        home_dir = Path(home_dir)
        manifest, manifest_bytes, signature = _read_manifest_light(package_path)
        seed = _unlock(manifest, access_code)
        home_dir.mkdir(parents=True, exist_ok=True)
        previous: Manifest | None = None
        if (home_dir / DB_NAME).is_file():
            old = cls.open(home_dir)
            previous = old._manifest
            old.close()
            same_seat = (previous.competition_uid, previous.judge_code, previous.round_key) == (
                manifest.competition_uid,
                manifest.judge_code,
                manifest.round_key,
            )
            if not same_seat:
                raise DomainError(
                    "home_in_use",
                    path=str(home_dir),
                    judge=previous.judge_code,
                    round_name=round_term(previous.round_key, previous.season),
                )
            if previous.serial > manifest.serial:
                raise DomainError("newer_package_open", path=str(home_dir))
        check = verify_package(
            package_path,
            extract_to=home_dir / FILES_DIR,
            media_dir=media_dir,
            progress=progress,
            cancel=cancel,
        )
        if not check.ok:
            raise DomainError(check.code, path=str(package_path), reason=check.reason)
        if check.manifest_bytes != manifest_bytes or check.signature != signature:
            raise DomainError("package_changed", path=str(package_path))
        conn = cls._connect(home_dir)
        with _transaction(conn):
            _put(conn, "manifest", manifest_bytes)
            _put(conn, "signature", signature)
            _put(conn, "judge_seed", seed)
            _put(conn, "package_path", str(package_path.resolve()))
            if media_dir is not None:
                _put(conn, "media_dir", str(Path(media_dir).resolve()))
            if _get(conn, "revision") is None:
                _put(conn, "revision", 0)
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
                [
                    (f.sha256, str(check.located[f.sha256]) if f.sha256 in check.located else None)
                    for f in manifest.files
                ],
            )
        return cls(home_dir, conn, manifest, manifest_bytes)

    @classmethod
    def open(cls, home_dir: Path) -> JudgeHome:
        """Open an existing home (the organizer's signature over its manifest is checked again)."""
        home_dir = Path(home_dir)
        if not (home_dir / DB_NAME).is_file():
            raise DomainError("not_a_judge_home", path=str(home_dir))
        try:
            conn = cls._connect(home_dir)
            data = _get(conn, "manifest")
            sig = _get(conn, "signature")
        except sqlite3.DatabaseError as exc:
            raise DomainError("home_unreadable", path=str(home_dir), reason=str(exc)) from exc
        if not isinstance(data, bytes) or not isinstance(sig, bytes):
            conn.close()
            raise DomainError("not_a_judge_home", path=str(home_dir))
        try:
            manifest = parse_manifest(data)
        except FormatError as exc:
            conn.close()
            raise DomainError("home_damaged", path=str(home_dir), reason=str(exc)) from exc
        if not keys.verify(manifest.organizer_key, sig, data):
            conn.close()
            raise DomainError("home_bad_signature", path=str(home_dir))
        return cls(home_dir, conn, manifest, data)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> JudgeHome:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def attach_media(
        self, media_dir: Path, progress: Progress | None = None, cancel: Cancel | None = None
    ) -> int:
        """Point the home at a drive holding the package's external media; returns files now missing."""
        package = _get(self._conn, "package_path")
        check = verify_package(
            Path(str(package)), media_dir=Path(media_dir), progress=progress, cancel=cancel
        )
        if not check.ok:
            raise DomainError(check.code, path=str(package), reason=check.reason)
        with self._lock, _transaction(self._conn):
            for f in self._manifest.files:
                if not f.included and f.sha256 in check.located:
                    self._conn.execute(
                        "UPDATE file SET path=? WHERE sha256=?", (str(check.located[f.sha256]), f.sha256)
                    )
            _put(self._conn, "media_dir", str(Path(media_dir).resolve()))
        return sum(1 for row in self._conn.execute("SELECT 1 FROM file WHERE path IS NULL"))

    # --- reading ---------------------------------------------------------------------------------

    @property
    def manifest(self) -> Manifest:
        return self._manifest

    def info(self) -> HomeInfo:
        m = self._manifest
        with self._lock:
            missing = self._conn.execute("SELECT COUNT(*) FROM file WHERE path IS NULL").fetchone()[0]
            last = self._conn.execute(
                "SELECT revision, path FROM export ORDER BY revision DESC LIMIT 1"
            ).fetchone()
        return HomeInfo(
            home_dir=self.home_dir,
            package_id=m.package_id,
            serial=m.serial,
            competition_uid=m.competition_uid,
            competition=m.competition_name,
            season=m.season,
            round_key=m.round_key,
            round=m.round_name,
            blind=m.blind,
            live=m.live,
            judge_code=m.judge_code,
            judge=m.judge_name,
            rubric=m.rubric_name,
            criteria=m.criteria,
            organizer_fingerprint=keys.fingerprint(m.organizer_key),
            cases=len(m.cases),
            missing_files=int(missing),
            last_revision=int(last[0]) if last else 0,
            last_export=Path(last[1]) if last else None,
        )

    def _values(self, case_id: int) -> dict[str, Decimal]:
        rows = self._conn.execute("SELECT key, value FROM score WHERE case_id=?", (case_id,)).fetchall()
        return {k: Decimal(v) for k, v in rows}

    def _total(self, values: dict[str, Decimal]) -> float | None:
        if not values:
            return None
        return float(
            sum((v * self._criteria[k].weight for k, v in values.items() if k in self._criteria), Decimal(0))
        )

    def cases(self) -> list[HomeCase]:
        """The package's cases in package order, with each one's state and weighted total."""
        with self._lock:
            states = {
                r[0]: r[1] for r in self._conn.execute("SELECT case_id, state FROM case_state").fetchall()
            }
            all_scores: dict[int, dict[str, Decimal]] = {}
            for case_id, key, value in self._conn.execute("SELECT case_id, key, value FROM score"):
                all_scores.setdefault(case_id, {})[key] = Decimal(value)
        rows = []
        for c in self._manifest.cases:
            values = all_scores.get(c.id, {})
            state = states.get(c.id, "not_started")
            rows.append(
                HomeCase(
                    id=c.id,
                    code=c.code,
                    theme_number=c.theme_number,
                    theme=c.theme_title,
                    title=c.title,
                    hospital=c.hospital,
                    state=state,
                    total=None if state == "recused" else self._total(values),
                    scored=len(values),
                    criteria=len(self._criteria),
                )
            )
        return rows

    def find_case(self, text: str | int) -> int:
        """A case id from what a person typed: the id or the display code."""
        for c in self._manifest.cases:
            if str(c.id) == str(text).strip() or c.code == str(text).strip():
                return c.id
        raise DomainError("unknown_case", case=str(text))

    def case_files(self, case_id: int) -> CaseFiles:
        case = self._case(case_id)
        with self._lock:
            paths = {r[0]: r[1] for r in self._conn.execute("SELECT sha256, path FROM file").fetchall()}
        found: dict[str, Path | None] = {"pdf": None, "video": None}
        missing: list[str] = []
        for f in case.files:
            p = paths.get(f.sha256)
            if p is None or not Path(p).is_file():
                missing.append(f.kind)
            elif found.get(f.kind) is None:
                found[f.kind] = Path(p)
        return CaseFiles(case_id, found["pdf"], found["video"], tuple(missing))

    def scores(self, case_id: int) -> CaseScores:
        self._case(case_id)
        with self._lock:
            values = self._values(case_id)
            row = self._conn.execute(
                "SELECT state, comment, recuse_reason, updated_at FROM case_state WHERE case_id=?", (case_id,)
            ).fetchone()
        state, comment, reason, updated = row if row else ("not_started", "", "", None)
        order = [c.key for c in self._manifest.criteria]
        ordered = sorted(values.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)
        return CaseScores(
            case_id=case_id,
            state=state,
            values={k: float(v) for k, v in ordered},
            texts={k: decimal_text(v) for k, v in ordered},
            comment=comment,
            recuse_reason=reason,
            total=None if state == "recused" else self._total(values),
            updated_at=updated,
        )

    # --- writing ---------------------------------------------------------------------------------

    def _case(self, case_id: int) -> Any:
        case = self._manifest.case(int(case_id))
        if case is None:
            raise DomainError("unknown_case", case=case_id)
        return case

    def _state(self, case_id: int) -> str:
        row = self._conn.execute("SELECT state FROM case_state WHERE case_id=?", (case_id,)).fetchone()
        return str(row[0]) if row else "not_started"

    def _editable(self, case_id: int) -> None:
        state = self._state(case_id)
        if state == "submitted":
            raise DomainError("case_submitted", case=case_id)
        if state == "recused":
            raise DomainError("case_recused", case=case_id)

    def _touch(self, case_id: int, state: str | None = None) -> None:
        if state is None:
            has_work = self._conn.execute(
                "SELECT (SELECT COUNT(*) FROM score WHERE case_id=?)"
                " + (SELECT length(comment) FROM case_state WHERE case_id=?)",
                (case_id, case_id),
            ).fetchone()[0]
            state = "draft" if has_work else "not_started"
        self._conn.execute(
            "UPDATE case_state SET state=?, updated_at=? WHERE case_id=?", (state, utc_text(), case_id)
        )

    def set_score(self, case_id: int, key: str, value: float | int | str | Decimal | None) -> CaseScores:
        """Enter (or, with None, clear) one criterion's score; range and step are checked. Committed
        before returning. Raises DomainError: ``unknown_case``, ``unknown_criterion``, ``bad_score``,
        ``out_of_range``, ``case_submitted``, ``case_recused``."""
        self._case(case_id)
        criterion = self._criteria.get(key)
        if criterion is None:
            raise DomainError("unknown_criterion", criterion=key)
        text: str | None = None
        if value is not None:
            try:
                text = decimal_text(value)
            except FormatError as exc:
                raise DomainError("bad_score", value=str(value)) from exc
            if not on_step(Decimal(text), criterion.max, criterion.step):
                raise DomainError(
                    "out_of_range",
                    criterion=key,
                    name=criterion.name,
                    value=str(value),
                    max=decimal_text(criterion.max),
                    step=decimal_text(criterion.step),
                )
        with self._lock:
            self._editable(case_id)
            with _transaction(self._conn):
                if text is None:
                    self._conn.execute("DELETE FROM score WHERE case_id=? AND key=?", (case_id, key))
                else:
                    self._conn.execute(
                        "INSERT INTO score (case_id, key, value) VALUES (?, ?, ?) "
                        "ON CONFLICT (case_id, key) DO UPDATE SET value=excluded.value",
                        (case_id, key, text),
                    )
                self._touch(case_id)
        return self.scores(case_id)

    def set_comment(self, case_id: int, text: str) -> CaseScores:
        """The judge's comment on a case (at most 20 000 characters)."""
        self._case(case_id)
        if len(text) > 20_000:
            raise DomainError("comment_too_long", limit=20_000)
        with self._lock:
            self._editable(case_id)
            with _transaction(self._conn):
                self._conn.execute("UPDATE case_state SET comment=? WHERE case_id=?", (text, case_id))
                self._touch(case_id)
        return self.scores(case_id)

    def submit(self, case_id: int) -> CaseScores:
        """Mark a case's scores final; every criterion must have a score (``incomplete`` otherwise)."""
        self._case(case_id)
        with self._lock:
            self._editable(case_id)
            missing = [c.name for c in self._manifest.criteria if c.key not in self._values(case_id)]
            if missing:
                raise DomainError("incomplete", missing=missing)
            with _transaction(self._conn):
                self._touch(case_id, "submitted")
        return self.scores(case_id)

    def reopen(self, case_id: int) -> CaseScores:
        """Take back a submission or a recusal; the scores entered before are still there."""
        self._case(case_id)
        with self._lock, _transaction(self._conn):
            if self._state(case_id) == "recused":
                self._conn.execute("UPDATE case_state SET recuse_reason='' WHERE case_id=?", (case_id,))
            self._touch(case_id)
        return self.scores(case_id)

    def recuse(self, case_id: int, reason: str) -> CaseScores:
        """Recuse from a case (a conflict of interest); its scores are kept but not exported."""
        self._case(case_id)
        reason = reason.strip()
        if not reason:
            raise DomainError("recuse_reason_required")
        with self._lock, _transaction(self._conn):
            self._conn.execute(
                "UPDATE case_state SET recuse_reason=? WHERE case_id=?", (reason[:2000], case_id)
            )
            self._touch(case_id, "recused")
        return self.scores(case_id)

    # --- exporting -------------------------------------------------------------------------------

    def bundle_document(self, revision: int) -> dict[str, Any]:
        """The ``bundle.json`` content of the home as it is now (bundle-format.md §4.2)."""
        m = self._manifest
        with self._lock:
            states = {
                r[0]: r[1:]
                for r in self._conn.execute(
                    "SELECT case_id, state, comment, recuse_reason, updated_at FROM case_state"
                ).fetchall()
            }
            all_scores: dict[int, dict[str, str]] = {}
            for case_id, key, value in self._conn.execute("SELECT case_id, key, value FROM score"):
                all_scores.setdefault(case_id, {})[key] = value
        cases = []
        for c in m.cases:
            state, comment, reason, updated = states.get(c.id, ("not_started", "", "", None))
            scores = {} if state == "recused" else all_scores.get(c.id, {})
            cases.append(
                {
                    "comment": comment,
                    "id": c.id,
                    "recuse_reason": reason if state == "recused" else "",
                    "scores": scores,
                    "state": state,
                    "updated_at": updated,
                }
            )
        return {
            "cases": cases,
            "competition": m.competition_uid,
            "exported_at": utc_text(),
            "format": BUNDLE_FORMAT,
            "judge": m.judge_code,
            "package_id": m.package_id,
            "package_sha256": hashlib.sha256(self._manifest_bytes).hexdigest(),
            "revision": revision,
            "round": m.round_key,
            "version": VERSION,
        }

    def export_bundle(self, out_path: Path) -> ExportResult:
        """Write a signed score bundle of everything entered so far, with a new, higher revision.

        ``out_path`` may be a folder (the file is then named after the judge, round and revision).
        The revision is committed before the file is written, so it is never used twice.
        """
        out_path = Path(out_path)
        with self._lock:
            with _transaction(self._conn):
                last = int(_get(self._conn, "revision") or 0)
                revision = max(last + 1, int(time.time()))
                _put(self._conn, "revision", revision)
            doc = self.bundle_document(revision)
            if out_path.is_dir():
                m = self._manifest
                out_path = out_path / f"{m.judge_code}-{m.round_key}-r{revision}.leitai-scores"
            seed = _get(self._conn, "judge_seed")
            if not isinstance(seed, bytes):
                raise DomainError("judge_key_missing")
            try:
                sha, size = write_bundle(out_path, doc, Ed25519PrivateKey.from_private_bytes(seed))
            except OSError as exc:
                raise DomainError(
                    "export_failed", path=str(out_path), reason=exc.strerror or str(exc)
                ) from exc
            with _transaction(self._conn):
                self._conn.execute(
                    "INSERT INTO export (revision, path, sha256, at) VALUES (?, ?, ?, ?)",
                    (revision, str(out_path), sha, utc_text()),
                )
        states = [c["state"] for c in doc["cases"]]
        return ExportResult(
            path=out_path,
            revision=revision,
            n_scored=sum(1 for c in doc["cases"] if c["scores"]),
            n_recused=states.count("recused"),
            n_submitted=states.count("submitted"),
            sha256=sha,
            size=size,
        )


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _put(conn: sqlite3.Connection, key: str, value: bytes | str | int) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value=excluded.value",
        (key, value),
    )


def _get(conn: sqlite3.Connection, key: str) -> Any:
    row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
    return row[0] if row else None
