# SPDX-License-Identifier: Apache-2.0
"""What is wrong with a season rules file (``data/seasons/*.toml``), in zh and en: the ``problem`` of a
``season_invalid`` error, said in the reader's language. Keys and values of the file are quoted as the
file writes them (they are TOML, not words). Adding a check is one line here."""

from __future__ import annotations

from typing import Final

from app.glossary import Term

#: One sentence per kind of problem with a key of the file.
PROBLEMS: Final[dict[str, Term]] = {
    "missing": Term("缺少必填项", "is required but missing"),
    "not_table": Term("应为表（table），实为 {actual}", "should be a table, not {actual}"),
    "wrong_type": Term("应为{expected}，实为 {actual} {value}", "should be {expected}, not {actual} {value}"),
    "empty": Term("不能为空", "must not be empty"),
    "empty_optional": Term(
        "不能为空（不需要时请删掉这一项）", "must not be empty (remove the key if it is not needed)"
    ),
    "too_small": Term("应不小于 {minimum}，实为 {value}", "should be at least {minimum}, not {value}"),
    "not_positive": Term("应大于 0，实为 {value}", "should be above 0, not {value}"),
    "negative": Term("不能为负数，实为 {value}", "must not be negative, not {value}"),
    "below_one": Term("应小于 1，实为 {value}", "should be below 1, not {value}"),
    "fraction_range": Term("应在 0 和 1 之间，实为 {value}", "should be between 0 and 1, not {value}"),
    "no_items": Term("至少要有一项", "needs at least one item"),
    "unknown_keys": Term("有未知的项：{keys}", "has unknown keys: {keys}"),
    "one_of": Term("应为 {options} 之一，实为 {value}", "should be one of {options}, not {value}"),
    "before": Term("早于 {other}（{value}）", "is before {other} ({value})"),
    "duplicate_code": Term("代码 {code} 重复", "code {code} appears twice"),
    "entry_award_order": Term(
        "轮次 {round} 的 entry_award {award} 应是之前某轮的奖项",
        "round {round}: entry_award {award} should be an award of an earlier round",
    ),
    "ten_themes": Term(
        "应恰好有十个主题，编号 1 到 10，实为 {numbers}",
        "should hold exactly ten themes numbered 1 to 10, not {numbers}",
    ),
    "duplicate_theme_title": Term("主题名称 {title} 重复", "theme title {title} appears twice"),
    "region_code": Term(
        "应为小写 ASCII 标识符（如 central_south），实为 {code}",
        "should be a lower-case ASCII name (such as central_south), not {code}",
    ),
    "province_twice": Term(
        "{province} 已列在另一个赛区（一个省只能属于一个赛区）",
        "{province} is already in another region (a province belongs to one region)",
    ),
    "empty_alias": Term("不能有空的名称", "must not hold an empty name"),
    "alias_clash": Term(
        "名称 {name} 同时指向 {claimed} 和 {province}",
        "the name {name} points to both {claimed} and {province}",
    ),
    "duplicate_region_code": Term("赛区代码 {code} 重复", "region code {code} appears twice"),
    "duplicate_region_name": Term("赛区名称 {name} 重复", "region name {name} appears twice"),
    "entry_award_rule": Term(
        'entry = "award" 时必须给出 entry_award，其他情况不能给',
        'entry_award is required when entry = "award", and not allowed otherwise',
    ),
    "round_order": Term(
        "轮次 {key} 重复或顺序不对（应按 {order} 排列）",
        "round {key} is repeated or out of order (the order is {order})",
    ),
    "count_or_fraction": Term("count 和 fraction 只能给一个", "give count or fraction, not both"),
    "no_round": Term("本赛季没有轮次 {round}", "this season has no round {round}"),
    "no_category": Term("本赛季没有类别 {category}", "this season has no category {category}"),
    "rounding_needed": Term(
        "按比例（fraction）的奖项必须写明取整方式 rounding，其他奖项不写",
        "an award by fraction needs rounding; other awards must not give it",
    ),
    "fraction_only": Term("只用于按比例（fraction）的奖项", "is only for an award by fraction"),
    "follows": Term(
        "应为前面同一轮次、同一范围的奖项代码，实为 {value}",
        "should be the code of an earlier award of the same round and scope, not {value}",
    ),
    "duplicate_award": Term("奖项代码 {key} 重复", "award code {key} appears twice"),
    "max_step": Term("{max} 不是步长 {step} 的整数倍", "{max} is not a whole multiple of the step {step}"),
    "duplicate_criterion": Term("评分项代码 {key} 重复", "criterion code {key} appears twice"),
    "no_review_criterion": Term(
        "至少要有一个不限于现场轮次（live_only = false）的评分项",
        "needs at least one criterion not limited to live rounds (live_only = false)",
    ),
    "no_criterion": Term("评分细则中没有 {key}", "the rubric has no {key}"),
}

#: The kinds of value a key should hold, or holds (``wrong_type``'s ``expected`` and ``actual``).
KINDS: Final[dict[str, Term]] = {
    "text": Term("文本", "text"),
    "integer": Term("整数", "a whole number"),
    "number": Term("数字", "a number"),
    "float": Term("小数", "a decimal number"),
    "flag": Term("true 或 false", "true or false"),
    "boolean": Term("布尔值", "true/false"),
    "day": Term("日期（如 2022-07-27）", "a date (such as 2022-07-27)"),
    "date": Term("日期", "a date"),
    "datetime": Term("日期时间", "a date and time"),
    "table": Term("表（table）", "a table"),
    "table_short": Term("表", "a table"),
    "list": Term("列表", "a list"),
    "tables": Term("表的列表", "a list of tables"),
    "texts": Term("文本的列表", "a list of texts"),
    "int_pair": Term(
        "两个正整数的列表（如 [16, 9]）", "a list of two positive whole numbers (such as [16, 9])"
    ),
}

#: Where in the file, when it is the file as a whole.
TOP_LEVEL: Final = Term("（顶层）", "(top level)")
