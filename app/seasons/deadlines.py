# SPDX-License-Identifier: Apache-2.0
"""When screening of a submission is due: N working days after it arrived (2022: 3), weekends skipped.

A season without a per-submission turnaround (2020 gives a fixed screening window) is due at the end of
its screening round. Dates are Beijing dates: the competition runs on Beijing time.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from app.seasons.rules import SeasonRules

#: The competition's clock (China Standard Time, no daylight saving).
COMPETITION_TZ = timezone(timedelta(hours=8), "CST")


def local_date(moment: datetime) -> date:
    """The Beijing date of a moment (a naive time is taken as UTC, as the workspace stores it)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(COMPETITION_TZ).date()


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days (Monday–Friday) after ``start``; a weekend start counts from Monday."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current


def screening_deadline(submitted_at: datetime | None, rules: SeasonRules) -> date | None:
    """The last day to screen a case submitted at ``submitted_at`` under ``rules`` (None if unknown)."""
    if rules.screening_working_days is not None:
        if submitted_at is None:
            return None
        return add_working_days(local_date(submitted_at), rules.screening_working_days)
    if rules.has_round("screening"):
        return rules.round("screening").ends
    return None
