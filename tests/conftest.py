# SPDX-License-Identifier: Apache-2.0
"""Shared fixtures: offscreen Qt by default; a fresh workspace per test. And the skip policy.

Skip policy: a skipped test is a test that did not run, so a skip counts as a failure unless its reason
is one of ``SKIPS_THAT_CANNOT_HOLD_IN_CI`` (conditions that are never true on the CI machine: Linux, with
``pip install -e .[dev]`` and the system packages of ``scripts/dev.sh``). A test that needs something
the set-up installs does not skip without it: it fails and says what is missing. To add a reason, say
there why it cannot hold in CI.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LEITAI_TESTING", "1")
# Never touch the real credential store of the machine running the tests (app/judge_home/key_store.py).
os.environ.setdefault("LEITAI_KEY_STORE", "sealed")

#: The only reasons a test may skip for; each names a condition the CI machine never meets.
SKIPS_THAT_CANNOT_HOLD_IN_CI = frozenset(
    {
        # CI runs on Linux; the frozen build and the shell commands are checked there.
        "the CI machine builds the Linux bundle",
        "the documented commands need a POSIX shell (CI runs them on Linux)",
    }
)


def _skip_reason(report: pytest.TestReport) -> str:
    longrepr: Any = report.longrepr
    text = str(longrepr[2]) if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)
    return text.removeprefix("Skipped: ")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Turn a skip whose reason is not in ``SKIPS_THAT_CANNOT_HOLD_IN_CI`` into a failure."""
    outcome: Any = yield
    report: pytest.TestReport = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = _skip_reason(report)
        if reason not in SKIPS_THAT_CANNOT_HOLD_IN_CI:
            report.outcome = "failed"
            report.longrepr = (
                f"skipped ({reason}): a skip is a failure unless its reason cannot hold in CI "
                "(tests/conftest.py, SKIPS_THAT_CANNOT_HOLD_IN_CI)"
            )


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[object]:
    """A new, empty 2022 workspace in its own folder (no cases, no judges)."""
    from app.workspace import Workspace

    ws = Workspace.create(tmp_path / "ws", season=2022)
    yield ws
    ws.close()


@pytest.fixture(autouse=True)
def _glossary_language_reset() -> Iterator[None]:
    """A test that switches the glossary's language (directly or through the GUI) leaves it as found."""
    yield
    from app import glossary

    glossary.set_language(None)
