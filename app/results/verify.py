# SPDX-License-Identifier: Apache-2.0
"""``leitai results verify``: recompute every round from the stored signed bundles alone and compare.

For every merged bundle the workspace keeps (``bundle_content``), the exact bytes are checked against
the recorded SHA-256, read with the bundle reader of app/bundles and their judge signature checked with
the key of the package they answer. For each judge and round the newest bundle (package serial, then
revision) — the one a merge keeps — gives that judge's submitted sheets. Every round is then computed
twice: as published (the score table, with draws and overrides) and from the bundles (with draws, no
overrides). Reported, each naming its case:

- a sheet that differs, or exists on one side only;
- a case whose score or rank differs;
- an award that differs and that no *audited* override explains;
- an override or a draw without its audit event, and a draw whose order does not follow from its seed.
"""

from __future__ import annotations

import tempfile
import zlib
from collections import defaultdict
from dataclasses import dataclass, field, replace
from hashlib import sha256
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.bundles import keys
from app.bundles.bundle import BundleError, read_bundle
from app.glossary.results import VERIFY, WORDS
from app.glossary.terms import round_name
from app.models import BundleContent, ImportedBundle, IssuedPackage, Judge, Round
from app.results import frame
from app.results.compute import compute_round
from app.results.ranking import draw_order
from app.results.text import award_name
from app.results.types import SEASON_ROUND, VOTES_ROUND, Override, RoundInput, RoundResults, ScoreSheet
from app.seasons import SeasonRules
from app.workspace import Workspace


@dataclass(frozen=True, slots=True)
class VerifyProblem:
    """One difference; ``kind`` picks its sentence (glossary VERIFY), ``params`` fill it."""

    kind: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """Rounds recomputed, bundles read, and every difference found."""

    rounds: tuple[str, ...]
    bundles: int
    problems: tuple[VerifyProblem, ...]
    round_names: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def problem_text(problem: VerifyProblem, lang: str | None = None) -> str:
    """The problem as a sentence."""
    return VERIFY[problem.kind].text(lang, **problem.params)


@dataclass
class _Bundles:
    """What the kept bundles say: sheets per round, and what could not be trusted."""

    sheets: dict[str, list[ScoreSheet]] = field(default_factory=lambda: defaultdict(list))
    problems: list[VerifyProblem] = field(default_factory=list)
    count: int = 0


def _read_kept(s: Session, ws: Workspace) -> _Bundles:
    """Check and read every kept bundle; the newest valid one of each judge and round gives its sheets."""
    out = _Bundles()
    judges = dict(s.execute(select(Judge.id, Judge.code)).all())
    rounds = dict(s.execute(select(Round.id, Round.key)).all())
    package_keys = dict(s.execute(select(IssuedPackage.package_id, IssuedPackage.public_key)).all())
    rows = s.execute(
        select(ImportedBundle, BundleContent.serial, BundleContent.data)
        .join(BundleContent, BundleContent.imported_bundle_id == ImportedBundle.id)
        .where(ImportedBundle.outcome == "merged")
        .order_by(ImportedBundle.id)
    ).all()
    newest: dict[tuple[str, str], tuple[tuple[int, int], list[ScoreSheet]]] = {}
    with tempfile.TemporaryDirectory(prefix="leitai-verify-") as tmp:
        for row, serial, data in rows:
            out.count += 1
            judge = judges.get(row.judge_id or 0, "?")
            round_key = rounds.get(row.round_id or 0, "?")
            where = {"judge": judge, "round": round_key, "sha": row.sha256[:12]}
            try:
                raw = zlib.decompress(data)
            except zlib.error:
                out.problems.append(VerifyProblem("bundle_unreadable", {**where, "reason": "zlib"}))
                continue
            if sha256(raw).hexdigest() != row.sha256:
                out.problems.append(VerifyProblem("bundle_hash", where))
                continue
            path = Path(tmp) / f"{row.id}.leitai-scores"
            path.write_bytes(raw)  # the bundle reader reads files: the same checks as a merge
            try:
                bundle = read_bundle(path)
            except BundleError as exc:
                out.problems.append(VerifyProblem("bundle_unreadable", {**where, "reason": exc.reason}))
                continue
            doc = bundle.doc
            key = package_keys.get(doc.package_id)
            if key is None or not keys.verify(key, bundle.signature, bundle.payload):
                out.problems.append(VerifyProblem("bundle_signature", where))
                continue
            if (doc.competition_uid, doc.judge_code, doc.round_key) != (ws.competition_uid, judge, round_key):
                out.problems.append(VerifyProblem("bundle_mismatch", where))
                continue
            sheets = [
                ScoreSheet(doc.judge_code, c.id, dict(c.scores)) for c in doc.cases if c.state == "submitted"
            ]
            order = (serial, doc.revision)
            if (judge, round_key) not in newest or newest[(judge, round_key)][0] < order:
                newest[(judge, round_key)] = (order, sheets)
    for (_, round_key), (_, sheets) in sorted(newest.items()):
        out.sheets[round_key].extend(sheets)
    return out


def verify_workspace(ws: Workspace) -> VerifyReport:
    """Recompute every round from the bundles and report every unexplained difference."""
    rules = ws.rules
    problems: list[VerifyProblem] = []
    with ws.sessions() as s:
        kept = _read_kept(s, ws)
        problems.extend(kept.problems)
        round_keys = [r.key for r in frame.rounds_with_assignments(s)]
        round_keys += [k for k in kept.sheets if k not in round_keys]
        inputs = []
        for key in round_keys:
            published = frame.round_input(s, key)
            from_bundles = frame.round_input(
                s, key, sheets=tuple(sorted(kept.sheets.get(key, []), key=_order))
            )
            inputs.append((published, from_bundles))
        codes = {cid: code for p, _ in inputs for cid, code in ((c.id, c.code) for c in p.cases)}
        for extra in (SEASON_ROUND, VOTES_ROUND):
            problems.extend(_unaudited_overrides(frame.overrides(s, extra), rules))
    for published, from_bundles in inputs:
        names = {c.key: c.name for c in published.rubric}
        problems.extend(
            _sheet_differences(published.round_key, published.sheets, from_bundles.sheets, codes, names)
        )
        a = compute_round(rules, published)
        b = compute_round(rules, _no_overrides(from_bundles))
        problems.extend(_result_differences(a, b, rules))
        problems.extend(_unaudited_overrides(published.overrides, rules))
        for d in published.draws:
            params = {"round": d.round_key, "id": d.id, "group": d.group_key}
            if not d.audited:
                problems.append(VerifyProblem("draw_unaudited", params))
            if tuple(d.order) != draw_order(d.seed, d.case_ids):
                problems.append(VerifyProblem("draw_mismatch", params))
    labels = tuple(round_name(k, ws.season_year) for k in round_keys)
    return VerifyReport(
        tuple(round_keys), kept.count, tuple(_named(p, ws.season_year) for p in problems), labels
    )


def _named(problem: VerifyProblem, season: int) -> VerifyProblem:
    """The problem with its round by name (轮次 专家评选, not the key review)."""
    key = problem.params.get("round")
    if not isinstance(key, str):
        return problem
    return VerifyProblem(problem.kind, {**problem.params, "round": round_name(key, season)})


def _order(sheet: ScoreSheet) -> tuple[str, int]:
    return (sheet.judge_code, sheet.case_id)


def _no_overrides(inp: RoundInput) -> RoundInput:
    return replace(inp, overrides=())


def _sheet_differences(
    round_key: str,
    published: tuple[ScoreSheet, ...],
    recomputed: tuple[ScoreSheet, ...],
    codes: dict[int, str],
    criteria: dict[str, str],
) -> list[VerifyProblem]:
    a = {(x.judge_code, x.case_id): x.values for x in published}
    b = {(x.judge_code, x.case_id): x.values for x in recomputed}
    out = []
    for judge, case_id in sorted(set(a) | set(b), key=lambda k: (codes.get(k[1], ""), k[0])):
        params = {"round": round_key, "case": codes.get(case_id, str(case_id)), "judge": judge}
        if (judge, case_id) not in b:
            out.append(VerifyProblem("sheet_only_in_workspace", params))
        elif (judge, case_id) not in a:
            out.append(VerifyProblem("sheet_only_in_bundles", params))
        else:
            va, vb = a[(judge, case_id)], b[(judge, case_id)]
            for criterion in sorted(set(va) | set(vb)):
                if va.get(criterion) != vb.get(criterion):
                    values = {"published": _num(va.get(criterion)), "recomputed": _num(vb.get(criterion))}
                    name = criteria.get(criterion, criterion)
                    out.append(VerifyProblem("sheet_differs", {**params, "criterion": name, **values}))
    return out


def _num(value: object) -> str:
    return "—" if value is None else str(value)


def _result_differences(a: RoundResults, b: RoundResults, rules: SeasonRules) -> list[VerifyProblem]:
    out = []
    explained = _explained(a.overrides)
    for group in a.groups:
        for case in group.cases:
            other = b.case(case.case.id)
            params = {"round": a.round_key, "case": case.case.code}
            if other is None:
                continue
            if (case.result.score, case.rank) != (other.result.score, other.rank):
                values = {
                    "published": f"{case.rank} / {_num(case.result.score)}",
                    "recomputed": f"{other.rank} / {_num(other.result.score)}",
                }
                out.append(VerifyProblem("result_differs", {**params, **values}))
            for award in sorted(set(case.awards) ^ set(other.rule_awards)):
                held = award in case.awards
                if (award, case.case.id, held) not in explained:
                    values = {
                        "award": award_name(award, rules),
                        "published": WORDS["held" if held else "not_held"].text(),
                        "recomputed": WORDS["not_held" if held else "held"].text(),
                    }
                    out.append(VerifyProblem("award_differs", {**params, **values}))
    return out


def _explained(overrides: tuple[Override, ...]) -> set[tuple[str, int, bool]]:
    """(award, case, held) states an audited override accounts for: the last word per award and case."""
    last: dict[tuple[str, int], Override] = {}
    for o in sorted(overrides, key=lambda o: o.id):
        if o.case_id is not None:
            last[(o.award_key, o.case_id)] = o
    return {(award, cid, o.grant) for (award, cid), o in last.items() if o.audited}


def _unaudited_overrides(overrides: tuple[Override, ...], rules: SeasonRules) -> list[VerifyProblem]:
    return [
        VerifyProblem(
            "override_unaudited",
            {"round": o.round_key, "id": o.id, "award": award_name(o.award_key, rules), "subject": o.subject},
        )
        for o in overrides
        if not o.audited
    ]
