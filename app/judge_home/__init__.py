# SPDX-License-Identifier: Apache-2.0
"""The judge's local store (no Qt): open a package, score, recuse, export signed bundles."""

from app.judge_home.home import STATES, JudgeHome
from app.judge_home.package_reading import read_package_summary
from app.judge_home.records import (
    CaseFiles,
    CaseScores,
    ExportResult,
    HomeCase,
    HomeInfo,
    PackageSummary,
)

__all__ = [
    "STATES",
    "CaseFiles",
    "CaseScores",
    "ExportResult",
    "HomeCase",
    "HomeInfo",
    "JudgeHome",
    "PackageSummary",
    "read_package_summary",
]
