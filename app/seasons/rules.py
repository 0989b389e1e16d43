# SPDX-License-Identifier: Apache-2.0
"""Frozen value types for one season's rules, and the look-ups that read names the way people type them."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

#: Round keys in the order a season runs them; a season uses a subset, in this order.
ROUND_KEYS: tuple[str, ...] = ("screening", "voting", "review", "semifinal", "final")
#: Where an award's count applies.
AWARD_SCOPES: frozenset[str] = frozenset({"region_theme", "theme", "national", "season"})
#: What decides an award.
AWARD_BASES: frozenset[str] = frozenset({"review", "votes", "semifinal", "final", "case_count"})
#: How a live round splits its cases into groups that present and rank together.
GROUP_BY: frozenset[str] = frozenset({"region_theme", "theme", "region"})
#: How an award given to a ``fraction`` of a group turns into a whole number of places.
ROUNDINGS: frozenset[str] = frozenset({"ceil", "floor", "half_up"})

#: How cases enter a round: none (screening takes every submission), approved (passed screening), award
#: (the tickets of ``entry_award``, an award of an earlier round), final_tickets (``[final_tickets]``).
ENTRY_RULES: frozenset[str] = frozenset({"none", "approved", "award", "final_tickets"})

#: Chinese numerals for theme numbers 1-10 (主题一 … 主题十).
_CN_DIGITS: dict[str, int] = {
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
}  # fmt: skip
#: "主题三：标题", "主题 3", "第三主题", "Theme 3 - 标题", "3", "三" — after normalise(): no spaces, NFKC.
_THEME_RE = re.compile(
    r"(?:主题|theme|第)?(10|[1-9]|[一二三四五六七八九十])(?:主题)?[:、.\-_—–·|/]*(.*)",
)
#: Whitespace of any width, plus the zero-width characters that copy-paste from web pages leaves behind.
_SPACE_RE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
#: Quotes and brackets people put around a title.
_TITLE_QUOTES = "\"'“”‘’「」『』《》〈〉【】()"


def normalise(text: str) -> str:
    """Fold text for matching: NFKC (full-width → ASCII), every kind of space removed, case-folded."""
    return _SPACE_RE.sub("", unicodedata.normalize("NFKC", text)).casefold()


def province_key(text: str) -> str:
    """Matching key for a province name: normalise() and drop a leading 中国 (中国香港 → 香港)."""
    key = normalise(text)
    if key.startswith("中国") and len(key) > 2:
        key = key[2:]
    return key


@dataclass(frozen=True, slots=True)
class Theme:
    """One of a season's ten themes (主题) with its encouraged directions (鼓励申报方向 / 推荐方向)."""

    number: int
    title: str
    directions: str


@dataclass(frozen=True, slots=True)
class Province:
    """A province-level division: official full name (广西壮族自治区), short name (广西) and aliases."""

    name: str
    short: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Region:
    """A competition region (赛区); ``code`` is a stable ASCII key, ``name`` 华北, ``full_name`` 华北赛区."""

    code: str
    name: str
    full_name: str
    provinces: tuple[Province, ...]


@dataclass(frozen=True, slots=True)
class Tier:
    """A hospital tier (组别), e.g. 城市组 / 县域组."""

    code: str
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class Category:
    """A case category (类别), e.g. 医院日常改善医疗服务案例; ``description`` is who may submit (征集对象)."""

    code: str
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class FileLimits:
    """What a submission's files must satisfy: slides PDF, optional video, recommendation text."""

    pdf_max_bytes: int
    min_font_pt: float
    video_container: str
    video_aspect: tuple[int, int]
    video_aspect_tolerance: float
    video_min_height: int
    video_max_bytes: int
    video_max_seconds: int
    video_required: bool
    recommendation_max_chars: int
    recommendation_required: bool


@dataclass(frozen=True, slots=True)
class PageSection:
    """One section of the suggested slide structure and its page count (背景 1 页)."""

    title: str
    pages: int


@dataclass(frozen=True, slots=True)
class RoundRule:
    """A round of the season; ``dates_text`` keeps the notice's own wording of the dates."""

    key: str
    name: str
    starts: date
    ends: date
    dates_text: str
    live: bool
    online: bool
    group_by: str | None
    #: How cases enter this round (one of ENTRY_RULES) and, for "award", which award admits them.
    entry: str = "approved"
    entry_award: str | None = None


@dataclass(frozen=True, slots=True)
class AwardRule:
    """An award: ``count`` winners (or a ``fraction``) of each ``scope`` group, decided by ``basis``."""

    key: str
    name: str
    scope: str
    basis: str
    count: int | None
    fraction: float | None
    round: str | None
    category: str | None
    notes: str
    #: For a ``fraction``: how its places round (ceil, floor, half_up), and the fewest places a group
    #: with cases gets.
    rounding: str | None = None
    min_places: int = 0
    #: An earlier award of the same round and scope whose places this one continues after (a ladder:
    #: gold 1, then silver 2, then bronze 3); None: the award counts from the top.
    follows: str | None = None

    def places(self, group_size: int, ranked: int) -> int:
        """How many places the award gives in a group of ``group_size`` cases, ``ranked`` of them with a
        score: ``count``; or ``fraction`` of the group rounded as the file says, at least ``min_places``;
        or, with neither, every ranked case."""
        if self.count is not None:
            return self.count
        if self.fraction is None:
            return ranked
        exact = Fraction(str(self.fraction)) * group_size
        if self.rounding == "floor":
            places = math.floor(exact)
        elif self.rounding == "half_up":
            places = math.floor(exact + Fraction(1, 2))
        else:
            places = math.ceil(exact)
        return min(group_size, max(self.min_places, places)) if group_size else 0


@dataclass(frozen=True, slots=True)
class Ranking:
    """How a round's results rank: the criterion that breaks ties after the median, the trimming rule."""

    #: Rubric key of the criterion whose mean breaks a tie left after the trimmed mean and median.
    tie_break_criterion: str | None = None
    #: A trimmed mean drops one highest and one lowest mark only when a case has at least this many.
    trim_min_judges: int = 5


#: The award key under which the results hand out the national-final tickets of ``[final_tickets]``
#: (a round's ``entry = "final_tickets"`` admits its holders).
FINAL_TICKET_AWARD = "final_ticket"


@dataclass(frozen=True, slots=True)
class FinalTickets:
    """Who reaches the national final: each group's winner (if ``per_group_winner``) plus ``extra`` more."""

    per_group_winner: bool
    extra: int


@dataclass(frozen=True, slots=True)
class Criterion:
    """A rubric criterion as the season file states it; ``live_only`` ones (presentation) are scored in
    live rounds only.

    The season file's boundary: it seeds a new workspace's rubrics (``app.models.Criterion`` from then on).
    """

    key: str
    name: str
    description: str
    max: float
    step: float
    weight: float
    live_only: bool


@dataclass(frozen=True, slots=True)
class SeasonRules:
    """Everything one season's notice fixes, as read from ``data/seasons/<year>.toml``."""

    year: int
    title: str
    organizer: str
    notice_date: date
    submission_start: date
    submission_end: date
    scope: str
    screening_working_days: int | None
    themes: tuple[Theme, ...]
    regions: tuple[Region, ...]
    tiers: tuple[Tier, ...]
    categories: tuple[Category, ...]
    limits: FileLimits
    page_structure: tuple[PageSection, ...]
    rounds: tuple[RoundRule, ...]
    awards: tuple[AwardRule, ...]
    final_tickets: FinalTickets | None
    rubric: tuple[Criterion, ...]
    #: A hospital may enter at most one case per theme.
    one_case_per_theme: bool = True
    #: A hospital must use one full official name on all its cases.
    consistent_hospital_names: bool = True
    #: Tie-break and trimming rules of the results.
    ranking: Ranking = Ranking()
    _province_index: dict[str, Province] = field(init=False, repr=False, compare=False, hash=False)
    _region_index: dict[str, Region] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        provinces: dict[str, Province] = {}
        regions: dict[str, Region] = {}
        for region in self.regions:
            for province in region.provinces:
                regions[province.name] = region
                for text in (province.name, province.short, *province.aliases):
                    provinces.setdefault(province_key(text), province)
        object.__setattr__(self, "_province_index", provinces)
        object.__setattr__(self, "_region_index", regions)

    def theme(self, number: int) -> Theme:
        """The theme with this number; KeyError if the season has none."""
        for theme in self.themes:
            if theme.number == number:
                return theme
        raise KeyError(f"season {self.year} has no theme {number}")

    def suggested_pages(self) -> int:
        """Total pages of the suggested slide structure (17 in both notices)."""
        return sum(section.pages for section in self.page_structure)

    def resolve_province(self, text: str) -> Province | None:
        """The province that ``text`` names (full name, short name, alias, pinyin), or None.

        Spaces of any width and a leading 中国 are ignored; Latin letters match case-insensitively.
        """
        key = province_key(text)
        return self._province_index.get(key) if key else None

    def region_of(self, province: Province) -> Region:
        """The region a province belongs to; KeyError if it is not one of this season's provinces."""
        try:
            return self._region_index[province.name]
        except KeyError:
            raise KeyError(f"{province.name} is in no region of season {self.year}") from None

    def region_for(self, text: str) -> Region | None:
        """The region for a province written as ``text``; a region's code, name or full name also works."""
        province = self.resolve_province(text)
        if province is not None:
            return self.region_of(province)
        key = normalise(text)
        for region in self.regions:
            if key in (region.code.casefold(), normalise(region.name), normalise(region.full_name)):
                return region
        return None

    def region(self, code: str) -> Region:
        """The region with this ASCII code; KeyError if none."""
        for region in self.regions:
            if region.code == code:
                return region
        raise KeyError(f"season {self.year} has no region {code!r}")

    def resolve_theme(self, value: str | int) -> Theme | None:
        """The theme that ``value`` names, or None if it names none or contradicts itself.

        Accepts a number 1-10 (int, or a string with ASCII, full-width or Chinese digits), 主题三 / 主题3 /
        主题 三, 主题三：<title>, and the title itself with any whitespace. A number followed by the title
        of a different theme is refused (None), since the caller cannot know which was meant.
        """
        if isinstance(value, bool):
            return None
        if isinstance(value, int):
            return self._theme_or_none(value)
        key = normalise(value)
        if not key:
            return None
        by_title = {normalise(theme.title): theme for theme in self.themes}
        if key in by_title:
            return by_title[key]
        match = _THEME_RE.fullmatch(key)
        if match is None:
            return None
        digits, rest = match.groups()
        number = int(digits) if digits.isdigit() else _CN_DIGITS[digits]
        theme = self._theme_or_none(number)
        rest = rest.strip(_TITLE_QUOTES)
        if theme is None or not rest:
            return theme
        return theme if by_title.get(rest) is theme else None

    def _theme_or_none(self, number: int) -> Theme | None:
        try:
            return self.theme(number)
        except KeyError:
            return None

    def round(self, key: str) -> RoundRule:
        """The round with this key (screening, voting, review, semifinal, final); KeyError if absent."""
        for rule in self.rounds:
            if rule.key == key:
                return rule
        raise KeyError(f"season {self.year} has no round {key!r}")

    def has_round(self, key: str) -> bool:
        """Whether the season runs this round (2020 has no voting round)."""
        return any(rule.key == key for rule in self.rounds)

    def award(self, key: str) -> AwardRule:
        """The award with this key; KeyError if absent."""
        for rule in self.awards:
            if rule.key == key:
                return rule
        raise KeyError(f"season {self.year} has no award {key!r}")

    def criteria(self, *, live: bool) -> tuple[Criterion, ...]:
        """The default rubric for a round: live rounds add the ``live_only`` criteria."""
        return tuple(c for c in self.rubric if live or not c.live_only)
