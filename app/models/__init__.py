# SPDX-License-Identifier: Apache-2.0
"""SQLAlchemy 2 typed models of a workspace; the schema is versioned by Alembic (``migrations/``)."""

from app.models.base import Base
from app.models.cases import Case, CaseFile, CaseStatus
from app.models.intake import CaseRevision, Finding, HospitalAlias, ScreeningAction
from app.models.judging import Assignment, Conflict, Criterion, Judge, Round, Rubric, Score
from app.models.keys import BundleContent, IssuedPackage, OrganizerKey
from app.models.records import AuditEvent, ImportedBundle
from app.models.reference import Category, Competition, Hospital, Province, Region, Season, Theme, Tier
from app.models.results import AwardOverride, TieDraw

__all__ = [
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
    "Criterion",
    "Finding",
    "Hospital",
    "HospitalAlias",
    "ImportedBundle",
    "IssuedPackage",
    "Judge",
    "OrganizerKey",
    "Province",
    "Region",
    "Round",
    "Rubric",
    "Score",
    "ScreeningAction",
    "Season",
    "Theme",
    "TieDraw",
    "Tier",
]
