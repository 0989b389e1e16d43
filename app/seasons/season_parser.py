# SPDX-License-Identifier: Apache-2.0
"""Checks the decoded TOML of one season file, section by section, into frozen SeasonRules.

Every problem is a ``season_invalid`` SeasonError naming the key (``rounds[1].ends``) and what is wrong
with it, in Chinese: the organizer fixes the file from that one line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from app.glossary import Phrase, Term
from app.seasons.errors import SeasonError
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
from app.seasons.toml_table import TomlTable, finish_each, problem, unique

#: Region codes are stable ASCII identifiers (they end up in files and URLs).
_CODE = re.compile(r"[a-z][a-z0-9_]*")
#: A season always has ten themes, numbered 1..10.
THEME_NUMBERS: tuple[int, ...] = tuple(range(1, 11))

#: Tiers and categories share one shape (code, name, description).
_Coded = TypeVar("_Coded", Tier, Category)


@dataclass(frozen=True, slots=True)
class _Head:
    """What the [season] table holds, before the sections that follow it are read."""

    year: int
    title: str
    organizer: str
    notice_date: date
    submission_start: date
    submission_end: date
    scope: str
    screening_working_days: int | None
    one_case_per_theme: bool
    consistent_hospital_names: bool


class SeasonParser:
    """Turns the decoded TOML of one file into SeasonRules, checking every rule a season must satisfy."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str | Term, what: Phrase | str, /, **params: Any) -> NoReturn:
        """Refuse the file at ``where`` with a problem: a Phrase, or a key of PROBLEMS and its params."""
        said = what if isinstance(what, Phrase) else problem(what, **params)
        raise SeasonError("season_invalid", path=self.path, where=where, problem=said)

    def season(self, raw: dict[str, Any]) -> SeasonRules:
        """The whole file, section by section, in the order the file is checked (first problem wins)."""
        top = TomlTable(self.fail, raw, "")
        head = self._head(_required(top.table("season")))
        themes = self._themes(top.tables("themes"))
        regions = self._regions(top.tables("regions"))
        tiers = self._coded(top.tables("tiers"), Tier, "tiers")
        categories = self._coded(top.tables("categories", allow_empty=True), Category, "categories")
        limits = self._limits(_required(top.table("limits")))
        pages = tuple(
            PageSection(p.text("title"), p.integer("pages"))
            for p in finish_each(top.tables("page_structure"))
        )
        rounds = self._rounds(top.tables("rounds"))
        awards = self._awards(top.tables("awards"), rounds, categories)
        self._check_entry_awards(rounds, awards)
        tickets = self._final_tickets(top.table("final_tickets", required=False))
        rubric = self._rubric(top.tables("rubric"))
        ranking = self._ranking(top.table("ranking", required=False), rubric)
        top.done()
        return SeasonRules(
            year=head.year,
            title=head.title,
            organizer=head.organizer,
            notice_date=head.notice_date,
            submission_start=head.submission_start,
            submission_end=head.submission_end,
            scope=head.scope,
            screening_working_days=head.screening_working_days,
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
            one_case_per_theme=head.one_case_per_theme,
            consistent_hospital_names=head.consistent_hospital_names,
            ranking=ranking,
        )

    def _head(self, head: TomlTable) -> _Head:
        """The [season] table: year, title, the notice's dates and the season-wide switches."""
        year = head.integer("year", minimum=1900)
        title = head.text("title")
        organizer = head.text("organizer")
        notice_date = head.day("notice_date")
        submission_start = head.day("submission_start")
        submission_end = head.day("submission_end")
        if submission_end < submission_start:
            head.fail("submission_end", "before", other="submission_start", value=submission_start)
        result = _Head(
            year=year,
            title=title,
            organizer=organizer,
            notice_date=notice_date,
            submission_start=submission_start,
            submission_end=submission_end,
            scope=head.text("scope"),
            screening_working_days=head.opt_integer("screening_working_days"),
            one_case_per_theme=head.flag("one_case_per_theme", default=True),
            consistent_hospital_names=head.flag("consistent_hospital_names", default=True),
        )
        head.done()
        return result

    def _coded(
        self, tables: list[TomlTable], make: Callable[[str, str, str], _Coded], where: str
    ) -> tuple[_Coded, ...]:
        """Tiers or categories: code, name and description each, codes unique."""
        items = (make(t.text("code"), t.text("name"), t.text("description")) for t in finish_each(tables))
        return tuple(
            unique(items, lambda item: item.code, lambda code: self.fail(where, "duplicate_code", code=code))
        )

    def _check_entry_awards(self, rounds: tuple[RoundRule, ...], awards: tuple[AwardRule, ...]) -> None:
        """A round entered by an award is entered by one given in an earlier round."""
        award_rounds = {a.key: a.round for a in awards}
        for r in rounds:
            if r.entry_award is not None and award_rounds.get(r.entry_award, r.key) in (None, r.key):
                self.fail("rounds", "entry_award_order", round=r.key, award=repr(r.entry_award))

    def _final_tickets(self, t: TomlTable | None) -> FinalTickets | None:
        """The optional [final_tickets] table: a ticket per group winner, plus extra tickets."""
        if t is None:
            return None
        tickets = FinalTickets(t.flag("per_group_winner"), t.integer("extra", minimum=0))
        t.done()
        return tickets

    def _themes(self, tables: list[TomlTable]) -> tuple[Theme, ...]:
        themes = [
            Theme(t.integer("number"), t.text("title"), t.text("directions")) for t in finish_each(tables)
        ]
        numbers = sorted(t.number for t in themes)
        if tuple(numbers) != THEME_NUMBERS:
            self.fail("themes", "ten_themes", numbers=str(numbers))
        unique(
            themes, lambda t: t.title, lambda title: self.fail("themes", "duplicate_theme_title", title=title)
        )
        return tuple(sorted(themes, key=lambda t: t.number))

    def _regions(self, tables: list[TomlTable]) -> tuple[Region, ...]:
        regions: list[Region] = []
        owner: dict[str, str] = {}  # province_key → "region/province" that claimed it
        for table in tables:
            code = table.text("code")
            if not _CODE.fullmatch(code):
                table.fail("code", "region_code", code=repr(code))
            provinces: list[Province] = []
            for item in table.tables("provinces"):
                province = Province(item.text("name"), item.text("short"), item.texts("aliases"))
                item.done()
                if any(p.name == province.name for r in regions for p in r.provinces) or any(
                    p.name == province.name for p in provinces
                ):
                    item.fail("name", "province_twice", province=province.name)
                for text in (province.name, province.short, *province.aliases):
                    key = province_key(text)
                    if not key:
                        item.fail("aliases", "empty_alias")
                    claimed = owner.setdefault(key, province.name)
                    if claimed != province.name:
                        item.fail(
                            "aliases", "alias_clash", name=repr(text), claimed=claimed, province=province.name
                        )
                provinces.append(province)
            regions.append(Region(code, table.text("name"), table.text("full_name"), tuple(provinces)))
            table.done()
        unique(
            regions, lambda r: r.code, lambda code: self.fail("regions", "duplicate_region_code", code=code)
        )
        unique(
            regions, lambda r: r.name, lambda name: self.fail("regions", "duplicate_region_name", name=name)
        )
        return tuple(regions)

    def _limits(self, t: TomlTable) -> FileLimits:
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
            t.fail("video_aspect_tolerance", "below_one", value=limits.video_aspect_tolerance)
        t.done()
        return limits

    def _rounds(self, tables: list[TomlTable]) -> tuple[RoundRule, ...]:
        rounds: list[RoundRule] = []
        for t in tables:
            key = t.text("key")
            if key not in ROUND_KEYS:
                t.fail("key", "one_of", options=list(ROUND_KEYS), value=repr(key))
            starts, ends = t.day("starts"), t.day("ends")
            if ends < starts:
                t.fail("ends", "before", other="starts", value=starts)
            group_by = t.opt_text("group_by")
            if group_by is not None and group_by not in GROUP_BY:
                t.fail("group_by", "one_of", options=sorted(GROUP_BY), value=repr(group_by))
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
                t.fail("entry", "one_of", options=sorted(ENTRY_RULES), value=repr(rule.entry))
            if (rule.entry == "award") != (rule.entry_award is not None):
                t.fail("entry_award", "entry_award_rule")
            t.done()
            if rounds and ROUND_KEYS.index(key) <= ROUND_KEYS.index(rounds[-1].key):
                self.fail(t.where, "round_order", key=key, order=" → ".join(ROUND_KEYS))
            rounds.append(rule)
        return tuple(rounds)

    def _awards(
        self, tables: list[TomlTable], rounds: tuple[RoundRule, ...], categories: tuple[Category, ...]
    ) -> tuple[AwardRule, ...]:
        round_keys = {r.key for r in rounds}
        category_codes = {c.code for c in categories}
        awards: list[AwardRule] = []
        for t in tables:
            scope, basis = t.text("scope"), t.text("basis")
            if scope not in AWARD_SCOPES:
                t.fail("scope", "one_of", options=sorted(AWARD_SCOPES), value=repr(scope))
            if basis not in AWARD_BASES:
                t.fail("basis", "one_of", options=sorted(AWARD_BASES), value=repr(basis))
            count = t.opt_integer("count")
            fraction = t.opt_number("fraction")
            if fraction is not None and fraction > 1:
                t.fail("fraction", "fraction_range", value=fraction)
            if count is not None and fraction is not None:
                t.fail("fraction", "count_or_fraction")
            round_key = t.opt_text("round")
            if round_key is not None and round_key not in round_keys:
                t.fail("round", "no_round", round=repr(round_key))
            category = t.opt_text("category")
            if category is not None and category not in category_codes:
                t.fail("category", "no_category", category=repr(category))
            rounding = t.opt_text("rounding")
            if rounding is not None and rounding not in ROUNDINGS:
                t.fail("rounding", "one_of", options=sorted(ROUNDINGS), value=repr(rounding))
            if (rounding is None) != (fraction is None):
                t.fail("rounding", "rounding_needed")
            min_places = t.opt_integer("min_places", minimum=0)
            if min_places is not None and fraction is None:
                t.fail("min_places", "fraction_only")
            follows = t.opt_text("follows")
            if follows is not None:
                before = next((a for a in awards if a.key == follows), None)
                if before is None or (before.round, before.scope) != (round_key, scope):
                    t.fail("follows", "follows", value=repr(follows))
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
        unique(awards, lambda a: a.key, lambda key: self.fail("awards", "duplicate_award", key=key))
        return tuple(awards)

    def _rubric(self, tables: list[TomlTable]) -> tuple[Criterion, ...]:
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
                t.fail("max", "max_step", max=criterion.max, step=criterion.step)
            t.done()
            criteria.append(criterion)
        unique(criteria, lambda c: c.key, lambda key: self.fail("rubric", "duplicate_criterion", key=key))
        if all(c.live_only for c in criteria):
            self.fail("rubric", "no_review_criterion")
        return tuple(criteria)

    def _ranking(self, t: TomlTable | None, rubric: tuple[Criterion, ...]) -> Ranking:
        """The optional [ranking] table: tie-break criterion (a rubric key) and the trimming threshold."""
        if t is None:
            return Ranking()
        key = t.opt_text("tie_break_criterion")
        if key is not None and all(c.key != key for c in rubric):
            t.fail("tie_break_criterion", "no_criterion", key=repr(key))
        trim = t.opt_integer("trim_min_judges", minimum=3)
        t.done()
        return Ranking(tie_break_criterion=key, trim_min_judges=trim if trim is not None else 5)


def _required(table: TomlTable | None) -> TomlTable:
    """A table read with ``required=True``, which is never None (it fails on a missing key)."""
    assert table is not None
    return table
