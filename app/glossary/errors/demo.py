# SPDX-License-Identifier: Apache-2.0
"""Messages of errors in making a demo competition."""

from __future__ import annotations

from app.glossary import Term

MESSAGES: dict[str, Term] = {
    "demo_folder_not_empty": Term(
        "{path} 不是空文件夹：演示比赛只能建在新的或空的文件夹里。",
        "{path} is not empty: a demo competition needs a new or empty folder.",
    ),
    "demo_folder": Term("{path} 中已有太多演示文件夹。", "{path} already holds too many demo folders."),
    "bad_demo_size": Term(
        "案例数必须至少为 1，评委数和视频数不能为负。",
        "A demo needs at least 1 case, and no negative number of judges or videos.",
    ),
}
