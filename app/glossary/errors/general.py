# SPDX-License-Identifier: Apache-2.0
"""Messages of errors any area can raise (files, exports, cancellation)."""

from __future__ import annotations

from app.glossary import Term

MESSAGES: dict[str, Term] = {
    "cancelled": Term("已取消。", "Cancelled."),
    "export_failed": Term("无法写入 {path}：{reason}", "Could not write {path}: {reason}"),
    "file_missing": Term("找不到 {path}。", "{path} was not found."),
    "file_unreadable": Term("无法读取 {path}：{reason}", "Could not read {path}: {reason}"),
}
