# SPDX-License-Identifier: Apache-2.0
"""An organizer's competition in one folder: ``leitai.db`` plus the content store ``files/``."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from app import audit, db
from app.bundles.keys import ensure_organizer_key
from app.errors import DomainError
from app.models import Category, Competition, Criterion, Province, Region, Round, Rubric, Season, Theme, Tier
from app.paths import DATA_DIR
from app.seasons import Criterion as CriterionRule
from app.seasons import SeasonRules, load_season
from app.store import FileStore

DB_NAME = "leitai.db"
STORE_DIR = "files"


@dataclass
class Workspace:
    """An open workspace: its folder, its database sessions and its file store."""

    root: Path
    engine: Engine
    sessions: sessionmaker[Session]
    store: FileStore
    competition_uid: str
    season_year: int

    @property
    def db_path(self) -> Path:
        return self.root / DB_NAME

    @property
    def rules(self) -> SeasonRules:
        """The season's rules, read from its TOML file."""
        return load_season(self.season_year)

    @classmethod
    def create(
        cls, root: Path, season: int = 2022, name: str | None = None, passphrase: str | None = None
    ) -> Workspace:
        """Make a new workspace in an empty (or missing) folder, seeded from the season's rule file.

        With ``passphrase`` the organizer's signing key is made at once and sealed under it; without,
        it is made at the first package build (docs/bundle-format.md §5.1).
        """
        rules = load_season(season)
        root = Path(root)
        if (root / DB_NAME).exists():
            raise DomainError("workspace_exists", path=str(root))
        root.mkdir(parents=True, exist_ok=True)
        engine = db.make_engine(root / DB_NAME)
        db.upgrade(engine)
        sessions = db.make_sessions(engine)
        uid = uuid.uuid4().hex
        with sessions.begin() as s:
            _seed(s, rules, uid, name or rules.title)
            if passphrase is not None:
                ensure_organizer_key(s, uid, passphrase)
            audit.record(s, "workspace.create", str(root), season=season, competition=uid)
        return cls(root, engine, sessions, FileStore(root / STORE_DIR), uid, season)

    @classmethod
    def open(cls, root: Path) -> Workspace:
        """Open an existing workspace, upgrading an older schema (after a backup copy)."""
        root = Path(root)
        path = root / DB_NAME
        if not path.is_file():
            raise DomainError("not_a_workspace", path=str(root))
        engine = db.make_engine(path)
        try:
            db.upgrade(engine, path)
        except DomainError:  # a read-only or full disk (app.db turns those into DomainError): as is
            engine.dispose()
            raise
        except Exception as exc:  # a damaged or foreign file: say so, never a traceback
            engine.dispose()
            raise DomainError("workspace_unreadable", path=str(path), reason=str(exc)) from exc
        sessions = db.make_sessions(engine)
        with sessions() as s:
            comp = s.scalars(select(Competition)).first()
            if comp is None:
                engine.dispose()
                raise DomainError("workspace_empty", path=str(path))
            uid, year = comp.uid, comp.season_id
        return cls(root, engine, sessions, FileStore(root / STORE_DIR), uid, year)

    def close(self) -> None:
        """Release the database (checkpointing the WAL into the main file)."""
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def season_file_sha256(year: int) -> str:
    """Fingerprint of the rule file a workspace was made with, so a later edit of it can be noticed."""
    return hashlib.sha256((DATA_DIR / "seasons" / f"{year}.toml").read_bytes()).hexdigest()


def _seed(s: Session, rules: SeasonRules, uid: str, name: str) -> None:
    """Copy the season's fixed frame (themes, regions, provinces, tiers, rounds, rubric) into the DB."""
    season = Season(id=rules.year, title=rules.title, rules_sha256=season_file_sha256(rules.year))
    s.add(season)
    s.flush()  # the frame below refers to the season by key, not by relationship
    s.add(Competition(uid=uid, name=name, season_id=rules.year))
    for t in rules.themes:
        s.add(Theme(season_id=rules.year, number=t.number, title=t.title, directions=t.directions))
    for pos, r in enumerate(rules.regions):
        region = Region(season_id=rules.year, code=r.code, name=r.name, position=pos)
        region.provinces = [
            Province(name=p.name, short_name=p.short, aliases=list(p.aliases)) for p in r.provinces
        ]
        s.add(region)
    for tier in rules.tiers:
        s.add(Tier(season_id=rules.year, code=tier.code, name=tier.name))
    for cat in rules.categories:
        s.add(Category(season_id=rules.year, code=cat.code, name=cat.name))
    rubric = _rubric("默认评分细则", rules.criteria(live=False))
    live_rubric = _rubric("现场评分细则", rules.criteria(live=True))
    s.add_all([rubric, live_rubric])
    for pos, rr in enumerate(rules.rounds):
        s.add(
            Round(
                key=rr.key,
                name=rr.name,
                position=pos,
                starts_on=rr.starts,
                ends_on=rr.ends,
                live=rr.live,
                rubric=live_rubric if rr.live else rubric if rr.key == "review" else None,
                # live rounds have a panel on stage: drop one highest and one lowest mark (issue #11)
                scoring_method="trimmed" if rr.live else "mean",
            )
        )


def _rubric(name: str, criteria: tuple[CriterionRule, ...]) -> Rubric:
    """A rubric row with its criteria, in the rule file's order."""
    rubric = Rubric(name=name)
    rubric.criteria = [
        Criterion(
            key=c.key,
            name=c.name,
            description=c.description,
            max=c.max,
            step=c.step,
            weight=c.weight,
            position=i,
        )
        for i, c in enumerate(criteria)
    ]
    return rubric
