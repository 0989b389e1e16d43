# SPDX-License-Identifier: Apache-2.0
"""A big synthetic round for the assignment's acceptance test and bench/assign.py, and an independent
count of hard conflicts in an assignment (it shares no code with app.judging.conflicts on purpose).

The world: ``cases`` cases of ``cases // 2`` hospitals (two themes each), with a third of the cases in
three crowded provinces; ``judges`` judges, each working at one of the competing hospitals (a hard
conflict), some writing that hospital's name in a spelling the organizer merged (found only through
``HospitalAlias``), some declaring another hospital; ``crowded_share`` of the judges come from the
crowded provinces; each judge knows two themes.
"""

from __future__ import annotations

import random
import sqlite3
import unicodedata
from pathlib import Path

from sqlalchemy import insert, select

from app.models import (
    Admission,
    Case,
    Conflict,
    ConflictKind,
    Hospital,
    HospitalAlias,
    Judge,
    Province,
    Round,
    RoundCase,
    Theme,
)
from app.workspace import Workspace

CROWDED = ("广东省", "河南省", "山东省")


def build_world(
    ws: Workspace, cases: int = 3000, judges: int = 120, crowded_share: float = 0.1, seed: int = 1
) -> str:
    """Fill ``ws`` with the world above, the cases admitted to the review round; returns its key."""
    rng = random.Random(seed)
    with ws.sessions.begin() as s:
        provinces = s.execute(select(Province.id, Province.name, Province.region_id)).all()
        crowded = [p for p in provinces if p.name in CROWDED]
        others = [p for p in provinces if p.name not in CROWDED]
        themes = dict(s.execute(select(Theme.number, Theme.id)).all())
        hospitals = []
        for h in range(cases // 2):
            province = rng.choice(crowded) if rng.random() < 1 / 3 else rng.choice(others)
            hospitals.append({"name": f"第{h}号人民医院（{province.name}）", "province_id": province.id})
        s.execute(insert(Hospital), hospitals)
        rows = s.execute(select(Hospital.id, Hospital.name, Hospital.province_id).order_by(Hospital.id)).all()
        regions = dict(s.execute(select(Province.id, Province.region_id)).all())
        case_rows = []
        for i in range(cases):
            hospital = rows[i // 2]
            first = rng.randint(1, 10)
            theme = first if i % 2 == 0 else first % 10 + 1
            case_rows.append(
                {
                    "code": f"C{i:05d}",
                    "hospital_id": hospital.id,
                    "theme_id": themes[theme],
                    "region_id": regions[hospital.province_id],
                    "title": f"案例{i}",
                    "status": "approved",
                }
            )
        s.execute(insert(Case), case_rows)
        review = s.scalars(select(Round).where(Round.key == "review")).one()
        case_ids = s.scalars(select(Case.id).order_by(Case.code)).all()
        s.execute(
            insert(RoundCase),
            [
                {"round_id": review.id, "case_id": cid, "admission": Admission.APPROVED.value}
                for cid in case_ids
            ],
        )
        crowded_judges = round(judges * crowded_share)
        aliases: set[str] = set()
        for j in range(judges):
            province = rng.choice(crowded) if j < crowded_judges else rng.choice(others)
            home = rng.choice(rows)
            institution = home.name
            if j % 5 == 0:  # the judge writes a spelling the organizer merged into the hospital
                institution = home.name.replace("（", "(").replace("）", ")") + "本部"
                if institution not in aliases:
                    aliases.add(institution)
                    s.add(HospitalAlias(name=institution, hospital_id=home.id))
            judge = Judge(
                code=f"J{j:03d}",
                name=f"评委{j}",
                institution=institution,
                province_id=province.id,
                expertise=sorted(rng.sample(range(1, 11), 2)),
            )
            s.add(judge)
            s.flush()
            if j % 3 == 0:
                s.add(
                    Conflict(
                        judge_id=judge.id,
                        hospital_id=rng.choice(rows).id,
                        kind=ConflictKind.DECLARED,
                        reason="曾在该院任职",
                    )
                )
    return "review"


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if not ch.isspace()).casefold()


def count_hard_conflicts(db_path: Path, round_key: str) -> int:
    """Assignments of the round that break a hard rule, read straight from the database file."""
    db = sqlite3.connect(db_path)
    try:
        spelling: dict[str, int] = {}
        for hid, name in db.execute("SELECT id, name FROM hospital"):
            spelling[_fold(name)] = hid
        for hid, name in db.execute("SELECT hospital_id, name FROM hospital_alias"):
            spelling.setdefault(_fold(name), hid)
        own = {
            jid: spelling.get(_fold(inst)) for jid, inst in db.execute("SELECT id, institution FROM judge")
        }
        declared_h = set(
            db.execute("SELECT judge_id, hospital_id FROM conflict WHERE hospital_id IS NOT NULL")
        )
        declared_c = set(db.execute("SELECT judge_id, case_id FROM conflict WHERE case_id IS NOT NULL"))
        recused = set(db.execute("SELECT judge_id, case_id FROM assignment WHERE recused = 1"))
        rows = db.execute(
            'SELECT a.judge_id, a.case_id, c.hospital_id FROM assignment a JOIN "case" c ON c.id = a.case_id'
            " JOIN round r ON r.id = a.round_id WHERE r.key = ? AND a.recused = 0",
            (round_key,),
        ).fetchall()
    finally:
        db.close()
    return sum(
        1
        for jid, cid, hid in rows
        if own.get(jid) == hid
        or (jid, hid) in declared_h
        or (jid, cid) in declared_c
        or (jid, cid) in recused
    )


def load_spread(db_path: Path, round_key: str) -> tuple[int, int]:
    """Fewest and most cases per judge of the round (judges with none count as 0)."""
    db = sqlite3.connect(db_path)
    try:
        loads = dict(
            db.execute(
                "SELECT a.judge_id, count(*) FROM assignment a JOIN round r ON r.id = a.round_id"
                " WHERE r.key = ? AND a.recused = 0 GROUP BY a.judge_id",
                (round_key,),
            ).fetchall()
        )
        judges = [jid for (jid,) in db.execute("SELECT id FROM judge WHERE status = 'active'")]
    finally:
        db.close()
    values = [loads.get(j, 0) for j in judges]
    return min(values), max(values)
