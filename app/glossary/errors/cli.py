# SPDX-License-Identifier: Apache-2.0
"""Messages of errors in the ``leitai`` command's own arguments."""

from __future__ import annotations

from app.glossary import Term

MESSAGES: dict[str, Term] = {
    "bad_map": Term(
        "--map 的格式应为 列代码=表头，列代码为：{keys}。",
        "--map takes COLUMN=HEADER, where COLUMN is one of: {keys}.",
    ),
    "bad_timeout": Term("--timeout 必须大于 0。", "--timeout must be greater than 0."),
    "bad_key_value": Term("“{value}”应写成 KEY=VALUE。", "“{value}” should be written KEY=VALUE."),
}
