# SPDX-License-Identifier: Apache-2.0
"""The demo generator's inputs: ``data/demo/*.toml`` (themes' content, places, kinds of hospital, people,
the words of the slides), read and parsed into frozen records that ``content`` plans cases from."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.paths import DATA_DIR

#: Where the generator inputs live.
DEMO_DATA_DIR: Path = DATA_DIR / "demo"


@dataclass(frozen=True, slots=True)
class MetricSpec:
    """A measure a theme's cases improve: before and after ranges; lower is better if after < before."""

    name: str
    unit: str
    before: tuple[float, float]
    after: tuple[float, float]
    decimals: int


@dataclass(frozen=True, slots=True)
class Method:
    """One 实施方法 page: a name, its bullets and, optionally, the steps of a flow chart."""

    name: str
    points: tuple[str, ...]
    steps: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ThemeContent:
    """What cases of one theme say (an entry of themes.toml)."""

    short: str
    titles: tuple[str, ...]
    background: tuple[str, ...]
    goals: tuple[str, ...]
    methods: tuple[Method, ...]
    metrics: tuple[MetricSpec, ...]
    values: tuple[str, ...]
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Place:
    """Where a hospital can be: ``prefix + name + kind suffix`` is its full name."""

    province: str
    prefix: str
    name: str
    level: str  # "county" or "city"

    @property
    def short(self) -> str:
        """The place without its 县/市/区/旗 (正定县 → 正定); two-character names stay whole (献县)."""
        return self.name[:-1] if len(self.name) >= 3 else self.name


@dataclass(frozen=True, slots=True)
class HospitalKind:
    suffix: str
    weight: float
    levels: tuple[str, ...]
    description: str


@dataclass(frozen=True, slots=True)
class DemoData:
    """All generator inputs of data/demo/, parsed."""

    themes: tuple[tuple[tuple[str, ...], ThemeContent], ...]
    generic: ThemeContent
    places: tuple[Place, ...]
    kinds: tuple[HospitalKind, ...]
    people: Mapping[str, Any]
    slides: Mapping[str, Any]

    def content_for(self, theme_title: str) -> tuple[ThemeContent, bool]:
        """The content for a season theme, and whether it is the generic fallback."""
        for titles, content in self.themes:
            if theme_title in titles:
                return content, False
        return self.generic, True


def _read(name: str) -> dict[str, Any]:
    with (DEMO_DATA_DIR / name).open("rb") as f:
        return tomllib.load(f)


def _content(raw: Mapping[str, Any]) -> ThemeContent:
    return ThemeContent(
        short=raw["short"],
        titles=tuple(raw["titles"]),
        background=tuple(raw["background"]),
        goals=tuple(raw["goals"]),
        methods=tuple(read_method(m) for m in raw["methods"]),
        metrics=tuple(
            MetricSpec(
                m["name"],
                m["unit"],
                (float(m["before"][0]), float(m["before"][1])),
                (float(m["after"][0]), float(m["after"][1])),
                int(m.get("decimals", 1)),
            )
            for m in raw["metrics"]
        ),
        values=tuple(raw["values"]),
        reasons=tuple(raw["reasons"]),
    )


def read_method(raw: Mapping[str, Any]) -> Method:
    """One method of data/demo (a theme's own or a shared one): its name, points and flow-chart steps."""
    return Method(raw["name"], tuple(raw["points"]), tuple(raw.get("steps", ())))


def load_demo_data() -> DemoData:
    """Read and parse data/demo/*.toml."""
    themes_raw = _read("themes.toml")
    places_raw = _read("places.toml")
    places: list[Place] = []
    for province, spec in places_raw["provinces"].items():
        prefix = spec.get("prefix", "")
        places += [Place(province, prefix, n, "county") for n in spec.get("counties", [])]
        places += [Place(province, prefix, n, "city") for n in spec.get("cities", [])]
    return DemoData(
        themes=tuple((tuple(t["match"]), _content(t)) for t in themes_raw["themes"]),
        generic=_content(themes_raw["generic"]),
        places=tuple(places),
        kinds=tuple(
            HospitalKind(k["suffix"], float(k["weight"]), tuple(k["levels"]), k["description"])
            for k in places_raw["kinds"]
        ),
        people=_read("people.toml"),
        slides=_read("slides.toml"),
    )
