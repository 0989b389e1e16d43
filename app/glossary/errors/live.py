# SPDX-License-Identifier: Apache-2.0
"""Messages of errors in a live session (setup, draw, reveal) and in sending a bundle to the organizer."""

from __future__ import annotations

from app.glossary import Term

MESSAGES: dict[str, Term] = {
    "live_no_cases": Term(
        "轮次 {round} 的分组 {group} 中没有案例（案例须已分配评委）。",
        "Round {round} has no cases in group {group} (cases need judges assigned).",
    ),
    "live_judge_not_assigned": Term(
        "评委 {judge} 没有分配到本组的案例。", "Judge {judge} has no case of this group assigned."
    ),
    "live_judge_twice": Term("同一位评委不能列两次。", "A judge is listed twice."),
    "live_bad_times": Term(
        "时间设置不对：演讲时间须大于 0，答辩时间和提醒时间不能为负。",
        "The times are wrong: the talk must be longer than 0, questions and warnings not negative.",
    ),
    "live_bad_order": Term(
        "出场顺序须恰好包含本组每个案例各一次（缺少：{missing}；多出：{extra}）。",
        "The order must hold every case of the group once (missing: {missing}; not in the group: {extra}).",
    ),
    "live_bad_seed": Term(
        "抽签种子应为整数，而不是“{seed}”。", "The draw's seed should be a whole number, not “{seed}”."
    ),
    "live_bad_banner": Term(
        "横幅图片应为 PNG、JPG 或 SVG 文件：{path}", "The banner should be a PNG, JPG or SVG image: {path}"
    ),
    "live_no_session": Term("没有编号为 {session} 的现场赛。", "There is no live session {session}."),
    "live_reveal_not_awards": Term("请先切换到颁奖画面。", "Switch to the awards scene first."),
    "live_scores_incomplete": Term(
        "还有案例的评分未到齐，不能揭晓奖项。", "Some cases still miss marks: awards cannot be revealed yet."
    ),
    "live_cannot_listen": Term("无法在 {address} 上监听：{reason}", "Cannot listen on {address}: {reason}"),
    "send_failed": Term(
        "无法发送到主办方 {url}：{reason}", "Could not send to the organizer at {url}: {reason}"
    ),
    "send_bad_url": Term(
        "主办方地址应形如 http://192.168.1.10:8765/bundle，而不是“{url}”。",
        "The organizer's address should look like http://192.168.1.10:8765/bundle, not “{url}”.",
    ),
    "send_bad_answer": Term(
        "主办方电脑的回答无法识别（HTTP {status}）。",
        "The organizer's computer gave an answer we cannot read (HTTP {status}).",
    ),
}
