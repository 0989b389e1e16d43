# SPDX-License-Identifier: Apache-2.0
"""The results engine's values: what goes in (a round's frame and its submitted score sheets) and what
comes out (ranked groups, awards, judge consistency, the cusp list) — plain frozen dataclasses.

Scores are ``Decimal``: marks are exact (a rubric's steps are decimal), a round's score is rounded to
``PLACES`` decimals half up, and ranks compare those rounded values, so two cases that show the same
score are tied and their order is explained by the tie-break chain, never by hidden digits.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from app.seasons import FINAL_TICKET_AWARD

#: Scoring methods a round may use (Round.scoring_method).
METHODS: tuple[str, ...] = ("mean", "trimmed", "zscore")
#: The ranking of public votes uses this method name (it is not a scoring method of a round).
VOTES_METHOD = "votes"
#: Round key under which vote-based awards, draws and overrides are kept.
VOTES_ROUND = "voting"
#: Round key under which hospital awards (basis case_count) are overridden.
SEASON_ROUND = "season"
#: Award key of a national-final ticket ([final_tickets] of the season file).
FINAL_TICKET = FINAL_TICKET_AWARD
#: Decimal places of a round's score as shown, exported and compared.
PLACES = 2
#: Tie-break steps after the round's score, in order (``decided_by`` names one of them).
TIE_STEPS: tuple[str, ...] = ("trimmed", "median", "criterion", "draw")


# --- what goes in ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CriterionSpec:
    """A criterion of the round's rubric: its mark is multiplied by ``weight`` into a judge's total."""

    key: str
    name: str
    max: Decimal
    weight: Decimal


@dataclass(frozen=True, slots=True)
class CaseInfo:
    """A case as results show it, with every attribute a group or an award may split on."""

    id: int
    code: str
    title: str
    hospital_id: int
    hospital: str
    province: str
    region_code: str
    region: str
    theme_number: int | None
    theme_title: str
    tier_code: str
    tier: str
    category_code: str
    category: str
    votes: int | None = None


@dataclass(frozen=True, slots=True)
class JudgeInfo:
    """A judge who holds at least one assignment in the round."""

    code: str
    name: str


@dataclass(frozen=True, slots=True)
class ScoreSheet:
    """One judge's submitted marks for one case (drafts and recusals never become a sheet)."""

    judge_code: str
    case_id: int
    values: Mapping[str, Decimal]


@dataclass(frozen=True, slots=True)
class SheetCounts:
    """How far the round's assignments are: submitted, draft (marks, not submitted), not started, recused."""

    submitted: int = 0
    drafts: int = 0
    not_started: int = 0
    recused: int = 0


@dataclass(frozen=True, slots=True)
class Draw:
    """A recorded draw among cases still tied after every step (``order``: first place first)."""

    id: int
    round_key: str
    group_key: str
    case_ids: tuple[int, ...]
    seed: int
    order: tuple[int, ...]
    at: datetime | None = None
    actor: str = ""
    audited: bool = True


@dataclass(frozen=True, slots=True)
class Override:
    """The organizer granted (``grant``) or withdrew an award of a case or a hospital, with a reason."""

    id: int
    round_key: str
    award_key: str
    case_id: int | None
    hospital_id: int | None
    grant: bool
    reason: str
    actor: str = "organizer"
    at: datetime | None = None
    audited: bool = True
    #: Who it concerns, as shown (case code and title, or hospital name).
    subject: str = ""


@dataclass(frozen=True, slots=True)
class RoundInput:
    """Everything one round's results are computed from; built from the database or from the bundles."""

    round_key: str
    round_name: str
    live: bool
    method: str
    rubric: tuple[CriterionSpec, ...]
    cases: tuple[CaseInfo, ...]
    judges: tuple[JudgeInfo, ...]
    sheets: tuple[ScoreSheet, ...]
    counts: SheetCounts = SheetCounts()
    draws: tuple[Draw, ...] = ()
    overrides: tuple[Override, ...] = ()


# --- what comes out --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mark:
    """A judge's weighted total for a case; ``dropped`` when the trimmed mean left it out."""

    judge_code: str
    judge_name: str
    total: Decimal
    dropped: bool = False
    #: With the z-score method: the total as normalised and mapped back onto the rubric's scale.
    normalised: Decimal | None = None


@dataclass(frozen=True, slots=True)
class CaseScore:
    """A case's marks and the statistics the round's score and the tie-break chain use."""

    case_id: int
    marks: tuple[Mark, ...]
    score: Decimal | None  # by the round's method; None without any submitted sheet
    mean: Decimal | None
    trimmed: Decimal | None
    median: Decimal | None
    criterion: Decimal | None  # mean mark on the tie-break criterion
    used: int  # how many marks the score averages


@dataclass(frozen=True, slots=True)
class RankedCase:
    """A case's place in its group: ``rank`` shared while ``tied`` (no draw yet); ``awards`` after
    overrides, ``rule_awards`` as the rules alone give them."""

    case: CaseInfo
    result: CaseScore
    rank: int | None
    decided_by: str | None = None  # one of TIE_STEPS when a step after the score separated it
    tied: bool = False
    awards: tuple[str, ...] = ()
    rule_awards: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Pending:
    """Places of an award that wait for a draw: ``case_ids`` are tied across the award's boundary."""

    award_key: str
    group_key: str
    case_ids: tuple[int, ...]
    places: int


@dataclass(frozen=True, slots=True)
class GroupResult:
    """One group that ranks together (a theme, a region × theme, …) with its cases in rank order."""

    key: str
    name: str
    cases: tuple[RankedCase, ...]
    #: Codes of the judges who scored in the group, in order: the exports' 评委1…N columns.
    judges: tuple[str, ...] = ()
    pending: tuple[Pending, ...] = ()


@dataclass(frozen=True, slots=True)
class JudgeStat:
    """A judge's consistency: severity (mean offset from the others' mean on the same cases; negative =
    harsher), agreement (Spearman rank correlation with the others' mean), noise (spread of what is left)."""

    code: str
    name: str
    cases: int
    severity: float | None
    agreement: float | None
    noise: float | None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One bar of the consistency chart: a judge's severity, and whether it stands out."""

    label: str
    severity: float
    agreement: float | None
    flagged: bool


@dataclass(frozen=True, slots=True)
class ConsistencyChart:
    """What the GUI's chart and the PDF's figure draw: one bar per judge, a symmetric axis."""

    points: tuple[ChartPoint, ...]
    axis_limit: float
    noise: float | None


@dataclass(frozen=True, slots=True)
class Consistency:
    """Judge consistency of a round; ``noise`` is the pooled spread of one judge's mark."""

    judges: tuple[JudgeStat, ...]
    noise: float | None
    chart: ConsistencyChart


@dataclass(frozen=True, slots=True)
class CuspCase:
    """A case within one judge's noise of an award boundary: a second look before release."""

    group_key: str
    group_name: str
    case: CaseInfo
    award_key: str
    inside: bool  # holds the award now
    score: Decimal
    boundary: Decimal  # the score of the nearest case on the other side
    gap: float
    margin: float


@dataclass(frozen=True, slots=True)
class HospitalAward:
    """An award to a hospital (最佳组织奖: the most cases)."""

    award_key: str
    hospital_id: int
    hospital: str
    cases: int
    by_rule: bool = True


@dataclass(frozen=True, slots=True)
class RoundResults:
    """A round's results as every surface shows them (CLI, GUI, xlsx, PDF)."""

    round_key: str
    round_name: str
    method: str
    groups: tuple[GroupResult, ...]
    max_total: Decimal
    trim_min_judges: int
    tie_criterion: str | None  # its name
    counts: SheetCounts
    consistency: Consistency
    cusp: tuple[CuspCase, ...] = ()
    pending: tuple[Pending, ...] = ()
    overrides: tuple[Override, ...] = ()
    draws: tuple[Draw, ...] = ()
    award_keys: tuple[str, ...] = ()  # awards this round decides, in the season file's order
    unscored: int = 0  # cases in the round without any submitted sheet

    def case(self, case_id: int) -> RankedCase | None:
        """The ranked case with this id, in whichever group it is."""
        for group in self.groups:
            for ranked in group.cases:
                if ranked.case.id == case_id:
                    return ranked
        return None

    def holders(self, award_key: str) -> tuple[int, ...]:
        """Ids of the cases holding ``award_key`` now (overrides applied), in group and rank order."""
        return tuple(r.case.id for g in self.groups for r in g.cases if award_key in r.awards)
