# SPDX-License-Identifier: Apache-2.0
"""Screening (初筛): findings per case, approve / reject with a reason, bulk approve the clean cases,
undo, the per-submission deadline, the rejections sheet for notifying hospitals, and merging two
spellings of a hospital into one.

Every service takes the workspace and returns frozen rows; each user action is one transaction and
writes its audit event in it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from app import audit, catalog
from app.catalog import CaseRow, FindingCounts, finding_counts
from app.catalog import checked_cases as _checked_cases
from app.errors import DomainError
from app.glossary import LANGUAGES
from app.glossary.cli import SCREEN
from app.glossary.findings import REJECTION_REASON
from app.glossary.terms import finding_name
from app.intake.finding_text import finding_text
from app.intake.findings import VIOLATION
from app.intake.hospitals import same_hospital
from app.models import Case, CaseStatus, Conflict, Hospital, HospitalAlias, ScreeningAction
from app.models import Finding as FindingRow
from app.seasons.deadlines import COMPETITION_TZ
from app.workspace import Workspace

#: The language a rejection reason is written in: the hospitals', as the rejections sheet is.
HOSPITAL_LANGUAGE = LANGUAGES[0]


@dataclass(frozen=True, slots=True)
class StoredFinding:
    """A finding as the details pane lists it."""

    id: int
    case_id: int
    code: str
    severity: str
    detail: dict[str, Any]

    @property
    def name(self) -> str:
        """The code's short name in the current language (app.glossary)."""
        return finding_name(self.code)

    @property
    def message(self) -> str:
        """What is wrong, in a sentence, in the current language."""
        return finding_text(self.code, self.detail)

    @property
    def is_violation(self) -> bool:
        return self.severity == VIOLATION

    @property
    def pages(self) -> tuple[int, ...]:
        """PDF pages the finding is about, first to last (for "open the PDF at this page")."""
        pages = self.detail.get("pages") or []
        return tuple(int(p) for p in pages) if isinstance(pages, list) else ()


@dataclass(frozen=True, slots=True)
class ScreeningStep:
    """What one screening action changed (case codes), and its id for undo."""

    action_id: int
    action: str
    codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MergeResult:
    """A merge of two hospital spellings: which cases moved to which name."""

    kept: str
    merged: str
    cases: tuple[str, ...]


# --- findings ----------------------------------------------------------------------------------------


def case_findings(ws: Workspace, code: str) -> list[StoredFinding]:
    """The current findings of a case: violations first, then warnings, in check order."""
    with ws.sessions() as s:
        case = _case(s, code)
        rows = s.scalars(
            select(FindingRow)
            .where(FindingRow.case_id == case.id, FindingRow.revision == case.revision)
            .order_by(FindingRow.id)
        ).all()
        found = [_stored(r) for r in rows]
    return sorted(found, key=lambda f: 0 if f.is_violation else 1)


def _stored(r: FindingRow) -> StoredFinding:
    return StoredFinding(r.id, r.case_id, r.code, r.severity, dict(r.detail))


# --- the screening table -----------------------------------------------------------------------------


def screening_rows(ws: Workspace, today: date | None = None) -> list[CaseRow]:
    """Every case with its status, deadline and finding counts, in case-code order: the catalog's
    case rows (one row type for every case table), kept under this name for the screening commands."""
    return catalog.list_cases(ws, today)


# --- decisions ---------------------------------------------------------------------------------------


def reason_templates(ws: Workspace, code: str) -> list[str]:
    """Rejection reasons drawn from the case's violations: all of them together first, then one each.

    A reason is a note to the hospital, exported in the Chinese rejections sheet, so it is written in
    Chinese whatever the interface's language (the organizer may edit it before it is stored).
    """
    violations = [f for f in case_findings(ws, code) if f.is_violation]
    if not violations:
        return []
    said = [finding_text(f.code, f.detail, HOSPITAL_LANGUAGE) for f in violations]
    each = [REJECTION_REASON.text(HOSPITAL_LANGUAGE, reason=text) for text in said]
    if len(violations) == 1:
        return each
    numbered = "".join(f"{i}. {text}" for i, text in enumerate(said, 1))
    return [REJECTION_REASON.text(HOSPITAL_LANGUAGE, reason=numbered), *each]


def approve(ws: Workspace, codes: Sequence[str], actor: str = "organizer") -> ScreeningStep:
    """Approve cases (通过初筛); one undoable step."""
    return _decide(ws, codes, CaseStatus.APPROVED.value, "", "approve", actor)


def reject(ws: Workspace, codes: Sequence[str], reason: str, actor: str = "organizer") -> ScreeningStep:
    """Reject cases with a reason the hospital will read; one undoable step."""
    reason = reason.strip()
    if not reason:
        raise DomainError("reason_required")
    return _decide(ws, codes, CaseStatus.REJECTED.value, reason, "reject", actor)


def approve_clean(ws: Workspace, actor: str = "organizer") -> ScreeningStep:
    """Approve, in one step, every case still waiting that was checked and has no violation (warnings
    allowed). Cases that never went through the intake checks are not called clean."""
    counts = finding_counts(ws)
    checked = _checked_cases(ws)
    with ws.sessions() as s:
        waiting = s.execute(
            select(Case.id, Case.code).where(Case.status == CaseStatus.SUBMITTED.value).order_by(Case.code)
        ).all()
    clean = [
        code
        for case_id, code in waiting
        if case_id in checked and counts.get(case_id, FindingCounts()).violations == 0
    ]
    if not clean:
        raise DomainError("nothing_to_approve")
    return _decide(ws, clean, CaseStatus.APPROVED.value, "", "approve_clean", actor)


def set_status(ws: Workspace, codes: Sequence[str], status: str, actor: str = "organizer") -> ScreeningStep:
    """Put cases back to waiting (or any status) without a reason; one undoable step."""
    if status not in {s.value for s in CaseStatus}:
        raise DomainError("bad_status", status=status)
    return _decide(ws, codes, status, "", "set_status", actor)


def _decide(
    ws: Workspace, codes: Sequence[str], status: str, reason: str, action: str, actor: str
) -> ScreeningStep:
    if not codes:
        raise DomainError("no_cases")
    with ws.sessions.begin() as s:
        cases = s.scalars(select(Case).where(Case.code.in_(set(codes)))).all()
        found = {c.code for c in cases}
        missing = [c for c in codes if c not in found]
        if missing:
            raise DomainError("case_unknown", cases=missing[:5])
        changes: list[dict[str, Any]] = []
        for case in sorted(cases, key=lambda c: c.code):
            if case.status == status and case.status_reason == reason:
                continue
            changes.append(
                {
                    "case_id": case.id,
                    "code": case.code,
                    "from_status": case.status,
                    "from_reason": case.status_reason,
                    "to_status": status,
                    "to_reason": reason,
                }
            )
            case.status = status
            case.status_reason = reason
        step = ScreeningAction(actor=actor, action=action, changes=changes)
        s.add(step)
        s.flush()
        audit.record(
            s,
            f"screen.{action}",
            ",".join(c["code"] for c in changes)[:120],
            actor=actor,
            cases=[c["code"] for c in changes],
            status=status,
            reason=reason,
            step=step.id,
        )
        return ScreeningStep(step.id, action, tuple(c["code"] for c in changes))


def undo(ws: Workspace, actor: str = "organizer") -> ScreeningStep | None:
    """Take back the latest screening step not yet undone; None when there is none.

    A case that changed since (a resubmission put it back to waiting) keeps its newer state.
    """
    with ws.sessions.begin() as s:
        step = s.scalars(
            select(ScreeningAction)
            .where(ScreeningAction.undone.is_(False))
            .order_by(ScreeningAction.id.desc())
        ).first()
        if step is None:
            return None
        restored = []
        for change in step.changes:
            case = s.get(Case, change["case_id"])
            if (
                case is None
                or case.status != change["to_status"]
                or case.status_reason != change["to_reason"]
            ):
                continue
            case.status = change["from_status"]
            case.status_reason = change["from_reason"]
            restored.append(case.code)
        step.undone = True
        audit.record(s, "screen.undo", str(step.id), actor=actor, undid=step.action, cases=restored)
        return ScreeningStep(step.id, step.action, tuple(restored))


def last_step(ws: Workspace) -> ScreeningStep | None:
    """The step ``undo`` would take back (for the Undo button's label), or None."""
    with ws.sessions() as s:
        step = s.scalars(
            select(ScreeningAction)
            .where(ScreeningAction.undone.is_(False))
            .order_by(ScreeningAction.id.desc())
        ).first()
        if step is None:
            return None
        return ScreeningStep(step.id, step.action, tuple(c["code"] for c in step.changes))


# --- exports -----------------------------------------------------------------------------------------

#: Columns of the rejections sheet, for notifying hospitals.
REJECTION_COLUMNS: tuple[str, ...] = (
    "案例编号",
    "医院名称",
    "省份",
    "赛区",
    "主题",
    "案例名称",
    "驳回原因",
    "驳回时间",
)


def export_rejections(ws: Workspace, path: Path) -> int:
    """Write every rejected case with its reason to an .xlsx sheet; returns how many.

    Written through ``app.exports.workbook``: a hospital's name, a title or a reason that starts with
    ``=`` stays text in Excel, never a formula."""
    from app.exports.workbook import Sheet, write_workbook  # openpyxl loads on the first export

    when = _rejected_at(ws)
    rows = [r for r in screening_rows(ws) if r.status == CaseStatus.REJECTED.value]
    body = [
        [
            r.code,
            r.hospital,
            r.province,
            r.region,
            f"主题{r.theme_number}" if r.theme_number else "",
            r.title,
            r.status_reason,
            _local(when.get(r.id)),
        ]
        for r in rows
    ]
    sheet = Sheet(
        "驳回案例", REJECTION_COLUMNS, body, widths=(14, 32, 12, 8, 8, 40, 60, 18), wrap=frozenset({6})
    )
    write_workbook(Path(path), [sheet])
    return len(rows)


def _local(at: datetime | None) -> str:
    return at.astimezone(COMPETITION_TZ).strftime("%Y-%m-%d %H:%M") if at else ""


def _rejected_at(ws: Workspace) -> dict[int, datetime]:
    with ws.sessions() as s:
        steps = s.scalars(select(ScreeningAction).where(ScreeningAction.undone.is_(False))).all()
        when: dict[int, datetime] = {}
        for step in sorted(steps, key=lambda st: st.id):
            for change in step.changes:
                if change["to_status"] == CaseStatus.REJECTED.value:
                    when[change["case_id"]] = step.at
    return when


# --- hospitals ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HospitalRow:
    """A hospital spelling in the workspace, with its cases."""

    id: int
    name: str
    province: str
    cases: int
    aliases: tuple[str, ...]


def list_hospitals(ws: Workspace) -> list[HospitalRow]:
    """Every hospital with its case count and merged spellings, by province then name."""
    with ws.sessions() as s:
        hospitals = s.scalars(select(Hospital).options(selectinload(Hospital.province))).all()
        counts: dict[int, int] = defaultdict(int)
        for hospital_id in s.scalars(select(Case.hospital_id)):
            counts[hospital_id] += 1
        aliases: dict[int, list[str]] = defaultdict(list)
        for name, hospital_id in s.execute(select(HospitalAlias.name, HospitalAlias.hospital_id)):
            aliases[hospital_id].append(name)
        rows = [
            HospitalRow(
                h.id,
                h.name,
                h.province.name if h.province else "",
                counts[h.id],
                tuple(sorted(aliases[h.id])),
            )
            for h in hospitals
        ]
    return sorted(rows, key=lambda r: (r.province, r.name))


def spelling_suggestions(ws: Workspace) -> list[tuple[str, str]]:
    """(spelling, likely meant) pairs from the current hospital-name findings, for the merge dialog."""
    pairs: dict[tuple[str, str], None] = {}
    with ws.sessions() as s:
        rows = s.execute(
            select(FindingRow.detail)
            .join(Case, Case.id == FindingRow.case_id)
            .where(FindingRow.code == "hospital_name_inconsistent", FindingRow.revision == Case.revision)
        ).all()
    for (detail,) in rows:
        pairs[(str(detail.get("spelling", "")), str(detail.get("likely", "")))] = None
    return [p for p in pairs if all(p)]


def merge_hospitals(ws: Workspace, merged: str, kept: str, actor: str = "organizer") -> MergeResult:
    """Merge the hospital spelled ``merged`` into ``kept``: its cases (and conflicts) move over, the
    spelling is remembered as an alias for later imports, and the cross-case findings are redone."""
    from app.intake.importer import refresh_cross_findings

    if merged == kept:
        raise DomainError("merge_same")
    with ws.sessions.begin() as s:
        source = _hospital(s, merged)
        target = _hospital(s, kept)
        if source.province_id and target.province_id and source.province_id != target.province_id:
            raise DomainError("merge_other_province", merged=merged, kept=kept)
        cases = s.scalars(select(Case).where(Case.hospital_id == source.id).order_by(Case.code)).all()
        for case in cases:
            case.hospital = target
        s.execute(update(Conflict).where(Conflict.hospital_id == source.id).values(hospital_id=target.id))
        s.execute(
            update(HospitalAlias).where(HospitalAlias.hospital_id == source.id).values(hospital_id=target.id)
        )
        if target.province_id is None:
            target.province_id = source.province_id
        s.flush()
        s.delete(source)
        s.flush()
        s.add(HospitalAlias(name=merged, hospital_id=target.id))
        refresh_cross_findings(s)
        audit.record(
            s,
            "hospital.merge",
            kept,
            actor=actor,
            merged=merged,
            cases=[c.code for c in cases],
            similar=same_hospital(merged, kept),
        )
        return MergeResult(kept, merged, tuple(c.code for c in cases))


def _hospital(s: Session, name: str) -> Hospital:
    hospital = s.scalars(select(Hospital).where(Hospital.name == name)).first()
    if hospital is None:
        raise DomainError("hospital_unknown", name=name)
    return hospital


def _case(s: Session, code: str) -> Case:
    case = s.scalars(select(Case).where(Case.code == code)).first()
    if case is None:
        raise DomainError("case_unknown", cases=[code])
    return case


def deadline_text(deadline: date | None, today: date | None = None) -> str:
    """2022-07-29（还剩 2 天）/ 2022-07-29 (2 days left) — for the CLI; the GUI formats with QLocale."""
    if deadline is None:
        return ""
    today = today or datetime.now(COMPETITION_TZ).date()
    days = (deadline - today).days
    key = "deadline_left" if days > 0 else "deadline_today" if days == 0 else "deadline_over"
    return SCREEN[key].text(date=deadline.isoformat(), days=abs(days))
