# SPDX-License-Identifier: Apache-2.0
"""What a tab of the desk asks of the desk it sits in (``DeskView`` is the one implementation): the
context and services, the open workspace and its last snapshot, the followed round, and one way to run
a change. Tabs depend on this, never on the view that holds them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from app.bundles.package import BuiltPackage
from app.rounds.service import RoundView
from app.workspace import Workspace
from ui.context import AppContext
from ui.desk.desk_services import DeskServices, DeskSnapshot
from ui.tasks import Task, TaskContext

T = TypeVar("T")


class DeskHost(Protocol):
    """The desk as its tabs see it."""

    ctx: AppContext
    services: DeskServices
    workspace: Workspace | None
    snapshot: DeskSnapshot | None
    passphrase: str | None
    #: ``message(str)``: a sentence for the status bar.
    message: Any

    @property
    def round_key(self) -> str: ...

    def round_view(self, key: str | None = None) -> RoundView | None: ...

    def set_round(self, key: str | None) -> None: ...

    def refresh(self) -> None: ...

    def run_write(
        self,
        work: Callable[[TaskContext], T],
        on_done: Callable[[T], None],
        *,
        title: str,
        label: str | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task[T] | None: ...

    def packages_built(self, built: list[BuiltPackage]) -> None: ...
