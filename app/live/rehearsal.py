# SPDX-License-Identifier: Apache-2.0
"""A rehearsal of a live theme final: a workspace with one group of cases on the programme, judges
enrolled, packages built and opened on each judge's (simulated) laptop.

The tests, ``bench/live.py`` and the projector's screenshot script all run the same event through the
same services a real one uses (enrol, assign, build and open packages, score, export, merge).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pymupdf as _pymupdf
from sqlalchemy import select

from app.bundles.package import build_packages
from app.casebook import NewCase, add_case
from app.judge_home import JudgeHome
from app.judging.assignment import ensure_assigned
from app.judging.roster import NewJudge, add_judge
from app.models import Case
from app.workspace import Workspace

pymupdf: Any = _pymupdf  # untyped: as in app/demo/slides.py

#: The organizer's passphrase of a rehearsal workspace (written down on purpose: it is a rehearsal).
PASSPHRASE = "leitai-rehearsal"
ROUND = "semifinal"
THEME = 5

_HOSPITALS = (
    ("四川大学华西医院", "四川"),
    ("浙江大学医学院附属第一医院", "浙江"),
    ("中山大学附属第一医院", "广东"),
    ("北京协和医院", "北京"),
    ("复旦大学附属中山医院", "上海"),
    ("华中科技大学同济医学院附属协和医院", "湖北"),
    ("郑州大学第一附属医院", "河南"),
    ("山东大学齐鲁医院", "山东"),
    ("中南大学湘雅医院", "湖南"),
    ("西安交通大学第一附属医院", "陕西"),
    ("吉林大学第一医院", "吉林"),
    ("新疆医科大学第一附属医院", "新疆"),
)
_TITLES = (
    "“一站式”入院准备中心缩短患者等候时间",
    "日间手术全流程管理提升服务效率",
    "多学科协作门诊让疑难病患者少跑路",
    "智慧药房实现处方流转零等待",
    "县域医共体远程会诊下沉优质资源",
    "老年患者出院随访闭环管理",
    "急诊胸痛中心救治流程再造",
    "住院患者营养风险全程干预",
    "检查预约集中化减少重复排队",
    "护理延续服务走进社区家庭",
    "门诊诊间结算提升就医体验",
    "儿童友好型医院建设实践",
)


@dataclass
class Rehearsal:
    """The workspace, the cases on the programme (codes and ids), and each judge's opened home."""

    root: Path
    ws: Workspace
    cases: dict[str, int]  # code → id
    homes: dict[str, JudgeHome]  # judge code → home
    rng: random.Random = field(default_factory=lambda: random.Random(2022))

    def judge_codes(self) -> list[str]:
        return sorted(self.homes)

    def score(self, judge: str, case_id: int, quality: float | None = None) -> float:
        """Score a case as ``judge`` would (every criterion, then submit); returns the weighted total."""
        home = self.homes[judge]
        q = self.rng.uniform(0.55, 0.95) if quality is None else quality
        total = Decimal(0)
        for c in home.info().criteria:
            step, top = Decimal(str(c.step)), Decimal(str(c.max))
            steps = int(top / step)
            k = min(steps, max(0, round(steps * q + self.rng.uniform(-0.08, 0.08) * steps)))
            home.set_score(case_id, c.key, step * k)
            total += step * k * Decimal(str(c.weight))
        home.submit(case_id)
        return float(total)

    def access_code(self, judge: str) -> str:
        """The access code the organizer gave ``judge`` (to sign from a command, as a judge would)."""
        codes: dict[str, str] = json.loads((self.root / ACCESS_CODES).read_text(encoding="utf-8"))
        return codes[judge]

    def close(self) -> None:
        for home in self.homes.values():
            home.close()
        self.ws.close()


def make_slides(path: Path, code: str, hospital: str, title: str, pages: int = 4) -> None:
    """A small 16:9 slide deck with the case's title on its first page (PyMuPDF's built-in CJK font)."""
    doc = pymupdf.open()
    for i in range(pages):
        page = doc.new_page(width=960, height=540)
        page.draw_rect(page.rect, color=None, fill=(0.96, 0.97, 1.0))
        page.draw_rect(pymupdf.Rect(0, 0, 960, 70), color=None, fill=(0.1, 0.27, 0.55))
        page.insert_text((40, 46), hospital, fontname="china-s", fontsize=24, color=(1, 1, 1))
        if i == 0:
            page.insert_textbox(
                pymupdf.Rect(80, 180, 880, 380), title, fontname="china-s", fontsize=40, align=1
            )
        else:
            heading = ("背景与目标", "实施方法与过程", "实施效果", "价值体现")[(i - 1) % 4]
            page.insert_text((80, 140), heading, fontname="china-s", fontsize=34)
            for line in range(4):
                point = f"{'一二三四'[line]}、{title[:14]}"
                page.insert_text((100, 210 + line * 56), point, fontname="china-s", fontsize=24)
        footer = f"{code}  {i + 1}/{pages}"
        page.insert_text((40, 520), footer, fontname="helv", fontsize=12, color=(0.4, 0.4, 0.4))
    doc.save(path)
    doc.close()


#: File in a rehearsal's folder holding its judges' access codes (judge code → access code).
ACCESS_CODES = "access-codes.json"


def build_rehearsal(root: Path, *, cases: int = 6, judges: int = 15, seed: int = 2022) -> Rehearsal:
    """A new workspace under ``root`` with ``cases`` cases of theme 5 on the theme final's programme,
    ``judges`` judges each assigned every case, and every judge's package opened in ``root/judges``."""
    root = Path(root)
    ws = Workspace.create(
        root / "ws", season=2022, name="2022 改善医疗服务全国医院擂台赛", passphrase=PASSPHRASE
    )
    decks = root / "decks"
    decks.mkdir(parents=True, exist_ok=True)
    ids: dict[str, int] = {}
    for i in range(cases):
        hospital, province = _HOSPITALS[i % len(_HOSPITALS)]
        title = _TITLES[i % len(_TITLES)]
        code = f"2022-05-{i + 1:03d}"
        pdf = decks / f"{code}.pdf"
        make_slides(pdf, code, hospital, title)
        ids[code] = add_case(
            ws,
            NewCase(code=code, hospital=hospital, province=province, theme=THEME, title=title, pdf=pdf),
            actor="rehearsal",
        )
    for i in range(judges):
        add_judge(ws, NewJudge(name=f"评委{i + 1}", institution="特邀专家"), actor="rehearsal")
    ensure_assigned(ws, ROUND, per_case=judges, actor="rehearsal")
    built = build_packages(ws, ROUND, None, root / "packages", PASSPHRASE, actor="rehearsal")
    homes = {
        b.judge_code: JudgeHome.open_package(b.path, root / "judges" / b.judge_code, b.access_code)
        for b in built
    }
    # The judges' access codes, so a rehearsal opened again can sign (a judge's key is kept sealed under
    # the code: docs/bundle-format.md §5.4). A rehearsal is test and demo material, never a real event.
    codes = {b.judge_code: b.access_code for b in built}
    (root / ACCESS_CODES).write_text(json.dumps(codes, ensure_ascii=False), encoding="utf-8")
    return Rehearsal(root, ws, ids, homes, random.Random(seed))


def open_rehearsal(root: Path, seed: int = 2022) -> Rehearsal:
    """A rehearsal made earlier (or a copy of its folder), opened again from disk."""
    root = Path(root)
    ws = Workspace.open(root / "ws")
    with ws.sessions() as s:
        ids = {code: cid for code, cid in s.execute(select(Case.code, Case.id).order_by(Case.code)).all()}
    codes: dict[str, str] = json.loads((root / ACCESS_CODES).read_text(encoding="utf-8"))
    homes = {
        d.name: JudgeHome.open(d, codes[d.name]) for d in sorted((root / "judges").iterdir()) if d.is_dir()
    }
    return Rehearsal(root, ws, ids, homes, random.Random(seed))
