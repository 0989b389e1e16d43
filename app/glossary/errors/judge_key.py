# SPDX-License-Identifier: Apache-2.0
"""Messages about a judge's signing key (``app.judge_home``): kept sealed, unlocked with the access code."""

from __future__ import annotations

from app.glossary import Term

MESSAGES: dict[str, Term] = {
    "judge_key_locked": Term(
        "需要访问码才能为评委 {judge} 签名评分包：评委密钥只以访问码加密保存。请输入主办方给您的访问码。",
        "The access code is needed to sign judge {judge}'s score bundle: the judge key is kept sealed "
        "under it. Enter the access code the organizer gave you.",
    ),
}
