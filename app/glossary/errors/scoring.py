# SPDX-License-Identifier: Apache-2.0
"""Messages of a judge's score entries refused (``app.judge_home.score_input``): GUI and CLI say the same."""

from __future__ import annotations

from app.glossary import Term

MESSAGES: dict[str, Term] = {
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
}
