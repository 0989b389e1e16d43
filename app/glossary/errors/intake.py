# SPDX-License-Identifier: Apache-2.0
"""Messages of errors about a submission folder, archive or case sheet (the intake)."""

from __future__ import annotations

from app.glossary import Term

MESSAGES: dict[str, Term] = {
    "source_missing": Term("找不到 {path}。", "{path} was not found."),
    "source_kind": Term(
        "{name} 既不是文件夹也不是 zip 压缩包。", "{name} is neither a folder nor a zip archive."
    ),
    "source_unreadable": Term(
        "无法打开压缩包 {name}：{reason}", "The archive {name} cannot be opened: {reason}"
    ),
    "source_no_sheet": Term(
        "{name} 中没有案例表（cases.csv 或 cases.xlsx）。",
        "{name} holds no case sheet (cases.csv or cases.xlsx).",
    ),
    "source_ambiguous": Term(
        "{name} 中有多个表格（{sheets}），请将案例表命名为 cases.csv 或 cases.xlsx。",
        "{name} holds several sheets ({sheets}); name the case sheet cases.csv or cases.xlsx.",
    ),
    "zip_bomb": Term(
        "{name} 疑似压缩炸弹：条目 {entry} 声明解压后 {size} 字节，压缩后仅 {compressed} 字节，已拒绝。",
        "{name} looks like a zip bomb: the entry {entry} claims {size} bytes unpacked from only "
        "{compressed} bytes; refused.",
    ),
    "zip_too_many_entries": Term(
        "{name} 中的条目过多（{count} 个），已拒绝。", "{name} holds too many entries ({count}); refused."
    ),
    "zip_too_large": Term(
        "{name} 解压后共 {total} 字节，超过上限 {limit} 字节，已拒绝。",
        "{name} would unpack to {total} bytes, over the limit of {limit} bytes; refused.",
    ),
    "zip_entry_overflow": Term(
        "{name} 中的条目 {entry} 解压后超过其声明的大小，已拒绝整个压缩包。",
        "The entry {entry} in {name} unpacks to more than its declared size; the whole archive is refused.",
    ),
    "disk_full": Term(
        "解压 {name} 需要 {needed} 字节，磁盘只剩 {free} 字节。",
        "Unpacking {name} needs {needed} bytes; the disk has only {free} bytes free.",
    ),
    "sheet_unreadable": Term("无法读取表格 {name}：{reason}", "The sheet {name} cannot be read: {reason}"),
    "sheet_too_large": Term(
        "表格 {name} 过大（{size} 字节），不像是案例表。",
        "The sheet {name} is too large ({size} bytes) to be a case sheet.",
    ),
    "sheet_too_many_rows": Term(
        "表格 {name} 超过 {limit} 行。", "The sheet {name} has more than {limit} rows."
    ),
    "sheet_empty": Term("表格 {name} 是空的。", "The sheet {name} is empty."),
    "sheet_encoding": Term(
        "表格 {name} 的编码无法识别：请另存为 UTF-8 的 CSV。",
        "The text encoding of the sheet {name} is not recognised: save it as a UTF-8 CSV.",
    ),
    "sheet_format": Term(
        "不支持的表格格式 {suffix}：请使用 .csv 或 .xlsx。",
        "Sheets of type {suffix} are not supported: use .csv or .xlsx.",
    ),
    "sheet_mapping": Term(
        "列映射中的列在表格中不存在：{columns}",
        "The column mapping names columns the sheet does not have: {columns}",
    ),
    # ``labels`` are the notice's column headers (Chinese in both languages: they are what the sheet says).
    "sheet_columns": Term(
        "表格 {name} 缺少必需的列：{labels}。表格中的列：{found}",
        "The sheet {name} lacks required columns: {labels}. Its columns: {found}",
    ),
    "season_mismatch": Term(
        "工作区是 {workspace} 届的，不能按 {season} 届的规则导入。",
        "The workspace is for the {workspace} season; it cannot import by the rules of {season}.",
    ),
}
