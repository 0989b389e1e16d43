# SPDX-License-Identifier: Apache-2.0
"""The checks that look across cases: one hospital under several spellings, two cases of one hospital
in one theme. They run over a whole source plus the workspace's cases, and again after every change."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.intake.findings import Finding, finding
from app.intake.hospitals import name_key, spelling_groups


@dataclass(frozen=True, slots=True)
class CaseKey:
    """What the cross-case checks need of a case: who submitted it, where, in which theme."""

    case_id: str
    hospital: str
    province: str  #: resolved province name, or the sheet's text when unknown
    theme: int | None


def cross_case_findings(
    cases: Sequence[CaseKey], aliases: Mapping[str, str] | None = None
) -> dict[str, list[Finding]]:
    """``hospital_name_inconsistent`` and ``duplicate_theme`` over a set of cases, by case id.

    Spellings are compared within one province; cases under a less used spelling are flagged with the
    spelling they likely mean. A hospital (all its spellings together, and its exact name in any
    province) with two or more cases in one theme gets every such case flagged.
    """
    aliases = aliases or {}
    out: dict[str, list[Finding]] = defaultdict(list)
    groups = spelling_groups(((c.province, c.hospital) for c in cases), aliases)
    canonical: dict[tuple[str, str], str] = {}
    for group in groups:
        for spelling in group.counts:
            canonical[(group.province, spelling)] = group.main
    for case in cases:
        spelling = aliases.get(case.hospital, case.hospital)
        main = canonical.get((case.province, spelling), spelling)
        if main != spelling:
            group = next(g for g in groups if g.province == case.province and g.main == main)
            out[case.case_id].append(
                finding(
                    "hospital_name_inconsistent",
                    spelling=case.hospital,
                    likely=main,
                    counts=dict(group.counts),
                )
            )
    # One hospital is one name: the same full name under two provinces is the same hospital (with a
    # wrong province on one case), as the workspace also stores it — so no province in this key.
    by_theme: dict[tuple[str, int], list[CaseKey]] = defaultdict(list)
    mains: dict[str, str] = {}
    for case in cases:
        if case.theme is None:
            continue
        spelling = aliases.get(case.hospital, case.hospital)
        main = canonical.get((case.province, spelling), spelling)
        mains.setdefault(name_key(main), main)
        by_theme[(name_key(main), case.theme)].append(case)
    for (key, theme), members in by_theme.items():
        main = mains[key]
        if len(members) < 2:
            continue
        codes = sorted(m.case_id for m in members)
        for case in members:
            others = [c for c in codes if c != case.case_id]
            out[case.case_id].append(finding("duplicate_theme", theme=theme, hospital=main, others=others))
    return dict(out)
