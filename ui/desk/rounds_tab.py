# SPDX-License-Identifier: Apache-2.0
"""The desk's round overview: every round of the season with its state, cases, judges and progress;
the selected round's assignment settings (checked by ``app.rounds.service``), its judges, and how its
cases come in (admit the approved ones, or advance cases from the round before)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.glossary.assignment import EXPERTISE_MODE, ROUND_STATUS, name
from app.glossary.terms import award_name, round_name
from app.judging.roster import JudgeRow
from app.rounds.service import MAX_PER_CASE, RoundView
from ui.desk.advance_dialog import AdvanceDialog
from ui.desk.desk_services import DeskSnapshot
from ui.desk.headers import header_text
from ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from ui.desk.desk_host import DeskHost

CONTEXT = "RoundTableModel"
_HEADERS = (
    QT_TRANSLATE_NOOP("RoundTableModel", "Round"),
    QT_TRANSLATE_NOOP("RoundTableModel", "State"),
    QT_TRANSLATE_NOOP("RoundTableModel", "Dates"),
    QT_TRANSLATE_NOOP("RoundTableModel", "Cases"),
    QT_TRANSLATE_NOOP("RoundTableModel", "Judges"),
    QT_TRANSLATE_NOOP("RoundTableModel", "Per case"),
    QT_TRANSLATE_NOOP("RoundTableModel", "Assigned"),
    QT_TRANSLATE_NOOP("RoundTableModel", "Scored"),
    QT_TRANSLATE_NOOP("RoundTableModel", "Submitted"),
)
#: Keys of the round model's columns.
ROUND_COLUMNS = ("round", "state", "dates", "cases", "judges", "per_case", "assigned", "scored", "submitted")


class RoundTableModel(QAbstractTableModel):
    """One round a row, in the season's order; read-only."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rounds: list[RoundView] = []
        self.season: int | None = None

    def set_rounds(self, rounds: list[RoundView], season: int | None) -> None:
        self.beginResetModel()
        self._rounds, self.season = list(rounds), season
        self.endResetModel()

    def round_at(self, row: int) -> RoundView:
        return self._rounds[row]

    def row_of(self, key: str) -> int | None:
        return next((i for i, r in enumerate(self._rounds) if r.key == key), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rounds)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_text(CONTEXT, _HEADERS, section, orientation, role)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        r = self._rounds[index.row()]
        key = ROUND_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 3:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole and r.rubric is None:
            return QCoreApplication.translate(
                "RoundTableModel", "Not scored by judges: nothing to assign at the desk"
            )
        if role == Qt.ItemDataRole.ToolTipRole and key == "judges" and not r.judges_named:
            return QCoreApplication.translate(
                "RoundTableModel", "Every active judge (none named for this round)"
            )
        return None

    def _text(self, r: RoundView, key: str) -> str:
        judged = r.rubric is not None
        if key == "round":
            return round_name(r.key, self.season) or r.name
        if key == "state":
            return name(ROUND_STATUS, r.status) if judged else "—"
        if key == "dates":
            days = [d.strftime("%Y-%m-%d") for d in (r.starts_on, r.ends_on) if d is not None]
            return " – ".join(dict.fromkeys(days))
        values = {
            "cases": r.cases if judged else None,
            "judges": r.judges if judged else None,
            "per_case": r.settings.judges_per_case if judged else None,
            "assigned": r.assignments if judged else None,
            "scored": r.scored if judged else None,
            "submitted": r.submitted if judged else None,
        }
        value = values.get(key)
        return "—" if value is None else str(value)


class RoundJudgesDialog(QDialog):
    """Name the judges of a round (none ticked: every active judge)."""

    def __init__(
        self, round_title: str, judges: list[JudgeRow], named: set[str], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("roundJudgesDialog")
        self.setWindowTitle(self.tr("Judges of {round}").format(round=round_title))
        self.setMinimumSize(420, 480)
        note = QLabel(
            self.tr("Tick the judges of this round. With none ticked, every active judge takes part.")
        )
        note.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("roundJudgeList")
        for j in judges:
            if not j.active:
                continue
            item = QListWidgetItem(f"{j.code}  {j.name}  ·  {j.institution}")
            item.setData(Qt.ItemDataRole.UserRole, j.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if j.code in named else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]


class RoundsTab(QWidget):
    """Rounds table on the left; the selected round's settings and membership on the right."""

    def __init__(self, desk: DeskHost) -> None:
        super().__init__()
        self.setObjectName("deskRounds")
        self.desk = desk
        self.model = RoundTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("roundTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(16)
        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(self.table, 1)
        left.addWidget(self._build_progress())
        layout.addLayout(left, 3)
        side = QVBoxLayout()
        side.setSpacing(12)
        side.addWidget(self._build_settings())
        side.addWidget(self._build_membership())
        side.addStretch(1)
        panel = QWidget()
        panel.setObjectName("deskSidePanel")
        panel.setLayout(side)
        panel.setMinimumWidth(340)
        panel.setMaximumWidth(440)
        layout.addWidget(panel, 2)
        self.selected: RoundView | None = None

    def _build_progress(self) -> QGroupBox:
        box = self.progress_box = QGroupBox()
        box.setObjectName("roundProgress")
        layout = QVBoxLayout(box)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("roundProgressBar")
        self.progress_bar.setTextVisible(True)
        self.progress_facts = QLabel()
        self.progress_facts.setObjectName("roundProgressFacts")
        self.progress_facts.setWordWrap(True)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.progress_facts)
        return box

    def _show_progress(self, snap: DeskSnapshot) -> None:
        """The followed round's progress: scores submitted, judges and cases done, packages out."""
        r, matrix = self.desk.round_view(snap.round_key), snap.matrix
        ws = self.desk.workspace
        if r is None or matrix is None or ws is None:
            self.progress_box.hide()
            return
        self.progress_box.show()
        self.progress_box.setTitle(
            self.tr("Progress of {round}").format(round=round_name(r.key, ws.rules.year))
        )
        self.progress_bar.setRange(0, max(1, r.assignments))
        self.progress_bar.setValue(r.submitted)
        self.progress_bar.setFormat(
            self.tr("{submitted} of {assigned} scores submitted").format(
                submitted=r.submitted, assigned=r.assignments
            )
        )
        submitted: dict[int, int] = {}
        for cell in matrix.cells:
            if cell.state == "submitted":
                submitted[cell.case_id] = submitted.get(cell.case_id, 0) + 1
        cases_done = sum(1 for c in matrix.cases if c.judges and submitted.get(c.case_id, 0) >= c.judges)
        short = sum(1 for c in matrix.cases if c.judges < matrix.per_case)
        judges_done = sum(1 for j in matrix.judges if j.assigned and j.submitted == j.assigned)
        built = sum(1 for p in snap.packages if p.state != "none")
        outdated = sum(1 for p in snap.packages if p.state == "outdated")
        lines = (
            self.tr("{started} scores started · {done} of {judges} judges finished").format(
                started=r.scored, done=judges_done, judges=len(matrix.judges)
            ),
            self.tr("{done} of {cases} cases fully scored · {short} cases short of judges").format(
                done=cases_done, cases=len(matrix.cases), short=short
            ),
            self.tr("{built} packages handed out · {outdated} to build again").format(
                built=built, outdated=outdated
            ),
        )
        self.progress_facts.setText("\n".join(lines))

    def _build_settings(self) -> QGroupBox:
        box = QGroupBox(self.tr("Assignment settings"))
        box.setObjectName("roundSettings")
        form = QFormLayout(box)
        self.per_case = QSpinBox()
        self.per_case.setObjectName("perCase")
        self.per_case.setRange(1, MAX_PER_CASE)
        self.province = QCheckBox(self.tr("Avoid judges from the case's province"))
        self.province.setObjectName("avoidProvince")
        self.region = QCheckBox(self.tr("Avoid judges from the case's region"))
        self.region.setObjectName("avoidRegion")
        self.expertise = QComboBox()
        self.expertise.setObjectName("expertiseMode")
        for key, term in EXPERTISE_MODE.items():
            self.expertise.addItem(term.text(), key)
        self.max_per_judge = QSpinBox()
        self.max_per_judge.setObjectName("maxPerJudge")
        self.max_per_judge.setRange(0, 10000)
        self.max_per_judge.setSpecialValueText(self.tr("No cap"))
        self.save_button = QPushButton(self.tr("Save settings"))
        self.save_button.setObjectName("saveRoundSettings")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save_settings)
        form.addRow(self.tr("Judges per case"), self.per_case)
        form.addRow(self.province)
        form.addRow(self.region)
        form.addRow(self.tr("Themes of expertise"), self.expertise)
        form.addRow(self.tr("Most cases per judge"), self.max_per_judge)
        form.addRow(self.save_button)
        return box

    def _build_membership(self) -> QGroupBox:
        box = QGroupBox(self.tr("Cases and judges"))
        layout = QVBoxLayout(box)
        self.entry_label = QLabel()
        self.entry_label.setObjectName("roundEntry")
        self.entry_label.setWordWrap(True)
        layout.addWidget(self.entry_label)
        self.admit_button = QPushButton(self.tr("Admit approved cases"))
        self.admit_button.setObjectName("admitApproved")
        self.admit_button.clicked.connect(self.admit_approved)
        self.advance_button = QPushButton(self.tr("Advance cases…"))
        self.advance_button.setObjectName("advanceCases")
        self.advance_button.clicked.connect(self.advance)
        self.judges_button = QPushButton(self.tr("Choose judges…"))
        self.judges_button.setObjectName("roundJudges")
        self.judges_button.clicked.connect(self.choose_judges)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeRound")
        self.close_button.clicked.connect(self.toggle_closed)
        for button in (self.admit_button, self.advance_button, self.judges_button, self.close_button):
            layout.addWidget(button)
        return box

    # -- showing -----------------------------------------------------------------------------------

    def show_snapshot(self, snap: DeskSnapshot) -> None:
        season = self.desk.workspace.rules.year if self.desk.workspace is not None else None
        key = self.selected.key if self.selected else snap.round_key
        self.model.set_rounds(snap.rounds, season)
        self._show_progress(snap)
        row = self.model.row_of(key)
        if row is not None:
            self.table.selectRow(row)
            self._on_row(self.model.index(row, 0))

    def _on_row(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        r = self.model.round_at(index.row())
        self.selected = r
        s = r.settings
        judged = r.rubric is not None
        open_ = r.closed_at is None
        self.per_case.setValue(s.judges_per_case)
        self.province.setChecked(s.avoid_same_province)
        self.region.setChecked(s.avoid_same_region)
        self.expertise.setCurrentIndex(max(0, self.expertise.findData(s.expertise)))
        self.max_per_judge.setValue(s.max_per_judge or 0)
        for widget in (self.per_case, self.province, self.region, self.expertise, self.max_per_judge):
            widget.setEnabled(judged and open_)
        self.save_button.setEnabled(judged and open_)
        entry = self._entry(r.key)
        self.entry_label.setText(self._entry_text(r, entry))
        self.admit_button.setVisible(entry == "approved")
        self.advance_button.setVisible(entry not in ("approved", "none", ""))
        for button in (self.admit_button, self.advance_button, self.judges_button):
            button.setEnabled(open_ and judged)
        self.close_button.setText(self.tr("Close round") if open_ else self.tr("Reopen round"))
        self.close_button.setEnabled(judged)
        if judged:
            self.desk.set_round(r.key)

    def _entry(self, key: str) -> str:
        ws = self.desk.workspace
        try:
            return ws.rules.round(key).entry if ws is not None else ""
        except KeyError:
            return ""

    def _entry_text(self, r: RoundView, entry: str) -> str:
        ws = self.desk.workspace
        if entry == "approved":
            return self.tr("Cases enter this round by passing screening.")
        if entry == "award" and ws is not None:
            award = ws.rules.round(r.key).entry_award or ""
            return self.tr("Cases enter with the award “{award}” of an earlier round.").format(
                award=award_name(award, ws.rules.year)
            )
        if entry == "final_tickets":
            return self.tr("Each group's winner of the round before enters, plus the best of the rest.")
        return self.tr("Nobody is judged in this round at the desk.")

    # -- actions -----------------------------------------------------------------------------------

    def save_settings(self) -> None:
        r, ws = self.selected, self.desk.workspace
        if r is None or ws is None:
            return
        values = dict(
            judges_per_case=self.per_case.value(),
            avoid_same_province=self.province.isChecked(),
            avoid_same_region=self.region.isChecked(),
            expertise=self.expertise.currentData(),
            max_per_judge=self.max_per_judge.value(),
        )
        update = self.desk.services.update_settings
        self.desk.run_write(
            lambda _t: update(ws, r.key, **values),
            lambda _s: self.desk.message.emit(self.tr("Settings saved.")),
            title=self.tr("Assignment settings"),
        )

    def admit_approved(self) -> None:
        r, ws = self.selected, self.desk.workspace
        if r is None or ws is None:
            return
        admit = self.desk.services.admit_approved
        self.desk.run_write(
            lambda _t: admit(ws, r.key),
            lambda n: self.desk.message.emit(self.tr("{count} approved cases admitted.").format(count=n)),
            title=self.tr("Admit approved cases"),
        )

    def advance(self) -> None:
        r, ws = self.selected, self.desk.workspace
        if r is None or ws is None:
            return
        dialog = AdvanceDialog(self.desk, r.key, self)
        request = self.desk.ctx.prompter.ask(dialog, dialog.request)
        if request is None:
            return
        proposal, adjustments = request
        apply = self.desk.services.apply_advance
        self.desk.run_write(
            lambda _t: apply(ws, proposal, adjustments),
            lambda result: self.desk.message.emit(
                self.tr("{count} cases now in the round.").format(count=len(result.admitted))
            ),
            title=self.tr("Advance cases"),
        )

    def choose_judges(self) -> None:
        r, ws, snap = self.selected, self.desk.workspace, self.desk.snapshot
        if r is None or ws is None or snap is None:
            return
        named = set()
        if r.judges_named and snap.matrix is not None and snap.matrix.round == r.key:
            named = {j.code for j in snap.matrix.judges}
        dialog = RoundJudgesDialog(round_name(r.key, ws.rules.year), snap.judges, named, self)
        chosen = self.desk.ctx.prompter.ask(dialog, dialog.chosen)
        if chosen is None:
            return
        set_judges = self.desk.services.set_round_judges
        self.desk.run_write(
            lambda _t: set_judges(ws, r.key, chosen),
            lambda _codes: None,
            title=self.tr("Judges of the round"),
        )

    def toggle_closed(self) -> None:
        r, ws = self.selected, self.desk.workspace
        if r is None or ws is None:
            return
        closing = r.closed_at is None
        if closing and not self.desk.ctx.prompter.confirm(
            self,
            self.tr("Close round"),
            self.tr("Close {round}? Its assignment can no longer change.").format(
                round=round_name(r.key, ws.rules.year)
            ),
        ):
            return
        set_closed = self.desk.services.set_closed
        self.desk.run_write(
            lambda _t: set_closed(ws, r.key, closing), lambda _v: None, title=self.tr("Close round")
        )
