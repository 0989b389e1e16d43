# SPDX-License-Identifier: Apache-2.0
"""Why a score bundle merged or not, and why a judge package is whole or not, in zh and en.

The merge and the package check keep their reason as a :class:`~app.glossary.Phrase` (a key here and
its params), said when someone reads it: the desk's merge panel and the live console in the interface's
language, ``leitai bundle`` / ``leitai package verify`` in ``LEITAI_LANG``'s, the LAN receiver in the
sending judge's. Keys are ``code`` or ``code.variant`` (the outcome's code first); adding a reason is one
line. The short names of outcomes are ``app.glossary.terms.OUTCOMES`` / ``PACKAGE_CHECKS``.
"""

from __future__ import annotations

from typing import Final

from app.glossary import Term

#: What is wrong with a Leitai ZIP file itself (``app.bundles.container.ContainerError``).
CONTAINER: Final[dict[str, Term]] = {
    "unreadable": Term("无法读取文件：{error}", "The file cannot be read: {error}"),
    "short_read": Term(
        "文件被截断（读到的字节比声明的少）。", "The file is cut short (fewer bytes than declared)."
    ),
    "too_short": Term(
        "文件太短，不是完整的 Leitai 文件（可能被截断）。",
        "The file is too short to be a whole Leitai file (cut short?).",
    ),
    "end_unreadable": Term("结尾记录无法解析。", "The end record cannot be read."),
    "end_not_leitai": Term(
        "文件结尾不是 Leitai 的 ZIP 结尾记录（文件被截断、追加或改动过）。",
        "The file does not end as a Leitai ZIP does (it was cut, added to or changed).",
    ),
    "too_many_entries": Term("条目数量或目录大小超出限制。", "Too many entries, or a directory too large."),
    "end_size": Term(
        "文件结尾记录与文件大小不符（文件被截断、追加或改动过）。",
        "The end record does not match the file's size (it was cut, added to or changed).",
    ),
    "directory_incomplete": Term("中央目录不完整。", "The central directory is incomplete."),
    "bad_name": Term("条目名称不允许：{name}", "An entry name is not allowed: {name}"),
    "name_not_allowed": Term(
        "条目名称不允许或重复：{name}", "An entry name is not allowed, or repeated: {name}"
    ),
    "bad_record": Term(
        "条目 {name} 的目录记录不符合格式。", "The directory record of entry {name} is malformed."
    ),
    "beyond_file": Term(
        "条目 {name} 声明的大小超出文件（文件被截断或改动过）。",
        "Entry {name} claims more bytes than the file has (it was cut or changed).",
    ),
    "gap": Term(
        "中央目录与条目数据不连续（文件中有多余或缺失的字节）。",
        "The directory and the entries do not join up (bytes added or missing).",
    ),
    "local_mismatch": Term(
        "条目 {name} 的本地记录与目录不符。", "The local record of entry {name} does not match the directory."
    ),
    "entry_too_large": Term(
        "条目 {name} 过大（{size} 字节，上限 {limit}）。",
        "Entry {name} is too large ({size} bytes; the limit is {limit}).",
    ),
    "crc": Term("条目 {name} 的校验和不符。", "The checksum of entry {name} does not match."),
    "entry_cut": Term(
        "条目 {name} 读到一半文件结束（文件被截断）。",
        "The file ends inside entry {name} (it was cut short).",
    ),
}

#: What is wrong with a file read as a score bundle (``app.bundles.bundle.BundleError``), beyond its ZIP.
BUNDLE_FILE: Final[dict[str, Term]] = {
    "too_large": Term("文件过大，不是评分包。", "The file is too large to be a score bundle."),
    "entries": Term(
        "评分包应只含 bundle.json 与 bundle.sig 两个条目。",
        "A score bundle holds exactly bundle.json and bundle.sig.",
    ),
    "signature_length": Term("签名长度不是 64 字节。", "The signature is not 64 bytes long."),
    "format": Term("评分内容格式错误：{error}", "The scores are not in the bundle format: {error}"),
}

#: Why a bundle's merge (or its check) ended as it did (``app.bundles.merge.MergeOutcome.why``).
MERGE: Final[dict[str, Term]] = {
    "ok": Term(
        "评分包完整，签名有效，可以合并。", "The bundle is whole and its signature valid: it can be merged."
    ),
    "merged": Term(
        "已合并评委 {judge} 的评分（修订号 {revision}，{scores} 项分数）。",
        "Merged judge {judge}'s scores (revision {revision}, {scores} scores).",
    ),
    "malformed": Term(
        "文件格式不正确，拒绝合并：{problem}", "Refused: the file is not a valid bundle. {problem}"
    ),
    "malformed.criterion": Term(
        "评分细则中没有“{criterion}”这一项，拒绝合并。", "Refused: the rubric has no criterion “{criterion}”."
    ),
    "malformed.incomplete": Term(
        "案例 {case} 标为已提交，但评分不完整，拒绝合并。",
        "Refused: case {case} is marked submitted but not every criterion is scored.",
    ),
    "wrong_competition": Term(
        "这是另一个比赛（工作区）的评分包，拒绝合并。",
        "Refused: the bundle belongs to another competition (workspace).",
    ),
    "unknown_judge": Term(
        "本工作区没有评委 {judge}，拒绝合并。", "Refused: this workspace has no judge {judge}."
    ),
    "unknown_judge.package": Term(
        "评分包所称的评审包不是本工作区发给评委 {judge} 的，拒绝合并。",
        "Refused: the bundle names a package this workspace never issued to judge {judge}.",
    ),
    "bad_signature": Term(
        "评委签名无效：评分包被改动过或不是该评委导出的，拒绝合并。",
        "Refused: the judge's signature does not match; the bundle was changed, or not exported by that "
        "judge.",
    ),
    "wrong_round": Term(
        "评分包的轮次 {round} 与评审包的轮次不符，拒绝合并。",
        "Refused: the bundle's round ({round}) is not its package's.",
    ),
    "unassigned_case": Term(
        "案例 {case} 没有分配给评委 {judge}（本轮），拒绝合并。",
        "Refused: case {case} is not assigned to judge {judge} in this round.",
    ),
    "out_of_range": Term(
        "案例 {case} 的“{criterion}”分数 {value} 超出 0–{max}（步长 {step}），拒绝合并。",
        "Refused: case {case} scores {value} on “{criterion}”, outside 0–{max} in steps of {step}.",
    ),
    "duplicate": Term("这份评分包已经合并过，没有变化。", "This bundle was merged before: nothing changed."),
    "duplicate.revision": Term(
        "已合并过修订号 {revision} 的另一份文件，没有变化。",
        "Another file of revision {revision} was merged before: nothing changed.",
    ),
    "superseded": Term(
        "已合并该评委更新的版本（修订号 {newer}），此旧版本没有带来变化。",
        "A newer revision of this judge ({newer}) is merged: this older one changed nothing.",
    ),
    "superseded.package": Term(
        "此评分包所属的评审包已被更新的评审包取代，没有变化。",
        "The judge's package was replaced by a newer one: this bundle changed nothing.",
    ),
}

#: What checking a judge package found (``app.bundles.package_check.PackageCheck.why``).
PACKAGE: Final[dict[str, Term]] = {
    "ok": Term("评审包完整，主办方签名有效。", "The package is whole and the organizer's signature valid."),
    "malformed": Term("{problem}", "{problem}"),
    "malformed.order": Term(
        "manifest.json 与 manifest.sig 必须是最后两个条目。",
        "manifest.json and manifest.sig must be the last two entries.",
    ),
    "malformed.manifest": Term("清单格式错误：{error}", "The manifest is malformed: {error}"),
    "malformed.files": Term(
        "评审包中的文件与清单不一致。", "The files in the package do not match its manifest."
    ),
    "bad_signature": Term(
        "主办方签名无效：评审包被改动过。",
        "The organizer's signature does not match: the package was changed.",
    ),
    "file_mismatch": Term(
        "文件 {entry} 的大小或校验和与清单不符。",
        "The size or checksum of {entry} does not match the manifest.",
    ),
    "file_mismatch.hash": Term(
        "文件 {entry} 的内容与清单中的哈希不符。",
        "The content of {entry} does not match its hash in the manifest.",
    ),
    "file_mismatch.media": Term(
        "外部媒体文件 {medium} 的内容与清单中的哈希不符。",
        "The external media file {medium} does not match its hash in the manifest.",
    ),
}
