# SPDX-License-Identifier: Apache-2.0
"""SQLAlchemy 2 typed models of a workspace; the schema is versioned by Alembic (``migrations/``)."""

from app.models.base import Base
from app.models.cases import Case, CaseFile, CaseStatus
from app.models.intake import CaseRevision, Finding, HospitalAlias, ScreeningAction
from app.models.judging import (
    Assignment,
    Conflict,
    ConflictKind,
    Criterion,
    Judge,
    JudgeStatus,
    Round,
    Rubric,
    Score,
)
from app.models.keys import BundleContent, IssuedPackage, OrganizerKey
from app.models.live import LiveSession, LiveSlot
from app.models.records import AuditEvent, ImportedBundle
from app.models.reference import Category, Competition, Hospital, Province, Region, Season, Theme, Tier
from app.models.results import AwardOverride, TieDraw
from app.models.rounds import Admission, ExpertiseMode, RoundCase, RoundJudge, RoundSettings

__all__ = [
    "Admission",
    "Assignment",
    "AuditEvent",
    "AwardOverride",
    "Base",
    "BundleContent",
    "Case",
    "CaseFile",
    "CaseRevision",
    "CaseStatus",
    "Category",
    "Competition",
    "Conflict",
    "ConflictKind",
    "Criterion",
    "ExpertiseMode",
    "Finding",
    "Hospital",
    "HospitalAlias",
    "ImportedBundle",
    "IssuedPackage",
    "Judge",
    "JudgeStatus",
    "LiveSession",
    "LiveSlot",
    "OrganizerKey",
    "Province",
    "Region",
    "Round",
    "RoundCase",
    "RoundJudge",
    "RoundSettings",
    "Rubric",
    "Score",
    "ScreeningAction",
    "Season",
    "Theme",
    "TieDraw",
    "Tier",
]
