# SPDX-License-Identifier: Apache-2.0
"""Messages of errors about rounds: their cases, their settings, advancing cases between rounds."""

from __future__ import annotations

from app.glossary import Term

MESSAGES: dict[str, Term] = {
    "round_closed": Term(
        "轮次「{round}」已结束，不能再修改。", "Round “{round}” is closed and can no longer be changed."
    ),
    "round_no_cases": Term(
        "轮次「{round}」还没有案例：请先把案例晋级到这一轮（leitai round advance）。",
        "Round “{round}” has no cases yet: advance cases into it first (leitai round advance).",
    ),
    "round_no_judges": Term(
        "轮次「{round}」没有可用的评委（在岗、且属于本轮）。",
        "Round “{round}” has no judge available (active and named for the round).",
    ),
    "round_has_no_entry": Term(
        "「{round}」不从其他轮次晋级：每个提交的案例都进入这一轮。",
        "Nothing advances into “{round}”: every submitted case takes part in it.",
    ),
    "round_already_assigned": Term(
        "轮次「{round}」已经分配了评委，不能再改变它的案例名单。",
        "Round “{round}” already has judges assigned; its list of cases can no longer change.",
    ),
    "advance_needs_ranking": Term(
        "「{round}」还没有排名：请用 --cases 或 --from-file 给出晋级名单。",
        "“{round}” has no ranking yet: give the list of advancing cases with --cases or --from-file.",
    ),
    "advance_needs_number": Term(
        "晋级规则「{award}」没有规定人数：请用 --count 或 --fraction 指定每组晋级多少。",
        "The advance rule “{award}” gives no number: say how many advance per group with --count or "
        "--fraction.",
    ),
    "advance_reason_required": Term(
        "调整晋级名单必须写明原因（案例 {case}）。",
        "Every change to the proposed list needs a reason (case {case}).",
    ),
    "advance_case_not_in_round": Term(
        "案例 {case} 不在轮次「{round}」中，不能晋级。",
        "Case {case} is not in round “{round}” and cannot advance.",
    ),
    "advance_empty": Term(
        "晋级名单是空的：没有案例进入「{round}」。", "The list is empty: no case would enter “{round}”."
    ),
    "bad_per_case": Term(
        "每个案例的评委人数应为 1 到 50，实为 {per_case}。",
        "Judges per case must be between 1 and 50, not {per_case}.",
    ),
    "bad_max_per_judge": Term(
        "每位评委的案例上限应至少为 1，实为 {max_per_judge}。",
        "The most cases per judge must be at least 1, not {max_per_judge}.",
    ),
    "bad_expertise_mode": Term(
        "擅长主题的用法应为 prefer、require 或 ignore，实为 {mode}。",
        "Expertise must be prefer, require or ignore, not {mode}.",
    ),
}
