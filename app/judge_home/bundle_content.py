# SPDX-License-Identifier: Apache-2.0
"""What a judge's score bundle says: the ``bundle.json`` document built from a home's tables (the
container, signing and file writing are ``app.bundles.bundle``'s)."""

from __future__ import annotations

import hashlib
import sqlite3
from typing import Any

from app.bundles.canonical import utc_text
from app.bundles.manifest import BUNDLE_FORMAT, VERSION, Manifest


def bundle_document(
    conn: sqlite3.Connection, manifest: Manifest, manifest_bytes: bytes, revision: int
) -> dict[str, Any]:
    """The ``bundle.json`` content of a home as it is now (bundle-format.md §4.2); the caller holds the
    home's lock."""
    m = manifest
    states = {
        r[0]: r[1:]
        for r in conn.execute(
            "SELECT case_id, state, comment, recuse_reason, updated_at FROM case_state"
        ).fetchall()
    }
    all_scores: dict[int, dict[str, str]] = {}
    for case_id, key, value in conn.execute("SELECT case_id, key, value FROM score"):
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
        "package_sha256": hashlib.sha256(manifest_bytes).hexdigest(),
        "revision": revision,
        "round": m.round_key,
        "version": VERSION,
    }
