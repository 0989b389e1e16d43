# SPDX-License-Identifier: Apache-2.0
"""Live mode for a judge in the hall: one case at a time, big score inputs, submit sends to the organizer.

Submitting saves the scores in the judge's home (as always), marks the case submitted, exports a fresh
signed bundle and posts it to the organizer's live receiver (``app.judge_home.send``); the organizer's
answer — merged, or why not — is shown in large type. Nothing is lost if the network fails: the scores
are saved and the bundle stays in the home's outbox for a USB stick.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.judge_home import JudgeHome
from app.judge_home.send import SendResult, send_bundle
from ui.errors import error_message
from ui.judge.score_spin_box import ScoreSpinBox
from ui.tasks import TaskContext, run_task


class LiveModeDialog(QDialog):
    """The judge's live scoring window for an opened home; ``url`` is the organizer's receiver."""

    def __init__(self, home: JudgeHome, url: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("liveModeDialog")
        self.setWindowTitle(self.tr("Live mode"))
        self.home = home
        self.info = home.info()
        self.last_result: SendResult | None = None
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.url = QLineEdit(
            url, objectName="liveUrl", placeholderText=self.tr("organizer's address, e.g. 192.168.1.10:8765")
        )
        top.addWidget(QLabel(self.tr("Send to")))
        top.addWidget(self.url, 1)
        layout.addLayout(top)

        self.case = QComboBox(objectName="liveCase")
        for c in home.cases():
            label = f"{c.code}　{c.hospital}　{c.title}" if c.hospital else f"{c.code}　{c.title}"
            self.case.addItem(label, c.id)
        layout.addWidget(self.case)

        form = QFormLayout()
        self.inputs: dict[str, ScoreSpinBox] = {}
        for criterion in self.info.criteria:
            # the same entry and the same checks as the rubric: a value is refused, never altered
            box = ScoreSpinBox(criterion.max, criterion.step, criterion.name)
            box.setObjectName("liveScore")
            box.score_entered.connect(lambda _value: self._show_total())
            box.problem_changed.connect(self._show_problem)
            self.inputs[criterion.key] = box
            label = QLabel(self.tr("{name} (0–{max:g})").format(name=criterion.name, max=criterion.max))
            label.setObjectName("liveCriterion")
            form.addRow(label, box)
        layout.addLayout(form)
        self.total = QLabel(objectName="liveTotal", alignment=Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.total)
        self.send_button = QPushButton(self.tr("Submit and send"), objectName="liveSend")
        self.send_button.setProperty("primary", True)
        self.send_button.clicked.connect(self.submit_and_send)
        layout.addWidget(self.send_button)
        self.outcome = QLabel(objectName="liveOutcome", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.outcome)
        self.case.currentIndexChanged.connect(self._load_case)
        self._load_case()

    def case_id(self) -> int:
        return int(self.case.currentData())

    def _load_case(self) -> None:
        scores = self.home.scores(self.case_id())
        submitted = scores.state == "submitted"
        for key, box in self.inputs.items():
            box.set_score(scores.values.get(key))
            box.setEnabled(not submitted and scores.state != "recused")
        self.send_button.setText(self.tr("Send again") if submitted else self.tr("Submit and send"))
        self.send_button.setEnabled(scores.state != "recused")
        self.outcome.clear()
        self._show_total()

    def _show_total(self) -> None:
        values = [b.score() for b in self.inputs.values()]
        if any(v is None for v in values):
            self.total.setText(self.tr("Total: —"))
            return
        weights = {c.key: Decimal(str(c.weight)) for c in self.info.criteria}
        total = sum((Decimal(str(b.score())) * weights[k] for k, b in self.inputs.items()), Decimal(0))
        self.total.setText(self.tr("Total: {total}").format(total=f"{total.normalize():f}"))

    def _show_problem(self, problem: str) -> None:
        """A score typed that is not a valid score says why at once (range and step)."""
        self.outcome.setText(problem)
        self.outcome.setProperty("outcome", "refused" if problem else "")
        self._restyle()

    def submit_and_send(self) -> None:
        """Save and submit the case's scores (if not yet), then send a fresh bundle; off the GUI thread."""
        case_id = self.case_id()
        for box in self.inputs.values():
            box.commit()
        problems = [b.problem for b in self.inputs.values() if b.problem]
        if problems:
            self._show_problem(problems[0])
            return
        values = {k: b.score() for k, b in self.inputs.items()}
        if any(v is None for v in values.values()) and self.home.scores(case_id).state != "submitted":
            self.outcome.setText(self.tr("Score every criterion first."))
            self.outcome.setProperty("outcome", "refused")
            return
        url = self.url.text().strip()
        home = self.home
        self.send_button.setEnabled(False)
        self.outcome.setText(self.tr("Sending…"))

        def work(_task: TaskContext) -> SendResult:
            if home.scores(case_id).state != "submitted":
                for key, value in values.items():
                    home.set_score(case_id, key, value)
                home.submit(case_id)
            return send_bundle(home, url)

        run_task(work, self._on_sent, self._on_failed, owner=self)

    def _on_sent(self, result: SendResult) -> None:
        self.last_result = result
        self.outcome.setText(f"{result.name}\n{result.message}")
        self.outcome.setProperty("outcome", "accepted" if result.accepted else "refused")
        self._restyle()
        self._load_case_keep_outcome()

    def _on_failed(self, exc: BaseException) -> None:
        self.outcome.setText(error_message(exc))
        self.outcome.setProperty("outcome", "refused")
        self._restyle()
        self._load_case_keep_outcome()

    def _load_case_keep_outcome(self) -> None:
        text = self.outcome.text()
        self._load_case()
        self.outcome.setText(text)

    def _restyle(self) -> None:
        self.outcome.style().unpolish(self.outcome)
        self.outcome.style().polish(self.outcome)
