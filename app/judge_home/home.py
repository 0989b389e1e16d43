# SPDX-License-Identifier: Apache-2.0
"""A judge's home: one package opened on the judge's laptop, the scores entered so far, the exports.

Everything lives in one folder: ``judge.db`` (SQLite, WAL, ``synchronous=FULL`` so a score is on disk
the moment the call returns) and ``files/`` (the verified case files). No Qt here: the judge GUI and the
``leitai judge`` commands both call this class.

The judge's signing key is never written to ``judge.db`` in clear (``key_store.py`` says where it is
kept): a home opened without the access code, on a computer whose credential store does not hold the
key, can be read and scored but signs nothing until :meth:`JudgeHome.unlock` is given the code.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.bundles import keys
from app.bundles.bundle import write_bundle
from app.bundles.canonical import FormatError, decimal_text, utc_text
from app.bundles.manifest import Manifest, parse_manifest
from app.bundles.package_check import verify_package
from app.bundles.stream import Cancel, Progress
from app.errors import DomainError
from app.judge_home.bundle_content import bundle_document
from app.judge_home.judge_key import JudgeKey
from app.judge_home.key_store import KeyStore, SealedOnly, default_key_store
from app.judge_home.package_reading import check_same_seat, read_manifest_light, unlock_judge_key
from app.judge_home.records import CaseFiles, CaseScores, ExportResult, HomeCase, HomeInfo
from app.judge_home.score_input import parse_score
from app.judge_home.storage import (
    DB_NAME,
    FILES_DIR,
    connect,
    get,
    put,
    store_package,
    transaction,
)

#: Case states, in the order a case usually goes through them.
STATES = ("not_started", "draft", "submitted", "recused")


class JudgeHome:
    """A judge's local store; every change is committed before the method returns.

    Thread-safe for one writer at a time (the GUI's worker and its main thread may both call it).
    """

    def __init__(
        self,
        home_dir: Path,
        conn: sqlite3.Connection,
        manifest: Manifest,
        manifest_bytes: bytes,
        key_store: KeyStore | None = None,
    ) -> None:
        self.home_dir = home_dir
        self._conn = conn
        self._lock = threading.RLock()
        self._manifest = manifest
        self._manifest_bytes = manifest_bytes
        self._criteria = {c.key: c for c in manifest.criteria}
        self._key = JudgeKey(manifest, conn, self._lock, key_store or default_key_store())

    # --- opening ---------------------------------------------------------------------------------

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
        key_store: KeyStore | None = None,
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
        manifest, manifest_bytes, signature = read_manifest_light(package_path)
        seed = unlock_judge_key(manifest, access_code)
        home_dir.mkdir(parents=True, exist_ok=True)
        if (home_dir / DB_NAME).is_file():
            old = cls.open(home_dir, key_store=SealedOnly())
            previous = old._manifest
            old.close()
            check_same_seat(previous, manifest, home_dir)
        check = verify_package(
            package_path,
            extract_to=home_dir / FILES_DIR,
            media_dir=media_dir,
            progress=progress,
            cancel=cancel,
        )
        if not check.ok:
            raise DomainError(check.code, path=str(package_path), reason=check.why)
        if check.manifest_bytes != manifest_bytes or check.signature != signature:
            raise DomainError("package_changed", path=str(package_path))
        conn = store_package(
            home_dir, manifest, manifest_bytes, signature, package_path, media_dir, check.located
        )
        home = cls(home_dir, conn, manifest, manifest_bytes, key_store)
        home._key.keep(seed)
        return home

    @classmethod
    def open(
        cls, home_dir: Path, access_code: str | None = None, key_store: KeyStore | None = None
    ) -> JudgeHome:
        """Open an existing home (the organizer's signature over its manifest is checked again).

        The signing key comes from ``access_code`` when given (a wrong one raises ``bad_access_code``),
        else from the credential store, else (a home written before the key left judge.db) from the old
        clear copy; without any of these the home opens with its key locked (see :meth:`unlock`).
        """
        home_dir = Path(home_dir)
        if not (home_dir / DB_NAME).is_file():
            raise DomainError("not_a_judge_home", path=str(home_dir))
        try:
            conn = connect(home_dir)
            data = get(conn, "manifest")
            sig = get(conn, "signature")
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
        home = cls(home_dir, conn, manifest, data, key_store)
        try:
            if access_code is not None:
                home.unlock(access_code)
            else:
                home._key.find()
        except BaseException:
            conn.close()
            raise
        return home

    # --- the signing key (judge_key.JudgeKey holds it) ----------------------------------------------

    def unlock(self, access_code: str) -> None:
        """Unseal the judge's key with the access code (~0.1 s of scrypt); ``bad_access_code`` if wrong.

        A home written before the key left judge.db loses its clear copy here, for good."""
        self._key.keep(unlock_judge_key(self._manifest, access_code))

    def signing_key(self) -> Ed25519PrivateKey:
        """The judge's key, unlocked (``judge_key_locked`` until the access code was given)."""
        return self._key.signing_key()

    @property
    def key_locked(self) -> bool:
        """True while the home cannot sign: the access code has to be given (:meth:`unlock`)."""
        return self._key.locked

    @property
    def key_in_clear(self) -> bool:
        """True for a home written before the key left judge.db, until it is opened with the code."""
        return self._key.in_clear

    @property
    def needs_access_code(self) -> bool:
        """The GUI asks for the code when this is true: the key is locked, or still in clear on disk."""
        return self._key.locked or self._key.in_clear

    @property
    def key_store_name(self) -> str:
        """Where the key is kept between sessions: ``os`` (credential store) or ``sealed``."""
        return self._key.store_name

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
        package = get(self._conn, "package_path")
        check = verify_package(
            Path(str(package)), media_dir=Path(media_dir), progress=progress, cancel=cancel
        )
        if not check.ok:
            raise DomainError(check.code, path=str(package), reason=check.why)
        with self._lock, transaction(self._conn):
            for f in self._manifest.files:
                if not f.included and f.sha256 in check.located:
                    self._conn.execute(
                        "UPDATE file SET path=? WHERE sha256=?", (str(check.located[f.sha256]), f.sha256)
                    )
            put(self._conn, "media_dir", str(Path(media_dir).resolve()))
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
        """Enter one criterion's score, or clear it (None or an empty entry: the criterion is unscored
        again). The value is read by :func:`parse_score`, as the GUI reads it: refused, never rounded or
        clamped. Committed before returning. Raises DomainError: ``unknown_case``, ``unknown_criterion``,
        ``score_not_a_number``, ``score_out_of_range``, ``score_off_step``, ``case_submitted``,
        ``case_recused``."""
        self._case(case_id)
        criterion = self._criteria.get(key)
        if criterion is None:
            raise DomainError("unknown_criterion", criterion=key)
        number = parse_score(value, criterion.max, criterion.step, criterion.name)
        text = None if number is None else decimal_text(number)
        with self._lock:
            self._editable(case_id)
            with transaction(self._conn):
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
            with transaction(self._conn):
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
            with transaction(self._conn):
                self._touch(case_id, "submitted")
        return self.scores(case_id)

    def reopen(self, case_id: int) -> CaseScores:
        """Take back a submission or a recusal; the scores entered before are still there."""
        self._case(case_id)
        with self._lock, transaction(self._conn):
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
        with self._lock, transaction(self._conn):
            self._conn.execute(
                "UPDATE case_state SET recuse_reason=? WHERE case_id=?", (reason[:2000], case_id)
            )
            self._touch(case_id, "recused")
        return self.scores(case_id)

    # --- exporting -------------------------------------------------------------------------------

    def mark_sent(self, revision: int, target: str) -> None:
        """Record that the organizer at ``target`` (the live receiver's address) holds bundle ``revision``."""
        with self._lock, transaction(self._conn):
            self._conn.execute("UPDATE export SET sent_to=? WHERE revision=?", (target, revision))

    def bundle_document(self, revision: int) -> dict[str, Any]:
        """The ``bundle.json`` content of the home as it is now (bundle-format.md §4.2)."""
        with self._lock:
            return bundle_document(self._conn, self._manifest, self._manifest_bytes, revision)

    def export_bundle(self, out_path: Path) -> ExportResult:
        """Write a signed score bundle of everything entered so far, with a new, higher revision.

        ``out_path`` may be a folder (the file is then named after the judge, round and revision).
        The revision is committed before the file is written, so it is never used twice.
        """
        out_path = Path(out_path)
        key = self.signing_key()
        with self._lock:
            with transaction(self._conn):
                last = int(get(self._conn, "revision") or 0)
                revision = max(last + 1, int(time.time()))
                put(self._conn, "revision", revision)
            doc = self.bundle_document(revision)
            m = self._manifest
            if out_path.is_dir():
                out_path = out_path / f"{m.judge_code}-{m.round_key}-r{revision}.leitai-scores"
            try:
                sha, size = write_bundle(out_path, doc, key)
            except OSError as exc:
                raise DomainError(
                    "export_failed", path=str(out_path), reason=exc.strerror or str(exc)
                ) from exc
            with transaction(self._conn):
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
