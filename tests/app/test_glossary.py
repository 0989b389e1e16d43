# SPDX-License-Identifier: Apache-2.0
"""Every error ``app/`` (or ``ui/``) can raise has a message in Chinese and in English.

The test reads the source, not a list kept by hand: it walks the syntax tree of every module for
``DomainError("code", …)`` (and calls of any subclass of ``DomainError``), and proves that each code has
a :class:`~app.glossary.Term` with a non-empty zh and en, that both name the same placeholders, and that
every raise of the code passes each placeholder as a keyword — so no message can fail to fill in.
"""

from __future__ import annotations

import ast
import pickle
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app import glossary
from app.errors import DomainError
from app.glossary import Term
from app.glossary.errors import messages

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("app", "ui")

#: Raise sites whose code is not a literal: (module, expression) → every code it can carry.
DYNAMIC_CODES: dict[tuple[str, str], frozenset[str]] = {
    # verify_package reports one of these codes (PackageCheck.code) for a package it refuses.
    ("app/judge_home/home.py", "check.code"): frozenset({"malformed", "bad_signature", "file_mismatch"}),
}
#: DomainError subclasses that fix their own code (called with no arguments).
FIXED_CODES: dict[str, str] = {"Cancelled": "cancelled"}
#: Raise sites allowed to pass their parameters as ``**mapping`` (module, mapping expression).
SPREAD_PARAMS: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True)
class RaiseSite:
    """One call that makes a DomainError, as the source spells it."""

    module: str
    line: int
    codes: frozenset[str]
    keywords: frozenset[str]
    spread: tuple[str, ...]  # ``**mapping`` arguments
    extra_positional: int  # positional arguments after the code (a leftover inline message)

    def __str__(self) -> str:
        return f"{self.module}:{self.line}"


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            yield path.relative_to(ROOT).as_posix(), ast.parse(path.read_text(encoding="utf-8"), str(path))


def _error_classes(trees: list[tuple[str, ast.Module]]) -> set[str]:
    """``DomainError`` and every class that derives from it (transitively), by name."""
    names = {"DomainError"}
    grew = True
    while grew:
        grew = False
        for _, tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
                    if bases & names:
                        names.add(node.name)
                        grew = True
    return names


def _called_name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def raise_sites() -> list[RaiseSite]:
    """Every ``DomainError``-making call under ``app/`` and ``ui/`` (class bodies' ``super()`` excepted)."""
    trees = list(_modules())
    classes = _error_classes(trees)
    sites: list[RaiseSite] = []
    for module, tree in trees:
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _called_name(node) in classes):
                continue
            if _called_name(node) in FIXED_CODES and not node.args:
                sites.append(
                    RaiseSite(
                        module, node.lineno, frozenset({FIXED_CODES[_called_name(node)]}), frozenset(), (), 0
                    )
                )
                continue
            if not node.args:
                raise AssertionError(f"{module}:{node.lineno}: a DomainError needs its code first")
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                codes = frozenset({first.value})
            else:
                expr = ast.unparse(first)
                # An unlisted expression stays as a code no table has, so the test below names it.
                codes = DYNAMIC_CODES.get((module, expr), frozenset({f"<not a literal: {expr}>"}))
            sites.append(
                RaiseSite(
                    module=module,
                    line=node.lineno,
                    codes=codes,
                    keywords=frozenset(k.arg for k in node.keywords if k.arg is not None),
                    spread=tuple(ast.unparse(k.value) for k in node.keywords if k.arg is None),
                    extra_positional=len(node.args) - 1,
                )
            )
    return sites


SITES = raise_sites()


def test_a_fixed_code_subclass_carries_its_code() -> None:
    from app import errors

    for name, code in FIXED_CODES.items():
        assert getattr(errors, name)().code == code


def test_the_walk_finds_the_raise_sites() -> None:
    # A sanity floor: the walk must see the errors the services are known to raise.
    codes = {code for site in SITES for code in site.codes}
    assert len(SITES) > 80
    assert {"not_a_workspace", "zip_bomb", "bad_access_code", "cancelled", "season_invalid"} <= codes


@pytest.mark.parametrize("site", SITES, ids=str)
def test_every_raise_has_a_message_in_both_languages_that_its_params_fill(site: RaiseSite) -> None:
    assert site.extra_positional == 0, f"{site}: an inline message; the words belong in app/glossary/errors"
    for spread in site.spread:
        assert (site.module, spread) in SPREAD_PARAMS, f"{site}: **{spread} hides which params are passed"
    table = messages()
    for code in site.codes:
        term = table.get(code)
        assert term is not None, f"{site}: {code!r} has no message in app/glossary/errors"
        assert term.zh.strip(), f"{code}: the Chinese message is empty"
        assert term.en.strip(), f"{code}: the English message is empty"
        zh_fields, en_fields = term.fields()
        assert zh_fields == en_fields, f"{code}: zh names {zh_fields}, en names {en_fields}"
        if not site.spread:
            missing = zh_fields - site.keywords
            assert not missing, f"{site}: {code!r} needs {sorted(missing)} passed as keywords"


def test_every_message_is_complete_and_used() -> None:
    raised = {code for site in SITES for code in site.codes}
    for code, term in messages().items():
        assert term.zh.strip(), code
        assert term.en.strip(), code
        zh_fields, en_fields = term.fields()
        assert zh_fields == en_fields, code
        assert not _has_cjk(term.en), f"{code}: the English message has Chinese in it"
        assert _has_cjk(term.zh), f"{code}: the Chinese message has no Chinese in it"
    unused = set(messages()) - raised
    assert not unused, f"messages no code raises (remove them, or raise them): {sorted(unused)}"


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_an_error_speaks_the_current_language() -> None:
    err = DomainError("case_exists", case_code="2022-0001")
    try:
        glossary.set_language("en")
        assert err.message == "A case with the code 2022-0001 already exists."
        glossary.set_language("zh_CN")
        assert err.message == "案例编号 2022-0001 已存在。"
        assert err.text("en") == "A case with the code 2022-0001 already exists."
    finally:
        glossary.set_language(None)


def test_the_language_follows_leitai_lang_unless_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(glossary.ENV_LANG, "en")
    assert glossary.language() == "en"
    monkeypatch.setenv(glossary.ENV_LANG, "klingon")
    assert glossary.language() == "zh_CN"


def test_a_list_param_reads_as_a_list_in_each_language() -> None:
    term = Term("缺少：{missing}", "Missing: {missing}")
    assert term.text("zh_CN", missing=["姓名", "电话"]) == "缺少：姓名、电话"
    assert term.text("en", missing=["name", "phone"]) == "Missing: name, phone"


def test_an_inline_message_is_no_longer_accepted() -> None:
    with pytest.raises(TypeError):
        DomainError("case_exists", "案例编号已存在。", case_code="x")  # type: ignore[call-arg]


def test_an_error_keeps_its_params_across_processes() -> None:
    # The intake checks cases in worker processes; an error they raise must still fill its message.
    err = pickle.loads(pickle.dumps(DomainError("sheet_empty", path="/x/cases.csv", name="cases.csv")))
    assert err.code == "sheet_empty"
    assert err.text("en") == "The sheet cases.csv is empty."
