# SPDX-License-Identifier: Apache-2.0
"""A small scored competition for the results tests: real packages, judge homes, signed bundles, merge.

``build_world`` makes cases and judges, assigns every judge to every case of the review, and lets
``marks(judge_index, case_index)`` decide what each judge does with each case: a tuple of the four
review criteria (background_goals, methods, results, value) submitted, ``("draft", tuple)`` entered but
not submitted, ``"recuse"``, or None (not started). Then each judge exports a bundle and all are merged.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from app.bundles.merge import merge_paths
from app.bundles.package import build_packages
from app.casebook import NewCase, add_case
from app.judge_home import JudgeHome
from app.judging.assignment import ensure_assigned
from app.judging.roster import NewJudge, add_judge
from app.workspace import Workspace

PASS = "organizer-pass"
CRITERIA = ("background_goals", "methods", "results", "value")
Action = tuple[float, float, float, float] | tuple[str, tuple[float, float, float, float]] | str | None


@dataclass
class World:
    ws: Workspace
    codes: list[str]  # case codes in index order
    judges: list[str]  # judge codes in index order
    bundles: list[Path]


def build_world(
    root: Path,
    marks: Callable[[int, int], Action],
    cases: int = 4,
    judges: int = 3,
    themes: Callable[[int], int] = lambda i: 1,
    season: int = 2022,
) -> World:
    ws = Workspace.create(root / "ws", season=season)
    files = root / "files"
    files.mkdir()
    codes = []
    for i in range(cases):
        pdf = files / f"c{i}.pdf"
        pdf.write_bytes(b"%PDF-1.4\n" + os.urandom(300))
        code = f"C{i + 1:03d}"
        add_case(
            ws,
            NewCase(
                code=code,
                hospital=f"医院{i + 1}",
                province="四川",
                theme=themes(i),
                title=f"案例{i + 1}",
                pdf=pdf,
            ),
        )
        codes.append(code)
    for j in range(judges):
        add_judge(ws, NewJudge(name=f"评委{j + 1}"))
    ensure_assigned(ws, "review", per_case=judges)
    built = sorted(build_packages(ws, "review", None, root / "pkgs", PASS), key=lambda b: b.judge_code)
    out = root / "bundles"
    out.mkdir()
    paths = []
    for j, pkg in enumerate(built):
        with JudgeHome.open_package(pkg.path, root / f"home-{pkg.judge_code}", pkg.access_code) as home:
            ids = {c.code: c.id for c in home.cases()}
            for i, code in enumerate(codes):
                action = marks(j, i)
                if action is None:
                    continue
                if action == "recuse":
                    home.recuse(ids[code], "回避")
                    continue
                draft = isinstance(action[0], str)
                values = action[1] if draft else action
                for key, value in zip(CRITERIA, values, strict=True):  # type: ignore[arg-type]
                    home.set_score(ids[code], key, value)
                if not draft:
                    home.submit(ids[code])
            paths.append(home.export_bundle(out).path)
    outcomes = merge_paths(ws, paths)
    assert all(o.code == "merged" for o in outcomes), [o.message for o in outcomes]
    return World(ws, codes, [b.judge_code for b in built], paths)


def copy_world(world: World, root: Path) -> World:
    """The same world in a new folder, opened: each test may change its copy (building one takes seconds)."""
    with world.ws.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copytree(world.ws.root, root / "ws", ignore=shutil.ignore_patterns("*-wal", "*-shm"))
    return replace(world, ws=Workspace.open(root / "ws"))
