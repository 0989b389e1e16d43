# SPDX-License-Identifier: Apache-2.0
"""What importing a judge roster says about a row (``app.judging.judge_import.ImportProblem``), in zh
and en: said when the report is read, in the reader's language. Adding a kind of problem is one line."""

from __future__ import annotations

from typing import Final

from app.glossary import Term

#: One sentence per kind of row problem; ``name`` is the judge's name as the sheet gives it.
IMPORT_PROBLEMS: Final[dict[str, Term]] = {
    "no_name": Term("缺少姓名，已跳过。", "No name: skipped."),
    "control_chars": Term(
        "{name}：表格中的文字含有控制字符，已删除。",
        "{name}: the sheet's text held control characters; removed.",
    ),
    "already_listed": Term("{name} 已在评委名单中，已跳过。", "{name} is already on the roster: skipped."),
    "theme_unknown": Term(
        "{name}：无法识别主题“{theme}”，已忽略该主题。",
        "{name}: theme “{theme}” is not recognised; left out.",
    ),
    "province_unknown": Term(
        "{name}：无法识别省份“{province}”。", "{name}: province “{province}” is not recognised."
    ),
    "refused": Term("{name}（已跳过）：{error}", "{name} (skipped): {error}"),
}
