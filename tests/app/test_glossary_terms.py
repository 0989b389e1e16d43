# SPDX-License-Identifier: Apache-2.0
"""Every code of the competition's data that a user can meet has one name in Chinese and one in English.

The codes are taken from where the product defines them (the case model, the intake's finding table,
both season files, the merge's outcomes, the judge's states), so a new code without a name fails here.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app import glossary
from app.bundles.manifest import STATES
from app.bundles.merge import NO_CHANGE, REFUSALS
from app.glossary import Term, terms
from app.intake.findings import CODES, VIOLATION, WARNING
from app.models import CaseStatus
from app.seasons import available_seasons, load_season

SEASONS = available_seasons()


def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.fixture
def english() -> Iterator[None]:
    glossary.set_language("en")
    yield
    glossary.set_language(None)


def _named(table: dict[str, Term], codes: set[str], what: str) -> None:
    missing = codes - set(table)
    assert not missing, f"{what} without a name in app/glossary/terms.py: {sorted(missing)}"
    for code in codes:
        term = table[code]
        assert _cjk(term.zh), f"{what} {code}: the Chinese name {term.zh!r} has no Chinese"
        assert term.en.strip(), f"{what} {code}: no English name"
        assert not _cjk(term.en), f"{what} {code}: the English name {term.en!r} has Chinese"
        assert term.zh != code, f"{what} {code}: named by its code"
        assert term.en != code, f"{what} {code}: named by its code"


def test_every_case_status_finding_severity_outcome_and_state_has_a_name() -> None:
    _named(terms.STATUSES, {s.value for s in CaseStatus}, "status")
    _named(terms.FINDINGS, set(CODES), "finding")
    _named(terms.SEVERITIES, {VIOLATION, WARNING} | {c.severity for c in CODES.values()}, "severity")
    _named(terms.OUTCOMES, {"merged", "ok", *REFUSALS, *NO_CHANGE}, "merge outcome")
    _named(terms.SCORE_STATES, set(STATES), "judge state")


@pytest.mark.parametrize("year", SEASONS)
def test_every_round_and_award_of_each_season_has_its_notices_name(year: int) -> None:
    rules = load_season(year)
    _named(terms.ROUNDS, {r.key for r in rules.rounds}, "round")
    _named(terms.AWARDS, {a.key for a in rules.awards}, "award")
    for region in rules.regions:
        assert region.name in terms.REGIONS, f"{year}: region {region.name} has no English name"
        assert terms.REGIONS[region.name].zh == region.name
    for r in rules.rounds:
        assert terms.round_term(r.key, year).zh == r.name, f"{year} {r.key}"
    for a in rules.awards:
        assert terms.award_term(a.key, year).zh == a.name, f"{year} {a.key}"


def test_the_semifinal_is_named_as_each_season_names_it(english: None) -> None:
    assert terms.round_term("semifinal", 2020).zh == "线上赛区决赛"
    assert terms.round_term("semifinal", 2022).zh == "线下主题决赛"
    assert terms.round_name("semifinal", 2022) == "Theme final (on site)"
    assert terms.round_name("final") == "National final"


def test_lookups_speak_the_current_language(english: None) -> None:
    assert terms.status_name("submitted") == "Pending"
    assert terms.finding_name("pdf_missing") == "Slides missing"
    assert terms.outcome_name("bad_signature") == "Bad signature"
    assert terms.award_name("gold") == "Gold award"
    assert terms.severity_name("violation") == "Violation"
    assert terms.score_state_name("recused") == "Recused"
    assert terms.theme_label(3) == "Theme 3"
    assert terms.theme_label("unknown") == "No theme"
    glossary.set_language("zh_CN")
    assert terms.status_name("submitted") == "待初筛"
    assert terms.status_name("rejected") == "未通过"
    assert terms.finding_name("pdf_missing") == "缺少 PPT 文件"
    assert terms.theme_label(None) == "未指定主题"
    assert terms.theme_label(3) == "主题3"


def test_a_code_nobody_named_yet_is_shown_as_it_is() -> None:
    # Better than an empty cell; the tests above keep every code the product makes named.
    assert terms.status_name("archived") == "archived"
    assert terms.round_name("quarterfinal") == "quarterfinal"
