# SPDX-License-Identifier: Apache-2.0
"""Qt fixtures: no test may leave threads or pool tasks behind; an AppContext with a fake prompter;
a small workspace with cases across themes, regions, tiers and statuses."""

from __future__ import annotations

import traceback
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThread, QThreadPool

from app.casebook import NewCase, add_case
from app.models import Case, CaseStatus
from app.workspace import Workspace
from ui import tasks
from ui.context import AppContext, make_context
from ui.main import apply_language
from ui.prompter import Prompter

#: Milliseconds a finished test waits for pool threads to wind down before they count as left behind.
POOL_GRACE_MS = 500


def _caller() -> str:
    frames = [f for f in traceback.extract_stack()[:-2] if "/tests/" in f.filename or "/ui/" in f.filename]
    return "".join(traceback.format_list(frames[-4:]))


@pytest.fixture(autouse=True)
def _dangling_qthreads(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail a test that leaves a QThread running (napari's ``_dangling_qthreads``)."""
    started: weakref.WeakKeyDictionary[QThread, str] = weakref.WeakKeyDictionary()
    base_start = QThread.start

    def start(self: QThread, *args: Any) -> None:
        started[self] = _caller()
        base_start(self, *args)

    monkeypatch.setattr(QThread, "start", start)
    yield
    running = []
    for thread, where in list(started.items()):
        try:
            if thread.isRunning():
                running.append(where)
        except RuntimeError:  # the C++ object is gone: it is not running
            pass
    if running:
        pytest.fail("test left QThreads running, started at:\n" + "\n".join(running))


@pytest.fixture(autouse=True)
def _dangling_tasks() -> Iterator[None]:
    """Fail a test that ends with ``run_task`` work undelivered or pool threads still busy."""
    yield
    pending = tasks.pending_tasks()
    pool = QThreadPool.globalInstance()
    idle = pool.waitForDone(POOL_GRACE_MS)
    if pending:
        for task in pending:
            task.cancel()
        pool.waitForDone(5000)
        started = ", ".join(
            f"{getattr(t._on_done, '__qualname__', t._on_done)} (owner {type(t._owner).__name__})"
            for t in pending
        )
        pytest.fail(
            f"test ended with {len(pending)} background task(s) whose result was never delivered: {started}"
        )
    if not idle:
        pytest.fail("test left QThreadPool work running")


class FakePrompter(Prompter):
    """Answers from queues instead of showing anything; fails the test if asked something unexpected.

    A dialog question (``ask``) is answered by the next function in ``fillers``: it gets the real
    dialog, fills it like a user would and returns True to press OK (False: cancel). Asked questions
    are recorded in ``asked`` (a dialog by its object name).
    """

    def __init__(self) -> None:
        self.directories: list[Path | None] = []
        self.files: list[Path | None] = []
        self.confirmations: list[bool] = []
        self.fillers: list[Callable[[Any], bool]] = []
        self.asked: list[str] = []

    def ask(self, dialog: Any, answer: Callable[[], Any]) -> Any:
        self.asked.append(dialog.objectName())
        assert self.fillers, f"unexpected question: {dialog.objectName()}"
        try:
            return answer() if self.fillers.pop(0)(dialog) else None
        finally:
            dialog.deleteLater()

    def choose_directory(self, parent: Any, title: str, start: str = "") -> Path | None:
        self.asked.append(title)
        assert self.directories, f"unexpected folder question: {title}"
        return self.directories.pop(0)

    def choose_file(self, parent: Any, title: str, name_filter: str, start: str = "") -> Path | None:
        self.asked.append(title)
        assert self.files, f"unexpected file question: {title}"
        return self.files.pop(0)

    def confirm(self, parent: Any, title: str, text: str) -> bool:
        self.asked.append(title)
        assert self.confirmations, f"unexpected confirmation: {title}"
        return self.confirmations.pop(0)


@pytest.fixture
def prompter() -> FakePrompter:
    return FakePrompter()


@pytest.fixture
def ctx(
    qapp: Any, tmp_path: Path, prompter: FakePrompter, monkeypatch: pytest.MonkeyPatch
) -> Iterator[AppContext]:
    """A context on a fresh data folder, in the default language (zh_CN), translators installed."""
    monkeypatch.delenv("LEITAI_LANG", raising=False)
    monkeypatch.delenv("LEITAI_PSEUDO_TRANSLATE", raising=False)
    context = make_context(tmp_path / "data", prompter=prompter)
    apply_language(qapp, context)
    yield context
    context.translators.remove(qapp)


@dataclass(frozen=True)
class SampleCase:
    code: str
    hospital: str
    province: str
    theme: int
    tier: str
    title: str
    status: str
    votes: int | None = None
    with_pdf: bool = False


#: A handful of cases spread over themes, regions (via province), tiers and statuses (2020 season:
#: it has two tiers). Titles mix Chinese and Latin letters to exercise case-insensitive search.
SAMPLE_CASES = (
    SampleCase("A2020-001", "北京示范医院", "北京", 1, "city", "门诊预约全流程优化", "approved", 1200, True),
    SampleCase("A2020-002", "成都市第三人民医院", "四川", 2, "city", "急诊胸痛中心 MDT 建设", "rejected", 85),
    SampleCase("A2020-003", "德清县人民医院", "浙江", 3, "county", "县域医共体慢病管理", "submitted", 430),
    SampleCase("A2020-004", "九龙示范医院", "香港", 1, "city", "Smart Pharmacy 智慧药房", "submitted", None),
    SampleCase("A2020-005", "伊宁县人民医院", "新疆", 5, "county", "日间手术服务流程再造", "approved", 3020),
    SampleCase("A2020-006", "沈阳市示范医院", "辽宁", 5, "city", "基于 ai 的日间手术管理", "submitted", 15),
    SampleCase("A2020-007", "崇明区示范医院", "上海", 1, "county", "延伸护理服务", "rejected", 610),
    SampleCase("A2020-008", "武汉示范医院", "湖北", 7, "city", "智慧医院一体化平台", "approved", 999, True),
)


def build_sample_workspace(root: Path) -> Path:
    """Create a 2020 workspace holding ``SAMPLE_CASES`` (statuses set as screening would leave them)."""
    pdf = root.parent / f"{root.name}-slides.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% sample slides\n" * 64)
    ws = Workspace.create(root, season=2020)
    try:
        for i, c in enumerate(SAMPLE_CASES):
            add_case(
                ws,
                NewCase(
                    code=c.code,
                    hospital=c.hospital,
                    province=c.province,
                    theme=c.theme,
                    title=c.title,
                    tier=c.tier,
                    votes=c.votes,
                    pdf=pdf if c.with_pdf else None,
                    submitted_at=datetime(2020, 9, 1 + i, 10, 30),
                    recommendation=f"{c.title}：推荐理由示例。",
                ),
            )
        # No screening service exists yet (issue 3): set the outcome the way it would be stored.
        with ws.sessions.begin() as s:
            for c in SAMPLE_CASES:
                case = s.query(Case).filter_by(code=c.code).one()
                case.status = CaseStatus(c.status).value
                if c.status == "rejected":
                    case.status_reason = "PDF 字号小于 14 磅"
    finally:
        ws.close()
    return root


@pytest.fixture(scope="session")
def sample_workspace_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sample workspace folder built once per run; tests only read it."""
    return build_sample_workspace(tmp_path_factory.mktemp("sample") / "ws2020")


@pytest.fixture
def sample_workspace(sample_workspace_dir: Path) -> Iterator[Workspace]:
    ws = Workspace.open(sample_workspace_dir)
    yield ws
    ws.close()
