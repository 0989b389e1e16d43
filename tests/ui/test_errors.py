# SPDX-License-Identifier: Apache-2.0
"""A DomainError from the services reads as a whole sentence in the interface's language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app import glossary
from app.casebook import NewCase, add_case
from app.errors import DomainError
from app.judging.roster import NewJudge, add_judge
from app.workspace import Workspace
from ui.errors import error_message


@pytest.fixture
def english() -> Iterator[None]:
    glossary.set_language("en")
    yield
    glossary.set_language(None)


def test_a_service_error_reads_in_the_interface_language(
    workspace: Workspace, qapp: object, english: None
) -> None:
    case = NewCase(code="2022-0001", hospital="安吉县人民医院", province="浙江", theme=2, title="t")
    add_case(workspace, case)
    with pytest.raises(DomainError) as case_err:
        add_case(workspace, case)
    add_judge(workspace, NewJudge(name="张三", code="J001"))
    with pytest.raises(DomainError) as judge_err:
        add_judge(workspace, NewJudge(name="李四", code="J001"))
    assert error_message(case_err.value) == "A case with the code 2022-0001 already exists."
    assert error_message(judge_err.value) == "A judge with the code J001 already exists."
    glossary.set_language("zh_CN")
    assert error_message(case_err.value) == "案例编号 2022-0001 已存在。"


def test_a_system_refusal_names_the_reason_and_the_file(qapp: object) -> None:
    exc = FileNotFoundError(2, "No such file or directory", "/nowhere/x.pdf")
    assert error_message(exc) == "The system refused: No such file or directory (/nowhere/x.pdf)"
