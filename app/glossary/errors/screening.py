# SPDX-License-Identifier: Apache-2.0
"""Messages of errors in screening (初筛) and in tidying hospital names."""

from __future__ import annotations

from app.glossary import Term

MESSAGES: dict[str, Term] = {
    "reason_required": Term("驳回案例必须填写原因。", "A rejection needs a reason."),
    "reason_required_clean": Term(
        "案例 {case} 没有违规问题：请用 --reason 写明驳回原因。",
        "Case {case} has no violations: give the rejection's reason with --reason.",
    ),
    "nothing_to_approve": Term(
        "没有待初筛且无问题的案例。", "No case is waiting for screening without problems."
    ),
    "bad_status": Term("未知的状态 {status}。", "Unknown status {status}."),
    "no_cases": Term("没有选择案例。", "No case is selected."),
    "case_unknown": Term("找不到案例 {cases}。", "Case {cases} was not found."),
    "merge_same": Term("要合并的两个医院名称相同。", "The two hospital names to merge are the same."),
    "merge_other_province": Term(
        "“{merged}”与“{kept}”不在同一省份，不能合并。",
        "“{merged}” and “{kept}” are in different provinces and cannot be merged.",
    ),
    "hospital_unknown": Term(
        "工作区中没有名为“{name}”的医院。", "The workspace has no hospital named “{name}”."
    ),
}
