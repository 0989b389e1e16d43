# SPDX-License-Identifier: Apache-2.0
"""What the demo competition says: hospitals, titles, recommendations, judges — planned from data/demo/.

Everything here is pure and deterministic for a seed: from the generator inputs (``inputs``, read from
``data/demo/``) and the season's rules it returns frozen plans; ``slides`` and ``video`` turn plans into
files.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from typing import Any

from app.demo.inputs import DemoData, HospitalKind, Method, MetricSpec, Place, ThemeContent, read_method
from app.seasons import SeasonRules

#: Share of cases that come from a hospital already in the demo (never in a theme it already entered).
REPEAT_SHARE = 0.25
#: Share of hospitals drawn from prefecture-level cities when the season has a tier for them.
CITY_SHARE = 0.4
#: Recommendation length the generator aims for (the rules cap it at recommendation_max_chars).
RECOMMENDATION_CHARS = (80, 280)
#: Pages between the title slide and the closing one: 12-20 pages in all.
BODY_PAGES = (10, 18)


# ----------------------------------------------------------------------------------------------- plans


@dataclass(frozen=True, slots=True)
class Metric:
    """A measured improvement of one case."""

    name: str
    unit: str
    before: float
    after: float
    decimals: int

    @property
    def lower_is_better(self) -> bool:
        return self.after < self.before

    def fmt(self, value: float) -> str:
        """The value with its unit, as a slide or a sentence shows it (6.2天, 25.3%)."""
        return f"{value:.{self.decimals}f}{self.unit}"

    @property
    def change_pct(self) -> float:
        """Relative change from before to after, in percent (always positive)."""
        return abs(self.after - self.before) / self.before * 100 if self.before else 0.0


@dataclass(frozen=True, slots=True)
class Hospital:
    name: str
    province: str
    place: Place
    kind: HospitalKind


@dataclass(frozen=True, slots=True)
class Section:
    """A section of a case's deck: the rules' title (背景), how it is filled (``kind``), its pages."""

    title: str
    kind: str
    pages: int


@dataclass(frozen=True, slots=True)
class CasePlan:
    """Everything one demo case is made of, before any file exists."""

    code: str
    hospital: Hospital
    theme_number: int
    theme_title: str
    title: str
    recommendation: str
    tier: str | None
    category: str | None
    votes: int
    submitted_at: datetime
    content: ThemeContent
    background: tuple[str, ...]
    goals: tuple[str, ...]
    methods: tuple[Method, ...]
    metrics: tuple[Metric, ...]
    values: tuple[str, ...]
    sections: tuple[Section, ...]
    #: The baseline survey of the 背景 page: questionnaires sent, valid, share (%) wanting change.
    survey: tuple[int, int, int]
    video_seconds: float | None
    style: int
    #: The finding code of the mistake planted in its submission, "" for none (app/demo/submission.py).
    planted: str = ""


@dataclass(frozen=True, slots=True)
class JudgePlan:
    name: str
    institution: str
    province: str
    phone: str
    email: str
    expertise: tuple[int, ...]


def spread(items: Sequence[Any], n: int, rng: random.Random) -> list[Any]:
    """``n`` items drawn round-robin (each block of len(items) a fresh shuffle): counts differ by <= 1,
    and every item appears once ``n >= len(items)``."""
    out: list[Any] = []
    while len(out) < n:
        block = list(items)
        rng.shuffle(block)
        out += block
    return out[:n]


def _weighted(rng: random.Random, items: Sequence[Any], weights: Sequence[float]) -> Any:
    return rng.choices(list(items), weights=list(weights), k=1)[0]


class Planner:
    """Plans a demo competition for one season and seed."""

    def __init__(self, rules: SeasonRules, data: DemoData, seed: int) -> None:
        self.rules = rules
        self.data = data
        self.rng = random.Random(seed)
        self.hospitals: list[Hospital] = []
        self._themes_of: dict[str, set[int]] = {}
        self._titles_used: dict[int, set[str]] = {}
        tier_codes = {t.code for t in rules.tiers}
        self.levels = ("county", "city") if "city" in tier_codes else ("county",)

    # --------------------------------------------------------------------------------- hospitals

    def _new_hospital(self, region_code: str) -> Hospital:
        region = self.rules.region(region_code)
        names = {p.name for p in region.provinces}
        level = "city" if len(self.levels) > 1 and self.rng.random() < CITY_SHARE else "county"
        candidates = [p for p in self.data.places if p.province in names and p.level == level]
        if not candidates:  # a region with only city places (or only county ones): take what there is
            candidates = [p for p in self.data.places if p.province in names and p.level in self.levels] or [
                p for p in self.data.places if p.province in names
            ]
        if not candidates:
            raise ValueError(f"data/demo/places.toml has no place in region {region.name}")
        taken = {h.name for h in self.hospitals}
        for _ in range(200):
            place = self.rng.choice(candidates)
            kinds = [k for k in self.data.kinds if place.level in k.levels]
            kind = _weighted(self.rng, kinds, [k.weight for k in kinds])
            name = f"{place.prefix}{place.name}{kind.suffix}"
            if name not in taken:
                break
        else:  # pragma: no cover - only with absurdly many cases per region
            raise ValueError(f"data/demo/places.toml has too few places for region {region.name}")
        resolved = self.rules.resolve_province(place.province)
        hospital = Hospital(name, resolved.name if resolved else place.province, place, kind)
        self.hospitals.append(hospital)
        self._themes_of[name] = set()
        return hospital

    def _hospital_for(self, region_code: str, theme: int) -> Hospital:
        region = self.rules.region(region_code)
        provinces = {p.name for p in region.provinces}
        if self.rng.random() < REPEAT_SHARE:
            free = [
                h for h in self.hospitals if h.province in provinces and theme not in self._themes_of[h.name]
            ]
            if free:
                # Busier hospitals are likelier to enter again: a few hospitals enter several themes.
                hospital: Hospital = _weighted(
                    self.rng, free, [1 + len(self._themes_of[h.name]) for h in free]
                )
                self._themes_of[hospital.name].add(theme)
                return hospital
        hospital = self._new_hospital(region_code)
        self._themes_of[hospital.name].add(theme)
        return hospital

    # ------------------------------------------------------------------------------------ cases

    def _fmt(self, template: str, **values: str) -> str:
        return template.format_map(_Defaults(values))

    def _category(self) -> tuple[str | None, tuple[str, ...]]:
        cats = self.rules.categories
        if not cats:
            return None, ()
        spec = {c["code"]: c for c in self.data.slides.get("categories", [])}
        listed = sum(float(spec[c.code]["share"]) for c in cats if c.code in spec)
        unlisted = [c for c in cats if c.code not in spec]
        rest = max(0.0, 1.0 - listed) / len(unlisted) if unlisted else 0.0
        weights = [float(spec[c.code]["share"]) if c.code in spec else rest for c in cats]
        cat = _weighted(self.rng, cats, weights)
        return cat.code, tuple(spec.get(cat.code, {}).get("titles", ()))

    def _tier(self, hospital: Hospital) -> str | None:
        tiers = self.rules.tiers
        if not tiers:
            return None
        for tier in tiers:
            if tier.code == hospital.place.level:
                return tier.code
        return tiers[0].code

    def _title(
        self,
        theme: int,
        theme_title: str,
        content: ThemeContent,
        hospital: Hospital,
        category_titles: tuple[str, ...],
    ) -> str:
        used = self._titles_used.setdefault(theme, set())
        pool = list(category_titles or content.titles)
        values = {"place": hospital.place.short, "short": content.short, "theme": theme_title}
        fresh = [t for t in pool if self._fmt(t, **values) not in used]
        if fresh:
            title = self._fmt(self.rng.choice(fresh), **values)
        else:  # more cases than titles in this theme: say whose practice it is
            title = f"{self._fmt(self.rng.choice(pool), **values)}（{hospital.place.short}实践）"
        used.add(title)
        return title

    def _metric(self, spec: MetricSpec) -> Metric:
        def draw(lo_hi: tuple[float, float]) -> float:
            return round(self.rng.uniform(*lo_hi), spec.decimals)

        return Metric(spec.name, spec.unit, draw(spec.before), draw(spec.after), spec.decimals)

    def _recommendation(
        self, hospital: Hospital, content: ThemeContent, theme_title: str, metrics: Sequence[Metric]
    ) -> str:
        rec = self.data.slides["recommendation"]
        labels = self.data.slides["labels"]
        values = {
            "hospital": hospital.name,
            "province": hospital.province,
            "place": hospital.place.name,
            "kind": hospital.kind.description,
            "theme": theme_title,
            "short": content.short,
        }
        opening = self._fmt(self.rng.choice(rec["openings"]), **values)
        reason = self._fmt(self.rng.choice(content.reasons), **values).rstrip("。，") + "。"
        results = []
        for m, template in zip(metrics, rec["results"], strict=False):
            results.append(
                self._fmt(
                    template,
                    metric=m.name,
                    before=m.fmt(m.before),
                    after=m.fmt(m.after),
                    change=labels["change_down"] if m.lower_is_better else labels["change_up"],
                )
            )
        closing = self._fmt(self.rng.choice(rec["closings"]), **values)
        lo, hi = RECOMMENDATION_CHARS
        hi = min(hi, self.rules.limits.recommendation_max_chars)
        text = opening + reason + "".join(results) + closing
        while len(text) > hi and results:
            results.pop()
            text = opening + reason + "".join(results) + closing
        if len(text) > hi:
            text = reason + closing
        if len(text) < lo:
            text = (
                opening + reason + "".join(results) + self._fmt(content.values[0], **values) + "。" + closing
            )
        return text[:hi]

    def plan_cases(self, n: int, n_videos: int) -> list[CasePlan]:
        """``n`` cases spread evenly over the season's themes and regions, ``n_videos`` with a video."""
        rules = self.rules
        themes = spread([t.number for t in rules.themes], n, self.rng)
        regions = spread([r.code for r in rules.regions if self._has_places(r.code)], n, self.rng)
        with_video = set(self.rng.sample(range(n), min(n_videos, n)))
        start = datetime.combine(rules.submission_start, time(8, 0))
        days = (rules.submission_end - rules.submission_start).days
        votes = self.data.slides["votes"]
        plans = []
        for i in range(n):
            theme = rules.theme(themes[i])
            content, _generic = self.data.content_for(theme.title)
            hospital = self._hospital_for(regions[i], theme.number)
            category, category_titles = self._category()
            title = self._title(theme.number, theme.title, content, hospital, category_titles)
            metrics = [self._metric(s) for s in content.metrics]
            self.rng.shuffle(metrics)
            values = {"theme": theme.title, "place": hospital.place.short}
            background = [self._fmt(b, **values) for b in content.background]
            self.rng.shuffle(background)
            shared_bg = list(self.data.slides["background"])
            self.rng.shuffle(shared_bg)
            sections = self._sections()
            n_methods = sum(s.pages for s in sections if s.kind == "methods")
            # Later days are likelier: most hospitals submit near the deadline.
            day = min(days, int(days * self.rng.random() ** 0.6 + 0.5))
            submitted = start + timedelta(days=day, minutes=self.rng.randrange(0, 14 * 60))
            sent = self.rng.randrange(200, 1200, 10)
            survey = (sent, sent - self.rng.randrange(3, max(4, sent // 12)), self.rng.randrange(58, 86))
            vote = int(math.exp(self.rng.gauss(math.log(float(votes["median"])), float(votes["sigma"]))))
            plans.append(
                CasePlan(
                    code="",
                    hospital=hospital,
                    theme_number=theme.number,
                    theme_title=theme.title,
                    title=title,
                    recommendation=self._recommendation(hospital, content, theme.title, metrics),
                    tier=self._tier(hospital),
                    category=category,
                    votes=max(int(votes["min"]), min(int(votes["max"]), vote)),
                    submitted_at=submitted,
                    content=content,
                    background=(*background[:3], *shared_bg[: max(1, 4 - len(background[:3]))]),
                    goals=tuple(self._fmt(g, **values) for g in content.goals),
                    methods=self._methods(content, n_methods),
                    metrics=tuple(metrics),
                    values=(
                        *(self._fmt(v, **values) for v in content.values),
                        *self.data.slides["values"],
                    ),
                    sections=sections,
                    survey=survey,
                    video_seconds=round(self.rng.uniform(2.0, 4.0), 1) if i in with_video else None,
                    style=self.rng.randrange(1 << 16),
                )
            )
        # Case codes follow the order of submission, as an online form hands them out.
        plans.sort(key=lambda c: (c.submitted_at, c.title))
        return [replace(c, code=f"{rules.year}-{k:04d}") for k, c in enumerate(plans, start=1)]

    def _sections(self) -> tuple[Section, ...]:
        """The season's suggested page structure, shortened at random so decks have 12-20 pages."""
        mapping = self.data.slides["sections"]
        pages = [s.pages for s in self.rules.page_structure]
        total = sum(pages)
        lo, hi = BODY_PAGES
        target = self.rng.randint(lo, min(hi, total)) if total >= lo else lo
        while sum(pages) > target:  # shrink the biggest section (the methods), keeping one page each
            i = max(range(len(pages)), key=lambda k: pages[k])
            if pages[i] <= 1:
                break
            pages[i] -= 1
        while sum(pages) < target:  # a season with a short structure: more pages for the biggest
            pages[max(range(len(pages)), key=lambda k: pages[k])] += 1
        return tuple(
            Section(s.title, str(mapping.get(s.title, "background")), n)
            for s, n in zip(self.rules.page_structure, pages, strict=True)
        )

    def _methods(self, content: ThemeContent, pages: int) -> tuple[Method, ...]:
        """``pages`` methods: the shared opening ones, the theme's own, other shared ones, PDCA last."""
        if pages <= 0:
            return ()
        shared = [read_method(m) for m in self.data.slides["methods"]]
        lead = int(self.data.slides.get("lead", 2))
        head, middle, last = shared[:lead], shared[lead:-1], shared[-1]
        own = list(content.methods)
        self.rng.shuffle(own)
        self.rng.shuffle(middle)
        # Which methods make it, by importance: two of the theme's own first, whatever the page count.
        priority = own[:2] + head + own[2:] + middle
        chosen = priority[: pages - 1]
        order = {id(m): k for k, m in enumerate(head + own + middle)}
        return (*sorted(chosen, key=lambda m: order[id(m)]), last)

    def _has_places(self, region_code: str) -> bool:
        names = {p.name for p in self.rules.region(region_code).provinces}
        return any(p.province in names for p in self.data.places)

    # ----------------------------------------------------------------------------------- judges

    def plan_judges(self, n: int, cases: Sequence[CasePlan]) -> list[JudgePlan]:
        people = self.data.people
        rng = self.rng
        entered = sorted({c.hospital.name: c.hospital for c in cases}.values(), key=lambda h: h.name)
        n_conflict = min(len(entered), round(n * float(people.get("conflict_share", 0.3))))
        at_hospitals = rng.sample(entered, n_conflict)
        others = list(people["institutions"])
        rng.shuffle(others)
        theme_numbers = [t.number for t in self.rules.themes]
        names: set[str] = set()
        judges = []
        for i in range(n):
            while True:
                surname, s_py = rng.choice(people["surnames"])
                given = rng.sample(people["given"], rng.choice((1, 2, 2)))
                name = surname + "".join(g for g, _ in given)
                if name not in names:
                    names.add(name)
                    break
            if i < n_conflict:
                institution, province = at_hospitals[i].name, at_hospitals[i].province
            else:
                institution, province = others[(i - n_conflict) % len(others)]
            # Two themes in turn so that every theme has experts, plus sometimes a third.
            k = len(theme_numbers)
            expertise = {theme_numbers[(2 * i) % k], theme_numbers[(2 * i + 1) % k]}
            if rng.random() < 0.4:
                expertise.add(rng.choice(theme_numbers))
            pinyin = s_py + "".join(p for _, p in given)
            judges.append(
                JudgePlan(
                    name=name,
                    institution=institution,
                    province=province,
                    phone=rng.choice(people["phone_prefixes"]) + f"{rng.randrange(10**8):08d}",
                    email=f"{pinyin}{rng.randrange(10, 100)}@{rng.choice(people['email_domains'])}",
                    expertise=tuple(sorted(expertise)),
                )
            )
        return judges


class _Defaults(dict[str, str]):
    """format_map values where an unknown placeholder stays as written instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
