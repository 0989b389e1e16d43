# SPDX-License-Identifier: Apache-2.0
"""Every sentence the product says is in the glossary, in both languages, and fills in.

Services keep what happened as a code and params (a finding's detail, a merge outcome's reason, a
package check's reason); the words are said from ``app.glossary`` when someone reads them. These tests
walk every glossary module for its terms, and the sources for the places that make a finding, a source
problem, a merge refusal or a package refusal, so a new kind of message without its words fails here.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import app.glossary as glossary_package
from app.glossary import Phrase, Term, comma_list, say
from app.glossary.findings import MESSAGES, SOURCE_PROBLEMS, WHY
from app.intake.finding_text import finding_text
from app.intake.findings import CODES
from tests.language_support import CJK

ROOT = Path(__file__).resolve().parents[2]
#: Terms whose two languages build the sentence from different params, on purpose: (module, name).
DIFFERENT_PARAMS = {("app.glossary.live", "THEME_GROUP")}  # 主题五 (a numeral) / Theme 5 (a digit)


def _terms() -> Iterator[tuple[str, str, Term]]:
    """(module, where, term) for every Term a glossary module holds, alone or in a dict."""
    names = [
        "app.glossary",
        *(m.name for m in pkgutil.walk_packages(glossary_package.__path__, "app.glossary.")),
    ]
    for name in names:
        for attr, value in vars(importlib.import_module(name)).items():
            if isinstance(value, Term):
                yield name, attr, value
            elif isinstance(value, dict):
                for key, term in value.items():
                    if isinstance(term, Term):
                        yield name, f"{attr}[{key!r}]", term


TERMS = list(_terms())


def test_the_walk_sees_the_glossary() -> None:
    modules = {m for m, _, _ in TERMS}
    assert {"app.glossary.findings", "app.glossary.terms", "app.glossary.errors.intake"} <= modules
    assert len(TERMS) > 500


@pytest.mark.parametrize(("module", "where", "term"), TERMS, ids=[f"{m}:{w}" for m, w, _ in TERMS])
def test_every_term_says_the_same_thing_in_both_languages(module: str, where: str, term: Term) -> None:
    assert term.zh.strip(), "no Chinese"
    assert term.en.strip(), "no English"
    assert not CJK.search(term.en), f"Chinese in the English: {term.en!r}"
    if (module, where) not in DIFFERENT_PARAMS:
        zh, en = term.fields()
        assert zh == en, f"zh fills {sorted(zh)}, en fills {sorted(en)}"


# --- intake findings and source problems ------------------------------------------------------------


def _calls(name: str, under: str = "app") -> Iterator[tuple[str, ast.Call]]:
    for path in sorted((ROOT / under).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if called == name:
                    yield f"{path.relative_to(ROOT)}:{node.lineno}", node


def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def test_every_finding_code_has_a_sentence_and_every_sentence_a_code() -> None:
    for code in CODES:
        assert code in MESSAGES or any(k.startswith(f"{code}.") for k in MESSAGES), code
    for key in MESSAGES:
        assert key.split(".", 1)[0] in CODES, f"a sentence for no finding code: {key}"
        assert CJK.search(MESSAGES[key].zh), key


def test_every_place_that_makes_a_finding_has_its_sentence() -> None:
    made = 0
    for where, call in _calls("finding", "app/intake"):
        if call.args and isinstance(call.args[0], ast.Name):
            continue  # checks._missing: its causes are tried one by one below
        code = _literal(call.args[0]) if call.args else None
        assert code is not None, f"{where}: a finding's code must be written out"
        assert len(call.args) == 1, f"{where}: a finding takes no inline message any more"
        assert code in CODES, f"{where}: unknown code {code}"
        reason = next((_literal(k.value) for k in call.keywords if k.arg == "reason"), None)
        if reason is not None and reason not in ("not_found",):
            assert f"{code}.{reason}" in MESSAGES, f"{where}: no sentence for {code}.{reason}"
        made += 1
    assert made > 25


@pytest.mark.parametrize("code", ["pdf_missing", "video_missing"])
def test_a_missing_file_is_said_for_every_cause(code: str) -> None:
    # Located.reason: every way a file named by the sheet can fail to be there
    for reason in ("not_given", "outside", "refused", "not_found", "not_a_file", "unreadable", "invalid"):
        detail = {"reason": reason, "path": "files/a.pdf", "why": "os_error", "error": "File name too long"}
        for lang in ("zh_CN", "en"):
            assert finding_text(code, detail, lang, strict=True)


def test_every_source_problem_has_its_sentence() -> None:
    made = 0
    for where, call in _calls("SourceProblem", "app/intake"):
        code = _literal(call.args[0])
        assert code is not None, where
        assert code in SOURCE_PROBLEMS, f"{where}: {code} has no sentence"
        detail = call.args[1] if len(call.args) > 1 else None
        if isinstance(detail, ast.Dict):
            keys = [_literal(k) for k in detail.keys]
            if "reason" in keys:
                reason = _literal(detail.values[keys.index("reason")])
                assert f"{code}.{reason}" in SOURCE_PROBLEMS, f"{where}: no sentence for {code}.{reason}"
            if "why" in keys:
                why = _literal(detail.values[keys.index("why")])
                assert why is None or why in WHY, where
        made += 1
    assert made >= 5


def test_every_cause_a_located_file_names_is_said() -> None:
    for where, call in _calls("Located", "app/intake"):
        if len(call.args) >= 3:
            why = _literal(call.args[2])
            if isinstance(call.args[2], ast.Name):
                continue  # a refused zip entry's cause, checked with the archive below
            assert why in WHY, f"{where}: {why!r} is not in app.glossary.findings.WHY"
    # a zip entry's refusal (app.intake.archive) is a WHY key too
    source = (ROOT / "app/intake/archive.py").read_text(encoding="utf-8")
    keys = re.findall(r'(?:return|reason =) "(entry_\w+)"', source)
    assert len(keys) >= 4
    assert set(keys) <= set(WHY)


# --- phrases --------------------------------------------------------------------------------------------


def test_a_phrase_is_data_until_it_is_said() -> None:
    table = {
        "late": Term("{who}迟到了 {minutes} 分钟。", "{who} is {minutes} min late."),
        "who": Term("评委", "the judge"),
    }
    phrase = Phrase(table, "late", {"who": Phrase(table, "who", {}), "minutes": 5})
    assert phrase.text("zh_CN") == "评委迟到了 5 分钟。"
    assert phrase.text("en") == "the judge is 5 min late."
    assert phrase.to_json() == {"key": "late", "params": {"who": {"key": "who", "params": {}}, "minutes": 5}}
    # a variant the table lacks reads as its code's sentence; a key no table has never raises
    assert say(table, "late.very", {"who": "甲", "minutes": 9}, "zh_CN") == "甲迟到了 9 分钟。"
    assert say(table, "absent", {}, "en") == "absent"


def test_a_summary_list_is_separated_as_the_language_does() -> None:
    assert comma_list(["甲 1", "乙 2"], "zh_CN") == "甲 1，乙 2"
    assert comma_list(["a 1", "b 2"], "en") == "a 1, b 2"


# --- score bundles and judge packages --------------------------------------------------------------------


def _keywords(call: ast.Call) -> set[str]:
    return {k.arg for k in call.keywords if k.arg is not None}


def test_every_merge_outcome_and_package_check_has_its_reason() -> None:
    from app.bundles.merge import NO_CHANGE, REFUSALS
    from app.glossary import terms
    from app.glossary.bundles import MERGE, PACKAGE

    for code in ("ok", "merged", *REFUSALS, *NO_CHANGE):
        assert code in MERGE, f"merge outcome {code} has no reason in app/glossary/bundles.py"
    for code in terms.PACKAGE_CHECKS:
        assert code in PACKAGE, f"package check {code} has no reason in app/glossary/bundles.py"
    for key in MERGE:
        assert key.split(".", 1)[0] in terms.OUTCOMES, key
    for key in PACKAGE:
        assert key.split(".", 1)[0] in terms.PACKAGE_CHECKS, key


def test_every_refusal_of_a_bundle_names_a_reason_its_params_fill() -> None:
    from app.glossary.bundles import MERGE

    seen = 0
    for where, call in _calls("Refused", "app/bundles"):
        code = _literal(call.args[0])
        if code is None:
            continue  # a reading failure passes the BundleError's own code (malformed)
        key = _literal(call.args[2]) if len(call.args) > 2 else code
        assert key is not None, where
        assert key in MERGE, f"{where}: no reason {key} in app/glossary/bundles.py MERGE"
        zh, _en = MERGE[key].fields()
        missing = zh - _keywords(call) - {"judge", "revision"}  # Refused adds the judge and revision
        assert not missing, f"{where}: {key} needs {sorted(missing)}"
        seen += 1
    assert seen >= 10


@pytest.mark.parametrize(
    ("call_name", "table_name", "key_at"),
    [
        ("ContainerError", "CONTAINER", 0),
        ("_malformed", "BUNDLE_FILE", 0),
        ("_refuse", "PACKAGE", 1),
    ],
)
def test_every_container_bundle_and_package_problem_is_said(
    call_name: str, table_name: str, key_at: int
) -> None:
    from app.glossary import bundles

    table = getattr(bundles, table_name)
    seen = 0
    for where, call in _calls(call_name, "app/bundles"):
        if len(call.args) <= key_at:
            continue  # the definition's own forwarding call
        key = _literal(call.args[key_at])
        if key is None:
            continue
        assert key in table, f"{where}: no {key} in app/glossary/bundles.py {table_name}"
        zh, _en = table[key].fields()
        given = _keywords(call)
        for arg in call.args[key_at + 1 :]:
            if isinstance(arg, ast.Dict):
                given |= {k for k in (_literal(x) for x in arg.keys) if k}
            elif isinstance(arg, ast.Call):
                given.add("problem")  # _broken(exc): the container's own problem
        assert zh <= given, f"{where}: {key} needs {sorted(zh - given)}"
        seen += 1
    assert seen >= 3
