# SPDX-License-Identifier: Apache-2.0
"""A DomainError from the services reads as a whole sentence in the interface's language."""

from __future__ import annotations

import pytest

from app.casebook import NewCase, add_case
from app.errors import DomainError
from app.judging.roster import NewJudge, add_judge
from app.workspace import Workspace
from ui.errors import MESSAGES, error_message


def test_every_template_fills_from_the_params_the_services_raise(workspace: Workspace, qapp: object) -> None:
    case = NewCase(code="2022-0001", hospital="安吉县人民医院", province="浙江", theme=2, title="t")
    add_case(workspace, case)
    with pytest.raises(DomainError) as case_err:
        add_case(workspace, case)
    add_judge(workspace, NewJudge(name="张三", code="J001"))
    with pytest.raises(DomainError) as judge_err:
        add_judge(workspace, NewJudge(name="李四", code="J001"))
    # No translator is installed here: the English template must be used, filled, not the fallback.
    assert error_message(case_err.value) == "A case with the code 2022-0001 already exists."
    assert error_message(judge_err.value) == "A judge with the code J001 already exists."


def test_templates_only_name_placeholders_in_braces() -> None:
    for code, template in MESSAGES.items():
        assert template.count("{") == template.count("}"), code
