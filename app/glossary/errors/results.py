# SPDX-License-Identifier: Apache-2.0
"""Messages of the results area: rounds, scoring methods, draws, overrides, votes, verification."""

from __future__ import annotations

from app.glossary import Term

MESSAGES: dict[str, Term] = {
    "unknown_method": Term(
        "没有计分方法 {method}（可用：{known}）。", "There is no scoring method {method} (known: {known})."
    ),
    "override_needs_reason": Term("调整奖项必须写明理由。", "An award override needs a reason."),
    "override_reason_too_long": Term(
        "理由过长：最多 {limit} 个字。", "The reason is too long: at most {limit} characters."
    ),
    "award_not_in_round": Term(
        "奖项 {award} 不由轮次 {round} 决定（本轮奖项：{known}）。",
        "Award {award} is not decided by round {round} (its awards: {known}).",
    ),
    "override_unknown_case": Term("没有案例 {case}。", "There is no case {case}."),
    "override_unknown_hospital": Term("没有医院“{hospital}”。", "There is no hospital “{hospital}”."),
    "votes_columns": Term(
        "投票表 {file} 需要“案例编号”和“网络投票”两列；表中的列：{headers}",
        "The votes sheet {file} needs a case code column and a votes column; it has: {headers}",
    ),
    "votes_invalid": Term(
        "投票表第 {row} 行：票数“{value}”不是非负整数。",
        "Votes sheet row {row}: “{value}” is not a whole number of votes.",
    ),
    "votes_unknown_case": Term(
        "投票表第 {row} 行：没有案例 {case}。", "Votes sheet row {row}: there is no case {case}."
    ),
    "votes_duplicate_case": Term(
        "投票表第 {row} 行：案例 {case} 已在第 {first} 行出现。",
        "Votes sheet row {row}: case {case} already appears in row {first}.",
    ),
    "certificate_template": Term(
        "奖状模板 {path} 有误：{problem}", "The certificate template {path} is not valid: {problem}"
    ),
}
