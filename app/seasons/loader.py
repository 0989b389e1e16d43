# SPDX-License-Identifier: Apache-2.0
"""Reads and checks ``data/seasons/<year>.toml``; a bad file is refused with a sentence naming the key."""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from app import paths
from app.errors import DomainError
from app.seasons.rules import (
    AWARD_BASES,
    AWARD_SCOPES,
    ENTRY_RULES,
    GROUP_BY,
    ROUND_KEYS,
    ROUNDINGS,
    AwardRule,
    Category,
    Criterion,
    FileLimits,
    FinalTickets,
    PageSection,
    Province,
    Ranking,
    Region,
    RoundRule,
    SeasonRules,
    Theme,
    Tier,
    province_key,
)

#: Root of the bundled data; resolves inside a PyInstaller bundle too (see app/paths.py). Read at call
#: time, so tests may monkeypatch it.
_DATA_DIR: Path = paths.DATA_DIR
#: A season file is named after its year.
_YEAR_FILE = re.compile(r"\d{4}")
#: Region codes are stable ASCII identifiers (they end up in files and URLs).
_CODE = re.compile(r"[a-z][a-z0-9_]*")
#: A season always has ten themes, numbered 1..10.
THEME_NUMBERS: tuple[int, ...] = tuple(range(1, 11))

_T = TypeVar("_T")


class SeasonError(DomainError, ValueError):
    """A season that does not exist, or a season file that cannot be used; the message says which key.

    Raised as ``SeasonError("code", path=…, …)`` like any DomainError; ``path`` is also kept as a Path.
    """

    def __init__(self, code: str, /, *, path: Path | str, **params: Any) -> None:
        super().__init__(code, path=str(path), **params)
        self.path = Path(path)


def seasons_dir(data_dir: Path | None = None) -> Path:
    """The folder holding the season files: ``<data_dir>/seasons`` (default: the bundled data)."""
    return (data_dir if data_dir is not None else _DATA_DIR) / "seasons"


def available_seasons(data_dir: Path | None = None) -> list[int]:
    """Years that have a rules file, ascending."""
    folder = seasons_dir(data_dir)
    if not folder.is_dir():
        return []
    return sorted(int(p.stem) for p in folder.glob("*.toml") if _YEAR_FILE.fullmatch(p.stem))


def load_season(year: int, data_dir: Path | None = None) -> SeasonRules:
    """The rules of ``year``, read once and cached (a changed file is read again).

    Raises SeasonError for a year without a file or for a file that is not valid.
    """
    path = seasons_dir(data_dir) / f"{year}.toml"
    try:
        stat = path.stat()
    except OSError:
        known = [str(y) for y in available_seasons(data_dir)] or ["—"]
        raise SeasonError("season_unknown", path=path, year=year, known=known) from None
    return _load_cached(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=32)
def _load_cached(path: Path, _mtime_ns: int, _size: int) -> SeasonRules:
    return load_season_file(path)


def load_season_file(path: Path) -> SeasonRules:
    """Read and check one season file, uncached (for an organizer's own rules file, and for tests)."""
    try:
        with path.open("rb") as fh:
            raw = tomllib.load(fh)
    except OSError as exc:
        raise SeasonError("season_unreadable", path=path, reason=exc.strerror or str(exc)) from None
    except tomllib.TOMLDecodeError as exc:
        raise SeasonError("season_not_toml", path=path, reason=str(exc)) from None
    except UnicodeDecodeError as exc:
        raise SeasonError("season_not_utf8", path=path, reason=str(exc)) from None
    rules = _Parser(path).season(raw)
    if _YEAR_FILE.fullmatch(path.stem) and int(path.stem) != rules.year:
        raise SeasonError("season_year_mismatch", path=path, stem=path.stem, year=rules.year)
    return rules


class _Table:
    """One TOML table being read: typed getters that name the key on error, and a check for unknown keys."""

    def __init__(self, parser: _Parser, data: object, where: str) -> None:
        self._parser = parser
        self.where = where
        if not isinstance(data, dict):
            parser.fail(where, f"应为表（table），实为 {_kind(data)}")
        self._data: dict[str, Any] = data
        self._seen: set[str] = set()

    def _at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def fail(self, key: str, problem: str) -> NoReturn:
        self._parser.fail(self._at(key), problem)

    def _get(self, key: str, kind: str, check: Callable[[object], bool], *, required: bool) -> Any:
        self._seen.add(key)
        if key not in self._data:
            if required:
                self.fail(key, "缺少必填项")
            return None
        value = self._data[key]
        if not check(value):
            self.fail(key, f"应为{kind}，实为 {_kind(value)} {value!r}")
        return value

    def text(self, key: str, *, required: bool = True, empty_ok: bool = False) -> str:
        value: str | None = self._get(key, "文本", lambda v: isinstance(v, str), required=required)
        if value is None:
            return ""
        if not empty_ok and not value.strip():
            self.fail(key, "不能为空")
        return value

    def opt_text(self, key: str) -> str | None:
        value: str | None = self._get(key, "文本", lambda v: isinstance(v, str), required=False)
        if value is not None and not value.strip():
            self.fail(key, "不能为空（不需要时请删掉这一项）")
        return value

    def integer(self, key: str, *, minimum: int = 1) -> int:
        value = self.opt_integer(key, minimum=minimum, required=True)
        assert value is not None  # required=True never returns None
        return value

    def opt_integer(self, key: str, *, minimum: int = 1, required: bool = False) -> int | None:
        value: int | None = self._get(key, "整数", _is_int, required=required)
        if value is not None and value < minimum:
            self.fail(key, f"应不小于 {minimum}，实为 {value}")
        return value

    def number(self, key: str, *, positive: bool = True) -> float:
        value = self.opt_number(key, positive=positive, required=True)
        assert value is not None  # required=True never returns None
        return value

    def opt_number(self, key: str, *, positive: bool = True, required: bool = False) -> float | None:
        value: int | float | None = self._get(
            key, "数字", lambda v: _is_int(v) or isinstance(v, float), required=required
        )
        if value is None:
            return None
        if positive and not value > 0:
            self.fail(key, f"应大于 0，实为 {value}")
        if not positive and value < 0:
            self.fail(key, f"不能为负数，实为 {value}")
        return float(value)

    def flag(self, key: str, *, default: bool | None = None) -> bool:
        value: bool | None = self._get(
            key, "true 或 false", lambda v: isinstance(v, bool), required=default is None
        )
        if value is None:
            assert default is not None
            return default
        return value

    def day(self, key: str) -> date:
        value: date = self._get(
            key,
            "日期（如 2022-07-27）",
            lambda v: isinstance(v, date) and not isinstance(v, datetime),
            required=True,
        )
        return value

    def table(self, key: str, *, required: bool = True) -> _Table | None:
        value = self._get(key, "表（table）", lambda v: isinstance(v, dict), required=required)
        return None if value is None else _Table(self._parser, value, self._at(key))

    def tables(self, key: str, *, allow_empty: bool = False) -> list[_Table]:
        value: list[object] = self._get(key, "表的列表", lambda v: isinstance(v, list), required=True)
        if not value and not allow_empty:
            self.fail(key, "至少要有一项")
        return [_Table(self._parser, item, f"{self._at(key)}[{i}]") for i, item in enumerate(value)]

    def texts(self, key: str) -> tuple[str, ...]:
        value: list[object] = self._get(key, "文本的列表", _is_text_list, required=False)
        return tuple(str(v) for v in value or ())

    def int_pair(self, key: str) -> tuple[int, int]:
        value: list[int] = self._get(
            key,
            "两个正整数的列表（如 [16, 9]）",
            lambda v: isinstance(v, list) and len(v) == 2 and all(_is_int(x) and x > 0 for x in v),
            required=True,
        )
        return (value[0], value[1])

    def done(self) -> None:
        """Refuse keys nobody read: a misspelt key would otherwise be silently ignored."""
        unknown = sorted(set(self._data) - self._seen)
        if unknown:
            self._parser.fail(self.where or "（顶层）", f"有未知的项：{', '.join(unknown)}")


class _Parser:
    """Turns the decoded TOML of one file into SeasonRules, checking every rule a season must satisfy."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, problem: str) -> NoReturn:
        raise SeasonError("season_invalid", path=self.path, where=where, problem=problem)

    def season(self, raw: dict[str, Any]) -> SeasonRules:
        top = _Table(self, raw, "")
        head = top.table("season")
        assert head is not None
        year = head.integer("year", minimum=1900)
        title = head.text("title")
        organizer = head.text("organizer")
        notice_date = head.day("notice_date")
        submission_start = head.day("submission_start")
        submission_end = head.day("submission_end")
        if submission_end < submission_start:
            head.fail("submission_end", f"早于 submission_start（{submission_start}）")
        scope = head.text("scope")
        working_days = head.opt_integer("screening_working_days")
        one_case = head.flag("one_case_per_theme", default=True)
        consistent_names = head.flag("consistent_hospital_names", default=True)
        head.done()

        themes = self._themes(top.tables("themes"))
        regions = self._regions(top.tables("regions"))
        tiers = tuple(
            _unique(
                (
                    Tier(t.text("code"), t.text("name"), t.text("description"))
                    for t in _finish_each(top.tables("tiers"))
                ),
                lambda t: t.code,
                lambda code: self.fail("tiers", f"代码 {code} 重复"),
            )
        )
        categories = tuple(
            _unique(
                (
                    Category(c.text("code"), c.text("name"), c.text("description"))
                    for c in _finish_each(top.tables("categories", allow_empty=True))
                ),
                lambda c: c.code,
                lambda code: self.fail("categories", f"代码 {code} 重复"),
            )
        )
        limits_table = top.table("limits")
        assert limits_table is not None
        limits = self._limits(limits_table)
        pages = tuple(
            PageSection(p.text("title"), p.integer("pages"))
            for p in _finish_each(top.tables("page_structure"))
        )
        rounds = self._rounds(top.tables("rounds"))
        awards = self._awards(top.tables("awards"), rounds, categories)
        award_rounds = {a.key: a.round for a in awards}
        for r in rounds:
            if r.entry_award is not None and award_rounds.get(r.entry_award, r.key) in (None, r.key):
                self.fail("rounds", f"轮次 {r.key} 的 entry_award {r.entry_award!r} 应是之前某轮的奖项")
        tickets_table = top.table("final_tickets", required=False)
        tickets = None
        if tickets_table is not None:
            tickets = FinalTickets(
                tickets_table.flag("per_group_winner"), tickets_table.integer("extra", minimum=0)
            )
            tickets_table.done()
        rubric = self._rubric(top.tables("rubric"))
        ranking = self._ranking(top.table("ranking", required=False), rubric)
        top.done()
        return SeasonRules(
            year=year,
            title=title,
            organizer=organizer,
            notice_date=notice_date,
            submission_start=submission_start,
            submission_end=submission_end,
            scope=scope,
            screening_working_days=working_days,
            themes=themes,
            regions=regions,
            tiers=tiers,
            categories=categories,
            limits=limits,
            page_structure=pages,
            rounds=rounds,
            awards=awards,
            final_tickets=tickets,
            rubric=rubric,
            one_case_per_theme=one_case,
            consistent_hospital_names=consistent_names,
            ranking=ranking,
        )

    def _themes(self, tables: list[_Table]) -> tuple[Theme, ...]:
        themes = [
            Theme(t.integer("number"), t.text("title"), t.text("directions")) for t in _finish_each(tables)
        ]
        numbers = sorted(t.number for t in themes)
        if tuple(numbers) != THEME_NUMBERS:
            self.fail("themes", f"应恰好有十个主题，编号 1 到 10，实为 {numbers}")
        _unique(themes, lambda t: t.title, lambda title: self.fail("themes", f"主题名称 {title} 重复"))
        return tuple(sorted(themes, key=lambda t: t.number))

    def _regions(self, tables: list[_Table]) -> tuple[Region, ...]:
        regions: list[Region] = []
        owner: dict[str, str] = {}  # province_key → "region/province" that claimed it
        for table in tables:
            code = table.text("code")
            if not _CODE.fullmatch(code):
                table.fail("code", f"应为小写 ASCII 标识符（如 central_south），实为 {code!r}")
            provinces: list[Province] = []
            for item in table.tables("provinces"):
                province = Province(item.text("name"), item.text("short"), item.texts("aliases"))
                item.done()
                if any(p.name == province.name for r in regions for p in r.provinces) or any(
                    p.name == province.name for p in provinces
                ):
                    item.fail("name", f"{province.name} 已列在另一个赛区（一个省只能属于一个赛区）")
                for text in (province.name, province.short, *province.aliases):
                    key = province_key(text)
                    if not key:
                        item.fail("aliases", "不能有空的名称")
                    claimed = owner.setdefault(key, province.name)
                    if claimed != province.name:
                        item.fail("aliases", f"名称 {text!r} 同时指向 {claimed} 和 {province.name}")
                provinces.append(province)
            regions.append(Region(code, table.text("name"), table.text("full_name"), tuple(provinces)))
            table.done()
        _unique(regions, lambda r: r.code, lambda code: self.fail("regions", f"赛区代码 {code} 重复"))
        _unique(regions, lambda r: r.name, lambda name: self.fail("regions", f"赛区名称 {name} 重复"))
        return tuple(regions)

    def _limits(self, t: _Table) -> FileLimits:
        limits = FileLimits(
            pdf_max_bytes=t.integer("pdf_max_bytes"),
            min_font_pt=t.number("min_font_pt"),
            video_container=t.text("video_container"),
            video_aspect=t.int_pair("video_aspect"),
            video_aspect_tolerance=t.number("video_aspect_tolerance", positive=False),
            video_min_height=t.integer("video_min_height"),
            video_max_bytes=t.integer("video_max_bytes"),
            video_max_seconds=t.integer("video_max_seconds"),
            video_required=t.flag("video_required"),
            recommendation_max_chars=t.integer("recommendation_max_chars"),
            recommendation_required=t.flag("recommendation_required"),
        )
        if limits.video_aspect_tolerance >= 1:
            t.fail("video_aspect_tolerance", f"应小于 1，实为 {limits.video_aspect_tolerance}")
        t.done()
        return limits

    def _rounds(self, tables: list[_Table]) -> tuple[RoundRule, ...]:
        rounds: list[RoundRule] = []
        for t in tables:
            key = t.text("key")
            if key not in ROUND_KEYS:
                t.fail("key", f"应为 {'、'.join(ROUND_KEYS)} 之一，实为 {key!r}")
            starts, ends = t.day("starts"), t.day("ends")
            if ends < starts:
                t.fail("ends", f"早于 starts（{starts}）")
            group_by = t.opt_text("group_by")
            if group_by is not None and group_by not in GROUP_BY:
                t.fail("group_by", f"应为 {'、'.join(sorted(GROUP_BY))} 之一，实为 {group_by!r}")
            rule = RoundRule(
                key=key,
                name=t.text("name"),
                starts=starts,
                ends=ends,
                dates_text=t.text("dates_text"),
                live=t.flag("live"),
                online=t.flag("online"),
                group_by=group_by,
                entry=t.opt_text("entry") or ("none" if key == "screening" else "approved"),
                entry_award=t.opt_text("entry_award"),
            )
            if rule.entry not in ENTRY_RULES:
                t.fail("entry", f"应为 {'、'.join(sorted(ENTRY_RULES))} 之一，实为 {rule.entry!r}")
            if (rule.entry == "award") != (rule.entry_award is not None):
                t.fail("entry_award", 'entry = "award" 时必须给出 entry_award，其他情况不能给')
            t.done()
            if rounds and ROUND_KEYS.index(key) <= ROUND_KEYS.index(rounds[-1].key):
                self.fail(t.where, f"轮次 {key} 重复或顺序不对（应按 {' → '.join(ROUND_KEYS)} 排列）")
            rounds.append(rule)
        return tuple(rounds)

    def _awards(
        self, tables: list[_Table], rounds: tuple[RoundRule, ...], categories: tuple[Category, ...]
    ) -> tuple[AwardRule, ...]:
        round_keys = {r.key for r in rounds}
        category_codes = {c.code for c in categories}
        awards: list[AwardRule] = []
        for t in tables:
            scope, basis = t.text("scope"), t.text("basis")
            if scope not in AWARD_SCOPES:
                t.fail("scope", f"应为 {'、'.join(sorted(AWARD_SCOPES))} 之一，实为 {scope!r}")
            if basis not in AWARD_BASES:
                t.fail("basis", f"应为 {'、'.join(sorted(AWARD_BASES))} 之一，实为 {basis!r}")
            count = t.opt_integer("count")
            fraction = t.opt_number("fraction")
            if fraction is not None and fraction > 1:
                t.fail("fraction", f"应在 0 和 1 之间，实为 {fraction}")
            if count is not None and fraction is not None:
                t.fail("fraction", "count 和 fraction 只能给一个")
            round_key = t.opt_text("round")
            if round_key is not None and round_key not in round_keys:
                t.fail("round", f"本赛季没有轮次 {round_key!r}")
            category = t.opt_text("category")
            if category is not None and category not in category_codes:
                t.fail("category", f"本赛季没有类别 {category!r}")
            rounding = t.opt_text("rounding")
            if rounding is not None and rounding not in ROUNDINGS:
                t.fail("rounding", f"应为 {'、'.join(sorted(ROUNDINGS))} 之一，实为 {rounding!r}")
            if (rounding is None) != (fraction is None):
                t.fail("rounding", "按比例（fraction）的奖项必须写明取整方式 rounding，其他奖项不写")
            min_places = t.opt_integer("min_places", minimum=0)
            if min_places is not None and fraction is None:
                t.fail("min_places", "只用于按比例（fraction）的奖项")
            follows = t.opt_text("follows")
            if follows is not None:
                before = next((a for a in awards if a.key == follows), None)
                if before is None or (before.round, before.scope) != (round_key, scope):
                    t.fail("follows", f"应为前面同一轮次、同一范围的奖项代码，实为 {follows!r}")
            awards.append(
                AwardRule(
                    key=t.text("key"),
                    name=t.text("name"),
                    scope=scope,
                    basis=basis,
                    count=count,
                    fraction=fraction,
                    round=round_key,
                    category=category,
                    notes=t.text("notes", required=False, empty_ok=True),
                    rounding=rounding,
                    min_places=min_places or 0,
                    follows=follows,
                )
            )
            t.done()
        _unique(awards, lambda a: a.key, lambda key: self.fail("awards", f"奖项代码 {key} 重复"))
        return tuple(awards)

    def _rubric(self, tables: list[_Table]) -> tuple[Criterion, ...]:
        criteria: list[Criterion] = []
        for t in tables:
            criterion = Criterion(
                key=t.text("key"),
                name=t.text("name"),
                description=t.text("description"),
                max=t.number("max"),
                step=t.number("step"),
                weight=t.number("weight"),
                live_only=t.flag("live_only", default=False),
            )
            steps = criterion.max / criterion.step
            if abs(steps - round(steps)) > 1e-9:
                t.fail("max", f"{criterion.max} 不是步长 {criterion.step} 的整数倍")
            t.done()
            criteria.append(criterion)
        _unique(criteria, lambda c: c.key, lambda key: self.fail("rubric", f"评分项代码 {key} 重复"))
        if all(c.live_only for c in criteria):
            self.fail("rubric", "至少要有一个不限于现场轮次（live_only = false）的评分项")
        return tuple(criteria)

    def _ranking(self, t: _Table | None, rubric: tuple[Criterion, ...]) -> Ranking:
        """The optional [ranking] table: tie-break criterion (a rubric key) and the trimming threshold."""
        if t is None:
            return Ranking()
        key = t.opt_text("tie_break_criterion")
        if key is not None and all(c.key != key for c in rubric):
            t.fail("tie_break_criterion", f"评分细则中没有 {key!r}")
        trim = t.opt_integer("trim_min_judges", minimum=3)
        t.done()
        return Ranking(tie_break_criterion=key, trim_min_judges=trim if trim is not None else 5)


def _finish_each(tables: list[_Table]) -> Iterable[_Table]:
    """Yield each table, then check it had no unknown keys (after the caller read what it needs)."""
    for table in tables:
        yield table
        table.done()


def _unique(items: Iterable[_T], key: Callable[[_T], str], on_duplicate: Callable[[str], None]) -> list[_T]:
    seen: set[str] = set()
    out: list[_T] = []
    for item in items:
        k = key(item)
        if k in seen:
            on_duplicate(k)
        seen.add(k)
        out.append(item)
    return out


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_text_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _kind(value: object) -> str:
    return {
        bool: "布尔值",
        int: "整数",
        float: "小数",
        str: "文本",
        list: "列表",
        dict: "表",
        date: "日期",
        datetime: "日期时间",
    }.get(type(value), type(value).__name__)
