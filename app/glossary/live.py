# SPDX-License-Identifier: Apache-2.0
"""Names the live session shows (scenes, timer phases and warnings, the draw, the receiver's answers).

Merge outcomes and awards are named by ``app.glossary.terms`` (OUTCOMES, AWARDS); what is here is the
live area's own: the LAN receiver answers every judge in the judge's language with one of these.
"""

from __future__ import annotations

from app.glossary import Term
from app.glossary.terms import OUTCOMES

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


def arrival_name(code: str, lang: str | None = None) -> str:
    """The name of what became of an arriving bundle: a merge outcome or a receiver refusal."""
    term = OUTCOMES.get(code) or RECEIVER_NAMES.get(code)
    return term.text(lang) if term is not None else code
