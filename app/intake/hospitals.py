# SPDX-License-Identifier: Apache-2.0
"""Hospital names as people type them: which spellings within one province mean the same hospital.

The notice asks every hospital to use one full official name. Spellings that differ only in bracket
width, spaces or letter case are the same name; a spelling with a parenthetical (分院, 医学院附属…) and one
without are the same hospital; beyond that, rapidfuzz finds near-identical names (a character left out
of a long name). Names that differ in a number (第一 / 第二人民医院) or in a changed character (中心 / 中医)
are never merged.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

#: Two names whose core (without parenthetical) scores at least this, and differ only by characters
#: left out or added, are taken as one hospital: one missing character in a 10-character name scores 95,
#: two missing in a 9-character one 81.8 (某某县医院 / 某某县人民医院 may well be two hospitals).
FUZZY_CUTOFF = 90.0
#: Names shorter than this (core) are matched exactly only.
FUZZY_MIN_CHARS = 8
_BRACKETS = str.maketrans(
    {"[": "(", "]": ")", "【": "(", "】": ")", "〔": "(", "〕": ")", "{": "(", "}": ")"}
)
_PAREN = re.compile(r"\([^()]*\)")
_SPACE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff·•・]+")
_NUMERALS = re.compile(r"[0-9零〇一二三四五六七八九十百]+")


def name_key(name: str) -> str:
    """The spelling with width, spaces, bracket shape and case folded away (NFKC turns （） into ())."""
    text = unicodedata.normalize("NFKC", name).translate(_BRACKETS)
    return _SPACE.sub("", text).casefold()


def core_key(name: str) -> str:
    """``name_key`` without parenthetical parts: 某某医院(某某分院) → 某某医院."""
    key = name_key(name)
    while True:
        stripped = _PAREN.sub("", key)
        if stripped == key:
            return stripped or key
        key = stripped


def same_hospital(a: str, b: str) -> bool:
    """Whether two spellings (already in one province) most likely name one hospital."""
    ka, kb = name_key(a), name_key(b)
    if ka == kb:
        return True
    ca, cb = core_key(a), core_key(b)
    if ca == cb:
        return True
    return _fuzzy_same(ca, cb)


def _fuzzy_same(ca: str, cb: str) -> bool:
    if min(len(ca), len(cb)) < FUZZY_MIN_CHARS:
        return False
    if _NUMERALS.findall(ca) != _NUMERALS.findall(cb):
        return False
    # Only characters left out or added, never one changed: 中心医院 / 中医医院 and 市 / 县 are different
    # hospitals however alike they look, while 某某市人民医院 / 某某人民医院 is the same one.
    if LCSseq.similarity(ca, cb) != min(len(ca), len(cb)):
        return False
    return fuzz.ratio(ca, cb) >= FUZZY_CUTOFF


@dataclass(frozen=True, slots=True)
class SpellingGroup:
    """Spellings of one hospital in one province, with how many cases use each; ``main`` is the most used."""

    province: str
    main: str
    counts: dict[str, int]

    @property
    def others(self) -> list[str]:
        return [s for s in self.counts if s != self.main]


def spelling_groups(
    names: Iterable[tuple[str, str]], aliases: Mapping[str, str] | None = None
) -> list[SpellingGroup]:
    """Group (province, hospital name) pairs, one per case, into hospitals with more than one spelling.

    ``aliases`` maps spellings an organizer already merged to the name they were merged into: those count
    for that name and are never reported again. The main spelling is the most used; on a tie the longer
    one (the notice asks for the full name), then the tidier one (no spaces, full-width brackets as
    official Chinese names are written), then the first in sort order.
    """
    aliases = aliases or {}
    by_province: dict[str, Counter[str]] = defaultdict(Counter)
    for province, name in names:
        by_province[province][aliases.get(name, name)] += 1
    groups: list[SpellingGroup] = []
    for province, counts in by_province.items():
        spellings = sorted(counts)
        sets = _DisjointSets(len(spellings))
        exact: dict[str, int] = {}
        cores = [core_key(s) for s in spellings]
        for i, core in enumerate(cores):
            if core in exact:
                sets.union(i, exact[core])
            else:
                exact[core] = i
        distinct = list(exact)
        long_ones = [c for c in distinct if len(c) >= FUZZY_MIN_CHARS]
        for core in long_ones:
            for match, _score, _j in process.extract(
                core, long_ones, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None
            ):
                if match != core and _fuzzy_same(core, match):
                    sets.union(exact[core], exact[match])
        members: dict[int, list[str]] = defaultdict(list)
        for i, spelling in enumerate(spellings):
            members[sets.find(i)].append(spelling)
        for group in members.values():
            if len(group) < 2:
                continue
            main = max(group, key=lambda s: (counts[s], len(name_key(s)), _tidy(s), _neg(s)))
            groups.append(SpellingGroup(province, main, {s: counts[s] for s in group}))
    return sorted(groups, key=lambda g: (g.province, g.main))


class _DisjointSets:
    """Union-find over 0..n-1: which spellings have been found to be one hospital."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _tidy(name: str) -> int:
    """How official a spelling looks: no stray spaces, and full-width brackets （） not ASCII ()."""
    return int(not _SPACE.search(name)) + int("(" not in name and ")" not in name)


def _neg(text: str) -> tuple[int, ...]:
    """Sort key that makes max() prefer the first string in ordinary order."""
    return tuple(-ord(ch) for ch in text)
