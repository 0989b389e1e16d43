# SPDX-License-Identifier: Apache-2.0
"""The old name of ``app.judging.assignment.ensure_assigned``, kept while callers still import it.

The stand-in round-robin loop is gone: a round nobody has assigned is now solved by the balanced,
conflict-free min-cost flow. New code imports ``ensure_assigned`` from ``app.judging.assignment``.
"""

from __future__ import annotations

from app.judging.assignment.service import ensure_assigned as ensure_round_robin

__all__ = ["ensure_round_robin"]
