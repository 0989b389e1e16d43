# SPDX-License-Identifier: Apache-2.0
"""Messages of errors about keys, passphrases, judge packages and score bundles (the organizer's side)."""

from __future__ import annotations

from app.glossary import Term

MESSAGES: dict[str, Term] = {
    "weak_passphrase": Term(
        "主办方密钥口令至少需要 {min_length} 个字符。",
        "The organizer passphrase needs at least {min_length} characters.",
    ),
    "bad_passphrase": Term("主办方密钥口令不正确。", "The organizer passphrase is wrong."),
    "passphrase_file": Term(
        "无法读取口令文件 {path}：{reason}", "The passphrase file {path} cannot be read: {reason}"
    ),
    "passphrase_required": Term(
        "需要主办方密钥口令：用 --passphrase-file 文件、环境变量 {env}，或在终端中输入。",
        "The organizer passphrase is needed: give --passphrase-file, set {env}, or type it in a terminal.",
    ),
    "store_missing": Term(
        "文件库中缺少文件 {file}…，无法打包。", "The file store lacks the file {file}…; nothing was packed."
    ),
    "store_corrupt": Term(
        "文件库中的文件 {file}… 已损坏（哈希或大小不符），未生成评审包。",
        "The stored file {file}… is damaged (its hash or size does not match); no package was built.",
    ),
    "file_changed": Term(
        "文件 {name} 在打包时大小改变（应为 {size} 字节，实为 {written}）。",
        "The file {name} changed size while being packed ({size} bytes expected, {written} written).",
    ),
    "no_bundles": Term(
        "没有找到评分包（*.leitai-scores）。", "No score bundles (*.leitai-scores) were found."
    ),
}
