# SPDX-License-Identifier: Apache-2.0
"""The case table's screening columns: problems (the notice's rules a case breaks) and the screening
deadline. Each reads the case's ``CaseRow`` alone (``app.catalog`` fills its findings and deadline),
so the table needs no second copy of the rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtGui import QColor, QIcon

from app.catalog import CaseRow
from app.glossary.terms import finding_name
from app.models import CaseStatus
from ui.i18n import QT_TRANSLATE_NOOP
from ui.organizer.case_table_model import COLUMNS, Column
from ui.organizer.findings_widget import severity_icon
from ui.style import theme_colors

#: Missing values sort after every real one.
_LAST = (1, 0)
_SUBMITTED = CaseStatus.SUBMITTED.value


# -- problems ----------------------------------------------------------------------------------------


def _problems_text(case: CaseRow) -> str:
    return str(case.counts.violations) if case.counts.violations else ""


def _problems_sort(case: CaseRow) -> Any:
    return (0, case.counts.violations, case.counts.warnings) if case.checked else _LAST


def _problems_icon(case: CaseRow) -> QIcon | None:
    if not case.checked:
        return None
    if case.counts.violations:
        return severity_icon("violation")
    return severity_icon("warning" if case.counts.warnings else "clean")


def _problems_color(case: CaseRow) -> QColor | None:
    return theme_colors().violation if case.counts.violations else None


def _problems_tooltip(case: CaseRow) -> str:
    if not case.checked:
        return QCoreApplication.translate(
            "ScreeningColumns", "Not checked: this case was not imported through the intake"
        )
    if not case.counts.codes:
        return QCoreApplication.translate("ScreeningColumns", "No problems found")
    return "\n".join(finding_name(code) for code in case.counts.codes)


# -- deadline ----------------------------------------------------------------------------------------


def _waiting_deadline(case: CaseRow) -> date | None:
    """The deadline of a case still waiting to be screened (None once decided, or if unknown)."""
    return case.deadline if case.status == _SUBMITTED else None


def _deadline_text(case: CaseRow) -> str:
    due = _waiting_deadline(case)
    # Overdue ones are red, with the number of days in the tooltip: the column stays narrow.
    return QLocale().toString(QDate(due.year, due.month, due.day), "yyyy-MM-dd") if due else ""


def _deadline_sort(case: CaseRow) -> Any:
    due = _waiting_deadline(case)
    return (0, due.toordinal()) if due else _LAST


def _deadline_color(case: CaseRow) -> QColor | None:
    due = _waiting_deadline(case)
    if due is None:
        return None
    if case.overdue:
        return theme_colors().violation
    return theme_colors().warning if (due - date.today()).days <= 1 else None


def _deadline_tooltip(case: CaseRow) -> str:
    due = _waiting_deadline(case)
    if due is None:
        return ""
    if case.overdue:
        return QCoreApplication.translate("ScreeningColumns", "Overdue: screening was due by {date}").format(
            date=due.isoformat()
        )
    return QCoreApplication.translate("ScreeningColumns", "Screening due by the end of {date}").format(
        date=due.isoformat()
    )


PROBLEMS = Column(
    "problems",
    QT_TRANSLATE_NOOP("CaseTableModel", "Problems"),
    _problems_text,
    _problems_sort,
    width=64,
    tooltip=_problems_tooltip,
    color=_problems_color,
    icon=_problems_icon,
)
DEADLINE = Column(
    "deadline",
    QT_TRANSLATE_NOOP("CaseTableModel", "Deadline"),
    _deadline_text,
    _deadline_sort,
    width=100,
    tooltip=_deadline_tooltip,
    color=_deadline_color,
)


def screening_columns() -> tuple[Column, ...]:
    """The case table's columns while screening: problems and deadline after the status.

    Votes matter later (public voting), not while screening: hidden by default to leave the title room;
    the header's context menu shows it again.
    """
    columns = [replace(c, visible=False) if c.key == "votes" else c for c in COLUMNS]
    at = next(i for i, c in enumerate(columns) if c.key == "status") + 1
    columns[at:at] = [PROBLEMS, DEADLINE]
    return tuple(columns)


def has_problems(case: CaseRow) -> bool:
    """The "only with problems" filter: the case breaks at least one rule."""
    return bool(case.counts.violations)
