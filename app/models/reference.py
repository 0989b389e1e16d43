# SPDX-License-Identifier: Apache-2.0
"""The competition's fixed frame, copied from the season rule file: season, themes, regions, tiers."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Timestamped


class Season(Base):
    """One competition year (届); its rules live in ``data/seasons/<year>.toml``."""

    __tablename__ = "season"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)  # the year
    title: Mapped[str] = mapped_column(String(200))
    rules_sha256: Mapped[str] = mapped_column(String(64))


class Competition(Base, Timestamped):
    """The single competition a workspace holds; ``uid`` tells workspaces (and their bundles) apart."""

    __tablename__ = "competition"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    season_id: Mapped[int] = mapped_column(ForeignKey("season.id"))

    season: Mapped[Season] = relationship()


class Theme(Base):
    """主题: ten a season."""

    __tablename__ = "theme"
    __table_args__ = (UniqueConstraint("season_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = mapped_column(ForeignKey("season.id"))
    number: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    directions: Mapped[str] = mapped_column(default="")


class Region(Base):
    """赛区: six, decided by province."""

    __tablename__ = "region"
    __table_args__ = (UniqueConstraint("season_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = mapped_column(ForeignKey("season.id"))
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(default=0)

    provinces: Mapped[list[Province]] = relationship(back_populates="region", order_by="Province.id")


class Province(Base):
    """A province with its official full name; short names and aliases resolve to it."""

    __tablename__ = "province"

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"))
    name: Mapped[str] = mapped_column(String(40))
    short_name: Mapped[str] = mapped_column(String(20))
    aliases: Mapped[list[Any]] = mapped_column(default=list)

    region: Mapped[Region] = relationship(back_populates="provinces")


class Tier(Base):
    """组别: 城市组 / 县域组."""

    __tablename__ = "tier"
    __table_args__ = (UniqueConstraint("season_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = mapped_column(ForeignKey("season.id"))
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(40))


class Category(Base):
    """类别: 日常改善 / 科学抗疫 (2020)."""

    __tablename__ = "category"
    __table_args__ = (UniqueConstraint("season_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = mapped_column(ForeignKey("season.id"))
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(80))


class Hospital(Base, Timestamped):
    """医院: one full official name; at most one case per theme."""

    __tablename__ = "hospital"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    province_id: Mapped[int | None] = mapped_column(ForeignKey("province.id"))

    province: Mapped[Province | None] = relationship()
