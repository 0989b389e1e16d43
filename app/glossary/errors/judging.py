# SPDX-License-Identifier: Apache-2.0
"""Messages of errors about cases, judges, rounds and assignments in the organizer's workspace."""

from __future__ import annotations

from app.glossary import Term

MESSAGES: dict[str, Term] = {
    "case_exists": Term("案例编号 {case_code} 已存在。", "A case with the code {case_code} already exists."),
    "judge_exists": Term(
        "评委编号 {judge_code} 已存在。", "A judge with the code {judge_code} already exists."
    ),
    "unknown_judge": Term("没有评委 {judge}。", "There is no judge {judge}."),
    "unknown_round": Term("没有轮次 {round}。", "There is no round {round}."),
    "no_judges": Term("还没有评委，无法分配案例。", "There are no judges yet to assign cases to."),
    # ``column`` is the roster's header as judges' sheets write it (姓名).
    "no_header": Term(
        "{name} 的前 10 行中找不到“{column}”列。",
        "No “{column}” (name) column in the first 10 rows of {name}.",
    ),
    "no_rubric": Term(
        "轮次“{round_name}”没有评分细则，不能生成评审包。",
        "The round “{round_name}” has no rubric; no judge package can be built.",
    ),
    "no_assignment": Term(
        "评委 {judge} 在轮次“{round_name}”没有分配到案例。",
        "Judge {judge} has no cases assigned in the round “{round_name}”.",
    ),
    "round_unassigned": Term(
        "轮次“{round_name}”还没有分配案例。", "No cases are assigned in the round “{round_name}” yet."
    ),
}
