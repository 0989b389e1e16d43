# SPDX-License-Identifier: Apache-2.0
"""The old name of ``app.judging.assignment.ensure_assigned``, kept while callers still import it.

The stand-in round-robin loop is gone: a round nobody has assigned is now solved by the balanced,
conflict-free min-cost flow. New code imports ``ensure_assigned`` from ``app.judging.assignment``.
"""

from __future__ import annotations

from app.judging import DEFAULT_JUDGES_PER_CASE
from app.judging.assignment.service import ensure_assigned
from app.workspace import Workspace


def ensure_round_robin(
    ws: Workspace, round_key: str, judges_per_case: int = DEFAULT_JUDGES_PER_CASE, actor: str = "organizer"
) -> int:
    """``ensure_assigned`` under its old name and argument names; returns the rows created."""
    return ensure_assigned(ws, round_key, judges_per_case, actor)
