# SPDX-License-Identifier: Apache-2.0
"""Finds and reads ``data/seasons/<year>.toml`` (cached); a bad file is refused, naming the key.

The checks themselves are in ``season_parser``; this module owns the files, the year and the cache.
"""

from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path

from app import paths
from app.seasons.errors import SeasonError
from app.seasons.rules import SeasonRules
from app.seasons.season_parser import SeasonParser

#: Root of the bundled data; resolves inside a PyInstaller bundle too (see app/paths.py). Read at call
#: time, so tests may monkeypatch it.
_DATA_DIR: Path = paths.DATA_DIR
#: A season file is named after its year.
_YEAR_FILE = re.compile(r"\d{4}")


def seasons_dir(data_dir: Path | None = None) -> Path:
    """The folder holding the season files: ``<data_dir>/seasons`` (default: the bundled data)."""
    return (data_dir if data_dir is not None else _DATA_DIR) / "seasons"


def available_seasons(data_dir: Path | None = None) -> list[int]:
    """Years that have a rules file, ascending."""
    folder = seasons_dir(data_dir)
    if not folder.is_dir():
        return []
    return sorted(int(p.stem) for p in folder.glob("*.toml") if _YEAR_FILE.fullmatch(p.stem))


def load_season(year: int, data_dir: Path | None = None) -> SeasonRules:
    """The rules of ``year``, read once and cached (a changed file is read again).

    Raises SeasonError for a year without a file or for a file that is not valid.
    """
    path = seasons_dir(data_dir) / f"{year}.toml"
    try:
        stat = path.stat()
    except OSError:
        known = [str(y) for y in available_seasons(data_dir)] or ["—"]
        raise SeasonError("season_unknown", path=path, year=year, known=known) from None
    return _load_cached(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=32)
def _load_cached(path: Path, _mtime_ns: int, _size: int) -> SeasonRules:
    return load_season_file(path)


def load_season_file(path: Path) -> SeasonRules:
    """Read and check one season file, uncached (for an organizer's own rules file, and for tests)."""
    try:
        with path.open("rb") as fh:
            raw = tomllib.load(fh)
    except OSError as exc:
        raise SeasonError("season_unreadable", path=path, reason=exc.strerror or str(exc)) from None
    except tomllib.TOMLDecodeError as exc:
        raise SeasonError("season_not_toml", path=path, reason=str(exc)) from None
    except UnicodeDecodeError as exc:
        raise SeasonError("season_not_utf8", path=path, reason=str(exc)) from None
    rules = SeasonParser(path).season(raw)
    if _YEAR_FILE.fullmatch(path.stem) and int(path.stem) != rules.year:
        raise SeasonError("season_year_mismatch", path=path, stem=path.stem, year=rules.year)
    return rules
