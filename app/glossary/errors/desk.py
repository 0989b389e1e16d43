# SPDX-License-Identifier: Apache-2.0
"""Messages of errors of the organizer's judging desk: access-code slips and the codes files they read."""

from __future__ import annotations

from app.glossary import Term

MESSAGES: dict[str, Term] = {
    "slips_empty": Term("没有可打印的访问码。", "There are no access codes to print."),
    "codes_file_empty": Term(
        "{name} 中没有“评委编号，姓名，访问码”这样的行。",
        "{name} has no lines of the form “judge code, name, access code”.",
    ),
    "codes_file_bad_code": Term(
        "{name} 第 {row} 行的访问码“{code}”格式不对（应为 XXXX-XXXX-XXXX）。",
        "{name}, row {row}: the access code “{code}” is not of the form XXXX-XXXX-XXXX.",
    ),
    "slips_need_output": Term(
        "请用 --pdf 或 --xlsx 指定要写出的文件。", "Say where to write them: --pdf and/or --xlsx."
    ),
    "bad_column_mapping": Term(
        "“{pair}”应写成 字段=表头，字段为 {fields} 之一。",
        "“{pair}” should read FIELD=HEADER, the field one of {fields}.",
    ),
    "no_package_issued": Term(
        "评委 {judge} 在轮次“{round_name}”还没有评审包，先生成评审包。",
        "Judge {judge} has no package in the round “{round_name}” yet; build one first.",
    ),
}
