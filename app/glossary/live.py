# SPDX-License-Identifier: Apache-2.0
"""Names the live session shows (scenes, timer phases and warnings, awards on stage, receiver answers).

Kept by the live area until the shared glossary carries them; merge outcome names are here for the
same reason (``MERGE_OUTCOMES``): the LAN receiver answers every judge with one, in the judge's language.
"""

from __future__ import annotations

from app.glossary import Term

#: The projector's scenes, in the order an event goes through them.
SCENES: dict[str, Term] = {
    "welcome": Term("欢迎", "Welcome"),
    "draw": Term("抽签结果", "Presentation order"),
    "next_up": Term("下一位", "Next up"),
    "presenting": Term("现场展示", "Presenting"),
    "scoring": Term("评分", "Scoring"),
    "ranking": Term("实时排名", "Live ranking"),
    "awards": Term("颁奖", "Awards"),
}

#: A theme group as the hall reads it.
THEME_GROUP = Term("主题{cn}　{title}", "Theme {n}: {title}")

#: The phases of a case's time on stage.
TIMER_PHASES: dict[str, Term] = {
    "talk": Term("演讲", "Talk"),
    "questions": Term("答辩", "Questions"),
}

#: How close a phase is to its end (levels of ``app.live.timer``).
TIMER_LEVELS: dict[str, Term] = {
    "normal": Term("计时中", "Running"),
    "warning": Term("剩余 1 分钟", "One minute left"),
    "time_up": Term("时间到", "Time is up"),
}

#: How the presentation order was made.
ORDER_SOURCES: dict[str, Term] = {
    "draw": Term("随机抽签（种子 {seed}）", "Random draw (seed {seed})"),
    "manual": Term("手工录入", "Entered by hand"),
}

#: Awards revealed on stage, lowest first (the keys of the season file's ``[[awards]]``).
STAGE_AWARDS: dict[str, Term] = {
    "bronze": Term("铜奖", "Bronze award"),
    "silver": Term("银奖", "Silver award"),
    "gold": Term("金奖", "Gold award"),
}

#: Every outcome of merging a bundle (app.bundles.merge), as a person reads it.
MERGE_OUTCOMES: dict[str, Term] = {
    "merged": Term("已合并", "Merged"),
    "duplicate": Term("重复，无变化", "Already merged, nothing changed"),
    "superseded": Term("旧版本，无变化", "Older version, nothing changed"),
    "ok": Term("可以合并", "Can be merged"),
    "malformed": Term("文件格式不正确", "Not a valid score bundle"),
    "wrong_competition": Term("不是本比赛的评分包", "From another competition"),
    "unknown_judge": Term("评委或评审包不明", "Unknown judge or package"),
    "bad_signature": Term("签名无效", "Invalid signature"),
    "wrong_round": Term("轮次不符", "Wrong round"),
    "unassigned_case": Term("含未分配的案例", "Holds a case not assigned to this judge"),
    "out_of_range": Term("分数超出范围", "A score is out of range"),
}

#: Short names of the receiver's own refusals (made before any merge), for the console's log.
RECEIVER_NAMES: dict[str, Term] = {
    "too_large": Term("文件过大", "Too large"),
    "length_required": Term("请求不完整", "Incomplete request"),
    "rate_limited": Term("发送过于频繁", "Too many uploads"),
    "busy": Term("接收繁忙", "Receiver busy"),
    "not_found": Term("地址错误", "Wrong address"),
}

#: What the receiver answers, beyond the merge outcomes: refusals made before any merge.
RECEIVER_REFUSALS: dict[str, Term] = {
    "too_large": Term(
        "文件太大（超过 {limit} 字节），不是评分包。",
        "The upload is too large (over {limit} bytes) for a bundle.",
    ),
    "length_required": Term("请求缺少长度。", "The request has no Content-Length."),
    "rate_limited": Term(
        "发送太频繁，请 {seconds} 秒后再试。", "Too many uploads; try again in {seconds} s."
    ),
    "busy": Term("主办方电脑正忙，请稍后再试。", "The organizer's computer is busy; try again shortly."),
    "not_found": Term("地址不对：请发送到 {path}。", "Wrong address: send to {path}."),
}

#: The receiver's sentence for each merge outcome, filled from the outcome's facts.
MERGE_DETAILS: dict[str, Term] = {
    "merged": Term(
        "已合并评委 {judge} 的评分（修订号 {revision}，{submitted} 个案例已提交）。",
        "Judge {judge}'s scores are merged (revision {revision}, {submitted} cases submitted).",
    ),
    "duplicate": Term("这份评分已经合并过，没有变化。", "These scores were merged before; nothing changed."),
    "superseded": Term(
        "主办方已有该评委更新的评分，此旧版本没有变化。",
        "The organizer holds newer scores of this judge; this older version changed nothing.",
    ),
}


def arrival_name(code: str, lang: str | None = None) -> str:
    """The name of what became of an arriving bundle: a merge outcome or a receiver refusal."""
    term = MERGE_OUTCOMES.get(code) or RECEIVER_NAMES.get(code)
    return term.text(lang) if term is not None else code


def merge_outcome_text(code: str, lang: str | None = None, **facts: object) -> tuple[str, str]:
    """The name and a sentence for a merge outcome (a refusal's sentence says nothing changed)."""
    name = MERGE_OUTCOMES.get(code, Term(code, code)).text(lang)
    detail = MERGE_DETAILS.get(code)
    if detail is not None:
        return name, detail.text(lang, **facts)
    refused = Term("{name}：主办方拒绝合并，没有任何改动。", "{name}: refused; nothing was changed.")
    return name, refused.text(lang, name=name)
