# SPDX-License-Identifier: Apache-2.0
"""``LEITAI_LANG=en leitai …`` speaks English: nothing Chinese but the data the user entered.

The organizer's commands are run on a planted intake corpus (every kind of finding), a demo competition
whose judges' bundles are merged (one tampered bundle, one copy), its judge packages (one tampered), and
a roster sheet with problem rows written in ASCII. From each command's human output the data is taken
out — hospitals, titles, judges, the sheet's own cells and what a finding quotes of them, as the
workspace and the JSON report hold them — and what is left must hold no Chinese character or Chinese
punctuation. The Chinese output of the same commands must still be Chinese (the first language).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.intake_corpus import build_corpus
from tests.language_support import CJK, leitai

pytestmark = pytest.mark.slow  # a corpus, a demo and some twenty CLI runs: ~16 s here


@dataclass
class World:
    corpus: Path
    demo: Path
    bad_bundles: Path
    package: Path
    media: Path
    bad_package: Path
    roster: Path
    data: list[str]  # every text the user entered, longest first


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    root = tmp_path_factory.mktemp("english")
    corpus = build_corpus(
        root / "src", clean=2, videos=0, planted=True, edges=False, huge=False, distinct_decks=1
    )
    demo = root / "demo"
    leitai("demo", str(demo), "--cases", "5", "--judges", "3", "--bundles", lang="zh_CN")
    bad = root / "bad"
    bad.mkdir()
    first = sorted((demo / "bundles").iterdir())[0]
    tampered = bytearray(first.read_bytes())
    tampered[len(tampered) // 2] ^= 0xFF
    (bad / first.name).write_bytes(bytes(tampered))
    shutil.copy(first, bad / f"copy-{first.name}")
    packages = sorted((demo / "packages").glob("*.leitai-pkg"))
    broken = bytearray(packages[1].read_bytes())
    broken[200] ^= 0xFF
    (root / "broken.leitai-pkg").write_bytes(bytes(broken))
    roster = root / "roster.csv"
    roster.write_text(
        "name,institution,province,themes\n,Some Hospital,Beijing,1\nAlice Wang,Mars General,Mars,99\n",
        encoding="utf-8",
    )
    report = json.loads(
        leitai("intake", "check", str(corpus.root), "--season", "2022", "--json", lang="zh_CN", ok=(1,))
    )
    data = _sheet_data(corpus.rows, report) + _workspace_data(demo / "leitai.db")
    return World(
        corpus.root,
        demo,
        bad,
        packages[0],
        demo / "packages" / "media",
        root / "broken.leitai-pkg",
        roster,
        sorted({d for d in data if d.strip()}, key=len, reverse=True),
    )


def _sheet_data(rows: list[dict[str, str]], report: dict[str, Any]) -> list[str]:
    """The sheet's cells, and what the check report quotes of them (hospitals, findings' details)."""
    data = [v for row in rows for v in row.values()]
    data += [" ".join(v.split()) for v in data]  # as the intake normalises a hospital's spaces
    for case in report["cases"]:
        data += [case["hospital"], case["title"]]
        for f in case["violations"] + case["warnings"]:
            data += list(_strings(f["detail"]))
    return data


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _workspace_data(db: Path) -> list[str]:
    """Names and titles the organizer's workspace holds (the demo's hospitals, cases and judges)."""
    with sqlite3.connect(db) as c:
        rows = [
            *c.execute("SELECT name FROM hospital"),
            *c.execute("SELECT title FROM 'case'"),
            *c.execute("SELECT name, institution FROM judge"),
            *c.execute("SELECT name FROM competition"),
        ]
    return [str(v) for row in rows for v in row if v]


def _outputs(w: World, lang: str) -> dict[str, str]:
    demo = ("--workspace", str(w.demo))
    out = {
        "intake check": leitai("intake", "check", str(w.corpus), "--season", "2022", lang=lang, ok=(1,)),
        "bundle verify": leitai("bundle", "verify", str(w.bad_bundles), *demo, lang=lang, ok=(1,)),
        "package verify": leitai("package", "verify", str(w.package), "--media", str(w.media), lang=lang),
        "package verify tampered": leitai("package", "verify", str(w.bad_package), lang=lang, ok=(1,)),
        "info": leitai("info", *demo, lang=lang),
        "round list": leitai("round", "list", *demo, lang=lang),
        "assign show": leitai("assign", "show", *demo, "--round", "review", lang=lang),
    }
    return out


def _merged_outputs(w: World, lang: str, tmp: Path) -> dict[str, str]:
    """The commands that change a workspace, each language on its own copy of the demo."""
    ws = tmp / f"demo-{lang}"
    shutil.copytree(w.demo, ws)
    where = ("--workspace", str(ws))
    return {
        "bundle merge": leitai("bundle", "merge", str(ws / "bundles"), *where, lang=lang),
        "bundle merge tampered": leitai("bundle", "merge", str(w.bad_bundles), *where, lang=lang, ok=(1,)),
        "judges import": leitai("judges", "import", str(w.roster), *where, lang=lang),
        "results rank": leitai("results", "rank", *where, "--round", "review", lang=lang),
    }


def _without_data(text: str, data: list[str]) -> str:
    for value in data:
        text = text.replace(value, "")
    return text


def test_the_english_output_holds_no_chinese_but_the_users_data(world: World, tmp_path: Path) -> None:
    outputs = {**_outputs(world, "en"), **_merged_outputs(world, "en", tmp_path)}
    for command, text in outputs.items():
        assert text.strip(), f"leitai {command} printed nothing"
        left = _without_data(text, world.data)
        chinese = [line for line in left.splitlines() if CJK.search(line)]
        assert not chinese, f"LEITAI_LANG=en leitai {command} still speaks Chinese:\n" + "\n".join(chinese)
    # each command said what it is there to say (not an output that happens to be empty of words)
    assert "Slides missing" in outputs["intake check"]
    assert "Refused: the file is not a valid bundle." in outputs["bundle verify"]
    assert "This bundle was merged before: nothing changed." in outputs["bundle merge tampered"]
    assert "Merged judge J001's scores" in outputs["bundle merge"]
    assert "[Intact] The package is whole" in outputs["package verify"]
    assert "[Damaged file]" in outputs["package verify tampered"]
    assert "Row 2: No name: skipped." in outputs["judges import"]
    assert "Alice Wang: province “Mars” is not recognised." in outputs["judges import"]
    assert "By status: " in outputs["info"]
    assert "Expert review" in outputs["round list"]
    assert "Expert review | Scoring method: " in outputs["results rank"]


def test_the_chinese_output_is_still_chinese(world: World, tmp_path: Path) -> None:
    outputs = {**_outputs(world, "zh_CN"), **_merged_outputs(world, "zh_CN", tmp_path)}
    for command, text in outputs.items():
        left = _without_data(text, world.data)
        assert CJK.search(left), f"leitai {command} has no Chinese left in zh_CN:\n{text}"
    assert "找不到 PPT 文件“files/not-there.pdf”。" in outputs["intake check"]
    assert "第 2 行：缺少姓名，已跳过。" in outputs["judges import"]
    assert "文件格式不正确，拒绝合并：" in outputs["bundle verify"]
