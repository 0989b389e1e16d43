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
    "cases": Term("共 {n} 个案例。", "Cases: {n}."),
    "deadline_left": Term("{date}（还剩 {days} 天）", "{date} ({days} days left)"),
    "deadline_today": Term("{date}（今天截止）", "{date} (due today)"),
    "deadline_over": Term("{date}（已超期 {days} 天）", "{date} ({days} days overdue)"),
    "approved": Term("已通过 {n} 个案例。", "Cases approved: {n}."),
    "approved_none": Term("已通过 0 个案例（状态未变）。", "Cases approved: 0 (nothing changed)."),
    "rejected_from_findings": Term(
        "已驳回 {n} 个案例（原因取自检查结果）。", "Cases rejected: {n} (reasons taken from the findings)."
    ),
    "rejected": Term("已驳回 {n} 个案例。", "Cases rejected: {n}."),
    "approved_clean": Term("已通过 {n} 个无问题的案例。", "Cases with no problems approved: {n}."),
    "nothing_to_undo": Term("没有可以撤销的审核操作。", "No screening step to undo."),
    "undone": Term("已撤销：{n} 个案例恢复原状态。", "Undone: {n} case(s) back as they were."),
    "exported": Term("已导出 {n} 个驳回案例到 {path}。", "Exported the rejected cases ({n}) to {path}."),
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
        "Packages built: {n}. Give each judge the access code separately (by phone or on a slip), never "
        "with the package.",
    ),
    "slips": Term("已为 {n} 位评委写出访问码：{files}。", "Access codes written for {n} judge(s): {files}."),
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

#: Questions the command asks on a terminal.
PROMPTS: Final[dict[str, Term]] = {
    "passphrase": Term("主办方密钥口令: ", "Organizer passphrase: "),
    "access_code": Term("访问码: ", "Access code: "),
}

#: ``leitai init / demo / info``.
WORKSPACE: Final[dict[str, Term]] = {
    "created": Term(
        "已在 {folder} 创建工作区：{competition}（{season} 届），主办方签名密钥已用口令加密保存。",
        "Created a workspace in {folder}: {competition} ({season} season). The organizer's signing key "
        "is sealed under the passphrase.",
    ),
    "progress_cases": Term("生成演示案例", "Making demo cases"),
    "progress_scores": Term("演示评委评分", "Demo judges scoring"),
    "demo": Term(
        "已在 {folder} 生成演示比赛：{cases} 个案例，{themes} 个主题，{regions} 个赛区，{judges} 位评委。",
        "Made a demo competition in {folder}: {cases} cases, {themes} themes, {regions} regions, "
        "{judges} judges.",
    ),
    "demo_bundles": Term(
        "已写出 {n} 份评委评分包到 {folder}（主办方口令 {passphrase}）。",
        "Wrote {n} judges' score bundles to {folder} (organizer passphrase {passphrase}).",
    ),
    "title": Term("{competition}（{season} 届）", "{competition} ({season} season)"),
    "counts": Term("案例 {cases} 个，评委 {judges} 位", "{cases} cases, {judges} judges"),
    "by_theme": Term("按主题：{counts}", "By theme: {counts}"),
    "by_region": Term("按赛区：{counts}", "By region: {counts}"),
    "by_status": Term("按状态：{counts}", "By status: {counts}"),
    "rounds": Term("轮次：{rounds}", "Rounds: {rounds}"),
}

#: ``leitai judges …``.
JUDGES: Final[dict[str, Term]] = {
    "problem": Term("第 {row} 行：{problem}", "Row {row}: {problem}"),
    "imported": Term(
        "已导入 {added} 位评委，跳过 {skipped} 行。", "Judges enrolled: {added}; rows skipped: {skipped}."
    ),
    "enrolled": Term("已登记评委 {code} {name}。", "Enrolled judge {code} {name}."),
    "row": Term(
        "{code}\t{name}\t{institution}\t{province}\t主题 {themes}\t{status}",
        "{code}\t{name}\t{institution}\t{province}\tthemes {themes}\t{status}",
    ),
    "count": Term("共 {n} 位评委。", "Judges: {n}."),
    "expertise": Term(
        "擅长主题：{themes}；状态：{status} {reason}", "Themes: {themes}; status: {status} {reason}"
    ),
    "saved": Term("已保存评委 {code} {name}。", "Saved judge {code} {name}."),
    "conflict_added": Term("已记录回避 #{id}：{subject}", "Conflict #{id} recorded: {subject}"),
    "conflict_removed": Term("已撤销回避 #{id}。", "Conflict #{id} withdrawn."),
    "handover": Term(
        "{round}：保留已提交 {kept} 个，转交 {released} 个{to}",
        "{round}: {kept} submitted kept, {released} handed over{to}",
    ),
    "handed_to": Term("（给 {judges}）", " (to {judges})"),
    "pending_package": Term("{judge}（{round}）", "{judge} ({round})"),
    "needs_package": Term(
        "需要重新生成评审包：{pending}（leitai package build --judge …）",
        "Packages to build again: {pending} (leitai package build --judge …)",
    ),
    "dropped": Term("评委 {judge} 已退出。", "Judge {judge} has dropped out."),
    "reinstated": Term("评委 {judge} 已恢复。", "Judge {judge} is back."),
}

#: ``leitai round …``.
ROUND: Final[dict[str, Term]] = {
    "judges": Term("{n} 位评委", "{n} judges"),
    "judges_named": Term("{n} 位评委（指定）", "{n} judges (chosen)"),
    "row": Term(
        "{key}\t{name}\t{status}\t{cases} 个案例\t{judges}\t每案 {per_case} 位"
        "\t已提交 {submitted}/{assignments}",
        "{key}\t{name}\t{status}\t{cases} cases\t{judges}\t{per_case} per case"
        "\tsubmitted {submitted}/{assignments}",
    ),
    "head": Term(
        "{name}（{key}）：{status}，{cases} 个案例，{judges} 位评委",
        "{name} ({key}): {status}, {cases} cases, {judges} judges",
    ),
    "settings": Term(
        "每案 {per_case} 位评委；避开同省：{province}；避开同赛区：{region}；{expertise}；每人上限：{limit}",
        "{per_case} judges per case; avoid the same province: {province}; avoid the same region: "
        "{region}; {expertise}; at most per judge: {limit}",
    ),
    "case_reason": Term("：{reason}", ": {reason}"),
    "saved": Term("已保存：每案 {per_case} 位评委。", "Saved: {per_case} judges per case."),
    "judges_set": Term("本轮评委：{judges}", "Judges of the round: {judges}"),
    "judges_all": Term("本轮评委：所有在岗评委。", "Judges of the round: every active judge."),
    "admitted": Term(
        "已有 {n} 个案例进入「{round}」（调整 {adjusted} 处）。",
        "{n} cases are in “{round}” ({adjusted} adjustments).",
    ),
    "group": Term("{name}：{cases} 个案例{quota}{tie}", "{name}: {cases} cases{quota}{tie}"),
    "quota": Term("，晋级 {n} 个", ", {n} advance"),
    "boundary_tie": Term("（名次边界有并列，请复核）", " (a tie at the cut: check it)"),
}

#: ``leitai assign …``.
ASSIGN: Final[dict[str, Term]] = {
    "progress": Term("分配", "Assigning"),
    "report": Term(
        "{round}：{cases} 个案例 × 每案 {per_case} 位评委，{judges} 位评委；新增 {created} 条分配。"
        "每位评委 {low}–{high} 个案例（相差 {spread}），未能避开的软冲突 {soft} 处，非擅长主题 {misses} 处，"
        "种子 {seed}，用时 {seconds} 秒。",
        "{round}: {cases} cases × {per_case} judges each, {judges} judges; {created} assignments added. "
        "{low}–{high} cases per judge (spread {spread}), {soft} soft conflicts not avoided, {misses} "
        "outside a judge's themes, seed {seed}, {seconds} s.",
    ),
    "judge_row": Term(
        "{code}\t{name}\t分配 {assigned}\t已评 {scored}\t已提交 {submitted}\t回避 {recused}"
        "\t最近评分包 {last}（UTC）\t修订号 {revision}",
        "{code}\t{name}\tassigned {assigned}\tscored {scored}\tsubmitted {submitted}\trecused {recused}"
        "\tlast bundle {last} (UTC)\trevision {revision}",
    ),
    "short": Term(
        "案例 {case} 只有 {judges}/{per_case} 位评委", "Case {case} has only {judges}/{per_case} judges"
    ),
    "totals": Term(
        "{cases} 个案例，{judges} 位评委，案例数相差 {spread}。",
        "{cases} cases, {judges} judges; cases per judge differ by {spread}.",
    ),
    "added": Term("已把 {judge} 加到案例 {case}。", "Added {judge} to case {case}."),
    "removed": Term("已把 {judge} 从案例 {case} 撤下。", "Took {judge} off case {case}."),
    "swapped": Term("已替换案例 {case}：{out} → {in_}", "Swapped on case {case}: {out} → {in_}"),
    "warning": Term("  注意：{warning}", "  Note: {warning}"),
}

#: ``leitai judge …`` (the judge's side).
JUDGE: Final[dict[str, Term]] = {
    "progress_verify": Term("校验", "Checking"),
    "opened": Term(
        "已打开评审包：{competition}，{round}，评委 {judge} {name}，{cases} 个案例。",
        "Opened the package: {competition}, {round}, judge {judge} {name}, {cases} cases.",
    ),
    "fingerprint": Term(
        "主办方密钥指纹：{fingerprint}（请与主办方核对）",
        "Organizer key fingerprint: {fingerprint} (compare it with the organizer's)",
    ),
    "media_missing": Term(
        "有 {n} 个外部媒体文件尚未找到：用 --media 指定存放它们的文件夹。",
        "{n} external media files are not found yet: give their folder with --media.",
    ),
    "total": Term("，合计 {total:g}", ", total {total:g}"),
    "saved": Term("案例 {case}：已保存（{state}{total}）。", "Case {case}: saved ({state}{total})."),
    "submitted": Term("案例 {case} 的评分已提交。", "Case {case}: scores submitted."),
    "reopened": Term("案例 {case} 已撤回，可以修改。", "Case {case} is open again for changes."),
    "recused": Term("已回避案例 {case}。", "Recused from case {case}."),
    "exported": Term(
        "已导出评分包 {path}（修订号 {revision}：{scored} 个案例有分数，"
        "{submitted} 个已提交，{recused} 个回避）。",
        "Exported the score bundle {path} (revision {revision}: {scored} cases scored, {submitted} "
        "submitted, {recused} recused).",
    ),
    "answer": Term("{name}：{message}", "{name}: {message}"),
}

#: ``leitai live …``.
LIVE: Final[dict[str, Term]] = {
    "session": Term("现场赛 #{id}：{round} {group}", "Live session #{id}: {round} {group}"),
    "judges": Term("评委（{n} 位）：{judges}", "Judges ({n}): {judges}"),
    "times": Term(
        "每个案例：演讲 {talk} 分钟 + 答辩 {questions} 分钟",
        "Each case: {talk} min talk + {questions} min questions",
    ),
    "order": Term("出场顺序：{how}", "Order: {how}"),
    "ranking": Term("排名：", "Ranking:"),
    "rank_row": Term(
        "{rank:>3}. {case}\t{score}\t（{marks} 位评委）", "{rank:>3}. {case}\t{score}\t({marks} judges)"
    ),
    "arrival": Term("{at} [{name}]{who}（{sender}）{why}", "{at} [{name}]{who} ({sender}) {why}"),
    "who": Term(" {judge} 修订号 {revision}", " {judge} revision {revision}"),
    "receiving": Term(
        "正在接收评分包：{url}（Ctrl-C 停止）", "Receiving score bundles at {url} (Ctrl-C stops)"
    ),
    "stopped": Term("已停止接收。", "Stopped receiving."),
}

#: How ``leitai results rank / judges / draw`` frame their lines (the words are app.glossary.results').
RESULTS: Final[dict[str, Term]] = {
    "head": Term("{round}｜{method_label}：{method}", "{round} | {method_label}: {method}"),
    "group": Term("【{group}】", "[{group}]"),
    "awards": Term("〔{awards}〕", "[{awards}]"),
    "note": Term("（{note}）", "({note})"),
    "override": Term(
        "{label}：{verb}“{award}” {subject}｜{reason}", "{label}: {verb} “{award}” {subject} | {reason}"
    ),
    "draw": Term("{group}｜{seed_label} {seed}｜{order}", "{group} | {seed_label} {seed} | {order}"),
}
