# SPDX-License-Identifier: Apache-2.0
"""Names the results show: scoring methods, tie-break steps, judge flags, award names, group names,
export headers — in zh and en, shared by the CLI, the GUI and the xlsx / PDF exports."""

from __future__ import annotations

from app.glossary import Term

#: Scoring methods of a round (Round.scoring_method) and the vote ranking.
METHODS: dict[str, Term] = {
    "mean": Term("平均分", "Mean"),
    "trimmed": Term("去掉一个最高分和一个最低分后的平均分", "Trimmed mean (highest and lowest dropped)"),
    "zscore": Term("评委标准分（Z 分数）换算后的平均分", "Mean of per-judge z-scores mapped onto the scale"),
    "votes": Term("网络投票数", "Public votes"),
}

#: How each method works, for the report's method page.
METHOD_DETAILS: dict[str, Term] = {
    "mean": Term(
        "每位评委的总分为各评分项得分乘以权重之和；案例得分为所有已提交评委总分的平均分（回避不影响得分）。",
        "Each judge's total is the weighted sum of the criteria; a case's score is the mean of the "
        "submitted totals (a recusal does not lower it).",
    ),
    "trimmed": Term(
        "每位评委的总分为各评分项得分乘以权重之和；评委不少于 {n} 位时去掉一个最高分和一个最低分，"
        "其余取平均；少于 {n} 位时取平均分。",
        "Each judge's total is the weighted sum of the criteria; with at least {n} judges one highest "
        "and one lowest total are dropped and the rest averaged; with fewer, the mean.",
    ),
    "zscore": Term(
        "每位评委的总分先按该评委本轮所评全部案例换算为标准分（Z 分数），再按本轮全部总分的平均分和标准差"
        "折回评分尺度（0–{max}），案例得分为折算后分数的平均分。用于各评委所评案例不同的轮次。",
        "Each judge's totals become z-scores over all cases that judge scored in the round, mapped back "
        "onto the scale (0–{max}) with the mean and standard deviation of all totals; a case's score is "
        "the mean of those. For rounds where judges see different cases.",
    ),
    "votes": Term(
        "按网络投票数排名，投票不计入专家评分。", "Ranked by public votes; votes never enter expert scores."
    ),
}

#: Tie-break chain, for the report and the xlsx's explanation column.
TIE_CHAIN: Term = Term(
    "得分相同时依次比较：去极值平均分、中位数、“{criterion}”平均分，仍相同则以记录在案的抽签决定；"
    "未抽签前并列显示。",
    "Equal scores are separated by the trimmed mean, then the median, then the mean on “{criterion}”, "
    "then a recorded draw; until the draw they are shown as tied.",
)

#: ``decided_by`` of a ranked case, and a tie still open.
TIE_STEPS: dict[str, Term] = {
    "trimmed": Term("同分，去极值平均分更高", "equal score, higher trimmed mean"),
    "median": Term("同分，中位数更高", "equal score, higher median"),
    "criterion": Term("同分，“{criterion}”均分更高", "equal score, higher mean on “{criterion}”"),
    "draw": Term("同分，抽签决定", "equal score, decided by a recorded draw"),
    "tied": Term("并列，待抽签", "tied, draw needed"),
}

#: Judge consistency flags.
FLAGS: dict[str, Term] = {
    "harsh": Term("偏严", "harsh"),
    "lenient": Term("偏松", "lenient"),
    "disagrees": Term("排序与其他评委差异大", "ranks unlike the others"),
}

#: Names of results' own award keys (the season files' award names are in app.glossary.terms.AWARDS).
AWARDS: dict[str, Term] = {
    "final_ticket": Term("全国总决赛入场券", "National final ticket"),
}

#: Who made a draw or an override, as the audit records it (anything else is shown as recorded).
ACTORS: dict[str, Term] = {
    "organizer": Term("组委会", "Organizer"),
    "demo": Term("演示", "Demo"),
    "live": Term("现场赛事", "Live session"),
    "rehearsal": Term("彩排", "Rehearsal"),
}

NATIONAL: Term = Term("全国", "National")
GROUP_JOIN = " · "

#: Words of the exports (xlsx headers, PDF headings).
WORDS: dict[str, Term] = {
    "rank": Term("排名", "Rank"),
    "case_code": Term("案例编号", "Case"),
    "title": Term("案例名称", "Title"),
    "hospital": Term("医院", "Hospital"),
    "region": Term("赛区", "Region"),
    "judge_n": Term("评委{n}", "Judge {n}"),
    "score": Term("本轮得分", "Round score"),
    "awards": Term("奖项", "Awards"),
    "tie": Term("同分说明", "Tie"),
    "votes": Term("网络投票", "Votes"),
    "method": Term("计分方法", "Scoring method"),
    "round": Term("轮次", "Round"),
    "judge": Term("评委", "Judge"),
    "cases": Term("评审案例数", "Cases"),
    "severity": Term("宽严偏差", "Severity"),
    "agreement": Term("排序一致性", "Agreement"),
    "noise": Term("离散度", "Noise"),
    "flags": Term("提示", "Flags"),
    "group": Term("分组", "Group"),
    "award": Term("奖项", "Award"),
    "inside": Term("当前获奖", "Holds it now"),
    "gap": Term("分差", "Gap"),
    "margin": Term("一位评委的误差", "One judge's noise"),
    "grant": Term("授予", "granted"),
    "revoke": Term("撤销", "withdrawn"),
    "reason": Term("理由", "Reason"),
    "when": Term("时间", "When"),
    "who": Term("操作人", "By"),
    "subject": Term("对象", "Subject"),
    "drawn": Term("抽签结果", "Draw"),
    "seed": Term("种子", "Seed"),
    "sheet_overview": Term("说明", "About"),
    "sheet_consistency": Term("评委一致性", "Judge consistency"),
    "sheet_cusp": Term("临界案例", "Cusp cases"),
    "sheet_overrides": Term("奖项调整", "Award overrides"),
    "sheet_draws": Term("抽签记录", "Draws"),
    "sheet_judges": Term("评委编号", "Judge numbers"),
    "sheet_season": Term("赛季奖项", "Season awards"),
    "counts": Term(
        "已提交 {submitted} 份，草稿 {drafts} 份（不计入），未开始 {not_started} 份，回避 {recused} 份",
        "{submitted} submitted, {drafts} drafts (not counted), {not_started} not started, {recused} recused",
    ),
    "unscored": Term("{n} 个案例尚无已提交的评分", "{n} cases have no submitted score yet"),
    "pending": Term(
        "“{award}”尚有 {places} 个名额待抽签：{cases}",
        "“{award}”: {places} places await a draw among {cases}",
    ),
    "no_overrides": Term("无调整。", "No overrides."),
    "report_title": Term("{round}评审结果", "Results of the {round}"),
    "generated": Term("生成时间：{when}", "Generated {when}"),
    "consistency_title": Term("评委一致性（宽严偏差，分）", "Judge consistency (severity, points)"),
    "consistency_note": Term(
        "偏差为该评委总分减去其他评委在同一案例上的平均分的均值；负值偏严，正值偏松。"
        "一位评委的误差约 {noise} 分。",
        "Severity is a judge's mean offset from the others' mean on the same cases; negative is harsher. "
        "One judge's noise is about {noise} points.",
    ),
    "chart_legend": Term(
        "红色：需要关注的评委（偏严、偏松或排序与其他评委差异大）；右侧 ρ 为排序一致性。",
        "Red: judges to look at (harsh, lenient or ranking unlike the others); ρ on the right is agreement.",
    ),
    "cusp_title": Term("临界案例（建议发布前复核）", "Cusp cases (a second look before release)"),
    "certificate": Term("荣誉证书", "Certificate"),
    "held": Term("获得", "held"),
    "dropped_note": Term(
        "括号中的分数为去掉的一个最高分和一个最低分。", "Marks in brackets were dropped (highest, lowest)."
    ),
    "item": Term("项目", "Item"),
    "content": Term("内容", "Details"),
    "competition": Term("比赛", "Competition"),
    "season": Term("赛季", "Season"),
    "code": Term("编号", "Code"),
    "name": Term("姓名", "Name"),
    "boundary": Term("边界得分", "Boundary score"),
    "change": Term("调整", "Change"),
    "by_override": Term("经奖项调整授予", "granted by an override"),
    "case_count": Term("案例数", "Cases"),
    "not_held": Term("未获得", "not held"),
    "hospital_cases": Term("{hospital}（{province}，{n} 个案例）", "{hospital} ({province}, {n} cases)"),
}

#: What the ``leitai results`` commands (and ``demo --play-through``) say when they are done.
CLI: dict[str, Term] = {
    "method_set": Term("{round}的计分方法：{method}", "Scoring method of the {round}: {method}"),
    "no_ties": Term("没有需要抽签的并列。", "No tie needs a draw."),
    "draws_recorded": Term(
        "已记录 {n} 次抽签（按 SHA-256 排序，可复核）。",
        "{n} draws recorded (ordered by SHA-256, checkable).",
    ),
    "granted": Term(
        "已授予“{award}”：{subject}（理由：{reason}，记录 {id}）",
        "Granted “{award}”: {subject} (reason: {reason}, record {id})",
    ),
    "revoked": Term(
        "已撤销“{award}”：{subject}（理由：{reason}，记录 {id}）",
        "Withdrew “{award}”: {subject} (reason: {reason}, record {id})",
    ),
    "votes_read": Term(
        "读取 {rows} 行：{changed} 个案例的票数有变化，{unchanged} 个不变。",
        "Read {rows} rows: {changed} cases' votes changed, {unchanged} unchanged.",
    ),
    "written": Term("已写出 {path}", "Wrote {path}"),
    "nothing_to_write": Term(
        "没有指定要写出的文件（--xlsx、--pdf 或 --certificates）。",
        "Nothing to write: give --xlsx, --pdf or --certificates.",
    ),
    "verified": Term(
        "已用 {bundles} 份签名评分包重算：{rounds}。全部一致。",
        "Recomputed from {bundles} signed bundles: {rounds}. Everything matches.",
    ),
    "not_verified": Term(
        "已用 {bundles} 份签名评分包重算：{rounds}。发现 {n} 处不一致。",
        "Recomputed from {bundles} signed bundles: {rounds}. {n} differences found.",
    ),
    "played": Term(
        "{round}：{cases} 个案例，{judges} 位评委，合并 {bundles} 份签名评分包，抽签 {draws} 次。",
        "{round}: {cases} cases, {judges} judges, {bundles} signed bundles merged, {draws} draws.",
    ),
    "none": Term("（无）", "(none)"),
}

#: Sentences of ``leitai results verify``, one per kind of difference.
VERIFY: dict[str, Term] = {
    "bundle_unreadable": Term(
        "评委 {judge} 在{round}的评分包（{sha}…）无法读取：{reason}",
        "The bundle of judge {judge} in {round} ({sha}…) cannot be read: {reason}",
    ),
    "bundle_hash": Term(
        "评委 {judge} 在{round}的评分包（{sha}…）内容与合并时记录的哈希不符。",
        "The bundle of judge {judge} in {round} ({sha}…) no longer matches the hash recorded at merge.",
    ),
    "bundle_signature": Term(
        "评委 {judge} 在{round}的评分包（{sha}…）签名无效。",
        "The bundle of judge {judge} in {round} ({sha}…) has an invalid signature.",
    ),
    "bundle_mismatch": Term(
        "评委 {judge} 在{round}的评分包（{sha}…）所属的比赛、评委或轮次与记录不符。",
        "The bundle of judge {judge} in {round} ({sha}…) names another competition, judge or round.",
    ),
    "sheet_differs": Term(
        "{round}，案例 {case}：评委 {judge} 的“{criterion}”在工作区为 {published}，"
        "签名评分包中为 {recomputed}。",
        "{round}, case {case}: judge {judge}'s “{criterion}” is {published} in the workspace but "
        "{recomputed} in the signed bundle.",
    ),
    "sheet_only_in_workspace": Term(
        "{round}，案例 {case}：评委 {judge} 的已提交评分只在工作区中有，签名评分包中没有。",
        "{round}, case {case}: judge {judge}'s submitted sheet is in the workspace but in no signed bundle.",
    ),
    "sheet_only_in_bundles": Term(
        "{round}，案例 {case}：评委 {judge} 的已提交评分在签名评分包中有，工作区中没有。",
        "{round}, case {case}: judge {judge}'s submitted sheet is in a signed bundle but not in "
        "the workspace.",
    ),
    "result_differs": Term(
        "{round}，案例 {case}：名次 / 得分在工作区为 {published}，按评分包重算为 {recomputed}。",
        "{round}, case {case}: rank / score is {published} in the workspace, {recomputed} from the bundles.",
    ),
    "award_differs": Term(
        "{round}，案例 {case}：“{award}”在工作区为{published}，按规则重算为{recomputed}，"
        "且没有经审计的调整记录。",
        "{round}, case {case}: “{award}” is {published} in the workspace but {recomputed} by the "
        "rules, and no audited override says why.",
    ),
    "override_unaudited": Term(
        "{round}的奖项调整记录 {id}（{award}，{subject}）没有审计记录。",
        "Award override {id} of {round} ({award}, {subject}) has no audit event.",
    ),
    "draw_unaudited": Term(
        "{round}的抽签记录 {id}（{group}）没有审计记录。",
        "Draw {id} of {round} ({group}) has no audit event.",
    ),
    "draw_mismatch": Term(
        "{round}的抽签记录 {id}（{group}）的顺序与其种子不符。",
        "Draw {id} of {round} ({group}) does not follow from its seed.",
    ),
}
