# SPDX-License-Identifier: Apache-2.0
"""Intake: read a submission folder or zip, check every rule of the notice, import, screen."""

from app.errors import Cancelled
from app.intake.columns import (
    COLUMNS,
    Column,
    Sheet,
    guess_mapping,
    missing_columns,
    read_headers,
    read_sheet,
)
from app.intake.findings import CODES, CROSS_CASE_CODES, VIOLATION, WARNING, Finding, SourceProblem
from app.intake.runner import CaseReport, CheckOptions, CheckReport, Progress, check_sheet, check_source
from app.intake.source import Source, open_source

__all__ = [
    "CODES",
    "COLUMNS",
    "CROSS_CASE_CODES",
    "VIOLATION",
    "WARNING",
    "Cancelled",
    "CaseReport",
    "CheckOptions",
    "CheckReport",
    "Column",
    "Finding",
    "Progress",
    "Sheet",
    "Source",
    "SourceProblem",
    "check_sheet",
    "check_source",
    "guess_mapping",
    "missing_columns",
    "open_source",
    "read_headers",
    "read_sheet",
]
