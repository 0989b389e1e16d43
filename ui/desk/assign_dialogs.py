# SPDX-License-Identifier: Apache-2.0
"""Questions and answers of the assignment matrix: run the assignment (K, seed), a manual edit (add,
remove or swap a judge on a case, with a reason), and a proven "no solution" named case by case."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.judging.assignment import AssignmentInfeasible
from app.rounds.service import MAX_PER_CASE


@dataclass(frozen=True)
class AssignRequest:
    """Judges per case, the seed, and whether to replace an assignment already made."""

    per_case: int
    seed: int
    replace: bool


class AssignDialog(QDialog):
    """K and the seed; replacing an existing assignment must be ticked on purpose."""

    def __init__(
        self, round_title: str, per_case: int, seed: int, assigned: bool, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("assignDialog")
        self.setWindowTitle(self.tr("Assign {round}").format(round=round_title))
        self.setMinimumWidth(480)
        text = QLabel(
            self.tr(
                "Every case gets K judges: never a hard conflict, loads within one wherever the conflicts "
                "allow, soft conflicts avoided, themes of expertise preferred. The same seed gives the "
                "same assignment."
            )
        )
        text.setWordWrap(True)
        self.per_case = QSpinBox()
        self.per_case.setObjectName("assignPerCase")
        self.per_case.setRange(1, MAX_PER_CASE)
        self.per_case.setValue(per_case)
        self.seed = QSpinBox()
        self.seed.setObjectName("assignSeed")
        self.seed.setRange(0, 2_000_000_000)
        self.seed.setValue(seed)
        self.replace = QCheckBox(
            self.tr("Replace the assignment already made (only before any score arrives)")
        )
        self.replace.setObjectName("assignReplace")
        self.replace.setVisible(assigned)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Assign"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.replace.toggled.connect(self._update)
        self.assigned = assigned
        form = QFormLayout()
        form.addRow(self.tr("Judges per case (K)"), self.per_case)
        form.addRow(self.tr("Seed"), self.seed)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.replace)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        ok = not self.assigned or self.replace.isChecked()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def request(self) -> AssignRequest:
        return AssignRequest(self.per_case.value(), self.seed.value(), self.replace.isChecked())


@dataclass(frozen=True)
class EditRequest:
    """A manual edit: ``action`` add / remove / swap; ``judge`` goes on (add) or off (remove, swap);
    ``incoming`` replaces them (swap)."""

    action: str
    case: str
    judge: str
    incoming: str | None
    reason: str


class EditDialog(QDialog):
    """One manual edit of a case's judges, with an optional reason (audited)."""

    def __init__(
        self,
        action: str,
        case: str,
        judge: tuple[str, str],
        candidates: list[tuple[str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("editAssignmentDialog")
        self.action, self.case, self.judge = action, case, judge[0]
        titles = {
            "add": self.tr("Add {judge} to case {case}"),
            "remove": self.tr("Take {judge} off case {case}"),
            "swap": self.tr("Replace {judge} on case {case}"),
        }
        self.setWindowTitle(titles[action].format(judge=f"{judge[0]} {judge[1]}", case=case))
        self.setMinimumWidth(460)
        form = QFormLayout()
        self.incoming = QComboBox()
        self.incoming.setObjectName("swapIncoming")
        for code, label in candidates or []:
            self.incoming.addItem(label, code)
        if action == "swap":
            form.addRow(self.tr("New judge"), self.incoming)
        self.reason = QLineEdit()
        self.reason.setObjectName("editReason")
        self.reason.setPlaceholderText(self.tr("Why (kept in the audit log)"))
        form.addRow(self.tr("Reason"), self.reason)
        note = QLabel(
            self.tr(
                "The same rules as the assignment check the edit: a hard conflict is refused, "
                "anything else the round should know is said after."
            )
        )
        note.setObjectName("dialogHint")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def request(self) -> EditRequest:
        incoming = self.incoming.currentData() if self.action == "swap" else None
        return EditRequest(self.action, self.case, self.judge, incoming, self.reason.text().strip())


class InfeasibleDialog(QDialog):
    """A proven "no solution": the service's sentence, then each group of cases and why."""

    def __init__(self, exc: AssignmentInfeasible, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("infeasibleDialog")
        self.setWindowTitle(self.tr("No assignment is possible"))
        self.setMinimumSize(620, 360)
        head = QLabel(exc.text())
        head.setObjectName("infeasibleText")
        head.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("shortfallList")
        self.list.setWordWrap(True)
        for shortfall in exc.shortfalls:
            cases = "、".join(shortfall.cases[:30]) + ("…" if len(shortfall.cases) > 30 else "")
            item = QListWidgetItem(f"{shortfall.text()}\n{cases}")
            item.setToolTip("、".join(shortfall.cases))
            self.list.addItem(item)
        hint = QLabel(
            self.tr(
                "Nothing was changed. Lower K, name more judges for the round, or review the "
                "conflicts of these cases' themes, then assign again."
            )
        )
        hint.setObjectName("dialogHint")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons, 0, Qt.AlignmentFlag.AlignRight)
