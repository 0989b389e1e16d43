# SPDX-License-Identifier: Apache-2.0
"""What the judge's home hands out: frozen rows for the GUI and the CLI (no SQLite, no Qt).

A criterion is the package's own ``PackageCriterion``: the exact decimals the signatures cover, which
the home checks scores against and the GUI shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.bundles.manifest import PackageCriterion


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


@dataclass(frozen=True, slots=True)
class PackageSummary:
    """What a package says it is, read and its organizer signature checked before the access code is
    asked: the judge compares ``organizer_fingerprint`` with the one the organizer announced."""

    path: Path
    competition: str
    round: str  # the round's name in the current language (app.glossary)
    judge_code: str
    judge: str
    cases: int
    organizer_fingerprint: str
