# SPDX-License-Identifier: Apache-2.0
"""The ``leitai`` command's human output names things; it never shows a code (issue 8 item 8).

A competition with cases in every status, intake violations, a case without a theme or a region, and
score bundles merged, duplicated and refused is run through ``info``, ``intake check``, ``intake
findings``, ``screen list``, ``bundle verify`` and ``bundle merge`` in Chinese and with
``LEITAI_LANG=en``: no status, finding, severity, round or merge-outcome code appears as a word of its
own, and in English the names are English.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.glossary import Term, terms
from app.workspace import Workspace
from tests.intake_corpus import Corpus, build_corpus
from tests.language_support import leitai

pytestmark = pytest.mark.slow  # one demo, one corpus and a dozen CLI runs: ~15 s on the CI machine

#: Every code a user could meet in these commands' output.
CODES: frozenset[str] = frozenset(
    {
        *terms.STATUSES,
        *terms.FINDINGS,
        *terms.SEVERITIES,
        *terms.ROUNDS,
        *terms.OUTCOMES,
        *terms.PACKAGE_CHECKS,
        "unknown",
    }
)
#: Every name the glossary gives, in both languages (stripped before looking for codes: "Expert review"
#: is a name, not the round key ``review``).
NAMES: tuple[str, ...] = tuple(
    sorted(
        {
            text
            for table in (
                terms.STATUSES,
                terms.FINDINGS,
                terms.SEVERITIES,
                terms.ROUNDS,
                terms.OUTCOMES,
                terms.PACKAGE_CHECKS,
            )
            for term in table.values()
            for text in (term.zh, term.en)
        }
        | {t.text(lang) for t in terms.SEASON_ROUNDS.values() for lang in ("zh_CN", "en")}
        | {t.text(lang) for t in (terms.NO_THEME, terms.NO_REGION) for lang in ("zh_CN", "en")},
        key=len,
        reverse=True,
    )
)
CJK = re.compile(r"[\u4e00-\u9fff]")


def bare_codes(text: str) -> set[str]:
    """Codes standing as words of their own (a CJK letter next to one counts as a boundary)."""
    for name in NAMES:
        text = text.replace(name, " ")
    found = set()
    for code in CODES:
        if re.search(rf"(?<![A-Za-z0-9_./\-]){re.escape(code)}(?![A-Za-z0-9_./\-])", text):
            found.add(code)
    return found


@dataclass
class Scene:
    corpus: Corpus
    screened: Path  # a workspace holding the corpus: pending, approved and rejected cases
    demo: Path  # a demo workspace with its judges' bundles in demo/bundles
    bad_bundles: Path  # a folder with one damaged bundle


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Scene:
    root = tmp_path_factory.mktemp("vocabulary")
    corpus = build_corpus(
        root / "src", clean=2, videos=0, planted=True, edges=False, huge=False, distinct_decks=1
    )
    screened = root / "screened"
    Workspace.create(screened, season=2022).close()
    leitai("intake", "import", str(corpus.root), "--workspace", str(screened))
    leitai("screen", "approve", corpus.clean_ids[0], "--workspace", str(screened))
    rejected = next(code for code, want in corpus.expected.items() if want.codes)
    leitai("screen", "reject", rejected, "--workspace", str(screened))
    demo = root / "demo"
    leitai("demo", str(demo), "--cases", "4", "--judges", "2", "--bundles")
    bad = root / "bad"
    bad.mkdir()
    first = sorted((demo / "bundles").iterdir())[0]
    data = bytearray(first.read_bytes())
    data[len(data) // 2] ^= 0xFF
    (bad / first.name).write_bytes(bytes(data))
    shutil.copy(first, bad / f"copy-{first.name}")
    return Scene(corpus, screened, demo, bad)


def _outputs(scene: Scene, lang: str) -> dict[str, str]:
    ws = ("--workspace", str(scene.screened))
    demo = ("--workspace", str(scene.demo))
    rejected = next(code for code, want in scene.corpus.expected.items() if want.codes)
    return {
        "info": leitai("info", *ws, lang=lang),
        "intake check": leitai(
            "intake", "check", str(scene.corpus.root), "--season", "2022", lang=lang, ok=(1,)
        ),
        "intake findings": leitai("intake", "findings", rejected, *ws, lang=lang),
        "screen list": leitai("screen", "list", *ws, lang=lang),
        "bundle verify": leitai("bundle", "verify", str(scene.bad_bundles), *demo, lang=lang, ok=(1,)),
        "bundle merge": leitai("bundle", "merge", str(scene.demo / "bundles"), *demo, lang=lang),
        "bundle merge refused": leitai("bundle", "merge", str(scene.bad_bundles), *demo, lang=lang, ok=(1,)),
    }


def _after(line: str, mark: str) -> str:
    return line.split(mark, 1)[1]


def _names_in(outputs: dict[str, str]) -> list[str]:
    """The places of the output where a glossary name stands (everything else may stay Chinese)."""
    places: list[str] = []
    for line in outputs["info"].splitlines():
        for mark in ("按主题：", "按状态：", "轮次：", "By theme: ", "By status: ", "Rounds: "):
            if line.startswith(mark):
                places += re.split(r"，|, | → ", _after(line, mark))
    for command in (
        "intake check",
        "intake findings",
        "bundle verify",
        "bundle merge",
        "bundle merge refused",
    ):
        places += re.findall(r"\[([^\]]+)\]", outputs[command])
    for command in ("intake check", "bundle merge", "bundle merge refused"):
        for line in outputs[command].splitlines():
            for mark in ("；问题：", " 份：", "; problems: ", " bundles: "):
                if mark in line:
                    places += re.split(r"，|, ", _after(line, mark))
    places += [line.split("  ")[1] for line in outputs["screen list"].splitlines() if "  " in line]
    return [p.strip() for p in places if p.strip()]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_human_output_names_every_code(scene: Scene, lang: str) -> None:
    outputs = _outputs(scene, lang)
    for command, text in outputs.items():
        found = bare_codes(text)
        if lang == "en":  # "merged", "approved", "duplicate"… are English words too: in prose they are
            found = {code for code in found if "_" in code}  # fine, as a name they are caught below
        assert not found, f"leitai {command} ({lang}) shows codes {found}:\n{text}"
    names = _names_in(outputs)
    assert len(names) > 20
    named_by_code = [n for n in names if n.split(" ")[0] in CODES or n.rsplit(" ", 1)[0] in CODES]
    assert not named_by_code, f"leitai ({lang}) names things by their codes: {named_by_code}"
    if lang == "en":
        chinese = [n for n in names if CJK.search(n)]
        assert not chinese, f"English output names things in Chinese: {chinese}"
    else:
        assert all(CJK.search(n) for n in names), names
    # Each kind of name is there to be checked (not an output that happens to name nothing).
    joined = "\n".join(outputs.values())
    for expected in (
        terms.STATUSES["submitted"],
        terms.STATUSES["approved"],
        terms.STATUSES["rejected"],
        terms.FINDINGS["pdf_missing"],
        terms.OUTCOMES["merged" if lang == "zh_CN" else "duplicate"],
        terms.OUTCOMES["malformed"],
        terms.NO_THEME,
        terms.round_term("semifinal", 2022),
    ):
        assert _said(expected, lang) in joined, f"{_said(expected, lang)!r} missing from the {lang} output"


def _said(term: Term, lang: str) -> str:
    return term.text(lang)


def test_the_code_finder_would_catch_the_old_output() -> None:
    # What `leitai info` and `intake check` printed before the glossary (issue 8 item 8).
    assert bare_codes("按状态：approved 9，rejected 2") == {"approved", "rejected"}
    assert bare_codes("按主题：主题unknown 1") == {"unknown"}
    assert bare_codes("共 29 个案例，合格 8 个；问题：pdf_missing 1") == {"pdf_missing"}
    assert bare_codes("[merged] J001 r5 J001-review-r5.leitai-scores: 已合并") == {"merged"}
    assert not bare_codes("轮次：Screening → Expert review → National final")
