# SPDX-License-Identifier: Apache-2.0
"""Helpers for tests of what the product says and in which language: running the ``leitai`` command in
a chosen language, spotting Chinese in a text, and walking the strings a finding's detail holds."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

#: Chinese characters, CJK punctuation (。，、：（）【】…) and full-width forms.
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def leitai(*args: str, lang: str = "zh_CN", ok: tuple[int, ...] = (0,)) -> str:
    """Run ``leitai ARGS`` with ``LEITAI_LANG=lang``; its stdout and stderr, after checking the exit code
    is one of ``ok`` and that no traceback was printed."""
    env = {**os.environ, "LEITAI_LANG": lang}
    out = subprocess.run(
        [sys.executable, "-m", "app.cli", *args], capture_output=True, text=True, timeout=300, env=env
    )
    assert out.returncode in ok, f"leitai {' '.join(args)}: {out.returncode}\n{out.stdout}\n{out.stderr}"
    assert "Traceback" not in out.stderr
    return out.stdout + out.stderr


def strings(value: Any) -> Iterator[str]:
    """Every string inside ``value`` (nested dicts, their keys too, and lists), e.g. the words a finding
    quotes."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def without_quoted(text: str, detail: Any) -> str:
    """``text`` with every string ``detail`` holds taken out: what is left is the product's own words, not
    the sheet's or the slides' (which may well be Chinese in an English sentence)."""
    for v in sorted(strings(detail), key=len, reverse=True):
        if v:
            text = text.replace(v, "")
    return text
