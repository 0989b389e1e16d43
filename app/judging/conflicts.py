# SPDX-License-Identifier: Apache-2.0
"""Conflicts of interest: which judge may never score which case (hard), and which pairs are avoided.

Hard, never assigned:
- ``institution``: the case comes from the judge's own institution — the judge's institution text is
  matched against every hospital name and every spelling the organizer merged into one
  (``HospitalAlias``, ``app.intake.screening.merge_hospitals``), width, spaces and bracket shape folded;
- ``declared_hospital`` / ``declared_case``: a conflict the judge or the organizer declared;
- ``recused``: the judge recused themselves from the case in a score bundle (in any round);
- ``expertise``: only in a round that requires it, a case outside the judge's themes.

Soft, avoided when possible and reported when not (each a per-round setting): ``same_province`` — the
judge works in the case's province; ``same_region`` — in its region.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app import audit
from app.errors import DomainError
from app.intake.hospitals import name_key
from app.models import (
    Assignment,
    Case,
    Conflict,
    ConflictKind,
    ExpertiseMode,
    Hospital,
    HospitalAlias,
    Judge,
    JudgeStatus,
    Province,
    Theme,
)
from app.refs import judge_by_ref
from app.workspace import Workspace

#: Hard kinds in the order a report names them (the first that applies is the reason).
HARD_KINDS: tuple[str, ...] = ("institution", "declared_hospital", "declared_case", "recused", "expertise")
#: Soft kinds, most specific first.
SOFT_KINDS: tuple[str, ...] = ("same_province", "same_region")


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What the conflict rules look at in a case."""

    id: int
    code: str
    hospital_id: int
    hospital: str
    province_id: int | None
    region_id: int | None
    theme: int | None


@dataclass(frozen=True, slots=True)
class JudgeFacts:
    """What the conflict rules look at in a judge."""

    id: int
    code: str
    name: str
    province_id: int | None
    region_id: int | None
    expertise: frozenset[int]
    active: bool


@dataclass(frozen=True, slots=True)
class SoftRules:
    """A round's soft-conflict and expertise settings."""

    avoid_same_province: bool = True
    avoid_same_region: bool = False
    expertise: str = ExpertiseMode.PREFER.value


@dataclass
class ConflictIndex:
    """Every hard conflict of every judge, read once; asks in O(1) per pair."""

    #: judge id → hospital id → kind
    hospitals: dict[int, dict[int, str]] = field(default_factory=lambda: defaultdict(dict))
    #: judge id → case id → kind
    cases: dict[int, dict[int, str]] = field(default_factory=lambda: defaultdict(dict))
    #: judge id → declared reason per (kind, id), for messages
    reasons: dict[tuple[int, str, int], str] = field(default_factory=dict)

    def hard(self, judge: JudgeFacts, case: CaseFacts, rules: SoftRules) -> str | None:
        """The hard conflict that forbids this pair, or None."""
        kind = self.hospitals.get(judge.id, {}).get(case.hospital_id)
        if kind is not None:
            return kind
        kind = self.cases.get(judge.id, {}).get(case.id)
        if kind is not None:
            return kind
        if rules.expertise == ExpertiseMode.REQUIRE and (
            case.theme is None or case.theme not in judge.expertise
        ):
            return "expertise"
        return None

    def reason(self, judge: JudgeFacts, case: CaseFacts, kind: str) -> str:
        """The reason declared with a conflict (empty for other kinds)."""
        if kind == "declared_hospital":
            return self.reasons.get((judge.id, "hospital", case.hospital_id), "")
        if kind == "declared_case":
            return self.reasons.get((judge.id, "case", case.id), "")
        return ""


def soft_conflict(judge: JudgeFacts, case: CaseFacts, rules: SoftRules) -> str | None:
    """The soft conflict of a pair under a round's settings (the most specific one), or None."""
    if rules.avoid_same_province and judge.province_id is not None and judge.province_id == case.province_id:
        return "same_province"
    if rules.avoid_same_region and judge.region_id is not None and judge.region_id == case.region_id:
        return "same_region"
    return None


def institution_index(s: Session) -> dict[str, int]:
    """Folded hospital spelling → hospital id, over official names and merged spellings."""
    index = {name_key(name): hid for hid, name in s.execute(select(Hospital.id, Hospital.name))}
    for name, hid in s.execute(select(HospitalAlias.name, HospitalAlias.hospital_id)):
        index.setdefault(name_key(name), hid)
    return index


def load_conflicts(s: Session, judges: Iterable[JudgeFacts] | None = None) -> ConflictIndex:
    """Every hard conflict in the workspace (for ``judges``, or everyone)."""
    index = ConflictIndex()
    wanted = None if judges is None else {j.id for j in judges}
    spellings = institution_index(s)
    for jid, institution in s.execute(select(Judge.id, Judge.institution)):
        if (wanted is None or jid in wanted) and institution:
            hid = spellings.get(name_key(institution))
            if hid is not None:
                index.hospitals[jid][hid] = "institution"
    for c in s.scalars(select(Conflict)):
        if wanted is not None and c.judge_id not in wanted:
            continue
        if c.hospital_id is not None:
            kind = "institution" if c.kind == ConflictKind.INSTITUTION else "declared_hospital"
            index.hospitals[c.judge_id].setdefault(c.hospital_id, kind)
            index.reasons[(c.judge_id, "hospital", c.hospital_id)] = c.reason
        if c.case_id is not None:
            index.cases[c.judge_id].setdefault(c.case_id, "declared_case")
            index.reasons[(c.judge_id, "case", c.case_id)] = c.reason
    for jid, cid in s.execute(
        select(Assignment.judge_id, Assignment.case_id).where(Assignment.recused.is_(True))
    ):
        if wanted is None or jid in wanted:
            index.cases[jid].setdefault(cid, "recused")
    return index


def case_facts(s: Session, case_ids: Iterable[int] | None = None) -> list[CaseFacts]:
    """The conflict-relevant facts of cases (all, or ``case_ids``), by case code."""
    query = (
        select(
            Case.id,
            Case.code,
            Case.hospital_id,
            Hospital.name,
            Hospital.province_id,
            Case.region_id,
            Case.theme_id,
        )
        .join(Hospital, Hospital.id == Case.hospital_id)
        .order_by(Case.code)
    )
    ids = None if case_ids is None else set(case_ids)
    numbers = dict(s.execute(select(Theme.id, Theme.number)).all())
    return [
        CaseFacts(cid, code, hid, hname, pid, rid, numbers.get(tid) if tid is not None else None)
        for cid, code, hid, hname, pid, rid, tid in s.execute(query)
        if ids is None or cid in ids
    ]


def judge_facts(s: Session, judge_ids: Iterable[int] | None = None) -> list[JudgeFacts]:
    """The conflict-relevant facts of judges (all, or ``judge_ids``), by judge code."""
    regions = dict(s.execute(select(Province.id, Province.region_id)).all())
    ids = None if judge_ids is None else set(judge_ids)
    return [
        JudgeFacts(
            j.id,
            j.code,
            j.name,
            j.province_id,
            regions.get(j.province_id) if j.province_id is not None else None,
            frozenset(int(t) for t in j.expertise),
            j.status == JudgeStatus.ACTIVE,
        )
        for j in s.scalars(select(Judge).order_by(Judge.code))
        if ids is None or j.id in ids
    ]


def conflict_error(judge: JudgeFacts, case: CaseFacts, kind: str, index: ConflictIndex) -> DomainError:
    """The error that refuses a pair with a hard conflict."""
    if kind == "institution":
        return DomainError("conflict_institution", judge=judge.code, case=case.code, hospital=case.hospital)
    if kind in ("declared_hospital", "declared_case"):
        return DomainError(
            "conflict_declared", judge=judge.code, case=case.code, reason=index.reason(judge, case, kind)
        )
    if kind == "recused":
        return DomainError("conflict_recused", judge=judge.code, case=case.code)
    return DomainError("conflict_expertise", judge=judge.code, case=case.code)


# --- declared conflicts: the roster's editable list ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class ConflictRow:
    """A conflict of one judge as the roster shows it; ``id`` is None for one found, not recorded."""

    id: int | None
    kind: str  # a key of app.glossary.assignment.CONFLICT_KINDS
    hospital: str
    case: str
    reason: str


def list_conflicts(ws: Workspace, judge_ref: str | int) -> list[ConflictRow]:
    """A judge's conflicts: recorded ones, the institution matched by spelling, and recusals."""
    with ws.sessions() as s:
        judge = judge_by_ref(s, judge_ref)
        facts = judge_facts(s, [judge.id])
        index = load_conflicts(s, facts)
        names = dict(s.execute(select(Hospital.id, Hospital.name)).all())
        codes = dict(s.execute(select(Case.id, Case.code)).all())
        rows: list[ConflictRow] = []
        recorded: set[tuple[str, int]] = set()
        for c in s.scalars(select(Conflict).where(Conflict.judge_id == judge.id).order_by(Conflict.id)):
            if c.hospital_id is not None:
                kind = "institution" if c.kind == ConflictKind.INSTITUTION else "declared_hospital"
                rows.append(ConflictRow(c.id, kind, names.get(c.hospital_id, ""), "", c.reason))
                recorded.add(("hospital", c.hospital_id))
            if c.case_id is not None:
                rows.append(ConflictRow(c.id, "declared_case", "", codes.get(c.case_id, ""), c.reason))
        for hid, kind in index.hospitals.get(judge.id, {}).items():
            if ("hospital", hid) not in recorded:
                rows.append(ConflictRow(None, kind, names.get(hid, ""), "", ""))
        for cid, kind in index.cases.get(judge.id, {}).items():
            if kind == "recused":
                rows.append(ConflictRow(None, kind, "", codes.get(cid, ""), ""))
        return rows


def declare_conflict(
    ws: Workspace,
    judge_ref: str | int,
    *,
    hospital: str | None = None,
    case: str | None = None,
    reason: str = "",
    actor: str = "organizer",
) -> ConflictRow:
    """Record that a judge may not score a hospital's cases, or one case (audited)."""
    if bool(hospital) == bool(case):
        raise DomainError("conflict_target_required")
    with ws.sessions.begin() as s:
        judge = judge_by_ref(s, judge_ref)
        row = Conflict(judge_id=judge.id, kind=ConflictKind.DECLARED, reason=reason.strip())
        if hospital:
            hid = institution_index(s).get(name_key(hospital))
            if hid is None:
                raise DomainError("hospital_unknown", name=hospital)
            row.hospital_id = hid
        else:
            cid = s.scalar(select(Case.id).where(Case.code == case))
            if cid is None:
                raise DomainError("case_unknown", cases=case)
            row.case_id = cid
        s.add(row)
        s.flush()
        name = s.get(Hospital, row.hospital_id).name if row.hospital_id else ""  # type: ignore[union-attr]
        audit.record(
            s, "conflict.declare", judge.code, actor=actor, hospital=name, case=case or "", reason=row.reason
        )
        return ConflictRow(
            row.id, "declared_hospital" if hospital else "declared_case", name, case or "", row.reason
        )


def withdraw_conflict(
    ws: Workspace, judge_ref: str | int, conflict_id: int, actor: str = "organizer"
) -> None:
    """Remove a recorded conflict of a judge (audited)."""
    with ws.sessions.begin() as s:
        judge = judge_by_ref(s, judge_ref)
        row = s.scalars(
            select(Conflict).where(Conflict.id == conflict_id, Conflict.judge_id == judge.id)
        ).first()
        if row is None:
            raise DomainError("conflict_unknown", judge=judge.code, conflict=conflict_id)
        detail = {
            "hospital_id": row.hospital_id,
            "case_id": row.case_id,
            "kind": row.kind,
            "reason": row.reason,
        }
        s.execute(delete(Conflict).where(Conflict.id == conflict_id))
        audit.record(s, "conflict.withdraw", judge.code, actor=actor, **detail)
