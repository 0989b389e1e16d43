# SPDX-License-Identifier: Apache-2.0
"""The house limits (issue 9): no file under app/ or ui/ over 500 lines, no function over 80 lines.

A file or function past the limit is split along a seam and named for what it holds. The generated
migration is the one exception by nature; anything else that truly cannot be split goes in ``ALLOWED``
with the reason, and an entry that no longer needs its place fails too, so the list only shrinks.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: The packages the limits hold for.
PACKAGES = ("app", "ui")
#: Lines a file may have.
MAX_FILE_LINES = 500
#: Lines a function or method may have, from its ``def`` line to its last line.
MAX_FUNCTION_LINES = 80
#: Generated code, rewritten whole by scripts/regen_initial_migration.py: not read by people line by line.
GENERATED = ("app/models/migrations/versions/",)
#: "path" (a file) or "path:qualified.name" (a function) → why it cannot be split. Aim: empty.
ALLOWED: dict[str, str] = {}


def _functions(tree: ast.AST, prefix: str = "") -> list[tuple[str, int]]:
    """(qualified name, length in lines) of every function and method, nested ones included."""
    found: list[tuple[str, int]] = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            name = f"{prefix}{node.name}"
            assert node.end_lineno is not None
            found.append((name, node.end_lineno - node.lineno + 1))
            found += _functions(node, f"{name}.")
        elif isinstance(node, ast.ClassDef):
            found += _functions(node, f"{prefix}{node.name}.")
        else:
            found += _functions(node, prefix)
    return found


def over_limits(source: str, path: str) -> list[str]:
    """What in one file breaks a limit, as ``path (N lines)`` or ``path:name (N lines)``."""
    problems = []
    lines = len(source.splitlines())
    if lines > MAX_FILE_LINES:
        problems.append(f"{path} ({lines} lines)")
    for name, length in _functions(ast.parse(source, filename=path)):
        if length > MAX_FUNCTION_LINES:
            problems.append(f"{path}:{name} ({length} lines)")
    return problems


def _tree_problems() -> list[str]:
    problems = []
    for package in PACKAGES:
        for file in sorted((ROOT / package).rglob("*.py")):
            path = file.relative_to(ROOT).as_posix()
            if not path.startswith(GENERATED):
                problems += over_limits(file.read_text(encoding="utf-8"), path)
    return problems


def _key(problem: str) -> str:
    return problem.rsplit(" (", 1)[0]


def test_no_file_or_function_over_the_limits() -> None:
    over = [p for p in _tree_problems() if _key(p) not in ALLOWED]
    assert not over, "split these along a seam, named for what each part holds:\n" + "\n".join(over)


def test_every_allowed_exception_is_still_needed_and_says_why() -> None:
    needed = {_key(p) for p in _tree_problems()}
    assert not set(ALLOWED) - needed, f"no longer over a limit, remove from ALLOWED: {set(ALLOWED) - needed}"
    assert all(reason.strip() for reason in ALLOWED.values())


def _function(name: str, body_lines: int, indent: str = "") -> str:
    body = "".join(f"{indent}    x{i} = {i}\n" for i in range(body_lines))
    return f"{indent}def {name}() -> None:\n{body}"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (_function("short", MAX_FUNCTION_LINES - 1), []),
        (_function("long", MAX_FUNCTION_LINES), ["m.py:long (81 lines)"]),
        ("class Page:\n" + _function("__init__", 90, "    "), ["m.py:Page.__init__ (91 lines)"]),
        (
            "def outer() -> None:\n" + _function("inner", 85, "    "),
            ["m.py:outer (87 lines)", "m.py:outer.inner (86 lines)"],
        ),
        ("x = 1\n" * (MAX_FILE_LINES + 1), [f"m.py ({MAX_FILE_LINES + 1} lines)"]),
    ],
    ids=["function at the limit", "function over", "method over", "nested function over", "file over"],
)
def test_the_check_finds_what_is_over(source: str, expected: list[str]) -> None:
    assert over_limits(source, "m.py") == expected
