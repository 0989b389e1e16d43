# SPDX-License-Identifier: Apache-2.0
"""Shared fixtures: offscreen Qt by default; a fresh workspace per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LEITAI_TESTING", "1")
# Never touch the real credential store of the machine running the tests (app/judge_home/key_store.py).
os.environ.setdefault("LEITAI_KEY_STORE", "sealed")


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
