# SPDX-License-Identifier: Apache-2.0
"""Set up a live session (round, group, judges present, time per case, the draw) and keep its progress.

The presentation order (抽签) is a random draw with a recorded seed — the same seed gives the same order,
so anyone can check it — or entered by hand; either way it is written to the audit log with the order it
gave. A session's progress (scene, case on stage, reveal step, timer) is saved on every operator action,
so a restart of the organizer's laptop picks the event up where it was.
"""

from __future__ import annotations

import random
import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app import audit
from app.errors import DomainError
from app.glossary.live import THEME_GROUP
from app.glossary.terms import round_name
from app.models import Assignment, Case, CaseFile, Competition, Judge, LiveSession, LiveSlot, Round
from app.workspace import Workspace

#: Minutes on stage the 2022 theme finals gave each case (talk, then questions) — the defaults.
DEFAULT_TALK_SECONDS = 8 * 60
DEFAULT_QUESTIONS_SECONDS = 2 * 60
DEFAULT_WARNINGS = (60, 0)
#: Seeds are drawn below this, so a seed is short enough to read out in the hall.
SEED_LIMIT = 1_000_000


@dataclass(frozen=True, slots=True)
class LiveSetup:
    """What the organizer decides before the first case: round, group, judges, times, order."""

    round_key: str
    group: str = ""  # the round's group (a theme number for a theme final); "" = every case
    judges: tuple[str, ...] = ()  # judge codes present, in seat order; () = every judge of the group
    talk_seconds: int = DEFAULT_TALK_SECONDS
    questions_seconds: int = DEFAULT_QUESTIONS_SECONDS
    warnings: tuple[int, ...] = DEFAULT_WARNINGS
    seed: int | None = None  # the draw's seed; None = a fresh one, recorded
    order: tuple[str, ...] | None = None  # case codes in presenting order, entered by hand
    title: str = ""
    bind: str = ""
    port: int = 0


@dataclass(frozen=True, slots=True)
class CaseCard:
    """A case as the hall sees it on stage."""

    case_id: int
    code: str
    hospital: str
    title: str
    theme_number: int | None
    theme: str
    slides: Path | None  # the slides PDF in the content store


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a session stands, as saved (see ``app.live.scenes.Stage`` and ``app.live.timer``)."""

    scene: str = "welcome"
    position: int = 0
    show_slides: bool = False
    slides_page: int = 0
    reveal_step: int = 0
    timer_phase: int = 0
    timer_elapsed: float = 0.0
    stealth: bool = False


@dataclass(frozen=True, slots=True)
class SessionInfo:
    """A live session with its order and saved progress."""

    id: int
    round_key: str
    round_name: str
    group: str
    group_name: str
    title: str
    competition: str
    judges: tuple[str, ...]
    talk_seconds: int
    questions_seconds: int
    warnings: tuple[int, ...]
    order_source: str  # draw | manual
    seed: int | None
    order: tuple[CaseCard, ...]
    bind: str
    port: int
    progress: Progress = field(default_factory=Progress)


def _round(s: Session, key: str) -> Round:
    rnd = s.scalars(select(Round).where(Round.key == key)).first()
    if rnd is None:
        raise DomainError("unknown_round", round=key)
    return rnd


def _group_by(ws: Workspace, round_key: str) -> str | None:
    rules = ws.rules
    return rules.round(round_key).group_by if rules.has_round(round_key) else None


def _group_of(case: Case, group_by: str | None) -> str:
    """A case's group key in a round grouped ``group_by`` (theme number, region code, or both)."""
    theme = str(case.theme.number) if case.theme is not None else ""
    region = case.region.code if case.region is not None else ""
    if group_by == "theme":
        return theme
    if group_by == "region":
        return region
    if group_by == "region_theme":
        return f"{region}-{theme}"
    return ""


def _round_cases(s: Session, rnd: Round) -> list[Case]:
    """A round's cases (those assigned to a judge in it), by code, with what groups and shows them."""
    return list(
        s.scalars(
            select(Case)
            .where(Case.id.in_(select(Assignment.case_id).where(Assignment.round_id == rnd.id)))
            .options(selectinload(Case.theme), selectinload(Case.region), selectinload(Case.hospital))
            .order_by(Case.code)
        )
    )


def _assigned_judges(s: Session, rnd: Round, case_ids: list[int]) -> list[tuple[str, str]]:
    """The judges (code, name) assigned in the round to any of these cases, by code."""
    return [
        (code, name)
        for code, name in s.execute(
            select(Judge.code, Judge.name)
            .join(Assignment, Assignment.judge_id == Judge.id)
            .where(Assignment.round_id == rnd.id, Assignment.case_id.in_(case_ids))
            .distinct()
            .order_by(Judge.code)
        )
    ]


def group_cases(ws: Workspace, round_key: str, group: str) -> list[Case]:
    """The round's cases in ``group``, by code; a round's cases are those assigned to a judge in it."""
    group_by = _group_by(ws, round_key)
    with ws.sessions() as s:
        cases = _round_cases(s, _round(s, round_key))
        chosen = [c for c in cases if not group or _group_of(c, group_by) == group]
    if not chosen:
        raise DomainError("live_no_cases", round=round_key, group=group or "-")
    return chosen


def draw(codes: list[str], seed: int) -> list[str]:
    """The order a seed gives: the case codes sorted, then shuffled by ``random.Random(seed)``."""
    order = sorted(codes)
    random.Random(seed).shuffle(order)
    return order


def _judges_present(s: Session, rnd: Round, case_ids: list[int], wanted: tuple[str, ...]) -> tuple[str, ...]:
    assigned = [code for code, _ in _assigned_judges(s, rnd, case_ids)]
    if not wanted:
        return tuple(assigned)
    unknown = [code for code in wanted if code not in assigned]
    if unknown:
        raise DomainError("live_judge_not_assigned", judge="、".join(unknown))
    if len(set(wanted)) != len(wanted):
        raise DomainError("live_judge_twice")
    return tuple(wanted)


def _check_times(setup: LiveSetup) -> None:
    if setup.talk_seconds <= 0 or setup.questions_seconds < 0 or any(w < 0 for w in setup.warnings):
        raise DomainError("live_bad_times")


def create_session(ws: Workspace, setup: LiveSetup, actor: str = "organizer") -> SessionInfo:
    """Make a session: check the setup, draw (or take) the order, and audit the draw."""
    _check_times(setup)
    cases = group_cases(ws, setup.round_key, setup.group)
    codes = [c.code for c in cases]
    if setup.order is not None:
        order = [code.strip() for code in setup.order]
        missing = sorted(set(codes) - set(order))
        extra = [code for code in order if code not in codes]
        if missing or extra or len(set(order)) != len(order):
            raise DomainError(
                "live_bad_order", missing="、".join(missing) or "-", extra="、".join(extra) or "-"
            )
        source, seed = "manual", None
    else:
        seed = setup.seed if setup.seed is not None else secrets.randbelow(SEED_LIMIT)
        order, source = draw(codes, seed), "draw"
    by_code = {c.code: c.id for c in cases}
    with ws.sessions.begin() as s:
        rnd = _round(s, setup.round_key)
        judges = _judges_present(s, rnd, list(by_code.values()), setup.judges)
        row = LiveSession(
            round_id=rnd.id,
            group_key=setup.group,
            title=setup.title,
            judges=list(judges),
            talk_seconds=setup.talk_seconds,
            questions_seconds=setup.questions_seconds,
            warnings=list(setup.warnings),
            order_source=source,
            draw_seed=seed,
            bind=setup.bind,
            port=setup.port,
        )
        row.slots = [LiveSlot(position=i, case_id=by_code[code]) for i, code in enumerate(order)]
        s.add(row)
        s.flush()
        audit.record(
            s,
            "live.draw",
            f"{setup.round_key}/{setup.group or '-'}",
            actor=actor,
            session_id=row.id,
            source=source,
            seed=seed,
            order=order,
            judges=list(judges),
        )
        session_id = row.id
    return load_session(ws, session_id)


def _group_name(ws: Workspace, round_key: str, group: str) -> str:
    """The group as the hall reads it (主题五 …), or "" for a whole round."""
    if not group:
        return ""
    rules = ws.rules
    group_by = _group_by(ws, round_key)
    if group_by == "theme" and group.isdigit():
        theme = rules.resolve_theme(int(group))
        if theme is not None:
            return THEME_GROUP.text(
                cn="一二三四五六七八九十"[theme.number - 1], n=theme.number, title=theme.title
            )
    if group_by == "region":
        return next((r.name for r in rules.regions if r.code == group), group)
    return group


def load_session(ws: Workspace, session_id: int) -> SessionInfo:
    """A session with its order and progress as last saved."""
    with ws.sessions() as s:
        row = s.get(
            LiveSession,
            session_id,
            options=[
                selectinload(LiveSession.round),
                selectinload(LiveSession.slots).selectinload(LiveSlot.case).selectinload(Case.hospital),
                selectinload(LiveSession.slots).selectinload(LiveSlot.case).selectinload(Case.theme),
            ],
        )
        if row is None:
            raise DomainError("live_no_session", session=session_id)
        pdfs: dict[int, str] = {
            case_id: sha
            for case_id, sha in s.execute(
                select(CaseFile.case_id, CaseFile.sha256).where(
                    CaseFile.case_id.in_([slot.case_id for slot in row.slots]),
                    CaseFile.kind == "pdf",
                    CaseFile.current.is_(True),
                )
            ).all()
        }
        competition = s.scalars(select(Competition.name)).first() or ""
        cards = tuple(
            CaseCard(
                case_id=slot.case.id,
                code=slot.case.code,
                hospital=slot.case.hospital.name,
                title=slot.case.title,
                theme_number=slot.case.theme.number if slot.case.theme else None,
                theme=slot.case.theme.title if slot.case.theme else "",
                slides=ws.store.path_for(pdfs[slot.case_id]) if slot.case_id in pdfs else None,
            )
            for slot in row.slots
        )
        progress = Progress(
            scene=row.scene,
            position=row.position,
            show_slides=row.show_slides,
            slides_page=row.slides_page,
            reveal_step=row.reveal_step,
            timer_phase=row.timer_phase,
            timer_elapsed=row.timer_elapsed,
            stealth=row.stealth,
        )
        return SessionInfo(
            id=row.id,
            round_key=row.round.key,
            round_name=round_name(row.round.key, ws.season_year),
            group=row.group_key,
            group_name=_group_name(ws, row.round.key, row.group_key),
            title=row.title,
            competition=competition,
            judges=tuple(row.judges),
            talk_seconds=row.talk_seconds,
            questions_seconds=row.questions_seconds,
            warnings=tuple(row.warnings),
            order_source=row.order_source,
            seed=row.draw_seed,
            order=cards,
            bind=row.bind,
            port=row.port,
            progress=progress,
        )


def list_sessions(ws: Workspace) -> list[tuple[int, str, str, str]]:
    """Every session: (id, round key, group, title), newest first."""
    with ws.sessions() as s:
        rows = s.execute(
            select(LiveSession.id, Round.key, LiveSession.group_key, LiveSession.title)
            .join(Round, LiveSession.round_id == Round.id)
            .order_by(LiveSession.id.desc())
        ).all()
        return [(i, r, g, t) for i, r, g, t in rows]


def save_progress(ws: Workspace, session_id: int, progress: Progress) -> None:
    """Write where the show stands (every operator action calls this; a restart reads it back)."""
    with ws.sessions.begin() as s:
        row = s.get(LiveSession, session_id)
        if row is None:
            raise DomainError("live_no_session", session=session_id)
        changed_reveal = progress.reveal_step != row.reveal_step
        row.scene = progress.scene
        row.position = progress.position
        row.show_slides = progress.show_slides
        row.slides_page = progress.slides_page
        row.reveal_step = progress.reveal_step
        row.timer_phase = progress.timer_phase
        row.timer_elapsed = progress.timer_elapsed
        if progress.stealth != row.stealth:
            audit.record(s, "live.stealth", str(session_id), on=progress.stealth)
        row.stealth = progress.stealth
        if changed_reveal:
            audit.record(s, "live.reveal", str(session_id), step=progress.reveal_step)


@dataclass(frozen=True, slots=True)
class GroupChoice:
    """A group of a live round that a session can run, for the setup dialog."""

    key: str
    name: str
    cases: int


def live_rounds(ws: Workspace) -> list[tuple[str, str]]:
    """The live rounds (key, name) in the season's order."""
    with ws.sessions() as s:
        return [
            (r.key, r.name)
            for r in s.scalars(select(Round).where(Round.live.is_(True)).order_by(Round.position))
        ]


def group_choices(ws: Workspace, round_key: str) -> list[GroupChoice]:
    """The groups of a live round that have cases assigned (all of them as one group when it has none)."""
    group_by = _group_by(ws, round_key)
    with ws.sessions() as s:
        cases = _round_cases(s, _round(s, round_key))
        counts: dict[str, int] = {}
        for c in cases:
            key = _group_of(c, group_by)
            counts[key] = counts.get(key, 0) + 1

    def order(key: str) -> tuple[int, str]:
        return (int(key), "") if key.isdigit() else (0, key)

    return [
        GroupChoice(k, _group_name(ws, round_key, k) or k, n)
        for k, n in sorted(counts.items(), key=lambda kv: order(kv[0]))
    ]


def group_judges(ws: Workspace, round_key: str, group: str) -> list[tuple[str, str]]:
    """The judges (code, name) assigned to the group's cases, by code: who may sit on the panel."""
    case_ids = [c.id for c in group_cases(ws, round_key, group)]
    with ws.sessions() as s:
        return _assigned_judges(s, _round(s, round_key), case_ids)


#: Image formats a banner may be in (the projector draws it scaled into the header band).
BANNER_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")


def banner_path(ws: Workspace) -> Path | None:
    """The event's banner image for the projector's header, if the organizer set one."""
    for suffix in BANNER_SUFFIXES:
        path = ws.root / "live" / f"banner{suffix}"
        if path.is_file():
            return path
    return None


def set_banner(ws: Workspace, image: Path | None, actor: str = "organizer") -> Path | None:
    """Keep a copy of ``image`` as the event's banner (None: back to the competition's name)."""
    for suffix in BANNER_SUFFIXES:
        (ws.root / "live" / f"banner{suffix}").unlink(missing_ok=True)
    if image is None:
        return None
    suffix = Path(image).suffix.lower()
    if suffix not in BANNER_SUFFIXES:
        raise DomainError("live_bad_banner", path=str(image))
    target = ws.root / "live" / f"banner{suffix}"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(image, target)
    with ws.sessions.begin() as s:
        audit.record(s, "live.banner", target.name, actor=actor, source=str(image))
    return target
