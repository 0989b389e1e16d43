# SPDX-License-Identifier: Apache-2.0
"""Advance cases into a round: the season rule's proposal (``app.rounds.advance``), which the organizer
adjusts case by case — every case added or dropped against the proposal needs a reason, and the
service audits each one.

The proposal reads the ranking from the results engine when the desk has one (``DeskServices.ranking``);
until then the organizer gives the advancing cases as a list of codes, which becomes the proposal.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.glossary.terms import round_name
from app.rounds.advance import Adjustment, AdvanceProposal, ProposedCase
from ui.desk.headers import header_text
from ui.errors import error_message
from ui.i18n import QT_TRANSLATE_NOOP
from ui.style import set_state
from ui.tasks import Task, run_task

if TYPE_CHECKING:
    from ui.desk.desk_host import DeskHost

CONTEXT = "ProposalModel"
_HEADERS = (
    QT_TRANSLATE_NOOP("ProposalModel", "Advances"),
    QT_TRANSLATE_NOOP("ProposalModel", "Group"),
    QT_TRANSLATE_NOOP("ProposalModel", "Rank"),
    QT_TRANSLATE_NOOP("ProposalModel", "Code"),
    QT_TRANSLATE_NOOP("ProposalModel", "Title"),
    QT_TRANSLATE_NOOP("ProposalModel", "Hospital"),
    QT_TRANSLATE_NOOP("ProposalModel", "Score"),
    QT_TRANSLATE_NOOP("ProposalModel", "Reason for the change"),
)
COL_CHECK, COL_REASON = 0, 7
_SPLIT = re.compile(r"[\s,，、;；]+")


class ProposalModel(QAbstractTableModel):
    """The proposal's cases; the first column ticks a case in or out, the last holds the reason of a
    change against the proposal (required)."""

    #: The organizer changed a tick or a reason.
    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.proposal: AdvanceProposal | None = None
        self._rows: list[tuple[str, ProposedCase]] = []
        self._chosen: dict[str, bool] = {}
        self._reasons: dict[str, str] = {}

    def set_proposal(self, proposal: AdvanceProposal | None) -> None:
        self.beginResetModel()
        self.proposal = proposal
        groups = proposal.groups if proposal else ()  # in theme order, as the service gives them
        self._rows = [(g.name, c) for g in groups for c in g.cases]
        self._chosen = {c.code: c.proposed for _, c in self._rows}
        self._reasons = {}
        self.endResetModel()
        self.changed.emit()

    def adjustments(self) -> list[Adjustment]:
        """Every case whose tick differs from the proposal, with its reason."""
        return [
            Adjustment(c.code, self._chosen[c.code], self._reasons.get(c.code, "").strip())
            for _, c in self._rows
            if self._chosen[c.code] != c.proposed
        ]

    def advancing(self) -> int:
        return sum(1 for chosen in self._chosen.values() if chosen)

    def set_chosen(self, code: str, chosen: bool) -> None:
        row = next(i for i, (_, c) in enumerate(self._rows) if c.code == code)
        self.setData(
            self.index(row, COL_CHECK),
            Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked,
            Qt.ItemDataRole.CheckStateRole,
        )

    def set_reason(self, code: str, reason: str) -> None:
        row = next(i for i, (_, c) in enumerate(self._rows) if c.code == code)
        self.setData(self.index(row, COL_REASON), reason, Qt.ItemDataRole.EditRole)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_text(CONTEXT, _HEADERS, section, orientation, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_CHECK:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == COL_REASON and self._changed(self._rows[index.row()][1]):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _changed(self, case: ProposedCase) -> bool:
        return self._chosen[case.code] != case.proposed

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        group, case = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_CHECK:
            return Qt.CheckState.Checked if self._chosen[case.code] else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            values = (
                "",
                group,
                "" if case.rank is None else str(case.rank),
                case.code,
                case.title,
                case.hospital,
                "" if case.score is None else f"{case.score:.2f}",
                self._reasons.get(case.code, ""),
            )
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_REASON and self._changed(case):
            return QCoreApplication.translate("ProposalModel", "Say why this case differs from the proposal")
        if role == Qt.ItemDataRole.FontRole and self._changed(case):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid():
            return False
        case = self._rows[index.row()][1]
        if index.column() == COL_CHECK and role == Qt.ItemDataRole.CheckStateRole:
            self._chosen[case.code] = Qt.CheckState(value) == Qt.CheckState.Checked
        elif index.column() == COL_REASON and role == Qt.ItemDataRole.EditRole:
            self._reasons[case.code] = str(value)
        else:
            return False
        row = index.row()
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(_HEADERS) - 1))
        self.changed.emit()
        return True


class AdvanceDialog(QDialog):
    """The proposal for entering a round, adjusted with a reason per change; ``request()`` gives the
    proposal and its adjustments for ``apply_advance``."""

    #: The proposal was read (or refused) and is shown.
    proposal_loaded = Signal()

    def __init__(self, desk: DeskHost, target: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("advanceDialog")
        self.desk = desk
        self.target = target
        ws = desk.workspace
        assert ws is not None
        self.setWindowTitle(
            self.tr("Advance cases into {round}").format(round=round_name(target, ws.rules.year))
        )
        self.setMinimumSize(900, 600)
        self._task: Task[AdvanceProposal] | None = None
        self._requests = 0  # proposals asked for; only the newest one is shown
        self.entry = ws.rules.round(target).entry
        self.model = ProposalModel(self)
        self.model.changed.connect(self._update)

        intro = QLabel()
        intro.setWordWrap(True)
        self.codes = QPlainTextEdit()
        self.codes.setObjectName("advanceCodes")
        self.codes.setPlaceholderText(self.tr("Case codes, one per line or separated by commas"))
        self.codes.setMaximumHeight(90)
        self.propose_button = QPushButton(self.tr("Propose from this list"))
        self.propose_button.setObjectName("proposeAdvance")
        self.propose_button.clicked.connect(lambda: self.propose(from_list=True))
        self.ranking_button = QPushButton(self.tr("Propose from the ranking"))
        self.ranking_button.setObjectName("proposeFromRanking")
        self.ranking_button.clicked.connect(lambda: self.propose(from_list=False))
        proposers = QVBoxLayout()
        proposers.addWidget(self.ranking_button)
        proposers.addWidget(self.propose_button)
        proposers.addStretch(1)
        codes_row = QHBoxLayout()
        codes_row.addWidget(self.codes, 1)
        codes_row.addLayout(proposers)
        self.table = self._build_table()
        self.status = QLabel()
        self.status.setObjectName("advanceStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Advance"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(codes_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        # every case that passed screening enters a round entered by screening: nothing to choose
        by_list = self.entry != "approved"
        ranked = by_list and desk.services.ranking is not None
        self.codes.setVisible(by_list)
        self.propose_button.setVisible(by_list)
        self.ranking_button.setVisible(ranked)
        intro.setText(self._intro(by_list, ranked))
        self._update()
        if not by_list or ranked:
            self.propose(from_list=False)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("proposalTable")
        table.setModel(self.model)
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_REASON, 220)
        return table

    def _intro(self, by_list: bool, ranked: bool) -> str:
        if not by_list:
            return self.tr(
                "Every case that passed screening enters. Untick a case to leave it out, with a reason."
            )
        if ranked:
            return self.tr(
                "The season's rule proposes the best of each group by the results' ranking; or paste "
                "the list of cases that advance. Then tick cases in or out, each change with its reason."
            )
        return self.tr(
            "Paste the codes of the cases that advance (the results' ranking is not available); "
            "then tick cases in or out, each change with its reason."
        )

    def propose(self, from_list: bool = True) -> None:
        """Read the proposal off the GUI thread: the rule's (ranked) one, or the typed list of codes."""
        ws = self.desk.workspace
        assert ws is not None
        services, target = self.desk.services, self.target
        codes = [c for c in _SPLIT.split(self.codes.toPlainText()) if c] if from_list else None
        use_ranking = not from_list and self.entry != "approved" and services.ranking is not None
        ranking = services.ranking(ws) if use_ranking and services.ranking is not None else None
        set_state(self.status, "state", "")
        self.status.setText(self.tr("Reading the proposal…"))
        # Only the newest request may fill the table: a ranked proposal still being read when the
        # organizer asks for a typed list must not land over it.
        self._requests += 1
        request = self._requests
        self.model.set_proposal(None)
        self._task = run_task(
            lambda _t: services.propose_advance(ws, target, ranking=ranking, explicit=codes),
            lambda proposal: self._on_proposal(proposal, request),
            lambda exc: self._on_failed(exc, request),
            owner=self,
        )

    def _on_proposal(self, proposal: AdvanceProposal, request: int) -> None:
        if request != self._requests:
            return
        self.model.set_proposal(proposal)
        self.proposal_loaded.emit()

    def _on_failed(self, exc: BaseException, request: int) -> None:
        if request != self._requests:
            return
        self.model.set_proposal(None)
        set_state(self.status, "state", "error")
        self.status.setText(error_message(exc))
        self.proposal_loaded.emit()

    def _update(self) -> None:
        adjustments = self.model.adjustments()
        missing = [a.case for a in adjustments if not a.reason]
        ok = self.model.proposal is not None and self.model.advancing() > 0 and not missing
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        if self.model.proposal is None:
            return
        set_state(self.status, "state", "error" if missing else "")
        text = self.tr("{count} cases advance; {changes} changed against the proposal.").format(
            count=self.model.advancing(), changes=len(adjustments)
        )
        if missing:
            text += " " + self.tr("Give a reason for {cases}.").format(cases="、".join(missing))
        self.status.setText(text)

    def request(self) -> tuple[AdvanceProposal, list[Adjustment]] | None:
        if self.model.proposal is None:
            return None
        return self.model.proposal, self.model.adjustments()
