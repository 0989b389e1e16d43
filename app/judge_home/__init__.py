# SPDX-License-Identifier: Apache-2.0
"""The judge's local store (no Qt): open a package, score, recuse, export signed bundles."""

from app.judge_home.home import (
    STATES,
    CaseFiles,
    CaseScores,
    ExportResult,
    HomeCase,
    HomeInfo,
    JudgeHome,
)

__all__ = [
    "STATES",
    "CaseFiles",
    "CaseScores",
    "ExportResult",
    "HomeCase",
    "HomeInfo",
    "JudgeHome",
]
