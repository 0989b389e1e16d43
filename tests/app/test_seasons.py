# SPDX-License-Identifier: Apache-2.0
"""The season files say what the two notices say, and the loader refuses a broken file with a clear reason."""

from __future__ import annotations

import dataclasses
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from app.seasons import (
    SeasonError,
    SeasonRules,
    available_seasons,
    load_season,
    load_season_file,
    seasons_dir,
)

#: The two official notices' text (tests/data/notices/README.md), for the verbatim checks.
NOTICES = Path(__file__).resolve().parents[1] / "data" / "notices"

#: 赛区设置, as both notices list it (the same provinces in 2020 and 2022), plus 港澳台 → 中南 per the notes.
REGIONS: dict[str, tuple[str, str, list[str]]] = {
    "northeast": ("东北", "东北赛区", ["辽宁省", "吉林省", "黑龙江省"]),
    "north": ("华北", "华北赛区", ["北京市", "天津市", "河北省", "山西省", "内蒙古自治区"]),
    "east": (
        "华东",
        "华东赛区",
        ["上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省"],
    ),
    "central_south": (
        "中南",
        "中南赛区",
        ["河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区", "海南省"],
    ),
    "southwest": ("西南", "西南赛区", ["重庆市", "四川省", "贵州省", "云南省", "西藏自治区"]),
    "northwest": (
        "西北",
        "西北赛区",
        ["陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区"],
    ),
}
HK_MO_TW = ["香港特别行政区", "澳门特别行政区", "台湾省"]

THEMES_2020 = [
    "精确化预约诊疗服务",
    "创新建设智慧医院",
    "持续加强麻醉医疗服务",
    "推广多学科诊疗服务",
    "优化急诊急救服务",
    "延续性护理服务",
    "拓展药学服务新内涵",
    "规范建设医疗联合体",
    "多院区一体化服务",
    "构建和谐医患关系",
]
THEMES_2022 = [
    "构建医防融合服务新模式",
    "健全急危重症医疗救治体系与管理流程",
    "依托医共体推进连续性医疗服务",
    "绿色就医与和谐医患关系",
    "提升日间手术能力",
    "推广多学科协作诊疗",
    "智慧医院与数字健康建设",
    "改善合理用药管理",
    "拓展优质护理服务内涵",
    "扎实推进健康教育与健康科普",
]
CN_NUMERALS = "一二三四五六七八九十"


@pytest.fixture(params=[2020, 2022])
def season(request: pytest.FixtureRequest) -> SeasonRules:
    return load_season(request.param)


@pytest.fixture
def s2020() -> SeasonRules:
    return load_season(2020)


@pytest.fixture
def s2022() -> SeasonRules:
    return load_season(2022)


def _notice(year: int) -> str:
    """The notice text with every space and line break removed (the 2022 PDF extraction spaces too)."""
    return re.sub(r"\s+", "", (NOTICES / f"{year}.txt").read_text(encoding="utf-8"))


# --- season facts ---------------------------------------------------------------------------------


def test_available_seasons_lists_both_files() -> None:
    assert available_seasons()[:2] == [2020, 2022]


def test_season_2020_header(s2020: SeasonRules) -> None:
    assert s2020.year == 2020
    assert s2020.title == "2020年改善医疗服务全国医院擂台赛"
    assert s2020.organizer == "健康界"
    assert s2020.notice_date == date(2020, 6, 23)
    assert (s2020.submission_start, s2020.submission_end) == (date(2020, 7, 1), date(2020, 8, 14))
    assert "全国各级各类医疗机构" in s2020.scope
    assert "武汉市抗疫定点医疗机构和全国援鄂医疗队" in s2020.scope
    assert s2020.screening_working_days is None
    assert s2020.one_case_per_theme is True
    assert s2020.consistent_hospital_names is True


def test_season_2022_header(s2022: SeasonRules) -> None:
    assert s2022.title == "第四届改善医疗服务行动全国县市医院擂台赛"
    assert s2022.organizer == "健康界、健康县域传播平台"
    assert (s2022.submission_start, s2022.submission_end) == (date(2022, 4, 20), date(2022, 7, 26))
    assert s2022.scope == "全国县域内医疗机构"
    assert s2022.screening_working_days == 3
    assert s2022.one_case_per_theme is True
    assert s2022.consistent_hospital_names is True


# --- themes ---------------------------------------------------------------------------------------


def test_theme_titles_2020(s2020: SeasonRules) -> None:
    assert [t.number for t in s2020.themes] == list(range(1, 11))
    assert [t.title for t in s2020.themes] == THEMES_2020
    assert s2020.theme(1).title == "精确化预约诊疗服务"


def test_theme_titles_2022(s2022: SeasonRules) -> None:
    assert [t.title for t in s2022.themes] == THEMES_2022
    assert s2022.theme(5).title == "提升日间手术能力"


def test_theme_directions_have_no_extraction_spaces_or_prefix(season: SeasonRules) -> None:
    for theme in season.themes:
        assert theme.directions
        assert not re.search(r"\s", theme.directions), theme.number
        assert not theme.directions.startswith(("推荐方向", "鼓励申报方向")), theme.number
        assert theme.directions.endswith("。"), theme.number


def test_theme_directions_samples(s2020: SeasonRules, s2022: SeasonRules) -> None:
    assert s2020.theme(1).directions.startswith("门诊分时段预约、住院预约")
    assert "确保急诊急救工作安全" in s2020.theme(5).directions  # joined across the notice's page break
    assert s2020.theme(10).directions.startswith("塑造医患互信的医院文化")
    assert s2022.theme(5).directions == (
        "扩大日间手术病种范围，缩短患者等待住院和手术的时间，提高医疗服务效率。鼓励有条件的医院设置日间病房、"
        "日间治疗中心等，为患者提供日间化疗、新生儿日间蓝光照射治疗等日间服务。"
    )
    assert "“互联网+护理服务”" in s2022.theme(9).directions


@pytest.mark.parametrize("year", [2020, 2022])
def test_themes_are_verbatim_from_the_notice(year: int) -> None:
    text = _notice(year)
    rules = load_season(year)
    for theme in rules.themes:
        assert f"主题{CN_NUMERALS[theme.number - 1]}：{theme.title}" in text, theme.number
        assert theme.directions in text, theme.number


def test_theme_lookup_of_missing_number_raises(s2022: SeasonRules) -> None:
    with pytest.raises(KeyError):
        s2022.theme(11)


# --- resolve_theme --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        3,
        "3",
        "３",
        " 3 ",
        "主题三",
        "主题3",
        "主题３",
        "主题 三",
        "主题　三",
        "第三主题",
        "Theme 3",
        "主题三：依托医共体推进连续性医疗服务",
        "主题3: 依托医共体推进连续性医疗服务",
        "主题三、依托医共体推进连续性医疗服务",
        "依托医共体推进连续性医疗服务",
        " 依托 医共体 推进连续性医疗服务\n",
        "依 托 医 共 体 推 进 连 续 性 医 疗 服 务",
    ],
)
def test_resolve_theme_variants(s2022: SeasonRules, value: str | int) -> None:
    theme = s2022.resolve_theme(value)
    assert theme is not None
    assert theme.number == 3


@pytest.mark.parametrize(
    ("value", "number"), [(10, 10), ("10", 10), ("主题十", 10), ("主题10", 10), ("1", 1)]
)
def test_resolve_theme_ten_and_one(s2020: SeasonRules, value: str | int, number: int) -> None:
    theme = s2020.resolve_theme(value)
    assert theme is not None
    assert theme.number == number


def test_resolve_theme_2020_title_with_number(s2020: SeasonRules) -> None:
    theme = s2020.resolve_theme("主题一：精确化预约诊疗服务")
    assert theme is not None
    assert theme.title == "精确化预约诊疗服务"


@pytest.mark.parametrize(
    "value",
    [
        0,
        11,
        -1,
        True,
        "",
        "  ",
        "主题十一",
        "主题11",
        "主题零",
        "精确化预约",
        "主题三：精确化预约诊疗服务",
        "十大价值案例",
    ],
)
def test_resolve_theme_refuses(s2020: SeasonRules, value: str | int) -> None:
    # "主题三：精确化预约诊疗服务": the number says 3, the title is theme 1's — refuse rather than guess.
    assert s2020.resolve_theme(value) is None


# --- regions and provinces ------------------------------------------------------------------------


def test_regions_and_provinces_as_the_notices_list_them(season: SeasonRules) -> None:
    assert [r.code for r in season.regions] == list(REGIONS)
    for region in season.regions:
        name, full_name, provinces = REGIONS[region.code]
        assert (region.name, region.full_name) == (name, full_name)
        expected = provinces + (HK_MO_TW if region.code == "central_south" else [])
        assert [p.name for p in region.provinces] == expected


@pytest.mark.parametrize("year", [2020, 2022])
def test_region_lines_are_verbatim_from_the_notice(year: int) -> None:
    text = _notice(year)
    for name, full_name, provinces in REGIONS.values():
        line = "、".join(provinces)
        assert f"{full_name}：{line}" in text or f"{full_name}:{line}" in text, name


def test_every_province_resolves_to_its_region(season: SeasonRules) -> None:
    count = 0
    for code, (_, _, provinces) in REGIONS.items():
        for name in provinces:
            province = season.resolve_province(name)
            assert province is not None, name
            assert province.name == name
            assert season.region_of(province).code == code
            assert season.region_for(province.short) is not None
            assert season.region_for(province.short).code == code  # type: ignore[union-attr]
            count += 1
    assert count == 31


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("香港特别行政区", "香港特别行政区"),
        ("香港", "香港特别行政区"),
        ("中国香港", "香港特别行政区"),
        ("Hong Kong", "香港特别行政区"),
        ("澳门特别行政区", "澳门特别行政区"),
        ("澳门", "澳门特别行政区"),
        ("中国澳门", "澳门特别行政区"),
        ("Macao", "澳门特别行政区"),
        ("台湾省", "台湾省"),
        ("台湾", "台湾省"),
        ("中国台湾", "台湾省"),
        ("中国台湾省", "台湾省"),
    ],
)
def test_hong_kong_macao_taiwan_go_to_central_south(season: SeasonRules, text: str, name: str) -> None:
    province = season.resolve_province(text)
    assert province is not None
    assert province.name == name
    region = season.region_for(text)
    assert region is not None
    assert region.full_name == "中南赛区"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("广西", "广西壮族自治区"),
        ("广西壮族自治区", "广西壮族自治区"),
        ("广西自治区", "广西壮族自治区"),
        ("Guangxi", "广西壮族自治区"),
        ("guangxi", "广西壮族自治区"),
        ("GUANGXI", "广西壮族自治区"),
        ("ＧＵＡＮＧＸＩ", "广西壮族自治区"),
        ("广 西", "广西壮族自治区"),
        ("广　西　壮族自治区", "广西壮族自治区"),
        ("中国广西", "广西壮族自治区"),
        ("新疆", "新疆维吾尔自治区"),
        ("新疆自治区", "新疆维吾尔自治区"),
        ("宁夏", "宁夏回族自治区"),
        ("西藏", "西藏自治区"),
        ("内蒙古", "内蒙古自治区"),
        ("Inner Mongolia", "内蒙古自治区"),
        ("京", "北京市"),
        ("沪", "上海市"),
        ("北京", "北京市"),
        ("Shanxi", "山西省"),
        ("Shaanxi", "陕西省"),
    ],
)
def test_province_names_and_aliases(season: SeasonRules, text: str, name: str) -> None:
    province = season.resolve_province(text)
    assert province is not None
    assert province.name == name


def test_province_short_names(s2022: SeasonRules) -> None:
    shorts = {p.name: p.short for r in s2022.regions for p in r.provinces}
    assert shorts["广西壮族自治区"] == "广西"
    assert shorts["宁夏回族自治区"] == "宁夏"
    assert shorts["新疆维吾尔自治区"] == "新疆"
    assert shorts["西藏自治区"] == "西藏"
    assert shorts["内蒙古自治区"] == "内蒙古"
    assert shorts["北京市"] == "北京"
    assert shorts["香港特别行政区"] == "香港"


@pytest.mark.parametrize("text", ["", "  ", "中国", "火星", "广西省会", "Atlantis", "华北赛区以外"])
def test_unknown_province_is_none(season: SeasonRules, text: str) -> None:
    assert season.resolve_province(text) is None


def test_region_for_accepts_region_names(s2020: SeasonRules) -> None:
    assert s2020.region_for("华北赛区") is s2020.region("north")
    assert s2020.region_for("西南") is s2020.region("southwest")
    assert s2020.region_for("central_south") is s2020.region("central_south")
    assert s2020.region_for("火星") is None


def test_region_of_foreign_province_raises(s2020: SeasonRules) -> None:
    stranger = dataclasses.replace(s2020.regions[0].provinces[0], name="火星省")
    with pytest.raises(KeyError):
        s2020.region_of(stranger)


# --- tiers and categories -------------------------------------------------------------------------


def test_tiers_and_categories_2020(s2020: SeasonRules) -> None:
    assert [(t.code, t.name, t.description) for t in s2020.tiers] == [
        ("city", "城市组", "直辖市和地市级及以上城市医院"),
        ("county", "县域组", "县及县级市医院"),
    ]
    assert [(c.code, c.name, c.description) for c in s2020.categories] == [
        ("daily", "医院日常改善医疗服务案例", "全国各级各类医疗机构"),
        ("anti_epidemic", "科学抗疫改善医疗服务案例", "武汉市抗疫定点医疗机构和全国援鄂医疗队"),
    ]


def test_tiers_and_categories_2022(s2022: SeasonRules) -> None:
    assert [t.code for t in s2022.tiers] == ["county"]
    assert "县域" in s2022.tiers[0].description
    assert s2022.categories == ()


# --- file limits and page structure ---------------------------------------------------------------


def test_file_limits_shared_by_both_seasons(season: SeasonRules) -> None:
    limits = season.limits
    assert limits.pdf_max_bytes == 30 * 1024 * 1024
    assert limits.min_font_pt == 14
    assert limits.video_container == "mp4"
    assert limits.video_aspect == (16, 9)
    assert limits.video_aspect_tolerance == pytest.approx(0.02)
    assert limits.video_min_height == 480
    assert limits.video_max_bytes == 700 * 1024 * 1024
    assert limits.video_required is False
    assert limits.recommendation_max_chars == 300


def test_file_limits_that_differ(s2020: SeasonRules, s2022: SeasonRules) -> None:
    assert s2020.limits.video_max_seconds == 300
    assert s2022.limits.video_max_seconds == 120
    assert s2020.limits.recommendation_required is True
    assert s2022.limits.recommendation_required is False


def test_suggested_pages(season: SeasonRules) -> None:
    assert season.suggested_pages() == 17
    assert [(s.title, s.pages) for s in season.page_structure] == [
        ("背景", 1),
        ("目标", 1),
        ("实施方法", 10),
        ("效果", 3),
        ("价值体现", 2),
    ]


# --- rounds ---------------------------------------------------------------------------------------


def test_rounds_2020(s2020: SeasonRules) -> None:
    assert [r.key for r in s2020.rounds] == ["screening", "review", "semifinal", "final"]
    assert not s2020.has_round("voting")
    screening = s2020.round("screening")
    assert (screening.starts, screening.ends) == (date(2020, 8, 24), date(2020, 8, 28))
    review = s2020.round("review")
    assert review.dates_text == "8月底-10月初"
    assert review.starts.month == 8
    assert review.ends.month == 10
    semifinal = s2020.round("semifinal")
    assert (semifinal.live, semifinal.online, semifinal.group_by) == (True, True, "region_theme")
    assert semifinal.dates_text == "9月初-10月底"
    final = s2020.round("final")
    assert (final.starts, final.ends) == (date(2020, 11, 6), date(2020, 11, 7))
    assert final.live is True


def test_rounds_2022(s2022: SeasonRules) -> None:
    assert [r.key for r in s2022.rounds] == ["screening", "voting", "review", "semifinal", "final"]
    screening = s2022.round("screening")
    assert screening.starts == s2022.submission_start
    assert screening.ends >= s2022.submission_end
    assert "3个工作日" in screening.dates_text
    voting = s2022.round("voting")
    assert (voting.starts, voting.ends) == (date(2022, 7, 27), date(2022, 7, 31))
    assert "18：00" in voting.dates_text
    assert voting.online is True
    review = s2022.round("review")
    assert (review.starts, review.ends) == (date(2022, 7, 29), date(2022, 8, 2))
    semifinal = s2022.round("semifinal")
    assert (semifinal.starts, semifinal.ends) == (date(2022, 8, 1), date(2022, 11, 30))
    assert (semifinal.live, semifinal.online, semifinal.group_by) == (True, False, "theme")
    final = s2022.round("final")
    assert final.starts == date(2022, 12, 1)
    assert final.ends.month == 12
    assert final.live is True


def test_only_stage_rounds_are_live(season: SeasonRules) -> None:
    assert {r.key for r in season.rounds if r.live} == {"semifinal", "final"}
    for rule in season.rounds:
        assert rule.starts <= rule.ends
        assert (rule.group_by is not None) == (rule.key == "semifinal")


def test_missing_round_raises(s2020: SeasonRules) -> None:
    with pytest.raises(KeyError):
        s2020.round("voting")


# --- awards ---------------------------------------------------------------------------------------


def _awards(rules: SeasonRules) -> dict[str, tuple[str, str, str, int | None, float | None]]:
    return {a.key: (a.name, a.scope, a.basis, a.count, a.fraction) for a in rules.awards}


def test_awards_2020(s2020: SeasonRules) -> None:
    assert _awards(s2020) == {
        "region_excellent": ("赛区优秀案例", "region_theme", "review", None, None),
        "popular_top10": ("十大人气案例", "region_theme", "votes", 10, None),
        "finalist": ("全国总决赛入围资格", "region_theme", "semifinal", 3, None),
        "value": ("价值案例", "region_theme", "semifinal", 3, None),
        "semifinal_excellent": ("优秀案例", "region_theme", "semifinal", 4, None),
        "gold": ("金奖", "theme", "final", 1, None),
        "silver": ("银奖", "theme", "final", 2, None),
        "bronze": ("铜奖", "theme", "final", 3, None),
        "demonstration": ("全国示范案例", "theme", "final", 12, None),
        "anti_epidemic_special": ("抗疫特别案例奖", "national", "review", None, None),
    }
    assert s2020.award("anti_epidemic_special").category == "anti_epidemic"
    assert s2020.award("gold").category == "daily"
    assert s2020.final_tickets is None


def test_awards_2022(s2022: SeasonRules) -> None:
    assert _awards(s2022) == {
        "excellent": ("优秀案例", "theme", "review", None, None),
        "value_top10": ("十大价值案例", "theme", "review", 10, None),
        "advance": ("主题决赛晋级资格", "theme", "review", None, 0.2),
        "gold": ("金奖", "theme", "semifinal", 1, None),
        "silver": ("银奖", "theme", "semifinal", 2, None),
        "bronze": ("铜奖", "theme", "semifinal", 3, None),
        "best_organization": ("最佳组织奖", "season", "case_count", 1, None),
        "best_management": ("最佳管理奖", "season", "case_count", 1, None),
    }
    assert all(a.category is None for a in s2022.awards)
    assert s2022.final_tickets is not None
    assert s2022.final_tickets.per_group_winner is True
    assert s2022.final_tickets.extra == 4


def test_award_rounds_exist(season: SeasonRules) -> None:
    for award in season.awards:
        if award.round is not None:
            assert season.has_round(award.round), award.key


# --- rubric ---------------------------------------------------------------------------------------


def test_default_rubric(season: SeasonRules) -> None:
    keys = [c.key for c in season.rubric]
    assert keys == ["background_goals", "methods", "results", "value", "presentation"]
    assert sum(c.max for c in season.criteria(live=False)) == 100
    assert [c.key for c in season.rubric if c.live_only] == ["presentation"]
    assert "presentation" in [c.key for c in season.criteria(live=True)]
    assert "presentation" not in [c.key for c in season.criteria(live=False)]
    for criterion in season.rubric:
        assert criterion.step == 0.5
        assert criterion.weight > 0
        assert criterion.name
        assert criterion.description


# --- loader ---------------------------------------------------------------------------------------


def test_load_is_cached_and_frozen(s2022: SeasonRules) -> None:
    assert load_season(2022) is s2022
    with pytest.raises(dataclasses.FrozenInstanceError):
        s2022.year = 2023  # type: ignore[misc]


def test_unknown_year(tmp_path: Path) -> None:
    with pytest.raises(SeasonError, match=r"2019") as info:
        load_season(2019)
    assert isinstance(info.value, ValueError)
    assert "2020" in str(info.value)  # names the seasons that do exist
    with pytest.raises(SeasonError, match=r"2022"):
        load_season(2022, data_dir=tmp_path)


def _variant(tmp_path: Path, old: str, new: str, year: int = 2022) -> Path:
    """A copy of the real season file with one piece replaced; fails if that piece is not there."""
    source = seasons_dir() / f"{year}.toml"
    text = source.read_text(encoding="utf-8")
    assert old in text
    target = tmp_path / "seasons" / f"{year}.toml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


def test_a_copy_of_the_real_file_loads_from_another_folder(tmp_path: Path) -> None:
    (tmp_path / "seasons").mkdir()
    shutil.copy(seasons_dir() / "2022.toml", tmp_path / "seasons" / "2022.toml")
    assert available_seasons(tmp_path) == [2022]
    assert load_season(2022, data_dir=tmp_path) == load_season(2022)


def test_broken_toml_syntax(tmp_path: Path) -> None:
    data_dir = _variant(tmp_path, 'title = "第四届', 'title = "第四届 unterminated\ntitle2 = "')
    with pytest.raises(SeasonError, match=r"2022\.toml 不是有效的 TOML") as info:
        load_season(2022, data_dir=data_dir)
    assert "line" in str(info.value)


def test_missing_required_key(tmp_path: Path) -> None:
    data_dir = _variant(tmp_path, 'organizer = "健康界、健康县域传播平台"\n', "")
    with pytest.raises(SeasonError, match=r"2022\.toml 有误：season\.organizer 缺少必填项"):
        load_season(2022, data_dir=data_dir)


def test_wrong_type(tmp_path: Path) -> None:
    data_dir = _variant(tmp_path, "video_max_seconds = 120", 'video_max_seconds = "2 分钟"')
    with pytest.raises(SeasonError, match=r"limits\.video_max_seconds 应为整数"):
        load_season(2022, data_dir=data_dir)


def test_nine_themes(tmp_path: Path) -> None:
    data_dir = _variant(tmp_path, "number = 10", "number = 9")
    with pytest.raises(SeasonError, match=r"themes 应恰好有十个主题"):
        load_season(2022, data_dir=data_dir)


def test_province_in_two_regions(tmp_path: Path) -> None:
    data_dir = _variant(
        tmp_path,
        '{ name = "辽宁省", short = "辽宁", aliases = ["辽", "Liaoning"] },',
        '{ name = "辽宁省", short = "辽宁", aliases = ["辽", "Liaoning"] },\n'
        '  { name = "北京市", short = "北京", aliases = [] },',
    )
    with pytest.raises(SeasonError, match=r"北京市 已列在另一个赛区"):
        load_season(2022, data_dir=data_dir)


def test_alias_pointing_at_two_provinces(tmp_path: Path) -> None:
    data_dir = _variant(tmp_path, 'aliases = ["辽", "Liaoning"]', 'aliases = ["辽", "Liaoning", "吉"]')
    with pytest.raises(SeasonError, match=r"同时指向"):
        load_season(2022, data_dir=data_dir)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("count = 10", "count = 0", r"awards\[1\]\.count 应不小于 1"),
        ("count = 3", "count = -3", r"count 应不小于 1"),
        ("fraction = 0.2", "fraction = 20", r"fraction 应在 0 和 1 之间"),
        ("pages = 10", "pages = 0", r"page_structure\[2\]\.pages 应不小于 1"),
        ("pdf_max_bytes = 31457280", "pdf_max_bytes = 0", r"limits\.pdf_max_bytes"),
        ('scope = "season"', 'scope = "planet"', r"awards\[6\]\.scope"),
        ('key = "voting"', 'key = "screening"', r"rounds\[1\] 轮次 screening 重复或顺序不对"),
        ("ends = 2022-07-31", "ends = 2022-07-20", r"rounds\[1\]\.ends 早于 starts"),
        ('group_by = "theme"', 'group_by = "hospital"', r"group_by"),
        ("extra = 4", "extra = -1", r"final_tickets\.extra 应不小于 0"),
        ("year = 2022", "year = 2021", r"文件名是 2022，但 season\.year 是 2021"),
        ("screening_working_days = 3", "screening_workdays = 3", r"season 有未知的项：screening_workdays"),
        ("max = 35.0", "max = 35.3", r"不是步长 0.5 的整数倍"),
        ("notice_date = 2022-04-20", 'notice_date = "2022-04-20"', r"notice_date 应为日期"),
        ('round = "review"', 'round = "quarterfinal"', r"本赛季没有轮次 'quarterfinal'"),
    ],
)
def test_invalid_values_are_refused(tmp_path: Path, old: str, new: str, message: str) -> None:
    data_dir = _variant(tmp_path, old, new)
    with pytest.raises(SeasonError, match=message) as info:
        load_season(2022, data_dir=data_dir)
    assert info.value.path == data_dir / "seasons" / "2022.toml"
    assert info.value.code in {"season_invalid", "season_year_mismatch"}


def test_category_must_exist(tmp_path: Path) -> None:
    data_dir = _variant(tmp_path, 'category = "anti_epidemic"', 'category = "vaccines"', year=2020)
    with pytest.raises(SeasonError, match=r"本赛季没有类别 'vaccines'"):
        load_season(2020, data_dir=data_dir)


def test_load_season_file_reads_any_name(tmp_path: Path) -> None:
    path = tmp_path / "my-rules.toml"
    shutil.copy(seasons_dir() / "2020.toml", path)
    assert load_season_file(path).year == 2020
    path.write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(SeasonError, match=r"my-rules\.toml"):
        load_season_file(path)


def test_edited_file_is_read_again(tmp_path: Path) -> None:
    data_dir = _variant(tmp_path, "video_max_seconds = 120", "video_max_seconds = 120")
    assert load_season(2022, data_dir=data_dir).limits.video_max_seconds == 120
    path = data_dir / "seasons" / "2022.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("video_max_seconds = 120", "video_max_seconds = 90"),
        encoding="utf-8",
    )
    assert load_season(2022, data_dir=data_dir).limits.video_max_seconds == 90
