# SPDX-License-Identifier: Apache-2.0
"""Words of the organizer's judging desk that leave the app: the access-code slips (PDF), the access-code
sheet (xlsx) and the state of a judge's package — for the CLI, the GUI and the exports alike."""

from __future__ import annotations

from typing import Final

from app.glossary import Term

#: Text printed on an access-code slip (``app.exports.slips``).
SLIP: Final[dict[str, Term]] = {
    "title": Term("评审包访问码", "Access code for your judge package"),
    "judge": Term("评委", "Judge"),
    "round": Term("轮次", "Round"),
    "cases": Term("{cases} 个案例", "{cases} cases"),
    "package": Term("评审包文件", "Package file"),
    "code": Term("访问码", "Access code"),
    "fingerprint": Term("主办方密钥指纹", "Organizer key fingerprint"),
    "how": Term(
        "打开擂台，选择“打开评审包”，先核对上面的主办方密钥指纹，再输入访问码。",
        "Open Leitai, choose “Open judge package”, check the organizer key fingerprint above, then "
        "enter the access code.",
    ),
    "keep": Term(
        "请妥善保管此纸条，不要与评审包（U 盘）放在一起；遗失请联系主办方重新生成评审包。",
        "Keep this slip apart from the package (USB stick); if you lose it, ask the organizer for a new "
        "package.",
    ),
    "cut": Term("沿此线剪开", "cut here"),
}

#: Headers of the access-code sheet the organizer keeps (``app.exports.slips.codes_sheet``).
CODES_SHEET: Final[dict[str, Term]] = {
    "title": Term("访问码", "Access codes"),
    "judge_code": Term("评委编号", "Judge code"),
    "name": Term("姓名", "Name"),
    "institution": Term("单位", "Institution"),
    "round": Term("轮次", "Round"),
    "cases": Term("案例数", "Cases"),
    "package": Term("评审包文件", "Package file"),
    "code": Term("访问码", "Access code"),
}

#: A judge's package in a round (``app.judging.handout.IssuedView.state``).
PACKAGE_STATE: Final[dict[str, Term]] = {
    "none": Term("未生成", "Not built"),
    "current": Term("已生成", "Built"),
    "outdated": Term("需重新生成", "Build again"),
}

#: Why a bundle's merge ended as it did, by outcome code (``app.bundles.merge.MergeOutcome``), for a
#: reader of another language than the merge's own sentence (which names the exact fault, in Chinese).
OUTCOME_REASONS: Final[dict[str, Term]] = {
    "merged": Term(
        "已合并评委 {judge} 的评分（修订号 {revision}，{scores} 项分数）。",
        "Merged judge {judge}'s scores (revision {revision}, {scores} scores).",
    ),
    "duplicate": Term("这份评分包已经合并过，没有变化。", "Merged before: nothing changed."),
    "superseded": Term(
        "该评委更新的评分包或评审包已合并，此文件没有带来变化。",
        "A newer bundle or package of this judge is merged: nothing changed.",
    ),
    "malformed": Term(
        "文件损坏或不是评分包，拒绝合并。", "The file is damaged or not a score bundle: refused."
    ),
    "wrong_competition": Term(
        "这是另一个比赛（工作区）的评分包，拒绝合并。",
        "A bundle of another competition (workspace): refused.",
    ),
    "unknown_judge": Term(
        "不是本工作区发给评委 {judge} 的评审包所产生的评分包，拒绝合并。",
        "Not from a package this workspace issued to judge {judge}: refused.",
    ),
    "bad_signature": Term(
        "评委签名无效：评分包被改动过或不是该评委导出的，拒绝合并。",
        "The judge's signature does not match: the bundle was changed, or not exported by that judge.",
    ),
    "wrong_round": Term(
        "评分包的轮次与评审包的轮次不符，拒绝合并。", "The bundle's round is not its package's: refused."
    ),
    "unassigned_case": Term(
        "评分包中有未分配给评委 {judge} 的案例，拒绝合并。",
        "It scores a case not assigned to judge {judge} in this round: refused.",
    ),
    "out_of_range": Term(
        "有分数超出评分细则的范围或步长，拒绝合并。",
        "A score is outside its criterion's range or steps: refused.",
    ),
}
