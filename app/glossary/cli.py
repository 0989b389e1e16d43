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

#: ``leitai bundle verify / merge / watch``.
BUNDLE: Final[dict[str, Term]] = {
    "line": Term("[{outcome}]{who} {file}: {why}", "[{outcome}]{who} {file}: {why}"),
    "who": Term(" {judge} 修订号 {revision}", " {judge} revision {revision}"),
    "total": Term("共 {n} 份：{counts}", "{n} bundles: {counts}"),
    "count": Term("{name} {n}", "{name} {n}"),
    "watching": Term(
        "正在监视 {folder}，出现的评分包会自动合并（Ctrl-C 停止）。",
        "Watching {folder}: bundles that appear there are merged (Ctrl-C stops).",
    ),
}

#: ``leitai package build / slips / list / verify``.
PACKAGE: Final[dict[str, Term]] = {
    "built_row": Term(
        "{judge}\t{name}\t{cases} 个案例\t访问码 {code}\t{path}",
        "{judge}\t{name}\t{cases} cases\tcode {code}\t{path}",
    ),
    "built": Term(
        "已生成 {n} 份评审包。访问码请另行告知评委（电话或纸条），不要与评审包放在一起。",
        "Built {n} packages. Give each judge the access code separately (by phone or on a slip), never "
        "with the package.",
    ),
    "slips": Term("已为 {n} 位评委写出访问码：{files}。", "Wrote the access codes of {n} judges: {files}."),
    "list_row": Term(
        "{judge}\t{name}\t{cases} 个案例\t{state}\t{file}\t{built}",
        "{judge}\t{name}\t{cases} cases\t{state}\t{file}\t{built}",
    ),
    "check": Term("[{name}] {why}", "[{name}] {why}"),
    "for_judge": Term(
        "评委 {judge} {name}，{round}，{cases} 个案例，已核对 {files} 个文件。",
        "Judge {judge} {name}, {round}, {cases} cases; {files} files checked.",
    ),
    "media_missing": Term(
        "有 {n} 个外部媒体文件未找到（用 --media 指定所在文件夹）。",
        "{n} external media files were not found (give their folder with --media).",
    ),
}
