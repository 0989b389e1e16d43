# SPDX-License-Identifier: Apache-2.0
"""Signed score bundles for a demo workspace, made through the same services a real judge uses."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from app.bundles import DEMO_PASSPHRASE
from app.bundles.keys import ensure_organizer_key
from app.bundles.package import build_packages
from app.judge_home import ExportResult, JudgeHome
from app.judging.assignment import ensure_assigned
from app.rounds.service import first_judged_round
from app.workspace import Workspace


@dataclass(frozen=True, slots=True)
class DemoBundles:
    """Where the demo's packages, judge homes and bundles went."""

    packages_dir: Path
    homes_dir: Path
    bundles_dir: Path
    bundles: tuple[ExportResult, ...]


def write_demo_bundles(
    ws: Workspace,
    root: Path,
    seed: int = 2022,
    progress: Callable[[int, int], None] | None = None,
) -> DemoBundles:
    """Package every demo judge's cases, score them as that judge would, and export one bundle each.

    Packages carry their media externally (``root/packages/media``) so the demo's homes do not copy
    every video once per judge. The demo passphrase and the access codes (``access-codes.csv``) are
    written down on purpose: this is a demo.
    """
    with ws.sessions.begin() as s:
        ensure_organizer_key(s, ws.competition_uid, DEMO_PASSPHRASE)
    round_key = first_judged_round(ws)
    ensure_assigned(ws, round_key)
    packages_dir, homes_dir, bundles_dir = root / "packages", root / "judges", root / "bundles"
    built = build_packages(ws, round_key, None, packages_dir, DEMO_PASSPHRASE, external_media=True)
    (packages_dir / "access-codes.csv").write_text(
        "".join(f"{b.judge_code},{b.judge_name},{b.access_code}\n" for b in built), encoding="utf-8"
    )
    bundles_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    results = []
    for i, b in enumerate(built, start=1):
        home_dir = homes_dir / b.judge_code
        with JudgeHome.open_package(
            b.path, home_dir, b.access_code, media_dir=packages_dir / "media"
        ) as home:
            criteria = home.info().criteria
            for case in home.cases():
                if rng.random() < 0.04:
                    home.recuse(case.id, "与该医院有合作关系")
                    continue
                quality = rng.uniform(0.45, 0.95)
                for c in criteria:
                    steps = int(Decimal(str(c.max)) / Decimal(str(c.step)))
                    k = min(steps, max(0, round(steps * quality + rng.uniform(-0.1, 0.1) * steps)))
                    home.set_score(case.id, c.key, Decimal(str(c.step)) * k)
                if rng.random() < 0.5:
                    home.set_comment(
                        case.id, rng.choice(["数据扎实，可推广。", "方法清楚，效果待观察。", "亮点突出。"])
                    )
                home.submit(case.id)
            results.append(home.export_bundle(bundles_dir))
        if progress is not None:
            progress(i, len(built))
    return DemoBundles(packages_dir, homes_dir, bundles_dir, tuple(results))
