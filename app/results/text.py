# SPDX-License-Identifier: Apache-2.0
"""Words for results, shared by the CLI, the exports and the GUI: award and method names, tie notes,
and the text listings ``leitai results rank`` / ``judges`` print."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from app.glossary import language, terms
from app.glossary.cli import RESULTS as LINES
from app.glossary.results import ACTORS, AWARDS, FLAGS, METHOD_DETAILS, METHODS, TIE_CHAIN, TIE_STEPS, WORDS
from app.results.types import VOTES_METHOD, Draw, RankedCase, RoundResults
from app.seasons import SeasonRules


def award_name(key: str, rules: SeasonRules | None = None, lang: str | None = None) -> str:
    """An award's name from the glossary (the season's wording where it differs), in ``lang``."""
    term = AWARDS.get(key) or terms.award_term(key, rules.year if rules is not None else None)
    return term.text(lang)


def award_names(keys: tuple[str, ...] | list[str], rules: SeasonRules | None, lang: str | None = None) -> str:
    """Several award names joined as a list is written in the language."""
    sep = ", " if (lang or language()) == "en" else "、"
    return sep.join(award_name(k, rules, lang) for k in keys)


def actor_name(actor: str, lang: str | None = None) -> str:
    """Who made a draw or an override (组委会 for ``organizer``); a name the glossary lacks as recorded."""
    term = ACTORS.get(actor)
    return term.text(lang) if term is not None else actor


def method_name(method: str, lang: str | None = None) -> str:
    """The scoring method's name (平均分 / 去掉一个最高分和一个最低分后的平均分 / …)."""
    term = METHODS.get(method)
    return term.text(lang) if term is not None else method


def score_text(value: Decimal | None, method: str = "") -> str:
    """A score as shown everywhere: two decimals (a vote count: whole), or a dash."""
    if value is None:
        return "—"
    return f"{value:.0f}" if method == VOTES_METHOD else f"{value:.2f}"


def tie_note(case: RankedCase, results: RoundResults, lang: str | None = None) -> str:
    """Why a case sits where it does among equal scores ('' when its score is not shared)."""
    if case.tied:
        return TIE_STEPS["tied"].text(lang)
    if case.decided_by is None:
        return ""
    return TIE_STEPS[case.decided_by].text(lang, criterion=results.tie_criterion or "—")


def flag_names(flags: tuple[str, ...], lang: str | None = None) -> str:
    """Judge flags as words."""
    sep = ", " if (lang or language()) == "en" else "、"
    return sep.join(FLAGS[f].text(lang) if f in FLAGS else f for f in flags)


def counts_line(results: RoundResults, lang: str | None = None) -> str:
    """How many sheets are submitted, drafts (never counted), not started, recused."""
    c = results.counts
    return WORDS["counts"].text(
        lang, submitted=c.submitted, drafts=c.drafts, not_started=c.not_started, recused=c.recused
    )


def method_lines(results: RoundResults, lang: str | None = None) -> list[str]:
    """How the round is scored, in sentences: the method in detail, then (for marks, not votes) the
    tie-break chain, the sheets counted and the cases no judge scored."""
    lines = [
        METHOD_DETAILS[results.method].text(lang, n=results.trim_min_judges, max=f"{results.max_total:g}")
    ]
    if results.method != VOTES_METHOD:
        lines.append(TIE_CHAIN.text(lang, criterion=results.tie_criterion or "—"))
        lines.append(counts_line(results, lang))
        if results.unscored:
            lines.append(WORDS["unscored"].text(lang, n=results.unscored))
    return lines


def drawn_order(draw: Draw, results: RoundResults) -> str:
    """A draw's order as case codes: ``C003 > C001 > C002``."""
    codes = {c.case.id: c.case.code for g in results.groups for c in g.cases}
    return " > ".join(codes.get(c, str(c)) for c in draw.order)


def pending_lines(results: RoundResults, rules: SeasonRules, lang: str | None = None) -> list[str]:
    """One line per award whose places wait for a draw."""
    codes = {r.case.id: r.case.code for g in results.groups for r in g.cases}
    return [
        WORDS["pending"].text(
            lang,
            award=award_name(p.award_key, rules, lang),
            places=p.places,
            cases=[codes.get(c, str(c)) for c in p.case_ids],
        )
        for p in results.pending
    ]


def rank_lines(results: RoundResults, rules: SeasonRules) -> Iterator[str]:
    """What ``leitai results rank`` prints: per group, rank, case, score, awards, tie notes."""
    head = terms.round_name(results.round_key, rules.year)
    yield LINES["head"].text(round=head, method_label=WORDS["method"], method=method_name(results.method))
    if results.method != "votes":
        yield counts_line(results)
        if results.unscored:
            yield WORDS["unscored"].text(n=results.unscored)
    for group in results.groups:
        yield ""
        yield LINES["group"].text(group=group.name)
        for c in group.cases:
            rank = "—" if c.rank is None else str(c.rank)
            note = tie_note(c, results)
            awards = award_names(list(c.awards), rules)
            score = score_text(c.result.score, results.method)
            parts = [f"{rank:>3}", c.case.code, score, c.case.hospital, c.case.title]
            if awards:
                parts.append(LINES["awards"].text(awards=awards))
            if note:
                parts.append(LINES["note"].text(note=note))
            yield "  ".join(parts)
    yield from pending_lines(results, rules)
    for o in results.overrides:
        verb = WORDS["grant" if o.grant else "revoke"].text()
        award = award_name(o.award_key, rules)
        label = WORDS["sheet_overrides"]
        yield LINES["override"].text(label=label, verb=verb, award=award, subject=o.subject, reason=o.reason)


def judge_lines(results: RoundResults, rules: SeasonRules) -> Iterator[str]:
    """What ``leitai results judges`` prints: consistency per judge, then the cusp list."""
    c = results.consistency
    noise = "—" if c.noise is None else f"{c.noise:.2f}"
    yield WORDS["consistency_note"].text(noise=noise)
    for j in c.judges:
        sev = "—" if j.severity is None else f"{j.severity:+.2f}"
        agree = "—" if j.agreement is None else f"{j.agreement:.2f}"
        flags = flag_names(j.flags)
        yield f"{j.code}  {j.name}  {j.cases}  {sev}  {agree}  {flags}".rstrip()
    yield ""
    yield WORDS["cusp_title"].text()
    for k in results.cusp:
        side = WORDS["inside"].text() if k.inside else ""
        yield (
            f"{k.group_name}  {award_name(k.award_key, rules)}  {k.case.code}  {score_text(k.score)}"
            f"  {WORDS['gap'].text()} {k.gap:.2f} ≤ {k.margin:.2f}  {side}".rstrip()
        )


def group_names(results: RoundResults, rules: SeasonRules) -> dict[str, str]:
    """Group key → name for every group a draw or a pending tie of the round may name."""
    from app.results.compute import group_name
    from app.results.ranking import key_dims

    names = {g.key: g.name for g in results.groups}
    cases = {c.case.id: c.case for g in results.groups for c in g.cases}
    for key, ids in [(d.group_key, d.case_ids) for d in results.draws] + [
        (p.group_key, p.case_ids) for p in results.pending
    ]:
        if key not in names:
            names[key] = group_name(rules, cases.get(ids[0]) if ids else None, key_dims(key))
    return names


def draw_lines(draws: tuple[Draw, ...], results: RoundResults, rules: SeasonRules) -> list[str]:
    """One line per draw: its group, its seed, the drawn order of case codes."""
    names = group_names(results, rules)
    return [
        LINES["draw"].text(
            group=names.get(d.group_key, d.group_key),
            seed_label=WORDS["seed"],
            seed=d.seed,
            order=drawn_order(d, results),
        )
        for d in draws
    ]
