# SPDX-License-Identifier: Apache-2.0
"""Messages of errors on the judge's side: opening a package, scoring, exporting a bundle."""

from __future__ import annotations

from app.glossary import Term

MESSAGES: dict[str, Term] = {
    "access_code_format": Term(
        "访问码应为 {length} 位字母或数字（如 7K3M-Q9XD-2HBT）。",
        "An access code is {length} letters or digits (like 7K3M-Q9XD-2HBT).",
    ),
    "access_code_required": Term(
        "需要访问码：用 --code、--code-file 或环境变量 {env}。",
        "The access code is needed: give --code or --code-file, or set {env}.",
    ),
    "bad_access_code": Term(
        "访问码不正确，或评审包不是主办方为您生成的。",
        "The access code is wrong, or this package was not made for you by the organizer.",
    ),
    "judge_key_mismatch": Term(
        "评审包中的评委密钥与清单不符。", "The judge key in the package does not match its manifest."
    ),
    "package_incomplete": Term(
        "{path} 不是完整的擂台评审包。", "{path} is not a complete Leitai judge package."
    ),
    # ``reason`` comes from the package reader (bundle-format.md's checks), which words it in Chinese.
    "malformed": Term("评审包无法读取：{reason}", "The judge package cannot be read: {reason}"),
    "bad_signature": Term(
        "评审包的主办方签名无效：文件被改动过。",
        "The organizer's signature does not match: the package has been changed.",
    ),
    "file_mismatch": Term(
        "评审包中的文件与清单不符：{reason}",
        "A file in the judge package does not match its manifest: {reason}",
    ),
    "package_changed": Term(
        "评审包 {path} 在校验时被改变。", "The judge package {path} changed while it was being checked."
    ),
    "home_in_use": Term(
        "{path} 已用于另一份评审包（{judge}，{round_name}），请换一个文件夹。",
        "{path} is already used for another judge package ({judge}, {round_name}); choose another folder.",
    ),
    "newer_package_open": Term(
        "{path} 中已打开更新的评审包。", "A newer judge package is already open in {path}."
    ),
    "not_a_judge_home": Term("{path} 中没有已打开的评审包。", "{path} holds no opened judge package."),
    "home_unreadable": Term(
        "无法打开评审文件夹 {path}：{reason}", "The judge folder {path} cannot be opened: {reason}"
    ),
    "home_damaged": Term(
        "评审文件夹 {path} 中的清单已损坏：{reason}",
        "The manifest in the judge folder {path} is damaged: {reason}",
    ),
    "home_too_new": Term(
        "评审文件夹 {path} 由更新版本的擂台写入（数据版本 {version}，本版本最高支持 {supported}）。"
        "请安装最新版本后再打开，其中的评分不会丢失。",
        "The judge folder {path} was written by a newer Leitai (data version {version}; this one reads up "
        "to {supported}). Install the latest version to open it; the scores in it are kept.",
    ),
    "home_bad_signature": Term(
        "评审文件夹 {path} 中的清单签名无效。",
        "The manifest in the judge folder {path} has an invalid signature.",
    ),
    "judge_key_locked": Term(
        "需要访问码才能为评委 {judge} 签名评分包：评委密钥只以访问码加密保存。请输入主办方给您的访问码。",
        "The access code is needed to sign judge {judge}'s score bundle: the judge key is kept sealed "
        "under it. Enter the access code the organizer gave you.",
    ),
    "unknown_case": Term("评审包中没有案例 {case}。", "The judge package has no case {case}."),
    "unknown_criterion": Term(
        "评分细则中没有“{criterion}”这一项。", "The rubric has no criterion “{criterion}”."
    ),
    # A score entry refused (app.judge_home.score_input): the GUI and the CLI say the same words.
    "score_not_a_number": Term(
        "“{value}”不是分数：“{criterion}”请填 0 到 {max} 之间的数，每档 {step} 分。",
        "“{value}” is not a score: {criterion} takes a number from 0 to {max}, in steps of {step}.",
    ),
    "score_out_of_range": Term(
        "{value} 超出范围：“{criterion}”的分数在 0 到 {max} 之间，每档 {step} 分。",
        "{value} is out of range: {criterion} is scored from 0 to {max}, in steps of {step}.",
    ),
    "score_off_step": Term(
        "{value} 不在分档上：“{criterion}”每档 {step} 分（0 到 {max}）。",
        "{value} is not on a step: {criterion} is scored in steps of {step} (0 to {max}).",
    ),
    "incomplete": Term("还有未评分的项目：{missing}", "Criteria not scored yet: {missing}"),
    "case_submitted": Term(
        "此案例的评分已提交；如需修改，请先撤回提交。",
        "This case's scores are submitted; take the submission back to change them.",
    ),
    "case_recused": Term(
        "您已回避此案例；如需评分，请先撤销回避。",
        "You recused yourself from this case; undo the recusal to score it.",
    ),
    "comment_too_long": Term(
        "评语不能超过 {limit} 个字符。", "A comment can be at most {limit} characters long."
    ),
    "recuse_reason_required": Term("回避需要填写原因。", "A recusal needs a reason."),
}
