# SPDX-License-Identifier: Apache-2.0
"""What the ``leitai`` command prints for a person, in zh and en (``LEITAI_LANG``; zh by default).

One table per command area; a line is one :class:`~app.glossary.Term` with named placeholders, so adding
what a command says is one line here. Names (statuses, rounds, outcomes…) come from
``app.glossary.terms``; data (hospitals, titles, judges' names) is printed as it is. Results have their
own table (``app.glossary.results.CLI``). JSON output carries codes and data, not these sentences.
"""

from __future__ import annotations

from typing import Final

from app.glossary import Term

#: Words several commands use.
COMMON: Final[dict[str, Term]] = {
    "none": Term("无", "none"),
    "yes": Term("是", "yes"),
    "no": Term("否", "no"),
    "unlimited": Term("不限", "no limit"),
}

#: ``leitai intake check / import / findings``.
INTAKE: Final[dict[str, Term]] = {
    "progress_check": Term("检查文件", "Checking files"),
    "progress_store": Term("导入案例", "Importing cases"),
    "case_head": Term("{case}  {hospital}（{where}）", "{case}  {hospital} ({where})"),
    "where": Term("{region}·{theme}", "{region} · {theme}"),
    "summary": Term(
        "共 {cases} 个案例，合格 {clean} 个；问题：{problems}",
        "{cases} cases, {clean} clean; problems: {problems}",
    ),
    "count": Term("{name} {n}", "{name} {n}"),
    "imported": Term(
        "导入 {cases} 个案例：新增 {added}，重新提交 {resubmitted}，未变 {unchanged}；"
        "无违规 {clean} 个，有问题 {problems} 个。",
        "Imported {cases} cases: {added} new, {resubmitted} resubmitted, {unchanged} unchanged; "
        "{clean} clean, {problems} with problems.",
    ),
    "no_findings": Term("案例 {case} 没有发现问题。", "Case {case}: no problems found."),
}

#: ``leitai screen …``.
SCREEN: Final[dict[str, Term]] = {
    "problems": Term("问题 {n}", "{n} problems"),
    "no_problems": Term("无问题", "no problems"),
    "cases": Term("共 {n} 个案例。", "{n} cases."),
    "deadline_left": Term("{date}（还剩 {days} 天）", "{date} ({days} days left)"),
    "deadline_today": Term("{date}（今天截止）", "{date} (due today)"),
    "deadline_over": Term("{date}（已超期 {days} 天）", "{date} ({days} days overdue)"),
    "approved": Term("已通过 {n} 个案例。", "Approved {n} cases."),
    "approved_none": Term("已通过 0 个案例（状态未变）。", "Approved 0 cases (nothing changed)."),
    "rejected_from_findings": Term(
        "已驳回 {n} 个案例（原因取自检查结果）。", "Rejected {n} cases (reasons taken from the findings)."
    ),
    "rejected": Term("已驳回 {n} 个案例。", "Rejected {n} cases."),
    "approved_clean": Term("已通过 {n} 个无问题的案例。", "Approved {n} cases with no problems."),
    "nothing_to_undo": Term("没有可以撤销的审核操作。", "No screening step to undo."),
    "undone": Term("已撤销：{n} 个案例恢复原状态。", "Undone: {n} cases are back as they were."),
    "exported": Term("已导出 {n} 个驳回案例到 {path}。", "Exported {n} rejected cases to {path}."),
}

#: ``leitai hospitals …``.
HOSPITALS: Final[dict[str, Term]] = {
    "row": Term("{province}  {name}{aka}  {cases} 个案例", "{province}  {name}{aka}  {cases} cases"),
    "aka": Term("（又名 {aliases}）", " (also {aliases})"),
    "suggest": Term(
        "建议合并：“{spelling}” → “{likely}”   {command}", "Merge?  “{spelling}” → “{likely}”   {command}"
    ),
    "merged": Term(
        "已将“{merged}”合并到“{kept}”：{n} 个案例。", "Merged “{merged}” into “{kept}”: {n} cases."
    ),
}
