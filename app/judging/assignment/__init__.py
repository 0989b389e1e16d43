# SPDX-License-Identifier: Apache-2.0
"""Assigning judges to cases with a real solver (OR-Tools min-cost flow): balanced, conflict-free, seeded.

``solver`` is the pure algorithm on matrices; ``problem`` reads a round into it and explains a refusal;
``service`` assigns or fills a round; ``edits`` checks the organizer's manual changes by the same rules;
``views`` gives the desk its matrix and loads.
"""

from app.judging.assignment.problem import Shortfall
from app.judging.assignment.service import (
    AssignmentInfeasible,
    AssignmentReport,
    JudgeLoad,
    SoftPair,
    assign_round,
    ensure_assigned,
    fill_round,
)

__all__ = [
    "AssignmentInfeasible",
    "AssignmentReport",
    "JudgeLoad",
    "Shortfall",
    "SoftPair",
    "assign_round",
    "ensure_assigned",
    "fill_round",
]
