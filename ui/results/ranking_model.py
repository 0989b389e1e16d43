# SPDX-License-Identifier: Apache-2.0
"""The ranking of one group as a table: rank, case, hospital, region, the round's score, awards, and each
judge's mark as 评委1…N — the same columns and words as the xlsx export (``app.glossary.results``).

Ties show as ties (并列 2, the tie note as a tooltip); awards waiting for a draw are marked; awards an
override granted or withdrew are marked, with the reason as a tooltip. Marks the round's method left out
(the trimmed mean's highest and lowest) are in brackets, in the quiet colour.

``RankingProxy`` sorts by ``SortRole`` (numbers by value, a case without a score last) and filters by
text (code, title, hospital, region) and by award (a key, or ``PENDING`` / ``OVERRIDDEN``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from app.glossary import language
from app.glossary.results import WORDS
from app.results.text import actor_name, award_name, score_text, tie_note
from app.results.types import VOTES_METHOD, GroupResult, Override, RankedCase, RoundResults
from app.seasons import SeasonRules

#: The case's id (int) for any cell.
CaseIdRole = Qt.ItemDataRole.UserRole + 1
#: A value that sorts the column (numbers by value; missing last).
SortRole = Qt.ItemDataRole.UserRole + 2
#: The whole ``RankedCase`` for any cell.
RankedRole = Qt.ItemDataRole.UserRole + 3

#: Award filter values that are not award keys.
PENDING = "__pending__"
OVERRIDDEN = "__overridden__"

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter
#: Sorts after every real score or rank.
_LAST = 1e12

#: Columns before the judges' marks, by key; the marks follow as ``judge`` columns.
FIXED = ("rank", "code", "title", "hospital", "region", "score", "awards")
_HEADERS = {
    "rank": "rank",
    "code": "case_code",
    "title": "title",
    "hospital": "hospital",
    "region": "region",
    "score": "score",
    "awards": "awards",
}


@dataclass(frozen=True)
class ResultColors:
    """Colours of marked cells, from the style sheet (the table's ``qproperty-*``); invalid = default."""

    muted: QColor
    pending: QColor
    override: QColor


@dataclass(frozen=True)
class _Row:
    """A case as the table shows it: texts worked out once per load."""

    ranked: RankedCase
    rank: str
    rank_tip: str
    awards: str
    awards_tip: str
    pending: tuple[str, ...]  # award keys whose places wait for a draw among this case and others
    overrides: tuple[Override, ...]
    search: str

    @property
    def changed(self) -> bool:
        return set(self.ranked.awards) != set(self.ranked.rule_awards)


def rank_text(ranked: RankedCase) -> str:
    """1, 2 … ; a tie shows its shared rank as 并列 2; no score yet: —."""
    if ranked.rank is None:
        return "—"
    if ranked.tied:
        return QCoreApplication.translate("RankingModel", "= {rank}").format(rank=ranked.rank)
    return str(ranked.rank)


def override_lines(overrides: tuple[Override, ...], rules: SeasonRules) -> list[str]:
    """One line per override of a case: granted / withdrawn “award”: reason (by, when)."""
    out = []
    for o in overrides:
        verb = WORDS["grant" if o.grant else "revoke"].text()
        when = o.at.strftime("%Y-%m-%d %H:%M") if o.at else ""
        who = " ".join(x for x in (actor_name(o.actor), when) if x)
        out.append(f"{verb}“{award_name(o.award_key, rules)}”：{o.reason}（{who}）")
    return out


def _row(ranked: RankedCase, results: RoundResults, rules: SeasonRules) -> _Row:
    cid = ranked.case.id
    pending = tuple(p.award_key for p in results.pending if cid in p.case_ids)
    overrides = tuple(o for o in results.overrides if o.case_id == cid)
    # what an override changed and what waits for a draw come first: a narrow column still shows them
    marked: list[str] = []
    plain: list[str] = []
    for key in ranked.awards:
        name = award_name(key, rules)
        if key in ranked.rule_awards:
            plain.append(name)
        else:
            marked.append(QCoreApplication.translate("RankingModel", "{award} (override)").format(award=name))
    for key in ranked.rule_awards:
        if key not in ranked.awards:
            name = award_name(key, rules)
            marked.append(QCoreApplication.translate("RankingModel", "{award} withdrawn").format(award=name))
    for key in pending:
        name = award_name(key, rules)
        marked.append(QCoreApplication.translate("RankingModel", "{award}: draw needed").format(award=name))
    names = marked + plain
    tips = override_lines(overrides, rules)
    if pending:
        tips.append(
            QCoreApplication.translate(
                "RankingModel", "Tied across the award's boundary: the places wait for a recorded draw."
            )
        )
    c = ranked.case
    return _Row(
        ranked=ranked,
        rank=rank_text(ranked),
        rank_tip=tie_note(ranked, results),
        awards=(", " if language() == "en" else "、").join(names),
        awards_tip="\n".join(tips),
        pending=pending,
        overrides=overrides,
        search=" ".join((c.code, c.title, c.hospital, c.province, c.region)).casefold(),
    )


def _num(value: Decimal | None) -> float:
    return float(value) if value is not None else -_LAST


class RankingModel(QAbstractTableModel):
    """One group's ranked cases; read-only; ``set_group`` replaces everything."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._judges: tuple[str, ...] = ()
        self._names: dict[str, str] = {}
        self._method = ""
        self._colors = ResultColors(QColor(), QColor(), QColor())
        self._bold = QFont()
        self._bold.setBold(True)

    # -- loading -----------------------------------------------------------------------------------

    def set_colors(self, colors: ResultColors) -> None:
        self._colors = colors
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def set_group(
        self, results: RoundResults | None, group: GroupResult | None, rules: SeasonRules | None
    ) -> None:
        """Show ``group`` of ``results`` (None: nothing)."""
        self.beginResetModel()
        if results is None or group is None or rules is None:
            self._rows, self._judges, self._method = [], (), ""
        else:
            self._rows = [_row(c, results, rules) for c in group.cases]
            self._judges = group.judges
            self._names = {m.judge_code: m.judge_name for c in group.cases for m in c.result.marks}
            self._method = results.method
        self.endResetModel()

    def ranked_at(self, row: int) -> RankedCase:
        return self._rows[row].ranked

    def matches(self, row: int, text: str, award: str) -> bool:
        """Whether the case of ``row`` holds ``text`` (casefolded) and matches the ``award`` filter."""
        r = self._rows[row]
        if text and text not in r.search:
            return False
        if award == PENDING:
            return bool(r.pending)
        if award == OVERRIDDEN:
            return bool(r.overrides)
        return not award or award in r.ranked.awards

    def row_of_case(self, case_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.ranked.case.id == case_id), None)

    def judges(self) -> tuple[str, ...]:
        """Judge codes of the 评委1…N columns, in order."""
        return self._judges

    def column_key(self, column: int) -> str:
        return FIXED[column] if column < len(FIXED) else "judge"

    def column_index(self, key: str) -> int:
        return FIXED.index(key)

    def widest_awards(self) -> str:
        """The longest awards text of the group, to size the awards column."""
        return max((r.awards for r in self._rows), key=len, default="")

    def widest_rank(self) -> str:
        """The longest rank text of the group (a tie's is longer), to size the rank column."""
        return max((r.rank for r in self._rows), key=len, default="00")

    def note(self, row: int, results: RoundResults, rules: SeasonRules) -> str:
        """What the line under the table says of a case: its tie note, overrides with reasons, draws."""
        r = self._rows[row]
        parts = [f"{r.ranked.case.code}　{r.ranked.case.title}"]
        if r.rank_tip:
            parts.append(r.rank_tip)
        parts.extend(override_lines(r.overrides, rules))
        if r.pending:
            parts.append(
                QCoreApplication.translate(
                    "RankingModel", "Tied across the award's boundary: the places wait for a recorded draw."
                )
            )
        return "｜".join(parts)

    # -- Qt model ----------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIXED) + len(self._judges)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        key = self.column_key(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "judge":
                return WORDS["judge_n"].text(n=section - len(FIXED) + 1)
            if key == "score" and self._method == VOTES_METHOD:
                return WORDS["votes"].text()
            return WORDS[_HEADERS[key]].text()
        if role == Qt.ItemDataRole.ToolTipRole and key == "judge":
            code = self._judges[section - len(FIXED)]
            return f"{code} {self._names.get(code, '')}".strip()
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        key = self.column_key(index.column())
        if role == CaseIdRole:
            return row.ranked.case.id
        if role == RankedRole:
            return row.ranked
        if key == "judge":
            return self._mark(row.ranked, self._judges[index.column() - len(FIXED)], role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == SortRole:
            return self._sort(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if key == "score" else _CENTER if key == "rank" else _LEFT
        if role == Qt.ItemDataRole.FontRole and key in ("rank", "score"):
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._color(row, key)
        return None

    def _text(self, row: _Row, key: str) -> str:
        c = row.ranked.case
        if key == "rank":
            return row.rank
        if key == "score":
            return score_text(row.ranked.result.score, self._method)
        if key == "awards":
            return row.awards
        return {"code": c.code, "title": c.title, "hospital": c.hospital, "region": c.region}[key]

    def _sort(self, row: _Row, key: str) -> Any:
        r = row.ranked
        if key == "rank":
            return float(r.rank) if r.rank is not None else _LAST
        if key == "score":
            return _num(r.result.score)
        if key == "awards":
            return f"{len(r.awards):02d}{row.awards}"
        return self._text(row, key)

    def _tip(self, row: _Row, key: str) -> str | None:
        c = row.ranked.case
        if key == "rank":
            return row.rank_tip or None
        if key == "awards":
            return row.awards_tip or None
        if key == "title":
            return c.title
        if key == "hospital":
            return f"{c.hospital}（{c.province}）" if c.province else c.hospital
        return None

    def _color(self, row: _Row, key: str) -> QColor | None:
        color = None
        if key == "awards" and row.pending:
            color = self._colors.pending
        elif key == "awards" and row.changed:
            color = self._colors.override
        elif key == "rank" and row.ranked.tied:
            color = self._colors.pending
        return color if color is not None and color.isValid() else None

    def _mark(self, ranked: RankedCase, judge: str, role: int) -> Any:
        mark = next((m for m in ranked.result.marks if m.judge_code == judge), None)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if mark is None:
            return -_LAST if role == SortRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            text = score_text(mark.total)
            return f"({text})" if mark.dropped else text
        if role == SortRole:
            return float(mark.total)
        if role == Qt.ItemDataRole.ForegroundRole and mark.dropped and self._colors.muted.isValid():
            return self._colors.muted
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{mark.judge_code} {mark.judge_name}".strip()]
            if mark.normalised is not None:
                lines.append(
                    QCoreApplication.translate("RankingModel", "Normalised: {value}").format(
                        value=score_text(mark.normalised)
                    )
                )
            if mark.dropped:
                lines.append(WORDS["dropped_note"].text())
            return "\n".join(lines)
        return None


class RankingProxy(QSortFilterProxyModel):
    """Sorts by ``SortRole``; keeps the rows whose text holds ``text`` and that match ``award``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._award = ""
        self.setSortRole(SortRole)
        self.setSortLocaleAware(True)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_award(self, award: str) -> None:
        """An award key, ``PENDING``, ``OVERRIDDEN`` or "" (every case)."""
        self.beginFilterChange()
        self._award = award
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        return not isinstance(model, RankingModel) or model.matches(source_row, self._text, self._award)
