# SPDX-License-Identifier: Apache-2.0
"""Names of the judging desk: round states, judge states, conflict kinds, how a case entered a round, and
the reasons an assignment has no solution — for the CLI, the GUI and exports alike."""

from __future__ import annotations

from typing import Final

from app.glossary import Term

#: A round's state, derived from its facts (``app.rounds.RoundStatus``).
ROUND_STATUS: Final[dict[str, Term]] = {
    "empty": Term("未有案例", "No cases"),
    "unassigned": Term("待分配", "To assign"),
    "assigned": Term("评审中", "Judging"),
    "closed": Term("已结束", "Closed"),
}

#: A judge's state (``app.models.JudgeStatus``).
JUDGE_STATUS: Final[dict[str, Term]] = {
    "active": Term("在岗", "Active"),
    "dropped": Term("已退出", "Dropped out"),
}

#: Why a judge may not (hard) or should not (soft) score a case (``app.judging.conflicts``).
CONFLICT_KINDS: Final[dict[str, Term]] = {
    "institution": Term("本单位", "Own institution"),
    "declared_hospital": Term("声明回避的医院", "Declared: hospital"),
    "declared_case": Term("声明回避的案例", "Declared: case"),
    "recused": Term("已在评分包中回避", "Recused in a bundle"),
    "expertise": Term("非擅长主题（本轮要求）", "Not their theme (required this round)"),
    "same_province": Term("同省", "Same province"),
    "same_region": Term("同赛区", "Same region"),
}

#: How a case came into a round (``app.models.Admission``).
ADMISSION: Final[dict[str, Term]] = {
    "approved": Term("初筛通过", "Passed screening"),
    "rule": Term("按规则晋级", "Advanced by the rule"),
    "adjusted": Term("组织者调整", "Adjusted by the organizer"),
    "list": Term("按名单晋级", "Advanced from a list"),
}

#: How themes of expertise weigh (``app.models.ExpertiseMode``).
EXPERTISE_MODE: Final[dict[str, Term]] = {
    "prefer": Term("优先擅长主题", "Prefer their themes"),
    "require": Term("只分配擅长主题", "Only their themes"),
    "ignore": Term("不考虑擅长主题", "Ignore themes"),
}

#: Why some cases cannot get K judges; filled from ``app.judging.assignment.Shortfall``.
SHORTFALL: Final[dict[str, Term]] = {
    "too_few_eligible": Term(
        "{group}：{cases} 个案例只有 {eligible} 位可选评委，每个案例需要 {per_case} 位",
        "{group}: {cases} cases have only {eligible} eligible judges, K = {per_case}",
    ),
    "capacity": Term(
        "{cases} 个案例共需 {needed} 个评审名额，它们的 {judges} 位可选评委最多只能承担 {available} 个"
        "（每人至多 {max_per_judge} 个）",
        "{cases} cases need {needed} judge places; their {judges} eligible judges can take at most "
        "{available} ({max_per_judge} each)",
    ),
    "excluded": Term(
        "本轮 {judges} 位评委中：本单位 {institution} 位，声明回避 {declared} 位，已回避 {recused} 位，"
        "非擅长主题 {expertise} 位",
        "of the round's {judges} judges: {institution} own institution, {declared} declared, "
        "{recused} recused, {expertise} not their theme",
    ),
}

#: Warnings of a manual edit (``app.judging.assignment.edits.EditWarning``).
EDIT_WARNINGS: Final[dict[str, Term]] = {
    "same_province": Term(
        "评委 {judge} 与案例 {case} 同省。", "Judge {judge} is in the same province as case {case}."
    ),
    "same_region": Term(
        "评委 {judge} 与案例 {case} 同赛区。", "Judge {judge} is in the same region as case {case}."
    ),
    "case_short": Term(
        "案例 {case} 现在只有 {judges} 位评委，本轮每个案例需要 {per_case} 位。",
        "Case {case} now has {judges} judges; the round asks for {per_case}.",
    ),
    "loads_apart": Term(
        "评委的案例数现在最多与最少相差 {spread} 个。", "Judges' loads now differ by {spread} cases."
    ),
    "package_outdated": Term(
        "评委 {judges} 的评审包已经发出，需要重新生成。",
        "Judges {judges} already have packages; build them again.",
    ),
}

#: Group names of advance proposals (a theme's is ``app.glossary.terms.theme_label``).
GROUP: Final[dict[str, Term]] = {
    "all": Term("全部案例", "All cases"),
}


def name(table: dict[str, Term], key: str, lang: str | None = None, /, **params: object) -> str:
    """The text of ``key`` in ``table`` (the key itself for an unknown one, so nothing is lost)."""
    term = table.get(key)
    return term.text(lang, **params) if term is not None else key
