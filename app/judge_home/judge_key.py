# SPDX-License-Identifier: Apache-2.0
"""One home's signing key: held in memory once unlocked, filed in the credential store where there is
one, never written to ``judge.db`` in clear (a clear copy left by an older home is deleted for good)."""

from __future__ import annotations

import sqlite3
import threading

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.bundles import keys
from app.bundles.manifest import Manifest
from app.errors import DomainError
from app.judge_home.key_store import KeyStore
from app.judge_home.storage import LEGACY_SEED, get, scrub, transaction


class JudgeKey:
    """The judge key of the home whose manifest, connection and lock it is given."""

    def __init__(
        self, manifest: Manifest, conn: sqlite3.Connection, lock: threading.RLock, store: KeyStore
    ) -> None:
        self._manifest = manifest
        self._conn = conn
        self._lock = lock
        self._store = store
        self._seed: bytes | None = None
        self.account = f"{manifest.competition_uid}:{manifest.package_id}:{manifest.judge_code}"

    def matches(self, seed: object) -> bool:
        """``seed`` is this package's judge key (the manifest names its public half)."""
        if not isinstance(seed, bytes) or len(seed) != 32:
            return False
        return keys.raw_public(Ed25519PrivateKey.from_private_bytes(seed)) == self._manifest.judge_public_key

    def find(self) -> None:
        """Unlock without the code where that is possible: the credential store, or an older home's clear
        copy (which keeps working until the home is opened with the code)."""
        stored = self._store.load(self.account)
        if self.matches(stored):
            self._seed = stored
            return
        with self._lock:
            legacy = get(self._conn, LEGACY_SEED)
        if self.matches(legacy):
            self._seed = legacy

    def keep(self, seed: bytes) -> None:
        """Hold the unlocked key, file it in the credential store (if any), drop a clear copy (if any)."""
        with self._lock:
            self._seed = seed
            if get(self._conn, LEGACY_SEED) is not None:
                with transaction(self._conn):
                    self._conn.execute("DELETE FROM meta WHERE key=?", (LEGACY_SEED,))
                scrub(self._conn)
        self._store.save(self.account, seed)

    def signing_key(self) -> Ed25519PrivateKey:
        if self._seed is None:
            raise DomainError("judge_key_locked", judge=self._manifest.judge_code)
        return Ed25519PrivateKey.from_private_bytes(self._seed)

    @property
    def locked(self) -> bool:
        return self._seed is None

    @property
    def in_clear(self) -> bool:
        with self._lock:
            return get(self._conn, LEGACY_SEED) is not None

    @property
    def store_name(self) -> str:
        return self._store.name
