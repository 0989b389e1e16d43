# SPDX-License-Identifier: Apache-2.0
"""Names of the competition's data in zh and en: case statuses, intake findings and their severities,
rounds, awards, merge outcomes, a judge's scoring states, screening steps, and a few words every
surface must say alike (the workspace, a bundle's revision).

Every table maps a code (as stored, as JSON prints it) to a :class:`~app.glossary.Term`; the lookup
functions return the name in the current language (:func:`app.glossary.language`), and fall back to
the code only for a code nobody has named yet (``tests/app/test_glossary_terms.py`` fails then).

Adding a name is one line in the right table, e.g. an award of a new season::

    AWARDS["people_choice"] = Term("人气奖", "People's choice")   # or a line in the dict below

and a name that differs in one season goes in the ``SEASON_…`` table keyed ``(year, key)``.
The Chinese names of rounds and awards are the notices' own (``data/seasons/<year>.toml``; a test keeps
them equal); the English ones are ours.
"""

from __future__ import annotations

from typing import Final

from app.glossary import Term

#: Case status (``app.models.CaseStatus``): one name each, in the CLI, the GUI and the exports.
STATUSES: dict[str, Term] = {
    "submitted": Term("待初筛", "Pending"),
    "approved": Term("已通过", "Approved"),
    "rejected": Term("未通过", "Rejected"),
}

#: Severity of an intake finding (``app.intake.findings``).
SEVERITIES: dict[str, Term] = {
    "violation": Term("违规", "Violation"),
    "warning": Term("提醒", "Warning"),
}

#: Intake finding codes (``app.intake.findings.CODES``): short names for tables, filters and summaries.
FINDINGS: dict[str, Term] = {
    "pdf_missing": Term("缺少 PPT 文件", "Slides missing"),
    "pdf_corrupt": Term("PPT 文件损坏或无法打开", "Slides cannot be opened"),
    "pdf_too_large": Term("PPT 文件过大", "Slides too large"),
    "font_too_small": Term("PPT 字号过小", "Text too small"),
    "video_not_mp4": Term("视频不是 MP4 格式", "Video is not MP4"),
    "video_too_long": Term("视频过长", "Video too long"),
    "video_not_16_9": Term("视频画面比例不是 16:9", "Video not 16:9"),
    "video_low_res": Term("视频清晰度低于标清", "Video below SD"),
    "video_too_large": Term("视频文件过大", "Video too large"),
    "video_missing": Term("缺少视频文件", "Video missing"),
    "recommendation_too_long": Term("推荐理由超过字数", "Recommendation too long"),
    "recommendation_missing": Term("缺少推荐理由", "Recommendation missing"),
    "duplicate_theme": Term("同一医院同一主题多个案例", "Two cases in one theme"),
    "hospital_name_inconsistent": Term("医院名称不一致", "Hospital name spelled differently"),
    "province_unknown": Term("省份无法识别", "Unknown province"),
    "theme_unknown": Term("主题无法识别", "Unknown theme"),
    "text_control_chars": Term("文字中有控制字符", "Control characters in text"),
    "check_failed": Term("检查时出错", "Check failed"),
    "page_count_unusual": Term("页数与建议结构相差较大", "Unusual page count"),
    "pages_not_16_9": Term("页面不是 16:9", "Pages not 16:9"),
    "pages_not_slide_shaped": Term("页面不是幻灯片比例", "Pages not slide-shaped"),
    "pdf_no_text": Term("PPT 中没有可检查的文字", "No text in the slides"),
    "pdf_blank_pages": Term("PPT 中有空白页", "Blank pages"),
    "pdf_repaired": Term("PPT 文件结构有误但已修复", "Slides repaired"),
    "no_video": Term("未提交视频", "No video"),
    "video_extension": Term("视频文件扩展名不是 .mp4", "Video file name not .mp4"),
    "tier_unknown": Term("组别无法识别", "Unknown tier"),
    "category_unknown": Term("类别无法识别", "Unknown category"),
    "votes_invalid": Term("网络投票数不是整数", "Votes not a number"),
    "title_missing": Term("缺少案例名称", "Title missing"),
    "submitted_at_invalid": Term("提交时间无法识别", "Submission time unreadable"),
}

#: Round keys (``data/seasons/*.toml`` ``[[rounds]] key``), named as most seasons name them.
ROUNDS: dict[str, Term] = {
    "screening": Term("案例初筛", "Screening"),
    "voting": Term("案例网络投票", "Online vote"),
    "review": Term("专家评选", "Expert review"),
    "semifinal": Term("半决赛", "Semifinal"),
    "final": Term("全国总决赛", "National final"),
}
#: Round names one season's notice words differently: (year, key) → name.
SEASON_ROUNDS: dict[tuple[int, str], Term] = {
    (2020, "semifinal"): Term("线上赛区决赛", "Regional final (online)"),
    (2022, "screening"): Term("案例审核", "Screening"),
    (2022, "semifinal"): Term("线下主题决赛", "Theme final (on site)"),
}

#: Award keys (``[[awards]] key``) of every season.
AWARDS: dict[str, Term] = {
    # 2020
    "region_excellent": Term("赛区优秀案例", "Regional excellent case"),
    "popular_top10": Term("十大人气案例", "Top 10 most popular cases"),
    "finalist": Term("全国总决赛入围资格", "Place in the national final"),
    "value": Term("价值案例", "Case of value"),
    "semifinal_excellent": Term("优秀案例", "Excellent case"),
    "demonstration": Term("全国示范案例", "National model case"),
    "anti_epidemic_special": Term("抗疫特别案例奖", "Special award for fighting the epidemic"),
    # 2022
    "excellent": Term("优秀案例", "Excellent case"),
    "value_top10": Term("十大价值案例", "Top 10 cases of value"),
    "advance": Term("主题决赛晋级资格", "Place in the theme final"),
    "best_organization": Term("最佳组织奖", "Best organization award"),
    "best_management": Term("最佳管理奖", "Best management award"),
    # both
    "gold": Term("金奖", "Gold award"),
    "silver": Term("银奖", "Silver award"),
    "bronze": Term("铜奖", "Bronze award"),
}
#: Award names one season's notice words differently: (year, key) → name.
SEASON_AWARDS: dict[tuple[int, str], Term] = {}

#: What merging (or verifying) a score bundle did (``app.bundles.merge.MergeOutcome.code``).
OUTCOMES: dict[str, Term] = {
    "merged": Term("已合并", "Merged"),
    "ok": Term("可以合并", "Ready to merge"),
    "duplicate": Term("重复", "Duplicate"),
    "superseded": Term("已被更新版本取代", "Superseded"),
    "malformed": Term("文件损坏", "Damaged file"),
    "wrong_competition": Term("不是本比赛的", "Another competition"),
    "unknown_judge": Term("评委不明", "Unknown judge"),
    "bad_signature": Term("签名无效", "Bad signature"),
    "wrong_round": Term("轮次不符", "Wrong round"),
    "unassigned_case": Term("含未分配的案例", "Case not assigned"),
    "out_of_range": Term("分数超出范围", "Score out of range"),
}

#: What checking a judge package found (``app.bundles.package_check.PackageCheck.code``).
PACKAGE_CHECKS: dict[str, Term] = {
    "ok": Term("完好", "Intact"),
    "malformed": Term("文件损坏", "Damaged file"),
    "bad_signature": Term("签名无效", "Bad signature"),
    "file_mismatch": Term("文件与清单不符", "File does not match the manifest"),
}

#: Where a judge stands with one case (the judge's own laptop, ``app.judge_home``).
SCORE_STATES: dict[str, Term] = {
    "not_started": Term("未开始", "Not started"),
    "draft": Term("草稿", "Draft"),
    "submitted": Term("已提交", "Submitted"),
    "recused": Term("已回避", "Recused"),
}

#: A screening step (``app.intake.screening`` actions), as "undo …" names it.
SCREENING_ACTIONS: dict[str, Term] = {
    "approve": Term("通过", "approve"),
    "reject": Term("驳回", "reject"),
    "approve_clean": Term("批量通过", "approve all clean"),
    "set_status": Term("状态修改", "status change"),
}

#: Regions (赛区), by the notices' own name (``[[regions]] name``): the same six in every season.
REGIONS: dict[str, Term] = {
    "东北": Term("东北", "Northeast"),
    "华北": Term("华北", "North"),
    "华东": Term("华东", "East"),
    "中南": Term("中南", "Central South"),
    "西南": Term("西南", "Southwest"),
    "西北": Term("西北", "Northwest"),
}

#: Words every surface must say alike.
WORKSPACE: Final = Term("擂台工作区", "Leitai workspace")
REVISION: Final = Term("修订号", "revision")
NO_THEME: Final = Term("未指定主题", "No theme")
NO_REGION: Final = Term("未指定赛区", "No region")
THEME: Final = Term("主题{number}", "Theme {number}")


def _name(table: dict[str, Term], code: str) -> str:
    term = table.get(code)
    return term.text() if term is not None else code


def status_name(code: str) -> str:
    """待初筛 / Pending … for a case status code."""
    return _name(STATUSES, code)


def severity_name(code: str) -> str:
    """违规 / Violation, 提醒 / Warning."""
    return _name(SEVERITIES, code)


def finding_name(code: str) -> str:
    """The short name of an intake finding code."""
    return _name(FINDINGS, code)


def round_term(key: str, season: int | None = None) -> Term:
    """The name of a round in both languages; ``season`` picks that notice's wording where it differs."""
    if season is not None and (season, key) in SEASON_ROUNDS:
        return SEASON_ROUNDS[(season, key)]
    return ROUNDS.get(key) or Term(key, key)


def round_name(key: str, season: int | None = None) -> str:
    """The name of a round in the current language (线下主题决赛 for 2022's semifinal)."""
    return round_term(key, season).text()


def award_term(key: str, season: int | None = None) -> Term:
    """The name of an award in both languages; ``season`` picks that notice's wording where it differs."""
    if season is not None and (season, key) in SEASON_AWARDS:
        return SEASON_AWARDS[(season, key)]
    return AWARDS.get(key) or Term(key, key)


def award_name(key: str, season: int | None = None) -> str:
    """The name of an award in the current language."""
    return award_term(key, season).text()


def outcome_name(code: str) -> str:
    """What merging a bundle did: 已合并 / Merged, 签名无效 / Bad signature …"""
    return _name(OUTCOMES, code)


def package_check_name(code: str) -> str:
    """What checking a judge package found: 完好 / Intact, 签名无效 / Bad signature …"""
    return _name(PACKAGE_CHECKS, code)


def score_state_name(code: str) -> str:
    """A judge's state with one case: 未开始, 草稿, 已提交, 已回避."""
    return _name(SCORE_STATES, code)


def screening_action_name(code: str) -> str:
    """A screening step as "undo …" names it."""
    return _name(SCREENING_ACTIONS, code)


def theme_label(number: int | str | None) -> str:
    """主题3 / Theme 3; a case with no theme: 未指定主题 / No theme."""
    if number is None or number == "" or number == "unknown":
        return NO_THEME.text()
    return THEME.text(number=number)


def region_label(name: str | None) -> str:
    """A region by its notice's name: 华北 / North, or 未指定赛区 / No region (a region no table names
    reads as the season file writes it)."""
    if not name or name == "unknown":
        return NO_REGION.text()
    term = REGIONS.get(name)
    return term.text() if term is not None else name
