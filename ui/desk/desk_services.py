# SPDX-License-Identifier: Apache-2.0
"""The ``app`` calls the desk makes, in one place (tests may replace single entries), and the snapshot
of a workspace the desk shows, read in one background task.

The desk never builds a query: every read and write is one of these service calls, run off the GUI
thread (reads on the global pool, writes on ``ctx.write_pool``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.bundles import merge, package
from app.judging import conflicts, dropout, handout, judge_import, roster
from app.judging.assignment import assign_round, edits, fill_round
from app.judging.assignment.views import AssignmentMatrix, assignment_matrix
from app.judging.handout import IssuedView
from app.judging.roster import JudgeRow
from app.results.service import advance_ranking
from app.rounds import advance, service
from app.rounds.service import RoundView
from app.workspace import Workspace


@dataclass
class DeskServices:
    """The service functions the desk calls; each takes the workspace first."""

    list_rounds: Callable[..., list[RoundView]] = service.list_rounds
    first_judged_round: Callable[..., str] = service.first_judged_round
    update_settings: Callable[..., Any] = service.update_settings
    set_round_judges: Callable[..., list[str]] = service.set_round_judges
    admit_approved: Callable[..., int] = service.admit_approved
    set_closed: Callable[..., RoundView] = service.set_closed
    propose_advance: Callable[..., advance.AdvanceProposal] = advance.propose_advance
    apply_advance: Callable[..., advance.AdvanceResult] = advance.apply_advance
    #: The results engine's ranking of a round (``ws → Ranking``) for the advance proposal; None: the
    #: advance dialog asks for the explicit list of advancing cases only.
    ranking: Callable[[Workspace], advance.Ranking] | None = advance_ranking

    list_judges: Callable[..., list[JudgeRow]] = roster.list_judges
    add_judge: Callable[..., int] = roster.add_judge
    edit_judge: Callable[..., JudgeRow] = roster.edit_judge
    list_conflicts: Callable[..., list[conflicts.ConflictRow]] = conflicts.list_conflicts
    declare_conflict: Callable[..., conflicts.ConflictRow] = conflicts.declare_conflict
    withdraw_conflict: Callable[..., None] = conflicts.withdraw_conflict
    preview_roster: Callable[..., judge_import.RosterPreview] = judge_import.preview_roster
    import_judges: Callable[..., judge_import.JudgeImportReport] = judge_import.import_judges
    drop_out: Callable[..., dropout.DropOutReport] = dropout.drop_out
    reinstate: Callable[..., None] = dropout.reinstate

    assignment_matrix: Callable[..., AssignmentMatrix] = assignment_matrix
    assign_round: Callable[..., Any] = assign_round
    fill_round: Callable[..., Any] = fill_round
    add_to_case: Callable[..., edits.EditResult] = edits.add_judge_to_case
    remove_from_case: Callable[..., edits.EditResult] = edits.remove_judge_from_case
    swap_on_case: Callable[..., edits.EditResult] = edits.swap_judge

    issued_packages: Callable[..., list[IssuedView]] = handout.issued_packages
    build_packages: Callable[..., list[package.BuiltPackage]] = package.build_packages
    write_handout: Callable[..., Any] = handout.write_handout

    merge_bundle: Callable[..., merge.MergeOutcome] = merge.merge_bundle
    bundle_paths: Callable[..., list[Any]] = merge.bundle_paths
    watch: Callable[..., None] = merge.watch


@dataclass(frozen=True)
class DeskSnapshot:
    """Everything the desk shows of a workspace, for the round it follows (``round_key``)."""

    round_key: str
    rounds: list[RoundView]
    judges: list[JudgeRow]
    matrix: AssignmentMatrix | None
    packages: list[IssuedView]
    themes: tuple[tuple[int, str], ...] = field(default=())
    provinces: tuple[str, ...] = field(default=())


def load_snapshot(services: DeskServices, ws: Workspace, round_key: str | None) -> DeskSnapshot:
    """Read the desk's view of ``ws`` (in a worker): rounds, roster, and the followed round's matrix and
    packages. With no round given, the desk follows the first judged round (the expert review)."""
    rounds = services.list_rounds(ws)
    keys = [r.key for r in rounds]
    if round_key not in keys:
        round_key = services.first_judged_round(ws) if rounds else ""
    judges = services.list_judges(ws)
    matrix = services.assignment_matrix(ws, round_key) if round_key else None
    packages = services.issued_packages(ws, round_key) if round_key else []
    rules = ws.rules
    return DeskSnapshot(
        round_key=round_key or "",
        rounds=rounds,
        judges=judges,
        matrix=matrix,
        packages=packages,
        themes=tuple((t.number, t.title) for t in rules.themes),
        provinces=tuple(p.name for r in rules.regions for p in r.provinces),
    )
