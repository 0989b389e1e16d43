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
