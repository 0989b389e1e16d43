# SPDX-License-Identifier: Apache-2.0
"""Messages of errors about the judge roster, conflicts of interest and assigning judges to cases."""

from __future__ import annotations

from app.glossary import Term

MESSAGES: dict[str, Term] = {
    "assign_needs_round": Term(
        "请给出 --workspace 和 --round（或一个操作：fill、show、add、remove、swap）。",
        "Give --workspace and --round (or an action: fill, show, add, remove, swap).",
    ),
    "assignment_infeasible": Term(
        "无法给每个案例分配 {per_case} 位评委：{count} 个案例的可选评委不够（{cases}）。",
        "Cannot give every case {per_case} judges: {count} cases lack eligible judges ({cases}).",
    ),
    "assignment_exists": Term(
        "轮次「{round}」已经分配过评委；要重新分配请加 --replace，要补足缺的评委请用 assign fill。",
        "Round “{round}” is already assigned; add --replace to assign it anew, or use assign fill to add "
        "missing judges.",
    ),
    "assignment_has_scores": Term(
        "轮次「{round}」已收到 {count} 份评分，不能整体重新分配；请用补充分配或逐个调整。",
        "Round “{round}” already holds {count} scored assignments and cannot be assigned anew; fill "
        "it or edit it case by case.",
    ),
    "conflict_institution": Term(
        "评委 {judge} 不能评审案例 {case}：案例来自评委本单位（{hospital}）。",
        "Judge {judge} cannot score case {case}: it comes from the judge's own institution ({hospital}).",
    ),
    "conflict_declared": Term(
        "评委 {judge} 不能评审案例 {case}：已声明回避（{reason}）。",
        "Judge {judge} cannot score case {case}: a declared conflict of interest ({reason}).",
    ),
    "conflict_recused": Term(
        "评委 {judge} 不能评审案例 {case}：评委已在评分包中回避此案例。",
        "Judge {judge} cannot score case {case}: the judge recused themselves from it in a bundle.",
    ),
    "conflict_expertise": Term(
        "评委 {judge} 不能评审案例 {case}：本轮只分配评委擅长主题的案例。",
        "Judge {judge} cannot score case {case}: this round gives judges only cases of their themes.",
    ),
    "judge_dropped": Term(
        "评委 {judge} 已退出，不能再分配案例。", "Judge {judge} has dropped out and gets no more cases."
    ),
    "judge_already_dropped": Term("评委 {judge} 已经退出。", "Judge {judge} has already dropped out."),
    "judge_not_dropped": Term("评委 {judge} 没有退出。", "Judge {judge} has not dropped out."),
    "drop_reason_required": Term("评委退出必须写明原因。", "A judge's drop-out needs a reason."),
    "judge_not_in_round": Term(
        "评委 {judge} 不是轮次「{round}」的评委。", "Judge {judge} does not judge round “{round}”."
    ),
    "case_not_in_round": Term(
        "案例 {case} 不在轮次「{round}」中。", "Case {case} is not in round “{round}”."
    ),
    "already_assigned": Term(
        "评委 {judge} 已在评审案例 {case}。", "Judge {judge} already scores case {case}."
    ),
    "not_assigned": Term("评委 {judge} 没有评审案例 {case}。", "Judge {judge} does not score case {case}."),
    "assignment_scored": Term(
        "评委 {judge} 已提交案例 {case} 的评分，不能撤下。",
        "Judge {judge} has submitted a score for case {case}; it cannot be taken away.",
    ),
    "case_full": Term(
        "案例 {case} 已有 {per_case} 位评委；请用“替换”。",
        "Case {case} already has {per_case} judges; swap one instead.",
    ),
    "same_judge": Term("替换前后是同一位评委 {judge}。", "Both sides of the swap are judge {judge}."),
    "conflict_target_required": Term(
        "声明回避需指定一家医院或一个案例。", "A declared conflict names one hospital or one case."
    ),
    "conflict_unknown": Term(
        "评委 {judge} 没有编号为 {conflict} 的回避记录。", "Judge {judge} has no conflict number {conflict}."
    ),
    "judge_name_required": Term("评委姓名不能为空。", "A judge needs a name."),
    "theme_unknown": Term("无法识别主题“{theme}”。", "Unknown theme “{theme}”."),
    "province_unknown": Term("无法识别省份“{province}”。", "Unknown province “{province}”."),
}
