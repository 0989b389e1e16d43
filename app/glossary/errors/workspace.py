# SPDX-License-Identifier: Apache-2.0
"""Messages of errors about a workspace folder and the season rules it follows."""

from __future__ import annotations

from app.glossary import Term

MESSAGES: dict[str, Term] = {
    "workspace_exists": Term(
        "{path} 已经是一个擂台工作区，不能覆盖。",
        "{path} is already a Leitai workspace; it will not be overwritten.",
    ),
    "not_a_workspace": Term(
        "{path} 不是擂台工作区（其中没有 leitai.db）。",
        "{path} is not a Leitai workspace (there is no leitai.db in it).",
    ),
    "workspace_unreadable": Term(
        "无法打开工作区数据库 {path}：{reason}", "The workspace database {path} cannot be read: {reason}"
    ),
    "workspace_empty": Term("{path} 中没有比赛数据。", "{path} holds no competition."),
    "folder_not_empty": Term(
        "{path} 不是空文件夹：新工作区只能建在新的或空的文件夹里。",
        "{path} is not empty: a new workspace needs a new or empty folder.",
    ),
    # Season rules (data/seasons/<year>.toml, or an organizer's own rules file).
    "season_unknown": Term(
        "没有 {year} 年的赛季规则：找不到 {path}（已有赛季：{known}）。",
        "There are no rules for the {year} season: {path} was not found (seasons available: {known}).",
    ),
    "season_unreadable": Term(
        "无法读取赛季规则文件 {path}：{reason}", "The season rules file {path} cannot be read: {reason}"
    ),
    "season_not_toml": Term(
        "赛季规则文件 {path} 不是有效的 TOML：{reason}",
        "The season rules file {path} is not valid TOML: {reason}",
    ),
    "season_not_utf8": Term(
        "赛季规则文件 {path} 不是 UTF-8 文本：{reason}",
        "The season rules file {path} is not UTF-8 text: {reason}",
    ),
    "season_year_mismatch": Term(
        "赛季规则文件 {path} 有误：文件名是 {stem}，但 season.year 是 {year}。",
        "The season rules file {path} is wrong: it is named {stem} but its season.year is {year}.",
    ),
    # ``problem`` is the rules checker's own sentence (in Chinese: the season files are written in Chinese).
    "season_invalid": Term(
        "赛季规则文件 {path} 有误：{where} {problem}",
        "The season rules file {path} is wrong at {where}: {problem}",
    ),
}
