# SPDX-License-Identifier: Apache-2.0
"""Messages of errors about a submission folder, archive or sheet (the intake), and of a workspace that
cannot be written (a full disk, a read-only folder)."""

from __future__ import annotations

from app.glossary import Term

MESSAGES: dict[str, Term] = {
    "source_missing": Term("找不到 {path}。", "{path} was not found."),
    "source_not_a_file": Term(
        "{path} 既不是文件夹也不是普通文件（可能是管道或设备），未读取。",
        "{path} is neither a folder nor a regular file (perhaps a pipe or a device); it was not read.",
    ),
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
        "{name} 疑似压缩炸弹：条目 {entry} 声明解压后 {size}，压缩后仅 {compressed}，"
        "已拒绝，未解压任何内容。",
        "{name} looks like a zip bomb: the entry {entry} claims {size} unpacked from only {compressed}; "
        "refused, nothing was unpacked.",
    ),
    "zip_bomb_archive": Term(
        "{name} 疑似压缩炸弹：{entries} 个条目共声明解压后 {total}，压缩后仅 {stored}，"
        "已拒绝，未解压任何内容。",
        "{name} looks like a zip bomb: its {entries} entries claim {total} unpacked from only {stored}; "
        "refused, nothing was unpacked.",
    ),
    "zip_too_many_entries": Term(
        "{name} 中的条目过多（{count} 个），已拒绝。", "{name} holds too many entries ({count}); refused."
    ),
    "zip_too_large": Term(
        "{name} 解压后共 {total}，超过上限 {limit}，已拒绝。",
        "{name} would unpack to {total}, over the limit of {limit}; refused.",
    ),
    "zip_entry_overflow": Term(
        "{name} 中的条目 {entry} 解压后超过其声明的大小，已拒绝整个压缩包。",
        "The entry {entry} in {name} unpacks to more than its declared size; the whole archive is refused.",
    ),
    "disk_full": Term(
        "解压 {name} 需要 {needed}，临时文件夹所在的磁盘只剩 {free}。",
        "Unpacking {name} needs {needed}; the disk of the temporary folder has only {free} free.",
    ),
    "sheet_unreadable": Term("无法读取表格 {name}：{reason}", "The sheet {name} cannot be read: {reason}"),
    "sheet_too_large": Term(
        "表格 {name} 过大（{size}，上限 {max}），不像是本应用的表格。",
        "The sheet {name} is too large ({size}, at most {max}) to be one of ours.",
    ),
    "sheet_too_many_columns": Term(
        "表格 {name} 第 {row} 行超过 {max} 列，未读取。",
        "Row {row} of the sheet {name} has more than {max} columns; it was not read.",
    ),
    "sheet_no_header": Term(
        "表格 {name} 的前 {rows} 行中找不到表头。",
        "No header row in the first {rows} rows of the sheet {name}.",
    ),
    "sheet_entities": Term(
        "表格 {name} 的内部 XML 含有实体声明（正常的 Excel 文件没有，可能是恶意文件），未读取。",
        "The XML inside the sheet {name} declares entities (no real Excel file does; it may be "
        "hostile); it was not read.",
    ),
    "sheet_not_a_file": Term(
        "{path} 不是普通文件（可能是文件夹、管道或设备），未读取。",
        "{path} is not a regular file (perhaps a folder, a pipe or a device); it was not read.",
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
    # A workspace that cannot be written, whichever service wrote (app/errors.py storage_error).
    "storage_full": Term(
        "磁盘已满，无法写入 {path}。已保存的内容没有改变；腾出空间后重新运行即可。",
        "The disk is full: cannot write to {path}. Nothing already stored was changed; "
        "free some space and run again.",
    ),
    "workspace_read_only": Term(
        "工作区 {path} 是只读的，无法写入。已保存的内容没有改变；请将工作区复制到可写的文件夹后重试。",
        "The workspace {path} is read-only and cannot be written. Nothing stored was changed; "
        "copy the workspace to a writable folder and try again.",
    ),
    "storage_failed": Term(
        "写入 {path} 时出错（{reason}）。已保存的内容没有改变。",
        "Writing to {path} failed ({reason}). Nothing already stored was changed.",
    ),
}
