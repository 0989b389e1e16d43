# SPDX-License-Identifier: Apache-2.0
"""``intake check``: read a source's sheet, probe every file in the worker pool, check every rule."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.intake.checks import (
    CaseFields,
    Resolved,
    check_failed_finding,
    control_chars_finding,
    field_findings,
    pdf_findings,
    resolve,
    video_findings,
)
from app.intake.columns import Sheet, read_sheet
from app.intake.cross_case import CaseKey, cross_case_findings
from app.intake.findings import VIOLATION, WARNING, Finding, SourceProblem
from app.intake.source import Located, Source, open_source, os_error
from app.media import Job, Outcome, WorkerPool, default_workers, pdf_facts, video_facts
from app.media.pool import DEFAULT_MEMORY_BYTES
from app.seasons import SeasonRules


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """How the checks run: workers (default one per core), time bound per file, memory per worker."""

    workers: int | None = None
    pdf_timeout: float = 120.0
    video_timeout: float = 60.0
    memory_bytes: int | None = DEFAULT_MEMORY_BYTES
    #: How worker processes start (None: the safe default for a threaded caller; the command line,
    #: which has no other thread, uses "fork" where it exists).
    start_method: str | None = None


@dataclass(frozen=True, slots=True)
class Progress:
    """Progress of a long intake step: ``done`` of ``total`` in ``phase``, now at ``name``."""

    phase: str  #: "check" (probing files) or "store" (copying into the workspace)
    done: int
    total: int
    name: str = ""


ProgressFn = Callable[[Progress], None]
CancelFn = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class CaseReport:
    """One sheet row, checked: its fields, what they resolve to, where its files are, its findings."""

    row: int
    fields: CaseFields
    resolved: Resolved
    pdf_given: str
    video_given: str
    pdf: Located
    video: Located
    findings: tuple[Finding, ...]
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def case_id(self) -> str:
        return self.fields.case_id

    @property
    def violations(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == VIOLATION)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == WARNING)

    @property
    def clean(self) -> bool:
        return not self.violations

    def to_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "row": self.row,
            "hospital": self.fields.hospital,
            "province": self.resolved.province,
            "region": self.resolved.region,
            "region_code": self.resolved.region_code,
            "theme": self.resolved.theme,
            "title": self.fields.title,
            "violations": [f.to_json() for f in self.violations],
            "warnings": [f.to_json() for f in self.warnings],
        }


@dataclass(frozen=True, slots=True)
class CheckReport:
    """Every case of a source with its findings, plus problems of the source itself."""

    season: int
    source: str
    mapping: dict[str, str]
    cases: tuple[CaseReport, ...]
    problems: tuple[SourceProblem, ...] = ()

    @property
    def clean(self) -> bool:
        return all(c.clean for c in self.cases)

    def summary(self) -> dict[str, Any]:
        violations: Counter[str] = Counter()
        warnings: Counter[str] = Counter()
        for case in self.cases:
            violations.update(f.code for f in case.violations)
            warnings.update(f.code for f in case.warnings)
        return {
            "cases": len(self.cases),
            "clean": sum(1 for c in self.cases if c.clean),
            "by_code": dict(sorted(violations.items())),
            "warnings_by_code": dict(sorted(warnings.items())),
            "problems": len(self.problems),
        }

    def to_json(self) -> dict[str, Any]:
        """The document ``leitai intake check --json`` prints (issue #3)."""
        return {
            "season": self.season,
            "source": self.source,
            "cases": [c.to_json() for c in self.cases],
            "problems": [p.to_json() for p in self.problems],
            "summary": self.summary(),
        }


def check_source(
    src: Path,
    rules: SeasonRules,
    *,
    mapping: Mapping[str, str] | None = None,
    options: CheckOptions | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> CheckReport:
    """Check a folder or zip without importing anything."""
    with open_source(src) as source:
        sheet = read_sheet(source.sheet, mapping)
        return check_sheet(source, sheet, rules, options=options, progress=progress, cancelled=cancelled)


def row_fields(values: Mapping[str, str]) -> CaseFields:
    """A sheet row's own fields (missing optional columns read as empty)."""
    get = values.get
    return CaseFields(
        case_id=get("case_id", "").strip(),
        hospital=" ".join(get("hospital", "").split()) if get("hospital") else "",
        province=get("province", "").strip(),
        tier=get("tier", "").strip(),
        category=get("category", "").strip(),
        theme=get("theme", "").strip(),
        title=get("title", "").strip(),
        recommendation=get("recommendation", ""),
        votes=get("votes", "").strip(),
        submitted_at=get("submitted_at", "").strip(),
    )


def check_sheet(
    source: Source,
    sheet: Sheet,
    rules: SeasonRules,
    *,
    known: Iterable[CaseKey] = (),
    aliases: Mapping[str, str] | None = None,
    options: CheckOptions | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> CheckReport:
    """Check every row of an opened source; ``known`` are other cases (already in a workspace) that the
    cross-case checks must see too, ``aliases`` spellings an organizer merged."""
    options = options or CheckOptions()
    problems = list(source.problems)
    rows = _distinct_rows(sheet, problems)
    located = [(_locate(source, row, "pdf"), _locate(source, row, "video")) for row in rows]
    outcomes = _probe(located, options, progress, cancelled)

    reports: list[CaseReport] = []
    keys: list[CaseKey] = []
    for row, (pdf, video) in zip(rows, located, strict=True):
        report = _check_case(row, pdf, video, outcomes, rules)
        reports.append(report)
        keys.append(
            CaseKey(
                row.fields.case_id,
                row.fields.hospital,
                report.resolved.province or row.fields.province,
                report.resolved.theme,
            )
        )
    cross = cross_case_findings([*keys, *known], aliases)
    reports = [
        CaseReport(
            r.row,
            r.fields,
            r.resolved,
            r.pdf_given,
            r.video_given,
            r.pdf,
            r.video,
            (*r.findings, *cross.get(r.case_id, ())),
            r.extra,
        )
        for r in reports
    ]
    return CheckReport(rules.year, str(source.origin), dict(sheet.mapping), tuple(reports), tuple(problems))


@dataclass(frozen=True, slots=True)
class _Row:
    """A sheet row with a case id not seen before: what the checks of one case start from."""

    number: int
    fields: CaseFields
    extra: dict[str, str]
    cleaned: frozenset[str]  #: columns whose text held control characters (removed by the reader)
    given: dict[str, str]  #: "pdf" / "video" → the file name as the sheet gives it


def _distinct_rows(sheet: Sheet, problems: list[SourceProblem]) -> list[_Row]:
    """The rows to check; a row without a case id, or repeating one, is a problem of the source."""
    rows: list[_Row] = []
    seen: dict[str, int] = {}
    for row in sheet.rows:
        fields = row_fields(row.values)
        if not fields.case_id:
            problems.append(SourceProblem("row_without_case_id", {"row": row.number}))
            continue
        if fields.case_id in seen:
            problems.append(
                SourceProblem(
                    "duplicate_case_id",
                    {"row": row.number, "case_id": fields.case_id, "first_row": seen[fields.case_id]},
                )
            )
            continue
        seen[fields.case_id] = row.number
        given = {"pdf": row.get("pdf"), "video": row.get("video")}
        rows.append(_Row(row.number, fields, dict(row.extra), row.cleaned, given))
    return rows


def _locate(source: Source, row: _Row, kind: str) -> Located:
    """Where the file of ``kind`` a row names is; a name the system cannot take is that row's problem."""
    if kind in row.cleaned:  # the name held a NUL or another control character: never guess the file
        return Located(None, "invalid", "control_chars")
    try:
        return source.locate(row.given[kind])
    except (OSError, ValueError) as exc:
        return os_error(exc)


def _check_case(
    row: _Row, pdf: Located, video: Located, outcomes: Mapping[Path, Outcome], rules: SeasonRules
) -> CaseReport:
    """Every check of one case; a step that fails unexpectedly becomes this case's ``check_failed``
    finding and the other steps still run (one case never costs the whole report)."""
    fields = row.fields
    found: list[Finding] = []
    if row.cleaned:
        found.append(control_chars_finding(sorted(row.cleaned)))
    try:
        resolved = resolve(fields, rules)
    except Exception as exc:
        resolved = Resolved(None, None, None, None)
        found.append(check_failed_finding("resolve", exc))
    steps: list[tuple[str, Callable[[], list[Finding]]]] = [
        ("fields", lambda: field_findings(fields, resolved, rules)),
        (
            "pdf",
            lambda: pdf_findings(pdf, row.given["pdf"], outcomes.get(pdf.path) if pdf.path else None, rules),
        ),
        (
            "video",
            lambda: video_findings(
                video, row.given["video"], outcomes.get(video.path) if video.path else None, rules
            ),
        ),
    ]
    for step, run in steps:
        try:
            found += run()
        except Exception as exc:
            found.append(check_failed_finding(step, exc))
    return CaseReport(
        row.number,
        fields,
        resolved,
        row.given["pdf"],
        row.given["video"],
        pdf,
        video,
        tuple(found),
        row.extra,
    )


def _probe(
    located: Sequence[tuple[Located, Located]],
    options: CheckOptions,
    progress: ProgressFn | None,
    cancelled: CancelFn | None,
) -> dict[Path, Outcome]:
    """Facts of every distinct file, from the worker pool (one job per file)."""
    paths: dict[Path, Job] = {}
    for pdf, video in located:
        if pdf.path is not None and pdf.path not in paths:
            paths[pdf.path] = Job(pdf_facts, (str(pdf.path),), options.pdf_timeout)
        if video.path is not None and video.path not in paths:
            paths[video.path] = Job(video_facts, (str(video.path),), options.video_timeout)
    if not paths:
        return {}
    order = list(paths)
    # Largest first: the long jobs start early and the pool finishes evenly.
    order.sort(key=lambda p: -_size(p))
    jobs = [paths[p] for p in order]
    done = 0
    total = len(jobs)

    def on_outcome(index: int, _outcome: Outcome) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(Progress("check", done, total, order[index].name))

    if progress is not None:
        progress(Progress("check", 0, total))
    workers = max(1, min(options.workers or default_workers(), total))
    preload = tuple(
        module
        for module, needed in (
            ("app.media.pdf", True),
            ("pymupdf", any(j.fn is pdf_facts for j in jobs)),
            ("app.media.video", True),
            ("av", any(j.fn is video_facts for j in jobs)),
        )
        if needed
    )
    with WorkerPool(workers, options.memory_bytes, preload, options.start_method) as pool:
        results = pool.run(jobs, on_outcome, cancelled)
    return dict(zip(order, results, strict=True))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
